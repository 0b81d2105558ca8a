"""The published API: docs/openapi.json is current and docs/api.md documents every operation."""

from __future__ import annotations

import json
from pathlib import Path

from sync.server.openapi import TARGET, render

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_committed_openapi_is_current():
    assert TARGET.exists(), "run python -m sync.server.openapi"
    assert json.loads(TARGET.read_text(encoding="utf-8")) == json.loads(render()), \
        "docs/openapi.json is stale: run python -m sync.server.openapi"


def test_api_md_lists_every_operation():
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    paths = json.loads(render())["paths"]
    for path, ops in paths.items():
        for method in ops:
            assert f"`{method.upper()} {path}`" in text, f"{method.upper()} {path} undocumented"
