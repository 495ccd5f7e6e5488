"""cddbrief: briefs from TV พช. meeting summaries of the Community Development Department.

The public API, loaded lazily so that ``import cddbrief`` stays cheap::

    import cddbrief
    meeting = cddbrief.read_meeting("data/raw/000_624796c269e36bce.txt")
    f = cddbrief.frames(meeting)       # items, directives, quantities, dates, checks, notes
    f.quantities.head()
    corpus = cddbrief.load_corpus("data/raw")   # the same frames for every meeting of a folder
"""

from __future__ import annotations

__version__ = "0.1.0"

_API = {
    "read_meeting": ("cddbrief.meeting", "read_meeting"),
    "parse_document": ("cddbrief.meeting", "parse_document"),
    "parse_meeting_id": ("cddbrief.meeting", "parse_meeting_id"),
    "read_source": ("cddbrief.sources", "read_source"),
    "frames": ("cddbrief.tidy", "frames"),
    "find_checks": ("cddbrief.checks", "find_checks"),
    "find_quantities": ("cddbrief.quantities", "find_quantities"),
    "find_dates": ("cddbrief.thaidates", "find_dates"),
    "extract_text": ("cddbrief.extract", "extract_text"),
    "resolve": ("cddbrief.corpus", "resolve"),
    "load_corpus": ("cddbrief.corpus", "load_corpus"),
    "build_brief": ("cddbrief.report", "build"),
    "build_all": ("cddbrief.batch", "build_all"),
    "export": ("cddbrief.exports", "export"),
    "catalogue": ("cddbrief.corpus", "catalogue"),
    "CddbriefError": ("cddbrief.errors", "CddbriefError"),
    "Meeting": ("cddbrief.model", "Meeting"),
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name: str):
    if name in _API:
        import importlib

        module, attr = _API[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'cddbrief' has no attribute {name!r}")


def __dir__():
    return __all__
