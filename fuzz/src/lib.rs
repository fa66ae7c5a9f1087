//! What every fuzz target checks about a document, beyond "no panic".

use chronoline::{is_valid_timex_value, Document, Span};

/// The span lies on char boundaries of `text` and slices back to `expected`.
fn check_span(text: &str, span: Span, expected: &str, what: &str) {
    assert!(span.start <= span.end, "{what}: {span:?} is backwards");
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} is not on char boundaries of a text of {} bytes",
        text.len()
    );
    assert_eq!(&text[span.start..span.end], expected, "{what}: {span:?}");
}

/// Spans slice back to their text, timexes are sorted and disjoint, values
/// are in the TIMEX3 grammar, intervals have start < end.
pub fn check(doc: &Document) {
    let text = doc.text.as_str();
    for sentence in &doc.sentences {
        assert!(
            sentence.span.slice(text).is_some(),
            "sentence {:?}",
            sentence.span
        );
    }
    let mut previous_end = 0;
    for timex in &doc.timexes {
        check_span(text, timex.span, &timex.text, &timex.id);
        assert!(!timex.text.is_empty(), "{}: empty", timex.id);
        assert!(
            timex.span.start >= previous_end,
            "{} at {:?} overlaps or precedes the timex before it",
            timex.id,
            timex.span
        );
        previous_end = timex.span.end;
        assert!(
            is_valid_timex_value(&timex.value),
            "{} {:?}: value {:?} (rule {})",
            timex.id,
            timex.text,
            timex.value,
            timex.rule
        );
        if let Some(interval) = &timex.interval {
            assert!(interval.start < interval.end, "{}: {interval:?}", timex.id);
        }
    }
    for event in &doc.events {
        check_span(text, event.span, &event.text, &event.id);
        if let Some(interval) = &event.interval {
            assert!(interval.start < interval.end, "{}: {interval:?}", event.id);
        }
    }
}
