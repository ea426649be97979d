"""The bundled knowledge base: it validates, and figures from each seed reach the models."""

from __future__ import annotations

import json

import pytest

from careercli.kb.loader import load_kb
from careercli.kb.models import KnowledgeBase, Role
from careercli.kb.paths import bundled_data_path
from tests.conftest import Run


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(bundled_data_path())


def role(kb: KnowledgeBase, role_id: str) -> Role:
    return next(r for r in kb.roles if r.id == role_id)


def year(kb: KnowledgeBase, source_id: str) -> int | None:
    return next(s.year for s in kb.sources if s.id == source_id)


def test_bundled_kb_validates_with_summary(run: Run) -> None:
    result = run("validate")
    assert result.exit_code == 0, result.stderr
    assert "roles                 55" in result.stdout


SEED_ROLES = [
    # 000: the ten job categories
    "Machine Learning Engineer",
    "ML Engineer (Recommendation Systems)",
    "ML Engineer (Robot Learning)",
    "Analytics / Data Engineer",
    "AI Engineer",
    "Data Scientist (Consumer)",
    "Data Scientist (ML)",
    "Analytics Engineer",
    "Data Engineer",
    "VR / Immersive Tech",
    # 001: the RL researcher and the four "More Careers"
    "Reinforcement Learning Researcher",
    "AI Training Specialist",
    "AI/ML DevOps Engineer",
    "AI/ML Developer",
    "AI/ML Engineer",
    # 002: the ten roles of the roles-and-topics guide
    "Data Scientist",
    "Research Scientist",
    "Computer Vision Engineer",
    "NLP Engineer",
    "Reinforcement Learning Engineer",
    "AI Product Manager",
    "AI Business Analyst",
    "AI Engineering Manager",
    "Chief Technology Officer (CTO) - AI Focus",
    # 003: the mastery path
    "ML & AI Engineer",
]


@pytest.mark.parametrize("name", SEED_ROLES)
def test_every_seed_role_is_findable_by_its_seed_name(run: Run, name: str) -> None:
    result = run("role", name, "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # found exactly, not guessed


def test_two_seeds_describing_one_role_make_one_role(kb: KnowledgeBase) -> None:
    mle = role(kb, "machine-learning-engineer")
    assert {"skills-by-category", "roles-topics-guide"} <= set(mle.sources)
    assert [r.id for r in kb.roles].count("machine-learning-engineer") == 1


def test_specialisations_link_to_their_parent(kb: KnowledgeBase) -> None:
    for child in ("ml-engineer-recommendation-systems", "ml-engineer-robot-learning"):
        assert role(kb, child).parent == "machine-learning-engineer"


def test_seed_000_listing_frequencies_keep_counts_and_sample(kb: KnowledgeBase) -> None:
    recsys = role(kb, "ml-engineer-recommendation-systems").listing_frequencies[0]
    assert recsys.sample_size == 7
    assert [(i.label, i.count) for i in recsys.items][:3] == [
        ("Python", 7),
        ("PyTorch/TensorFlow", 7),
        ("Distributed Systems", 6),
    ]
    robot = role(kb, "ml-engineer-robot-learning").listing_frequencies[0]
    assert robot.sample_size == 10
    assert ("C++/Rust", 6) in [(i.label, i.count) for i in robot.items]
    assert len(recsys.items) == 12 and len(robot.items) == 12


def test_seed_001_salaries_with_year_2024(kb: KnowledgeBase) -> None:
    rl = role(kb, "reinforcement-learning-researcher")
    figures = {(s.level, s.min, s.max, s.open_ended) for s in rl.salaries}
    assert figures == {
        ("entry", 70000, 100000, False),
        ("mid", 100000, 150000, False),
        ("senior", 150000, 200000, True),
    }
    assert {s.source for s in rl.salaries} == {"aipathly-rl-researcher"}
    assert year(kb, "aipathly-rl-researcher") == 2024
    mle = role(kb, "machine-learning-engineer")
    medians = sorted(s.min for s in mle.salaries if s.kind == "median" and s.min)
    assert medians == [115599, 168018]


def test_seed_002_salary_table_and_learning_path(kb: KnowledgeBase) -> None:
    families = {f.id: f for f in kb.salary_families}
    research = {lv.level: (lv.min, lv.max, lv.open_ended) for lv in families["research"].levels}
    assert research["senior"] == (210000, 350000, False)
    assert research["director"] == (500000, 800000, True)
    assert year(kb, families["research"].source) == 2025
    assert role(kb, "data-scientist").salary_family == "data-science"
    path = role(kb, "machine-learning-engineer").roadmaps[0]
    spans = [(p.name, p.duration.min, p.duration.max) for p in path.phases if p.duration]
    assert spans == [("Foundation", 6, 9), ("Core Skills", 9, 15), ("Specialization", 15, 24)]


def test_seed_003_salaries_timelines_and_40_week_path(kb: KnowledgeBase) -> None:
    mai = role(kb, "ml-ai-engineer")
    staff = next(s for s in mai.salaries if s.level == "staff")
    assert (staff.min, staff.max, staff.open_ended, staff.source) == (
        280000,
        400000,
        True,
        "ml-ai-engineer-path",
    )
    assert year(kb, "ml-ai-engineer-path") is None  # the seed states no year
    path = next(m for m in mai.roadmaps if m.name == "Complete 40-Week Learning Path")
    assert path.total is not None and (path.total.min, path.total.unit) == (40, "weeks")
    assert len(path.phases) == 7
    assert [(t.label, t.duration.min, t.duration.max) for t in mai.timelines] == [
        ("Complete beginner", 14, 20),
        ("ML background", 9, 12),
        ("Full-time accelerated", 8, 10),
    ]


def test_tracks_industries_and_stages(kb: KnowledgeBase) -> None:
    assert len(kb.industries) == 5
    assert {s.id for s in kb.career_stages} >= {"junior", "mid", "senior"}
    names = [t.name for t in kb.career_tracks]
    assert any("AI Architect" in n for n in names)


def test_disagreeing_sources_both_show_in_role_view(run: Run) -> None:
    result = run("role", "ML Engineer", width=120)
    assert result.exit_code == 0
    assert "median $115,599" in result.stdout  # AiPathly, 2024
    assert "$100K-$140K" in result.stdout  # Roles & Topics Guide, 2025
    assert "Reinforcement Learning Researcher (AiPathly), 2024" in result.stdout
    assert "AI/ML Career Roles - Skills & Topics Mapping Guide, 2025" in result.stdout


NAMED_ONLY = [
    "Data Analyst", "AI Architect", "Principal Researcher", "Distinguished Engineer",
    "Technical Fellow", "Director", "VP Product", "Team Lead", "Head of AI",
    "Healthcare Data Scientist", "Medical AI Engineer", "Clinical Research Scientist",
    "Quantitative Analyst", "Risk Modeler", "Trading Algorithm Developer",
    "Autonomous Vehicle Engineer", "Perception Engineer", "Planning Engineer",
    "Personalization Scientist", "Pricing Analyst", "Industrial Data Scientist",
    "Manufacturing AI Engineer", "Supply Chain Analyst", "AI Researcher", "AI Research Leader",
    "LLM Engineer", "Generative AI Specialist", "ML Researcher", "AI Safety Engineer",
    "Applied Research Scientist", "Software Engineer",
]  # fmt: skip


@pytest.mark.parametrize("title", NAMED_ONLY)
def test_every_title_the_sources_name_has_a_role(kb: KnowledgeBase, title: str) -> None:
    """Issue 12 item 5: a title the seeds only name is a named-only role with related full
    roles (cited as the KB's own curation)."""
    role = next(r for r in kb.roles if r.title == title)
    assert role.named_only and role.related
    full = {r.id for r in kb.roles if not r.named_only}
    assert all(link.role in full and link.source == "kb-curation" for link in role.related)


@pytest.mark.parametrize("title", NAMED_ONLY)
def test_every_named_title_answers_and_a_path_can_start_there(run: Run, title: str) -> None:
    page = run("role", title, width=200)
    assert page.exit_code == 0 and page.stderr == ""
    assert "The sources only name this role; they do not describe it." in page.stdout
    assert "Related roles" in page.stdout
    path = run("path", title, "ML Engineer", width=200)
    assert path.exit_code == 0
    assert f"The sources name no skills for {title}, so this starts from" in path.stdout


@pytest.mark.parametrize(
    ("typed", "kind", "found"),
    [("computer vison engineer", "role", "Computer Vision Engineer"),
     ("computer vison", "role", "Computer Vision Engineer"),
     ("nlp enginer", "role", "NLP Engineer"),
     ("reinforcment lerning engineer", "role", "Reinforcement Learning Engineer"),
     ("MLOps Engineer", "role", "AI/ML DevOps Engineer"),
     ("pytroch", "skill", "PyTorch")],
)  # fmt: skip
def test_common_titles_and_typos_resolve(run: Run, typed: str, kind: str, found: str) -> None:
    result = run(kind, typed, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["title" if kind == "role" else "name"] == found


def test_a_typo_of_a_name_several_roles_share_lists_them(run: Run) -> None:
    result = run("role", "machine lerning")
    assert result.exit_code == 1
    assert result.stderr.startswith("careercli: error: 'machine lerning' fits more than one role")
    assert "Machine Learning Engineer" in result.stderr


@pytest.mark.parametrize("typed", ["finance", "Finance", "financial"])
def test_industries_answer_to_short_names(run: Run, typed: str) -> None:
    result = run("industry", typed, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["name"] == "Financial Services"  # one: not a list


def test_a_tier_the_sources_words_decide_wins_over_a_summary_rows_default(
    kb: KnowledgeBase,
) -> None:
    """Seed 000:178: C++ "is essential", Python "as a secondary language", 3D graphics and
    computer vision "differentiate candidates"; the overview table's row names 3D graphics
    with no tier word and must not raise it."""
    from careercli.kb.shapes import skill_tiers

    vr = next(r for r in kb.roles if r.id == "vr-immersive-tech")
    tiers = skill_tiers(vr)
    assert (tiers["cpp"], tiers["python"]) == ("essential", "important")
    assert tiers["3d-graphics"] == tiers["computer-vision"] == "useful"
    assert tiers["real-time-systems"] == "important"  # only the table row names it


@pytest.mark.parametrize(("kind", "word"), [("skill", "learning"), ("role", "engineer")])
def test_a_generic_word_is_never_taken_for_one_specific_name(
    run: Run, kind: str, word: str
) -> None:
    result = run(kind, word)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"careercli: error: '{word}' fits more than one {kind}")


def test_a_search_that_finds_nothing_suggests_the_nearest_names(run: Run) -> None:
    result = run("search", "machne learning")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "careercli: error: nothing matches 'machne learning'; did you mean: Machine Learning"
    )
