//! The scorer over the training corpora.

use chronoline::{evaluate, is_dev_file, read_timeml, Document};

use crate::common::{shared_data, tml_files};

#[test]
fn the_gold_scores_perfectly_against_itself() {
    let Some(data) = shared_data() else { return };
    for dir in ["tempeval3/train/timebank", "tempeval3/train/aquaint"] {
        let docs: Vec<Document> = tml_files(&data.join(dir))
            .iter()
            .map(|p| read_timeml(p).unwrap())
            .collect();
        let s = evaluate(&docs, &docs).unwrap();
        for (name, figure) in [
            ("timex strict", s.timex.strict.f1),
            ("timex relaxed", s.timex.relaxed.f1),
            ("timex value", s.timex.value_f1),
            ("timex type", s.timex.type_f1),
            ("event relaxed", s.event.relaxed.f1),
            ("event class", s.event.class_f1),
            ("event-timex links", s.event_timex_links.scores.f1),
        ] {
            assert_eq!(figure, 1.0, "{dir}: {name}");
        }
        assert!(s.errors.is_empty());
        assert!(
            s.event_timex_links.gold > 100,
            "{dir}: {:?}",
            s.event_timex_links
        );
    }
}

#[test]
fn an_empty_system_scores_zero_and_lists_every_miss() {
    let Some(data) = shared_data() else { return };
    let gold: Vec<Document> = tml_files(&data.join("tempeval3/train/aquaint"))
        .iter()
        .map(|p| read_timeml(p).unwrap())
        .collect();
    let system: Vec<Document> = gold
        .iter()
        .map(|d| Document::new(d.id.clone(), d.text.clone(), d.dct.clone()))
        .collect();
    let s = evaluate(&gold, &system).unwrap();
    assert_eq!(s.timex.relaxed.recall, 0.0);
    assert_eq!(s.timex.system, 0);
    let listed: usize = s.errors.iter().map(|d| d.errors.len()).sum();
    assert_eq!(
        listed,
        s.timex.gold + s.event.gold + s.event_timex_links.gold
    );
}

#[test]
fn the_dev_split_holds_about_a_fifth_of_the_training_files() {
    let Some(data) = shared_data() else { return };
    let mut all = 0;
    let mut dev = 0;
    for dir in ["tempeval3/train/timebank", "tempeval3/train/aquaint"] {
        for path in tml_files(&data.join(dir)) {
            all += 1;
            dev += usize::from(is_dev_file(path.file_name().unwrap().to_str().unwrap()));
        }
    }
    assert_eq!((all, dev), (256, 48));
}
