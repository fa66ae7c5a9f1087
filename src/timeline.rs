//! Ordered timelines of dated events across documents.
//!
//! A minimal timeline: every event and timex with an interval, ordered by
//! start, end and document order. (The full timeline, with event merging
//! and interval algebra, replaces this.)

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::io::csv;
use crate::model::{Document, Granularity, Span};

/// One entry of a timeline: an event or timex placed in time.
///
/// ```
/// use chronoline::{Document, Timeline};
/// let timeline = Timeline::new(&[Document::new("d", "Nothing.", None)]);
/// assert!(timeline.entries.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// The document it comes from.
    pub document: String,
    /// `"event"` or `"timex"`.
    pub kind: String,
    /// The text of the event or timex.
    pub text: String,
    /// Where it is in its document (bytes).
    pub span: Span,
    /// The timex value, or the event class.
    pub value: String,
    /// The first instant of its interval.
    pub start: NaiveDateTime,
    /// The first instant after its interval.
    pub end: NaiveDateTime,
    /// How fine the interval is.
    pub granularity: Granularity,
}

/// An ordered timeline.
///
/// ```
/// use chronoline::{Document, Timeline};
/// let timeline = Timeline::new(&[]);
/// assert_eq!(timeline.to_csv(), "document,start,end,granularity,kind,text,value\n");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// The entries, in order.
    pub entries: Vec<TimelineEntry>,
}

impl Timeline {
    /// The events and timexes of `docs` that have an interval, ordered by
    /// start, then end, then document and text order.
    ///
    /// ```
    /// use chronoline::{Document, Granularity, Interval, Span, Timeline, Timex, TimexType};
    /// use chrono::NaiveDate;
    /// let mut doc = Document::new("d", "in May 2024", None);
    /// doc.timexes.push(Timex {
    ///     id: "t1".into(), span: Span::new(3, 11), text: "May 2024".into(),
    ///     kind: TimexType::Date, value: "2024-05".into(), modifier: None, quant: None,
    ///     freq: None, begin_point: None, end_point: None, anchor: None,
    ///     temporal_function: false, interval: Interval::month(2024, 5), rule: "test".into(),
    /// });
    /// let timeline = Timeline::new(&[doc]);
    /// assert_eq!(timeline.entries[0].granularity, Granularity::Month);
    /// assert!(timeline.to_csv().ends_with("d,2024-05-01T00:00:00,2024-06-01T00:00:00,month,timex,May 2024,2024-05\n"));
    /// assert!(timeline.to_json().contains("\"value\": \"2024-05\""));
    /// ```
    pub fn new(docs: &[Document]) -> Timeline {
        let mut entries = Vec::new();
        for doc in docs {
            for event in &doc.events {
                if let Some(interval) = event.interval {
                    entries.push(TimelineEntry {
                        document: doc.id.clone(),
                        kind: "event".into(),
                        text: event.text.clone(),
                        span: event.span,
                        value: event.class.as_str().into(),
                        start: interval.start,
                        end: interval.end,
                        granularity: interval.granularity,
                    });
                }
            }
            for timex in &doc.timexes {
                if let Some(interval) = timex.interval {
                    entries.push(TimelineEntry {
                        document: doc.id.clone(),
                        kind: "timex".into(),
                        text: timex.text.clone(),
                        span: timex.span,
                        value: timex.value.clone(),
                        start: interval.start,
                        end: interval.end,
                        granularity: interval.granularity,
                    });
                }
            }
        }
        // A stable sort keeps document and text order among equals.
        entries.sort_by_key(|e| (e.start, e.end));
        Timeline { entries }
    }

    /// One row per entry: document, start, end, granularity, kind, text,
    /// value (times as `YYYY-MM-DDTHH:MM:SS`).
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        csv::push_row(
            &mut out,
            [
                "document",
                "start",
                "end",
                "granularity",
                "kind",
                "text",
                "value",
            ],
        );
        for e in &self.entries {
            let start = e.start.format("%Y-%m-%dT%H:%M:%S").to_string();
            let end = e.end.format("%Y-%m-%dT%H:%M:%S").to_string();
            csv::push_row(
                &mut out,
                [
                    e.document.as_str(),
                    &start,
                    &end,
                    e.granularity.as_str(),
                    &e.kind,
                    &e.text,
                    &e.value,
                ],
            );
        }
        out
    }

    /// The timeline as JSON: `{"entries": [...]}`.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| String::from("{\"entries\":[]}"))
    }
}
