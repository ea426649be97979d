"""Loader errors: each kind of bad file gets one clear line, exit 1, no traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careercli.kb.errors import DataFileError, ValidationFailed
from careercli.kb.loader import load_kb, read_yaml
from tests.conftest import Run


def write(tmp_path: Path, text: str, name: str = "kb.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(run: Run, path: Path) -> tuple[int, str, str]:
    result = run("validate", str(path))
    return result.exit_code, result.stdout, result.stderr


def test_syntax_error_names_file_line_and_column(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "sources:\n  - id: a\n    title: [unclosed\n")
    code, out, err = error_of(run, path)
    assert code == 1 and out == ""
    assert err.startswith(f"careercli: error: {path}:4:1: ") and err.count("\n") == 1


def test_unknown_field_is_named_with_its_location(run: Run, tmp_path: Path, mini: Path) -> None:
    text = mini.read_text().replace("    title: Data Engineer\n", "    titel: Data Engineer\n")
    code, _, err = error_of(run, write(tmp_path, text))
    assert code == 1
    lines = err.splitlines()
    # The typo comes first, with what it was meant to be; the field it leaves missing after.
    assert lines[1] == "  roles[1].titel: unknown field; did you mean 'title'?"
    assert "  roles[1].title: Field required" in lines[2:]


def test_wrong_type_reports_path_like_roles_salaries_max(
    run: Run, tmp_path: Path, mini: Path
) -> None:
    text = mini.read_text().replace("min: 90000, max: 120000", "min: 90000, max: lots")
    code, _, err = error_of(run, write(tmp_path, text))
    assert code == 1
    assert "  roles[1].salaries[0].max: Input should be a valid integer\n" in err


def test_yaml_11_no_is_not_silently_false(run: Run, tmp_path: Path, mini: Path) -> None:
    text = mini.read_text().replace("title: Guide B\n", "title: NO\n")
    code, _, err = error_of(run, write(tmp_path, text))
    assert code == 1
    assert "  sources[1].title: Input should be a valid string\n" in err


def test_duplicate_key_names_both_lines(run: Run, tmp_path: Path) -> None:
    code, _, err = error_of(run, write(tmp_path, "version: 1\nsources: []\nversion: 1\n"))
    assert code == 1
    where = tmp_path / "kb.yaml"
    assert err == f"careercli: error: {where}:3:1: duplicate key 'version' (first on line 1)\n"


def test_alias_bomb_is_refused_quickly(run: Run, tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    code, _, err = error_of(run, write(tmp_path, "\n".join(lines) + "\n"))
    assert code == 1
    assert "anchors and aliases (&name / *name) are not allowed" in err


def test_missing_file(run: Run, tmp_path: Path) -> None:
    code, _, err = error_of(run, tmp_path / "nope.yaml")
    assert (code, err) == (1, f"careercli: error: {tmp_path / 'nope.yaml'}: no such file\n")


def test_empty_file(run: Run, tmp_path: Path) -> None:
    code, _, err = error_of(run, write(tmp_path, "\n  \n"))
    assert (code, err) == (1, f"careercli: error: {tmp_path / 'kb.yaml'}: file is empty\n")


def test_comments_only_file(run: Run, tmp_path: Path) -> None:
    code, _, err = error_of(run, write(tmp_path, "# nothing here\n"))
    assert code == 1 and "file holds no data" in err


def test_wrong_top_level_type(run: Run, tmp_path: Path) -> None:
    code, _, err = error_of(run, write(tmp_path, "- a\n- b\n"))
    assert code == 1
    assert "the top level must be a mapping (sources:, skills:, roles: ...), not a list" in err


def test_directory_as_data_path(run: Run, tmp_path: Path) -> None:
    code, _, err = error_of(run, tmp_path)
    assert (code, err) == (1, f"careercli: error: {tmp_path}: is a directory, not a YAML file\n")


def test_python_object_tag_is_refused(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "sources: !!python/object/apply:os.system ['echo hacked']\n")
    code, out, err = error_of(run, path)
    assert code == 1 and "hacked" not in out
    assert "could not determine a constructor for the tag" in err


def test_binary_file(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_bytes(b"\x00\x01\x02\xff" * 100)
    code, _, err = error_of(run, path)
    assert code == 1 and err.startswith(f"careercli: error: {path}: ")


def test_huge_file_is_refused_before_reading(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: costs nothing to make
    code, _, err = error_of(run, path)
    assert (code, err) == (1, f"careercli: error: {path}: file is 50.0 MiB; the limit is 32 MiB\n")


def test_deep_nesting(run: Run, tmp_path: Path) -> None:
    code, _, err = error_of(run, write(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n"))
    assert code == 1 and "nesting" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(run: Run, tmp_path: Path, mini: Path) -> None:
    path = write(tmp_path, mini.read_text())
    path.chmod(0)
    code, _, err = error_of(run, path)
    assert (code, err) == (1, f"careercli: error: {path}: permission denied\n")


def test_dangling_reference_names_entry_and_id(run: Run, tmp_path: Path, mini: Path) -> None:
    text = mini.read_text().replace(
        "skills: [sql, python], source: guide-b", "skills: [sql, pyhton], source: guide-b"
    )
    code, _, err = error_of(run, write(tmp_path, text))
    assert code == 1
    assert "  roles[1].skills[0].skills[1]: unknown skill 'pyhton'\n" in err


def test_shared_alias_between_two_roles_is_an_error(tmp_path: Path, mini: Path) -> None:
    text = mini.read_text().replace(
        "title: Data Scientist\n", "title: Data Scientist\n    aliases: [MLE]\n"
    )
    with pytest.raises(ValidationFailed) as info:
        load_kb(write(tmp_path, text))
    assert (
        "roles[3].aliases[0]: 'MLE' is already a name of 'machine-learning-engineer'"
        in info.value.lines
    )


def test_other_commands_refuse_a_broken_file(run: Run, tmp_path: Path, mini: Path) -> None:
    text = mini.read_text().replace("min: 90000, max: 120000", "min: 130000, max: 120000")
    result = run("role", "MLE", data=write(tmp_path, text))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "roles[1].salaries[0]: min (130000) is above max (120000)" in result.stderr


def test_read_yaml_returns_plain_data(mini: Path) -> None:
    data = read_yaml(mini)
    assert data["roles"][0]["id"] == "machine-learning-engineer"
    with pytest.raises(DataFileError):
        read_yaml(mini.parent / "missing.yaml")


def test_impossible_date_is_one_line(run: Run, tmp_path: Path, mini: Path) -> None:
    text = mini.read_text().replace(
        "    year: 2025\n", "    year: 2025\n    published: 2024-13-45\n"
    )
    code, _, err = error_of(run, write(tmp_path, text))
    assert code == 1 and err.count("\n") == 1
    assert "invalid value: month must be in 1..12" in err


def test_huge_numbers_are_refused_not_crashing_later(run: Run, tmp_path: Path, mini: Path) -> None:
    text = mini.read_text().replace("sample_size: 7", "sample_size: 99999999999999999999")
    path = write(tmp_path, text)
    code, _, err = error_of(run, path)
    assert code == 1 and "sample_size: Input should be less than or equal to" in err
    result = run("role", "MLE", data=path)
    assert result.exit_code == 1 and result.stderr.startswith("careercli: error: ")
    assert result.stderr.count("\n") == 1


def test_up_to_figure_has_max_only(tmp_path: Path, mini: Path) -> None:
    text = mini.read_text().replace(
        "kind: median, min: 115599", "kind: up-to, min: 115599, max: 120000"
    )
    with pytest.raises(ValidationFailed) as info:
        load_kb(write(tmp_path, text))
    assert "roles[0].salaries[0]: an up-to figure has max only" in info.value.lines


def test_device_instead_of_a_file_is_refused(run: Run) -> None:
    code, _, err = error_of(run, Path("/dev/zero"))
    assert (code, err) == (1, "careercli: error: /dev/zero: not a regular file\n")


def test_control_characters_from_a_file_never_reach_the_terminal(
    run: Run, tmp_path: Path, mini: Path
) -> None:
    text = mini.read_text().replace("    title: Data Engineer\n", '    "ti\\e[31mtle": x\n')
    code, _, err = error_of(run, write(tmp_path, text))
    assert code == 1 and "\x1b" not in err


def test_names_equal_but_for_punctuation_are_an_error(tmp_path: Path, mini: Path) -> None:
    text = mini.read_text().replace("title: Data Scientist\n", "title: Data-Engineer\n")
    with pytest.raises(ValidationFailed) as info:
        load_kb(write(tmp_path, text))
    assert "roles[3].title: 'Data-Engineer' is already a name of 'data-engineer'" in (
        info.value.lines
    )
