# Two entry points for a fresh Debian machine: `make demo` and `make test`.
# Everything else is a step they depend on.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
APT_PKGS := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libfontconfig1 \
            libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 \
            libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core xvfb xauth poppler-utils

.PHONY: system venv demo test test-slow bench bundle

system:  ## Debian libraries Qt needs, a Vietnamese-capable font and Xvfb (skipped when present)
	@missing=$$(for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,bundle]'
	touch $@

venv: $(VENV)/.installed

demo: system venv  ## the app with simulated devices and a local reference centre on loopback
	$(VENV)/bin/enroll-station demo

test: system venv  ## lint, the default suite, then build the bundle + .deb and test them
	$(VENV)/bin/ruff check .
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m slow tests/installer

test-slow: system venv
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m slow

bench: system venv  ## prints figures for docs/benchmarks.md
	$(PY) -m bench

bundle: system venv  ## PyInstaller one-folder bundle in dist/ and the release .deb
	$(PY) -m installer build --deb
