"""Script PyInstaller freezes as `enroll-station` (console)."""

from installer.entry import main

main()
