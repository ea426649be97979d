"""Several knowledge bases as one catalogue (``--data`` repeated, ``$CAREERCLI_DATA`` a
path list): tests/data/second.yaml beside mini.yaml."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from careercli.kb import loader
from tests.conftest import Run

SECOND = Path(__file__).parent / "data" / "second.yaml"


def both(mini: Path) -> list[str]:
    return ["--data", str(mini), "--data", str(SECOND)]


def test_repeated_data_makes_one_catalogue(run: Run, mini: Path) -> None:
    result = run(*both(mini), "roles", "--json")
    assert result.exit_code == 0, result.stderr
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert {"data-scientist", "second-data-scientists"} <= set(rows)
    assert rows["data-scientist"]["kb"] == "mini"
    assert rows["second-data-scientists"]["kb"] == "second"


def test_the_environment_variable_is_a_path_list(run: Run, mini: Path) -> None:
    listing = os.pathsep.join([str(mini), str(SECOND), ""])  # a trailing separator is fine
    result = run("role", "Data Scientists", CAREERCLI_DATA=listing)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Data Scientists\nfrom the second KB")
    assert run("role", "Data Engineer", CAREERCLI_DATA=listing).exit_code == 0


def test_one_kb_shows_no_origin(run: Run, mini: Path) -> None:
    result = run("role", "MLE", data=mini)
    assert "KB" not in result.stdout
    assert "kb" not in json.loads(run("role", "MLE", "--json", data=mini).stdout)


def test_a_skill_both_define_is_one_skill_listing_roles_of_both(run: Run, mini: Path) -> None:
    result = run(*both(mini), "skill", "pytorch", "--json")
    assert result.exit_code == 0, result.stderr
    skill = json.loads(result.stdout)
    assert skill["name"] == "PyTorch" and skill["category"] == "framework"  # the first's
    assert skill["aliases"] == ["torch", "PyTorch 2"]
    assert skill["sources"] == ["guide-a", "second-survey"]
    needs = {n["role"]: n["kb"] for n in skill["needed_by"]}
    assert needs == {
        "machine-learning-engineer": "mini",
        "data-scientist": "mini",
        "second-machine-learning-engineer": "second",
        "second-data-scientists": "second",
    }
    page = run(*both(mini), "skill", "pytorch").stdout
    assert "Machine Learning Engineer (second)  second  essential" in page
    counted = run(*both(mini), "validate")
    assert counted.exit_code == 0
    assert "merged: 1 skill shared by id" in counted.stdout


def test_clashing_titles_are_told_apart_never_merged(run: Run, mini: Path) -> None:
    result = run(*both(mini), "role", "Machine Learning Engineer")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "Machine Learning Engineer (mini)" in result.stderr
    assert "Machine Learning Engineer (second)" in result.stderr
    page = run(*both(mini), "role", "Machine Learning Engineer (second)")
    assert page.exit_code == 0
    assert page.stdout.startswith("Machine Learning Engineer (second)\nfrom the second KB")
    listing = run(*both(mini), "roles").stdout
    assert "Machine Learning Engineer (mini)" in listing
    assert "Machine Learning Engineer (second)" in listing


def test_a_skill_name_two_kbs_give_different_ids_lists_both(run: Run, mini: Path) -> None:
    result = run(*both(mini), "skill", "Python")
    assert result.exit_code == 1
    assert "Python Language" in result.stderr and "Python," in result.stderr


def test_compare_across_kbs_names_each_kb(run: Run, mini: Path) -> None:
    result = run(*both(mini), "compare", "MLE", "Data Scientists", "--json")
    assert result.exit_code == 0, result.stderr
    roles = json.loads(result.stdout)["roles"]
    assert [(r["id"], r["kb"]) for r in roles] == [
        ("machine-learning-engineer", "mini"),
        ("second-data-scientists", "second"),
    ]
    assert json.loads(result.stdout)["shared_skills"] == ["pytorch"]
    page = run(*both(mini), "compare", "MLE", "Data Scientists").stdout
    assert "from the mini KB" in page and "from the second KB" in page


def test_search_hits_say_whose_role(run: Run, mini: Path) -> None:
    hits = json.loads(run(*both(mini), "search", "scikit", "--json").stdout)
    roles = {h["id"]: h.get("kb") for h in hits if h["kind"] == "role"}
    assert roles and set(roles.values()) == {"second"}


def test_a_role_id_in_two_kbs_is_an_error_naming_both(run: Run, mini: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin.yaml"
    twin.write_text(SECOND.read_text().replace("second-data-scientists", "data-scientist"))
    result = run("--data", str(mini), "--data", str(twin), "roles")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "role id 'data-scientist'" in result.stderr
    assert str(mini) in result.stderr and str(twin) in result.stderr


@pytest.mark.parametrize("problem", ["missing", "unreadable", "invalid"])
def test_a_bad_second_file_is_one_line_naming_it(
    run: Run, mini: Path, tmp_path: Path, problem: str
) -> None:
    bad = tmp_path / "bad.yaml"
    if problem == "unreadable":
        bad.write_text(SECOND.read_text())
        bad.chmod(0)
        if os.access(bad, os.R_OK):
            pytest.skip("running as a user who can read any file")
    elif problem == "invalid":
        bad.write_text(SECOND.read_text().replace("title: Data Scientists", "titel: X"))
    result = run("--data", str(mini), "--data", str(bad), "roles")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and str(bad) in result.stderr
    assert "Traceback" not in result.stderr


def test_the_combined_kb_is_cached_and_a_warm_run_reads_no_yaml(
    run: Run, mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run(*both(mini), "skill", "pytorch")
    assert first.exit_code == 0

    def no_parsing(*args: object) -> None:
        raise AssertionError("YAML parsed on a warm run")

    monkeypatch.setattr(loader, "parse_yaml", no_parsing)
    again = run(*both(mini), "skill", "pytorch")
    assert again.exit_code == 0 and again.stdout == first.stdout
    with pytest.raises(AssertionError, match="YAML parsed"):  # another order: another KB
        run("--data", str(SECOND), "--data", str(mini), "skill", "pytorch")


def test_the_same_file_twice_is_one_kb(run: Run, mini: Path) -> None:
    result = run("--data", str(mini), "--data", str(mini), "role", "MLE")
    assert result.exit_code == 0 and result.stdout.startswith("Machine Learning Engineer\n")


def test_a_title_wins_over_another_kbs_alias(run: Run, mini: Path, tmp_path: Path) -> None:
    """O*NET lists "Data Scientist" as an alternate title of Data Scientists: the curated
    role of that title still answers to it, untouched; the other keeps its own title."""
    second = tmp_path / "second.yaml"
    second.write_text(
        SECOND.read_text().replace(
            "    title: Data Scientists\n",
            "    title: Data Scientists\n    aliases: [Data Scientist, Data Sleuth]\n",
        )
    )
    data = ["--data", str(mini), "--data", str(second)]
    page = run(*data, "role", "Data Scientist")
    assert page.exit_code == 0, page.stderr
    assert page.stdout.startswith("Data Scientist\nfrom the mini KB")
    assert run(*data, "role", "Data Sleuth").stdout.startswith("Data Scientists\nfrom the second")
    aliases = json.loads(run(*data, "role", "Data Scientists", "--json").stdout)["aliases"]
    assert aliases == ["Data Sleuth"]
