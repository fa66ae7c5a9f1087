//! The promises every document keeps, checked in one place for the fuzz
//! targets (`fuzz/`) and the property tests (`tests/integration/robustness.rs`),
//! and the configurations they run under.

use crate::extractor::{Mode, Options, Prefer};
use crate::model::{Document, Span};
use crate::value::is_valid_timex_value;

/// Every configuration of an extractor: each mode, each preference, events
/// on and off (12 in all, events on first), for tests and fuzz targets that
/// must cover them all.
///
/// ```
/// use chronoline::{every_configuration, Mode};
/// let all = every_configuration();
/// assert_eq!(all.len(), 12);
/// assert!(all[0].events && all[6].mode == Mode::Narrative);
/// ```
/// One extractor for each of [`every_configuration`], built once per
/// process (building one compiles its tables).
///
/// ```
/// assert_eq!(chronoline::every_extractor().len(), chronoline::every_configuration().len());
/// ```
#[doc(hidden)]
pub fn every_extractor() -> &'static [crate::Extractor] {
    static EXTRACTORS: std::sync::OnceLock<Vec<crate::Extractor>> = std::sync::OnceLock::new();
    EXTRACTORS.get_or_init(|| {
        every_configuration()
            .into_iter()
            .map(crate::Extractor::with_options)
            .collect()
    })
}

#[doc(hidden)]
pub fn every_configuration() -> Vec<Options> {
    let mut all = Vec::new();
    for mode in [Mode::News, Mode::Narrative] {
        for prefer in [Prefer::Nearest, Prefer::Past, Prefer::Future] {
            for events in [true, false] {
                all.push(Options {
                    mode,
                    prefer,
                    events,
                });
            }
        }
    }
    all
}

/// What an extracted document must satisfy, as a list of broken promises
/// (empty when all hold): everything [`annotation_problems`] checks; timexes
/// non-empty, sorted and disjoint; every timex value in the TIMEX3 grammar
/// of [`is_valid_timex_value`].
///
/// Used by the fuzz targets and the property tests; not a stable interface.
///
/// ```
/// use chronoline::{document_problems, Extractor};
/// let doc = Extractor::new().extract("They met on 7 December 2025.", None);
/// assert_eq!(document_problems(&doc), Vec::<String>::new());
///
/// let mut broken = doc.clone();
/// broken.timexes[0].value = "7 December".into();
/// assert!(document_problems(&broken)[0].contains("not a TIMEX3 value"));
/// ```
#[doc(hidden)]
pub fn document_problems(doc: &Document) -> Vec<String> {
    let mut found = annotation_problems(doc);
    for timex in &doc.timexes {
        if timex.text.is_empty() {
            found.push(format!("{} at {:?} is empty", timex.id, timex.span));
        }
    }
    for pair in doc.timexes.windows(2) {
        if pair[1].span.start < pair[0].span.end {
            found.push(format!(
                "{} {:?} and {} {:?} overlap or are out of order",
                pair[0].id, pair[0].span, pair[1].id, pair[1].span
            ));
        }
    }
    for timex in &doc.timexes {
        if !is_valid_timex_value(&timex.value) {
            found.push(format!(
                "{} {:?}: value {:?} (rule {}) is not a TIMEX3 value",
                timex.id, timex.text, timex.value, timex.rule
            ));
        }
    }
    found
}

/// What any document, extracted or read from TimeML, must satisfy, as a
/// list of broken promises: every sentence, timex and event span lies on
/// char boundaries of the text and slices back to its own text, and every
/// interval has start < end. (TimeML may nest or leave empty what it
/// annotates, and its values are whatever the file says.)
///
/// ```
/// use chronoline::{annotation_problems, parse_timeml};
/// let doc = parse_timeml(
///     r#"<TimeML><TEXT>Été <TIMEX3 tid="t1" type="DATE" value="?">2025</TIMEX3></TEXT></TimeML>"#,
/// )?;
/// assert_eq!(annotation_problems(&doc), Vec::<String>::new());
///
/// let mut broken = doc.clone();
/// broken.timexes[0].span.start -= 2; // now inside "é"
/// assert!(annotation_problems(&broken)[0].contains("does not slice back"));
/// # Ok::<(), chronoline::Error>(())
/// ```
#[doc(hidden)]
pub fn annotation_problems(doc: &Document) -> Vec<String> {
    let text = doc.text.as_str();
    let mut found = Vec::new();
    let mut check_span = |what: &str, span: Span, expected: Option<&str>| {
        let sliced = span.slice(text);
        if sliced.is_none() || (expected.is_some() && sliced != expected) {
            found.push(format!(
                "{what}: {span:?} does not slice back to {:?} in a text of {} bytes",
                expected.unwrap_or("a part of the text"),
                text.len()
            ));
        }
    };
    for sentence in &doc.sentences {
        check_span("sentence", sentence.span, None);
    }
    for timex in &doc.timexes {
        check_span(&timex.id, timex.span, Some(&timex.text));
    }
    for event in &doc.events {
        check_span(&event.id, event.span, Some(&event.text));
    }
    let intervals = doc
        .timexes
        .iter()
        .map(|t| (&t.id, &t.text, t.interval))
        .chain(doc.events.iter().map(|e| (&e.id, &e.text, e.interval)));
    for (id, text, interval) in intervals {
        if let Some(interval) = interval {
            if interval.start >= interval.end {
                found.push(format!(
                    "{id} {text:?}: {interval:?} does not end after it starts"
                ));
            }
        }
    }
    found
}
