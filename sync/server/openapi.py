"""Write or check docs/openapi.json: `python -m sync.server.openapi [--check]`.

The committed file is what docs/api.md publishes; tests/sync/test_openapi.py fails when it is
stale, so regenerate it after any API change.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from sync.server.api import create_app
from sync.server.centre import Centre

TARGET = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def openapi_document() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        centre = Centre(Path(tmp) / "centre")
        try:
            return create_app(centre).openapi()
        finally:
            centre.close()


def render() -> str:
    return json.dumps(openapi_document(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        ok = TARGET.exists() and TARGET.read_text(encoding="utf-8") == text
        print("docs/openapi.json is up to date" if ok else
              "docs/openapi.json is stale: run python -m sync.server.openapi")
        return 0 if ok else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
