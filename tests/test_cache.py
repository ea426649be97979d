"""The KB cache is disposable: stale, corrupt, unwritable or raced caches never mislead."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from careercli.kb import loader
from tests.conftest import Run

pytestmark = pytest.mark.empty_cache


def cache_files(hermetic: Path) -> list[Path]:
    return sorted((hermetic / "cache").glob("kb-*.sqlite"))


def copy_kb(tmp_path: Path, mini: Path, text: str | None = None) -> Path:
    path = tmp_path / "kb.yaml"
    path.write_text(text if text is not None else mini.read_text())
    return path


def test_second_run_reads_the_cache_not_the_yaml(
    run: Run, mini: Path, hermetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = copy_kb(hermetic, mini)
    assert run("role", "MLE", data=kb).exit_code == 0
    assert len(cache_files(hermetic)) == 1

    def no_parsing(*args: object) -> None:
        raise AssertionError("YAML parsed on a warm run")

    monkeypatch.setattr(loader, "parse_yaml", no_parsing)
    result = run("role", "MLE", data=kb)
    assert result.exit_code == 0 and result.stdout.startswith("Machine Learning Engineer\n")


def test_changed_yaml_is_never_answered_from_the_old_cache(
    run: Run, mini: Path, hermetic: Path
) -> None:
    kb = copy_kb(hermetic, mini)
    run("role", "MLE", data=kb)
    kb.write_text(mini.read_text().replace("title: Machine Learning Engineer", "title: ML Builder"))
    result = run("role", "MLE", data=kb)
    assert result.stdout.startswith("ML Builder\n")


def test_same_content_touched_reuses_the_cache(run: Run, mini: Path, hermetic: Path) -> None:
    kb = copy_kb(hermetic, mini)
    run("roles", data=kb)
    os.utime(kb, ns=(1, 1))
    assert run("roles", data=kb).exit_code == 0
    assert len(cache_files(hermetic)) == 1


def test_corrupt_cache_is_rebuilt(run: Run, mini: Path, hermetic: Path) -> None:
    kb = copy_kb(hermetic, mini)
    run("role", "MLE", data=kb)
    (db,) = cache_files(hermetic)
    db.write_bytes(b"this is not a database" * 100)
    result = run("role", "MLE", data=kb)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("Machine Learning Engineer\n")
    assert run("role", "MLE", data=kb).exit_code == 0


def test_corrupt_pointer_file_is_ignored(run: Run, mini: Path, hermetic: Path) -> None:
    kb = copy_kb(hermetic, mini)
    run("roles", data=kb)
    for pointer in (hermetic / "cache").glob("path-*.json"):
        pointer.write_text("{not json")
    result = run("roles", data=kb)
    assert (result.exit_code, result.stderr) == (0, "")


def test_unwritable_cache_location_is_bypassed(
    run: Run, mini: Path, hermetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = hermetic / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("CAREERCLI_CACHE", str(blocker / "cache"))
    result = run("role", "MLE", data=mini)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("Machine Learning Engineer\n")


def test_no_cache_flag_writes_no_cache(run: Run, mini: Path, hermetic: Path) -> None:
    result = run("--no-cache", "role", "MLE", data=mini)
    assert result.exit_code == 0
    assert cache_files(hermetic) == []


def test_a_rejected_file_is_never_cached(run: Run, mini: Path, hermetic: Path) -> None:
    kb = copy_kb(hermetic, mini, mini.read_text().replace("level: mid,", "level: middle,"))
    assert run("role", "MLE", data=kb).exit_code == 1
    assert run("role", "MLE", data=kb).exit_code == 1
    assert cache_files(hermetic) == []


def test_two_processes_building_the_cache_at_once(tmp_path: Path, mini: Path) -> None:
    env = {**os.environ, "CAREERCLI_CACHE": str(tmp_path / "c"), "CAREERCLI_HOME": str(tmp_path)}
    args = [sys.executable, "-m", "careercli", "--data", str(mini), "role", "MLE", "--json"]
    procs = [
        subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert (p.returncode, err) == (0, b"")
        assert b'"id": "machine-learning-engineer"' in out
    assert len(list((tmp_path / "c").glob("kb-*.sqlite"))) == 1
    assert not list((tmp_path / "c").glob(".kb-*"))  # no temp files left


def test_same_length_edit_with_old_mtime_is_still_noticed(
    run: Run, mini: Path, hermetic: Path
) -> None:
    """tar, rsync -t and cp -p restore mtimes; the change time and inode still differ."""
    kb = copy_kb(hermetic, mini)
    old = kb.stat()
    os.utime(kb, ns=(old.st_atime_ns, old.st_mtime_ns - 10**10))  # old enough to be trusted
    stamp = kb.stat().st_mtime_ns
    run("role", "MLE", data=kb)
    edited = mini.read_text().replace("title: Data Scientist", "title: Data Scientixt")
    replacement = hermetic / "new.yaml"
    replacement.write_text(edited)
    os.replace(replacement, kb)
    os.utime(kb, ns=(stamp, stamp))
    assert kb.stat().st_size == old.st_size
    result = run("role", "Data Scientixt", data=kb)
    assert result.exit_code == 0 and result.stdout.startswith("Data Scientixt\n")


WARM_IMPORTS = """
import sys
from careercli.cli import main
sys.argv = ["careercli", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    assert not done.code, done.code
heavy = ("yaml", "careercli.kb.models", "careercli.kb.loader", "rapidfuzz")
print(" ".join(sorted(m for m in sys.modules if m.startswith(heavy))), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args", [["role", "MLE"], ["skill", "python"], ["match", "python", "sql"], ["search", "torch"]]
)
def test_a_warm_lookup_never_loads_yaml_or_the_schema(
    tmp_path: Path, mini: Path, args: list[str]
) -> None:
    """The speed of a warm run rests on this: the cache answers, nothing is validated.

    (Pydantic itself is imported either way: Typer 0.29 coerces parameters with it.)
    """
    kb = copy_kb(tmp_path, mini)
    old = kb.stat().st_mtime_ns - 10**10  # older than the pointer's two seconds of doubt
    os.utime(kb, ns=(old, old))
    env = {**os.environ, "CAREERCLI_CACHE": str(tmp_path / "c"), "CAREERCLI_HOME": str(tmp_path)}
    env |= {"CAREERCLI_DATA": str(kb), "COLUMNS": "100"}
    cold = subprocess.run(
        [sys.executable, "-c", WARM_IMPORTS, *args], env=env, capture_output=True, text=True
    )
    assert cold.returncode == 0 and "careercli.kb.models" in cold.stderr  # built the cache
    warm = subprocess.run(
        [sys.executable, "-c", WARM_IMPORTS, *args], env=env, capture_output=True, text=True
    )
    assert (warm.returncode, warm.stderr) == (0, "\n")
    assert warm.stdout == cold.stdout


def test_records_read_back_equal_the_validated_models(hermetic: Path) -> None:
    """What a warm run shows is what validation produced: the same fields, read-only."""
    from careercli.kb.loader import load_kb
    from careercli.kb.paths import bundled_data_path
    from careercli.kb.shapes import skill_tiers
    from careercli.kb.store import open_catalog

    path = bundled_data_path()
    kb = load_kb(path)
    catalog = open_catalog(path)
    assert catalog.role(kb.roles[0].id) is catalog.role(kb.roles[0].id)  # read once, kept
    for model in kb.roles:
        record = catalog.role(model.id)
        assert record.model_dump() == model.model_dump(mode="json")
        assert skill_tiers(record) == skill_tiers(model)
    for model in kb.skills:
        assert catalog.skill(model.id).model_dump() == model.model_dump(mode="json")
    assert {k: v.model_dump() for k, v in catalog.sources.items()} == {
        s.id: s.model_dump(mode="json") for s in kb.sources
    }
    assert [i.model_dump() for i in catalog.industries] == [
        i.model_dump(mode="json") for i in kb.industries
    ]
    role = catalog.role(kb.roles[0].id)
    with pytest.raises(AttributeError, match="read-only"):
        role.title = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="read-only"):
        del role.title  # type: ignore[misc]


def test_a_source_year_comes_from_its_date_in_a_record_too(hermetic: Path, mini: Path) -> None:
    from careercli.kb.store import open_catalog

    kb = copy_kb(hermetic, mini)
    text = mini.read_text()
    kb.write_text(
        text.replace("    file: b.txt\n", "    file: b.txt\n    published: 2024-03-05\n", 1)
    )
    catalog = open_catalog(kb)
    assert catalog.sources["guide-b"].published == "2024-03-05"  # the ISO text, as JSON has it
    assert catalog.source_year("guide-b") == 2024


def test_models_hold_data_only() -> None:
    """Warm runs read records, which have a model's fields and nothing else: a method on a
    model would work when validating and be missing on every warm run. Behaviour goes in
    functions (kb.shapes.skill_tiers, render.format.duration_label)."""
    import inspect

    from pydantic import BaseModel

    from careercli.kb import models

    base = set(dir(BaseModel))
    for name, cls in vars(models).items():
        if (
            not (inspect.isclass(cls) and issubclass(cls, BaseModel))
            or cls.__module__ != models.__name__
        ):
            continue
        own = {m for m in dir(cls) if not m.startswith("_") and m not in base}
        assert own <= set(cls.model_fields), f"{name} has {sorted(own - set(cls.model_fields))}"


def test_an_edited_kb_leaves_one_cache_file_not_one_per_version(
    run: Run, mini: Path, hermetic: Path
) -> None:
    kb = copy_kb(hermetic, mini)
    for title in ("ML Builder", "ML Maker", "ML Crafter"):
        kb.write_text(
            mini.read_text().replace("title: Machine Learning Engineer", f"title: {title}")
        )
        result = run("role", "MLE", data=kb)
        assert result.exit_code == 0 and result.stdout.startswith(f"{title}\n")
        assert len(cache_files(hermetic)) == 1


def test_a_pointer_naming_a_path_is_never_followed(run: Run, mini: Path, hermetic: Path) -> None:
    """The pointer's key names a file the cache may delete: it must be a bare digest."""
    kb = copy_kb(hermetic, mini)
    run("roles", data=kb)
    (pointer,) = (hermetic / "cache").glob("path-*.json")
    victim = hermetic / "keep.sqlite"
    victim.write_text("precious")
    (hermetic / "cache" / "kb-x").mkdir()  # so that kb-x/../../keep.sqlite resolves
    pointer.write_text('{"salt": "x", "file": null, "key": "x/../../keep"}')
    kb.write_text(mini.read_text().replace("title: Data Scientist", "title: Data Wrangler"))
    assert run("role", "Data Wrangler", data=kb).exit_code == 0
    assert victim.read_text() == "precious"
