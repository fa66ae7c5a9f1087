//! The table-driven temporal expression corpus, `tests/data/timex_cases.tsv`.
//!
//! Every row is a short sentence written for the project (no corpus text),
//! an anchor and a mode, and what the extractor must report for one phrase
//! of it. The rows cover every case the engine issue lists: absolute dates,
//! dates without a year, relative dates and tense, times and zones,
//! durations (anchored or not), ranges, sets, vague references, modifiers,
//! numbers as words, narrative anchoring, and phrases that are not temporal
//! expressions at all.
//!
//! # Columns
//!
//! | column | meaning |
//! |---|---|
//! | `sentence` | the input text |
//! | `anchor` | the document creation time, `YYYY-MM-DD` |
//! | `mode` | `news` or `narrative` |
//! | `extent` | the exact TIMEX3 text; it occurs exactly once in the sentence. For a negative row, the phrase that no timex may overlap |
//! | `type` | `DATE`, `TIME`, `DURATION`, `SET`, or `NONE` for a negative row |
//! | `value` | the TIMEX3 `value` |
//! | `mod` | the TIMEX3 `mod`; empty means the timex has none |
//! | `interval_start`, `interval_end` | the half-open interval `[start, end)` as `YYYY-MM-DDTHH:MM[:SS]`; both empty means the timex has no interval; `*` means any bound (an interval must exist) |
//! | `exact` | `true` or `false` for the interval's `exact` flag; empty means not checked |
//! | `utc_offset` | `+04:30`; empty means no offset. Checked when an interval is expected |
//! | `quant`, `freq` | the TIMEX3 `quant` (case-insensitive) and `freq` of a set; empty means not checked |
//! | `rule` | the name of the rule that must have made the timex; empty means not checked |
//!
//! Columns are found by header name, so new columns can be appended. A
//! line starting with `#` is a comment heading a block of rows.
//!
//! # Conventions the rows encode
//!
//! - Extents follow TempEval-3: no leading preposition ("on", "in", "at",
//!   "since"), determiners and modifiers kept ("the past three months",
//!   "early September", "more than four years").
//! - A day is `[d, d+1)`; a month, quarter, half, year, decade or century is
//!   its calendar span. Seasons are meteorological (spring March to May,
//!   summer June to August, fall September to November, winter December to
//!   February of the next year).
//! - START/MID/END of a month are days 1-10, 11-20 and 21-end; of a year,
//!   January-April, May-August and September-December; these intervals are
//!   not exact.
//! - A duration anchored at the anchor day covers whole days and includes
//!   it: "the past three months" with anchor 2025-12-07 is
//!   `[2025-09-07, 2025-12-08)`, "the next three days" `[2025-12-07,
//!   2025-12-11)`. An unanchored duration has no interval.
//! - A range endpoint carries the range's interval; its value stays its
//!   own: "since 2021" is `2021` with `[2021-01-01, anchor+1 day)`, "until
//!   2030" `[anchor, 2031-01-01)`, "from March to May 2026" gives both
//!   endpoints `[2026-03-01, 2026-06-01)`.
//! - Vague references (`PRESENT_REF`, `PAST_REF`, `FUTURE_REF`) have an
//!   interval with approximate bounds.
//!
//! Set `CHRONOLINE_CASES=substring` to run only the rows whose sentence
//! contains the substring.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chronoline::{Dct, Document, Extractor, Interval, Mode, Options, Span, Timex};

const CASES: &str = include_str!("../data/timex_cases.tsv");

/// One row of the table, by column name.
struct Row<'a> {
    line: usize,
    cells: BTreeMap<&'a str, &'a str>,
}

impl<'a> Row<'a> {
    fn get(&self, column: &str) -> &'a str {
        self.cells.get(column).copied().unwrap_or("")
    }
}

fn parse_rows() -> Vec<Row<'static>> {
    let mut lines = CASES.lines().enumerate();
    let (_, header) = lines.next().expect("the case file has a header");
    let columns: Vec<&str> = header.split('\t').collect();
    for required in [
        "sentence",
        "anchor",
        "mode",
        "extent",
        "type",
        "value",
        "mod",
        "interval_start",
        "interval_end",
    ] {
        assert!(columns.contains(&required), "missing column {required:?}");
    }
    lines
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|(i, line)| {
            let values: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                values.len(),
                columns.len(),
                "line {}: {} cells for {} columns",
                i + 1,
                values.len(),
                columns.len()
            );
            Row {
                line: i + 1,
                cells: columns.iter().copied().zip(values).collect(),
            }
        })
        .collect()
}

fn format_bound(instant: chrono::NaiveDateTime) -> String {
    if instant.format("%S").to_string() == "00" {
        instant.format("%Y-%m-%dT%H:%M").to_string()
    } else {
        instant.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

fn format_offset(minutes: Option<i32>) -> String {
    match minutes {
        None => String::new(),
        Some(m) => {
            let sign = if m < 0 { '-' } else { '+' };
            format!("{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60)
        }
    }
}

fn describe_interval(interval: Option<&Interval>) -> String {
    match interval {
        None => "no interval".to_string(),
        Some(i) => format!(
            "[{}, {}) exact={} offset={:?}",
            format_bound(i.start),
            format_bound(i.end),
            i.exact,
            format_offset(i.utc_offset_minutes)
        ),
    }
}

fn describe_timex(t: &Timex) -> String {
    format!(
        "{:?} {} {}{} {}{}{}",
        t.text,
        t.kind,
        t.value,
        t.modifier.map(|m| format!(" mod={m}")).unwrap_or_default(),
        describe_interval(t.interval.as_ref()),
        t.quant
            .as_deref()
            .map(|q| format!(" quant={q}"))
            .unwrap_or_default(),
        t.freq
            .as_deref()
            .map(|f| format!(" freq={f}"))
            .unwrap_or_default(),
    )
}

/// Records a mismatch between what a row wants and what was found.
fn mismatch(problems: &mut Vec<String>, what: &str, want: &str, got: &str) {
    if want != got {
        problems.push(format!("{what} {want:?} != got {got:?}"));
    }
}

fn describe_all(doc: &Document) -> String {
    if doc.timexes.is_empty() {
        return "nothing".to_string();
    }
    doc.timexes
        .iter()
        .map(describe_timex)
        .collect::<Vec<_>>()
        .join("; ")
}

/// What is wrong with one row, or `None` when it passes.
fn check(row: &Row<'_>, extractors: &[(Mode, Extractor)]) -> Result<(), String> {
    let sentence = row.get("sentence");
    let extent = row.get("extent");
    let mode: Mode = row
        .get("mode")
        .parse()
        .map_err(|e| format!("bad mode: {e}"))?;
    let dct: Dct = row
        .get("anchor")
        .parse()
        .map_err(|e| format!("bad anchor: {e}"))?;
    let found: Vec<usize> = sentence.match_indices(extent).map(|(i, _)| i).collect();
    if extent.is_empty() || found.len() != 1 {
        return Err(format!(
            "malformed row: extent {extent:?} occurs {} times in the sentence",
            found.len()
        ));
    }
    let span = Span::new(found[0], found[0] + extent.len());
    let extractor = &extractors
        .iter()
        .find(|(m, _)| *m == mode)
        .expect("an extractor per mode")
        .1;
    let doc = extractor.extract(sentence, Some(dct));

    if row.get("type") == "NONE" {
        let overlapping: Vec<String> = doc
            .timexes
            .iter()
            .filter(|t| t.span.overlaps(span))
            .map(describe_timex)
            .collect();
        return if overlapping.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "{extent:?} is not temporal, got {}",
                overlapping.join("; ")
            ))
        };
    }

    let Some(timex) = doc.timexes.iter().find(|t| t.span == span) else {
        return Err(format!(
            "missing {extent:?} {} {}; got {}",
            row.get("type"),
            row.get("value"),
            describe_all(&doc)
        ));
    };
    let mut problems = Vec::new();
    mismatch(&mut problems, "type", row.get("type"), timex.kind.as_str());
    mismatch(&mut problems, "value", row.get("value"), &timex.value);
    mismatch(
        &mut problems,
        "mod",
        row.get("mod"),
        timex.modifier.map(|m| m.as_str()).unwrap_or(""),
    );
    let (want_start, want_end) = (row.get("interval_start"), row.get("interval_end"));
    match (
        &timex.interval,
        want_start.is_empty() && want_end.is_empty(),
    ) {
        (None, true) => {}
        (Some(i), true) => problems.push(format!(
            "expected no interval, got {}",
            describe_interval(Some(i))
        )),
        (None, false) => problems.push(format!(
            "expected interval [{want_start}, {want_end}), got none"
        )),
        (Some(i), false) => {
            if want_start != "*" {
                mismatch(
                    &mut problems,
                    "interval start",
                    want_start,
                    &format_bound(i.start),
                );
            }
            if want_end != "*" {
                mismatch(
                    &mut problems,
                    "interval end",
                    want_end,
                    &format_bound(i.end),
                );
            }
            match row.get("exact") {
                "" => {}
                want => mismatch(
                    &mut problems,
                    "exact",
                    want,
                    if i.exact { "true" } else { "false" },
                ),
            }
            mismatch(
                &mut problems,
                "utc offset",
                row.get("utc_offset"),
                &format_offset(i.utc_offset_minutes),
            );
        }
    }
    let quant = row.get("quant");
    if !quant.is_empty() {
        let got = timex.quant.as_deref().unwrap_or("");
        if !quant.eq_ignore_ascii_case(got) {
            problems.push(format!("quant {quant:?} != got {got:?}"));
        }
    }
    let freq = row.get("freq");
    if !freq.is_empty() {
        mismatch(
            &mut problems,
            "freq",
            freq,
            timex.freq.as_deref().unwrap_or(""),
        );
    }
    let rule = row.get("rule");
    if !rule.is_empty() {
        mismatch(&mut problems, "rule", rule, &timex.rule);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}; got {}",
            problems.join(", "),
            describe_timex(timex)
        ))
    }
}

#[test]
fn the_case_table_is_well_formed() {
    let rows = parse_rows();
    assert!(rows.len() >= 400, "only {} cases", rows.len());
    for kind in ["DATE", "TIME", "DURATION", "SET", "NONE"] {
        assert!(rows.iter().any(|r| r.get("type") == kind), "no {kind} case");
    }
    for row in &rows {
        let sentence = row.get("sentence");
        let extent = row.get("extent");
        assert_eq!(
            sentence.matches(extent).count(),
            1,
            "line {}: {extent:?} must occur once in {sentence:?}",
            row.line
        );
        assert!(
            row.get("anchor").parse::<Dct>().is_ok(),
            "line {}: bad anchor",
            row.line
        );
        assert!(
            row.get("mode").parse::<Mode>().is_ok(),
            "line {}: bad mode",
            row.line
        );
        let (start, end) = (row.get("interval_start"), row.get("interval_end"));
        assert_eq!(
            start.is_empty(),
            end.is_empty(),
            "line {}: one interval bound is missing",
            row.line
        );
        if !start.is_empty() && start != "*" && end != "*" {
            assert!(start < end, "line {}: empty interval", row.line);
        }
    }
}

#[test]
fn every_case_in_the_table() {
    let filter = std::env::var("CHRONOLINE_CASES").unwrap_or_default();
    let extractors: Vec<(Mode, Extractor)> = [Mode::News, Mode::Narrative]
        .into_iter()
        .map(|mode| {
            let options = Options {
                mode,
                ..Options::default()
            };
            (mode, Extractor::with_options(options))
        })
        .collect();
    let rows = parse_rows();
    let mut report = String::new();
    let mut tally: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = 0;
    let mut run = 0;
    for row in rows
        .iter()
        .filter(|r| r.get("sentence").contains(filter.as_str()))
    {
        run += 1;
        let kind = row.get("type");
        let entry = tally.entry(kind).or_default();
        entry.1 += 1;
        match check(row, &extractors) {
            Ok(()) => entry.0 += 1,
            Err(problem) => {
                failures += 1;
                let _ = writeln!(
                    report,
                    "line {} [{} {} {}] {:?}\n    expected {:?} {} {}{}\n    {problem}",
                    row.line,
                    row.get("mode"),
                    row.get("anchor"),
                    kind,
                    row.get("sentence"),
                    row.get("extent"),
                    kind,
                    row.get("value"),
                    match row.get("mod") {
                        "" => String::new(),
                        m => format!(" mod={m}"),
                    },
                );
            }
        }
    }
    let summary: Vec<String> = tally
        .iter()
        .map(|(kind, (pass, total))| format!("{kind} {pass}/{total}"))
        .collect();
    if failures > 0 {
        panic!(
            "{failures} of {run} timex cases failed ({})\n{report}",
            summary.join(", ")
        );
    }
    eprintln!("{run} timex cases passed ({})", summary.join(", "));
}
