//! Events of the running example (DESIGN.md), read from `../shared/examples`
//! (skipped with a message when absent): which events the article's times
//! date, with which relation and interval (the five dated events: the press
//! conference, the 91-day denial, the council convening, the September
//! report and the Doha Agreement); and that events without a time of their
//! own are only related to the DCT.

use chrono::NaiveDate;
use chronoline::{Document, Event, Relation};

use crate::common::{day, seed_article as article};

/// The event whose trigger is `word` in the first sentence part `context`.
fn event<'d>(doc: &'d Document, word: &str, context: &str) -> &'d Event {
    let at = doc
        .text
        .find(context)
        .unwrap_or_else(|| panic!("the article has no {context:?}"));
    doc.events
        .iter()
        .find(|e| e.text == word && e.span.start >= at && e.span.end <= at + context.len())
        .unwrap_or_else(|| panic!("no event {word:?} in {context:?}"))
}

/// The event's timex text, relation and interval (as dates).
fn dating(doc: &Document, event: &Event) -> (String, Relation, NaiveDate, NaiveDate) {
    let time = event.time.as_deref().expect("a dated event");
    let timex = doc
        .timex(time)
        .unwrap_or_else(|| panic!("{:?} is dated by the DCT", event.text));
    let interval = event.interval.expect("an inherited interval");
    (
        timex.text.clone(),
        event.relation.expect("a relation"),
        interval.start.date(),
        interval.end.date(),
    )
}

/// The dates, as (year, month, day), of an event dated within one timex.
type Days = ((i32, u32, u32), (i32, u32, u32));

/// Asserts that the event `word` in `context` is inside `timex`, over
/// the half-open interval `days`.
fn assert_inside(doc: &Document, word: &str, context: &str, timex: &str, days: Days) {
    let ((y1, m1, d1), (y2, m2, d2)) = days;
    assert_eq!(
        dating(doc, event(doc, word, context)),
        (
            timex.to_string(),
            Relation::IsIncluded,
            day(y1, m1, d1),
            day(y2, m2, d2)
        )
    );
}

#[test]
fn the_press_conference_is_on_sunday_7_december() {
    let Some(doc) = article() else { return };
    assert_inside(
        &doc,
        "conference",
        "Speaking at a press conference on Sunday, 7 December",
        "Sunday, 7 December",
        ((2025, 12, 7), (2025, 12, 8)),
    );
}

#[test]
fn the_denial_lasts_the_91_days() {
    let Some(doc) = article() else { return };
    let e = event(
        &doc,
        "denied",
        "in the field despite being denied office access",
    );
    let (timex, relation, start, end) = dating(&doc, e);
    assert_eq!((timex.as_str(), relation), ("91 days", Relation::During));
    assert_eq!(start, day(2025, 9, 7));
    assert!(end >= day(2025, 12, 7) && end <= day(2025, 12, 8), "{end}");
}

#[test]
fn the_council_convenes_on_wednesday_10_december() {
    let Some(doc) = article() else { return };
    assert_inside(
        &doc,
        "convene",
        "The UN Security Council will convene on Wednesday",
        "Wednesday",
        ((2025, 12, 10), (2025, 12, 11)),
    );
}

#[test]
fn undated_events_are_related_to_the_dct_without_an_interval() {
    let Some(doc) = article() else { return };
    let e = event(&doc, "warned", "He warned that instability");
    assert_eq!(e.time.as_deref(), Some("t0"));
    assert_eq!(e.relation, Some(Relation::Before));
    assert_eq!(e.interval, None);
    // Every event has an id, an instance id and a link of its own.
    for (i, e) in doc.events.iter().enumerate() {
        assert_eq!(e.id, format!("e{}", i + 1));
        assert_eq!(e.instance_id, format!("ei{}", i + 1));
    }
    let linked = doc
        .links
        .iter()
        .filter(|l| l.source.id().starts_with("ei"))
        .count();
    assert_eq!(
        linked,
        doc.events.iter().filter(|e| e.time.is_some()).count()
    );
}

#[test]
fn the_september_report_is_dated_september_2025() {
    let Some(doc) = article() else { return };
    let context = "The warning follows a September report by";
    assert_inside(
        &doc,
        "report",
        context,
        "September",
        ((2025, 9, 1), (2025, 10, 1)),
    );
    assert_eq!(
        event(&doc, "report", context).rule,
        "premodified_event_noun"
    );
}

#[test]
fn the_doha_agreement_is_dated_february_2020() {
    let Some(doc) = article() else { return };
    let context = "led to the February 2020 Doha Agreement";
    assert_eq!(event(&doc, "Agreement", context).pos, "NOUN");
    assert_inside(
        &doc,
        "Agreement",
        context,
        "February 2020",
        ((2020, 2, 1), (2020, 3, 1)),
    );
}
