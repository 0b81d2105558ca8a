"""Script PyInstaller freezes twice: `enroll-station` (console) and `enroll-station-gui`
(windowed, for the Start menu), told apart by the executable's name."""

import sys
from pathlib import Path

from installer.entry import main, main_gui

(main_gui if Path(sys.executable).stem.lower().endswith("-gui") else main)()
