//! The running example of DESIGN.md: the news article of Sunday 7 December
//! 2025, read from `../shared/examples` (skipped with a message when absent).

use chrono::NaiveDate;
use chronoline::{Document, Granularity, Modifier, Timex, TimexType};

use crate::common::{day, seed_article as article};

/// The timex whose text is `text` and whose sentence holds `context`.
fn find<'d>(doc: &'d Document, text: &str, context: &str) -> &'d Timex {
    let at = doc
        .text
        .find(context)
        .unwrap_or_else(|| panic!("the article has no {context:?}"));
    doc.timexes
        .iter()
        .find(|t| t.text == text && t.span.start >= at && t.span.end <= at + context.len())
        .unwrap_or_else(|| {
            let found: Vec<&str> = doc.timexes.iter().map(|t| t.text.as_str()).collect();
            panic!("no timex {text:?} in {context:?}; found {found:?}")
        })
}

fn bounds(timex: &Timex) -> (NaiveDate, NaiveDate) {
    let interval = timex
        .interval
        .unwrap_or_else(|| panic!("{:?} has no interval", timex.text));
    (interval.start.date(), interval.end.date())
}

#[test]
fn sunday_7_december_is_the_document_date() {
    let Some(doc) = article() else { return };
    let t = find(
        &doc,
        "Sunday, 7 December",
        "press conference on Sunday, 7 December",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Date, "2025-12-07"));
    assert_eq!(bounds(t), (day(2025, 12, 7), day(2025, 12, 8)));
}

#[test]
fn ninety_one_days_reach_back_from_the_document_date() {
    let Some(doc) = article() else { return };
    let t = find(
        &doc,
        "91 days",
        "for 91 days Afghan female UN staff had continued",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P91D"));
    assert_eq!(bounds(t), (day(2025, 9, 7), day(2025, 12, 8)));
    assert_eq!(t.anchor.as_deref(), Some("t0"));
}

#[test]
fn the_past_three_months_end_at_the_document_date() {
    let Some(doc) = article() else { return };
    let t = find(&doc, "the past three months", "for the past three months");
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P3M"));
    assert_eq!(bounds(t), (day(2025, 9, 7), day(2025, 12, 8)));
}

#[test]
fn seven_september_is_this_year() {
    let Some(doc) = article() else { return };
    let t = find(&doc, "7 September", "on 7 September Taliban forces");
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Date, "2025-09-07"));
    assert_eq!(bounds(t), (day(2025, 9, 7), day(2025, 9, 8)));
}

#[test]
fn will_convene_on_wednesday_looks_forward() {
    let Some(doc) = article() else { return };
    let t = find(&doc, "Wednesday", "will convene on Wednesday");
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Date, "2025-12-10"));
    assert!(t.temporal_function);
    assert_eq!(t.anchor.as_deref(), Some("t0"));
}

#[test]
fn a_bare_time_takes_the_day_the_discourse_set() {
    let Some(doc) = article() else { return };
    let t = find(
        &doc,
        "7:30 p.m. Kabul time",
        "will begin at 7:30 p.m. Kabul time",
    );
    assert_eq!(
        (t.kind, t.value.as_str()),
        (TimexType::Time, "2025-12-10T19:30")
    );
    let interval = t.interval.expect("a time has an interval");
    assert_eq!(interval.utc_offset_minutes, Some(270));
    assert_eq!(interval.granularity, Granularity::Minute);
    assert_eq!(
        interval.start,
        day(2025, 12, 10)
            .and_hms_opt(19, 30, 0)
            .expect("a valid time")
    );
}

#[test]
fn september_and_early_september() {
    let Some(doc) = article() else { return };
    let report = find(&doc, "September", "a September report");
    assert_eq!(
        (report.kind, report.value.as_str()),
        (TimexType::Date, "2025-09")
    );
    assert_eq!(bounds(report), (day(2025, 9, 1), day(2025, 10, 1)));
    let early = find(&doc, "early September", "in early September that");
    assert_eq!(early.value, "2025-09");
    assert_eq!(early.modifier, Some(Modifier::Start));
    let interval = early.interval.expect("early September has an interval");
    assert!(!interval.exact);
    assert_eq!(interval.start.date(), day(2025, 9, 1));
    assert!(interval.end.date() <= day(2025, 9, 12));
}

#[test]
fn february_2020_and_since_2021() {
    let Some(doc) = article() else { return };
    let doha = find(&doc, "February 2020", "the February 2020 Doha Agreement");
    assert_eq!(
        (doha.kind, doha.value.as_str()),
        (TimexType::Date, "2020-02")
    );
    let since = find(&doc, "2021", "sharply declined since 2021");
    assert_eq!(
        (since.kind, since.value.as_str()),
        (TimexType::Date, "2021")
    );
    assert_eq!(bounds(since), (day(2021, 1, 1), day(2025, 12, 8)));
}

#[test]
fn the_past_four_years_and_two_decades() {
    let Some(doc) = article() else { return };
    let four = find(&doc, "the past four years", "over the past four years");
    assert_eq!(
        (four.kind, four.value.as_str()),
        (TimexType::Duration, "P4Y")
    );
    assert_eq!(bounds(four), (day(2021, 12, 7), day(2025, 12, 8)));
    let decades = find(&doc, "two decades", "two decades of conflict");
    assert_eq!(
        (decades.kind, decades.value.as_str()),
        (TimexType::Duration, "P2DE")
    );
    assert_eq!(decades.interval, None);
}

#[test]
fn recent_weeks_and_the_coming_days_are_vague() {
    let Some(doc) = article() else { return };
    let recent = find(&doc, "recent weeks", "deteriorated sharply in recent weeks");
    assert_eq!(
        (recent.kind, recent.value.as_str()),
        (TimexType::Date, "PAST_REF")
    );
    let interval = recent
        .interval
        .expect("recent weeks has approximate bounds");
    assert!(!interval.exact);
    assert_eq!(interval.end.date(), day(2025, 12, 8));
    assert!(interval.start.date() < day(2025, 12, 7));
    let coming = find(&doc, "the coming days", "in the coming days");
    assert_eq!(
        (coming.kind, coming.value.as_str()),
        (TimexType::Date, "FUTURE_REF")
    );
    let interval = coming
        .interval
        .expect("the coming days has approximate bounds");
    assert!(!interval.exact);
    assert_eq!(interval.start.date(), day(2025, 12, 7));
    assert!(interval.end.date() > day(2025, 12, 8));
}

#[test]
fn names_and_numbers_are_not_times() {
    let Some(doc) = article() else { return };
    for t in &doc.timexes {
        assert!(
            !t.text.contains("16") && !t.text.contains("Days") && !t.text.contains("Twenty"),
            "{:?} is not a temporal expression",
            t.text
        );
    }
    for t in &doc.timexes {
        assert_eq!(&doc.text[t.span.start..t.span.end], t.text);
        assert!(!t.rule.is_empty());
    }
}
