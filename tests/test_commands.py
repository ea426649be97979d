"""Each command in-process on the small hand-made KB, where the right answers are known."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import Run


def flat(text: str) -> str:
    """Whitespace runs folded to one space, so assertions don't depend on column padding."""
    return re.sub(r"\s+", " ", text)


def ok(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "\x1b[" not in result.stdout
    return str(result.stdout)


# --- role ---------------------------------------------------------------------------


def test_role_shows_skills_pay_sources_and_way_in(run: Run, mini: Path) -> None:
    out = ok(run("role", "Machine Learning Engineer", data=mini))
    assert out.startswith("Machine Learning Engineer\n")
    assert "technical track · ML Engineering pay family · also: MLE, ML Engineer" in out
    for fragment in (
        "essential Languages: Python Frameworks and libraries: PyTorch",
        "important MLOps and deployment: Kubernetes",
        "Python 7/7",
        "$100K-$140K",
        "median $115,599 (entry-level)",
        "Guide A, 2025; ML Engineering family",
        "Guide B, year not stated",
        "Experience: 3-6+ years",
        "Foundation (by 6-9 months) → Core Skills (by 9-15 months); "
        "total 9-15 months (end of the last phase)",
        "Guide A (2025) · seed file a.txt",
    ):
        assert fragment in flat(out), fragment


def test_role_prints_yaml_text_literally(run: Run, mini: Path) -> None:
    out = ok(run("role", "MLE", data=mini))
    assert "Primary focus: Production ML systems, [deployment]" in out


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("MLE", "Machine Learning Engineer"),
        ("ml engineer", "Machine Learning Engineer"),
        ("Data Engineer", "Data Engineer"),
        ("analytics data engineer", "Analytics / Data Engineer"),
        ("  DATA   scientist ", "Data Scientist"),
    ],
)
def test_role_exact_names_and_aliases_resolve_silently(
    run: Run, mini: Path, typed: str, title: str
) -> None:
    out = ok(run("role", typed, data=mini))
    assert out.splitlines()[0] == title


def test_role_typo_resolves_and_says_so_on_stderr(run: Run, mini: Path) -> None:
    result = run("role", "machine lerning engineer", data=mini)
    assert result.exit_code == 0
    assert result.stdout.startswith("Machine Learning Engineer\n")
    assert result.stderr == (
        "careercli: 'machine lerning engineer' taken as role 'Machine Learning Engineer'\n"
    )


def test_role_ambiguous_name_lists_candidates(run: Run, mini: Path) -> None:
    result = run("role", "engineer", data=mini)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "careercli: error: 'engineer' fits more than one role; did you mean: "
        "Data Engineer, Machine Learning Engineer, Analytics / Data Engineer?\n"
    )


def test_role_unknown_and_short_names(run: Run, mini: Path) -> None:
    result = run("role", "Astronaut", data=mini)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("careercli: error: no role matches 'Astronaut'")
    result = run("role", "ML", data=mini)
    assert result.exit_code == 1
    assert result.stderr.startswith("careercli: error: no role is named 'ML'")


def test_nonsense_gets_no_random_suggestions(run: Run) -> None:
    """A short query must not 'suggest' any long name sharing a few letters with it."""
    for kind in ("role", "skill"):
        result = run(kind, "nope")  # the bundled KB: too many names to list them all
        assert result.stderr == f"careercli: error: no {kind} matches 'nope'\n"
    near = run("role", "Machine Lerner").stderr
    assert "did you mean: " in near and "Machine Learning Engineer" in near
    assert "did you mean: SQL" in run("skill", "sqk").stderr  # a short typo of a short name


def test_role_empty_name_is_a_usage_error(run: Run, mini: Path) -> None:
    result = run("role", "   ", data=mini)
    assert (result.exit_code, result.stderr) == (2, "careercli: error: role name is empty\n")


def test_role_json_carries_the_same_facts(run: Run, mini: Path) -> None:
    data = json.loads(ok(run("role", "MLE", "--json", data=mini)))
    assert data["id"] == "machine-learning-engineer"
    entry = [p for p in data["pay"] if p["level"] == "entry"]
    assert {(p["min"], p["max"], p["year"], p["via_family"]) for p in entry} == {
        (100000, 140000, 2025, "ML Engineering"),
        (115599, None, None, None),
    }
    assert data["roadmap_totals"] == [
        {
            "roadmap": "Learning Path",
            "total": {"min": 9, "max": 15, "unit": "months", "open_ended": False},
            "stated_by_source": False,
            "source": "guide-a",
            "year": 2025,
        }
    ]
    assert data["progress"] is None


# --- compare ------------------------------------------------------------------------


def test_compare_shows_shared_unique_overlap_and_pay(run: Run, mini: Path) -> None:
    out = ok(run("compare", "MLE", "Data Scientist", data=mini, width=120))
    assert "Skills both need Python, PyTorch, SQL" in flat(out)
    assert "Machine Learning Engineer ↔ Data Scientist: 50% (3 of 6 skills)" in out
    assert "Only here, important: Kubernetes" in out
    assert "Only here, essential: Statistics" in out
    # each figure cites a numbered source, spelled out under the table
    (n,) = re.findall(r"\[(\d)\] Guide A, 2025; ML Engineering family", out)
    assert f"$140K-$190K [{n}]" in out


def test_compare_needs_two_roles(run: Run, mini: Path) -> None:
    result = run("compare", "MLE", data=mini)
    assert result.exit_code == 2
    assert result.stderr == (
        "careercli: error: compare needs two or more roles, "
        'e.g. careercli compare "Data Scientist" MLE\n'
    )


def test_compare_json(run: Run, mini: Path) -> None:
    data = json.loads(ok(run("compare", "MLE", "Data Engineer", "--json", data=mini)))
    assert [r["id"] for r in data["roles"]] == ["machine-learning-engineer", "data-engineer"]
    assert data["shared_skills"] == ["python", "spark", "sql"]
    assert data["overlap"][0]["pct"] == round(100 * 3 / 6)


def test_compare_stacks_panels_on_a_narrow_terminal(run: Run, mini: Path) -> None:
    wide = ok(run("compare", "MLE", "Data Scientist", data=mini, width=120))
    narrow = ok(run("compare", "MLE", "Data Scientist", data=mini, width=40))
    assert "╮ ╭" in wide  # side by side
    assert "╮ ╭" not in narrow  # one above the other
    assert all(len(line) <= 40 for line in narrow.splitlines())


# --- skill --------------------------------------------------------------------------


def test_skill_shows_roles_tiers_listings_and_companions(run: Run, mini: Path) -> None:
    out = ok(run("skill", "torch", data=mini))
    assert out.startswith("PyTorch\nframework · also: torch\n")
    assert "• Tensors and autograd" in out
    assert "Machine Learning Engineer essential Frameworks and libraries" in flat(out)
    assert "Data Scientist useful" in flat(out)
    assert "PyTorch/TensorFlow 5/7" in flat(out)
    assert "Python (2), SQL (2)" in out
    assert "Machine Learning Engineer: Learning Path › Core Skills" in out


def test_skill_alias_and_typo(run: Run, mini: Path) -> None:
    assert ok(run("skill", "k8s", data=mini)).startswith("Kubernetes\n")
    result = run("skill", "pytroch", data=mini)
    assert result.exit_code == 0 and result.stdout.startswith("PyTorch\n")
    assert result.stderr == "careercli: 'pytroch' taken as skill 'PyTorch'\n"


def test_skill_json(run: Run, mini: Path) -> None:
    data = json.loads(ok(run("skill", "python", "--json", data=mini)))
    assert data["needed_by"][0]["role"] == "data-engineer"
    assert data["listing_frequencies"] == [
        {
            "role": "machine-learning-engineer",
            "label": "Python",
            "count": 7,
            "sample_size": 7,
            "source": "guide-b",
            "year": None,
        }
    ]


# --- roadmap ------------------------------------------------------------------------


def test_roadmap_of_a_role_is_a_tree_with_total(run: Run, mini: Path) -> None:
    out = ok(run("roadmap", "MLE", data=mini))
    assert "Learning Path [Guide A, 2025] total 9-15 months (end of the last phase)" in out
    assert "├── Foundation (by 6-9 months)" in out
    assert "└── Skills: Kubernetes, PyTorch" in out


def test_roadmap_without_role_shows_tracks(run: Run, mini: Path) -> None:
    out = ok(run("roadmap", data=mini))
    assert "Data Scientist → ML Engineer → AI Architect [Guide A, 2025]" in out
    assert "├── Data Scientist (1-2 years)" in out
    assert "Machine Learning Engineer: 9-15 months" in out


def test_roadmap_json(run: Run, mini: Path) -> None:
    data = json.loads(ok(run("roadmap", "MLE", "--json", data=mini)))
    assert data["roadmaps"][0]["phases"][1]["name"] == "Core Skills"
    assert data["roadmaps"][0]["computed_total"]["max"] == 15


# --- roles and skills ---------------------------------------------------------------


def test_roles_filters_and_order(run: Run, mini: Path) -> None:
    out = ok(run("roles", "--track", "technical", data=mini))
    titles = [line.split("  ")[0] for line in out.splitlines()[1:]]
    assert titles == ["Data Scientist", "Machine Learning Engineer"]
    out = ok(run("roles", "--family", "ml engineering", data=mini))
    assert "Machine Learning Engineer" in out and "Data Scientist" not in out


def test_roles_bad_track_is_a_usage_error(run: Run, mini: Path) -> None:
    result = run("roles", "--track", "wizard", data=mini)
    assert result.exit_code == 2
    assert result.stderr == (
        "careercli: error: Invalid value for '--track': no track matches 'wizard'; choose from: "
        "technical, specialized, business, leadership (see 'careercli roles --help')\n"
    )


def test_tracks_and_categories_take_short_names_like_any_other_name(run: Run) -> None:
    """One resolver policy: a prefix (``tech``), any case, a typo (``specialsed``)."""
    for typed, track in (("tech", "technical"), ("SPECIALIZED", "specialized"),
                         ("specialsed", "specialized"), ("lead", "leadership")):  # fmt: skip
        result = run("roles", "--track", typed, "--json")
        rows = json.loads(result.stdout)
        assert result.exit_code == 0 and rows and {r["track"] for r in rows} == {track}
        typo = typed == "specialsed"
        assert result.stderr == (
            "careercli: 'specialsed' taken as track 'specialized'\n" if typo else ""
        )
    skills = json.loads(ok(run("skills", "--category", "fram", "--json")))
    assert skills and {s["category"] for s in skills} == {"framework"}


def test_skills_listing_by_need_and_category(run: Run, mini: Path) -> None:
    out = ok(run("skills", data=mini))
    assert out.splitlines()[1].startswith("SQL ")
    data = json.loads(ok(run("skills", "--category", "tool", "--json", data=mini)))
    assert [s["name"] for s in data] == ["Airflow", "dbt"]


# --- match, path, salary, search, industry ------------------------------------------


def test_match_weighs_both_what_you_have_of_the_role_and_what_it_needs_of_you(
    run: Run, mini: Path
) -> None:
    data = json.loads(ok(run("match", "python", "sql", "--json", data=mini)))
    ranked = [(r["title"], r["coverage"], r["needs_yours"], r["score"]) for r in data["roles"]]
    # score = mean of the two; Analytics covers most of its short list but needs only SQL
    assert ranked == [
        ("Data Engineer", 60.0, 100.0, 80.0),  # ties with Data Scientist, misses no essential
        ("Data Scientist", 60.0, 100.0, 80.0),
        ("Analytics / Data Engineer", 75.0, 50.0, 62.5),
        ("Machine Learning Engineer", 40.0, 66.7, 53.3),
    ]
    assert data["roles"][1]["missing_essential_names"] == ["Statistics"]
    assert [r["uses_your_skills"] for r in data["roles"]] == [2, 2, 1, 2]
    assert {r["your_skills"] for r in data["roles"]} == {2}


def test_match_names_unknown_skills_and_still_ranks(run: Run, mini: Path) -> None:
    result = run("match", "python", "basket weaving", "--top", "1", data=mini)
    assert result.exit_code == 0
    assert result.stderr.startswith("careercli: skipped: no skill matches 'basket weaving'")
    assert "Data Engineer" in result.stdout
    assert "essential 3, important 2, useful 1" in flat(result.stdout)


def test_match_without_skills_or_profile(run: Run, mini: Path) -> None:
    result = run("match", data=mini)
    assert result.exit_code == 2
    assert "careercli profile add" in result.stderr


def test_path_between_roles(run: Run, mini: Path) -> None:
    data = json.loads(ok(run("path", "Data Scientist", "MLE", "--json", data=mini)))
    assert data["skills_to_add"][0] == {
        "skill": "kubernetes",
        "name": "Kubernetes",
        "tier": "important",
        "phase": "Learning Path › Core Skills",
        "phase_of_role": None,
    }
    assert data["skills_carried_over"] == ["python", "pytorch", "sql"]
    assert data["career_tracks"] == ["ds-to-architect"]
    out = ok(run("path", "Data Scientist", "MLE", data=mini))
    assert "Skills that carry over (3) Python, PyTorch, SQL" in flat(out)


def test_path_pay_change_only_within_one_source(run: Run, mini: Path) -> None:
    data = json.loads(ok(run("path", "Data Engineer", "MLE", "--json", data=mini)))
    entry = [p for p in data["pay"] if p["level"] == "entry"]
    assert all(p["change"] is None for p in entry)  # DE's and MLE's figures: other sources


def test_salary_board_ranks_roles_at_a_level(run: Run, mini: Path) -> None:
    data = json.loads(ok(run("salary", "--level", "entry", "--json", data=mini)))
    assert [(d["role"], d["max"]) for d in data][:2] == [
        ("Machine Learning Engineer", 140000),
        ("Data Engineer", 120000),
    ]
    out = ok(run("salary", "MLE", data=mini, width=60))
    assert "Machine Learning Engineer · director · $400K+" in out
    assert "▶" in out
    assert all(len(line) <= 60 for line in out.splitlines())


def test_pay_shows_what_a_figure_covers_everywhere(run: Run, mini: Path) -> None:
    """A median for "entry-level" or "15+ years" must not read as a plain level figure."""
    role = ok(run("role", "MLE", data=mini, width=120))
    assert "median $115,599 (entry-level)" in role
    compare = ok(run("compare", "MLE", "Data Scientist", data=mini, width=160))
    (n,) = re.findall(r"\[(\d)\] Guide B, year not stated", compare)
    assert f"median $115,599 (entry-level) [{n}]" in compare
    board = ok(run("salary", "MLE", "--level", "entry", data=mini, width=120))
    assert "median $115,599 (entry-level) [Guide B, year not stated]" in board


def test_figures_tied_to_no_level_read_overall(run: Run, mini: Path, tmp_path: Path) -> None:
    kb = tmp_path / "kb.yaml"
    extra = "      - {level: any, kind: average, min: 130117, source: guide-b, label: all levels}\n"
    kb.write_text(mini.read_text().replace("    salaries:\n", "    salaries:\n" + extra, 1))
    out = ok(run("salary", "--level", "overall", data=kb, width=120))
    assert "Machine Learning Engineer · overall · average $130,117 (all levels)" in out
    assert " any " not in out
    assert ok(run("salary", "--level", "OVERALL", data=kb, width=120)) == out  # any case
    assert "\n overall " in ok(run("role", "MLE", data=kb, width=120))
    missing = run("salary", "Data Scientist", "--level", "overall", data=kb)
    assert missing.exit_code == 1
    assert (
        missing.stderr == "careercli: error: the sources give no overall pay for Data Scientist\n"
    )


def test_a_skill_two_sources_rank_differently_shows_once(
    run: Run, mini: Path, tmp_path: Path
) -> None:
    kb = tmp_path / "kb.yaml"
    row = "      - {{tier: {}, group: {}, text: x, skills: [{}], source: guide-b}}"
    extra = "\n".join(
        row.format(*g)
        for g in [("useful", "Software engineering", "python"), ("essential", "Research", "python"),
                  ("important", "Cloud and infrastructure", "airflow")]
    )  # fmt: skip
    anchor = "    listing_frequencies:\n"
    kb.write_text(mini.read_text().replace(anchor, extra + "\n" + anchor, 1))
    out = ok(run("role", "MLE", data=kb, width=120))
    assert "Languages: Python" in out and "Data engineering: SQL, Spark" in out
    assert "Software engineering:" not in out  # its only skill is already listed as essential
    assert "Research:" not in out  # and in an earlier essential group
    assert "Cloud and infrastructure: Airflow" in out


def test_salary_bad_level(run: Run, mini: Path) -> None:
    result = run("salary", "--level", "intern", data=mini)
    assert result.exit_code == 2
    assert "'intern' is not one of 'entry', 'mid', 'senior'" in result.stderr


def test_search_finds_other_forms_of_a_word(run: Run, mini: Path) -> None:
    # other forms, not other words: scaling is not Scala, serving is not services
    for query, unwanted in (("scaling", "Scala"), ("serving", "Financial Services")):
        names = [h["name"] for h in json.loads(ok(run("search", query, "--json")))]
        assert names and unwanted not in names, (query, names)
    cto = json.loads(ok(run("search", "technologies", "--json")))
    assert "Chief Technology Officer (CTO) - AI Focus" in [h["name"] for h in cto]
    data = json.loads(ok(run("search", "maintaining", "--json", data=mini)))
    assert data[0]["id"] == "machine-learning-engineer"
    assert data[0]["matches"][0]["text"] == "Build and maintain ML production systems"
    # the field holding both words leads, not the summary weighted higher holding one
    both = json.loads(ok(run("search", "maintaining production", "--json", data=mini)))
    assert both[0]["matches"][0]["text"] == "Build and maintain ML production systems"


def test_search_falls_back_to_word_starts_and_cuts_paragraphs(run: Run) -> None:
    hits = json.loads(ok(run("search", "pytor", "--json")))
    assert "PyTorch" in [h["name"] for h in hits]
    assert json.loads(ok(run("search", "pytorch", "--json")))[0]["name"] == "PyTorch"
    long = json.loads(ok(run("search", "maintaining production", "--json")))
    texts = [m["text"] for h in long for m in h["matches"]]
    assert any(len(t.split()) > 30 for t in texts)  # --json has the whole piece
    page = ok(run("search", "maintaining production", width=200))
    assert "… APIs and services while maintaining production quality." in page  # the view cuts


def test_search_ranks_and_says_where(run: Run, mini: Path) -> None:
    data = json.loads(ok(run("search", "production", "--json", data=mini)))
    assert data[0]["id"] == "machine-learning-engineer"
    assert {"field": "summary", "text": "Builds production ML systems."} in data[0]["matches"]


def test_search_no_hits(run: Run, mini: Path) -> None:
    result = run("search", "quantum basket", data=mini)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "careercli: error: nothing matches 'quantum basket'\n"


def test_industry(run: Run, mini: Path) -> None:
    out = ok(run("industry", "healthcare", data=mini))
    assert "Healthcare AI" in out and "DICOM processing" in out
    assert "Healthcare AI" in ok(run("industry", data=mini))


def test_unknown_names_from_short_lists_say_what_there_is(run: Run, mini: Path) -> None:
    industry = run("industry", "nope", data=mini)
    assert (industry.exit_code, industry.stderr) == (
        1,
        "careercli: error: no industry matches 'nope'; choose from: Healthcare AI\n",
    )
    family = run("roles", "--family", "ML Engneering", data=mini)
    assert (family.exit_code, family.stderr) == (
        1,
        "careercli: error: no pay family is named 'ML Engneering'; families: ML Engineering\n",
    )
    assert "Machine Learning Engineer" in ok(run("roles", "--family", "ml engineering", data=mini))


# --- every command ------------------------------------------------------------------

COMMANDS = [
    ["role", "MLE"],
    ["compare", "MLE", "Data Scientist", "Data Engineer"],
    ["skill", "python"],
    ["roadmap", "MLE"],
    ["roadmap"],
    ["roles"],
    ["skills"],
    ["match", "python", "sql"],
    ["path", "Data Scientist", "MLE"],
    ["salary"],
    ["salary", "MLE", "Data Engineer"],
    ["search", "python"],
    ["industry", "healthcare"],
    ["validate"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_command_fits_40_columns(run: Run, mini: Path, args: list[str]) -> None:
    out = ok(run(*args, data=mini, width=40))
    too_wide = [line for line in out.splitlines() if len(line) > 40]
    assert too_wide == []


@pytest.mark.parametrize("args", [a for a in COMMANDS if a[0] != "validate"], ids=" ".join)
def test_every_read_command_has_json(run: Run, mini: Path, args: list[str]) -> None:
    json.loads(ok(run(*args, "--json", data=mini)))


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["roles"], ["Analytics / Data Engineer", "technical", "ML Engineering", "(months): 9-15"]),
        (["skills"], ["framework", "Kubernetes", "torch"]),
        (["match", "python", "sql"], ["Analytics / Data Engineer", "75%", "Statistics"]),
        (["path", "Data Scientist", "MLE"], ["Kubernetes", "Learning Path › Core Skills"]),
        (["skill", "pytorch"], ["Machine Learning Engineer", "Frameworks and libraries", "5/7"]),
    ],
)
def test_narrow_terminal_keeps_every_word_whole(
    run: Run, mini: Path, args: list[str], words: list[str]
) -> None:
    """At 40 columns tables become cards: nothing is cropped or broken mid-word."""
    out = flat(ok(run(*args, data=mini, width=40)))
    for word in words:
        assert word in out, word


CITING = [
    ["role", "MLE"],
    ["roadmap", "ML & AI Engineer"],
    ["roadmap"],
    ["compare", "MLE", "Data Scientist", "Research Scientist"],
    ["path", "Data Scientist", "MLE"],
    ["industry", "healthcare"],
    ["salary"],
    ["guide"],
    ["skill", "pytorch"],
]


@pytest.mark.parametrize("args", CITING, ids=lambda a: " ".join(a))
def test_one_citation_style_each_source_defined_once_at_the_bottom(
    run: Run, args: list[str]
) -> None:
    """A page cites by number; its footer defines each number once, numbered in the order
    the page first cites them, and names no seed file (that is for --json and `sources`)."""
    out = ok(run(*args, width=200))
    body, _, sources = out.partition("\nSources\n")
    assert sources, "the page has no Sources footer"
    assert "seed file" not in out and "year not stated" not in out
    cited = [int(n) for n in re.findall(r"\[(\d+)\]", body)]
    assert cited, "the page cites nothing"
    defined = [int(n) for n in re.findall(r"^ \[(\d+)\] \S", sources, flags=re.M)]
    assert defined == list(range(1, len(defined) + 1))
    assert set(cited) == set(defined)
    assert list(dict.fromkeys(cited)) == defined, "numbers follow the order of first use"


def test_output_into_a_pipe_has_no_trailing_spaces(run: Run) -> None:
    for args in (["role", "MLE"], ["compare", "MLE", "Data Scientist"], ["roles"]):
        out = ok(run(*args, width=120))
        assert not [line for line in out.splitlines() if line.endswith(" ")], args


def test_implied_skills_count_in_match_and_skill_and_say_they_are_curated(
    run: Run, tmp_path: Path
) -> None:
    """A role naming PyTorch (which, by the KB's curation, implies Python) fits a Python
    user, and `skill python` lists it as needing Python via PyTorch."""
    text = (Path(__file__).parent / "data" / "mini.yaml").read_text()
    text = text.replace(
        "subtopics: [Tensors and autograd, Training loops], sources: [guide-a]}",
        "subtopics: [Tensors and autograd, Training loops], sources: [guide-a], implies: [python]}",
    )
    text = text.replace(
        "salary_families:",
        "  - id: vision-engineer\n    title: Vision Engineer\n    sources: [guide-a]\n"
        "    skills:\n"
        "      - {tier: essential, text: PyTorch, skills: [pytorch], source: guide-a}\n"
        "salary_families:",
    )
    kb = tmp_path / "kb.yaml"
    kb.write_text(text)
    fits = json.loads(ok(run("match", "python", "--json", data=kb)))["roles"]
    vision = next(f for f in fits if f["role"] == "vision-engineer")
    assert vision["covered"] == ["python"] and vision["implied"] == {"python": "pytorch"}
    assert "Vision Engineer: Python (via PyTorch)" in ok(run("match", "python", data=kb, width=200))
    needs = json.loads(ok(run("skill", "python", "--json", data=kb)))["needed_by"]
    assert {"role": "vision-engineer", "via": "PyTorch"}.items() <= needs[-1].items()
    assert "via PyTorch (curated)" in ok(run("skill", "python", data=kb, width=200))


def test_path_teaches_a_skill_in_another_roles_roadmap_and_says_whose(run: Run, mini: Path) -> None:
    """Data Engineer has no roadmap; MLE's Foundation phase teaches Python."""
    data = json.loads(ok(run("path", "Analytics / Data Engineer", "Data Engineer", "--json",
                             data=mini)))  # fmt: skip
    python = data["skills_to_add"][0]
    assert (python["skill"], python["phase"], python["phase_of_role"]) == (
        "python",
        "Learning Path › Foundation",
        "Machine Learning Engineer",
    )
    assert data["start_from"] == "role"
    out = ok(run("path", "Analytics / Data Engineer", "Data Engineer", data=mini, width=200))
    assert "Learning Path › Foundation (Machine Learning Engineer's roadmap)" in out


def test_path_from_a_role_the_sources_only_name_starts_from_the_profile(run: Run) -> None:
    out = ok(run("path", "Software Engineer", "ML Engineer", width=200))
    assert "The sources name no skills for Software Engineer, so this starts from no skills" in out
    ok(run("profile", "add", "python", "docker"))
    data = json.loads(ok(run("path", "Software Engineer", "ML Engineer", "--json")))
    assert data["start_from"] == "profile"
    assert {"python", "docker"} <= set(data["skills_carried_over"])


def test_two_output_formats_at_once_are_a_usage_error(run: Run) -> None:
    result = run("roadmap", "MLE", "--format", "markdown", "--json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "careercli: error: --json and --format markdown ask for two outputs: give one\n"
    )


def test_match_names_the_one_skill_that_raises_the_best_fit_most(run: Run, mini: Path) -> None:
    data = json.loads(ok(run("match", "python", "--json", data=mini)))
    best = data["roles"][0]
    nxt = data["best_next"]
    assert nxt["role"] == best["role"] and nxt["score"] > best["score"]
    assert nxt["skill"] in best["missing"]["essential"]
    out = ok(run("match", "python", data=mini, width=200))
    assert "One skill that raises the best fit most: " in out
    # Analytics / Data Engineer with SQL lacks only dbt (useful), which would lower the fit.
    assert json.loads(ok(run("match", "sql", "--json", data=mini)))["best_next"] is None


def test_a_role_named_twice_is_compared_once_with_a_note(run: Run, mini: Path) -> None:
    result = run("compare", "MLE", "Machine Learning Engineer", "Data Engineer", "--json",
                 data=mini)  # fmt: skip
    assert result.exit_code == 0
    assert [r["id"] for r in json.loads(result.stdout)["roles"]] == [
        "machine-learning-engineer", "data-engineer"
    ]  # fmt: skip
    assert result.stderr == (
        "careercli: 'Machine Learning Engineer' names Machine Learning Engineer, already compared\n"
    )
    alone = run("compare", "MLE", "ML Engineer", data=mini)
    assert alone.exit_code == 2 and alone.stderr.endswith(
        "error: those names are all Machine Learning Engineer: name another role\n"
    )


def test_a_path_from_a_role_to_itself_says_so(run: Run, mini: Path) -> None:
    result = run("path", "MLE", "Machine Learning Engineer", data=mini)
    assert result.exit_code == 2 and result.stdout == ""
    assert "are the same role (Machine Learning Engineer)" in result.stderr
