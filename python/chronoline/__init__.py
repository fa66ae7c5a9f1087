"""chronoline: temporal expressions, events and timelines from English text.

>>> import chronoline
>>> doc = chronoline.extract("The council met on 7 December 2025.", dct="2025-12-08")
>>> [(t.text, t.value) for t in doc.timexes]
[('7 December 2025', '2025-12-07')]

Spans are ``str`` indices (``doc.text[t.start:t.end] == t.text``) and
intervals are half-open ``[start, end)`` ``datetime`` pairs.
"""

from chronoline._chronoline import (
    ChronolineError,
    Document,
    Event,
    Extractor,
    Interval,
    InvalidDctError,
    InvalidOptionError,
    TimeLink,
    TimeMLError,
    Timeline,
    TimelineEntry,
    Timex,
    __version__,
    evaluate_timeline,
    example_article,
    extract,
    is_valid_timex_value,
    parse_timeml,
    read_timeml,
)

__all__ = [
    "ChronolineError",
    "Document",
    "Event",
    "Extractor",
    "Interval",
    "InvalidDctError",
    "InvalidOptionError",
    "TimeLink",
    "TimeMLError",
    "Timeline",
    "TimelineEntry",
    "Timex",
    "__version__",
    "evaluate_timeline",
    "example_article",
    "extract",
    "is_valid_timex_value",
    "parse_timeml",
    "read_timeml",
]
