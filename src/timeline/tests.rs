//! Timelines from hand-built documents (no extraction involved).

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::model::{LinkEnd, Sentence, TimeLink};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
    date(y, m, d).and_time(NaiveTime::MIN)
}

fn day(y: i32, m: u32, d: u32) -> Interval {
    Interval::day(date(y, m, d))
}

fn month(y: i32, m: u32) -> Interval {
    Interval::month(y, m).unwrap()
}

fn span(from: NaiveDateTime, to: NaiveDateTime, granularity: Granularity) -> Interval {
    Interval::new(from, to, granularity).unwrap()
}

fn fuzzy(mut interval: Interval) -> Interval {
    interval.exact = false;
    interval
}

/// A document whose sentences end at ". ".
fn doc(id: &str, text: &str, dct: Option<&str>) -> Document {
    let mut doc = Document::new(id, text, dct.map(|d| d.parse().unwrap()));
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        doc.sentences.push(Sentence {
            span: Span::new(start, i + 1),
            id: None,
        });
        start = i + 2;
    }
    doc.sentences.push(Sentence {
        span: Span::new(start, text.len()),
        id: None,
    });
    doc
}

fn find(doc: &Document, word: &str) -> Span {
    let start = doc.text.find(word).expect("word in text");
    Span::new(start, start + word.len())
}

fn add_event(doc: &mut Document, id: &str, word: &str, interval: Option<Interval>) {
    let mut event = Event::new(id, find(doc, word), word, EventClass::Occurrence);
    event.interval = interval;
    doc.events.push(event);
}

fn add_timex(doc: &mut Document, id: &str, text: &str, value: &str, interval: Option<Interval>) {
    doc.timexes.push(Timex {
        id: id.into(),
        span: find(doc, text),
        text: text.into(),
        kind: TimexType::Date,
        value: value.into(),
        modifier: None,
        quant: None,
        freq: None,
        begin_point: None,
        end_point: None,
        anchor: None,
        temporal_function: false,
        interval,
        rule: "test".into(),
    });
}

fn texts(timeline: &Timeline) -> Vec<&str> {
    timeline.entries().iter().map(|e| e.text.as_str()).collect()
}

fn index(timeline: &Timeline, text: &str) -> usize {
    timeline
        .entries()
        .iter()
        .position(|e| e.text == text)
        .unwrap_or_else(|| panic!("no entry {text:?} in {:?}", texts(timeline)))
}

/// The seed article, by hand: what the extractor is meant to produce.
fn seed_article() -> Document {
    let mut d = doc(
        "afghanistan",
        "The February 2020 Doha Agreement was cited. A September report described the ban. \
         On 7 September Taliban forces prevented staff from entering. \
         For 91 days staff were denied office access. \
         Speaking at a press conference on Sunday, 7 December, the envoy called for calm. \
         The UN Security Council will convene on Wednesday.",
        Some("2025-12-07"),
    );
    add_timex(
        &mut d,
        "t1",
        "February 2020",
        "2020-02",
        Some(month(2020, 2)),
    );
    add_event(&mut d, "e1", "report", Some(month(2025, 9)));
    add_event(&mut d, "e2", "prevented", Some(day(2025, 9, 7)));
    add_event(
        &mut d,
        "e3",
        "denied",
        Some(span(at(2025, 9, 7), at(2025, 12, 8), Granularity::Day)),
    );
    add_event(&mut d, "e4", "conference", Some(day(2025, 12, 7)));
    add_event(&mut d, "e5", "convene", Some(day(2025, 12, 10)));
    d
}

#[test]
fn the_seed_article_is_in_order() {
    let timeline = Timeline::new(&[seed_article()]);
    assert_eq!(
        texts(&timeline),
        [
            "February 2020",
            "report",
            "prevented",
            "denied",
            "conference",
            "convene"
        ]
    );
    let doha = &timeline.entries()[0];
    assert!(doha.is_timex());
    let [doha, report, prevented, denied, conference, convene] = timeline.entries() else {
        panic!("six entries");
    };
    for later in [report, prevented, denied, conference, convene] {
        assert!(doha.precedes(later));
    }
    assert!(report.precedes(conference));
    assert!(prevented.precedes(conference));
    assert!(conference.precedes(convene));
    assert_eq!(denied.relation_to(prevented), Some(TimeRelation::StartedBy));
    assert_eq!(prevented.relation_to(denied), Some(TimeRelation::Starts));
    assert_eq!(
        denied.relation_to(conference),
        Some(TimeRelation::FinishedBy)
    );
    assert_eq!(report.relation_to(prevented), Some(TimeRelation::Contains));
    let csv = timeline.to_csv();
    let denial = csv.lines().find(|l| l.contains(",denied,")).unwrap();
    assert!(denial.contains("2025-09-07T00:00,2025-12-08T00:00,day,true"));
}

#[test]
fn order_is_start_then_end_then_granularity_then_document() {
    let mut a = doc("a", "x1 x2 x3 x4 x5", None);
    add_event(&mut a, "e1", "x1", Some(month(2025, 9)));
    add_event(&mut a, "e2", "x2", Some(day(2025, 9, 1)));
    add_event(&mut a, "e3", "x3", Some(day(2025, 8, 31)));
    let mut coarse = day(2025, 9, 1);
    coarse.granularity = Granularity::Month;
    add_event(&mut a, "e4", "x4", Some(coarse));
    add_event(&mut a, "e5", "x5", Some(day(2025, 9, 1)));
    let mut b = doc("b", "y1", None);
    add_event(&mut b, "e1", "y1", Some(day(2025, 9, 1)));
    let timeline = Timeline::with_options(
        &[b.clone(), a.clone()],
        &TimelineOptions {
            merge: false,
            ..TimelineOptions::default()
        },
    );
    // Same day: b comes first because it was given first.
    assert_eq!(texts(&timeline), ["x3", "y1", "x2", "x5", "x4", "x1"]);

    // The order does not depend on the order of events inside a document.
    a.events.reverse();
    let again = Timeline::with_options(
        &[b, a],
        &TimelineOptions {
            merge: false,
            ..TimelineOptions::default()
        },
    );
    assert_eq!(texts(&again), texts(&timeline));
}

#[test]
fn exact_intervals_give_every_allen_relation() {
    use TimeRelation::*;
    let iv = |a: u32, b: u32| span(at(2025, 1, a), at(2025, 1, b), Granularity::Day);
    let cases = [
        (iv(1, 3), iv(5, 7), Before),
        (iv(1, 3), iv(3, 7), Meets),
        (iv(1, 5), iv(3, 7), Overlaps),
        (iv(1, 3), iv(1, 7), Starts),
        (iv(2, 3), iv(1, 7), During),
        (iv(5, 7), iv(1, 7), Finishes),
        (iv(1, 7), iv(1, 7), Equals),
    ];
    for (a, b, relation) in cases {
        assert_eq!(TimeRelation::of_intervals(&a, &b), Some(relation));
        assert_eq!(
            TimeRelation::of_intervals(&b, &a),
            Some(relation.inverse()),
            "{relation:?} inverted"
        );
    }
}

#[test]
fn approximate_bounds_do_not_claim_precedence() {
    let early_september = fuzzy(span(at(2025, 9, 1), at(2025, 9, 11), Granularity::Day));
    let seventh = day(2025, 9, 7);
    let twentieth = day(2025, 9, 20);
    assert_eq!(TimeRelation::of_intervals(&early_september, &seventh), None);
    assert_eq!(TimeRelation::of_intervals(&seventh, &early_september), None);
    assert_eq!(
        TimeRelation::of_intervals(&early_september, &twentieth),
        Some(TimeRelation::Before)
    );
    let mut d = doc("d", "early seventh twentieth", None);
    add_event(&mut d, "e1", "early", Some(early_september));
    add_event(&mut d, "e2", "seventh", Some(seventh));
    add_event(&mut d, "e3", "twentieth", Some(twentieth));
    let timeline = Timeline::new(&[d]);
    let (e, s, t) = (
        &timeline.entries()[index(&timeline, "early")],
        &timeline.entries()[index(&timeline, "seventh")],
        &timeline.entries()[index(&timeline, "twentieth")],
    );
    assert!(!e.precedes(s) && !s.precedes(e));
    assert!(
        !e.overlaps(s),
        "a fuzzy interval does not certainly hold 7 September"
    );
    assert!(e.precedes(t));
    // Two fuzzy intervals are never equal, even with the same bounds.
    assert_eq!(
        TimeRelation::of_intervals(&early_september, &early_september),
        None
    );
}

#[test]
fn events_with_only_a_dct_relation_are_placed_by_it() {
    let mut d = doc("d", "report earlier today later next", Some("2025-12-07"));
    add_event(&mut d, "e1", "report", Some(month(2025, 9)));
    add_event(&mut d, "e3", "today", Some(day(2025, 12, 7)));
    add_event(&mut d, "e5", "next", Some(day(2025, 12, 10)));
    for (id, word, relation) in [
        ("e2", "earlier", Relation::Before),
        ("e4", "later", Relation::After),
    ] {
        let mut event = Event::new(id, find(&d, word), word, EventClass::Occurrence);
        event.time = Some("t0".into());
        event.relation = Some(relation);
        d.events.push(event);
    }
    let timeline = Timeline::new(&[d]);
    assert_eq!(
        texts(&timeline),
        ["report", "earlier", "today", "later", "next"]
    );
    let entries = timeline.entries();
    let earlier = &entries[1];
    assert_eq!(earlier.interval, None);
    assert_eq!(earlier.dct_relation, Some(Relation::Before));
    assert_eq!(earlier.value.as_deref(), Some("2025-12-07"));
    assert!(earlier.precedes(&entries[2]));
    assert!(earlier.precedes(&entries[4]));
    assert!(!entries[0].precedes(earlier), "unknown how long before");
    assert!(entries[3].follows(&entries[2]));
    assert!(entries[3].follows(earlier));
    assert_eq!(
        timeline.relation(3, 1),
        Some(TimeRelation::After),
        "after the DCT is after before the DCT"
    );
    let csv = timeline.to_csv();
    assert!(csv.contains(",BEFORE 2025-12-07,,,,,,event,earlier,"));
}

#[test]
fn timexes_that_date_an_event_are_not_entries() {
    let mut d = doc(
        "d",
        "The talks on 7 December ended. The 2020 accord stands. It lasted three months.",
        Some("2025-12-07"),
    );
    add_timex(
        &mut d,
        "t1",
        "7 December",
        "2025-12-07",
        Some(day(2025, 12, 7)),
    );
    add_timex(
        &mut d,
        "t2",
        "2020",
        "2020",
        Some(span(at(2020, 1, 1), at(2021, 1, 1), Granularity::Year)),
    );
    add_timex(&mut d, "t3", "three months", "P3M", None);
    let mut talks = Event::new("e1", find(&d, "ended"), "ended", EventClass::Aspectual);
    talks.time = Some("t1".into());
    talks.relation = Some(Relation::IsIncluded);
    d.events.push(talks);
    let timeline = Timeline::new(&[d.clone()]);
    assert_eq!(texts(&timeline), ["2020", "ended"]);
    let ended = &timeline.entries()[1];
    assert_eq!(ended.interval, Some(day(2025, 12, 7)), "inherited from t1");
    assert_eq!(ended.value.as_deref(), Some("2025-12-07"));
    assert_eq!(ended.timex_type, Some(TimexType::Date));
    assert_eq!(ended.sentence_index, Some(0));
    assert_eq!(ended.sentence, "The talks on 7 December ended.");
    assert_eq!(timeline.entries()[0].kind, EntryKind::Timex);
    assert_eq!(timeline.entries()[0].sentence_index, Some(1));

    // A TLINK also makes a timex one that dates an event.
    d.events[0].time = None;
    d.events[0].relation = None;
    d.links.push(TimeLink {
        id: "l1".into(),
        source: LinkEnd::Event("ei1".into()),
        target: LinkEnd::Time("t1".into()),
        relation: Relation::IsIncluded,
    });
    assert_eq!(texts(&Timeline::new(&[d.clone()])), ["2020"]);

    let without = Timeline::with_options(
        &[d],
        &TimelineOptions {
            timexes: false,
            ..TimelineOptions::default()
        },
    );
    assert!(without.is_empty());
}

#[test]
fn undated_events_come_last_when_asked_for() {
    let mut d = doc("d", "won lost drew", None);
    add_event(&mut d, "e1", "won", None);
    add_event(&mut d, "e2", "lost", Some(day(2025, 1, 1)));
    add_event(&mut d, "e3", "drew", None);
    assert_eq!(texts(&Timeline::new(&[d.clone()])), ["lost"]);
    let all = Timeline::with_options(
        &[d],
        &TimelineOptions {
            undated: true,
            ..TimelineOptions::default()
        },
    );
    assert_eq!(texts(&all), ["lost", "won", "drew"]);
    assert!(all
        .to_csv()
        .lines()
        .nth(2)
        .unwrap()
        .starts_with("2,,,,,,,event,won,"));
}

fn council(id: &str, sentence: &str, trigger: &str, when: Interval) -> Document {
    let mut d = doc(id, sentence, Some("2025-12-07"));
    add_event(&mut d, "e1", trigger, Some(when));
    d
}

#[test]
fn the_same_event_merges_across_documents() {
    let a = council(
        "a",
        "The UN Security Council will convene on Afghanistan.",
        "convene",
        day(2025, 12, 10),
    );
    let b = council(
        "b",
        "The Security Council convened on Afghanistan, the UN said.",
        "convened",
        day(2025, 12, 10),
    );
    let timeline = Timeline::new(&[a.clone(), b.clone()]);
    assert_eq!(timeline.len(), 1);
    let entry = &timeline.entries()[0];
    assert_eq!(entry.document, "a");
    assert_eq!(entry.mentions.len(), 1);
    assert_eq!(entry.mentions[0].document, "b");
    assert_eq!(entry.mentions[0].text, "convened");
    assert!(timeline
        .to_csv()
        .lines()
        .nth(1)
        .unwrap()
        .contains(",2,a;b,"));

    let off = TimelineOptions {
        merge: false,
        ..TimelineOptions::default()
    };
    assert_eq!(
        Timeline::with_options(&[a.clone(), b.clone()], &off).len(),
        2
    );

    let strict = TimelineOptions {
        merge_threshold: 1.01,
        ..TimelineOptions::default()
    };
    assert_eq!(
        Timeline::with_options(&[a.clone(), b.clone()], &strict).len(),
        2
    );

    // Other days, other names, or another trigger: different events.
    let later = council(
        "c",
        "The UN Security Council will convene on Afghanistan.",
        "convene",
        day(2025, 12, 17),
    );
    assert_eq!(Timeline::new(&[a.clone(), later]).len(), 2);
    let elsewhere = council(
        "d",
        "The African Union will convene in Addis Ababa.",
        "convene",
        day(2025, 12, 10),
    );
    assert_eq!(Timeline::new(&[a.clone(), elsewhere]).len(), 2);
    let other = council(
        "e",
        "The UN Security Council will vote on Afghanistan.",
        "vote",
        day(2025, 12, 10),
    );
    assert_eq!(Timeline::new(&[a, other]).len(), 2);
}

#[test]
fn a_merged_entry_never_holds_two_mentions_of_one_document() {
    let mut a = doc(
        "a",
        "Apple unveiled the iPhone. Apple unveiled the iPad.",
        None,
    );
    let first = Span::new(6, 14);
    let second = Span::new(33, 41);
    assert_eq!(first.slice(&a.text), Some("unveiled"));
    assert_eq!(second.slice(&a.text), Some("unveiled"));
    for (id, s) in [("e1", first), ("e2", second)] {
        let mut e = Event::new(id, s, "unveiled", EventClass::Occurrence);
        e.interval = Some(day(2010, 6, 7));
        a.events.push(e);
    }
    let b = council("b", "Apple unveils the iPhone.", "unveils", day(2010, 6, 7));
    let timeline = Timeline::new(&[a, b]);
    assert_eq!(timeline.len(), 2);
    let merged: Vec<&TimelineEntry> = timeline
        .entries()
        .iter()
        .filter(|e| !e.mentions.is_empty())
        .collect();
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].sentence, "Apple unveiled the iPhone.");
}

#[test]
fn about_keeps_entries_whose_sentence_names_the_entity() {
    let mut d = doc(
        "d",
        "Sales of the IPHONE 4's case rose. Apple's profit fell. Applebee's opened. Jobs resigned.",
        None,
    );
    add_event(&mut d, "e1", "rose", Some(day(2010, 7, 1)));
    add_event(&mut d, "e2", "fell", Some(day(2010, 7, 2)));
    add_event(&mut d, "e3", "opened", Some(day(2010, 7, 3)));
    add_event(&mut d, "e4", "resigned", Some(day(2011, 8, 24)));
    let timeline = Timeline::new(&[d]);
    assert_eq!(texts(&timeline.about("iPhone 4")), ["rose"]);
    assert_eq!(texts(&timeline.about("iphone 4")), ["rose"]);
    assert_eq!(texts(&timeline.about("apple")), ["fell"]);
    assert_eq!(texts(&timeline.about("Apples")), ["fell"]);
    assert_eq!(
        texts(&timeline.about_any(&["Steve Jobs", "Jobs"])),
        ["resigned"]
    );
    assert!(timeline.about("Samsung").is_empty());
    assert!(timeline.about("").is_empty());
}

#[test]
fn json_round_trips() {
    let timeline = Timeline::new(&[seed_article()]);
    let back: Timeline = serde_json::from_str(&timeline.to_json()).unwrap();
    assert_eq!(back, timeline);
    assert!(timeline.to_json().contains(r#""kind":"timex""#));
}

#[test]
fn csv_has_the_documented_columns_and_quotes_fields() {
    let mut d = doc(
        "d \"one\"",
        "Talks, they said, \"ended\" in September.",
        None,
    );
    add_event(&mut d, "e1", "ended", Some(month(2025, 9)));
    let csv = Timeline::new(&[d]).to_csv();
    let mut lines = csv.lines();
    assert_eq!(lines.next().unwrap(), CSV_COLUMNS.join(","));
    assert_eq!(
        lines.next().unwrap(),
        "1,2025-09,2025-09-01T00:00,2025-10-01T00:00,month,true,,event,ended,OCCURRENCE,,,,event,\
         \"d \"\"one\"\"\",e1,0,,19,24,1,\"d \"\"one\"\"\",\
         \"Talks, they said, \"\"ended\"\" in September.\""
    );
    assert_eq!(lines.next(), None);
}

#[test]
fn dates_are_written_at_their_granularity() {
    let cases = [
        (at(2025, 12, 7), Granularity::Day, "2025-12-07"),
        (at(2025, 12, 1), Granularity::Week, "2025-W49"),
        (at(2025, 10, 1), Granularity::Quarter, "2025-Q4"),
        (at(2024, 6, 1), Granularity::Season, "2024-SU"),
        (at(2024, 12, 1), Granularity::Season, "2024-WI"),
        (at(2023, 7, 1), Granularity::Half, "2023-H2"),
        (at(1990, 1, 1), Granularity::Decade, "199"),
        (at(1900, 1, 1), Granularity::Century, "19"),
        (
            date(2025, 12, 10).and_hms_opt(19, 30, 0).unwrap(),
            Granularity::Minute,
            "2025-12-10T19:30",
        ),
        // Not the start of a unit: written at a finer granularity.
        (at(2021, 12, 7), Granularity::Year, "2021-12-07"),
        (at(2025, 9, 7), Granularity::Month, "2025-09-07"),
        (at(2025, 11, 16), Granularity::Week, "2025-11-16"),
        (at(2025, 4, 1), Granularity::Half, "2025-Q2"),
    ];
    for (instant, granularity, want) in cases {
        assert_eq!(date_at(instant, granularity), want);
    }
}

#[test]
fn timelinejs_has_dates_to_the_granularity() {
    let timeline = Timeline::new(&[seed_article()]);
    let json: serde_json::Value = serde_json::from_str(&timeline.to_timelinejs()).unwrap();
    let events = json["events"].as_array().unwrap();
    assert_eq!(events.len(), 6);
    assert_eq!(
        events[1]["start_date"],
        serde_json::json!({"year": 2025, "month": 9})
    );
    assert!(events[1].get("end_date").is_none());
    assert_eq!(events[3]["text"]["headline"], "denied");
    assert_eq!(
        events[3]["end_date"],
        serde_json::json!({"year": 2025, "month": 12, "day": 7})
    );
    assert_eq!(events[5]["unique_id"], "afghanistan-e5");
}

#[test]
fn lemmas_join_inflections() {
    for (a, b) in [
        ("convened", "convene"),
        ("convening", "convenes"),
        ("said", "says"),
        ("attacks", "attacked"),
        ("studies", "study"),
    ] {
        assert_eq!(lemma(a), lemma(b), "{a} / {b}");
    }
    assert_ne!(lemma("process"), lemma("proceed"));
    assert_eq!(word_key("Apple's"), "apple");
    assert_eq!(word_key("boxes"), "box");
    assert_eq!(word_key("bus"), "bus");
}

#[test]
fn the_dct_with_a_time_is_its_minute() {
    let dct: Dct = "2025-12-07T09:30+04:30".parse().unwrap();
    let interval = dct_interval(&dct);
    assert_eq!(interval.granularity, Granularity::Minute);
    assert_eq!(interval.utc_offset_minutes, Some(270));
    assert_eq!(interval.end - interval.start, Duration::minutes(1));
}

#[test]
fn semeval_output_ranks_dated_entries_and_puts_undated_ones_first() {
    let mut a = doc(
        "16844",
        "Apple unveiled the iPhone 4. It sold well. It was praised.",
        None,
    );
    add_event(&mut a, "e1", "unveiled", Some(day(2010, 6, 7)));
    add_event(&mut a, "e2", "sold", Some(month(2010, 6)));
    add_event(&mut a, "e3", "praised", None);
    a.sentences[1].id = Some("7".into());
    let mut b = doc("16900", "Apple unveiled the iPhone 4 in Cupertino.", None);
    add_event(&mut b, "e1", "unveiled", Some(day(2010, 6, 7)));
    let mut c = doc("17000", "The iPhone 4 was released.", None);
    add_event(&mut c, "e1", "released", Some(day(2010, 6, 24)));
    let mut q = doc("17001", "Sales fell.", None);
    add_event(
        &mut q,
        "e1",
        "fell",
        Some(span(at(2010, 7, 1), at(2010, 10, 1), Granularity::Quarter)),
    );
    let timeline = Timeline::with_options(
        &[a, b, c, q],
        &TimelineOptions {
            undated: true,
            ..TimelineOptions::default()
        },
    );
    assert_eq!(
        timeline.to_semeval2015("iPhone 4"),
        "iPhone 4\n\
         0\tXXXX-XX-XX\t16844-3-praised\n\
         1\t2010-06\t16844-7-sold\n\
         2\t2010-06-07\t16844-1-unveiled\t16900-1-unveiled\n\
         3\t2010-06-24\t17000-1-released\n\
         4\t2010\t17001-1-fell\n"
    );
    // A timeline scores perfectly against itself.
    let out = timeline.to_semeval2015("iPhone 4");
    let scores = evaluate_timeline(&out, &out).unwrap();
    assert_eq!((scores.matched, scores.f1), (6, 1.0));
}

fn before_dct(doc: &mut Document, id: &str, word: &str) {
    let mut event = Event::new(id, find(doc, word), word, EventClass::Occurrence);
    event.time = Some("t0".into());
    event.relation = Some(Relation::Before);
    doc.events.push(event);
}

#[test]
fn context_dating_takes_the_last_date_of_the_sentence_or_the_one_before() {
    let mut d = doc(
        "d",
        "In March 2006, Apple Corps sued Apple. The label appealed. Much later it settled. \
         Recently it won.",
        Some("2025-12-07"),
    );
    add_timex(&mut d, "t1", "March 2006", "2006-03", Some(month(2006, 3)));
    add_timex(
        &mut d,
        "t2",
        "Recently",
        "PAST_REF",
        Some(fuzzy(span(
            at(2025, 9, 1),
            at(2025, 12, 8),
            Granularity::Month,
        ))),
    );
    for (id, word) in [
        ("e1", "sued"),
        ("e2", "appealed"),
        ("e3", "settled"),
        ("e4", "won"),
    ] {
        before_dct(&mut d, id, word);
    }
    let plain = Timeline::new(&[d.clone()]);
    assert!(plain
        .entries()
        .iter()
        .all(|e| e.is_timex() || e.dated_by == DatedBy::Dct));
    let options = TimelineOptions {
        context_dating: true,
        timexes: false,
        ..TimelineOptions::default()
    };
    let timeline = Timeline::with_options(&[d], &options);
    assert_eq!(texts(&timeline), ["sued", "appealed", "settled", "won"]);
    for entry in &timeline.entries()[..2] {
        assert_eq!(entry.dated_by, DatedBy::Context);
        assert_eq!(entry.value.as_deref(), Some("2006-03"));
        let interval = entry.interval.unwrap();
        assert_eq!((interval.start, interval.exact), (at(2006, 3, 1), false));
        assert_eq!(entry.dct_relation, None);
    }
    // Two sentences on, and after a vague reference: still placed by the DCT.
    for entry in &timeline.entries()[2..] {
        assert_eq!(entry.dated_by, DatedBy::Dct);
        assert_eq!(entry.interval, None);
    }
    assert!(timeline.to_csv().contains(",context,d,e1,"));
}

#[test]
fn entries_know_their_sentence_span() {
    let timeline = Timeline::new(&[seed_article()]);
    let text = seed_article().text;
    for entry in timeline.entries() {
        let span = entry.sentence_span.expect("a sentence");
        assert_eq!(span.slice(&text), Some(entry.sentence.as_str()));
        let offset = entry.span.start - span.start;
        assert!(entry.sentence[offset..].starts_with(&entry.text));
    }
    let dated: Vec<DatedBy> = timeline.entries().iter().map(|e| e.dated_by).collect();
    assert_eq!(dated[0], DatedBy::Timex);
    assert!(dated[1..].iter().all(|d| *d == DatedBy::Event));
}

#[test]
fn about_near_keeps_events_close_to_the_name() {
    let mut d = doc(
        "d",
        "Steve Jobs unveiled the phone while analysts in New York said sales would fall. \
         Jobs resigned.",
        None,
    );
    add_event(&mut d, "e1", "unveiled", Some(day(2010, 6, 7)));
    add_event(&mut d, "e2", "said", Some(day(2010, 6, 7)));
    add_event(&mut d, "e3", "fall", Some(day(2010, 6, 8)));
    add_event(&mut d, "e4", "resigned", Some(day(2011, 8, 24)));
    let timeline = Timeline::new(&[d]);
    assert_eq!(timeline.about("Steve Jobs").len(), 3);
    assert_eq!(
        texts(&timeline.about_near(&["Steve Jobs", "Jobs"], 3)),
        ["unveiled", "resigned"]
    );
    assert_eq!(
        texts(&timeline.about_near(&["Jobs"], 0)),
        Vec::<&str>::new()
    );
    assert_eq!(
        texts(&timeline.about_near(&["Jobs"], 1)),
        ["unveiled", "resigned"]
    );
}

#[test]
fn semeval_output_names_a_mention_once() {
    let text = "It dropped and dropped again.";
    let mut d = doc("17036", text, Some("2010-07-16"));
    for (id, start) in [("e1", 3), ("e2", 15)] {
        let mut e = Event::new(
            id,
            Span::new(start, start + 7),
            "dropped",
            EventClass::Occurrence,
        );
        e.interval = Some(day(2010, 7, 1));
        d.events.push(e);
    }
    let out = Timeline::new(&[d]).to_semeval2015("iPhone 4");
    assert_eq!(out, "iPhone 4\n1\t2010-07-01\t17036-1-dropped\n");
}
