"""Form building blocks: a message slot under each field, code-list combos, dates, addresses.

Every editor reports edits through one `edited` callback so the form can autosave and re-check;
every field has a `FieldMessage` beneath it where the domain's problems appear (errors red,
warnings amber with a box for the reason the officer accepts the warning).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.forms import display_date
from app.domain.masterdata import CURRENT, MasterData, Unit
from app.domain.problems import WARNING, Problem
from app.ui.i18n import lang, t

_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_MY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{4})\s*$")


def reason_key(p: Problem) -> str:
    return f"{p.field}:{p.code}"


class FieldMessage(QWidget):
    """Problems for one field; a warning also shows a reason box (kept with the record)."""

    reason_edited = Signal()

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.label = QLabel("")
        self.label.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName(f"reason:{key}")
        self.reason.setPlaceholderText(t("Lý do chấp nhận cảnh báo (bắt buộc)",
                                         "Reason for accepting the warning (required)"))
        self.reason.textEdited.connect(lambda _s: self.reason_edited.emit())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.label)
        lay.addWidget(self.reason)
        self.problems: list[Problem] = []
        self.show_problems([])

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity != WARNING]
        warnings = [p for p in problems if p.severity == WARNING]
        shown = errors or warnings
        text = "\n".join(p.message_vi if lang() == "vi" else p.message_en for p in shown)
        self.label.setText(text)
        self.label.setObjectName("field_error" if errors else "field_warning")
        self.label.setStyleSheet("color: #b00020;" if errors else "color: #9a6700;")
        self.label.setVisible(bool(shown))
        self.reason.setVisible(bool(warnings) and not errors)
        self.setVisible(bool(shown))

    def warning_keys(self) -> list[str]:
        return [reason_key(p) for p in self.problems if p.severity == WARNING]


def field_box(editor: QWidget, message: FieldMessage) -> QWidget:
    """The editor with its message slot right under it (one form row)."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(editor)
    lay.addWidget(message)
    return box


class ChoiceCombo(QComboBox):
    """A fixed choice list (code, label); the empty first entry means 'not chosen'."""

    def __init__(self, items: Iterable[tuple[str, str]], blank: bool = True) -> None:
        super().__init__()
        if blank:
            self.addItem(t("— chọn —", "— choose —"), "")
        for code, label in items:
            self.addItem(label, code)

    def value(self) -> str:
        return self.currentData() or ""

    def set_value(self, code: str) -> None:
        i = self.findData(code or "")
        self.setCurrentIndex(max(i, 0))


class CodeCombo(ChoiceCombo):
    """A master-data code list, typeable: '08' or 'HMông' both find the entry."""

    def __init__(self, codes: dict[str, str]) -> None:
        super().__init__([(c, f"{c} — {n}") for c, n in codes.items()])
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        comp = self.completer()
        comp.setFilterMode(Qt.MatchFlag.MatchContains)
        comp.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        comp.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def value(self) -> str:
        i = self.findText(self.currentText())
        return (self.itemData(i) or "") if i >= 0 else ""


class DateEdit(QLineEdit):
    """Dates as officers write them (dd/mm/yyyy, mm/yyyy, yyyy) kept as ISO (partial) text."""

    def __init__(self) -> None:
        super().__init__()
        self.setPlaceholderText(t("ngày/tháng/năm, ví dụ 05/09/1990", "dd/mm/yyyy"))

    def value(self) -> str:
        text = self.text().strip()
        if m := _DMY.match(text):
            return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
        if m := _MY.match(text):
            return f"{m[2]}-{int(m[1]):02d}"
        return text

    def set_value(self, iso: str) -> None:
        self.setText(display_date(iso) if iso else "")


class AddressPicker(QWidget):
    """Province, commune (search as you type, diacritics optional) and street or hamlet.

    `legacy` also offers the units from before the July 2025 merger (birth registration and
    place of origin are often written with them)."""

    def __init__(self, key: str, master: MasterData, edited: Callable[[], None],
                 legacy: bool = False) -> None:
        super().__init__()
        self.key = key
        self.master = master
        self.legacy = legacy
        self.province = ChoiceCombo(self._provinces())
        self.province.setObjectName(f"{key}.province")
        self.commune = QLineEdit()
        self.commune.setObjectName(f"{key}.commune")
        self.commune.setPlaceholderText(t("Xã/phường: gõ tên, không cần dấu",
                                          "Commune: type its name, no accents needed"))
        self.detail = QLineEdit()
        self.detail.setObjectName(f"{key}.detail")
        self.detail.setPlaceholderText(t("Số nhà, đường, thôn/bản", "House, street, hamlet"))
        self._code = ""
        self._hits: dict[str, Unit] = {}
        self._model = QStringListModel()
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self.commune.setCompleter(self._completer)
        self._completer.activated.connect(self._picked)
        self.commune.textEdited.connect(self._search)
        self.commune.editingFinished.connect(self._settle)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.province, 3)
        lay.addWidget(self.commune, 4)
        lay.addWidget(self.detail, 4)
        self._edited = edited
        self.province.currentIndexChanged.connect(lambda _i: edited())
        self.detail.textEdited.connect(lambda _s: edited())

    def _provinces(self) -> list[tuple[str, str]]:
        m = self.master
        items = [(u.code, u.name) for u in m.provinces()]
        if self.legacy:
            have = {c for c, _ in items}
            items += [(u.code, u.name + t(" (trước 2025)", " (before 2025)"))
                      for u in m.admin.old_provinces.values() if u.code not in have]
        return items

    def _label(self, u: Unit) -> str:
        m = self.master
        if u.scheme == CURRENT:
            prov = m.province(u.parent or "")
            return f"{u.name}, {prov.name if prov else ''}"
        district = m.legacy_district(u.parent or "")
        prov = m.legacy_province(m.legacy_province_of(u) or "")
        return f"{u.name}, {district.name if district else ''}, {prov.name if prov else ''}" + \
            t(" (trước 2025)", " (before 2025)")

    def _search(self, text: str) -> None:
        self._code = ""
        prov = self.province.value() or None
        units = self.master.search_communes(text, 15, prov, include_legacy=self.legacy)
        self._hits = {self._label(u): u for u in units}
        self._model.setStringList(list(self._hits))
        self._edited()

    def _picked(self, label: str) -> None:
        unit = self._hits.get(label)
        if unit is None:
            return
        self.set_unit(unit)
        self._edited()

    def _settle(self) -> None:
        """Leaving the field with exactly one match picks it (fast typing, no popup needed)."""
        if not self._code and len(self._hits) == 1:
            self.set_unit(next(iter(self._hits.values())))
            self._edited()

    def set_unit(self, unit: Unit) -> None:
        prov = unit.parent if unit.scheme == CURRENT else self.master.legacy_province_of(unit)
        self.province.blockSignals(True)
        self.province.set_value(prov or "")
        self.province.blockSignals(False)
        self._code = unit.code
        self.commune.setText(unit.name)

    def value(self) -> dict[str, str] | None:
        out = {"province": self.province.value(), "commune": self._code,
               "detail": self.detail.text().strip()}
        return out if any(out.values()) else None

    def set_value(self, addr: dict[str, str] | None) -> None:
        addr = addr or {}
        self.province.blockSignals(True)
        self.province.set_value(addr.get("province", ""))
        self.province.blockSignals(False)
        code = addr.get("commune", "")
        scheme = self.master.address_scheme(addr.get("province", ""), code) if code else None
        unit = (self.master.commune(code) if scheme == CURRENT else
                self.master.legacy_commune(code) if scheme else None)
        self._code = code if unit else ""
        self.commune.setText(unit.name if unit else "")
        self.detail.setText(addr.get("detail", ""))
