//! Turning mentions into TIMEX3 values and intervals against an anchor.
//!
//! The anchor is explicit: the document creation time (DCT) for news, the
//! last absolute date mentioned for narratives, and the tense of the clause
//! for the direction of open expressions ("will convene on Wednesday" looks
//! forward). With no anchor, values stay underspecified (`XXXX-12-07`).

mod calendar;
mod tense;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

use self::calendar::{
    add_months, add_units, duration_value, holiday_date, midnight, point_of, season_index,
    season_of, shift_date, unit_granularity, weekday_from_iso, Point,
};
pub(crate) use self::tense::possible_cue_words;
use self::tense::Direction;
use crate::extractor::{Mode, Options, Prefer};
use crate::model::{Dct, DctSource, Granularity, Interval, Modifier, Span, Timex, TimexType};
use crate::recognize::{Amount, Form, Mention, Reach, Reference, Unit, Word, YearSpec};

/// What resolution gives back.
pub(crate) struct Resolved {
    pub timexes: Vec<Timex>,
    pub inferred_dct: Option<Dct>,
}

/// The days of the discourse [`Context::discourse_day`] looks back at.
const RECENT_DAYS: usize = 6;

/// A day the discourse has set, with the tense of its clause.
#[derive(Debug, Clone, Copy)]
struct Mentioned {
    date: NaiveDate,
    direction: Option<Direction>,
    tid: usize,
    /// The token after its last one.
    end_token: usize,
}

/// One resolved value.
struct Value {
    value: String,
    interval: Option<Interval>,
    /// Computed from an anchor: `Some("t0")` for the DCT.
    anchor: Option<String>,
    quant: Option<String>,
    freq: Option<String>,
    /// The day it sets for later times and anaphora ("the next day").
    sets_day: Option<NaiveDate>,
    /// The point it sets as the narrative anchor.
    sets_anchor: Option<NaiveDate>,
}

impl Value {
    fn plain(value: String) -> Value {
        Value {
            value,
            interval: None,
            anchor: None,
            quant: None,
            freq: None,
            sets_day: None,
            sets_anchor: None,
        }
    }
}

/// What the discourse has set so far: the narrative anchor, the days and
/// the quarter mentioned. A [`Resolver`] keeps it from one piece of the text
/// to the next; each piece's [`Context`] borrows it.
#[derive(Default)]
struct Discourse {
    /// The narrative anchor: the last absolute date mentioned.
    narrative: Option<(NaiveDate, usize)>,
    /// Days mentioned so far, latest last.
    days: Vec<Mentioned>,
    /// The text so far speaks of quarters (an earnings report).
    quarter_talk: bool,
    /// The quarter an earnings report is about: the first quarter named
    /// that has ended, in the year of the last ended quarter ("the fiscal
    /// first quarter"). "The quarter" and "a year earlier" refer to it.
    last_quarter: Option<(i32, u32)>,
    /// The last date given in full or in part ("in 1988", "June 1998"),
    /// its granularity and tid: "that year", "two months later" count
    /// from it.
    explicit: Option<(NaiveDate, Granularity, usize)>,
}

struct Context<'a> {
    words: &'a [Word<'a>],
    dct: Option<NaiveDate>,

    options: &'a Options,
    discourse: &'a mut Discourse,
    /// The sentence of the current mention (token range).
    sentence: (usize, usize),
    /// What the words around the current mention say.
    hint: Hint,
    /// Where the current mention starts (token index in the document).
    current_token: usize,
}

pub(crate) fn resolve(
    text: &str,
    words: &[Word],
    sentences: &[Span],
    mentions: Vec<Mention>,
    dct: Option<&Dct>,
    options: &Options,
) -> Resolved {
    let inferred_dct = if dct.is_none() {
        infer_dct(&mentions, sentences.first().map_or(0, |s| s.end))
    } else {
        None
    };
    let anchor = dct.or(inferred_dct.as_ref());
    let timexes = Resolver::new(anchor, options).resolve(text, words, sentences, mentions, 0);
    Resolved {
        timexes,
        inferred_dct,
    }
}

/// Resolves the mentions of a text piece by piece (in order), carrying
/// what the discourse has set (days, the narrative anchor, timex numbers)
/// from one piece to the next, so that the result is the one of the whole
/// text at once.
pub(crate) struct Resolver<'o> {
    dct: Option<NaiveDate>,
    options: &'o Options,
    discourse: Discourse,
    /// Mentions resolved so far: the next timex is `t{mentions_seen + 1}`.
    mentions_seen: usize,
}

impl<'o> Resolver<'o> {
    pub fn new(anchor: Option<&Dct>, options: &'o Options) -> Resolver<'o> {
        Resolver {
            dct: anchor.map(|d| d.date),
            options,
            discourse: Discourse::default(),
            mentions_seen: 0,
        }
    }

    /// The timexes of one piece: `mentions` index `words`, whose first is
    /// token `token_offset` of the whole text.
    pub fn resolve(
        &mut self,
        text: &str,
        words: &[Word],
        sentences: &[Span],
        mentions: Vec<Mention>,
        token_offset: usize,
    ) -> Vec<Timex> {
        let mut cx = Context {
            words,
            dct: self.dct,
            options: self.options,
            discourse: &mut self.discourse,
            sentence: (0, 0),
            hint: Hint::default(),
            current_token: 0,
        };
        let timexes = cx.resolve(text, sentences, &mentions, self.mentions_seen, token_offset);
        self.mentions_seen += mentions.len();
        timexes
    }
}

impl Context<'_> {
    fn resolve(
        &mut self,
        text: &str,
        sentences: &[Span],
        mentions: &[Mention],
        mentions_before: usize,
        token_offset: usize,
    ) -> Vec<Timex> {
        let cx = self;
        let words = cx.words;
        let mut timexes = Vec::with_capacity(mentions.len());
        // The mention each timex came from.
        let mut sources = Vec::with_capacity(mentions.len());
        for (index, mention) in mentions.iter().enumerate() {
            let tid = mentions_before + index + 1;
            let sentence = sentence_tokens(words, sentences, mention.tokens.0);
            let cue = tense::cue_near(words, mention.tokens, sentence);
            let possessive_weekday = names_weekday(&mention.form)
                && words.get(mention.tokens.1).is_some_and(|w| w.norm == "'")
                && words
                    .get(mention.tokens.1 + 1)
                    .is_some_and(|w| w.norm == "s");
            let direction = if reports_on(words, mention.tokens.0) {
                // "Results for December will be released": the release
                // lies ahead, the month reported on most likely not
                None
            } else if tense::moved_to(words, mention.tokens.0) {
                Some(Direction::Future)
            } else if possessive_weekday {
                // "Wednesday's ruling", "before Friday's purchases": news
                // names an event by its weekday once it has happened
                Some(Direction::Past)
            } else {
                cue.map(|(d, _)| d)
            };
            let before = mention
                .tokens
                .0
                .checked_sub(1)
                .and_then(|i| words.get(i))
                .map_or("", |w| w.norm.as_str());
            cx.current_token = token_offset + mention.tokens.0;
            cx.sentence = sentence;
            cx.hint = Hint {
                strong: possessive_weekday || cue.is_some_and(|(_, dist)| dist <= 3),
                deadline: !possessive_weekday
                    && matches!(before, "by" | "until" | "till" | "before" | "through"),
            };
            if matches!(
                mention.form,
                Form::Quarter { .. }
                    | Form::Relative {
                        unit: Unit::Quarter,
                        ..
                    }
            ) {
                cx.discourse.quarter_talk = true;
            }
            let value = cx.value(mention, direction, sentence);
            let Some(text_slice) = mention.span.slice(text) else {
                continue;
            };
            if let Some(day) = value.sets_day {
                cx.discourse.days.push(Mentioned {
                    date: day,
                    direction,
                    tid,
                    end_token: token_offset + mention.tokens.1,
                });
                // Only the recent days are read: the list stays short
                // however long the text.
                let days = &mut cx.discourse.days;
                if days.len() > 8 * RECENT_DAYS {
                    days.drain(..days.len() - RECENT_DAYS);
                }
            }
            if let Some(point) = value.sets_anchor {
                cx.discourse.narrative = Some((point, tid));
                if let Some(interval) = value.interval {
                    cx.discourse.explicit = Some((point, interval.granularity, tid));
                }
            }
            let temporal_function = value.anchor.is_some();
            sources.push(index);
            timexes.push(Timex {
                id: format!("t{tid}"),
                span: mention.span,
                text: text_slice.to_string(),
                kind: mention.kind,
                value: value.value,
                modifier: mention.modifier,
                quant: value.quant,
                freq: value.freq,
                begin_point: None,
                end_point: None,
                anchor: value.anchor,
                temporal_function,
                interval: value.interval,
                rule: mention.rule.to_string(),
            });
        }
        join_ranges(cx, mentions, &sources, &mut timexes);
        date_parts_of_day(cx, mentions, &sources, &mut timexes);
        for timex in &mut timexes {
            if timex.kind != TimexType::Duration {
                continue;
            }
            if let Some(interval) = timex.interval {
                if Some(interval.end.date()) == cx.dct.and_then(|d| d.succ_opt()) {
                    timex.end_point = Some("t0".to_string());
                } else if Some(interval.start.date()) == cx.dct {
                    timex.begin_point = Some("t0".to_string());
                }
            }
        }
        timexes
    }
}

/// For each `k` in `1..count`, `k` and the mentions timexes `k - 1` and
/// `k` came from.
fn consecutive_mentions<'m>(
    mentions: &'m [Mention],
    sources: &'m [usize],
    count: usize,
) -> impl Iterator<Item = (usize, &'m Mention, &'m Mention)> + 'm {
    (1..count).filter_map(move |k| {
        let first = mentions.get(*sources.get(k - 1)?)?;
        Some((k, first, mentions.get(*sources.get(k)?)?))
    })
}

/// "Sunday dawn of 25 June 1950", "the morning of May 5": a part of a day
/// followed by "of" and a full date is a part of that date, not of the
/// day the weekday or the anchor gave.
fn date_parts_of_day(
    cx: &Context<'_>,
    mentions: &[Mention],
    sources: &[usize],
    timexes: &mut [Timex],
) {
    for (k, a, b) in consecutive_mentions(mentions, sources, timexes.len()) {
        let of = cx.words.get(a.tokens.1).is_some_and(|w| w.norm == "of");
        if !of || b.tokens.0 != a.tokens.1 + 1 {
            continue;
        }
        let (part_of_day, date) = (&timexes[k - 1], &timexes[k]);
        let Some((day, part)) = part_of_day.value.split_once('T') else {
            continue;
        };
        let parsed = |v: &str| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
        let (Some(from), Some(to)) = (parsed(day), parsed(&date.value)) else {
            continue;
        };
        if part.len() != 2 || !part.bytes().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        let shift = to - from;
        let value = format!("{}T{part}", date.value);
        let anchor = date.anchor.clone();
        let timex = &mut timexes[k - 1];
        timex.value = value;
        timex.anchor = anchor;
        timex.temporal_function = timex.anchor.is_some();
        if let Some(interval) = timex.interval.as_mut() {
            interval.start += shift;
            interval.end += shift;
        }
    }
}

/// "from March to May 2026", "between 2007 and 2012", "1998-2006": the
/// first end takes the year of the second when it has none, and both ends
/// get the interval of the whole range.
fn join_ranges(
    cx: &mut Context<'_>,
    mentions: &[Mention],
    sources: &[usize],
    timexes: &mut [Timex],
) {
    for (k, a, b) in consecutive_mentions(mentions, sources, timexes.len()) {
        if a.kind != TimexType::Date || b.kind != TimexType::Date || b.tokens.0 != a.tokens.1 + 1 {
            continue;
        }
        let word = |i: usize| cx.words.get(i).map_or("", |w| w.norm.as_str());
        let connector = word(a.tokens.1);
        let opener = a.tokens.0.checked_sub(1).map_or("", word);
        let joined = match connector {
            "to" | "until" | "till" | "through" => opener == "from",
            "and" => opener == "between",
            "-" | "\u{2013}" => true,
            _ => false,
        };
        if !joined {
            continue;
        }
        // "3 June to 9 July 2024": the first end is in 2024 too
        if let (
            Form::Date {
                year: None,
                month: Some(ma),
                day,
                weekday,
            },
            Some(b_interval),
        ) = (&a.form, timexes[k].interval)
        {
            let b_year = match b.form {
                Form::Date {
                    year: Some(y),
                    month,
                    ..
                } => Some((y, month)),
                Form::Date {
                    year: None, month, ..
                } => Some((b_interval.start.date().year(), month)),
                _ => None,
            };
            if let Some((y, mb)) = b_year {
                let y = if mb.is_some_and(|mb| *ma > mb) {
                    y - 1
                } else {
                    y
                };
                let form = Form::Date {
                    year: Some(y),
                    month: Some(*ma),
                    day: *day,
                    weekday: *weekday,
                };
                let v = cx.form_value(&form, None);
                timexes[k - 1].value = v.value;
                timexes[k - 1].interval = v.interval;
                let _ = b_interval;
            }
        }
        if let (Some(first), Some(last)) = (timexes[k - 1].interval, timexes[k].interval) {
            if first.start < last.end {
                let mut whole = first;
                whole.end = last.end;
                whole.granularity = first.granularity.max(last.granularity);
                whole.exact = first.exact && last.exact;
                timexes[k - 1].interval = Some(whole);
                timexes[k].interval = Some(whole);
            }
        }
    }
}

/// Whether a form names a weekday without an offset ("Wednesday",
/// "Saturday night", "noon Friday").
/// Whether the expression at token `start` is the period a report is
/// about: "results for December", "figures for the third quarter". The
/// tense of the clause then tells when the report comes out, not when the
/// period lies.
fn reports_on(words: &[Word], start: usize) -> bool {
    const REPORTS: &[&str] = &[
        "data",
        "earnings",
        "figures",
        "numbers",
        "report",
        "results",
        "sales",
        "statistics",
    ];
    let word = |back: usize| {
        start
            .checked_sub(back)
            .and_then(|i| words.get(i))
            .map_or("", |w| w.norm.as_str())
    };
    let (noun, preposition) = match word(1) {
        "the" => (word(3), word(2)),
        _ => (word(2), word(1)),
    };
    preposition == "for" && REPORTS.contains(&noun)
}

fn names_weekday(form: &Form) -> bool {
    match form {
        Form::Weekday { offset: None, .. } => true,
        Form::PartOfDay {
            date: Some(date), ..
        }
        | Form::Time {
            date: Some(date), ..
        } => names_weekday(date),
        _ => false,
    }
}

/// The last quarter that ended before `date`'s: (year, quarter).
fn last_ended_quarter(date: NaiveDate) -> (i32, u32) {
    match date.month0() / 3 + 1 {
        1 => (date.year() - 1, 4),
        q => (date.year(), q - 1),
    }
}

/// The token range of the sentence that holds token `i`.
fn sentence_tokens(words: &[Word], sentences: &[Span], i: usize) -> (usize, usize) {
    let Some(offset) = words.get(i).map(|w| w.span.start) else {
        return (i, i);
    };
    let s = sentences.partition_point(|s| s.end <= offset);
    let Some(span) = sentences.get(s) else {
        return (0, words.len());
    };
    let first = words.partition_point(|w| w.span.start < span.start);
    let last = words.partition_point(|w| w.span.end <= span.end);
    (first, last.max(first))
}

/// A DCT read from the text: a full date in the first sentence (a dateline
/// such as "WASHINGTON, March 22, 1998 (AP) -"), else the first full date.
pub(crate) fn infer_dct(mentions: &[Mention], first_sentence_end: usize) -> Option<Dct> {
    mentions.iter().find_map(|m| {
        let Form::Date {
            year: Some(y),
            month: Some(mo),
            day: Some(d),
            ..
        } = m.form
        else {
            return None;
        };
        // A DCT is written and read as a TIMEX3 value, whose year has four
        // digits: "Dec. 7 480 BC" dates an event, not the document.
        if !(0..=9999).contains(&y) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(y, mo, d)?;
        let rule = if m.span.end <= first_sentence_end {
            "dateline"
        } else {
            "first_full_date"
        };
        let mut dct = Dct::from_date(date);
        dct.source = DctSource::Inferred {
            span: m.span,
            rule: rule.to_string(),
        };
        Some(dct)
    })
}

/// Narrows an interval to the part a modifier names: the first, middle or
/// last third ("early", "mid", "late"), in whole months for a year and
/// whole days otherwise.
fn with_modifier(mut interval: Interval, modifier: Option<Modifier>) -> Interval {
    let Some(modifier) = modifier else {
        return interval;
    };
    let (start, end) = (interval.start, interval.end);
    let thirds = if interval.granularity >= Granularity::Year {
        let months = (end.date().year() - start.date().year()) * 12 + end.date().month() as i32
            - start.date().month() as i32;
        let step = (months / 3).max(1);
        add_months(start.date(), step)
            .zip(add_months(start.date(), 2 * step))
            .map(|(a, b)| (midnight(a), midnight(b)))
    } else if interval.granularity >= Granularity::Day && (end - start).num_days() >= 3 {
        let days = (end - start).num_days();
        let step = (days / 3).max(1);
        Some((
            start + Duration::days(step),
            start + Duration::days(2 * step),
        ))
    } else {
        let third = (end - start) / 3;
        Some((start + third, end - third))
    };
    let Some((one, two)) = thirds.filter(|(one, two)| start < *one && one < two && *two < end)
    else {
        return interval;
    };
    match modifier {
        Modifier::Start => interval.end = one,
        Modifier::Mid => {
            interval.start = one;
            interval.end = two;
        }
        Modifier::End => interval.start = two,
        _ => {}
    }
    interval.exact = false;
    interval
}

/// What the words around an expression say about which candidate is meant.
#[derive(Debug, Clone, Copy, Default)]
struct Hint {
    /// The tense cue is a verb right next to the expression.
    strong: bool,
    /// "by", "until", "before": a deadline, usually ahead.
    deadline: bool,
}

/// The candidate nearest to `anchor` in the direction the tense implies.
fn choose(
    candidates: &[NaiveDate],
    anchor: NaiveDate,
    direction: Option<Direction>,
    prefer: Prefer,
    hint: Hint,
) -> Option<NaiveDate> {
    let direction = match (direction, prefer) {
        (Some(d), _) => Some(d),
        (None, Prefer::Past) => Some(Direction::Past),
        (None, Prefer::Future) => Some(Direction::Future),
        (None, Prefer::Nearest) => None,
    };
    let distance = |d: &NaiveDate| (*d - anchor).num_days().abs();
    // With no cue to the past or future, news more often looks back: a
    // date ahead must be nearer than the one behind by a twentieth ("its
    // record high set on Aug. 6", six months either way, is the last one).
    let undirected = !matches!(direction, Some(Direction::Past | Direction::Future));
    let leaning = |d: &NaiveDate| {
        let days = distance(d);
        if undirected && *d > anchor {
            days + days / 20
        } else {
            days
        }
    };
    let nearest = candidates.iter().min_by_key(|d| leaning(d)).copied();
    let directed = match direction {
        Some(Direction::Past) => candidates.iter().filter(|d| **d <= anchor).max().copied(),
        Some(Direction::Future) => candidates.iter().filter(|d| **d >= anchor).min().copied(),
        _ => None,
    };
    let soon = candidates
        .iter()
        .filter(|d| **d >= anchor && distance(d) <= 62)
        .min()
        .copied();
    if hint.deadline && soon.is_some() && direction != Some(Direction::Past)
        || hint.deadline && !hint.strong && soon.is_some()
    {
        return soon;
    }
    // A tense cue read from a verb some words away is weak evidence; a
    // candidate nearly a year off is rarely meant when one within two
    // months exists.
    match (directed, nearest) {
        (Some(d), Some(n)) if !hint.strong && distance(&d) > 150 && distance(&n) <= 60 => Some(n),
        (Some(d), _) => Some(d),
        (None, n) => n,
    }
}

/// The date a narrative means by a day or month without a year: the one
/// of the anchor's year, unless that lies most of a year back while the
/// one of the next year is only weeks ahead. A narrative moves forward, so
/// "December 7, 1941 ... In January" is January 1942; but it also looks
/// back within a year ("1 April ... On 20 March", "in March ... that
/// October"), and its past tense says nothing about which year is meant.
fn choose_in_narrative(
    same_year: NaiveDate,
    next_year: Option<NaiveDate>,
    anchor: NaiveDate,
) -> NaiveDate {
    match next_year {
        Some(next)
            if (anchor - same_year).num_days() >= 180 && (next - anchor).num_days() <= 92 =>
        {
            next
        }
        _ => same_year,
    }
}

impl Context<'_> {
    /// Whether the narrative anchor is a day the text told: only then may
    /// a date without a year fall in the next year ("December 7, 1941 ...
    /// In January" is January 1942). After a bare year or month ("in
    /// 1944", "in December 2008", often a summary or an aside) it stays in
    /// that year.
    fn narrative_at_a_day(&self) -> bool {
        match (self.discourse.narrative, self.discourse.explicit) {
            (Some((_, anchor_tid)), Some((_, granularity, tid))) => {
                anchor_tid == tid && granularity <= Granularity::Day
            }
            _ => false,
        }
    }

    /// The anchor for relative expressions, with its tid.
    fn anchor(&self) -> Option<(NaiveDate, String)> {
        if self.options.mode == Mode::Narrative {
            if let Some((date, tid)) = self.discourse.narrative {
                return Some((date, format!("t{tid}")));
            }
        }
        self.dct.map(|d| (d, "t0".to_string()))
    }

    /// The last day the discourse set, else the anchor.
    fn discourse_day(&self, direction: Option<Direction>) -> Option<(NaiveDate, String)> {
        // "on Tuesday at 9 a.m.": a day named just before sets the date
        if let Some(last) = self.discourse.days.last() {
            if last.end_token <= self.current_token && self.current_token <= last.end_token + 3 {
                return Some((last.date, format!("t{}", last.tid)));
            }
        }
        // A narrative tells its days in order and in one tense: "the next
        // day" follows the last day told. News mixes what happened with what
        // is planned, so there a day of the same tense is the likelier base.
        let recent = self.discourse.days.iter().rev().take(RECENT_DAYS);
        let same = recent
            .clone()
            .find(|m| {
                self.options.mode != Mode::Narrative
                    && direction.is_some()
                    && m.direction == direction
            })
            .or_else(|| self.discourse.days.last());
        match same {
            Some(m) => Some((m.date, format!("t{}", m.tid))),
            None => self.anchor(),
        }
    }

    /// The base of "that year", "two months later": the last day the
    /// discourse set or the last date given at least as finely as `unit`
    /// ("in 1988 ... that year"), whichever came last.
    fn discourse_point(
        &self,
        direction: Option<Direction>,
        unit: Unit,
    ) -> Option<(NaiveDate, String)> {
        let day = self.discourse_day(direction);
        let day_tid = day.as_ref().map_or(0, |(_, tid)| {
            tid.strip_prefix('t')
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0)
        });
        match self.discourse.explicit {
            Some((date, granularity, tid))
                if tid > day_tid && granularity <= unit_granularity(unit) =>
            {
                Some((date, format!("t{tid}")))
            }
            _ => day,
        }
    }

    /// "that same day", "that day" right after a date given only to the
    /// month or year ("last October ... that same day"): a day of that
    /// month or year, which the text does not say (`1998-10-XX`). None
    /// when a day was set since.
    fn same_day_of_a_coarser_date(&self) -> Option<Value> {
        let (date, granularity, tid) = self.discourse.explicit?;
        if self.discourse.days.last().is_some_and(|m| m.tid >= tid) {
            return None;
        }
        // The point's own value, so that years before 0 or after 9999
        // take their TIMEX3 forms (`BC0480-XX-XX`).
        let (point, unknown) = match granularity {
            Granularity::Month => (Point::Month(date.year(), date.month()), "-XX"),
            Granularity::Year => (Point::Year(date.year()), "-XX-XX"),
            _ => return None,
        };
        let mut v = Value::plain(format!("{}{unknown}", point.value()));
        v.interval = point.interval().map(|mut i| {
            i.exact = false;
            i
        });
        v.anchor = Some(format!("t{tid}"));
        Some(v)
    }

    /// In an earnings report, the quarter a year before the one reported
    /// on ("a year earlier", "the year-ago quarter"): a year before the
    /// reported quarter, else before the quarter preceding the DCT.
    /// None outside such reports, and in a sentence about a longer period
    /// ("for the nine months ... a year earlier" is the year before).
    fn quarter_a_year_before(&self) -> Option<(i32, u32)> {
        if !self.discourse.quarter_talk || self.sentence_speaks_of_longer_periods() {
            return None;
        }
        if let Some((y, q)) = self.discourse.last_quarter {
            return Some((y - 1, q));
        }
        let (y, q) = last_ended_quarter(self.dct?);
        Some((y - 1, q))
    }

    /// Whether the current sentence reports on half or nine months of a
    /// year ("for the nine months", "first-half", "six-month").
    fn sentence_speaks_of_longer_periods(&self) -> bool {
        let (first, last) = self.sentence;
        let Some(words) = self.words.get(first..last) else {
            return false;
        };
        words.windows(2).any(|pair| {
            let (a, b) = (pair[0].norm.as_str(), pair[1].norm.as_str());
            matches!(a, "nine" | "six" | "9" | "6") && matches!(b, "months" | "month" | "-")
                || a == "first" && b == "half"
        })
    }

    /// In an earnings report, the quarter a phrase names through the
    /// reported quarter: "the quarter" after "the fiscal first quarter" is
    /// that quarter; "the 1988 quarter", "the 1989 period" are the same
    /// quarter of that year.
    fn reported_quarter(&self, mention: &Mention) -> Option<Point> {
        let (first, last) = mention.tokens;
        let words = self.words.get(first..last)?;
        let last_word = words.last().map_or("", |w| w.norm.as_str());
        match mention.form {
            Form::Relative {
                unit: Unit::Quarter,
                offset: -1,
            } if words.len() == 2 && words[0].norm == "the" && last_word == "quarter" => self
                .discourse
                .last_quarter
                .map(|(y, q)| Point::Quarter(y, q)),
            Form::Date {
                year: Some(y),
                month: None,
                ..
            } if last_word == "quarter"
                || self.discourse.quarter_talk
                    && last_word == "period"
                    && !self.sentence_speaks_of_longer_periods() =>
            {
                let q = self
                    .discourse
                    .last_quarter
                    .or_else(|| self.dct.map(last_ended_quarter))?
                    .1;
                Some(Point::Quarter(y, q))
            }
            _ => None,
        }
    }

    fn value(
        &mut self,
        mention: &Mention,
        direction: Option<Direction>,
        sentence: (usize, usize),
    ) -> Value {
        let same_day = matches!(mention.form, Form::DayAfter { offset: 0 });
        let mut v = match self.anaphoric_weekday(mention) {
            Some(v) => v,
            None => match same_day
                .then(|| self.same_day_of_a_coarser_date())
                .flatten()
            {
                Some(v) => v,
                None => self.form_value(&mention.form, direction),
            },
        };
        if let (Form::Holiday { .. }, Some(day)) = (&mention.form, v.sets_day) {
            let last = mention
                .tokens
                .1
                .checked_sub(1)
                .and_then(|i| self.words.get(i));
            if last.is_some_and(|w| w.norm == "week") {
                // "Easter week": the ISO week holding the holiday
                let anchor = v.anchor.take();
                v = self.point_value(point_of(day, Unit::Week), anchor, false);
            }
        }
        if let Some(point) = self.reported_quarter(mention) {
            let anchor = v.anchor.take();
            v = self.point_value(point, anchor, false);
        }
        if let Some(interval) = v.interval {
            v.interval = Some(with_modifier(interval, mention.modifier));
            if mention.modifier == Some(Modifier::Approx) {
                if let Some(i) = v.interval.as_mut() {
                    i.exact = false;
                }
            }
        }
        // "since 2021": from the point to the anchor; "until 2030": the other way.
        let before = mention
            .tokens
            .0
            .checked_sub(1)
            .and_then(|i| self.words.get(i))
            .map_or("", |w| w.norm.as_str());
        if mention.kind == TimexType::Date && !matches!(mention.form, Form::Reference { .. }) {
            if let (Some(interval), Some((anchor, _))) = (v.interval, self.anchor()) {
                let anchor_end = anchor.succ_opt().map(midnight);
                match before {
                    "since" => {
                        if let Some(end) = anchor_end.filter(|e| *e > interval.start) {
                            v.interval = Interval::new(interval.start, end, interval.granularity)
                                .map(|mut i| {
                                    i.exact = interval.exact;
                                    i
                                });
                        }
                    }
                    "until" | "till" | "through" if midnight(anchor) < interval.end => {
                        v.interval =
                            Interval::new(midnight(anchor), interval.end, interval.granularity);
                    }
                    _ => {}
                }
            }
        }
        // "for 91 days ... had continued": a duration reaching back to the anchor.
        if let Form::Duration {
            amount: Amount::Count(n),
            unit,
            reach: Reach::Free,
        } = mention.form
        {
            if before == "for"
                && direction == Some(Direction::Past)
                && tense::perfect(self.words, sentence)
            {
                if let Some((anchor, tid)) = self.anchor() {
                    v.interval = reach_interval(anchor, n, unit, Reach::Back);
                    v.anchor = Some(tid);
                }
            }
        }
        v
    }

    /// "the previous Friday", "the following Monday": "previous" and
    /// "following" count from the time the narrative is at (the last day it
    /// set), where "last Friday" and "next Monday" count from the DCT.
    fn anaphoric_weekday(&self, mention: &Mention) -> Option<Value> {
        let Form::Weekday {
            weekday,
            offset: Some(offset),
        } = mention.form
        else {
            return None;
        };
        let word = self.words.get(mention.tokens.0 + 1)?.norm.as_str();
        if !matches!(word, "previous" | "preceding" | "following") {
            return None;
        }
        let last = self.discourse.days.last()?;
        let target = weekday_from_iso(weekday)?;
        let step = if offset < 0 { -1 } else { 1 };
        let date = (1..=7)
            .filter_map(|k| last.date.checked_add_signed(Duration::days(step * k)))
            .find(|d| d.weekday() == target)?;
        Some(self.point_value(Point::Day(date), Some(format!("t{}", last.tid)), false))
    }

    fn point_value(&self, point: Point, anchored: Option<String>, explicit: bool) -> Value {
        let interval = point.interval();
        let day = match point {
            Point::Day(d) => Some(d),
            _ => None,
        };
        Value {
            value: point.value(),
            interval,
            anchor: anchored,
            quant: None,
            freq: None,
            sets_day: day,
            sets_anchor: if explicit { point.first_day() } else { None },
        }
    }

    fn form_value(&mut self, form: &Form, direction: Option<Direction>) -> Value {
        let prefer = self.options.prefer;
        let narrative = self.options.mode == Mode::Narrative;
        match *form {
            Form::Date {
                year,
                month,
                day,
                weekday,
            } => {
                let Some(month) = month else {
                    let Some(y) = year else {
                        return Value::plain("XXXX".into());
                    };
                    return self.point_value(Point::Year(y), None, true);
                };
                if let Some(y) = year {
                    return match day {
                        Some(d) => match NaiveDate::from_ymd_opt(y, month, d) {
                            Some(date) => self.point_value(Point::Day(date), None, true),
                            None => Value::plain(format!("{y:04}-{month:02}-{d:02}")),
                        },
                        None => self.point_value(Point::Month(y, month), None, true),
                    };
                }
                let Some((anchor, tid)) = self.anchor() else {
                    return Value::plain(match day {
                        Some(d) => format!("XXXX-{month:02}-{d:02}"),
                        None => format!("XXXX-{month:02}"),
                    });
                };
                let years = [anchor.year() - 1, anchor.year(), anchor.year() + 1];
                match day {
                    Some(d) => {
                        let candidates: Vec<NaiveDate> = if let Some(wd) = weekday {
                            // the year in which the date falls on that weekday, nearest the anchor
                            let target = weekday_from_iso(wd);
                            let matching: Vec<NaiveDate> = (anchor.year() - 11
                                ..=anchor.year() + 11)
                                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, d))
                                .filter(|date| Some(date.weekday()) == target)
                                .collect();
                            if matching.is_empty() {
                                years
                                    .iter()
                                    .filter_map(|y| NaiveDate::from_ymd_opt(*y, month, d))
                                    .collect()
                            } else {
                                // the nearest such year, unless it is far: then the tense decides
                                let nearest = matching
                                    .iter()
                                    .min_by_key(|c| (**c - anchor).num_days().abs())
                                    .copied()
                                    .filter(|c| (*c - anchor).num_days().abs() <= 200);
                                let strong = Hint {
                                    strong: true,
                                    deadline: false,
                                };
                                nearest
                                    .or_else(|| {
                                        choose(&matching, anchor, direction, prefer, strong)
                                    })
                                    .into_iter()
                                    .collect()
                            }
                        } else if narrative {
                            let roll = self.narrative_at_a_day();
                            NaiveDate::from_ymd_opt(anchor.year(), month, d)
                                .map(|same| {
                                    let next = NaiveDate::from_ymd_opt(anchor.year() + 1, month, d);
                                    choose_in_narrative(same, next.filter(|_| roll), anchor)
                                })
                                .into_iter()
                                .collect()
                        } else {
                            years
                                .iter()
                                .filter_map(|y| NaiveDate::from_ymd_opt(*y, month, d))
                                .collect()
                        };
                        match choose(&candidates, anchor, direction, prefer, self.hint) {
                            Some(date) => {
                                let mut v =
                                    self.point_value(Point::Day(date), Some(tid), narrative);
                                v.sets_anchor = Some(date);
                                v
                            }
                            None => Value::plain(format!("XXXX-{month:02}-{d:02}")),
                        }
                    }
                    None => {
                        let month_anchor =
                            NaiveDate::from_ymd_opt(anchor.year(), anchor.month(), 1)
                                .unwrap_or(anchor);
                        let firsts: Vec<NaiveDate> = if narrative {
                            let roll = self.narrative_at_a_day();
                            NaiveDate::from_ymd_opt(anchor.year(), month, 1)
                                .map(|same| {
                                    let next = NaiveDate::from_ymd_opt(anchor.year() + 1, month, 1);
                                    choose_in_narrative(same, next.filter(|_| roll), month_anchor)
                                })
                                .into_iter()
                                .collect()
                        } else {
                            years
                                .iter()
                                .filter_map(|y| NaiveDate::from_ymd_opt(*y, month, 1))
                                .collect()
                        };
                        match choose(&firsts, month_anchor, direction, prefer, self.hint) {
                            Some(first) => {
                                let mut v = self.point_value(
                                    Point::Month(first.year(), first.month()),
                                    Some(tid),
                                    false,
                                );
                                // "In March ... The following month": April
                                v.sets_anchor = Some(first);
                                v
                            }
                            None => Value::plain(format!("XXXX-{month:02}")),
                        }
                    }
                }
            }
            Form::Quarter { year, quarter } => match self.year_of(year) {
                Some((y, tid)) => {
                    let mut y = y;
                    if year == YearSpec::Anchor && direction == Some(Direction::Past) {
                        if let Some((anchor, _)) = self.anchor() {
                            if quarter > anchor.month0() / 3 + 1 {
                                y -= 1;
                            }
                        }
                    }
                    if self.discourse.last_quarter.is_none() {
                        self.discourse.last_quarter = self.dct.and_then(|dct| {
                            let (latest_year, latest) = last_ended_quarter(dct);
                            (y == latest_year && quarter <= latest).then_some((y, quarter))
                        });
                    }
                    self.point_value(
                        Point::Quarter(y, quarter),
                        tid,
                        matches!(year, YearSpec::Given(_)),
                    )
                }
                None => Value::plain(format!("XXXX-Q{quarter}")),
            },
            Form::Half { year, half } => match self.year_of(year) {
                Some((mut y, tid)) => {
                    // "profit fell in the second half", written in May: last year's
                    if year == YearSpec::Anchor && direction == Some(Direction::Past) {
                        if let Some((anchor, _)) = self.anchor() {
                            if half > anchor.month0() / 6 + 1 {
                                y -= 1;
                            }
                        }
                    }
                    self.point_value(
                        Point::Half(y, half),
                        tid,
                        matches!(year, YearSpec::Given(_)),
                    )
                }
                None => Value::plain(format!("XXXX-H{half}")),
            },
            Form::Season { year, season } => {
                let resolved = match year {
                    YearSpec::Given(y) => Some((y, None)),
                    YearSpec::Anchor => self.anchor().map(|(a, tid)| (a.year(), Some(tid))),
                    YearSpec::Offset(off) => self.anchor().map(|(a, tid)| {
                        let (cy, cs) = season_of(a);
                        let (want, now) = (season_index(season), season_index(cs));
                        let y = match off {
                            0 => cy,
                            o if o < 0 => {
                                if want < now {
                                    cy
                                } else {
                                    cy - 1
                                }
                            }
                            _ => {
                                if want > now {
                                    cy
                                } else {
                                    cy + 1
                                }
                            }
                        };
                        (y, Some(tid))
                    }),
                };
                match resolved {
                    Some((y, tid)) => self.point_value(
                        Point::Season(y, season),
                        tid,
                        matches!(year, YearSpec::Given(_)),
                    ),
                    None => Value::plain(format!("XXXX-{season}")),
                }
            }
            Form::Decade(d) => self.point_value(Point::Decade(d), None, false),
            Form::Century(c) => self.point_value(Point::Century(c), None, false),
            Form::Holiday { rule, year } => {
                if let Some(y) = year {
                    return match holiday_date(rule, y) {
                        Some(date) => self.point_value(Point::Day(date), None, true),
                        None => Value::plain(format!("{y:04}")),
                    };
                }
                let Some((anchor, tid)) = self.anchor() else {
                    return match rule {
                        crate::recognize::HolidayRule::Fixed { month, day } => {
                            Value::plain(format!("XXXX-{month:02}-{day:02}"))
                        }
                        _ => Value::plain("XXXX".into()),
                    };
                };
                let candidates: Vec<NaiveDate> = (anchor.year() - 1..=anchor.year() + 1)
                    .filter_map(|y| holiday_date(rule, y))
                    .collect();
                // a holiday days away is the one meant, whatever the tense
                // ("as Easter week began", written on its Monday)
                let days_away = candidates
                    .iter()
                    .find(|d| (**d - anchor).num_days().abs() <= 7)
                    .copied();
                let chosen =
                    days_away.or_else(|| choose(&candidates, anchor, direction, prefer, self.hint));
                match chosen {
                    Some(date) => self.point_value(Point::Day(date), Some(tid), false),
                    None => Value::plain("XXXX".into()),
                }
            }
            Form::Relative { unit, offset } => {
                let Some((anchor, tid)) = self
                    .dct
                    .map(|d| (d, "t0".to_string()))
                    .or_else(|| self.anchor())
                else {
                    return Value::plain(underspecified(unit));
                };
                let anchor = if narrative {
                    self.anchor().map_or(anchor, |a| a.0)
                } else {
                    anchor
                };
                let Some(moved) = add_units(anchor, unit, offset as i64) else {
                    return Value::plain(underspecified(unit));
                };
                self.point_value(point_of(moved, unit), Some(tid), false)
            }
            Form::Weekday { weekday, offset } => {
                let Some((anchor, tid)) = self.anchor() else {
                    return Value::plain(format!("XXXX-WXX-{weekday}"));
                };
                let Some(target) = weekday_from_iso(weekday) else {
                    return Value::plain(format!("XXXX-WXX-{weekday}"));
                };
                let candidates: Vec<NaiveDate> = (-7i64..=7)
                    .filter_map(|k| anchor.checked_add_signed(Duration::days(k)))
                    .filter(|d| d.weekday() == target)
                    .collect();
                let date = match offset {
                    // "until Friday", "by Monday": the one ahead
                    None if self.hint.deadline && direction != Some(Direction::Past) => {
                        candidates.iter().filter(|d| **d >= anchor).min().copied()
                    }
                    // news reports what happened: without a cue, the one before
                    None => choose(
                        &candidates,
                        anchor,
                        direction.or(Some(Direction::Past)),
                        prefer,
                        self.hint,
                    ),
                    // "this Friday": the coming one, or the one just gone in a past clause
                    Some(0) => {
                        let dir = if direction == Some(Direction::Past) {
                            Direction::Past
                        } else {
                            Direction::Future
                        };
                        choose(
                            &candidates,
                            anchor,
                            Some(dir),
                            prefer,
                            Hint {
                                strong: true,
                                deadline: false,
                            },
                        )
                    }
                    Some(o) if o < 0 => candidates.iter().filter(|d| **d < anchor).max().copied(),
                    Some(_) => candidates.iter().filter(|d| **d > anchor).min().copied(),
                };
                match date {
                    Some(d) => self.point_value(Point::Day(d), Some(tid), false),
                    None => Value::plain(format!("XXXX-WXX-{weekday}")),
                }
            }
            Form::MonthNear { month, offset } => {
                let Some((anchor, tid)) = self.anchor() else {
                    return Value::plain(format!("XXXX-{month:02}"));
                };
                let y = if offset < 0 {
                    if month < anchor.month() {
                        anchor.year()
                    } else {
                        anchor.year() - 1
                    }
                } else if month > anchor.month() {
                    anchor.year()
                } else {
                    anchor.year() + 1
                };
                let mut v = self.point_value(Point::Month(y, month), Some(tid), false);
                // "last October ... that same day": the month the text is at
                v.sets_anchor = NaiveDate::from_ymd_opt(y, month, 1);
                v
            }
            Form::Shift {
                amount,
                unit,
                direction: sign,
                discourse,
            } => {
                let base = if discourse {
                    self.discourse_point(direction, unit)
                } else {
                    self.anchor()
                };
                let Some((anchor, tid)) = base else {
                    return Value::plain(underspecified(unit));
                };
                let Amount::Count(n) = amount else {
                    return Value::plain(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into());
                };
                let Some(moved) = shift_date(anchor, n, unit, sign as i64) else {
                    return Value::plain(underspecified(unit));
                };
                if unit == Unit::Year && n == 1.0 && sign < 0 {
                    // "a year ago" in an earnings report: the same quarter a year before
                    if let Some((y, q)) = self.quarter_a_year_before() {
                        return self.point_value(Point::Quarter(y, q), Some(tid), false);
                    }
                }
                let grain = match unit {
                    Unit::Second | Unit::Minute | Unit::Hour => Unit::Day,
                    Unit::Decade | Unit::Century | Unit::Millennium => Unit::Year,
                    u if n.fract() != 0.0 => match u {
                        Unit::Year => Unit::Month,
                        _ => Unit::Day,
                    },
                    u => u,
                };
                let mut v = self.point_value(point_of(moved, grain), Some(tid), false);
                if grain == Unit::Day {
                    v.sets_day = Some(moved);
                }
                v
            }
            Form::Weekend => {
                let Some((anchor, tid)) = self.anchor() else {
                    return Value::plain("XXXX-WXX-WE".into());
                };
                let saturdays: Vec<NaiveDate> = (-7i64..=7)
                    .filter_map(|k| anchor.checked_add_signed(Duration::days(k)))
                    .filter(|d| d.weekday() == chrono::Weekday::Sat)
                    .collect();
                let dir = direction.or(Some(Direction::Past));
                match choose(&saturdays, anchor, dir, prefer, self.hint) {
                    Some(sat) => {
                        let iso = sat.iso_week();
                        self.point_value(Point::Weekend(iso.year(), iso.week()), Some(tid), false)
                    }
                    None => Value::plain("XXXX-WXX-WE".into()),
                }
            }
            Form::WeekOf(ref day) => {
                let v = self.form_value(day, direction);
                match v.sets_day {
                    Some(d) => {
                        let iso = d.iso_week();
                        self.point_value(Point::Week(iso.year(), iso.week()), v.anchor, false)
                    }
                    None => Value::plain("XXXX-WXX".into()),
                }
            }
            Form::YearEarlier => {
                let Some((anchor, tid)) = self.anchor() else {
                    return Value::plain("XXXX".into());
                };
                match self.quarter_a_year_before() {
                    Some((y, q)) => self.point_value(Point::Quarter(y, q), Some(tid), false),
                    None => self.point_value(Point::Year(anchor.year() - 1), Some(tid), false),
                }
            }
            Form::DayAfter { offset } => {
                let Some((base, tid)) = self.discourse_day(direction) else {
                    return Value::plain("XXXX-XX-XX".into());
                };
                match base.checked_add_signed(Duration::days(offset as i64)) {
                    Some(d) => self.point_value(Point::Day(d), Some(tid), false),
                    None => Value::plain("XXXX-XX-XX".into()),
                }
            }
            Form::Time {
                hour,
                minute,
                second,
                ref date,
                zone,
            } => {
                let day = match date {
                    Some(inner) => {
                        let v = self.form_value(inner, direction);
                        v.sets_day.map(|d| (d, v.anchor))
                    }
                    None => self.discourse_day(direction).map(|(d, tid)| (d, Some(tid))),
                };
                let clock = match second {
                    Some(s) => format!("{hour:02}:{minute:02}:{s:02}"),
                    None => format!("{hour:02}:{minute:02}"),
                };
                let Some((day, tid)) = day else {
                    return Value::plain(format!("T{clock}"));
                };
                // "midnight" is 24:00, the first instant of the next day
                let (clock_day, clock_hour) = if hour >= 24 {
                    (day.succ_opt().unwrap_or(day), 0)
                } else {
                    (day, hour)
                };
                let time = NaiveTime::from_hms_opt(clock_hour, minute, second.unwrap_or(0));
                let interval = time.and_then(|t| {
                    let start = clock_day.and_time(t);
                    let (len, grain) = match second {
                        Some(_) => (Duration::seconds(1), Granularity::Second),
                        None => (Duration::minutes(1), Granularity::Minute),
                    };
                    let mut i = Interval::new(start, start + len, grain)?;
                    i.utc_offset_minutes = zone;
                    Some(i)
                });
                Value {
                    value: format!("{}T{clock}", Point::Day(day).value()),
                    interval,
                    anchor: tid,
                    quant: None,
                    freq: None,
                    sets_day: Some(day),
                    sets_anchor: None,
                }
            }
            Form::PartOfDay { part, ref date } => {
                let day = match date {
                    Some(inner) => {
                        let v = self.form_value(inner, direction);
                        v.sets_day.map(|d| (d, v.anchor))
                    }
                    None => self.discourse_day(direction).map(|(d, tid)| (d, Some(tid))),
                };
                let Some((day, tid)) = day else {
                    return Value::plain(format!("XXXX-XX-XXT{part}"));
                };
                let (from, to) = match part {
                    "MO" => (6, 12),
                    "AF" => (12, 18),
                    "EV" => (18, 24),
                    "MI" => (11, 13),
                    _ => (21, 30),
                };
                let start = midnight(day) + Duration::hours(from);
                let interval = Interval::new(
                    start,
                    midnight(day) + Duration::hours(to),
                    Granularity::PartOfDay,
                )
                .map(|mut i| {
                    i.exact = false;
                    i
                });
                Value {
                    value: format!("{}T{part}", Point::Day(day).value()),
                    interval,
                    anchor: tid,
                    quant: None,
                    freq: None,
                    sets_day: Some(day),
                    sets_anchor: None,
                }
            }
            Form::Duration {
                amount,
                unit,
                reach,
            } => {
                let n = match amount {
                    Amount::Count(n) => Some(n),
                    Amount::Some => None,
                };
                let mut v = Value::plain(duration_value(n, unit));
                if reach != Reach::Free {
                    if let (Some(n), Some((anchor, tid))) = (n, self.anchor()) {
                        v.interval = reach_interval(anchor, n, unit, reach);
                        v.anchor = Some(tid);
                    } else if let Some((anchor, tid)) = self.anchor() {
                        v.interval = reach_interval(anchor, 3.0, unit, reach).map(|mut i| {
                            i.exact = false;
                            i
                        });
                        v.anchor = Some(tid);
                    }
                }
                v
            }
            Form::Reference { reference, unit } => {
                let value = match reference {
                    Reference::Past => "PAST_REF",
                    Reference::Present => "PRESENT_REF",
                    Reference::Future => "FUTURE_REF",
                };
                let mut v = Value::plain(value.to_string());
                if let Some((anchor, tid)) = self.anchor() {
                    let (unit, n) = match unit {
                        Some(Unit::Day) => (Unit::Day, 7.0),
                        Some(u) => (u, 3.0),
                        None => (Unit::Month, 3.0),
                    };
                    let reach = match reference {
                        Reference::Past => Some(Reach::Back),
                        Reference::Future => Some(Reach::Ahead),
                        Reference::Present => None,
                    };
                    let interval = match reach {
                        Some(r) => reach_interval(anchor, n, unit, r),
                        None => Some(Interval::day(anchor)),
                    };
                    v.interval = interval.map(|mut i| {
                        i.exact = false;
                        i
                    });
                    v.anchor = Some(tid);
                }
                v
            }
            Form::Set {
                unit,
                every,
                weekday,
                month,
                part,
                quant,
                freq,
            } => {
                let value = if let Some(wd) = weekday {
                    match part {
                        Some(p) => format!("XXXX-WXX-{wd}T{p}"),
                        None => format!("XXXX-WXX-{wd}"),
                    }
                } else if let Some(m) = month {
                    format!("XXXX-{m:02}")
                } else if let Some(p) = part {
                    // "every summer" carries its season where a part of the
                    // day would be: a season is a date, `XXXX-SU`.
                    if matches!(p, "SP" | "SU" | "FA" | "WI") {
                        format!("XXXX-{p}")
                    } else {
                        format!("XXXX-XX-XXT{p}")
                    }
                } else {
                    duration_value(Some(every as f64), unit.unwrap_or(Unit::Day))
                };
                let mut v = Value::plain(value);
                v.quant = quant.map(str::to_string);
                v.freq = freq.map(|f| format!("{f}X"));
                v
            }
        }
    }

    fn year_of(&self, spec: YearSpec) -> Option<(i32, Option<String>)> {
        match spec {
            YearSpec::Given(y) => Some((y, None)),
            YearSpec::Anchor => self.anchor().map(|(a, tid)| (a.year(), Some(tid))),
            YearSpec::Offset(o) => self.anchor().map(|(a, tid)| (a.year() + o, Some(tid))),
        }
    }
}

/// The interval of an amount of time that ends at the anchor's day
/// (inclusive) or starts at it.
fn reach_interval(anchor: NaiveDate, n: f64, unit: Unit, reach: Reach) -> Option<Interval> {
    let granularity = unit_granularity(unit);
    match reach {
        Reach::Back => {
            let start = shift_date(anchor, n, unit, -1)?;
            let end = anchor.succ_opt()?;
            Interval::new(midnight(start), midnight(end), granularity)
        }
        // "the next three days" starts on the anchor's day and runs three
        // days past it, the mirror of "the past three days"
        Reach::Ahead => {
            let end = shift_date(anchor, n, unit, 1)?.succ_opt()?;
            Interval::new(midnight(anchor), midnight(end), granularity)
        }
        Reach::Free => None,
    }
}

fn underspecified(unit: Unit) -> String {
    match unit {
        Unit::Week | Unit::Weekend | Unit::Fortnight => "XXXX-WXX".into(),
        Unit::Month => "XXXX-XX".into(),
        Unit::Quarter => "XXXX-QX".into(),
        Unit::Year | Unit::Decade | Unit::Century | Unit::Millennium => "XXXX".into(),
        _ => "XXXX-XX-XX".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
    }

    #[test]
    fn the_last_ended_quarter_crosses_the_year_in_january() {
        assert_eq!(last_ended_quarter(date(1989, 10, 26)), (1989, 3));
        assert_eq!(last_ended_quarter(date(1990, 2, 1)), (1989, 4));
        assert_eq!(last_ended_quarter(date(1990, 4, 1)), (1990, 1));
    }

    #[test]
    fn an_undirected_year_choice_leans_to_the_past_only_on_near_ties() {
        let anchor = date(1998, 2, 6);
        let days = [date(1997, 8, 6), date(1998, 8, 6)];
        // 184 days back, 181 ahead: a near tie goes to the past
        assert_eq!(
            choose(&days, anchor, None, Prefer::Nearest, Hint::default()),
            Some(date(1997, 8, 6))
        );
        // 191 back, 174 ahead: clearly nearer ahead
        let anchor = date(1998, 2, 13);
        assert_eq!(
            choose(&days, anchor, None, Prefer::Nearest, Hint::default()),
            Some(date(1998, 8, 6))
        );
    }
}
