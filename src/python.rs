//! The Python binding (the `python` feature): the only place pyo3 appears.
//!
//! It builds the extension module `chronoline._chronoline`; the package
//! `python/chronoline/__init__.py` re-exports it. The Python types are
//! frozen copies of the Rust model with one difference: spans are `str`
//! indices (code points) instead of byte offsets, so that
//! `doc.text[t.start:t.end] == t.text` holds for any text.
//!
//! No Rust panic reaches Python: every call into the core runs under
//! `catch_unwind` and a panic becomes a `ChronolineError`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use pyo3::create_exception;
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};

use crate::{
    Dct, DctSource, Document, ErrorKind, Event, Extractor, Interval, LinkEnd, Mode, Options,
    Prefer, TimeLink, Timeline, TimelineEntry, Timex,
};

create_exception!(
    chronoline,
    ChronolineError,
    PyValueError,
    "The base of every error chronoline raises (a `ValueError`)."
);
create_exception!(
    chronoline,
    InvalidDctError,
    ChronolineError,
    "A document creation time that is not a valid date or time."
);
create_exception!(
    chronoline,
    InvalidOptionError,
    ChronolineError,
    "An unknown option value, such as `mode=\"poetry\"`."
);
create_exception!(
    chronoline,
    TimeMLError,
    ChronolineError,
    "A file or string that is not well-formed TimeML."
);

/// Maps a core error to the matching Python exception.
fn to_py_err(err: crate::Error) -> PyErr {
    let message = err.to_string();
    match err.kind() {
        ErrorKind::Parse => TimeMLError::new_err(message),
        ErrorKind::Io => PyOSError::new_err(message),
        _ => ChronolineError::new_err(message),
    }
}

/// Runs `f`, turning a panic into an error message instead of unwinding
/// into Python.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        format!("internal error in chronoline (please report it): {what}")
    })
}

fn internal_error(message: String) -> PyErr {
    ChronolineError::new_err(message)
}

/// Converts byte offsets into a text to `str` (code point) indices.
struct CharIndex {
    /// The byte offset of every char, or `None` for ASCII text, where bytes
    /// and chars coincide.
    starts: Option<Vec<usize>>,
}

impl CharIndex {
    fn new(text: &str) -> CharIndex {
        let starts = (!text.is_ascii()).then(|| text.char_indices().map(|(i, _)| i).collect());
        CharIndex { starts }
    }

    /// The index of the char that starts at or after byte `offset`.
    fn char_of(&self, offset: usize) -> usize {
        match &self.starts {
            None => offset,
            Some(starts) => starts.partition_point(|&b| b < offset),
        }
    }
}

fn datetime_module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("datetime")
}

/// A `datetime.timezone` for a fixed offset in minutes.
fn fixed_timezone<'py>(py: Python<'py>, minutes: i32) -> PyResult<Bound<'py, PyAny>> {
    let datetime = datetime_module(py)?;
    let delta = datetime
        .getattr("timedelta")?
        .call1((0, i64::from(minutes) * 60))?;
    datetime.getattr("timezone")?.call1((delta,))
}

/// A `datetime.datetime`, aware when `offset_minutes` is given.
fn to_py_datetime<'py>(
    py: Python<'py>,
    value: NaiveDateTime,
    offset_minutes: Option<i32>,
) -> PyResult<Bound<'py, PyAny>> {
    if !(1..=9999).contains(&value.year()) {
        return Err(ChronolineError::new_err(format!(
            "{value} is outside the range of python's datetime (years 1 to 9999)"
        )));
    }
    let class = datetime_module(py)?.getattr("datetime")?;
    let args = (
        value.year(),
        value.month(),
        value.day(),
        value.hour(),
        value.minute(),
        value.second(),
        value.nanosecond() / 1000 % 1_000_000,
    );
    match offset_minutes {
        None => class.call1(args),
        Some(minutes) => {
            let (y, mo, d, h, mi, sec, us) = args;
            class.call1((y, mo, d, h, mi, sec, us, fixed_timezone(py, minutes)?))
        }
    }
}

fn to_py_date(py: Python<'_>, date: NaiveDate) -> PyResult<Bound<'_, PyAny>> {
    if !(1..=9999).contains(&date.year()) {
        return Err(ChronolineError::new_err(format!(
            "{date} is outside the range of python's datetime (years 1 to 9999)"
        )));
    }
    datetime_module(py)?
        .getattr("date")?
        .call1((date.year(), date.month(), date.day()))
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".to_string())
}

/// Reads a DCT given as `None`, an ISO string, a `datetime.date` or a
/// `datetime.datetime` (naive or aware).
fn dct_from_py(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Dct>> {
    let Some(value) = value else {
        return Ok(None);
    };
    if value.is_none() {
        return Ok(None);
    }
    let py = value.py();
    if let Ok(text) = value.cast::<PyString>() {
        let text: String = text.extract()?;
        return text
            .parse::<Dct>()
            .map(Some)
            .map_err(|e| InvalidDctError::new_err(e.to_string()));
    }
    let datetime = datetime_module(py)?;
    let is_datetime = value.is_instance(&datetime.getattr("datetime")?)?;
    if !is_datetime && !value.is_instance(&datetime.getattr("date")?)? {
        return Err(PyTypeError::new_err(format!(
            "dct must be a datetime.date, datetime.datetime, str or None, not {}",
            type_name(value)
        )));
    }
    let year: i32 = value.getattr("year")?.extract()?;
    let month: u32 = value.getattr("month")?.extract()?;
    let day: u32 = value.getattr("day")?.extract()?;
    let date = NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| InvalidDctError::new_err(format!("invalid document date {value}")))?;
    let mut dct = Dct::from_date(date);
    if is_datetime {
        let hour: u32 = value.getattr("hour")?.extract()?;
        let minute: u32 = value.getattr("minute")?.extract()?;
        let second: u32 = value.getattr("second")?.extract()?;
        let micro: u32 = value.getattr("microsecond")?.extract()?;
        dct.time = Some(
            NaiveTime::from_hms_micro_opt(hour, minute, second, micro).ok_or_else(|| {
                InvalidDctError::new_err(format!("invalid document time {value}"))
            })?,
        );
        let offset = value.call_method0("utcoffset")?;
        if !offset.is_none() {
            let seconds: f64 = offset.call_method0("total_seconds")?.extract()?;
            dct.utc_offset_minutes = Some((seconds / 60.0).round() as i32);
        }
    }
    dct.source = DctSource::Given;
    Ok(Some(dct))
}

/// The DCT as a `datetime.date`, or a `datetime.datetime` when it has a time.
fn dct_to_py<'py>(py: Python<'py>, dct: &Dct) -> PyResult<Bound<'py, PyAny>> {
    match dct.time {
        None => to_py_date(py, dct.date),
        Some(time) => to_py_datetime(py, dct.date.and_time(time), dct.utc_offset_minutes),
    }
}

fn py_repr(value: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(value.repr()?.to_string())
}

fn str_repr(py: Python<'_>, value: &str) -> String {
    PyString::new(py, value)
        .repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| format!("{value:?}"))
}

fn opt_str_repr(py: Python<'_>, value: Option<&str>) -> String {
    value.map_or_else(|| "None".to_string(), |v| str_repr(py, v))
}

fn json_error(err: serde_json::Error) -> PyErr {
    ChronolineError::new_err(format!("invalid chronoline json: {err}"))
}

/// A stretch of time `[start, end)`, with the granularity of the expression
/// that made it and whether its bounds are exact.
#[pyclass(frozen, eq, hash, module = "chronoline", name = "Interval")]
#[derive(Clone, PartialEq, Eq, Hash)]
struct PyInterval {
    inner: Interval,
}

#[pymethods]
impl PyInterval {
    /// The first instant inside the interval.
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_datetime(py, self.inner.start, self.inner.utc_offset_minutes)
    }

    /// The first instant after the interval.
    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_datetime(py, self.inner.end, self.inner.utc_offset_minutes)
    }

    /// `"day"`, `"month"`, `"year"`, ...
    #[getter]
    fn granularity(&self) -> &'static str {
        self.inner.granularity.as_str()
    }

    /// Whether both bounds are exact (not estimates).
    #[getter]
    fn exact(&self) -> bool {
        self.inner.exact
    }

    /// The UTC offset given in the text, in minutes, or `None`.
    #[getter]
    fn utc_offset_minutes(&self) -> Option<i32> {
        self.inner.utc_offset_minutes
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Interval(start={}, end={}, granularity={}, exact={})",
            py_repr(&self.start(py)?)?,
            py_repr(&self.end(py)?)?,
            str_repr(py, self.granularity()),
            if self.inner.exact { "True" } else { "False" },
        ))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let json = serde_json::to_string(&self.inner).map_err(json_error)?;
        Ok((py.get_type::<PyInterval>().getattr("_from_json")?, (json,)))
    }

    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyInterval> {
        let inner = serde_json::from_str(json).map_err(json_error)?;
        Ok(PyInterval { inner })
    }
}

fn interval_to_py(py: Python<'_>, interval: Option<&Interval>) -> PyResult<Option<Py<PyInterval>>> {
    interval
        .map(|i| Py::new(py, PyInterval { inner: *i }))
        .transpose()
}

/// A temporal expression, with `str` offsets into its document's text.
#[pyclass(frozen, eq, hash, module = "chronoline", name = "Timex")]
#[derive(Clone, PartialEq, Eq, Hash)]
struct PyTimex {
    inner: Timex,
    start: usize,
    end: usize,
}

#[pymethods]
impl PyTimex {
    /// The TIMEX3 `tid` (`"t1"`, ...).
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// Where it starts in the document text (a `str` index).
    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// Where it ends in the document text (a `str` index, exclusive).
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// The text it covers.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// `"DATE"`, `"TIME"`, `"DURATION"` or `"SET"`.
    #[getter]
    #[pyo3(name = "type")]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }

    /// The TIMEX3 value: `"2025-12-07"`, `"P91D"`, `"PAST_REF"`, ...
    #[getter]
    fn value(&self) -> &str {
        &self.inner.value
    }

    /// The TIMEX3 `mod` (`"START"`, `"APPROX"`, ...) or `None`.
    #[getter]
    #[pyo3(name = "mod")]
    fn modifier(&self) -> Option<&'static str> {
        self.inner.modifier.map(|m| m.as_str())
    }

    /// The TIMEX3 `quant` of a set, or `None`.
    #[getter]
    fn quant(&self) -> Option<&str> {
        self.inner.quant.as_deref()
    }

    /// The TIMEX3 `freq` of a set, or `None`.
    #[getter]
    fn freq(&self) -> Option<&str> {
        self.inner.freq.as_deref()
    }

    /// The `tid` a duration begins at, or `None`.
    #[getter]
    fn begin_point(&self) -> Option<&str> {
        self.inner.begin_point.as_deref()
    }

    /// The `tid` a duration ends at, or `None`.
    #[getter]
    fn end_point(&self) -> Option<&str> {
        self.inner.end_point.as_deref()
    }

    /// The `tid` the value was computed from (`"t0"` is the DCT), or `None`.
    #[getter]
    fn anchor(&self) -> Option<&str> {
        self.inner.anchor.as_deref()
    }

    /// Whether the value was computed from an anchor.
    #[getter]
    fn temporal_function(&self) -> bool {
        self.inner.temporal_function
    }

    /// The stretch of time it denotes, or `None`.
    #[getter]
    fn interval(&self, py: Python<'_>) -> PyResult<Option<Py<PyInterval>>> {
        interval_to_py(py, self.inner.interval.as_ref())
    }

    /// The name of the rule that produced it.
    #[getter]
    fn rule(&self) -> &str {
        &self.inner.rule
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Timex(id={}, start={}, end={}, text={}, type={}, value={}, mod={}, rule={})",
            str_repr(py, &self.inner.id),
            self.start,
            self.end,
            str_repr(py, &self.inner.text),
            str_repr(py, self.kind()),
            str_repr(py, &self.inner.value),
            opt_str_repr(py, self.modifier()),
            str_repr(py, &self.inner.rule),
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let json =
            serde_json::to_string(&(&self.inner, self.start, self.end)).map_err(json_error)?;
        Ok((py.get_type::<PyTimex>().getattr("_from_json")?, (json,)))
    }

    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyTimex> {
        let (inner, start, end) = serde_json::from_str(json).map_err(json_error)?;
        Ok(PyTimex { inner, start, end })
    }
}

/// An event, with `str` offsets into its document's text.
#[pyclass(frozen, eq, hash, module = "chronoline", name = "Event")]
#[derive(Clone, PartialEq, Eq, Hash)]
struct PyEvent {
    inner: Event,
    start: usize,
    end: usize,
}

#[pymethods]
impl PyEvent {
    /// The EVENT `eid` (`"e1"`, ...).
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The MAKEINSTANCE `eiid` (`"ei1"`, ...).
    #[getter]
    fn instance_id(&self) -> &str {
        &self.inner.instance_id
    }

    /// Where the trigger starts in the document text (a `str` index).
    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// Where the trigger ends in the document text (a `str` index, exclusive).
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// The trigger text.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The TimeML class: `"OCCURRENCE"`, `"REPORTING"`, `"STATE"`, ...
    #[getter]
    fn event_class(&self) -> &'static str {
        self.inner.class.as_str()
    }

    /// `"PAST"`, `"PRESENT"`, `"FUTURE"`, `"NONE"`, ...
    #[getter]
    fn tense(&self) -> &'static str {
        self.inner.tense.as_str()
    }

    /// `"NONE"`, `"PROGRESSIVE"`, `"PERFECTIVE"`, ...
    #[getter]
    fn aspect(&self) -> &'static str {
        self.inner.aspect.as_str()
    }

    /// `"POS"` or `"NEG"`.
    #[getter]
    fn polarity(&self) -> &'static str {
        self.inner.polarity.as_str()
    }

    /// The part of speech (`"VERB"`, `"NOUN"`, ...).
    #[getter]
    fn pos(&self) -> &str {
        &self.inner.pos
    }

    /// The modal word (`"would"`, `"may"`), or `None`.
    #[getter]
    fn modality(&self) -> Option<&str> {
        self.inner.modality.as_deref()
    }

    /// The `tid` of the timex that dates it (`"t0"` is the DCT), or `None`.
    #[getter]
    fn time(&self) -> Option<&str> {
        self.inner.time.as_deref()
    }

    /// How it relates to `time` (`"IS_INCLUDED"`, ...), or `None`.
    #[getter]
    fn relation(&self) -> Option<&'static str> {
        self.inner.relation.map(|r| r.as_str())
    }

    /// The stretch of time it inherits from its link, or `None`.
    #[getter]
    fn interval(&self, py: Python<'_>) -> PyResult<Option<Py<PyInterval>>> {
        interval_to_py(py, self.inner.interval.as_ref())
    }

    /// The name of the rule or model that produced it.
    #[getter]
    fn rule(&self) -> &str {
        &self.inner.rule
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Event(id={}, start={}, end={}, text={}, event_class={}, tense={}, time={}, rule={})",
            str_repr(py, &self.inner.id),
            self.start,
            self.end,
            str_repr(py, &self.inner.text),
            str_repr(py, self.event_class()),
            str_repr(py, self.tense()),
            opt_str_repr(py, self.time()),
            str_repr(py, &self.inner.rule),
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let json =
            serde_json::to_string(&(&self.inner, self.start, self.end)).map_err(json_error)?;
        Ok((py.get_type::<PyEvent>().getattr("_from_json")?, (json,)))
    }

    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyEvent> {
        let (inner, start, end) = serde_json::from_str(json).map_err(json_error)?;
        Ok(PyEvent { inner, start, end })
    }
}

/// A TimeML TLINK: `source` stands in `relation` to `target`.
#[pyclass(frozen, eq, hash, module = "chronoline", name = "TimeLink")]
#[derive(Clone, PartialEq, Eq, Hash)]
struct PyTimeLink {
    inner: TimeLink,
}

fn link_end_kind(end: &LinkEnd) -> &'static str {
    match end {
        LinkEnd::Time(_) => "time",
        LinkEnd::Event(_) => "event",
    }
}

#[pymethods]
impl PyTimeLink {
    /// The `lid`.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The `tid` or `eiid` of the linked timex or event instance.
    #[getter]
    fn source(&self) -> &str {
        self.inner.source.id()
    }

    /// `"time"` or `"event"`.
    #[getter]
    fn source_kind(&self) -> &'static str {
        link_end_kind(&self.inner.source)
    }

    /// The `tid` or `eiid` it is related to.
    #[getter]
    fn target(&self) -> &str {
        self.inner.target.id()
    }

    /// `"time"` or `"event"`.
    #[getter]
    fn target_kind(&self) -> &'static str {
        link_end_kind(&self.inner.target)
    }

    /// The relation type: `"BEFORE"`, `"IS_INCLUDED"`, ...
    #[getter]
    fn relation(&self) -> &'static str {
        self.inner.relation.as_str()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "TimeLink(id={}, source={}, relation={}, target={})",
            str_repr(py, &self.inner.id),
            str_repr(py, self.source()),
            str_repr(py, self.relation()),
            str_repr(py, self.target()),
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let json = serde_json::to_string(&self.inner).map_err(json_error)?;
        Ok((py.get_type::<PyTimeLink>().getattr("_from_json")?, (json,)))
    }

    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyTimeLink> {
        let inner = serde_json::from_str(json).map_err(json_error)?;
        Ok(PyTimeLink { inner })
    }
}

/// A text with its creation time and the timexes and events found in it.
#[pyclass(frozen, eq, hash, module = "chronoline", name = "Document")]
#[derive(Clone, PartialEq, Eq, Hash)]
struct PyDocument {
    inner: Document,
    timexes: Vec<PyTimex>,
    events: Vec<PyEvent>,
    sentences: Vec<(usize, usize)>,
}

impl PyDocument {
    /// Wraps a core document, converting its byte spans to `str` indices.
    fn new(inner: Document) -> PyDocument {
        let index = CharIndex::new(&inner.text);
        let timexes = inner
            .timexes
            .iter()
            .map(|t| PyTimex {
                inner: t.clone(),
                start: index.char_of(t.span.start),
                end: index.char_of(t.span.end),
            })
            .collect();
        let events = inner
            .events
            .iter()
            .map(|e| PyEvent {
                inner: e.clone(),
                start: index.char_of(e.span.start),
                end: index.char_of(e.span.end),
            })
            .collect();
        let sentences = inner
            .sentences
            .iter()
            .map(|s| (index.char_of(s.span.start), index.char_of(s.span.end)))
            .collect();
        PyDocument {
            inner,
            timexes,
            events,
            sentences,
        }
    }
}

#[pymethods]
impl PyDocument {
    /// The document id (a TimeML `DOCID`, a file name, or `""`).
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The text, exactly as given.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The document creation time: a `datetime.date`, a `datetime.datetime`
    /// when it has a time of day, or `None`.
    #[getter]
    fn dct<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .dct
            .as_ref()
            .map(|d| dct_to_py(py, d))
            .transpose()
    }

    /// The temporal expressions, in text order (the DCT is not among them).
    #[getter]
    fn timexes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let items = self
            .timexes
            .iter()
            .map(|t| Py::new(py, t.clone()))
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, items)
    }

    /// The events, in text order.
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let items = self
            .events
            .iter()
            .map(|e| Py::new(py, e.clone()))
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, items)
    }

    /// The temporal links (TLINKs) between events and timexes.
    #[getter]
    fn links<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let items = self
            .inner
            .links
            .iter()
            .map(|l| Py::new(py, PyTimeLink { inner: l.clone() }))
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, items)
    }

    /// The sentences as `(start, end)` `str` indices.
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.sentences.iter().copied())
    }

    /// The timex with this `tid`, or `None`.
    fn timex(&self, py: Python<'_>, id: &str) -> PyResult<Option<Py<PyTimex>>> {
        self.timexes
            .iter()
            .find(|t| t.inner.id == id)
            .map(|t| Py::new(py, t.clone()))
            .transpose()
    }

    /// The document as TimeML, its TEXT byte for byte the input's text.
    fn to_timeml(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| guarded(|| crate::to_timeml(&self.inner)))
            .map_err(internal_error)
    }

    /// The document as chronoline's JSON (byte offsets, as in Rust).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.inner).map_err(json_error)
    }

    /// A document from chronoline's JSON, as written by `to_json` or
    /// `chronoline extract --format json`.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyDocument> {
        let inner: Document = serde_json::from_str(json).map_err(json_error)?;
        check_spans(&inner)?;
        Ok(PyDocument::new(inner))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = &self.inner.text;
        let shown = match text.char_indices().nth(60) {
            Some((cut, _)) => format!("{}...", &text[..cut]),
            None => text.clone(),
        };
        let dct = match self.dct(py)? {
            Some(d) => d.repr()?.to_string(),
            None => "None".to_string(),
        };
        Ok(format!(
            "Document(id={}, text={}, dct={}, timexes=<{}>, events=<{}>)",
            str_repr(py, &self.inner.id),
            str_repr(py, &shown),
            dct,
            self.timexes.len(),
            self.events.len(),
        ))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((
            py.get_type::<PyDocument>().getattr("from_json")?,
            (self.to_json()?,),
        ))
    }

    /// The text with its timexes and events highlighted, values on hover
    /// (Jupyter's rich display).
    fn _repr_html_(&self) -> String {
        document_html(&self.inner)
    }

    /// The timexes as a pandas DataFrame (needs the `pandas` extra).
    fn timexes_frame<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("chronoline._frames")?
            .call_method1("timexes_frame", (slf,))
    }

    /// The events as a pandas DataFrame (needs the `pandas` extra).
    fn events_frame<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("chronoline._frames")?
            .call_method1("events_frame", (slf,))
    }
}

fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// An HTML rendering of a document: timexes and events as `<mark>`s whose
/// `title` gives the value, so it shows on hover.
fn document_html(doc: &Document) -> String {
    let mut marks: Vec<(crate::Span, &'static str, String)> = doc
        .timexes
        .iter()
        .map(|t| {
            let mut title = format!("{} {}", t.kind.as_str(), t.value);
            if let Some(m) = t.modifier {
                title.push_str(&format!(" mod={}", m.as_str()));
            }
            title.push_str(&format!(" [{}] ({})", t.id, t.rule));
            (t.span, "background:#ffe08a", title)
        })
        .chain(doc.events.iter().map(|e| {
            let mut title = format!("EVENT {} {}", e.class.as_str(), e.tense.as_str());
            if let (Some(time), Some(relation)) = (&e.time, e.relation) {
                title.push_str(&format!(" {} {}", relation.as_str(), time));
            }
            title.push_str(&format!(" [{}] ({})", e.id, e.rule));
            (e.span, "background:#bfe3ff", title)
        }))
        .collect();
    marks.sort_by_key(|(span, _, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut out = String::with_capacity(doc.text.len() * 2 + 256);
    out.push_str("<div class=\"chronoline-document\">");
    out.push_str("<div style=\"font-size:smaller;color:#555\">");
    if !doc.id.is_empty() {
        escape_html(&doc.id, &mut out);
        out.push_str(" &middot; ");
    }
    match &doc.dct {
        Some(dct) => out.push_str(&format!("DCT {dct}")),
        None => out.push_str("no DCT"),
    }
    out.push_str(&format!(
        " &middot; {} timexes &middot; {} events</div>",
        doc.timexes.len(),
        doc.events.len()
    ));
    out.push_str("<div style=\"white-space:pre-wrap;line-height:1.7\">");
    let mut at = 0;
    for (span, style, title) in &marks {
        // Nested or overlapping marks are shown once, by the outer one.
        let (Some(before), Some(inside)) = (doc.text.get(at..span.start), span.slice(&doc.text))
        else {
            continue;
        };
        if span.start < at {
            continue;
        }
        escape_html(before, &mut out);
        out.push_str(&format!(
            "<mark style=\"{style};border-radius:3px\" title=\""
        ));
        escape_html(title, &mut out);
        out.push_str("\">");
        escape_html(inside, &mut out);
        out.push_str("</mark>");
        at = span.end;
    }
    escape_html(doc.text.get(at..).unwrap_or(""), &mut out);
    out.push_str("</div></div>");
    out
}

/// One entry of a timeline: an event or timex placed in time.
#[pyclass(frozen, eq, hash, module = "chronoline", name = "TimelineEntry")]
#[derive(Clone, PartialEq)]
struct PyTimelineEntry {
    inner: TimelineEntry,
    /// The span as `str` indices into its document's text.
    span: (usize, usize),
}

// Every field of an entry is hashable; the core type only lacks the derive.
impl Eq for PyTimelineEntry {}

impl std::hash::Hash for PyTimelineEntry {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let e = &self.inner;
        (&e.document, &e.kind, &e.text, e.span, &e.value).hash(state);
        (e.start, e.end, e.granularity, self.span).hash(state);
    }
}

#[pymethods]
impl PyTimelineEntry {
    /// The id of the document it comes from.
    #[getter]
    fn document(&self) -> &str {
        &self.inner.document
    }

    /// `"event"` or `"timex"`.
    #[getter]
    fn kind(&self) -> &str {
        &self.inner.kind
    }

    /// The text of the event or timex.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The timex value, or the event class.
    #[getter]
    fn value(&self) -> &str {
        &self.inner.value
    }

    /// The first instant of its interval.
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_datetime(py, self.inner.start, None)
    }

    /// The first instant after its interval.
    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_datetime(py, self.inner.end, None)
    }

    /// `"day"`, `"month"`, ...
    #[getter]
    fn granularity(&self) -> &'static str {
        self.inner.granularity.as_str()
    }

    /// Where it is in its document's text, as `(start, end)` `str` indices.
    #[getter]
    fn span(&self) -> (usize, usize) {
        self.span
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "TimelineEntry(document={}, kind={}, text={}, value={}, start={}, end={}, granularity={})",
            str_repr(py, &self.inner.document),
            str_repr(py, &self.inner.kind),
            str_repr(py, &self.inner.text),
            str_repr(py, &self.inner.value),
            py_repr(&self.start(py)?)?,
            py_repr(&self.end(py)?)?,
            str_repr(py, self.granularity()),
        ))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let json = serde_json::to_string(&(&self.inner, self.span)).map_err(json_error)?;
        Ok((
            py.get_type::<PyTimelineEntry>().getattr("_from_json")?,
            (json,),
        ))
    }

    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyTimelineEntry> {
        let (inner, span) = serde_json::from_str(json).map_err(json_error)?;
        Ok(PyTimelineEntry { inner, span })
    }
}

/// The dated events and timexes of several documents, in time order.
#[pyclass(frozen, eq, module = "chronoline", name = "Timeline")]
#[derive(Clone, PartialEq)]
struct PyTimeline {
    inner: Timeline,
    entries: Vec<PyTimelineEntry>,
}

impl PyTimeline {
    /// Builds the timeline. Each document gets a unique stand-in id for the
    /// build, so that every entry can be traced to its document (ids may
    /// repeat or be empty) and its byte span converted to `str` indices.
    fn build(docs: &[&PyDocument]) -> PyTimeline {
        let stand_in = |i: usize| format!("\u{0}{i}");
        let inputs: Vec<Document> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| Document {
                id: stand_in(i),
                ..d.inner.clone()
            })
            .collect();
        let indexes: Vec<CharIndex> = docs.iter().map(|d| CharIndex::new(&d.inner.text)).collect();
        let mut inner = Timeline::new(&inputs);
        let mut entries = Vec::with_capacity(inner.entries.len());
        for entry in &mut inner.entries {
            let found = entry
                .document
                .strip_prefix('\u{0}')
                .and_then(|i| i.parse::<usize>().ok())
                .filter(|&i| i < docs.len());
            let span = match found {
                Some(i) => {
                    entry.document = docs[i].inner.id.clone();
                    (
                        indexes[i].char_of(entry.span.start),
                        indexes[i].char_of(entry.span.end),
                    )
                }
                None => (entry.span.start, entry.span.end),
            };
            entries.push(PyTimelineEntry {
                inner: entry.clone(),
                span,
            });
        }
        PyTimeline { inner, entries }
    }
}

#[pymethods]
impl PyTimeline {
    #[new]
    fn new(py: Python<'_>, docs: &Bound<'_, PyAny>) -> PyResult<PyTimeline> {
        if docs.is_instance_of::<PyDocument>() {
            return Err(PyTypeError::new_err(
                "Timeline takes an iterable of Documents, not a single Document",
            ));
        }
        let docs = docs
            .try_iter()?
            .map(|d| {
                let d = d?;
                d.cast::<PyDocument>()
                    .map(|d| d.get().clone())
                    .map_err(|_| {
                        PyTypeError::new_err(format!(
                            "Timeline takes Documents, not {}",
                            type_name(&d)
                        ))
                    })
            })
            .collect::<PyResult<Vec<PyDocument>>>()?;
        py.detach(|| guarded(|| PyTimeline::build(&docs.iter().collect::<Vec<_>>())))
            .map_err(internal_error)
    }

    /// The entries, ordered by start, then end, then document and text order.
    #[getter]
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let items = self
            .entries
            .iter()
            .map(|e| Py::new(py, e.clone()))
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, items)
    }

    fn __len__(&self) -> usize {
        self.entries.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.entries(py)?.into_any().try_iter().map(Bound::into_any)
    }

    fn __getitem__(&self, py: Python<'_>, index: isize) -> PyResult<Py<PyTimelineEntry>> {
        let len = self.entries.len() as isize;
        let i = if index < 0 { index + len } else { index };
        if !(0..len).contains(&i) {
            return Err(pyo3::exceptions::PyIndexError::new_err(
                "timeline index out of range",
            ));
        }
        Py::new(py, self.entries[i as usize].clone())
    }

    /// One row per entry: document, start, end, granularity, kind, text, value.
    fn to_csv(&self) -> String {
        self.inner.to_csv()
    }

    /// The timeline as JSON (spans in bytes, as in Rust).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The entries as a pandas DataFrame (needs the `pandas` extra).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("chronoline._frames")?
            .call_method1("timeline_pandas", (slf,))
    }

    /// The entries as a polars DataFrame (needs the `polars` extra).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("chronoline._frames")?
            .call_method1("timeline_polars", (slf,))
    }

    /// The entries as a pyarrow Table (needs the `pyarrow` extra).
    fn to_arrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("chronoline._frames")?
            .call_method1("timeline_arrow", (slf,))
    }

    /// The timeline as an HTML table (Jupyter's rich display).
    fn _repr_html_(&self) -> String {
        let mut out = String::from(
            "<table class=\"chronoline-timeline\"><thead><tr><th>start</th><th>end</th>\
             <th>granularity</th><th>kind</th><th>text</th><th>value</th><th>document</th>\
             </tr></thead><tbody>",
        );
        for e in &self.inner.entries {
            out.push_str("<tr>");
            let start = e.start.format("%Y-%m-%d %H:%M").to_string();
            let end = e.end.format("%Y-%m-%d %H:%M").to_string();
            for cell in [
                start.as_str(),
                end.as_str(),
                e.granularity.as_str(),
                e.kind.as_str(),
                e.text.as_str(),
                e.value.as_str(),
                e.document.as_str(),
            ] {
                out.push_str("<td>");
                escape_html(cell, &mut out);
                out.push_str("</td>");
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
        out
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let shown: Vec<String> = self
            .entries
            .iter()
            .take(3)
            .map(|e| e.__repr__(py))
            .collect::<PyResult<_>>()?;
        let more = if self.entries.len() > 3 {
            format!(", ... {} more", self.entries.len() - 3)
        } else {
            String::new()
        };
        Ok(format!("Timeline([{}{}])", shown.join(", "), more))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let json = serde_json::to_string(&(
            &self.inner,
            self.entries.iter().map(|e| e.span).collect::<Vec<_>>(),
        ))
        .map_err(json_error)?;
        Ok((py.get_type::<PyTimeline>().getattr("_from_json")?, (json,)))
    }

    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyTimeline> {
        let (inner, spans): (Timeline, Vec<(usize, usize)>) =
            serde_json::from_str(json).map_err(json_error)?;
        if spans.len() != inner.entries.len() {
            return Err(ChronolineError::new_err(
                "invalid chronoline json: spans do not match entries",
            ));
        }
        let entries = inner
            .entries
            .iter()
            .zip(spans)
            .map(|(e, span)| PyTimelineEntry {
                inner: e.clone(),
                span,
            })
            .collect();
        Ok(PyTimeline { inner, entries })
    }
}

/// Rejects JSON whose spans do not fit the text, so offsets stay meaningful.
fn check_spans(doc: &Document) -> PyResult<()> {
    let spans = doc
        .timexes
        .iter()
        .map(|t| (&t.id, t.span))
        .chain(doc.events.iter().map(|e| (&e.id, e.span)));
    for (id, span) in spans {
        if span.start > span.end || span.slice(&doc.text).is_none() {
            return Err(ChronolineError::new_err(format!(
                "invalid chronoline json: span {}..{} of {id:?} is not within the text",
                span.start, span.end
            )));
        }
    }
    Ok(())
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    mode.parse()
        .map_err(|e: crate::Error| InvalidOptionError::new_err(e.to_string()))
}

fn parse_prefer(prefer: Option<&str>) -> PyResult<Prefer> {
    match prefer {
        None => Ok(Prefer::default()),
        Some(p) => p
            .parse()
            .map_err(|e: crate::Error| InvalidOptionError::new_err(e.to_string())),
    }
}

/// The extractor for a set of options, built once per process.
fn shared_extractor(options: Options) -> &'static Extractor {
    static EXTRACTORS: [OnceLock<Extractor>; 12] = [const { OnceLock::new() }; 12];
    let slot = match options.mode {
        Mode::News => 0,
        Mode::Narrative => 1,
    } * 6
        + match options.prefer {
            Prefer::Nearest => 0,
            Prefer::Past => 1,
            Prefer::Future => 2,
        } * 2
        + usize::from(options.events);
    EXTRACTORS[slot].get_or_init(|| Extractor::with_options(options))
}

/// One text to extract from, with its DCT and document id.
struct Job {
    text: String,
    dct: Option<Dct>,
    id: String,
}

impl Job {
    fn run(&self, extractor: &Extractor) -> PyDocument {
        let doc = Document::new(self.id.clone(), self.text.clone(), self.dct.clone());
        PyDocument::new(extractor.extract_document(doc))
    }
}

fn extract_one(py: Python<'_>, extractor: &Extractor, job: Job) -> PyResult<PyDocument> {
    py.detach(|| guarded(|| job.run(extractor)))
        .map_err(internal_error)
}

/// Finds the temporal expressions and events in `text`.
///
/// `dct` (the document creation time) anchors relative expressions; it may
/// be a `datetime.date`, a `datetime.datetime` or an ISO string.
#[pyfunction]
#[pyo3(signature = (text, dct=None, *, mode="news", prefer=None, id=""))]
fn extract(
    py: Python<'_>,
    text: String,
    dct: Option<&Bound<'_, PyAny>>,
    mode: &str,
    prefer: Option<&str>,
    id: &str,
) -> PyResult<PyDocument> {
    let options = Options {
        mode: parse_mode(mode)?,
        prefer: parse_prefer(prefer)?,
        events: true,
    };
    let dct = dct_from_py(dct)?;
    let extractor = py.detach(|| shared_extractor(options));
    extract_one(
        py,
        extractor,
        Job {
            text,
            dct,
            id: id.to_string(),
        },
    )
}

/// An extractor built once and reused; safe to share between threads.
#[pyclass(frozen, module = "chronoline", name = "Extractor")]
struct PyExtractor {
    inner: Extractor,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (mode="news", prefer=None, events=true))]
    fn new(py: Python<'_>, mode: &str, prefer: Option<&str>, events: bool) -> PyResult<Self> {
        let options = Options {
            mode: parse_mode(mode)?,
            prefer: parse_prefer(prefer)?,
            events,
        };
        let inner = py
            .detach(|| guarded(|| Extractor::with_options(options)))
            .map_err(internal_error)?;
        Ok(PyExtractor { inner })
    }

    /// `"news"` or `"narrative"`.
    #[getter]
    fn mode(&self) -> &'static str {
        self.inner.options().mode.as_str()
    }

    /// `"nearest"`, `"past"` or `"future"`.
    #[getter]
    fn prefer(&self) -> &'static str {
        self.inner.options().prefer.as_str()
    }

    /// Whether events are found.
    #[getter]
    fn events(&self) -> bool {
        self.inner.options().events
    }

    /// Finds the temporal expressions and events in `text`.
    #[pyo3(signature = (text, dct=None, *, id=""))]
    fn extract(
        &self,
        py: Python<'_>,
        text: String,
        dct: Option<&Bound<'_, PyAny>>,
        id: &str,
    ) -> PyResult<PyDocument> {
        let dct = dct_from_py(dct)?;
        extract_one(
            py,
            &self.inner,
            Job {
                text,
                dct,
                id: id.to_string(),
            },
        )
    }

    /// Extracts from many texts in parallel (without the GIL) and returns
    /// the documents in input order. `dcts`, if given, has one DCT (or
    /// `None`) per text, `ids` one document id per text; `threads` defaults
    /// to the number of cores.
    #[pyo3(signature = (texts, dcts=None, *, ids=None, threads=None))]
    fn extract_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        dcts: Option<&Bound<'_, PyAny>>,
        ids: Option<&Bound<'_, PyAny>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<PyDocument>> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(
                "texts must be an iterable of str, not a single str",
            ));
        }
        let texts = texts
            .try_iter()?
            .map(|t| t?.extract::<String>())
            .collect::<PyResult<Vec<String>>>()?;
        let dcts = match dcts {
            None => vec![None; texts.len()],
            Some(dcts) if dcts.is_none() => vec![None; texts.len()],
            Some(dcts) => {
                if dcts.is_instance_of::<PyString>() {
                    return Err(PyTypeError::new_err(
                        "dcts must be an iterable of DCTs, not a single str",
                    ));
                }
                let dcts = dcts
                    .try_iter()?
                    .map(|d| dct_from_py(Some(&d?)))
                    .collect::<PyResult<Vec<_>>>()?;
                if dcts.len() != texts.len() {
                    return Err(PyValueError::new_err(format!(
                        "dcts has {} items but texts has {}",
                        dcts.len(),
                        texts.len()
                    )));
                }
                dcts
            }
        };
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let ids = match ids {
            None => vec![String::new(); texts.len()],
            Some(ids) if ids.is_none() => vec![String::new(); texts.len()],
            Some(ids) => {
                if ids.is_instance_of::<PyString>() {
                    return Err(PyTypeError::new_err(
                        "ids must be an iterable of str, not a single str",
                    ));
                }
                let ids = ids
                    .try_iter()?
                    .map(|i| i?.extract::<String>())
                    .collect::<PyResult<Vec<_>>>()?;
                if ids.len() != texts.len() {
                    return Err(PyValueError::new_err(format!(
                        "ids has {} items but texts has {}",
                        ids.len(),
                        texts.len()
                    )));
                }
                ids
            }
        };
        let jobs: Vec<Job> = texts
            .into_iter()
            .zip(dcts)
            .zip(ids)
            .map(|((text, dct), id)| Job {
                text,
                dct,
                id: id.to_string(),
            })
            .collect();
        py.detach(|| extract_parallel(&self.inner, jobs, threads))
            .map_err(internal_error)
    }

    fn __repr__(&self) -> String {
        format!(
            "Extractor(mode='{}', prefer='{}', events={})",
            self.mode(),
            self.prefer(),
            if self.events() { "True" } else { "False" }
        )
    }

    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> (Bound<'py, PyType>, (&'static str, &'static str, bool)) {
        (
            py.get_type::<PyExtractor>(),
            (self.mode(), self.prefer(), self.events()),
        )
    }
}

/// Runs the extractor over `jobs` on up to `threads` threads; each thread
/// takes the next unclaimed job, so long texts do not hold up a chunk.
fn extract_parallel(
    extractor: &Extractor,
    jobs: Vec<Job>,
    threads: usize,
) -> Result<Vec<PyDocument>, String> {
    let run = |job: &Job| guarded(|| job.run(extractor));
    let threads = threads.min(jobs.len());
    if threads <= 1 {
        return jobs.iter().map(run).collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<PyDocument>> = vec![None; jobs.len()];
    let finished = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else {
                            return Ok(done);
                        };
                        done.push((i, run(job)?));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|_| Err("a worker thread panicked".to_string()))
            })
            .collect::<Vec<Result<Vec<(usize, PyDocument)>, String>>>()
    });
    for worker in finished {
        for (i, doc) in worker? {
            results[i] = Some(doc);
        }
    }
    results
        .into_iter()
        .map(|d| d.ok_or_else(|| "internal error: a document was not processed".to_string()))
        .collect()
}

/// Reads a TimeML file into a document (its annotations as given).
#[pyfunction]
fn read_timeml(py: Python<'_>, path: PathBuf) -> PyResult<PyDocument> {
    let bytes = std::fs::read(&path).map_err(|e| os_error(e, &path))?;
    let doc = py
        .detach(|| {
            guarded(|| {
                let xml = String::from_utf8(bytes).map_err(|e| {
                    crate::Error::parse(format!(
                        "not valid UTF-8 (at byte {})",
                        e.utf8_error().valid_up_to()
                    ))
                })?;
                crate::parse_timeml(&xml)
            })
        })
        .map_err(internal_error)?
        .map_err(|e| to_py_err(e.in_file(&path)))?;
    Ok(PyDocument::new(doc))
}

/// An `OSError` with the errno, message and file name, as `open` raises it:
/// Python picks the subclass from the errno (`FileNotFoundError`,
/// `PermissionError`, `IsADirectoryError`, ...).
fn os_error(err: std::io::Error, path: &std::path::Path) -> PyErr {
    let errno = err.raw_os_error().unwrap_or(0);
    PyOSError::new_err((errno, err.to_string(), path.display().to_string()))
}

/// Parses a TimeML string into a document (its annotations as given).
#[pyfunction]
fn parse_timeml(py: Python<'_>, xml: String) -> PyResult<PyDocument> {
    let doc = py
        .detach(|| guarded(|| crate::parse_timeml(&xml)))
        .map_err(internal_error)?
        .map_err(to_py_err)?;
    Ok(PyDocument::new(doc))
}

/// Runs the `chronoline` command line with `argv` (the program name first)
/// and returns its exit code.
#[pyfunction]
fn cli_main(py: Python<'_>, argv: Vec<String>) -> i32 {
    py.detach(|| {
        guarded(|| crate::cli::main(argv)).unwrap_or_else(|message| {
            eprintln!("chronoline: {message}");
            101
        })
    })
}

/// chronoline's compiled core; import `chronoline` instead.
#[pymodule(name = "_chronoline")]
fn chronoline_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ChronolineError", py.get_type::<ChronolineError>())?;
    m.add("InvalidDctError", py.get_type::<InvalidDctError>())?;
    m.add("InvalidOptionError", py.get_type::<InvalidOptionError>())?;
    m.add("TimeMLError", py.get_type::<TimeMLError>())?;
    m.add_class::<PyDocument>()?;
    m.add_class::<PyTimex>()?;
    m.add_class::<PyEvent>()?;
    m.add_class::<PyInterval>()?;
    m.add_class::<PyTimeLink>()?;
    m.add_class::<PyTimeline>()?;
    m.add_class::<PyTimelineEntry>()?;
    m.add_class::<PyExtractor>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(read_timeml, m)?)?;
    m.add_function(wrap_pyfunction!(parse_timeml, m)?)?;
    m.add_function(wrap_pyfunction!(cli_main, m)?)?;
    Ok(())
}
