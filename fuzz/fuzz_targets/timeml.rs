//! The TimeML reader on arbitrary bytes: an error or a document, never a
//! panic. A document it reads has spans that slice back to their text
//! (`chronoline::annotation_problems`), and must be written and read back
//! unchanged, text byte for byte.
#![no_main]

use chronoline::{annotation_problems, parse_timeml, to_timeml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // read_timeml's own first step: bytes that are not UTF-8 are an error.
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = parse_timeml(xml) else {
        return;
    };
    let problems = annotation_problems(&doc);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let written = to_timeml(&doc);
    let again = parse_timeml(&written)
        .unwrap_or_else(|e| panic!("cannot read back what was written: {e}\n{written}"));
    assert_eq!(again.text, doc.text, "text changed");
    assert_eq!(to_timeml(&again), written, "writing is not stable");
});
