"""`python -m bench [NAME ...]`: run the named benchmarks (default: all that are present)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = argv or sorted(m.name for m in pkgutil.iter_modules([str(here)])
                           if m.name.endswith("_bench"))
    for name in names:
        module = name if name.endswith("_bench") else name + "_bench"
        mod = importlib.import_module(f"bench.{module}")
        print(f"== {mod.__name__}")
        saved, sys.argv = sys.argv, [f"bench/{module}.py"]  # its own parser sees no names
        try:
            mod.main()
        finally:
            sys.argv = saved
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
