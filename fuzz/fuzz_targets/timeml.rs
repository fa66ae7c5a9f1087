//! The TimeML reader on arbitrary bytes: an error or a document, never a
//! panic. A document it reads must be written and read back unchanged,
//! text byte for byte.
#![no_main]

use chronoline::{parse_timeml, to_timeml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // read_timeml's own first step: bytes that are not UTF-8 are an error.
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = parse_timeml(xml) else {
        return;
    };
    for timex in &doc.timexes {
        assert_eq!(doc.text.get(timex.span.start..timex.span.end), Some(timex.text.as_str()));
    }
    for event in &doc.events {
        assert_eq!(doc.text.get(event.span.start..event.span.end), Some(event.text.as_str()));
    }
    let written = to_timeml(&doc);
    let again = parse_timeml(&written)
        .unwrap_or_else(|e| panic!("cannot read back what was written: {e}\n{written}"));
    assert_eq!(again.text, doc.text, "text changed");
    assert_eq!(to_timeml(&again), written, "writing is not stable");
});
