"""The enrollment form (DC02 fields) in grouped sections, in the order the paper form uses.

Widgets are created in reading order, so Tab follows the form. `value()` gives the record JSON
(domain-vn.md keys), `set_value()` fills it back, `show_problems()` puts each domain problem
under its own field. The representative section appears under 14 (and whenever it holds data).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import age_on, representative_required
from app.domain.masterdata import MasterData
from app.domain.problems import Problem
from app.ui.fields import (
    AddressPicker,
    ChoiceCombo,
    CodeCombo,
    DateEdit,
    FieldMessage,
    field_box,
)
from app.ui.i18n import lang, t


def requests() -> list[tuple[str, str]]:
    """Choice lists are built when the form is, so they follow the language chosen at start."""
    return [("new", t("Cấp mới", "New")), ("renew", t("Cấp đổi", "Renewal")),
            ("replace", t("Cấp lại", "Replacement"))]


def sexes() -> list[tuple[str, str]]:
    return [("male", t("Nam", "Male")), ("female", t("Nữ", "Female"))]


def marital() -> list[tuple[str, str]]:
    return [("single", t("Chưa kết hôn", "Single")), ("married", t("Đã kết hôn", "Married")),
            ("divorced", t("Ly hôn", "Divorced")), ("widowed", t("Góa", "Widowed"))]


def delivery() -> list[tuple[str, str]]:
    return [("office", t("Nhận tại cơ quan Công an", "Collect at the police office")),
            ("post", t("Nhận qua bưu chính", "By post"))]


def people() -> list[tuple[str, str]]:
    return [("father", t("Cha", "Father")), ("mother", t("Mẹ", "Mother")),
            ("spouse", t("Vợ/chồng", "Spouse")),
            ("representative", t("Người đại diện", "Representative"))]


ADDRESS_KEYS = ("birth_registration_place", "place_of_origin", "permanent_residence",
                "temporary_residence", "current_residence")
PEOPLE_KEYS = ("father", "mother", "spouse", "representative")
BLOOD = [(b, b) for b in ("O", "A", "B", "AB")]


def addresses() -> list[tuple[str, str, bool]]:
    """(key, label, legacy units offered)."""
    return [("birth_registration_place", t("Nơi đăng ký khai sinh", "Birth registered in"), True),
            ("place_of_origin", t("Quê quán", "Place of origin"), True),
            ("permanent_residence", t("Nơi thường trú", "Permanent residence"), False),
            ("temporary_residence", t("Nơi tạm trú", "Temporary residence"), False),
            ("current_residence", t("Nơi ở hiện tại", "Current residence"), False)]


class EnrollmentForm(QScrollArea):
    edited = Signal()

    def __init__(self, master: MasterData, today: date | None = None) -> None:
        super().__init__()
        self.master = master
        self.today = today or date.today()
        self.setWidgetResizable(True)
        self.setObjectName("enroll_form")
        inner = QWidget()
        self.setWidget(inner)
        self.column = QVBoxLayout(inner)
        self.editors: dict[str, Any] = {}  # json path -> editor (line edit, combo, picker)
        self.messages: dict[str, FieldMessage] = {}
        self.touched: set[str] = set()
        self.show_all = False
        self._problems: list[Problem] = []
        self.general = QLabel("")
        self.general.setObjectName("form_general")
        self.general.setWordWrap(True)
        self.general.setStyleSheet("color: #b00020;")
        self.general.hide()
        self.column.addWidget(self.general)
        self._build()
        self.column.addStretch(1)

    # -- building ----------------------------------------------------------------------------------
    def _section(self, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.column.addWidget(box)
        return form

    def _row(self, form: QFormLayout, key: str, label: str, editor: QWidget) -> QWidget:
        msg = FieldMessage(key)
        msg.reason_edited.connect(self.edited.emit)
        self.messages[key] = msg
        self.editors[key] = editor
        editor.setObjectName(editor.objectName() or key)
        box = field_box(editor, msg)
        form.addRow(label, box)
        self._wire(key, editor)
        return box

    def _wire(self, key: str, editor: QWidget) -> None:
        def changed(*_a: object) -> None:
            self.touched.add(key)
            self.edited.emit()
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(changed)
        elif isinstance(editor, ChoiceCombo):
            editor.currentIndexChanged.connect(changed)
            if editor.isEditable():
                editor.lineEdit().textEdited.connect(changed)

    def _address(self, form: QFormLayout, key: str, label: str, legacy: bool) -> QWidget:
        def changed() -> None:
            self.touched.add(key)
            self.edited.emit()
        picker = AddressPicker(key, self.master, changed, legacy)
        msg = FieldMessage(key)
        msg.reason_edited.connect(self.edited.emit)
        self.messages[key] = msg
        self.editors[key] = picker
        box = field_box(picker, msg)
        form.addRow(label, box)
        return box

    def _build(self) -> None:
        codes = self.master.codes
        f = self._section(t("1. Yêu cầu", "1. Request"))
        self._row(f, "request_type", t("Loại yêu cầu", "Request"), ChoiceCombo(requests()))
        self._row(f, "previous_card.number", t("Số CMND/CCCD cũ", "Previous card no."),
                  QLineEdit())
        self._row(f, "previous_card.issue_date", t("Ngày cấp", "Issued on"), DateEdit())
        self._row(f, "previous_card.place", t("Nơi cấp", "Issued by"), QLineEdit())
        f = self._section(t("2. Nhân thân", "2. Identity"))
        self._row(f, "full_name", t("Họ, chữ đệm và tên khai sinh", "Full name"), QLineEdit())
        self._row(f, "other_name", t("Tên gọi khác", "Other name"), QLineEdit())
        self._row(f, "date_of_birth", t("Ngày sinh", "Date of birth"), DateEdit())
        self._row(f, "sex", t("Giới tính", "Sex"), ChoiceCombo(sexes()))
        pid = QLineEdit()
        pid.setMaxLength(12)
        pid.setPlaceholderText(t("12 chữ số", "12 digits"))
        self._row(f, "personal_id", t("Số định danh cá nhân", "Personal ID no."), pid)
        self._row(f, "ethnicity", t("Dân tộc", "Ethnic group"), CodeCombo(codes["ethnicities"]))
        self._row(f, "religion", t("Tôn giáo", "Religion"), CodeCombo(codes["religions"]))
        countries = {c: n[0] for c, n in codes["countries"].items()}
        self._row(f, "nationality", t("Quốc tịch", "Nationality"), CodeCombo(countries))
        self._row(f, "marital_status", t("Tình trạng hôn nhân", "Marital status"),
                  ChoiceCombo(marital()))
        self._row(f, "blood_type", t("Nhóm máu", "Blood type"), ChoiceCombo(BLOOD))
        self._row(f, "occupation", t("Nghề nghiệp", "Occupation"), QLineEdit())
        f = self._section(t("3. Khai sinh và quê quán", "3. Birth and origin"))
        for key, label, legacy in addresses()[:2]:
            self._address(f, key, label, legacy)
        f = self._section(t("4. Cư trú", "4. Residence"))
        for key, label, legacy in addresses()[2:]:
            self._address(f, key, label, legacy)
        self._row(f, "household_head", t("Họ tên chủ hộ", "Head of household"), QLineEdit())
        self._row(f, "relation_to_head", t("Quan hệ với chủ hộ", "Relation to head"),
                  QLineEdit())
        f = self._section(t("5. Gia đình và người đại diện", "5. Family and representative"))
        self.family_form = f
        self.rep_note = QLabel(t("Dưới 14 tuổi: bắt buộc có người đại diện (cha, mẹ hoặc người "
                                 "giám hộ).", "Under 14: a representative (parent or guardian) "
                                 "is required."))
        self.rep_note.setObjectName("hint")
        self.rep_note.setWordWrap(True)
        self.rep_rows: list[QWidget] = []
        for key, label in people():
            if key == "representative":
                f.addRow(self.rep_note)
            rows = [self._row(f, f"{key}.full_name", f"{label}: " + t("họ tên", "name"),
                              QLineEdit()),
                    self._row(f, f"{key}.personal_id", f"{label}: " + t("số định danh", "ID no."),
                              QLineEdit()),
                    self._row(f, f"{key}.nationality", f"{label}: " + t("quốc tịch", "nation."),
                              CodeCombo(countries))]
            if key == "representative":
                self.rep_rows = rows
        f = self._section(t("6. Liên hệ", "6. Contacts"))
        self._row(f, "phone", t("Số điện thoại", "Phone"), QLineEdit())
        self._row(f, "email", t("Email", "E-mail"), QLineEdit())
        f = self._section(t("7. Nhận thẻ", "7. Card delivery"))
        self._row(f, "delivery.method", t("Hình thức nhận", "Delivery"),
                  ChoiceCombo(delivery(), blank=False))
        self.delivery_form = f
        self.delivery_row = self._address(f, "delivery.address",
                                          t("Địa chỉ nhận", "Delivery address"), False)
        self.editors["delivery.method"].currentIndexChanged.connect(self._sync_visibility)
        self.editors["date_of_birth"].textEdited.connect(self._sync_visibility)
        self._sync_visibility()

    # -- age and choices decide what is shown ------------------------------------------------------
    def age(self) -> int | None:
        return age_on(self.editors["date_of_birth"].value(), self.today)

    def _sync_visibility(self, *_a: object) -> None:
        age = self.age()
        rep_has_data = any(self.editors[f"representative.{k}"].text()
                           for k in ("full_name", "personal_id"))
        show_rep = (age is not None and representative_required(age)) or rep_has_data
        self.rep_note.setVisible(age is not None and representative_required(age))
        for row in self.rep_rows:
            self.family_form.setRowVisible(row, show_rep)
        post = self.editors["delivery.method"].value() == "post"
        self.delivery_form.setRowVisible(self.delivery_row, post)

    # -- values ------------------------------------------------------------------------------------
    def _text(self, key: str) -> str:
        ed = self.editors[key]
        return ed.value() if hasattr(ed, "value") else ed.text().strip()

    def value(self) -> dict[str, Any]:
        v: dict[str, Any] = {k: self._text(k) for k in (
            "request_type", "full_name", "other_name", "date_of_birth", "sex", "personal_id",
            "ethnicity", "religion", "nationality", "marital_status", "blood_type", "occupation",
            "household_head", "relation_to_head", "phone", "email")}
        card = {k: self._text(f"previous_card.{k}") for k in ("number", "issue_date", "place")}
        v["previous_card"] = card if any(card.values()) else None
        for key in ADDRESS_KEYS:
            v[key] = self.editors[key].value()
        for key in PEOPLE_KEYS:
            person = {k: self._text(f"{key}.{k}") for k in ("full_name", "personal_id")}
            if any(person.values()):
                person["nationality"] = self._text(f"{key}.nationality")
                v[key] = person
            else:
                v[key] = None
        method = self._text("delivery.method")
        v["delivery"] = {"method": method, "address": self.editors["delivery.address"].value()
                         if method == "post" else None}
        return v

    def set_value(self, form: dict[str, Any]) -> None:
        for key, ed in self.editors.items():
            head, _, tail = key.partition(".")
            raw = form.get(head)
            if tail and key not in ("delivery.address",):
                raw = (raw or {}).get(tail, "") if isinstance(raw, dict) or raw is None else ""
            elif key == "delivery.address":
                raw = (form.get("delivery") or {}).get("address")
            ed.blockSignals(True)
            if hasattr(ed, "set_value"):
                ed.set_value(raw or ("" if not isinstance(ed, AddressPicker) else None))
            else:
                ed.setText(raw or "")
            ed.blockSignals(False)
        self.touched = {k for k in self.editors if self._filled(k)}
        self._sync_visibility()

    def _filled(self, key: str) -> bool:
        ed = self.editors[key]
        return bool(ed.value() if hasattr(ed, "value") else ed.text())

    # -- problems ----------------------------------------------------------------------------------
    def slot_for(self, field_path: str) -> str | None:
        """The message slot of a problem: the field itself, else its nearest parent or child."""
        if field_path in self.messages:
            return field_path
        parts = field_path.split(".")
        while parts:
            parts.pop()
            if ".".join(parts) in self.messages:
                return ".".join(parts)
        kids = [k for k in self.messages if k.startswith(field_path + ".")]
        return kids[0] if kids else None

    def show_problems(self, problems: list[Problem]) -> None:
        self._problems = problems
        per: dict[str, list[Problem]] = {k: [] for k in self.messages}
        general: list[str] = []
        for p in problems:
            slot = self.slot_for(p.field)
            if slot is None:
                general.append(p.message_vi if lang() == "vi" else p.message_en)
            elif self.show_all or slot.split(".")[0] in {k.split(".")[0] for k in self.touched}:
                per[slot].append(p)
        for key, msg in self.messages.items():
            msg.show_problems(per[key])
        self.general.setText("\n".join(general))
        self.general.setVisible(bool(general) and self.show_all)

    def reasons(self) -> dict[str, str]:
        out = {}
        for msg in self.messages.values():
            for k in msg.warning_keys():
                if msg.reason.text().strip():
                    out[k] = msg.reason.text().strip()
        return out

    def set_reasons(self, reasons: dict[str, str]) -> None:
        for k, text in reasons.items():
            slot = self.slot_for(k.rsplit(":", 1)[0])
            if slot:
                self.messages[slot].reason.setText(text)

    def focus_first_error(self) -> None:
        for key, msg in self.messages.items():
            if msg.problems:
                ed = self.editors[key]
                target = ed.province if isinstance(ed, AddressPicker) else ed
                self.ensureWidgetVisible(target)
                target.setFocus()
                return
