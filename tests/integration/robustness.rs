//! Robustness: property tests over generated text, adversarial inputs, and
//! bad configuration and files. Sizes are kept small enough for a debug
//! build; `benchmarks/scaling.py` and `scripts/fuzz-smoke.sh` run the big
//! ones.

use chronoline::{
    annotation_problems, document_problems, every_extractor, is_valid_timex_value, parse_timeml,
    read_timeml, to_timeml, Dct, Document, ErrorKind, Extractor, Mode, Prefer,
};
use proptest::prelude::*;

fn assert_sound(doc: &Document) {
    let found = document_problems(doc);
    assert!(
        found.is_empty(),
        "text {:?}:\n{}",
        doc.text,
        found.join("\n")
    );
}

/// Phrases the rules know, so generated texts exercise them and not only
/// the "nothing here" path.
const TEMPORAL: &[&str] = &[
    "7 December 2025",
    "Sunday, 7 December",
    "on Wednesday",
    "will convene on Wednesday",
    "for 91 days",
    "the past three months",
    "since 2021",
    "over the past four years",
    "two decades",
    "in recent weeks",
    "in the coming days",
    "at 7:30 p.m. Kabul time",
    "in early September",
    "the February 2020 Doha Agreement",
    "the day before",
    "the next day",
    "last week",
    "next year",
    "this Friday",
    "2025-W49",
    "Q4",
    "the 1990s",
    "the 20th century",
    "480 BC",
    "the previous century",
    "a minute and a half",
    "yesterday morning",
    "tonight",
    "every Monday",
    "31 February 2025",
    "25:61",
    "1/2/3",
    "12/31/1999",
    "2882015",
    "mid-2024",
    "the summer of 1969",
    "two weeks ago",
    "three days later",
    "noon",
    "midnight",
    "Dec. 7",
    "said",
    "the meeting",
    "attacked",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(TEMPORAL).prop_map(str::to_string),
        2 => "[A-Za-z]{1,10}",
        2 => "[0-9]{1,6}",
        1 => "[ \t\n.,;:!?'\"()/-]{1,3}",
        1 => any::<String>(),
        1 => "\\PC{1,8}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..24).prop_map(|pieces| pieces.join(" "))
}

fn dct() -> impl Strategy<Value = Option<Dct>> {
    prop_oneof![
        1 => Just(None),
        3 => (1i32..=9999, 1u32..=366).prop_map(|(year, day)| {
            chrono::NaiveDate::from_yo_opt(year, day.min(365)).map(Dct::from_date)
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn extraction_keeps_its_promises(text in text(), dct in dct(), which in 0usize..12) {
        let doc = every_extractor()[which].extract(&text, dct);
        let found = document_problems(&doc);
        prop_assert!(found.is_empty(), "{}", found.join("\n"));
    }

    #[test]
    fn extraction_is_deterministic(text in text(), dct in dct(), which in 0usize..12) {
        let first = every_extractor()[which].extract(&text, dct.clone());
        let second = every_extractor()[which].extract(&text, dct.clone());
        prop_assert_eq!(&first, &second);
        let fresh = Extractor::with_options(*every_extractor()[which].options()).extract(&text, dct);
        prop_assert_eq!(&first, &fresh);
    }

    #[test]
    fn timeml_written_reads_back_the_same(text in text(), dct in dct()) {
        let doc = every_extractor()[0].extract(&text, dct);
        let written = to_timeml(&doc);
        let back = parse_timeml(&written).map_err(|e| TestCaseError::fail(format!("{e}\n{written}")))?;
        prop_assert_eq!(back.text.as_bytes(), doc.text.as_bytes());
        prop_assert_eq!(&back.id, &doc.id);
        prop_assert_eq!(back.dct.as_ref().map(Dct::value), doc.dct.as_ref().map(Dct::value));
        // Everything TimeML carries was carried: writing what was read
        // gives the same bytes.
        prop_assert_eq!(to_timeml(&back), written.clone());
        // What TimeML carries of each annotation comes back as it was.
        prop_assert_eq!(back.timexes.len(), doc.timexes.len(), "{}", written);
        for (read, made) in back.timexes.iter().zip(&doc.timexes) {
            prop_assert_eq!(
                (&read.id, read.span, &read.text, read.kind, &read.value, read.modifier),
                (&made.id, made.span, &made.text, made.kind, &made.value, made.modifier)
            );
        }
        prop_assert_eq!(back.events.len(), doc.events.len(), "{}", written);
        for (read, made) in back.events.iter().zip(&doc.events) {
            prop_assert_eq!(
                (&read.id, read.span, &read.text, read.class, read.tense, read.aspect, read.polarity),
                (&made.id, made.span, &made.text, made.class, made.tense, made.aspect, made.polarity)
            );
        }
        // And a document read from TimeML is a fixed point of writing.
        let again = parse_timeml(&to_timeml(&back)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&again, &back);
    }

    #[test]
    fn the_timeml_reader_never_panics(xml in "(<TimeML>|<TEXT>|</TEXT>|<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025\">|</TIMEX3>|&amp;|&#[0-9]{1,8};|&#x[0-9a-fA-F]{1,8};|<!--|-->|<!\\[CDATA\\[|\\]\\]>|<s id=\"1\">|</s>|\\PC{0,4}){0,16}") {
        if let Ok(doc) = parse_timeml(&xml) {
            let found = annotation_problems(&doc);
            prop_assert!(found.is_empty(), "{}", found.join("\n"));
            prop_assert_eq!(parse_timeml(&to_timeml(&doc)).map(|d| d.text).ok(), Some(doc.text.clone()));
        }
    }

    #[test]
    fn configuration_parsers_never_panic(s in "\\PC{0,24}|[0-9T:+Z -]{0,24}") {
        if let Ok(dct) = s.parse::<Dct>() {
            prop_assert!(is_valid_timex_value(&dct.value()), "{:?} -> {}", s, dct.value());
        }
        let _ = s.parse::<Mode>();
        let _ = s.parse::<Prefer>();
        let _ = is_valid_timex_value(&s);
    }
}

// ---------------------------------------------------------------------------
// Adversarial inputs (small enough for a debug build; the scaling script
// runs the big ones).

fn extract_checked(text: &str) -> Document {
    let dct: Dct = "2025-12-07".parse().unwrap();
    let mut last = None;
    for extractor in [&every_extractor()[0], &every_extractor()[6]] {
        let doc = extractor.extract(text, Some(dct.clone()));
        assert_sound(&doc);
        last = Some(doc);
    }
    last.unwrap()
}

/// A date before year 0 (found by the round-trip property) dates an event
/// but is no document date: TimeML could not carry it back.
#[test]
fn a_date_before_year_zero_is_not_inferred_as_the_dct() {
    for text in ["Dec. 7 480 BC", "On 7 December 480 BC the fleet sailed."] {
        let doc = every_extractor()[0].extract(text, None);
        assert!(doc.dct.is_none(), "{text}: {:?}", doc.dct);
        let back = parse_timeml(&to_timeml(&doc)).expect("readable");
        assert_eq!(to_timeml(&back), to_timeml(&doc), "{text}");
    }
    // A later full date in the range still gives one.
    let doc = every_extractor()[0].extract("Dec. 7 480 BC. Written on 3 March 1998.", None);
    assert_eq!(doc.dct.map(|d| d.value()), Some("1998-03-03".to_string()));
}

#[test]
fn a_long_line_of_digits() {
    let digits = "7".repeat(20_000);
    let doc = extract_checked(&digits);
    assert!(doc.timexes.is_empty(), "{:?}", doc.timexes.first());
    extract_checked(&format!("on {digits} December {digits}"));
}

#[test]
fn many_repetitions_of_the_day_before() {
    let text = "the day before ".repeat(2_000);
    let doc = extract_checked(&text);
    assert!(!doc.timexes.is_empty());
}

#[test]
fn text_without_white_space() {
    let text = "7December2025onWednesday,thedaybefore,2025-12-07,lastweek.".repeat(200);
    extract_checked(&text);
    extract_checked(&"a".repeat(20_000));
    extract_checked(&".".repeat(20_000));
}

#[test]
fn nul_and_control_characters() {
    let mut text = String::new();
    for c in (0u8..32).chain([127]) {
        text.push(char::from(c));
        text.push_str("7 December 2025");
    }
    let doc = extract_checked(&text);
    assert!(doc.timexes.iter().any(|t| t.value == "2025-12-07"));
    extract_checked(&"\0".repeat(20_000));
    extract_checked("\u{feff}on\u{200b}Wednesday\u{00a0}7\u{2009}December\u{2028}2025\u{85}");
}

#[test]
fn right_to_left_and_mixed_scripts() {
    for text in [
        "اجتمع المجلس في 7 December 2025 ثم the day before",
        "\u{202e}on Wednesday\u{202c} נפגשו ביום רביעי 2025-12-07",
        "会議は2025年12月7日 on Sunday, 7 December に開かれた",
        "Встреча 7 декабря 2025 года, then on 8 December.",
        "e\u{301}te\u{301} 7 De\u{301}cember 2025 🇦🇫 👩‍👩‍👧 on Friday",
        "𝟕 𝐃𝐞𝐜𝐞𝐦𝐛𝐞𝐫 ２０２５ ７ December",
    ] {
        extract_checked(text);
        extract_checked(&text.repeat(20));
    }
}

/// A run-on text with no sentence end is cut into sentences of at most
/// 4 KiB (after a comma when it can), so that the event linker, which
/// compares the events and timexes of a sentence pairwise, does bounded
/// work per byte.
#[test]
fn a_run_on_sentence_is_cut_into_bounded_parts() {
    let text = "they met on Monday and said the talks would resume, ".repeat(400);
    let doc = extract_checked(&text);
    assert!(doc.sentences.len() >= 5, "{}", doc.sentences.len());
    for sentence in &doc.sentences {
        assert!(sentence.span.len() <= 4096, "{:?}", sentence.span);
        assert!(
            text[..sentence.span.end].ends_with(',') || sentence.span.end == text.trim_end().len()
        );
    }
    assert_eq!(doc.timexes.len(), 400);
    assert!(doc.events.len() >= 400, "{}", doc.events.len());
    // The same run-on text after a paragraph: longer than a piece (64 KiB),
    // with no paragraph break after it: one piece, the same bound.
    let long = format!("On 7 December 2025 they met.\n\n{}", text.repeat(4));
    let doc = extract_checked(&long);
    assert!(doc.sentences.iter().all(|s| s.span.len() <= 4096));
}

/// Found by the `extract` fuzz target: a century counted back from a BC
/// year was written `-6`, and years past 9999 as five digits.
#[test]
fn centuries_and_years_at_the_ends_of_the_calendar_have_timex_values() {
    let narrative = &every_extractor()[6];
    assert_eq!(narrative.options().mode, Mode::Narrative);
    let doc = narrative.extract(
        "In 480 BC the fleet sailed; the previous century had seen wars.",
        None,
    );
    assert_sound(&doc);
    let century = doc
        .timexes
        .iter()
        .find(|t| t.text.contains("century"))
        .unwrap();
    assert_eq!(century.value, "BC05");
    let dct: Dct = "9999-12-20".parse().unwrap();
    for text in [
        "next year",
        "next decade",
        "next century",
        "in two weeks",
        "the 1990s",
        "next month",
    ] {
        for extractor in every_extractor() {
            assert_sound(&extractor.extract(text, Some(dct.clone())));
        }
    }
}

/// Found by the `extract` fuzz target: "every summer" had the value
/// `XXXX-XX-XXTSU` (a season written as a part of the day).
#[test]
fn every_season_is_a_season_value() {
    for extractor in every_extractor() {
        let doc = extractor.extract("They sailed every summer and every winter.", None);
        assert_sound(&doc);
        let values: Vec<&str> = doc.timexes.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(values, ["XXXX-SU", "XXXX-WI"]);
    }
}

/// Found by the `extract` fuzz target: "that day" after a year BC was the
/// day `-479-XX-XX`, a year with a sign, not a TIMEX3 value.
#[test]
fn the_same_day_of_a_year_bc_is_a_timex3_value() {
    for extractor in every_extractor() {
        let doc = extractor.extract("In 480 BC the fleet sailed. That day the wind rose.", None);
        assert_sound(&doc);
        let values: Vec<&str> = doc.timexes.iter().map(|t| t.value.as_str()).collect();
        assert!(values.contains(&"BC0480-XX-XX"), "{values:?}");
    }
}

/// Found by the `extract` fuzz target: "mid 12/31/1999" narrowed one day
/// to its middle third in whole days, which ended before it started.
#[test]
fn modifiers_on_a_single_day_keep_start_before_end() {
    let dct: Dct = "2000-06-01".parse().unwrap();
    for text in [
        "mid 12/31/1999",
        "early 12/31/1999",
        "late 12/31/1999",
        "mid-December 31, 1999",
    ] {
        for extractor in every_extractor() {
            assert_sound(&extractor.extract(text, Some(dct.clone())));
        }
    }
}

/// Found by the `timeml` fuzz target: two EVENTs with one eid read as two
/// events that wrote back differently; duplicate ids are now an error.
#[test]
fn duplicate_ids_in_timeml_are_an_error() {
    for (xml, what) in [
        (
            "<TimeML><TEXT><EVENT eid=\"e1\">fell</EVENT> <EVENT eid=\"e1\">rose</EVENT></TEXT></TimeML>",
            "duplicate EVENT eid \"e1\"",
        ),
        (
            "<TimeML><TEXT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025\">2025</TIMEX3> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2024\">2024</TIMEX3></TEXT></TimeML>",
            "duplicate TIMEX3 tid \"t1\"",
        ),
    ] {
        let err = parse_timeml(xml).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Parse);
        assert!(err.to_string().contains(what), "{err}");
    }
}

/// Found by the `timeml` fuzz target: an `<s>` inside another (or inside a
/// TIMEX3 or EVENT) was read as a sentence that TimeML cannot write inline,
/// so what was written, read and written again came out different.
#[test]
fn sentences_nested_in_timeml_markup_are_not_sentences() {
    for (xml, sentences) in [
        (
            "<TimeML><TEXT><s><TimeML><s id=\"\"></s></TimeML>></s></TEXT></TimeML>",
            1,
        ),
        (
            "<TimeML><TEXT><s id=\"1\">a <s id=\"2\">b</s></s> <s id=\"3\">c</s></TEXT></TimeML>",
            2,
        ),
        (
            "<TimeML><TEXT><EVENT eid=\"e1\">a<s id=\"1\">b</s></EVENT></TEXT></TimeML>",
            0,
        ),
        (
            "<TimeML><TEXT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025\">20<s id=\"1\">25</s></TIMEX3></TEXT></TimeML>",
            0,
        ),
    ] {
        let doc = parse_timeml(xml).unwrap();
        assert_eq!(doc.sentences.len(), sentences, "{xml}: {:?}", doc.sentences);
        assert_eq!(annotation_problems(&doc), Vec::<String>::new(), "{xml}");
        let written = to_timeml(&doc);
        assert!(!written.contains("not written inline"), "{written}");
        let again = parse_timeml(&written).unwrap();
        assert_eq!(again.text, doc.text);
        assert_eq!(to_timeml(&again), written, "{xml}");
    }
}

#[test]
fn nested_looking_markup_in_timeml_is_not_recursion() {
    // The reader keeps a stack of open elements on the heap, so depth is
    // bounded by memory, not by the call stack.
    let depth = 100_000;
    let xml = format!(
        "<TimeML><TEXT>{}x{}</TEXT></TimeML>",
        "<SIGNAL>".repeat(depth),
        "</SIGNAL>".repeat(depth)
    );
    let doc = parse_timeml(&xml).unwrap();
    assert_eq!(doc.text, "x");
}

// ---------------------------------------------------------------------------
// Bad configuration and files: a clear error naming the input.

#[test]
fn invalid_dcts_name_the_value() {
    for bad in [
        "",
        "2025-13-40",
        "2025-02-30",
        "tomorrow",
        "2025-12-07T25:00",
        "2025-12-07T10:00+15:00",
        "\u{0}",
        "٢٠٢٥-١٢-٠٧",
        "+10000-01-01",
        "2025-12-07T",
    ] {
        let err = bad.parse::<Dct>().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Invalid, "{bad:?}");
        assert!(
            err.to_string().contains(&format!("{bad:?}")),
            "{bad:?}: {err}"
        );
    }
}

/// Found by the `options` fuzz target: a DCT given with a fraction of a
/// second printed a value without it, which read back as another time.
#[test]
fn a_dct_value_reads_back_as_the_same_time() {
    for given in [
        "2025-12-07T09:30:00.5",
        "2025-12-07T09:30:05",
        "2025-12-07T09:30",
        "2025-12-07",
    ] {
        let dct: Dct = given.parse().unwrap();
        assert!(is_valid_timex_value(&dct.value()), "{}", dct.value());
        let again: Dct = dct.value().parse().unwrap();
        assert_eq!((again.date, again.time), (dct.date, dct.time), "{given}");
    }
}

#[test]
fn unknown_options_name_the_value() {
    let err = "poetry".parse::<Mode>().unwrap_err();
    assert!(err.to_string().contains("\"poetry\""), "{err}");
    assert!(err.to_string().contains("news"), "{err}");
    let err = "sideways".parse::<Prefer>().unwrap_err();
    assert!(err.to_string().contains("\"sideways\""), "{err}");
}

#[test]
fn unreadable_and_malformed_files_name_the_file() {
    let dir = crate::common::temp_dir("robust-files");
    let missing = dir.join("missing.tml");
    let err = read_timeml(&missing).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert!(
        err.to_string().starts_with(&missing.display().to_string()),
        "{err}"
    );

    let cases: [(&str, &[u8], &str); 5] = [
        (
            "latin1.tml",
            b"<TimeML><TEXT>caf\xe9</TEXT></TimeML>",
            "not valid UTF-8",
        ),
        (
            "no-text.tml",
            b"<TimeML><DOCID>d</DOCID></TimeML>",
            "no TEXT element",
        ),
        (
            "unclosed.tml",
            b"<TimeML><TEXT>a <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025\">2025</TEXT></TimeML>",
            "",
        ),
        ("truncated.tml", b"<TimeML><TEXT>half a fi", "never closed"),
        ("empty.tml", b"", "no root element"),
    ];
    for (name, bytes, expect) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let err = read_timeml(&path).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Parse, "{name}: {err}");
        assert_eq!(err.path(), Some(path.as_path()), "{name}");
        let message = err.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        assert!(message.contains(expect), "{name}: {message}");
    }
    // A directory is not a file.
    let err = read_timeml(&dir).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
    assert!(
        err.to_string().contains(&dir.display().to_string()),
        "{err}"
    );
}

// ---------------------------------------------------------------------------
// The command line: a message naming the input, a non-zero exit, and no
// output file unless it is whole.

#[cfg(feature = "cli")]
mod command_line {
    use std::path::Path;
    use std::process::{Command, Output};

    fn run(args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_chronoline"))
            .args(args)
            .output()
            .unwrap()
    }

    fn fails_with(args: &[&str], code: i32, expected: &[&str]) {
        let output = run(args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?} wrote to stdout");
        assert!(stderr.starts_with("chronoline: "), "{stderr}");
        for piece in expected {
            assert!(
                stderr.contains(piece),
                "{args:?}: {piece:?} not in {stderr}"
            );
        }
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn bad_configuration_exits_2_naming_the_value() {
        fails_with(
            &["extract", "--example", "--dct", "2025-13-40"],
            2,
            &["invalid document date", "2025-13-40"],
        );
        fails_with(
            &["extract", "--example", "--mode", "poetry"],
            2,
            &["poetry", "news", "narrative"],
        );
        fails_with(&["extract", "--example", "--format", "pdf"], 2, &["pdf"]);
    }

    #[test]
    fn bad_per_file_dcts_exit_2_naming_the_value() {
        let dir = crate::common::temp_dir("robust-dct");
        let note = dir.join("note.txt");
        std::fs::write(&note, "They met on Monday.").unwrap();
        let note_arg = note.to_str().unwrap();
        fails_with(
            &["timeline", note_arg, "--dct", "note.txt=2025-02-30"],
            2,
            &["invalid document date", "2025-02-30"],
        );
        fails_with(
            &["timeline", note_arg, "--dct", "other.txt=2025-03-01"],
            2,
            &["other.txt", "not an input file"],
        );
        fails_with(
            &["extract", note_arg, "--dct", "=2025-03-01"],
            2,
            &["no file before '='"],
        );
        fails_with(
            &[
                "extract",
                note_arg,
                "--dct",
                "2025-03-01",
                "--dct",
                "2025-03-02",
            ],
            2,
            &["--dct DATE given twice"],
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn bad_files_exit_1_naming_the_file() {
        let dir = crate::common::temp_dir("robust-cli");
        let latin1 = dir.join("latin1.txt");
        std::fs::write(&latin1, b"caf\xe9 on 7 December 2025").unwrap();
        let no_text = dir.join("no-text.tml");
        std::fs::write(&no_text, "<TimeML><DOCID>d</DOCID></TimeML>").unwrap();
        let broken = dir.join("broken.tml");
        std::fs::write(&broken, "<TimeML>\n<TEXT>a <TIMEX3 tid=\"t1\">").unwrap();
        let latin1_tml = dir.join("latin1.tml");
        std::fs::write(&latin1_tml, b"<TimeML><TEXT>caf\xe9</TEXT></TimeML>").unwrap();
        let missing = dir.join("missing.txt");
        for (path, what) in [
            (&latin1, "not UTF-8"),
            (&no_text, "no TEXT element"),
            (&broken, "2:"),
            (&latin1_tml, "not valid UTF-8"),
            (&missing, "no such file"),
        ] {
            let name = path.to_str().unwrap();
            fails_with(&["extract", name], 1, &[name, what]);
            fails_with(&["timeline", name], 1, &[name, what]);
        }
        fails_with(
            &["extract", dir.to_str().unwrap()],
            1,
            &[dir.to_str().unwrap()],
        );
    }

    /// Splits one CSV row (RFC 4180) into its fields.
    fn csv_fields(row: &str) -> Vec<String> {
        let (mut fields, mut field, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = row.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = !quoted,
                ',' if !quoted => fields.push(std::mem::take(&mut field)),
                c => field.push(c),
            }
        }
        fields.push(field);
        fields
    }

    /// `extract --csv OUT` and `--jsonl OUT` of a text longer than a piece
    /// (64 KiB) write their rows piece by piece: the same timexes, events
    /// and links as the whole document (`--format json`), character offsets
    /// that find the timex text, and no temporary file left.
    #[test]
    fn rows_of_a_long_text_are_streamed_to_a_whole_file() {
        let dir = crate::common::temp_dir("robust-stream");
        let example = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/example-article.txt"
        ))
        .unwrap();
        let body = example.split_once('\n').unwrap().1.trim();
        let text = format!("Été à Zürich.\n\n{body}\n\n").repeat(150_000 / body.len() + 1);
        let input = dir.join("big.txt");
        std::fs::write(&input, &text).unwrap();
        let input = input.to_str().unwrap();
        let (csv, jsonl) = (dir.join("out.csv"), dir.join("out.jsonl"));
        for (option, path) in [("--csv", &csv), ("--jsonl", &jsonl)] {
            let output = run(&[
                "extract",
                input,
                "--dct",
                "2025-03-14",
                option,
                path.to_str().unwrap(),
            ]);
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            assert!(output.stdout.is_empty());
        }
        let whole = run(&["extract", input, "--dct", "2025-03-14"]);
        let doc: chronoline::Document = serde_json::from_slice(&whole.stdout).unwrap();
        assert!(doc.timexes.len() > 100 && doc.events.len() > 100 && !doc.links.is_empty());

        let csv = std::fs::read_to_string(&csv).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let rows: Vec<Vec<String>> = csv.lines().skip(1).map(csv_fields).collect();
        assert_eq!(rows.len(), doc.timexes.len());
        for (row, timex) in rows.iter().zip(&doc.timexes) {
            let (start, end): (usize, usize) = (row[1].parse().unwrap(), row[2].parse().unwrap());
            let found: String = chars[start..end].iter().collect();
            assert_eq!(
                (found.as_str(), row[5].as_str()),
                (timex.text.as_str(), timex.value.as_str())
            );
        }

        let mut timexes = Vec::new();
        let mut events = Vec::new();
        let mut links = Vec::new();
        for line in std::fs::read_to_string(&jsonl).unwrap().lines() {
            let mut row: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(row["document"], "big");
            if let Some(t) = row.get_mut("timex") {
                timexes.push(serde_json::from_value::<chronoline::Timex>(t.take()).unwrap());
            } else if let Some(e) = row.get_mut("event") {
                events.push(serde_json::from_value::<chronoline::Event>(e.take()).unwrap());
            } else {
                links.push(
                    serde_json::from_value::<chronoline::TimeLink>(row["link"].take()).unwrap(),
                );
            }
        }
        assert_eq!(timexes, doc.timexes);
        assert_eq!(events, doc.events);
        assert_eq!(links, doc.links);
        let mut names = leftovers(&dir);
        names.sort();
        assert_eq!(names, ["big.txt", "out.csv", "out.jsonl"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_run_writes_no_output_file() {
        let dir = crate::common::temp_dir("robust-atomic");
        let good = dir.join("good.txt");
        std::fs::write(&good, "They met on 7 December 2025.").unwrap();
        let bad = dir.join("bad.txt");
        std::fs::write(&bad, b"\xff\xfe").unwrap();
        let out = dir.join("timeline.csv");
        let out_arg = out.to_str().unwrap();
        // The second input is bad: the run fails before writing anything.
        fails_with(
            &[
                "timeline",
                good.to_str().unwrap(),
                bad.to_str().unwrap(),
                "--csv",
                out_arg,
            ],
            1,
            &["bad.txt"],
        );
        assert!(!out.exists());
        // A good run writes the whole file, and an existing file is
        // replaced, never truncated in place.
        std::fs::write(&out, "old content").unwrap();
        let ok = run(&["timeline", good.to_str().unwrap(), "--csv", out_arg]);
        assert!(
            ok.status.success(),
            "{}",
            String::from_utf8_lossy(&ok.stderr)
        );
        let written = std::fs::read_to_string(&out).unwrap();
        assert!(written.contains("2025-12-07"), "{written}");
        // An output directory that does not exist: an error naming it, and
        // no temporary file left behind anywhere.
        let nowhere = dir.join("no-such-dir").join("t.json");
        fails_with(
            &[
                "timeline",
                good.to_str().unwrap(),
                "--json",
                nowhere.to_str().unwrap(),
            ],
            1,
            &["no-such-dir"],
        );
        fails_with(
            &[
                "extract",
                good.to_str().unwrap(),
                "--csv",
                nowhere.to_str().unwrap(),
            ],
            1,
            &["no-such-dir"],
        );
        let rows = dir.join("rows.csv");
        fails_with(
            &[
                "extract",
                good.to_str().unwrap(),
                bad.to_str().unwrap(),
                "--csv",
                rows.to_str().unwrap(),
            ],
            1,
            &["bad.txt"],
        );
        let mut names = leftovers(&dir);
        names.sort();
        assert_eq!(names, ["bad.txt", "good.txt", "timeline.csv"]);
    }
}

/// A long text without blank lines (OCR output: one paragraph per line,
/// or everything on one line) is cut into pieces at sentence ends, and the
/// pieces give what the whole text gives at once: the same sentences, and
/// with those sentences the same timexes, events, links and DCT.
#[test]
fn text_without_blank_lines_streams_in_pieces_as_the_whole_text() {
    let article = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/example-article.txt"
    ));
    let (first, body) = article.split_once('\n').unwrap_or(("", article));
    let dct: Dct = first.trim_start_matches("dct:").trim().parse().unwrap();
    let lines: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
    for end in ['\n', ' '] {
        let mut long = String::new();
        while long.len() < 150_000 {
            for line in &lines {
                long.push_str(line);
                long.push(end);
            }
        }
        for mode in [Mode::News, Mode::Narrative] {
            let extractor = Extractor::with_options(chronoline::Options {
                events: true,
                mode,
                ..chronoline::Options::default()
            });
            for dct in [Some(dct.clone()), None] {
                let what = format!("{end:?} after each line, {mode}, DCT {dct:?}");
                let mut sizes = Vec::new();
                extractor.extract_pieces(&long, dct.clone(), |_, piece| {
                    sizes.push(piece.text.len());
                });
                assert!(sizes.len() >= 2, "{what}: {sizes:?}");
                assert!(sizes.iter().all(|&n| n <= 3 << 16), "{what}: {sizes:?}");
                let pieces = extractor.extract(&long, dct.clone());
                assert!(pieces.events.len() > 100, "{what}");
                // The sentences of a prefix of the text, whole (shorter
                // than a piece), but its last one.
                let cut = long[..60_000].rfind(' ').unwrap();
                let prefix = extractor.extract(&long[..cut], dct.clone());
                let n = prefix.sentences.len() - 1;
                assert_eq!(pieces.sentences[..n], prefix.sentences[..n], "{what}");
                // The whole text at once, with the same sentences.
                let whole = extractor.extract_document(Document {
                    sentences: pieces.sentences.clone(),
                    ..Document::new("", long.as_str(), dct.clone())
                });
                assert_eq!(pieces.timexes, whole.timexes, "{what}: timexes");
                assert_eq!(pieces.events, whole.events, "{what}: events");
                assert_eq!(pieces.links, whole.links, "{what}: links");
                assert_eq!(pieces.dct, whole.dct, "{what}: DCT");
            }
        }
    }
}
