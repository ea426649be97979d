"""Issue 12: everything the knowledge base stores is reachable through some command.

The walk takes every piece of text of the bundled KB (ids, references and enumerations
aside) and looks for it, whitespace collapsed, in the pages that should show it: the role's
full view and roadmap, the guide, the industries and the career tracks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from careercli.cli import app
from careercli.kb.paths import bundled_data_path

# Keys whose values are ids, references, enumerations or numbers, not text to show.
NOT_TEXT = {
    "id", "source", "sources", "tier", "kind", "unit", "level", "track", "category",
    "currency", "period", "timing", "role", "skills", "parent", "salary_family", "file",
    "region", "published", "group", "broader", "implies", "short", "background",
}  # fmt: skip


def _text(value: Any, key: str | None, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        if key not in NOT_TEXT:
            yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _text(v, k, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _text(v, key, f"{path}[{i}]")


@pytest.fixture(scope="module")
def kb() -> Any:
    return yaml.safe_load(bundled_data_path().read_text())


def _page(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "3000", "NO_COLOR": "1"})
    assert result.exit_code == 0, (args, result.stderr)
    return " ".join(result.stdout.split()).casefold()


def test_every_text_of_every_role_is_on_its_full_page_or_roadmap(kb: Any) -> None:
    missing, walked = [], 0
    for role in kb["roles"]:
        page = _page("role", role["id"], "--full") + " " + _page("roadmap", role["id"])
        for path, text in _text(role, None, f"roles[{role['id']}]"):
            walked += 1
            if " ".join(text.split()).casefold() not in page:
                missing.append(path)
    assert walked > 1000 and missing == []


def test_every_stage_track_industry_and_piece_of_guidance_is_shown(kb: Any) -> None:
    page = " ".join([_page("guide"), _page("roadmap"), _page("industry", "--json")])
    page += " ".join(_page("industry", i["id"]) for i in kb["industries"])
    missing = [
        path
        for top in ("career_stages", "guidance", "career_tracks", "industries")
        for path, text in _text(kb[top], None, top)
        if " ".join(text.split()).casefold() not in page
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("words", "found"),
    [("planning fallacy", "Reinforcement Learning Researcher"),
     ("contextual bandits", "Reinforcement Learning Researcher"),
     ("sarsa", "Reinforcement Learning Researcher"),
     ("Practical Reinforcement Learning", "Reinforcement Learning Researcher"),
     ("who should choose this path", "ML & AI Engineer"),
     ("future trends", "AI/ML DevOps Engineer"),
     ("timeline expectations", "Timeline Expectations"),
     ("success factors", "Key Success Factors"),
     ("importance scale", "Skills Importance Scale")],
)  # fmt: skip
def test_search_finds_what_only_the_full_view_shows(words: str, found: str) -> None:
    result = CliRunner().invoke(app, ["search", words, "--json"], env={"NO_COLOR": "1"})
    assert found in [h["name"] for h in json.loads(result.stdout)][:5]
