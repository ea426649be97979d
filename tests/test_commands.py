"""Each command in-process on the small hand-made KB, where the right answers are known."""

from __future__ import annotations

import json
import random
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
    out = ok(run("role", "Machine Learning Engineer", "--full", data=mini))
    assert out.startswith("Machine Learning Engineer\n")
    assert "technical track · ML Engineering pay family · also: MLE, ML Engineer" in out
    for fragment in (
        "essential Languages: Python Frameworks and libraries: PyTorch",
        "important MLOps and deployment: Kubernetes",
        "Python 7/7",
        "$100K-$140K",
        "median $115,599 (entry-level)",
        "[1] ML Engineering family",
        "[2]",
        "Experience: 3-6+ years",
        "Foundation (by 6-9 months) → Core Skills (by 9-15 months); "
        "total 9-15 months (end of the last phase)",
        "Sources [1] Guide A, 2025",
    ):
        assert fragment in flat(out), fragment


def test_role_prints_yaml_text_literally(run: Run, mini: Path) -> None:
    out = ok(run("role", "MLE", "--full", data=mini))
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


def test_compare_shows_pay_time_skills_and_overlap_per_role(run: Run, mini: Path) -> None:
    out = ok(run("compare", "MLE", "Data Scientist", data=mini, width=120))
    header, *rows = out.splitlines()
    assert header.split() == ["Machine", "Learning", "Engineer", "Data", "Scientist"]
    line = {r.split("  ")[0]: r for r in rows}
    assert flat(line["Entry pay"]) == "Entry pay $100K-$140K [1] -"
    assert "median $115,599 (entry-level) [2]" in out  # the other source, its own number
    assert flat(line["Mid pay"]) == "Mid pay $140K-$190K [1] -"
    assert flat(line["Director pay"]) == "Director pay $400K+ [1] -"
    assert flat(line["Time to get in"]) == "Time to get in 9-15 months (Learning Path) [1] -"
    assert flat(line["Essential"]) == "Essential Python, PyTorch Python, SQL, Statistics"
    assert flat(line["Only here"]) == "Only here Kubernetes, Spark Statistics"
    assert "50% with Data Scientist" in line["In common"]
    assert "Both need: Python, PyTorch, SQL" in flat(out)
    assert out.endswith("\nSources\n [1] Guide A, 2025\n [2] Guide B (undated)\n")


def test_compare_lists_the_first_few_skills_then_how_many_more(run: Run) -> None:
    out = flat(ok(run("compare", "Data Scientist", "MLE", width=120)))
    essential = re.search(r"Essential (.*?) Only here", out)
    assert essential is not None
    counts = re.findall(r"\+(\d+)\b", essential.group(1))
    data = json.loads(ok(run("compare", "Data Scientist", "MLE", "--json")))
    for n, role in zip(counts, data["roles"], strict=True):
        essentials = [s for s, tier in role["skills"].items() if tier == "essential"]
        assert int(n) == len(essentials) - 4


def test_compare_json(run: Run, mini: Path) -> None:
    data = json.loads(ok(run("compare", "MLE", "Data Engineer", "--json", data=mini)))
    assert [r["id"] for r in data["roles"]] == ["machine-learning-engineer", "data-engineer"]
    assert data["shared_skills"] == ["python", "spark", "sql"]
    assert data["overlap"][0]["pct"] == round(100 * 3 / 6)
    entry = data["roles"][1]["pay"][0]
    assert (entry["source"], entry["source_file"], entry["year"]) == ("guide-b", "b.txt", None)


def test_three_roles_fit_80_columns_as_a_table(run: Run) -> None:
    out = ok(run("compare", "Data Scientist", "MLE", "Data Engineer", width=80))
    assert max(map(len, out.splitlines())) <= 80
    lines = out.splitlines()
    # a header of the three titles (wrapped in their columns), then the rows
    header = lines[: lines.index(next(x for x in lines if x.startswith("Entry pay")))]
    titles = "Data Scientist Machine Learning Engineer Data Engineer"
    assert sorted(" ".join(header).split()) == sorted(titles.split())
    entry = next(line for line in lines if line.startswith("Entry pay"))
    assert len(re.findall(r"\$\d+K-\$\d+K \[\d\]|median", entry)) == 2  # two roles' figures
    labels = [line.split("  ")[0] for line in lines if line[:1].isalpha()]
    for label in ("Entry pay", "Time to get in", "Essential", "Only here", "In common"):
        assert label in labels


def test_compare_becomes_one_card_per_role_when_narrow(run: Run, mini: Path) -> None:
    narrow = ok(run("compare", "MLE", "Data Scientist", data=mini, width=40))
    assert all(len(line) <= 40 for line in narrow.splitlines())
    lines = narrow.splitlines()
    assert lines[0] == "Machine Learning Engineer"
    assert "Data Scientist" in lines  # its own card title
    card = lines[: lines.index("Data Scientist")]
    assert "  Entry pay      $100K-$140K [1]" in card
    assert "  Essential      Python, PyTorch" in card
    assert narrow.count("Only here") == 2


def test_compare_markdown_is_a_table_with_sources_under_it(run: Run, mini: Path) -> None:
    md = ok(run("compare", "MLE", "Data Scientist", "Data Engineer", "--format", "markdown",
                data=mini))  # fmt: skip
    lines = md.splitlines()
    assert lines[0] == "# Compare: Machine Learning Engineer, Data Scientist, Data Engineer"
    table = [line for line in lines if line.startswith("|")]
    assert table[0] == "| | Machine Learning Engineer | Data Scientist | Data Engineer |"
    assert table[1] == "|---|---|---|---|"
    assert all(row.count(" | ") == 3 and row.endswith(" |") for row in table[2:])
    assert "| Entry pay | $100K-$140K [1]; median $115,599 (entry-level) [2] | - |" in md
    cited = {int(n) for row in table for n in re.findall(r"\[(\d+)\]", row)}
    sources = lines[lines.index("## Sources") :]
    assert sources[2:] == ["- [1] Guide A, 2025", "- [2] Guide B (undated)"]
    assert cited == {1, 2}


def test_compare_markdown_escapes_what_would_break_the_table(
    run: Run, mini: Path, tmp_path: Path
) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text(mini.read_text().replace("title: Data Engineer", "title: Data | Engineer *x*"))
    md = ok(run("compare", "MLE", "Data Engineer", "--format", "markdown", data=kb))
    assert "| | Machine Learning Engineer | Data \\| Engineer \\*x\\* |" in md


def test_compare_json_and_markdown_conflict(run: Run, mini: Path) -> None:
    result = run("compare", "MLE", "DS", "--json", "--format", "markdown", data=mini)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "careercli: error: --json and --format markdown ask for two outputs: give one\n"
    )


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


def test_a_skill_page_lists_the_first_30_roles_in_order_and_counts_the_rest(
    run: Run, mini: Path, tmp_path: Path
) -> None:
    """Named before implied (the KB's curation), then by tier and title (code points: "Z"
    before "a" before "Ä"): the page shows the first 30, --all and --json every one."""
    rng = random.Random(7)
    tiers = ["essential", "important", "useful"]
    words = ["Zed", "Émile", "alpha", "Alpha", "Beta", "Ärger", "beta"]
    lines, want = [], []
    for i in range(44):
        tier, title, implied = rng.choice(tiers), f"{rng.choice(words)} {i}", i % 4 == 0
        lines.append(
            f"  - id: gen-{i}\n    title: {title}\n    sources: [guide-a]\n    skills:\n"
            f"      - {{tier: {tier}, text: x, skills: [{'pytorch' if implied else 'python'}],"
            " source: guide-a}\n"
        )
        want.append((implied, tiers.index(tier), title, f"gen-{i}"))
    text = mini.read_text().replace(
        "Training loops], sources: [guide-a]}",
        "Training loops], sources: [guide-a], implies: [python]}",
    )
    kb = tmp_path / "kb.yaml"
    kb.write_text(text.replace("salary_families:", "".join(lines) + "salary_families:"))
    every = json.loads(ok(run("skill", "python", "--json", data=kb)))["needed_by"]
    assert [n["role"] for n in every if n["role"].startswith("gen-")] == [
        r for *_, r in sorted(want)
    ]
    page = ok(run("skill", "python", data=kb, width=200))
    listed = ok(run("skill", "python", "--all", data=kb, width=200))
    assert f"Roles that need it ({len(every)})" in page
    assert f"… {len(every) - 30} more roles: careercli skill Python --all" in page
    assert "more roles" not in listed
    on_page = [n["title"] for n in every if f" {n['title']} " in page]
    assert on_page == [n["title"] for n in every[:30]]
    assert all(f" {n['title']} " in listed for n in every)
    assert page.index(every[0]["title"]) < page.index(every[29]["title"])


@pytest.mark.parametrize("shown", [30, 31])
def test_a_skill_page_of_30_roles_shows_them_all_and_of_31_counts_the_one_left(
    run: Run, mini: Path, tmp_path: Path, shown: int
) -> None:
    base = len(json.loads(ok(run("skill", "python", "--json", data=mini)))["needed_by"])
    lines = [
        f"  - id: gen-{i}\n    title: Gen {i:02}\n    sources: [guide-a]\n    skills:\n"
        "      - {tier: essential, text: x, skills: [python], source: guide-a}\n"
        for i in range(shown - base)
    ]
    kb = tmp_path / "kb.yaml"
    kb.write_text(mini.read_text().replace("salary_families:", "".join(lines) + "salary_families:"))
    page = ok(run("skill", "python", data=kb, width=200))
    assert f"Roles that need it ({shown})" in page
    if shown == 30:
        assert "more role" not in page
    else:
        assert "… 1 more role: careercli skill Python --all" in page


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
    assert "Learning Path [1] total 9-15 months (end of the last phase)" in out
    assert "├── Foundation (by 6-9 months)" in out
    assert "└── Skills: Kubernetes, PyTorch" in out


def test_roadmap_without_role_shows_tracks(run: Run, mini: Path) -> None:
    out = ok(run("roadmap", data=mini))
    assert "Data Scientist → ML Engineer → AI Architect [1]" in out
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


def test_match_fit_is_the_weighted_share_of_the_role_you_have(run: Run, mini: Path) -> None:
    data = json.loads(ok(run("match", "python", "sql", "--json", data=mini)))
    ranked = [(r["title"], r["fit"]) for r in data["roles"]]
    # essential 3, important 2, useful 1: Analytics has SQL (3) of SQL + dbt (4)
    assert ranked == [
        ("Analytics / Data Engineer", 75.0),
        ("Data Engineer", 60.0),  # ties with Data Scientist, misses no essential
        ("Data Scientist", 60.0),
        ("Machine Learning Engineer", 40.0),  # Python 3 + SQL 1 of 10
    ]
    assert data["roles"][2]["missing"]["essential"] == ["statistics"]
    assert "essential 3" in data["fit_means"] and "one common skill" in data["fit_means"]
    out = flat(ok(run("match", "python", "sql", data=mini, width=120)))
    assert "Fit Essentials you have Missing (most important first)" in out
    assert "Analytics / Data Engineer 75% 1 of 1 dbt" in out


def test_one_common_skill_is_never_a_strong_fit(run: Run) -> None:
    """On the bundled KB every role names Python or implies it; having only Python used
    to score every role 53-55%."""
    data = json.loads(ok(run("match", "python", "--top", "50", "--json")))
    fits = [r["fit"] for r in data["roles"]]
    assert len(fits) > 20 and max(fits) < 20, fits
    assert fits == sorted(fits, reverse=True)
    out = ok(run("match", "python", width=120))
    assert "AI Engineer" in out and "55%" not in out


def test_missing_skills_come_by_tier_then_listings_then_roles_shown(
    run: Run, tmp_path: Path
) -> None:
    """Never alphabetical: PyTorch (asked for in 7 listings) before Python (5), the
    important Kubernetes before the useful ones, and SQL (needed by all 4 roles shown)
    before Spark (2)."""
    text = (Path(__file__).parent / "data" / "mini.yaml").read_text()
    text = text.replace("{label: Python, skills: [python], count: 7}",
                        "{label: Python, skills: [python], count: 5}")  # fmt: skip
    text = text.replace("{label: PyTorch/TensorFlow, skills: [pytorch], count: 5}",
                        "{label: PyTorch/TensorFlow, skills: [pytorch], count: 7}")  # fmt: skip
    kb = tmp_path / "kb.yaml"
    kb.write_text(text)
    data = json.loads(ok(run("match", "statistics", "--json", data=kb)))
    mle = next(r for r in data["roles"] if r["role"] == "machine-learning-engineer")
    assert mle["missing"] == {
        "essential": ["pytorch", "python"],
        "important": ["kubernetes"],
        "useful": ["sql", "spark"],
    }
    assert mle["missing_first"] == ["pytorch", "python", "kubernetes", "sql", "spark"]
    out = flat(ok(run("match", "statistics", data=kb, width=200)))
    assert "Machine Learning Engineer 0% 0 of 2 PyTorch, Python, Kubernetes (+2 more)" in out


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
        "listings": 0,
    }
    assert data["skills_carried_over"] == ["python", "pytorch", "sql"]
    assert data["career_tracks"] == ["ds-to-architect"]
    out = ok(run("path", "Data Scientist", "MLE", data=mini))
    assert "Skills: 2 to add, 3 carry over (Python, PyTorch, SQL)" in flat(out)


def test_path_groups_skills_by_phase_in_learning_order(run: Run, tmp_path: Path) -> None:
    """Phase order beats tier: the Foundation phase teaches the important Kubernetes,
    before Core Skills' essentials (Python, asked for in 7 listings, before PyTorch, 5);
    Spark, taught by no phase, comes last."""
    text = (Path(__file__).parent / "data" / "mini.yaml").read_text()
    text = text.replace("topics: [Python, Basic ML], skills: [python]}",
                        "topics: [Python, Basic ML], skills: [kubernetes]}")  # fmt: skip
    text = text.replace("skills: [kubernetes, pytorch]}", "skills: [pytorch, python]}")
    kb = tmp_path / "kb.yaml"
    kb.write_text(text)
    data = json.loads(ok(run("path", "Analytics / Data Engineer", "MLE", "--json", data=kb)))
    assert [(g["phase"], g["skills"]) for g in data["learning_order"]] == [
        ("Foundation", ["kubernetes"]),
        ("Core Skills", ["python", "pytorch"]),
        (None, ["spark"]),
    ]
    assert [a["skill"] for a in data["skills_to_add"]] == [
        "kubernetes",
        "python",
        "pytorch",
        "spark",
    ]
    out = ok(run("path", "Analytics / Data Engineer", "MLE", data=kb, width=80))
    body = out[out.index("Skills to add, in learning order") :]
    order = ["Learning Path [1]", "Foundation (by 6-9 months)", "important: Kubernetes",
             "Core Skills (by 9-15 months)", "essential: Python, PyTorch",
             "Not in any roadmap phase", "useful: Spark"]  # fmt: skip
    at = [body.index(line) for line in order]
    assert at == sorted(at)


def test_path_gives_the_switching_time_a_source_states_for_that_start(run: Run) -> None:
    """Seed 003 times the move with an ML background at 9-12 months: it applies from Data
    Scientist (which needs Machine Learning), and is said to apply for that reason."""
    out = ok(run("path", "Data Scientist", "ML & AI Engineer", width=200))
    assert "Time: 9-12 months (ML background: Data Scientist needs Machine Learning) [1]\n" in out
    assert "\n [1] ML & AI Engineer - Complete Mastery Path (undated)\n" in out
    assert "Complete beginner: 14-20 months" in out  # still shown, as another estimate
    data = json.loads(ok(run("path", "Data Scientist", "ML & AI Engineer", "--json")))
    switch = data["switch_time"]
    assert (switch["from_zero"], switch["because"]) == (False, ["machine-learning"])
    assert [(t["what"], t["duration"]["min"], t["duration"]["max"]) for t in switch["times"]] == [
        ("ML background", 9, 12)
    ]
    ok(run("profile", "add", "machine learning"))
    mine = ok(run("path", "ML & AI Engineer", width=200))
    assert "Time: 9-12 months (ML background: your profile has Machine Learning) [1]" in mine


def test_path_without_a_time_for_that_start_shows_the_time_from_zero_labelled(
    run: Run, mini: Path
) -> None:
    """AI Product Manager does not need Machine Learning: the source's complete-beginner
    time, called the time from zero; with no such timeline, the whole roadmap's."""
    out = ok(run("path", "AI Product Manager", "ML & AI Engineer", width=200))
    assert (
        "Time: no source states a time for this move; from zero: 14-20 months "
        "(Complete beginner) [1]\n"
    ) in out
    assert "ML background: 9-12 months" in out  # another estimate, not this start's
    data = json.loads(ok(run("path", "AI Product Manager", "ML & AI Engineer", "--json")))
    assert data["switch_time"]["from_zero"] is True
    assert [t["what"] for t in data["switch_time"]["times"]] == ["Complete beginner"]
    out = ok(run("path", "Data Scientist", "MLE", data=mini, width=200))
    assert (
        "Time: no source states a time for this move; from zero: 9-15 months "
        "(Learning Path roadmap, end of its last phase) [1]"
    ) in out


def test_path_as_a_markdown_checklist(run: Run, mini: Path) -> None:
    md = ok(run("path", "Data Scientist", "MLE", "--format", "markdown", data=mini))
    lines = md.splitlines()
    assert lines[0] == "# From Data Scientist to Machine Learning Engineer"
    for line in [
        "Time: no source states a time for this move; from zero: 9-15 months "
        "(Learning Path roadmap, end of its last phase) [1]",
        "Skills: 2 to add, 3 carry over (Python, PyTorch, SQL)",
        "## Learning Path [1]",
        "### Core Skills (by 9-15 months)",
        "- [ ] Kubernetes (important)",
        "## Not in any roadmap phase",
        "- [ ] Spark (useful)",
        "## Sources",
        "- [1] Guide A, 2025",
    ]:
        assert line in lines, line
    assert lines.index("- [ ] Kubernetes (important)") < lines.index("- [ ] Spark (useful)")
    assert lines[-1] == "- [1] Guide A, 2025" and "\x1b" not in md
    twice = run("path", "Data Scientist", "MLE", "--format", "markdown", "--json", data=mini)
    assert (twice.exit_code, twice.stdout) == (2, "")
    assert twice.stderr == (
        "careercli: error: --json and --format markdown ask for two outputs: give one\n"
    )


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
    assert data[0]["source_file"] == "a.txt"  # --json keeps the seed file of each figure
    out = ok(run("salary", "--level", "entry", data=mini, width=80))
    rows = [line for line in out.splitlines() if " · entry " in line]
    assert [r.split(" · ")[0] for r in rows] == [
        "Machine Learning Engineer", "Data Engineer", "Machine Learning Engineer"
    ]  # fmt: skip
    # the axis starts near the lowest figure ($90K), not at zero
    labels, _, _ = _chart(out)
    assert re.findall(r"\$\d+K?", labels)[0] in ("$80K", "$90K", "$100K")


def _chart(out: str) -> tuple[str, str, dict[str, str]]:
    """The tick labels, the ruler and each figure's line by its label."""
    lines = out.splitlines()
    ruler = next(i for i, line in enumerate(lines) if "┼" in line)
    rows = {line.split("  ")[0]: line for line in lines[ruler + 1 :] if " · " in line}
    return lines[ruler - 1], lines[ruler], rows


def test_salary_draws_figures_on_a_labelled_dollar_axis(run: Run, mini: Path) -> None:
    out = ok(run("salary", "MLE", "Data Engineer", data=mini, width=80))
    labels, ruler, rows = _chart(out)
    ticks = [t or "0" for t in re.findall(r"\$(?:(\d+)K|0)", labels)]
    assert len(ticks) >= 2 and ticks == sorted(ticks, key=int)
    # each label sits over a labelled tick of the ruler
    for tick in re.finditer(r"\$\d+K|\$0", labels):
        middle = tick.start() + len(tick.group()) // 2
        assert "┼" in ruler[max(0, middle - 3) : middle + 3], tick.group()
    assert int(ticks[0]) <= 90 and int(ticks[-1]) >= 200
    mle = rows["ML Engineer · entry [1]"]
    assert "$100K-$140K" in mle and "━" in mle and "●" not in mle
    median = rows["ML Engineer · entry (entry-level) [2]"]
    assert "median $115,599" in median and median.count("●") == 1 and "━" not in median
    assert rows["ML Engineer · director [1]"].rstrip().endswith("━▶")  # open-ended
    # bars fall where their amounts do: $90K starts left of $100K, the median inside MLE's range
    start = {k: v.index("━" if "━" in v else "●") for k, v in rows.items()}
    assert start["Data Engineer · entry [2]"] < start["ML Engineer · entry [1]"]
    assert mle.index("━") <= median.index("●") <= mle.rindex("━")
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "━ range  ● median or average  ▶ open-ended" in out


def test_salary_names_the_roles_with_no_pay_and_cites_by_number(run: Run, mini: Path) -> None:
    out = ok(run("salary", "MLE", "Data Scientist", "Analytics / Data Engineer", data=mini))
    assert "\nno pay figures in the sources: Data Scientist, Analytics / Data Engineer\n" in out
    assert out.endswith("\nSources\n [1] Guide A, 2025\n [2] Guide B (undated)\n")
    assert "Guide A" not in out.partition("\nSources\n")[0]  # cited as [1] on the chart


def test_salary_for_an_unknown_role_is_one_error_line(run: Run, mini: Path) -> None:
    result = run("salary", "MLE", "Nope", data=mini)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("careercli: error: no role matches 'Nope'")


def test_salary_at_40_columns_puts_each_label_over_its_bar(run: Run, mini: Path) -> None:
    out = ok(run("salary", "MLE", data=mini, width=40))
    lines = out.splitlines()
    assert all(len(line) <= 40 for line in lines)
    i = lines.index("Machine Learning Engineer · mid [1]")
    assert lines[i + 1].startswith("  $140K-$190K") and "━" in lines[i + 1]
    assert any("┼" in line for line in lines) and re.search(r"\$\d+K", out)


def test_pay_shows_what_a_figure_covers_everywhere(run: Run, mini: Path) -> None:
    """A median for "entry-level" or "15+ years" must not read as a plain level figure."""
    role = ok(run("role", "MLE", "--full", data=mini, width=120))
    assert "median $115,599 (entry-level)" in role
    compare = ok(run("compare", "MLE", "Data Scientist", data=mini, width=160))
    assert "median $115,599 (entry-level) [2]" in compare
    assert "\n [2] Guide B (undated)" in compare
    board = ok(run("salary", "MLE", "--level", "entry", data=mini, width=120))
    assert "Machine Learning Engineer · entry (entry-level) [2]  median $115,599" in board
    narrow = ok(run("salary", "MLE", "--level", "entry", data=mini, width=80))
    assert re.search(r"· entry \[2\] +median \$115,599 +●\n    entry-level\n", narrow)


def test_figures_tied_to_no_level_read_overall(run: Run, mini: Path, tmp_path: Path) -> None:
    kb = tmp_path / "kb.yaml"
    extra = "      - {level: any, kind: average, min: 130117, source: guide-b, label: all levels}\n"
    kb.write_text(mini.read_text().replace("    salaries:\n", "    salaries:\n" + extra, 1))
    out = ok(run("salary", "--level", "overall", data=kb, width=120))
    assert out.startswith("Overall pay, USD a year\n")
    assert "Machine Learning Engineer · overall (all levels) [1]  average $130,117" in out
    assert " any " not in out
    assert ok(run("salary", "--level", "OVERALL", data=kb, width=120)) == out  # any case
    assert "\n overall " in ok(run("role", "MLE", "--full", data=kb, width=120))
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
    out = ok(run("role", "MLE", "--full", data=kb, width=120))
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
    ["sources"],
    ["plan", "MLE", "--start", "2027-01-31"],
    ["progress", "MLE"],
    ["next", "MLE"],
    ["profile", "show"],
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
        (["path", "Data Scientist", "MLE"], ["Kubernetes", "Core Skills (by 9-15 months)"]),
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
    assert "Machine Learning Engineer's Learning Path › Foundation (by 6-9 months)" in out


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
    # Data Engineer: Python (3) of 10; SQL, its missing essential, adds 3
    assert (best["role"], best["fit"]) == ("data-engineer", 30.0)
    assert (nxt["role"], nxt["skill"], nxt["fit"]) == ("data-engineer", "sql", 60.0)
    out = flat(ok(run("match", "python", data=mini, width=200)))
    assert "One skill that raises the best fit most: SQL (Data Engineer: 30% to 60%)" in out
    # with SQL and dbt, Analytics / Data Engineer lacks nothing
    assert json.loads(ok(run("match", "sql", "dbt", "--json", data=mini)))["best_next"] is None


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
