"""Printed forms: real PDFs with Vietnamese text embedded, rendered in memory only."""

import os
import shutil
import subprocess
import tempfile
from datetime import date

import pytest

from app.domain.masterdata import default_master
from app.domain.names import upper
from app.services import printed
from app.services.enrollment import Enrollment
from app.ui.printing import render_pdf
from tests.biometrics import complete
from tests.forms import adult_forms

TODAY = date(2026, 11, 22)
pdftotext = shutil.which("pdftotext")


@pytest.fixture
def record(officer):
    flow = Enrollment(officer, default_master(), today=lambda: TODAY)
    form = adult_forms(1, 31, TODAY)[0]
    return form, complete(flow, form)


def _text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    return subprocess.run([pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.skipif(pdftotext is None, reason="poppler-utils not installed")
def test_cc01_and_cc02_carry_the_vietnamese_text(qapp, officer, record, tmp_path):
    form, rid = record
    before = set(os.listdir(tempfile.gettempdir()))
    cc01 = render_pdf(printed.cc01(officer, rid, default_master()))
    slip = printed.cc02(officer, rid, default_master(), "Công an xã Tả Van")
    cc02 = render_pdf(slip)
    assert cc01.startswith(b"%PDF") and cc02.startswith(b"%PDF")
    text1, text2 = _text(cc01, tmp_path), _text(cc02, tmp_path)
    assert upper(form["full_name"]) in text1 and form["personal_id"] in text1
    assert "PHIẾU THU NHẬN THÔNG TIN CĂN CƯỚC" in text1
    assert slip["receipt_no"] in text2 and "Công an xã Tả Van" in text2
    after = set(os.listdir(tempfile.gettempdir()))
    assert after - before == set()  # nothing was spooled to the temp folder


def test_receipt_number_and_return_date(officer, record):
    from app.domain.forms import check_receipt_no

    _, rid = record
    slip = printed.cc02(officer, rid, default_master(), "UBND")
    assert check_receipt_no(slip["receipt_no"])
    assert printed.add_working_days(date(2026, 11, 20), 7) == date(2026, 12, 1)  # Fri -> Tue


@pytest.mark.skipif(pdftotext is None, reason="poppler-utils not installed")
def test_the_printer_path_lays_out_the_same_page(qapp, officer, record, tmp_path):
    """print_form paints onto a QPrinter; a printer in PDF mode shows what reaches paper."""
    from PySide6.QtPrintSupport import QPrinter

    from app.ui.printing import paint

    _form, rid = record
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    paint(printed.cc02(officer, rid, default_master(), "Công an xã Tả Van"), printer)
    text = _text(out.read_bytes(), tmp_path)
    assert "GIẤY HẸN TRẢ THẺ CĂN CƯỚC" in text and "Công an xã Tả Van" in text
