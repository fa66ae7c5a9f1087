//! TimeML round trips over the training corpora.

use chronoline::{parse_timeml, read_timeml, to_timeml};

use crate::common::{raw_text, shared_data, training_files};

#[test]
fn every_training_file_round_trips() {
    let Some(data) = shared_data() else { return };
    let files = training_files(&data);
    assert_eq!(files.len(), 183 + 73 + 30);
    let (mut timexes, mut events, mut links) = (0, 0, 0);
    for path in &files {
        let input = std::fs::read_to_string(path).unwrap();
        let doc = read_timeml(path).unwrap_or_else(|e| panic!("{e}"));
        let written = to_timeml(&doc);
        assert_eq!(
            raw_text(&written),
            raw_text(&input),
            "{}: TEXT differs after writing",
            path.display()
        );
        let again = parse_timeml(&written)
            .unwrap_or_else(|e| panic!("{}: written TimeML does not parse: {e}", path.display()));
        assert_eq!(again, doc, "{}: the document changed", path.display());
        assert!(doc.dct.is_some(), "{}: no DCT", path.display());
        assert!(!doc.id.is_empty());
        for timex in &doc.timexes {
            assert_eq!(timex.span.slice(&doc.text), Some(timex.text.as_str()));
        }
        timexes += doc.timexes.len();
        events += doc.events.len();
        links += doc.links.len();
    }
    // Every TIMEX3 but the 286 DCTs, and every EVENT but the 16 in two
    // headlines outside TEXT.
    assert_eq!(timexes, 2108 - 286);
    assert_eq!(events, 12086 - 16);
    assert!(links > 11000, "{links} links");
}

#[test]
fn timeline_trial_sentences_are_read() {
    let Some(data) = shared_data() else { return };
    let dir = data.join("timeline-trial/raw-timeml");
    for path in crate::common::tml_files(&dir) {
        let doc = read_timeml(&path).unwrap();
        assert!(!doc.sentences.is_empty(), "{}", path.display());
        assert!(doc.sentences.iter().all(|s| s.id.is_some()));
        assert!(doc
            .sentences
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start));
    }
}
