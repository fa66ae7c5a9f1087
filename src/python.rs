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
use pyo3::type_object::PyTypeInfo;
use pyo3::types::{PyString, PyTuple, PyType};

use crate::{
    Dct, DctSource, Document, EntityOptions, ErrorKind, Event, Extractor, Interval, LinkEnd, Mode,
    Options, Prefer, Span, TimeLink, Timeline, TimelineEntry, TimelineOptions, Timex,
};
use std::collections::HashMap;

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

    /// A byte span as `(start, end)` `str` indices.
    fn span(&self, span: Span) -> (usize, usize) {
        (self.char_of(span.start), self.char_of(span.end))
    }
}

/// The `__reduce__` of a class pickled as JSON: its `_from_json` classmethod
/// and the JSON of `state`.
fn reduce_to_json<'py, T: PyTypeInfo>(
    py: Python<'py>,
    state: &impl serde::Serialize,
) -> PyResult<(Bound<'py, PyAny>, (String,))> {
    let json = serde_json::to_string(state).map_err(json_error)?;
    Ok((py.get_type::<T>().getattr("_from_json")?, (json,)))
}

/// The state `reduce_to_json` pickled, read back by `_from_json`.
fn state_from_json<S: serde::de::DeserializeOwned>(json: &str) -> PyResult<S> {
    serde_json::from_str(json).map_err(json_error)
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
        reduce_to_json::<PyInterval>(py, &self.inner)
    }

    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyInterval> {
        let inner = state_from_json(json)?;
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
    /// Where it starts in the document text (a `str` index).
    #[pyo3(get)]
    start: usize,
    /// Where it ends in the document text (a `str` index, exclusive).
    #[pyo3(get)]
    end: usize,
}

#[pymethods]
impl PyTimex {
    /// The TIMEX3 `tid` (`"t1"`, ...).
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
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
        reduce_to_json::<PyTimex>(py, &(&self.inner, self.start, self.end))
    }

    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyTimex> {
        let (inner, start, end) = state_from_json(json)?;
        Ok(PyTimex { inner, start, end })
    }
}

/// An event, with `str` offsets into its document's text.
#[pyclass(frozen, eq, hash, module = "chronoline", name = "Event")]
#[derive(Clone, PartialEq, Eq, Hash)]
struct PyEvent {
    inner: Event,
    /// Where the trigger starts in the document text (a `str` index).
    #[pyo3(get)]
    start: usize,
    /// Where the trigger ends in the document text (a `str` index, exclusive).
    #[pyo3(get)]
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
        reduce_to_json::<PyEvent>(py, &(&self.inner, self.start, self.end))
    }

    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyEvent> {
        let (inner, start, end) = state_from_json(json)?;
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
        reduce_to_json::<PyTimeLink>(py, &self.inner)
    }

    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyTimeLink> {
        let inner = state_from_json(json)?;
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
            .map(|t| {
                let (start, end) = index.span(t.span);
                PyTimex {
                    inner: t.clone(),
                    start,
                    end,
                }
            })
            .collect();
        let events = inner
            .events
            .iter()
            .map(|e| {
                let (start, end) = index.span(e.span);
                PyEvent {
                    inner: e.clone(),
                    start,
                    end,
                }
            })
            .collect();
        let sentences = inner.sentences.iter().map(|s| index.span(s.span)).collect();
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

/// One entry of a timeline: a dated event, an event placed by its relation
/// to the DCT, or a timex that dates no event.
#[pyclass(frozen, eq, hash, module = "chronoline", name = "TimelineEntry")]
#[derive(Clone, PartialEq)]
struct PyTimelineEntry {
    inner: TimelineEntry,
    /// The mention as `str` indices into its document's text.
    span: (usize, usize),
}

// The fields of an entry hold no floats; the core type only lacks the derive.
impl Eq for PyTimelineEntry {}

impl std::hash::Hash for PyTimelineEntry {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let e = &self.inner;
        (e.kind, &e.id, &e.text, &e.document, e.span, e.interval).hash(state);
        (e.dated_by, e.dct_relation, &e.value, self.span).hash(state);
    }
}

#[pymethods]
impl PyTimelineEntry {
    /// `"event"`, or `"timex"` for a timex that dates no event.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }

    /// The event or timex id in its document (`"e3"`, `"t2"`).
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The event trigger or the timex text.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The TimeML class of an event, or `None` for a timex.
    #[getter]
    fn event_class(&self) -> Option<&'static str> {
        self.inner.class.map(|c| c.as_str())
    }

    /// The TIMEX3 value of the timex that dates the event (or of the timex
    /// itself; the DCT's value for an event placed by the DCT).
    #[getter]
    fn value(&self) -> Option<&str> {
        self.inner.value.as_deref()
    }

    /// The TIMEX3 type of that timex.
    #[getter]
    #[pyo3(name = "type")]
    fn timex_type(&self) -> Option<&'static str> {
        self.inner.timex_type.map(|t| t.as_str())
    }

    /// Where the entry is in time, or `None` for an event placed only by its
    /// relation to the DCT.
    #[getter]
    fn interval(&self, py: Python<'_>) -> PyResult<Option<Py<PyInterval>>> {
        interval_to_py(py, self.inner.interval.as_ref())
    }

    /// The start of the interval, or `None`.
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .interval
            .map(|i| to_py_datetime(py, i.start, i.utc_offset_minutes))
            .transpose()
    }

    /// The end of the interval (exclusive), or `None`.
    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .interval
            .map(|i| to_py_datetime(py, i.end, i.utc_offset_minutes))
            .transpose()
    }

    /// Where the place in time comes from: `"event"`, `"link"`, `"dct"`,
    /// `"context"`, `"timex"` or `"nothing"`.
    #[getter]
    fn dated_by(&self) -> &'static str {
        self.inner.dated_by.as_str()
    }

    /// For an event placed by the DCT, its relation to it (`"BEFORE"`, ...).
    #[getter]
    fn dct_relation(&self) -> Option<&'static str> {
        self.inner.dct_relation.map(|r| r.as_str())
    }

    /// For an event placed by the DCT, the DCT as an interval.
    #[getter]
    fn anchor(&self, py: Python<'_>) -> PyResult<Option<Py<PyInterval>>> {
        interval_to_py(py, self.inner.anchor.as_ref())
    }

    /// The id of its document.
    #[getter]
    fn document(&self) -> &str {
        &self.inner.document
    }

    /// The ids of the documents of all its mentions (more than one when the
    /// same event, reported by several documents, was merged).
    #[getter]
    fn documents<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let ids: Vec<&str> = std::iter::once(self.inner.document.as_str())
            .chain(self.inner.mentions.iter().map(|m| m.document.as_str()))
            .collect();
        PyTuple::new(py, ids)
    }

    /// The 0-based index of its sentence in the document.
    #[getter]
    fn sentence_index(&self) -> Option<usize> {
        self.inner.sentence_index
    }

    /// Its sentence, trimmed.
    #[getter]
    fn sentence(&self) -> &str {
        &self.inner.sentence
    }

    /// The id of its sentence in the input's markup (`<s id="3">`), if any.
    #[getter]
    fn sentence_id(&self) -> Option<&str> {
        self.inner.sentence_id.as_deref()
    }

    /// The other mentions of the same event merged into this entry (from
    /// other documents, or co-referent mentions of an entity timeline), as
    /// dicts with `document`, `id`, `text`, `sentence_index`, `sentence_id`,
    /// `sentence` and `interval` (the one that mention was dated with).
    #[getter]
    fn mentions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let items = self
            .inner
            .mentions
            .iter()
            .map(|m| {
                let dict = pyo3::types::PyDict::new(py);
                dict.set_item("document", &m.document)?;
                dict.set_item("id", &m.id)?;
                dict.set_item("text", &m.text)?;
                dict.set_item("sentence_index", m.sentence_index)?;
                dict.set_item("sentence_id", m.sentence_id.as_deref())?;
                dict.set_item("sentence", &m.sentence)?;
                dict.set_item("interval", interval_to_py(py, m.interval.as_ref())?)?;
                Ok(dict)
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyTuple::new(py, items)
    }

    /// The Allen relation of this entry to `other` (`"before"`, `"meets"`,
    /// `"overlaps"`, `"starts"`, `"during"`, `"finishes"`, `"equals"` and
    /// their inverses `"after"`, `"met_by"`, `"overlapped_by"`,
    /// `"started_by"`, `"contains"`, `"finished_by"`) when their intervals
    /// make it certain, else `None`: an inexact bound may be off by half
    /// its interval, so "early September" claims nothing against "7
    /// September".
    fn relation_to(&self, other: &PyTimelineEntry) -> Option<&'static str> {
        self.inner.relation_to(&other.inner).map(|r| r.as_str())
    }

    /// Whether this entry certainly ends no later than `other` starts.
    fn precedes(&self, other: &PyTimelineEntry) -> bool {
        self.inner.precedes(&other.inner)
    }

    /// Whether this entry certainly starts no earlier than `other` ends.
    fn follows(&self, other: &PyTimelineEntry) -> bool {
        self.inner.follows(&other.inner)
    }

    /// Whether the two entries certainly share some time.
    fn overlaps(&self, other: &PyTimelineEntry) -> bool {
        self.inner.overlaps(&other.inner)
    }

    /// Where it is in its document's text, as `(start, end)` `str` indices.
    #[getter]
    fn span(&self) -> (usize, usize) {
        self.span
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let interval = match self.interval(py)? {
            Some(i) => i.bind(py).repr()?.to_string(),
            None => "None".to_string(),
        };
        Ok(format!(
            "TimelineEntry(kind={}, text={}, value={}, interval={}, dated_by={}, document={}, id={})",
            str_repr(py, self.kind()),
            str_repr(py, &self.inner.text),
            opt_str_repr(py, self.value()),
            interval,
            str_repr(py, self.dated_by()),
            str_repr(py, &self.inner.document),
            str_repr(py, &self.inner.id),
        ))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        reduce_to_json::<PyTimelineEntry>(py, &(&self.inner, self.span))
    }

    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyTimelineEntry> {
        let (inner, span) = state_from_json(json)?;
        Ok(PyTimelineEntry { inner, span })
    }
}

/// The key that finds an entry again in a narrowed timeline.
fn entry_key(e: &TimelineEntry) -> (String, String, usize, usize) {
    (e.document.clone(), e.id.clone(), e.span.start, e.span.end)
}

/// The dated events (and the timexes that date no event) of one or more
/// documents, in time order.
#[pyclass(frozen, eq, module = "chronoline", name = "Timeline")]
#[derive(Clone, PartialEq)]
struct PyTimeline {
    inner: Timeline,
    entries: Vec<PyTimelineEntry>,
}

impl PyTimeline {
    /// Wraps a core timeline whose entries come from `entries_of` (for the
    /// `str` spans, found by document id, id and byte span).
    fn wrap(
        inner: Timeline,
        spans: &HashMap<(String, String, usize, usize), (usize, usize)>,
    ) -> PyTimeline {
        let entries = inner
            .entries()
            .iter()
            .map(|e| PyTimelineEntry {
                inner: e.clone(),
                span: spans
                    .get(&entry_key(e))
                    .copied()
                    .unwrap_or((e.span.start, e.span.end)),
            })
            .collect();
        PyTimeline { inner, entries }
    }

    /// Wraps a core timeline built from `inputs`, its spans turned into
    /// `str` indices of its documents' texts.
    fn with_char_spans(inputs: &[Document], inner: Timeline) -> PyTimeline {
        let indexes: HashMap<&str, CharIndex> = inputs
            .iter()
            .map(|d| (d.id.as_str(), CharIndex::new(&d.text)))
            .collect();
        let spans = inner
            .entries()
            .iter()
            .map(|e| {
                let span = match indexes.get(e.document.as_str()) {
                    Some(index) => index.span(e.span),
                    None => (e.span.start, e.span.end),
                };
                (entry_key(e), span)
            })
            .collect();
        PyTimeline::wrap(inner, &spans)
    }

    fn spans(&self) -> HashMap<(String, String, usize, usize), (usize, usize)> {
        self.entries
            .iter()
            .map(|e| (entry_key(&e.inner), e.span))
            .collect()
    }
}

fn check_threshold(merge_threshold: f64) -> PyResult<()> {
    if (0.0..=1.0).contains(&merge_threshold) {
        return Ok(());
    }
    Err(InvalidOptionError::new_err(format!(
        "merge_threshold must be between 0 and 1, not {merge_threshold}"
    )))
}

/// The documents of a timeline: an iterable of `Document`s, those without
/// an id named `doc1`, `doc2`, ... by their position; ids must be unique.
fn timeline_documents(docs: &Bound<'_, PyAny>) -> PyResult<Vec<Document>> {
    if docs.is_instance_of::<PyDocument>() {
        return Err(PyTypeError::new_err(
            "Timeline takes an iterable of Documents, not a single Document",
        ));
    }
    let mut inputs: Vec<Document> = Vec::new();
    for (position, item) in docs.try_iter()?.enumerate() {
        let item = item?;
        let doc = item.cast::<PyDocument>().map_err(|_| {
            PyTypeError::new_err(format!(
                "Timeline takes Documents, not {}",
                type_name(&item)
            ))
        })?;
        let mut doc = doc.get().inner.clone();
        if doc.id.is_empty() {
            doc.id = format!("doc{}", position + 1);
        }
        inputs.push(doc);
    }
    let mut seen = std::collections::HashSet::new();
    for doc in &inputs {
        if !seen.insert(doc.id.as_str()) {
            return Err(InvalidOptionError::new_err(format!(
                "document id {:?} appears more than once: a timeline needs unique ids",
                doc.id
            )));
        }
    }
    Ok(inputs)
}

/// An entity's names: one `str`, or an iterable of them (a name and its
/// aliases).
fn entity_names(entity: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if let Ok(name) = entity.extract::<String>() {
        return Ok(vec![name]);
    }
    entity
        .try_iter()
        .map_err(|_| {
            PyTypeError::new_err(format!(
                "entity must be a str or an iterable of str, not {}",
                type_name(entity)
            ))
        })?
        .map(|n| n?.extract::<String>())
        .collect()
}

#[pymethods]
impl PyTimeline {
    /// Builds the timeline of `docs`. Documents without an id are named
    /// `doc1`, `doc2`, ... by their position; ids must be unique.
    #[new]
    #[pyo3(signature = (docs, *, merge=true, merge_threshold=0.7, timexes=true, undated=false, context_dating=false))]
    fn new(
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        merge: bool,
        merge_threshold: f64,
        timexes: bool,
        undated: bool,
        context_dating: bool,
    ) -> PyResult<PyTimeline> {
        check_threshold(merge_threshold)?;
        let inputs = timeline_documents(docs)?;
        let options = TimelineOptions {
            merge,
            merge_threshold,
            timexes,
            undated,
            context_dating,
        };
        py.detach(|| {
            guarded(|| {
                PyTimeline::with_char_spans(&inputs, Timeline::with_options(&inputs, &options))
            })
        })
        .map_err(internal_error)
    }

    /// The timeline of the events about an entity, for the SemEval-2015
    /// Task 4 kind of timeline: `names` is the entity's name, or its name
    /// and aliases. An event is about the entity when its trigger is at most
    /// `max_words` words from a mention of it in the same clause; a mention
    /// is the name, a part of it (`partial_names`), or a *he*/*she*/*it*
    /// continuing a sentence about it (`pronouns`). Past events with no
    /// date of their own take the last date before them in their sentence,
    /// else the last day within `recent_days` before the DCT the document
    /// mentions before them, else the DCT; mentions of one event share a
    /// date and an entry. See the Rust `Timeline::of_entity` for every rule.
    #[classmethod]
    #[pyo3(signature = (docs, names, *, max_words=3, pronouns=true, partial_names=true, recent_days=7))]
    #[allow(clippy::too_many_arguments)]
    fn of_entity(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        names: &Bound<'_, PyAny>,
        max_words: usize,
        pronouns: bool,
        partial_names: bool,
        recent_days: i64,
    ) -> PyResult<PyTimeline> {
        let names = entity_names(names)?;
        if recent_days < 0 {
            return Err(InvalidOptionError::new_err(format!(
                "recent_days must not be negative, not {recent_days}"
            )));
        }
        let inputs = timeline_documents(docs)?;
        let options = EntityOptions {
            max_words,
            pronouns,
            partial_names,
            recent_days,
        };
        py.detach(|| {
            guarded(|| {
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                let inner = Timeline::of_entity(&inputs, &names, &options);
                PyTimeline::with_char_spans(&inputs, inner)
            })
        })
        .map_err(internal_error)
    }

    /// The timeline of entries already taken from their documents: one
    /// iterable per document, in document order, each holding the entries
    /// of that document's own timeline (built with the same `timexes`,
    /// `undated` and `context_dating`). It equals the timeline built from
    /// the documents, so the per-document work can run on other processes
    /// or machines (`chronoline.spark`, `chronoline.dask`,
    /// `chronoline.parallel`) and only the merge across documents runs here.
    #[classmethod]
    #[pyo3(signature = (documents, *, merge=true, merge_threshold=0.7))]
    fn from_entries(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        documents: &Bound<'_, PyAny>,
        merge: bool,
        merge_threshold: f64,
    ) -> PyResult<PyTimeline> {
        check_threshold(merge_threshold)?;
        let mut groups: Vec<Vec<PyTimelineEntry>> = Vec::new();
        let mut owner: HashMap<String, usize> = HashMap::new();
        for group in documents.try_iter()? {
            let group = group?;
            if group.is_instance_of::<PyTimelineEntry>() {
                return Err(PyTypeError::new_err(
                    "from_entries takes one iterable of entries per document, not entries",
                ));
            }
            let position = groups.len();
            let mut entries = Vec::new();
            for item in group.try_iter()? {
                let item = item?;
                let entry = item.cast::<PyTimelineEntry>().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "from_entries takes TimelineEntry objects, not {}",
                        type_name(&item)
                    ))
                })?;
                let entry = entry.get().clone();
                if !entry.inner.mentions.is_empty() {
                    return Err(InvalidOptionError::new_err(format!(
                        "entry {:?} of document {:?} already holds merged mentions: \
                         from_entries takes each document's own entries",
                        entry.inner.id, entry.inner.document
                    )));
                }
                let first = *owner
                    .entry(entry.inner.document.clone())
                    .or_insert(position);
                if first != position {
                    return Err(InvalidOptionError::new_err(format!(
                        "document id {:?} appears more than once: a timeline needs unique ids",
                        entry.inner.document
                    )));
                }
                entries.push(entry);
            }
            groups.push(entries);
        }
        let options = TimelineOptions {
            merge,
            merge_threshold,
            ..TimelineOptions::default()
        };
        py.detach(|| {
            guarded(|| {
                let spans = groups
                    .iter()
                    .flatten()
                    .map(|e| (entry_key(&e.inner), e.span))
                    .collect();
                let inner = Timeline::from_entries(
                    groups
                        .into_iter()
                        .map(|g| g.into_iter().map(|e| e.inner).collect::<Vec<_>>()),
                    &options,
                );
                PyTimeline::wrap(inner, &spans)
            })
        })
        .map_err(internal_error)
    }

    /// The entries, in time order.
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

    /// The Allen relation of entries `a` and `b` (`"BEFORE"`, `"MEETS"`,
    /// `"DURING"`, ...) when the intervals make it certain, else `None`.
    fn relation(&self, a: usize, b: usize) -> PyResult<Option<&'static str>> {
        let len = self.entries.len();
        if a >= len || b >= len {
            return Err(pyo3::exceptions::PyIndexError::new_err(
                "timeline index out of range",
            ));
        }
        Ok(self.inner.relation(a, b).map(|r| r.as_str()))
    }

    /// The entries about an entity: those whose sentence names it (one name,
    /// or any of several), or, with `near`, names it within `near` words.
    #[pyo3(signature = (entity, *, near=None))]
    fn about(&self, entity: &Bound<'_, PyAny>, near: Option<usize>) -> PyResult<PyTimeline> {
        let names = entity_names(entity)?;
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let narrowed = guarded(|| match near {
            Some(words) => self.inner.about_near(&names, words),
            None => self.inner.about_any(&names),
        })
        .map_err(internal_error)?;
        Ok(PyTimeline::wrap(narrowed, &self.spans()))
    }

    /// One row per entry; the columns are documented in the README.
    fn to_csv(&self) -> String {
        self.inner.to_csv()
    }

    /// The timeline as JSON (spans in bytes, as in Rust).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The timeline as TimelineJS JSON.
    fn to_timelinejs(&self) -> String {
        self.inner.to_timelinejs()
    }

    /// The event entries in the SemEval-2015 Task 4 format: `entity` on the
    /// first line, then `rank<TAB>date<TAB>docid-sentence-word...`, the
    /// mentions of one event on one line, undated events as `XXXX-XX-XX` at
    /// rank 0.
    fn to_semeval2015(&self, entity: &str) -> String {
        self.inner.to_semeval2015(entity)
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

    /// Draws the entries on a time axis with matplotlib (the `matplotlib`
    /// extra) and returns the Axes.
    #[pyo3(signature = (ax=None))]
    fn plot<'py>(
        slf: &Bound<'py, Self>,
        ax: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("chronoline._display")?
            .call_method1("plot", (slf, ax))
    }

    /// A standalone HTML page with an interactive timeline that works
    /// offline; written to `path` when given, and returned.
    #[pyo3(signature = (path=None, *, title="chronoline timeline"))]
    fn to_html<'py>(
        slf: &Bound<'py, Self>,
        path: Option<&Bound<'py, PyAny>>,
        title: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("chronoline._display")?
            .call_method1("to_html", (slf, path, title))
    }

    /// The timeline as an HTML table (Jupyter's rich display).
    fn _repr_html_(&self) -> String {
        let mut out = String::from(
            "<table class=\"chronoline-timeline\"><thead><tr><th>#</th><th>start</th><th>end</th>\
             <th>kind</th><th>text</th><th>value</th><th>dated by</th><th>document</th>\
             </tr></thead><tbody>",
        );
        for (n, e) in self.inner.entries().iter().enumerate() {
            let time = |t: NaiveDateTime| t.format("%Y-%m-%d %H:%M").to_string();
            let (start, end) = match (e.interval, e.dct_relation) {
                (Some(i), _) => (time(i.start), time(i.end)),
                (None, Some(relation)) => (format!("{} DCT", relation.as_str()), String::new()),
                (None, None) => (String::new(), String::new()),
            };
            out.push_str("<tr>");
            for cell in [
                (n + 1).to_string().as_str(),
                &start,
                &end,
                e.kind.as_str(),
                &e.text,
                e.value.as_deref().unwrap_or(""),
                e.dated_by.as_str(),
                &e.document,
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
        let spans: Vec<(usize, usize)> = self.entries.iter().map(|e| e.span).collect();
        reduce_to_json::<PyTimeline>(py, &(&self.inner, spans))
    }

    #[classmethod]
    fn _from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<PyTimeline> {
        let (inner, spans): (Timeline, Vec<(usize, usize)>) = state_from_json(json)?;
        if spans.len() != inner.len() {
            return Err(ChronolineError::new_err(
                "invalid chronoline json: spans do not match entries",
            ));
        }
        let spans = inner.entries().iter().map(entry_key).zip(spans).collect();
        Ok(PyTimeline::wrap(inner, &spans))
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

    /// Extracts again from a document's text, keeping its id, DCT and
    /// sentence markup (a TimeML file's `<s id>`, which the SemEval-2015
    /// timeline format names sentences by) and replacing its timexes,
    /// events and links.
    fn extract_document(&self, py: Python<'_>, doc: &PyDocument) -> PyResult<PyDocument> {
        let input = Document {
            timexes: Vec::new(),
            events: Vec::new(),
            links: Vec::new(),
            ..doc.inner.clone()
        };
        py.detach(|| guarded(|| PyDocument::new(self.inner.extract_document(input))))
            .map_err(internal_error)
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
/// Scores a system timeline against a gold one, both in the SemEval-2015
/// Task 4 format (`rank<TAB>date<TAB>docid-sentence-word...` after the
/// entity line): precision, recall and F1 of (mention, date) pairs, a date
/// matching at the gold's granularity, and Kendall's tau-b of the ranks of
/// the matched mentions (`None` under two). Raises `ChronolineError` naming
/// the line that is not in the format.
#[pyfunction]
fn evaluate_timeline<'py>(
    py: Python<'py>,
    gold: &str,
    system: &str,
) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
    let scores = crate::evaluate_timeline(gold, system)
        .map_err(|e| ChronolineError::new_err(e.to_string()))?;
    let dict = pyo3::types::PyDict::new(py);
    dict.set_item("gold", scores.gold)?;
    dict.set_item("predicted", scores.predicted)?;
    dict.set_item("matched", scores.matched)?;
    dict.set_item("precision", scores.precision)?;
    dict.set_item("recall", scores.recall)?;
    dict.set_item("f1", scores.f1)?;
    dict.set_item("tau", scores.tau)?;
    Ok(dict)
}

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

/// Whether `value` is a well-formed TIMEX3 value under chronoline's value
/// grammar (every value chronoline extracts is).
#[pyfunction]
fn is_valid_timex_value(value: &str) -> bool {
    crate::is_valid_timex_value(value)
}

/// The built-in example article (the one `chronoline extract --example`
/// reads) as `(text, dct)`.
#[pyfunction]
fn example_article(py: Python<'_>) -> PyResult<(String, Bound<'_, PyAny>)> {
    const EXAMPLE: &str = include_str!("../data/example-article.txt");
    let (first, text) = EXAMPLE.split_once('\n').unwrap_or(("", EXAMPLE));
    let dct: Dct = first
        .strip_prefix("dct:")
        .unwrap_or(first)
        .parse()
        .map_err(|e: crate::Error| internal_error(format!("the built-in example: {e}")))?;
    Ok((text.to_string(), dct_to_py(py, &dct)?))
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
    m.add_function(wrap_pyfunction!(evaluate_timeline, m)?)?;
    m.add_function(wrap_pyfunction!(parse_timeml, m)?)?;
    m.add_function(wrap_pyfunction!(cli_main, m)?)?;
    m.add_function(wrap_pyfunction!(example_article, m)?)?;
    m.add_function(wrap_pyfunction!(is_valid_timex_value, m)?)?;
    Ok(())
}
