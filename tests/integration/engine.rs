//! The temporal expression engine on hostile and large inputs: it never
//! panics, every span is a char-boundary slice of the text, and the work
//! grows linearly with the input.

use std::time::Instant;

use chronoline::{Dct, Document, Extractor, Mode, Options};

/// A small deterministic generator, so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "7",
    "30",
    "2025",
    "1990s",
    "'90s",
    "12/07/2025",
    "2025-02-30",
    "7:30",
    "9.30",
    "p.m.",
    "a.m",
    "EST",
    "Kabul",
    "time",
    "December",
    "Dec.",
    "May",
    "Sunday",
    ",",
    "-",
    "/",
    ":",
    ".",
    "(",
    ")",
    "the",
    "past",
    "next",
    "three",
    "twenty",
    "-",
    "one",
    "days",
    "weeks",
    "ago",
    "early",
    "mid",
    "-",
    "late",
    "since",
    "until",
    "from",
    "to",
    "between",
    "and",
    "every",
    "twice",
    "a",
    "year",
    "quarter",
    "Q",
    "4",
    "fiscal",
    "BC",
    "AD",
    "that",
    "afternoon",
    "tonight",
    "now",
    "recent",
    "coming",
    "é",
    "日本",
    "\u{2019}",
    "\u{2013}",
    "\n\n",
    " ",
    "  ",
    "New",
    "Year",
    "'s",
    "Eve",
    "Good",
    "Friday",
    "half",
    "an",
    "hour",
    "1600",
    "hours",
    "T",
    "09:30",
    "o'clock",
    "noon",
    "midnight",
    "99999999",
    "0",
    "00:00:00",
    "24:00",
    "31",
    "April",
];

fn check(doc: &Document) {
    for t in &doc.timexes {
        assert_eq!(
            doc.text.get(t.span.start..t.span.end),
            Some(t.text.as_str())
        );
        assert!(!t.rule.is_empty());
        assert!(!t.value.is_empty(), "{:?} has no value", t.text);
        if let Some(i) = t.interval {
            assert!(i.start < i.end, "{:?} has an empty interval", t.text);
        }
    }
}

#[test]
fn random_token_soup_never_panics() {
    let news = Extractor::new();
    let narrative = Extractor::with_options(Options {
        mode: Mode::Narrative,
        ..Options::default()
    });
    let dct: Dct = "2025-12-07".parse().expect("a valid DCT");
    let mut rng = Lcg(7);
    for _ in 0..400 {
        let len = (rng.next() % 40) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(rng.pick(PIECES));
            if rng.next() % 3 != 0 {
                text.push(' ');
            }
        }
        check(&news.extract(&text, Some(dct.clone())));
        check(&news.extract(&text, None));
        check(&narrative.extract(&text, None));
    }
}

#[test]
fn odd_inputs_never_panic() {
    let extractor = Extractor::new();
    for text in [
        "",
        " ",
        "\u{0}",
        "99999999999999999999 days",
        "9999999999 years ago",
        "the 99999th century",
        "February 29, 1900",
        "31/31/31",
        "24:61",
        "12 p.m. 0 a.m. 13 p.m.",
        "-5 days",
        "AD 0",
        "0 BC",
        "9999 BC",
        "December 31, 2199 and a week later",
        "Q0 Q5 Q4",
        "mid-",
        "early",
        "the end of",
        "'",
        "'9",
        "1-2-3-4-5-6-7",
    ] {
        check(&extractor.extract(text, Some("2199-12-31".parse().expect("a valid DCT"))));
        check(&extractor.extract(text, None));
    }
}

#[test]
fn work_grows_linearly() {
    let extractor = Extractor::with_options(Options {
        events: false,
        ..Options::default()
    });
    let sentence = "On Sunday, 7 December, the council said it will meet on Wednesday at 7:30 p.m. Kabul time, after 91 days of talks since 2021. ";
    let small: String = sentence.repeat(200);
    let large: String = sentence.repeat(1600);
    // The fastest of five runs: a busy machine only ever adds time, so the
    // minimum is the figure least disturbed by other processes.
    let time = |text: &str| {
        let mut fastest = f64::INFINITY;
        let mut found = 0;
        for _ in 0..5 {
            let start = Instant::now();
            let doc = extractor.extract(text, Some("2025-12-07".parse().expect("a valid DCT")));
            fastest = fastest.min(start.elapsed().as_secs_f64());
            found = doc.timexes.len();
        }
        (fastest, found)
    };
    let (t_small, n_small) = time(&small);
    let (t_large, n_large) = time(&large);
    assert_eq!(n_large, 8 * n_small);
    // Eight times the text may take at most about eight times as long,
    // with slack for a busy machine.
    assert!(
        t_large < 20.0 * t_small.max(0.001),
        "{t_small:.4}s for 1x, {t_large:.4}s for 8x"
    );
}

#[test]
fn a_dateline_gives_the_document_date() {
    use chronoline::DctSource;
    let doc = Extractor::new().extract(
        "WASHINGTON, March 22, 1998 (AP) - The council will meet on Wednesday, officials said.",
        None,
    );
    let dct = doc.dct.as_ref().expect("the dateline gives a DCT");
    assert_eq!(dct.value(), "1998-03-22");
    match &dct.source {
        DctSource::Inferred { span, rule } => {
            assert_eq!(rule, "dateline");
            assert_eq!(&doc.text[span.start..span.end], "March 22, 1998");
        }
        other => panic!("expected an inferred DCT, got {other:?}"),
    }
    let wednesday = doc
        .timexes
        .iter()
        .find(|t| t.text == "Wednesday")
        .expect("Wednesday");
    assert_eq!(wednesday.value, "1998-03-25");
}

#[test]
fn the_first_full_date_gives_the_document_date() {
    use chronoline::DctSource;
    let doc = Extractor::new().extract(
        "Talks stalled.\n\nThe envoy arrived on 3 May 2024 and left two days later.",
        None,
    );
    let dct = doc.dct.as_ref().expect("the first full date gives a DCT");
    assert_eq!(dct.value(), "2024-05-03");
    assert!(matches!(&dct.source, DctSource::Inferred { rule, .. } if rule == "first_full_date"));
    let later = doc
        .timexes
        .iter()
        .find(|t| t.text == "two days later")
        .expect("two days later");
    assert_eq!(later.value, "2024-05-05");
}

#[test]
fn without_an_anchor_values_stay_underspecified() {
    let doc = Extractor::new().extract(
        "The vote is on 7 December; the count follows on Wednesday.",
        None,
    );
    assert!(doc.dct.is_none());
    let values: Vec<&str> = doc.timexes.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["XXXX-12-07", "XXXX-WXX-3"]);
    assert!(doc.timexes.iter().all(|t| t.interval.is_none()));
}

#[test]
fn narrative_mode_anchors_to_the_last_date_mentioned() {
    let extractor = Extractor::with_options(Options {
        mode: Mode::Narrative,
        ..Options::default()
    });
    let doc = extractor.extract(
        "The offensive opened in June 1941. On 22 June the border was crossed; by December the front had stalled, and the next day the counterattack began.",
        Some("2009-12-19".parse().expect("a valid DCT")),
    );
    let value = |text: &str| {
        doc.timexes
            .iter()
            .find(|t| t.text == text)
            .map(|t| t.value.clone())
            .unwrap_or_else(|| panic!("no {text:?}"))
    };
    assert_eq!(value("June 1941"), "1941-06");
    assert_eq!(value("22 June"), "1941-06-22");
    assert_eq!(value("December"), "1941-12");
}
