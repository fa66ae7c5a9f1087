//! Finding temporal expressions: rules over tokens produce mentions, each a
//! span with a TIMEX3 type and a *form*, the parsed but unresolved meaning
//! (`day 7 month 12 weekday Sunday`, `91 days`, `weekday Wednesday`).
//!
//! A prefilter skips every sentence that holds no digit and no lexicon word,
//! so the rules run on little of the input; the rules themselves look at a
//! bounded number of tokens from each position, so the work is linear.

mod lexicon;
mod prefilter;
mod rules;

use std::borrow::Cow;
use std::ops::Deref;
use std::sync::OnceLock;

pub(crate) use lexicon::{HolidayRule, Lexicon, Unit};

use crate::lexicon::FastMap;
use crate::model::{Modifier, Span, TimexType};
use crate::text::{Token, TokenKind};

/// A count of units: exact ("three"), fractional ("two and a half") or
/// unspecified ("several", "a few").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Amount {
    Count(f64),
    Some,
}

/// Which year a year-less period belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearSpec {
    /// Written out: "the third quarter of 1989".
    Given(i32),
    /// Not given: the anchor's year ("the third quarter").
    Anchor,
    /// Relative to the anchor's year or season: "last summer" (-1).
    Offset(i32),
}

/// How a duration relates to the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Not placed in time: "two decades".
    Free,
    /// Ends at the anchor: "the past three months".
    Back,
    /// Starts at the anchor: "the next two years".
    Ahead,
}

/// The vague references of TIMEX3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reference {
    Past,
    Present,
    Future,
}

/// The parsed, unresolved meaning of a temporal expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Form {
    /// A calendar date given (perhaps partly) in the text: "7 December",
    /// "Sunday, 7 December", "February 2020", "2021".
    Date {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
        weekday: Option<u32>,
    },
    Quarter {
        year: YearSpec,
        quarter: u32,
    },
    Half {
        year: YearSpec,
        half: u32,
    },
    Season {
        year: YearSpec,
        season: &'static str,
    },
    /// "the 1990s": 199.
    Decade(i32),
    /// "the 20th century": 19.
    Century(i32),
    Holiday {
        rule: HolidayRule,
        year: Option<i32>,
    },
    /// A calendar unit counted from the anchor: "today" (day, 0),
    /// "last month" (month, -1), "this week" (week, 0).
    Relative {
        unit: Unit,
        offset: i32,
    },
    /// A weekday near the anchor: "Wednesday" (`offset` None, direction from
    /// tense), "last Friday" (-1), "next Monday" (1).
    Weekday {
        weekday: u32,
        offset: Option<i32>,
    },
    /// A month near the anchor: "last June" (-1), "next March" (1).
    MonthNear {
        month: u32,
        offset: i32,
    },
    /// An amount of units before or after the anchor: "two days ago" (-1),
    /// "a year later" (1). `discourse`: counted from the last date mentioned
    /// ("later", "earlier") rather than the DCT.
    Shift {
        amount: Amount,
        unit: Unit,
        direction: i32,
        discourse: bool,
    },
    /// The weekend nearest the anchor in the tense's direction: "over the weekend".
    Weekend,
    /// The week that holds a day: "the week of March 6".
    WeekOf(Box<Form>),
    /// The period a year before the one being reported on: "the
    /// year-earlier quarter", "year-ago".
    YearEarlier,
    /// One day counted from the last date mentioned: "the next day" (1),
    /// "the day before" (-1).
    DayAfter {
        offset: i32,
    },
    /// A clock time on a date (None: the date the discourse has set).
    Time {
        hour: u32,
        minute: u32,
        second: Option<u32>,
        date: Option<Box<Form>>,
        zone: Option<i32>,
    },
    /// A part of a day: "Monday morning", "tonight", "this afternoon".
    PartOfDay {
        part: &'static str,
        date: Option<Box<Form>>,
    },
    Duration {
        amount: Amount,
        unit: Unit,
        reach: Reach,
    },
    Reference {
        reference: Reference,
        unit: Option<Unit>,
    },
    /// A recurrence: "every week", "daily", "each Sunday", "twice a month".
    Set {
        unit: Option<Unit>,
        every: u32,
        weekday: Option<u32>,
        month: Option<u32>,
        part: Option<&'static str>,
        quant: Option<&'static str>,
        freq: Option<u32>,
    },
}

/// A temporal expression as found, before it is resolved against an anchor.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    pub span: Span,
    /// The index of the first and one past the last token.
    pub tokens: (usize, usize),
    pub kind: TimexType,
    pub form: Form,
    pub modifier: Option<Modifier>,
    /// The stable name of the rule that found it.
    pub rule: &'static str,
}

/// A token's normalized form: lowercase, without the periods of a word.
/// Most tokens borrow it from the lowercased text; only dotted words
/// ("p.m.") and non-ASCII ones own theirs.
#[derive(Debug, Clone)]
pub(crate) struct Norm<'t>(Cow<'t, str>);

impl Norm<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The same, owning its text (for words kept after their piece).
    pub fn into_owned(self) -> Norm<'static> {
        Norm(Cow::Owned(self.0.into_owned()))
    }
}

impl Deref for Norm<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Norm<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

/// What the lexicon knows of a word: its entries in the tables the rules
/// read at nearly every token, and its roles for the prefilter, looked up
/// once per word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Known {
    pub month: Option<u32>,
    pub weekday: Option<u32>,
    pub cardinal: Option<u32>,
    pub ordinal: Option<u32>,
    pub unit: Option<Unit>,
    /// A season ("summer"): lets a rule's guard skip the season table.
    pub season: bool,
    /// A part of the day ("morning", "nights"), as [`Known::season`].
    pub part_of_day: bool,
    /// A trigger word of the prefilter, or its plural.
    pub trigger: bool,
    /// A lead word of the prefilter.
    pub lead: bool,
    /// A word the resolver's tense cues name (`resolve::possible_cue_words`).
    pub tense_cue: bool,
}

impl Known {
    /// Nothing known: the entry of every word outside the tables.
    pub const NOTHING: Known = Known {
        month: None,
        weekday: None,
        cardinal: None,
        ordinal: None,
        unit: None,
        season: false,
        part_of_day: false,
        trigger: false,
        lead: false,
        tense_cue: false,
    };
}

/// The words the lexicon knows, with [`Known`] of each: every
/// word of the month, weekday, cardinal, ordinal and unit tables and the
/// prefilter's trigger words (with their plurals) and lead words; and the
/// length of the longest.
fn known_words() -> &'static (FastMap<Box<str>, Known>, usize) {
    static KNOWN: OnceLock<(FastMap<Box<str>, Known>, usize)> = OnceLock::new();
    KNOWN.get_or_init(|| {
        let lex = lexicon();
        let mut known: FastMap<Box<str>, Known> = FastMap::default();
        fn entry<'m>(known: &'m mut FastMap<Box<str>, Known>, word: &str) -> &'m mut Known {
            known.entry(Box::from(word)).or_default()
        }
        for (word, &m) in &lex.months {
            entry(&mut known, word).month = Some(m);
        }
        for (word, &d) in &lex.weekdays {
            entry(&mut known, word).weekday = Some(d);
        }
        for (word, &c) in &lex.cardinals {
            entry(&mut known, word).cardinal = Some(c);
        }
        for (word, &o) in &lex.ordinals {
            entry(&mut known, word).ordinal = Some(o);
        }
        for (word, &u) in &lex.units {
            entry(&mut known, word).unit = Some(u);
        }
        for word in lex.seasons.keys() {
            entry(&mut known, word).season = true;
        }
        for word in lex.parts_of_day.keys() {
            entry(&mut known, word).part_of_day = true;
        }
        for word in prefilter::trigger_words(lex) {
            entry(&mut known, word).trigger = true;
            entry(&mut known, &format!("{word}s")).trigger = true;
        }
        for word in prefilter::lead_words(lex) {
            entry(&mut known, word).lead = true;
        }
        for word in crate::resolve::possible_cue_words() {
            entry(&mut known, word).tense_cue = true;
        }
        let longest = known.keys().map(|w| w.len()).max().unwrap_or(0);
        (known, longest)
    })
}

/// [`known_words`] as an open-addressing table of words of at most 16
/// bytes held inline, as two integers padded with zeros: a look-up hashes
/// two integers and compares them, with no string comparison (the table
/// is read at every word of a text). Longer entries are in `long`.
struct KnownTable {
    /// The packed word, its length and its place in `known` (length 0:
    /// an empty slot).
    slots: Vec<(u64, u64, u32, u32)>,
    known: Vec<Known>,
    long: FastMap<Box<str>, Known>,
    /// The bits of the hash that pick a slot.
    bits: u32,
}

impl KnownTable {
    fn new(words: &FastMap<Box<str>, Known>) -> KnownTable {
        let short = words.keys().filter(|w| (1..=16).contains(&w.len())).count();
        let bits = (2 * short).next_power_of_two().max(2).trailing_zeros();
        let mut table = KnownTable {
            slots: vec![(0, 0, 0, 0); 1 << bits],
            known: Vec::with_capacity(short),
            long: FastMap::default(),
            bits,
        };
        for (word, &known) in words {
            if !(1..=16).contains(&word.len()) {
                table.long.insert(word.clone(), known);
                continue;
            }
            let (a, b) = pack(word.as_bytes());
            let mut at = table.slot(a, b);
            while table.slots[at].2 != 0 {
                at = (at + 1) & (table.slots.len() - 1);
            }
            table.slots[at] = (a, b, word.len() as u32, table.known.len() as u32);
            table.known.push(known);
        }
        table
    }

    #[inline]
    fn slot(&self, a: u64, b: u64) -> usize {
        let mixed = (a ^ b.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (mixed >> (64 - self.bits)) as usize
    }

    #[inline]
    fn get(&self, word: &str) -> Option<&Known> {
        if word.len() > 16 || word.is_empty() {
            return self.long.get(word);
        }
        let (a, b) = pack(word.as_bytes());
        let mut at = self.slot(a, b);
        loop {
            let &(sa, sb, len, index) = self.slots.get(at)?;
            if len == 0 {
                return None;
            }
            if sa == a && sb == b && len as usize == word.len() {
                return self.known.get(index as usize);
            }
            at = (at + 1) & (self.slots.len() - 1);
        }
    }
}

/// The bytes of `word` (1 to 16 of them) as two little-endian integers
/// padded with zeros.
fn pack(word: &[u8]) -> (u64, u64) {
    match word.split_at_checked(8) {
        Some((head, tail)) => {
            let mut first = [0u8; 8];
            first.copy_from_slice(head);
            (u64::from_le_bytes(first), crate::lexicon::tail_word(tail))
        }
        None => (crate::lexicon::tail_word(word), 0),
    }
}

/// [`known_words`] as a [`KnownTable`], and the length of the longest.
fn known_table() -> &'static (KnownTable, usize) {
    static TABLE: OnceLock<(KnownTable, usize)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let (words, longest) = known_words();
        (KnownTable::new(words), *longest)
    })
}

/// A token with what the rules need to know about it.
#[derive(Debug, Clone)]
pub(crate) struct Word<'t> {
    /// Lowercase, without periods: "Sept." is `sept`, "p.m." is `pm`.
    pub norm: Norm<'t>,
    pub kind: TokenKind,
    pub span: Span,
    pub space_before: bool,
    /// The first character is uppercase.
    pub capitalized: bool,
    /// Every letter is uppercase.
    pub upper: bool,
    /// The token ended with a period ("Dec.").
    pub dotted: bool,
    /// The token starts a sentence.
    pub sentence_start: bool,
    /// Its entries in the lexicon's word tables (a reference into the
    /// static table: a `Word` written per token stays small).
    pub known: &'static Known,
}

/// `text` with its ASCII letters lowercased (same length, same char
/// boundaries): what [`words`] borrows the normalized tokens from.
pub(crate) fn lowercase(text: &str) -> String {
    text.to_ascii_lowercase()
}

/// The words of `tokens`; `lower` is [`lowercase`] of `text`.
pub(crate) fn words<'t>(
    text: &str,
    lower: &'t str,
    tokens: &[Token],
    sentence_starts: &[usize],
) -> Vec<Word<'t>> {
    let mut words = Vec::with_capacity(tokens.len());
    words_in(&mut words, text, lower, 0, tokens, sentence_starts);
    words
}

/// [`words`] appended to `out`, with `lower` the [`lowercase`] of `text`
/// from byte `lower_start` on (a piece of a long text): appended, so that
/// a piece's words follow the words it carries from the previous piece
/// without a second copy of them.
pub(crate) fn words_in<'t>(
    out: &mut Vec<Word<'t>>,
    text: &str,
    lower: &'t str,
    lower_start: usize,
    tokens: &[Token],
    sentence_starts: &[usize],
) {
    let mut starts = sentence_starts.iter().peekable();
    let (known_words, longest) = known_table();
    let words = tokens.iter().map(|t| {
        let raw = t.text(text);
        let word = t.kind == TokenKind::Word;
        let ascii = t.ascii;
        // Only a word's periods come from abbreviations, and such a
        // word ends with one.
        let dotted = word && raw.ends_with('.');
        let keep = |c: char| c != '.' || !word;
        let norm = if ascii {
            // The common case: a slice of the lowercased text.
            let lowered = t
                .span
                .start
                .checked_sub(lower_start)
                .and_then(|start| lower.get(start..start + t.span.len()))
                .unwrap_or("");
            if dotted && lowered.contains('.') {
                Cow::Owned(lowered.chars().filter(|c| keep(*c)).collect())
            } else {
                Cow::Borrowed(lowered)
            }
        } else {
            Cow::Owned(
                raw.chars()
                    .filter(|c| keep(*c))
                    .flat_map(char::to_lowercase)
                    .map(|c| if c == '\u{2019}' { '\'' } else { c })
                    .collect(),
            )
        };
        while starts.peek().is_some_and(|s| **s < t.span.start) {
            starts.next();
        }
        let sentence_start = starts.peek().is_some_and(|s| **s == t.span.start);
        let (capitalized, upper) = if !ascii {
            let mut letters = raw.chars().filter(|c| c.is_alphabetic()).peekable();
            let any = letters.peek().is_some();
            (
                raw.chars().next().is_some_and(char::is_uppercase),
                any && letters.all(char::is_uppercase),
            )
        } else if word {
            // Letters (and periods) only, the first a letter.
            let bytes = raw.as_bytes();
            (
                bytes.first().is_some_and(u8::is_ascii_uppercase),
                !bytes.iter().any(u8::is_ascii_lowercase),
            )
        } else {
            // Digits, separators or one sign: no letter.
            (false, false)
        };
        let known = if word && norm.len() <= *longest {
            known_words.get(&norm).unwrap_or(&Known::NOTHING)
        } else {
            &Known::NOTHING
        };
        Word {
            known,
            norm: Norm(norm),
            kind: t.kind,
            span: t.span,
            space_before: t.space_before,
            capitalized,
            upper,
            dotted,
            sentence_start,
        }
    });
    out.extend(words);
}

/// The compiled rules and lexicons.
#[derive(Debug)]
pub(crate) struct Recognizer {
    lexicon: &'static Lexicon,
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::new)
}

impl Recognizer {
    pub fn new() -> Recognizer {
        Recognizer { lexicon: lexicon() }
    }

    /// Finds the mentions in `text`, in order, without overlaps: at each
    /// token the longest expression that starts there wins.
    pub fn recognize(&self, text: &str, words: &[Word], sentences: &[Span]) -> Vec<Mention> {
        let worth_parsing = prefilter::worth_parsing(words);
        self.recognize_at(text, words, sentences, |i| worth_parsing[i])
    }

    /// [`Recognizer::recognize`], trying the rules only at the tokens
    /// `worth_parsing` accepts.
    fn recognize_at(
        &self,
        text: &str,
        words: &[Word],
        sentences: &[Span],
        worth_parsing: impl Fn(usize) -> bool,
    ) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let mut first = 0;
        for sentence in sentences {
            let begin = first + words[first..].partition_point(|w| w.span.start < sentence.start);
            let end = begin + words[begin..].partition_point(|w| w.span.end <= sentence.end);
            first = end;
            if begin >= end || sentence.slice(text).is_none() {
                continue;
            }
            let parser = rules::Parser::new(self.lexicon, &words[..end]);
            let mut i = begin;
            while i < end {
                if !worth_parsing(i) {
                    i += 1;
                    continue;
                }
                match parser.expression(i) {
                    Some(found) if found.end > i && found.rule == rules::REJECTED => i = found.end,
                    Some(found) if found.end > i => {
                        let last = &words[found.end - 1];
                        let mut last_byte = last.span.end;
                        // "10 a.m. EST.": the period ends the sentence, not the zone
                        if last.dotted
                            && found.end == end
                            && self.lexicon.zones.contains_key(last.norm.as_str())
                        {
                            last_byte -= 1;
                        }
                        let span = Span::new(words[i].span.start, last_byte);
                        mentions.push(Mention {
                            span,
                            tokens: (i, found.end),
                            kind: found.kind,
                            form: found.form,
                            modifier: found.modifier,
                            rule: found.rule,
                        });
                        i = found.end;
                    }
                    _ => i += 1,
                }
            }
        }
        mentions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_known_table_holds_the_known_words_and_nothing_else() {
        let (words, _) = known_words();
        let (table, _) = known_table();
        assert!(words.len() > 300);
        let mut probes: Vec<String> = Vec::new();
        for word in words.keys() {
            assert_eq!(table.get(word), Some(&words[word]), "{word}");
            // Near misses: one byte more, one less, one changed, a NUL.
            probes.push(format!("{word}x"));
            probes.push(format!("{word}\0"));
            probes.push(word[..word.len() - 1].to_string());
            probes.push(format!("q{}", &word[1..]));
        }
        let article = include_str!("../data/example-article.txt").to_ascii_lowercase();
        probes.extend(article.split(' ').map(str::to_string));
        probes.push("a-very-long-word-indeed-longer-than-sixteen".to_string());
        for probe in &probes {
            assert_eq!(table.get(probe), words.get(probe.as_str()), "{probe:?}");
        }
    }
}
