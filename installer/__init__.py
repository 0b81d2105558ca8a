"""Packaging only: the PyInstaller bundle, the .deb and the Windows installer (see README.md)."""
