"""PDF files written byte by byte for tests: numbered objects, a cross-reference table and a trailer.

The hostile PDFs of tests/test_pdf.py and tests/reliability_cases.py (millions of drawn lines, a
lone surrogate in a ToUnicode map, 200 pages of text) are too odd for a PDF library to make."""

from __future__ import annotations


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of the given objects, numbered from 1 (object 1 is the catalogue), with their offsets.

    >>> data = pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    >>> data.startswith(b"%PDF-1.7") and data.rstrip().endswith(b"%%EOF") and b"/Size 3" in data
    True
    """
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
