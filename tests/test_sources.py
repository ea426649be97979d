"""`careercli sources`: every source once, what the KB takes from it, which roles cite it,
and the seed file (the one human page that names files)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Run


def test_sources_lists_each_document_with_what_it_covers(run: Run, mini: Path) -> None:
    result = run("sources", data=mini, width=80)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert out.startswith("Sources of the knowledge base (2)")
    assert "Guide A, 2025" in out and "Guide B (undated)" in out
    assert "File a.txt" in out
    assert "Cited by Machine Learning Engineer" in out


def test_sources_json_names_files_counts_and_citing_roles(run: Run, mini: Path) -> None:
    data = json.loads(run("sources", "--json", data=mini).stdout)
    by_id = {s["id"]: s for s in data}
    a = by_id["guide-a"]
    assert a["file"] == "a.txt" and a["year"] == 2025
    assert "Machine Learning Engineer" in a["cited_by_roles"]
    assert a["pay_figures"] >= 1
    roles = [r["id"] for r in json.loads(run("roles", "--json", data=mini).stdout)]
    assert sum(s["pay_figures"] for s in data) == sum(len(_pay(run, mini, r)) for r in roles)


def _pay(run: Run, mini: Path, role_id: str) -> list[object]:
    data = json.loads(run("role", role_id, "--json", data=mini).stdout)
    pay: list[object] = data["pay"]
    return pay


def test_the_bundled_kb_names_its_four_seeds(run: Run) -> None:
    data = json.loads(run("sources", "--json").stdout)
    files = sorted(s["file"] for s in data if s["file"].endswith(".txt"))
    assert [f[:3] for f in files] == ["000", "001", "002", "003"]
    assert all(s["cited_by_roles"] for s in data if s["file"].endswith(".txt"))
