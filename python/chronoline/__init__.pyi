from chronoline._chronoline import ChronolineError as ChronolineError
from chronoline._chronoline import Document as Document
from chronoline._chronoline import Event as Event
from chronoline._chronoline import Extractor as Extractor
from chronoline._chronoline import Interval as Interval
from chronoline._chronoline import InvalidDctError as InvalidDctError
from chronoline._chronoline import InvalidOptionError as InvalidOptionError
from chronoline._chronoline import TimeLink as TimeLink
from chronoline._chronoline import TimeMLError as TimeMLError
from chronoline._chronoline import Timeline as Timeline
from chronoline._chronoline import TimelineEntry as TimelineEntry
from chronoline._chronoline import Timex as Timex
from chronoline._chronoline import __version__ as __version__
from chronoline._chronoline import evaluate_timeline as evaluate_timeline
from chronoline._chronoline import example_article as example_article
from chronoline._chronoline import extract as extract
from chronoline._chronoline import is_valid_timex_value as is_valid_timex_value
from chronoline._chronoline import parse_timeml as parse_timeml
from chronoline._chronoline import read_timeml as read_timeml

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
