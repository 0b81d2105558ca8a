"""`python -m installer build [--deb [--fast]]` | `python -m installer deb [--fast]` |
`python -m installer version`.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    cmd, rest = (argv[0], argv[1:]) if argv else ("build", [])
    if cmd == "build":
        from installer.build import main as build_main

        return build_main(rest)
    if cmd == "deb":
        from installer.build import DIST, bundle_dir
        from installer.deb import build_deb

        print(build_deb(bundle_dir(), DIST, compression="fast" if "--fast" in rest else "release"))
        return 0
    if cmd == "version":
        from app.services.version import build_info

        print(build_info())
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
