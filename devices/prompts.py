"""What a driver asks of the person at the scanner, without knowing who shows it (UI, CLI, nobody).

Drivers call these from their I/O thread; a UI implementation must marshal to the GUI thread
itself (e.g. emit a signal) and return at once: prompts never block a capture.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class PromptHandler(Protocol):
    """Callbacks a capture uses to guide the person; positions are ANSI/NIST finger codes."""

    def place_finger(self, position: int) -> None:
        """Ask for the finger (or slap) at `position` to be placed on the sensor."""

    def lift_finger(self) -> None:
        """Ask for the finger to be lifted (capture done, or before a retry)."""

    def roll(self, position: int) -> None:
        """Ask for the finger at `position` to be rolled nail edge to nail edge."""

    def info(self, text: str) -> None:
        """A short status line (no personal data), e.g. "waiting for finger"."""


class NullPrompts:
    """Default for scripts and tests: says nothing."""

    def place_finger(self, position: int) -> None:
        return None

    def lift_finger(self) -> None:
        return None

    def roll(self, position: int) -> None:
        return None

    def info(self, text: str) -> None:
        return None


class RecordingPrompts:
    """Keeps every call as (name, argument) so tests and the CLI can show or check them."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def place_finger(self, position: int) -> None:
        self.calls.append(("place_finger", position))

    def lift_finger(self) -> None:
        self.calls.append(("lift_finger", None))

    def roll(self, position: int) -> None:
        self.calls.append(("roll", position))

    def info(self, text: str) -> None:
        self.calls.append(("info", text))

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


class PrintPrompts:
    """For the command line: writes each prompt as one line to a stream (stderr by default)."""

    def __init__(self, lang: str = "en", stream=None) -> None:  # noqa: ANN001 - any text stream
        import sys

        self.lang = lang
        self.stream = stream if stream is not None else sys.stderr

    def _say(self, vi: str, en: str) -> None:
        print(vi if self.lang == "vi" else en, file=self.stream, flush=True)

    def place_finger(self, position: int) -> None:
        self._say(f"Đặt ngón tay (vị trí {position}) lên máy quét", f"Place finger {position}")

    def lift_finger(self) -> None:
        self._say("Nhấc ngón tay ra", "Lift the finger")

    def roll(self, position: int) -> None:
        self._say(f"Lăn ngón tay (vị trí {position})", f"Roll finger {position}")

    def info(self, text: str) -> None:
        self._say(text, text)


NULL_PROMPTS = NullPrompts()

__all__ = ["NULL_PROMPTS", "NullPrompts", "PrintPrompts", "PromptHandler", "RecordingPrompts"]
