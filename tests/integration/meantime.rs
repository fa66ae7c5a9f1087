//! MEANTIME (English WikiNews, CAT XML): the reader and the token-to-byte
//! mapping checked against the files, and the `meantime-eval` figures kept
//! above a floor well below what is measured (a regression guard; the
//! corpus is for measurement only, nothing is tuned on it).

use std::collections::HashMap;
use std::path::PathBuf;

use chronoline::{evaluate_meantime, read_meantime, Extractor, MeantimeDocument, Span};

use crate::common::shared_data;

fn corpus() -> Option<Vec<(PathBuf, MeantimeDocument)>> {
    let dir = shared_data()?.join("meantime/corpus_apple");
    if !dir.is_dir() {
        eprintln!("skipping: {} is absent", dir.display());
        return None;
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    paths.sort();
    Some(
        paths
            .into_iter()
            .map(|p| {
                let doc = read_meantime(&p).unwrap();
                (p, doc)
            })
            .collect(),
    )
}

/// The `(t_id, text)` of every `<token>` of a CAT file, read independently
/// of the crate's reader.
fn raw_tokens(xml: &str) -> Vec<(String, String)> {
    let mut tokens = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<token ") {
        let tag_end = at + rest[at..].find('>').unwrap();
        let tag = &rest[at..tag_end];
        let id_at = tag.find(" t_id=\"").unwrap() + 7;
        let id = &tag[id_at..id_at + tag[id_at..].find('"').unwrap()];
        let close = tag_end + rest[tag_end..].find("</token>").unwrap();
        let text = rest[tag_end + 1..close]
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        tokens.push((id.to_string(), text));
        rest = &rest[close..];
    }
    tokens
}

#[test]
fn meantime_gold_maps_back_to_its_tokens() {
    let Some(corpus) = corpus() else { return };
    assert_eq!(corpus.len(), 30);
    for (path, doc) in &corpus {
        let name = path.display();
        let text = &doc.document.text;
        let raw = raw_tokens(&std::fs::read_to_string(path).unwrap());
        assert_eq!(raw.len(), doc.tokens.len(), "{name}: tokens");
        let mut last_end = 0;
        for ((t_id, token), span) in raw.iter().zip(&doc.tokens) {
            assert_eq!(
                span.slice(text),
                Some(token.as_str()),
                "{name}: token {t_id}"
            );
            assert!(span.start >= last_end, "{name}: token {t_id} out of order");
            last_end = span.end;
        }
        let starts: HashMap<usize, ()> = doc.tokens.iter().map(|s| (s.start, ())).collect();
        let ends: HashMap<usize, ()> = doc.tokens.iter().map(|s| (s.end, ())).collect();
        let on_tokens =
            |span: Span| starts.contains_key(&span.start) && ends.contains_key(&span.end);
        for timex in &doc.document.timexes {
            assert!(on_tokens(timex.span), "{name}: timex {:?}", timex.text);
            assert_eq!(timex.span.slice(text), Some(timex.text.as_str()));
            assert!(
                timex.span.end <= doc.annotated_end,
                "{name}: {:?}",
                timex.text
            );
        }
        for event in &doc.document.events {
            assert!(on_tokens(event.span), "{name}: event {:?}", event.text);
            assert_eq!(event.span.slice(text), Some(event.text.as_str()));
        }
        assert!(doc.document.dct.is_some(), "{name}: no creation time");
        // every sentence is one line of the text
        for (sentence, line) in doc.document.sentences.iter().zip(text.split('\n')) {
            assert_eq!(sentence.span.slice(text), Some(line), "{name}");
        }
    }
    let (_, known) = corpus
        .iter()
        .find(|(p, _)| p.ends_with("10450_Apple_Computer_CEO.xml"))
        .expect("10450_Apple_Computer_CEO.xml");
    let gold = &known.document;
    assert_eq!(gold.id, "10450_Apple_Computer_CEO");
    assert_eq!(gold.dct.as_ref().unwrap().value(), "2005-06-06");
    assert_eq!(
        known.dct_span.and_then(|s| s.slice(&gold.text)),
        Some("June 6, 2005")
    );
    assert!(gold.text.starts_with(
        "Apple Computer CEO Steve Jobs gives opening keynote to WWDC 2005\nJune 6, 2005\n"
    ));
}

#[test]
fn meantime_figures_stay_above_their_floor() {
    let Some(corpus) = corpus() else { return };
    let gold: Vec<MeantimeDocument> = corpus.into_iter().map(|(_, d)| d).collect();
    let extractor = Extractor::new();
    let system: Vec<_> = gold
        .iter()
        .map(|d| extractor.extract_document(d.to_document()))
        .collect();
    let scores = evaluate_meantime(&gold, &system).unwrap();
    let t = &scores.total;
    assert_eq!(scores.documents.len(), 30);
    assert_eq!(
        (t.timex.gold, t.event.gold, t.event_timex_links.gold),
        (81, 479, 82)
    );
    let figures = [
        ("timex strict F1", t.timex.strict.f1, 0.75),
        ("timex relaxed F1", t.timex.relaxed.f1, 0.80),
        ("timex value F1", t.timex.value_f1, 0.65),
        ("timex type F1", t.timex.type_f1, 0.70),
        ("event F1", t.event.relaxed.f1, 0.60),
        ("event class F1", t.event.class_f1, 0.50),
        ("event-timex link F1", t.event_timex_links.scores.f1, 0.45),
    ];
    for (name, value, floor) in figures {
        assert!(value >= floor, "{name} {value:.4} below {floor}");
    }
}
