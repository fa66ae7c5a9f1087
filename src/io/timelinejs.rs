//! TimelineJS 3 JSON: `{"events": [{"start_date": {...}, "text": {...}}]}`.
//! Date parts are filled down to the entry's granularity.

use chrono::{Datelike, NaiveDateTime, Timelike};
use serde::Serialize;

use crate::model::Granularity;

#[derive(Debug, Serialize)]
pub(crate) struct Document {
    pub events: Vec<Event>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Event {
    pub start_date: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    pub text: Text,
    pub group: String,
    pub unique_id: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct Text {
    pub headline: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct Date {
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hour: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minute: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second: Option<u32>,
}

impl Date {
    /// The parts of `at` that its granularity gives.
    pub fn at(at: NaiveDateTime, granularity: Granularity) -> Date {
        use Granularity::*;
        let has_month = granularity <= Half;
        let has_day = granularity <= Week;
        let has_hour = granularity <= Hour;
        let has_minute = granularity <= Minute;
        Date {
            year: at.year(),
            month: has_month.then(|| at.month()),
            day: has_day.then(|| at.day()),
            hour: has_hour.then(|| at.hour()),
            minute: has_minute.then(|| at.minute()),
            second: (granularity == Second).then(|| at.second()),
        }
    }
}

pub(crate) fn to_json(document: &Document) -> String {
    serde_json::to_string(document).unwrap_or_else(|_| String::from(r#"{"events":[]}"#))
}
