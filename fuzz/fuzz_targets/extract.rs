//! Extraction on arbitrary UTF-8: with and without a DCT, in each mode and
//! preference, with and without events. The first byte picks the
//! configuration, the next three the DCT; the rest is the text.
//!
//! Beyond "no panic", it checks what every caller relies on
//! (`chronoline::document_problems`, shared with the property tests): spans
//! on char boundaries that slice back to their text, timexes sorted and
//! disjoint, values in the TIMEX3 grammar, intervals with start < end.
#![no_main]


use chronoline::{document_problems, every_extractor, Dct};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [config, d0, d1, d2, rest @ ..] = data else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let extractors = every_extractor();
    let extractor = &extractors[usize::from(*config) % extractors.len()];
    // Half the runs without a DCT; the others with a date spread over
    // years 1..=9999 (the edges of the calendar are where arithmetic fails).
    let dct = (config & 0x80 != 0).then(|| {
        let days = u32::from_le_bytes([*d0, *d1, *d2, 0]) % 3_652_059;
        let date = chrono::NaiveDate::from_num_days_from_ce_opt(days as i32 + 1)
            .expect("in range");
        Dct::from_date(date)
    });
    let doc = extractor.extract(text, dct);
    let problems = document_problems(&doc);
    assert!(problems.is_empty(), "{text:?}:\n{}", problems.join("\n"));
});
