"""Printing from the wizard: the CC01 summary at review (the resident reads and signs it) and
the CC02 appointment slip once the record is saved. The forms are built by the printed service
off the GUI thread; `print_fn` is the system print dialog (tests replace it)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from app.services import printed
from app.ui import operations, printing
from app.ui.i18n import t

if TYPE_CHECKING:
    from app.ui.enroll_page import EnrollPage


class WizardPrinting:
    def __init__(self, page: EnrollPage) -> None:
        self._page = weakref.ref(page)  # no cycle: the page's wrapper goes when Qt deletes it
        self.print_fn: Callable[[dict[str, Any], QWidget], bool] = printing.print_form

    @property
    def page(self) -> EnrollPage:
        page = self._page()
        assert page is not None, "printing outlived its wizard page"
        return page

    def shortcut(self) -> None:
        if self.page.step == "review":
            self.summary()
        elif self.page.step == "done":
            self.slip()

    def summary(self) -> None:
        """CC01 from the saved draft (an autosave in flight lands first)."""
        page = self.page
        if page.record_id is None or page._saving or page._dirty:
            page.save_now()
            page.save_state.setText(t("Đang lưu nháp, bấm In lại sau giây lát.",
                                      "Saving the draft; press Print again in a moment."))
            return
        rid, session, master = page.record_id, page.enrollment.session, page.master
        operations.run(lambda: printed.cc01(session, rid, master), self._print,
                       lambda e: page.save_state.setText(operations.describe(e)), page)

    def slip(self) -> None:
        page = self.page
        rid, session, master = page.done.record_id, page.enrollment.session, page.master
        if rid is None:
            return
        operations.run(lambda: printed.cc02(session, rid, master,
                                            session.station.info()["name"]), self._print,
                       lambda e: page.done.status.setText(operations.describe(e)), page)

    def _print(self, form: dict[str, Any]) -> None:
        done = self.print_fn(form, self.page)
        text = (t("Đã gửi {code} tới máy in.", "{code} sent to the printer.") if done else
                t("Đã huỷ in {code}.", "Printing {code} cancelled.")).format(code=form["code"])
        (self.page.done.status if form["code"] == "CC02" else self.page.save_state).setText(text)
