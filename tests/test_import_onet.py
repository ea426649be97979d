"""``careercli import onet``: an O*NET release (text or CSV download) becomes a KB.

No O*NET data ships with careercli: each test writes a small release in a temp folder,
in the published layouts (tab-delimited ``.txt``, comma-delimited ``.csv``; LF or CRLF),
with O*NET's real column headers.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from careercli.importers.common import scalar, slug
from tests.conftest import Run

RATED = (
    "O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "N",
    "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress",
    "Not Relevant", "Date", "Domain Source",
)  # fmt: skip
HEADERS: dict[str, tuple[str, ...]] = {
    "Occupation Data": ("O*NET-SOC Code", "Title", "Description"),
    "Skills": RATED,
    "Knowledge": RATED,
    "Technology Skills": (
        "O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology",
        "In Demand",
    ),
    "Alternate Titles": ("O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"),
    "Related Occupations": ("O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier",
                            "Index"),
    "Job Zones": ("O*NET-SOC Code", "Job Zone", "Date", "Domain Source"),
    "Job Zone Reference": ("Job Zone", "Name", "Experience", "Education", "Job Training",
                           "Examples", "SVP Range"),
    "Task Statements": ("O*NET-SOC Code", "Task ID", "Task", "Task Type",
                        "Incumbents Responding", "Date", "Domain Source"),
}  # fmt: skip
DS, CIRS, STAT = "15-2051.00", "15-1221.00", "15-2041.00"


def rated(code: str, eid: str, name: str, im: float, lv: float, **flags: str) -> list[tuple]:
    """The IM and LV rows of one element (``sup_im``, ``sup_lv``, ``nr`` set flags)."""
    return [
        (code, eid, name, "IM", im, 8, 0.2, 3.5, 4.5, flags.get("sup_im", "N"), "n/a",
         "08/2025", "Analyst"),
        (code, eid, name, "LV", lv, 8, 0.2, 3.5, 4.5, flags.get("sup_lv", "N"),
         flags.get("nr", "N"), "07/2025", "Analyst"),
    ]  # fmt: skip


TABLES: dict[str, list[tuple]] = {
    "Occupation Data": [
        (DS, "Data Scientists", "Develop and implement a set of techniques or analytics."),
        (
            CIRS,
            "Computer and Information Research Scientists",
            "Conduct research into "
            "fundamental computer and information science, as theorists, designers, or inventors.",
        ),
        (STAT, "Statisticians", "Develop or apply mathematical or statistical theory."),
    ],
    "Skills": [
        *rated(DS, "2.B.3.e", "Programming", 4.12, 4.5),
        *rated(DS, "2.A.2.a", "Critical Thinking", 3.5, 4.0),
        *rated(DS, "2.A.1.e", "Mathematics", 2.75, 3.9),
        *rated(DS, "2.A.1.b", "Active Listening", 2.25, 3.0),  # below 2.5: left out
        *rated(DS, "2.A.1.d", "Writing", 4.5, 4.0, sup_im="Y"),  # suppressed
        *rated(DS, "2.A.1.c", "Speaking", 4.0, 0.0, nr="Y"),  # not relevant
        *rated(STAT, "2.B.3.e", "Programming", 3.0, 3.2),
        *rated(STAT, "2.A.1.e", "Mathematics", 4.62, 5.5, sup_lv="Y"),  # level suppressed
    ],
    "Knowledge": [
        *rated(DS, "2.C.4.a", "Mathematics", 4.4, 5.0),
        *rated(DS, "2.C.3.a", "Computers and Electronics", 3.99, 4.9),
    ],
    "Technology Skills": [
        (DS, "PyTorch", 43232605, "Analytical or scientific software", "Y", "Y"),
        (DS, "Python", 43232408, "Object or component oriented development software", "Y", "Y"),
        (
            DS,
            "Structured query language SQL",
            43232306,
            "Database user interface and query software",
            "Y",
            "N",
        ),
        (DS, "Microsoft Excel", 43232110, "Spreadsheet software", "N", "N"),
        (STAT, "Python", 43232408, "Object or component oriented development software", "Y", "N"),
        (STAT, "SAS", 43232605, 'Analytical or scientific software, "stats"', "N", "Y"),
    ],
    "Alternate Titles": [
        (DS, "Data Scientist", "n/a", "08"),
        (DS, "Machine Learning Scientist", "ML Scientist", "08"),
        (DS, "Analyst", "n/a", "08"),
        (STAT, "Analyst", "n/a", "08"),  # two occupations: an alias of neither
        (STAT, "Statistician", "n/a", "08"),
        (STAT, "statisticians", "n/a", "08"),  # the title itself: not an alias
    ],
    "Related Occupations": [
        (DS, STAT, "Primary-Short", 1),
        (DS, CIRS, "Primary-Long", 2),
        (DS, "15-9999.00", "Supplemental", 3),  # not in this release: named, not linked
    ],
    "Job Zones": [(DS, 5, "08/2025", "Analyst"), (STAT, 4, "08/2025", "Analyst")],
    "Job Zone Reference": [
        (
            4,
            "Considerable Preparation Needed",
            "A minimum of two to four years of work-related "
            "skill, knowledge, or experience is needed.",
            "Most of these occupations require a four-year bachelor's degree, but some do not.",
            "Employees in these occupations usually need several years of work-related experience.",
            "Accountants",
            "7.0 to < 8.0",
        ),
        (
            5,
            "Extensive Preparation Needed",
            "Extensive skill, knowledge, and experience are needed.",
            "Most of these occupations require graduate school.",
            "Employees may need some on-the-job training.",
            "Lawyers",
            "8.0 and above",
        ),
    ],
    "Task Statements": [
        (
            DS,
            23015,
            "Apply sampling techniques to determine groups to be surveyed.",
            "Core",
            40,
            "08/2025",
            "Incumbent",
        ),
        (
            DS,
            23002,
            "Analyze, manipulate, or process large sets of data.",
            "Core",
            40,
            "08/2025",
            "Incumbent",
        ),
        (
            DS,
            23100,
            "Write new functions or applications in programming languages.",
            "Supplemental",
            40,
            "08/2025",
            "Incumbent",
        ),
    ],
}
LAYOUTS = [("txt", False), ("txt", True), ("csv", False), ("csv", True)]


def write(
    folder: Path, name: str, rows: Sequence[Sequence[object]], layout: str = "txt",
    crlf: bool = False, header: Sequence[str] | None = None, encoding: str = "utf-8",
    bom: bool = False,
) -> Path:  # fmt: skip
    end = "\r\n" if crlf else "\n"
    head = list(header or HEADERS[name])
    if layout == "csv":
        buf = io.StringIO()
        csv.writer(buf, lineterminator=end).writerows([head, *rows])
        text = buf.getvalue()
    else:
        text = "".join("\t".join(map(str, r)) + end for r in [head, *rows])
    path = folder / f"{name}.{layout}"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))
    return path


def release(base: Path, layout: str = "txt", crlf: bool = False, **only: bool) -> Path:
    """A release folder named as O*NET names its downloads (``db_30_0_text``)."""
    folder = base / "db_30_0_text"
    folder.mkdir(parents=True)
    for name, rows in TABLES.items():
        if only.get(name.replace(" ", "_"), True):
            write(folder, name, rows, layout, crlf, bom=crlf and layout == "csv")
    return folder


def imported(run: Run, folder: Path, out: Path) -> dict[str, Any]:
    result = run("import", "onet", str(folder), "--output", str(out))
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert result.stdout == f"wrote {out}: 3 roles, 10 skills\n"
    data: dict[str, Any] = yaml.safe_load(out.read_bytes())
    return data


def role_of(kb: dict[str, Any], code: str) -> dict[str, Any]:
    return next(r for r in kb["roles"] if r["id"] == "onet-" + code.replace(".", "-"))


@pytest.mark.parametrize(("layout", "crlf"), LAYOUTS, ids=["txt-lf", "txt-crlf", "csv-lf",
                                                           "csv-crlf-bom"])  # fmt: skip
def test_each_layout_imports_to_the_same_bytes_that_validate(
    run: Run, tmp_path: Path, layout: str, crlf: bool
) -> None:
    ours = tmp_path / "ours" / "onet.yaml"
    imported(run, release(tmp_path / "ours", layout, crlf), ours)
    reference = tmp_path / "ref" / "onet.yaml"
    imported(run, release(tmp_path / "ref"), reference)
    assert ours.read_bytes() == reference.read_bytes()

    checked = run("validate", str(ours))
    assert checked.exit_code == 0 and re.search(r"^roles +3$", checked.stdout, re.M)
    page = run("role", "Data Scientists", data=ours)
    assert page.exit_code == 0 and page.stderr == ""
    assert "Programming" in page.stdout and "O*NET 30.0 Database" in page.stdout
    # the footer credits the licence, as CC BY asks (the full attribution: `sources`)
    assert "2025, used under CC BY 4.0" in " ".join(page.stdout.split())
    skill = run("skill", "pytorch", data=ours)
    assert skill.exit_code == 0 and "Data Scientists" in skill.stdout


def test_the_same_release_gives_the_same_bytes_twice(run: Run, tmp_path: Path) -> None:
    folder = release(tmp_path)
    out = tmp_path / "onet.yaml"
    imported(run, folder, out)
    first = out.read_bytes()
    again = run("import", "onet", str(folder), "--output", str(out), "--force")
    assert again.exit_code == 0 and out.read_bytes() == first
    assert b"\r" not in first and "careercli import onet" in first.decode()


def test_mapping_tiers_ratings_flags_aliases_related_way_in_tasks(run: Run, tmp_path: Path) -> None:
    kb = imported(run, release(tmp_path), tmp_path / "onet.yaml")
    ds = role_of(kb, DS)
    assert ds["title"] == "Data Scientists"
    assert ds["summary"].startswith("Develop and implement")
    # aliases: alternate and short titles; "Analyst" (two occupations) left out
    assert ds["aliases"] == ["Data Scientist", "Machine Learning Scientist", "ML Scientist"]
    assert role_of(kb, STAT)["aliases"] == ["Statistician"]

    lines = {(g["heading"], g["text"]): g for g in ds["skills"]}
    texts = [g["text"] for g in ds["skills"]]
    prog = lines[("O*NET Skills", "Programming: importance 4.12 of 5, level 4.50 of 7")]
    assert (prog["tier"], prog["skills"], prog["phrase"]) == (
        "essential", ["programming"], "importance 4.12 of 5",
    )  # fmt: skip
    tiers = {g["text"].split(":")[0]: g["tier"] for g in ds["skills"] if g["heading"] != (
        "O*NET Technology Skills")}  # fmt: skip
    assert tiers == {
        "Mathematics (knowledge)": "essential",  # 4.40
        "Programming": "essential",  # 4.12
        "Computers and Electronics (knowledge)": "important",  # 3.99
        "Critical Thinking": "important",  # 3.50
        "Mathematics": "useful",  # 2.75
    }  # Active Listening (2.25), Writing (suppressed), Speaking (not relevant): left out
    assert not any(w in " ".join(texts) for w in ("Active Listening", "Writing", "Speaking"))
    # the level of a suppressed LV row is not shown; its importance is
    stat_lines = [g["text"] for g in role_of(kb, STAT)["skills"]]
    assert "Mathematics: importance 4.62 of 5" in stat_lines

    tech = [(g["tier"], g["text"], g["skills"]) for g in ds["skills"]
            if g["heading"] == "O*NET Technology Skills"]  # fmt: skip
    assert tech == [
        ("important", "Hot Technology, In Demand: Python, PyTorch", ["python", "pytorch"]),
        ("useful", "Hot Technology: Structured query language SQL", ["sql"]),
        ("useful", "Technology: Microsoft Excel", ["excel"]),  # the bundled KB's alias
    ]
    skills = {s["id"]: s for s in kb["skills"]}
    # ids are the bundled KB's where a name matches (PyTorch, Python, SQL by its "SQL")
    assert {"pytorch", "python", "sql", "programming", "mathematics"} <= set(skills)
    assert skills["mathematics-knowledge"]["name"] == "Mathematics (knowledge)"
    assert skills["pytorch"]["description"] == "Analytical or scientific software"
    assert skills["sas"]["description"] == 'Analytical or scientific software, "stats"'

    assert ds["related"] == [
        {"name": "Statisticians", "role": "onet-15-2041-00", "note": "Primary-Short (index 1)",
         "source": "onet-30-0"},
        {"name": "Computer and Information Research Scientists", "role": "onet-15-1221-00",
         "note": "Primary-Long (index 2)", "source": "onet-30-0"},
        {"name": "15-9999.00", "note": "Supplemental (index 3)", "source": "onet-30-0"},
    ]  # fmt: skip
    (way_in,) = ds["qualifications"]
    assert way_in["education"] == "Most of these occupations require graduate school."
    assert way_in["text"].startswith("Job Zone 5: Extensive Preparation Needed. Experience: ")
    assert ds["responsibilities"] == [
        {"heading": "Tasks (Core)", "source": "onet-30-0", "items": [
            "Analyze, manipulate, or process large sets of data.",
            "Apply sampling techniques to determine groups to be surveyed."]},
        {"heading": "Tasks (Supplemental)", "source": "onet-30-0", "items": [
            "Write new functions or applications in programming languages."]},
    ]  # fmt: skip
    assert "qualifications" not in role_of(kb, CIRS)  # no job zone: no way in


def test_one_source_names_the_release_its_date_and_the_cc_by_attribution(
    run: Run, tmp_path: Path
) -> None:
    kb = imported(run, release(tmp_path), tmp_path / "onet.yaml")
    (source,) = kb["sources"]
    assert (source["id"], source["title"], source["year"]) == (
        "onet-30-0", "O*NET 30.0 Database", 2025,
    )  # fmt: skip
    assert source["note"].startswith("Release of 08/2025")
    assert source["license"] == "CC BY 4.0"
    assert (
        "This page includes information from the O*NET 30.0 Database by the U.S. Department "
        "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY "
        "4.0 license. O*NET® is a trademark of USDOL/ETA."
    ) in source["note"]
    cited = {g["source"] for r in kb["roles"] for g in r.get("skills", []) + r.get("related", [])}
    cited |= {s for r in kb["roles"] for s in r["sources"]}
    assert cited == {"onet-30-0"}


def test_only_occupation_data_is_required_and_release_can_be_given(
    run: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "onet"  # a folder name that does not say the release
    folder.mkdir()
    write(folder, "Occupation Data", TABLES["Occupation Data"], "csv")
    out = tmp_path / "onet.yaml"
    result = run("import", "onet", str(folder), "-o", str(out), "--release", "29.1")
    assert result.exit_code == 0 and "3 roles, 0 skills" in result.stdout
    kb = yaml.safe_load(out.read_text())
    assert kb["sources"][0]["id"] == "onet-29-1" and "year" not in kb["sources"][0]
    assert run("validate", str(out)).exit_code == 0


def test_a_file_is_known_by_its_header_not_its_name(run: Run, tmp_path: Path) -> None:
    folder = release(tmp_path, Technology_Skills=False, Alternate_Titles=False)
    write(folder, "Technology Skills", TABLES["Technology Skills"], "csv").rename(
        folder / "Software Skills.csv"  # the 30.3 name
    )
    write(folder, "Alternate Titles", TABLES["Alternate Titles"]).rename(folder / "titles 2.txt")
    (folder / "Read Me.txt").write_text("Notes\n", encoding="utf-8")
    kb = imported(run, folder, tmp_path / "onet.yaml")
    assert "pytorch" in {s["id"] for s in kb["skills"]}
    assert "Data Scientist" in role_of(kb, DS)["aliases"]


def fails(run: Run, folder: Path, out: Path, *more: str) -> str:
    result = run("import", "onet", str(folder), "--output", str(out), *more)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".")) == []
    return result.stderr.removeprefix("careercli: error: ").rstrip("\n")


def test_bad_input_is_one_line_and_nothing_is_written(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "out" / "onet.yaml"
    out.parent.mkdir()

    bare = release(tmp_path / "a", Occupation_Data=False)
    assert fails(run, bare, out).startswith(f"{bare}: no Occupation Data file")

    wrong = release(tmp_path / "b")
    write(wrong, "Skills", [], header=RATED[:3])
    assert fails(run, wrong, out) == (
        f"{wrong / 'Skills.txt'}: wrong header for O*NET's Skills: no column "
        "'Scale ID', 'Data Value'"
    )

    malformed = release(tmp_path / "c")
    rows = [*TABLES["Task Statements"], (DS, 1, "A task with a field missing")]
    write(malformed, "Task Statements", rows)
    assert fails(run, malformed, out) == (
        f"{malformed / 'Task Statements.txt'}:5: malformed row: 3 fields, the header has 7"
    )
    badcode = release(tmp_path / "c2")
    write(badcode, "Job Zones", [("15-2051", 5, "08/2025", "Analyst")], "txt", crlf=True)
    assert fails(run, badcode, out) == (
        f"{badcode / 'Job Zones.txt'}:2: malformed row: O*NET-SOC Code '15-2051' is not an "
        "O*NET-SOC code"
    )

    latin = release(tmp_path / "d")
    rows = [*TABLES["Occupation Data"], ("11-1011.00", "Café Managers", "Managers.")]
    write(latin, "Occupation Data", rows, encoding="cp1252")
    assert fails(run, latin, out) == (
        f"{latin / 'Occupation Data.txt'}:5: unknown encoding (byte 0xe9 is not UTF-8); "
        "save the file as UTF-8"
    )
    assert not out.exists()

    out.write_text("mine\n")
    assert fails(run, release(tmp_path / "e"), out) == (
        f"{out}: already exists; add --force to replace it"
    )
    assert out.read_text() == "mine\n"
    # a failed import with --force leaves the old file as it was
    assert fails(run, latin, out, "--force").endswith("save the file as UTF-8")
    assert out.read_text() == "mine\n"


def test_two_files_of_one_table_are_refused(run: Run, tmp_path: Path) -> None:
    folder = release(tmp_path)
    write(folder, "Occupation Data", TABLES["Occupation Data"], "csv")
    message = fails(run, folder, tmp_path / "onet.yaml")
    assert message == (
        f"{folder}: two files hold the same table (occupations): Occupation Data.csv and "
        "Occupation Data.txt"
    )


def test_import_help_is_in_the_data_panel(run: Run) -> None:
    page = run("--help").stdout
    data = page.split("\nData:\n")[1].split("\n\n")[0]
    assert "import" in data
    assert "https://www.onetcenter.org/database.html" in run("import", "onet", "--help").stdout


@given(st.text(max_size=40))
def test_a_written_scalar_reads_back_as_the_same_string(text: str) -> None:
    from careercli.text import unsafe_at

    if unsafe_at(text) is not None or "\r" in text:
        return  # the importer writes no control characters (clean() replaces them)
    assert yaml.safe_load(f"k: {scalar(text)}")["k"] == text
    assert yaml.safe_load(f"k: [{scalar(text)}, x]")["k"][0] == text


def test_ids_are_readable_and_match_the_bundled_kb() -> None:
    assert [slug(n) for n in ("PyTorch", "Microsoft Excel", "C++", "Node.js", "R")] == [
        "pytorch", "microsoft-excel", "cpp", "node.js", "r",
    ]  # fmt: skip


def test_technology_names_take_the_bundled_kbs_ids_where_they_match() -> None:
    from careercli.importers.common import curated_skill_ids
    from careercli.importers.onet import _Skills

    skills = _Skills(curated_skill_ids(), "onet-30-0")
    names = ("PyTorch", "Amazon Web Services AWS software", "Structured query language SQL",
             "Microsoft Project", "pytorch", "C++")  # fmt: skip
    ids = [skills.add("technology", n.casefold(), n, None) for n in names]
    assert ids == ["pytorch", "aws", "sql", "microsoft-project", "pytorch", "cpp"]
    # a rated element never takes an id a technology skill has
    assert skills.add("skills", "2.B.3.e", "PyTorch", None) == "pytorch-skill"


@pytest.mark.parametrize(("layout", "crlf"), [("txt", False), ("csv", True)], ids=["txt", "csv"])
def test_the_curated_kb_and_an_import_are_one_catalogue(
    run: Run, tmp_path: Path, layout: str, crlf: bool
) -> None:
    """Issue 15's done-when: import, validate, then role, skill and compare across the
    curated KB and the imported one, each saying which KB a role comes from."""
    from careercli.kb.paths import bundled_data_path

    out = tmp_path / "onet.yaml"
    imported(run, release(tmp_path, layout, crlf), out)
    both = ["--data", str(bundled_data_path()), "--data", str(out)]
    checked = run(*both, "validate")
    assert checked.exit_code == 0, checked.stderr
    compare = run(*both, "compare", "Machine Learning Engineer", "Data Scientists", width=100)
    assert compare.exit_code == 0, compare.stderr
    page = " ".join(compare.stdout.split())
    assert "from the roles KB" in page and "from the onet KB" in page
    skill = json.loads(run(*both, "skill", "pytorch", "--json").stdout)
    kbs = {n["role"]: n.get("kb") for n in skill["needed_by"]}
    assert kbs["machine-learning-engineer"] == "roles"
    assert kbs["onet-15-2051-00"] == "onet"  # PyTorch is one skill in both
    role = run(*both, "role", "Data Scientists", "--json")
    assert json.loads(role.stdout)["kb"] == "onet"
