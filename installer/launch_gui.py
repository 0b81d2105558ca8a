"""Script PyInstaller freezes as `enroll-station-gui` (windowed, for the Start menu)."""

from installer.entry import main_gui

main_gui()
