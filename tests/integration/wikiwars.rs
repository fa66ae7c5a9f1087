//! WikiWars (narrative text, TIMEX2 gold): the `wikiwars-eval` scorer run
//! on the 16 training documents in narrative mode, with the thresholds the
//! timex engine must keep.

use chronoline::{evaluate_timex2, read_timex2, Extractor, Mode, Options};

use crate::common::shared_data;

#[test]
fn wikiwars_extents_and_plain_date_values_meet_their_thresholds() {
    let Some(data) = shared_data() else { return };
    let train = data.join("wikiwars/train");
    let inline = train.join("timex2-inline");
    if !inline.is_dir() {
        eprintln!("skipping: {} is absent", inline.display());
        return;
    }
    let mut names: Vec<String> = std::fs::read_dir(&inline)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".key.xml"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 16);
    let extractor = Extractor::with_options(Options {
        mode: Mode::Narrative,
        events: false,
        ..Options::default()
    });
    let mut gold = Vec::new();
    let mut system = Vec::new();
    for name in &names {
        let mut doc = read_timex2(inline.join(name)).unwrap();
        let raw = read_timex2(train.join("raw").join(name.replace(".key.xml", ".sgm"))).unwrap();
        assert_eq!(raw.text, doc.text, "{name}: the raw text");
        assert!(raw.dct.is_some(), "{name}: a DATETIME");
        doc.dct = raw.dct;
        system.push(extractor.extract_document(doc.to_document()));
        gold.push(doc);
    }
    let s = evaluate_timex2(&gold, &system).unwrap();
    // The outermost TIMEX2s, as the corpus's TIMEX3 version counts them.
    assert_eq!(s.gold, 2139);
    assert!(s.plain_dates > 1200, "{} plain-date pairs", s.plain_dates);
    assert!(s.relaxed.f1 >= 0.90, "relaxed F1 {:.4}", s.relaxed.f1);
    assert!(
        s.plain_date_accuracy >= 0.85,
        "plain-date value accuracy {:.4} ({} of {})",
        s.plain_date_accuracy,
        s.plain_dates_correct,
        s.plain_dates
    );
}
