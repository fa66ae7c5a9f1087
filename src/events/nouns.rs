//! The `premodified_event_noun` rule: a noun that a date modifies names an
//! event (*a September **report***, *the February 2020 Doha
//! **Agreement***, *Friday's **ceremony***, *the 1996 Olympic
//! **bombing***) when `data/events/event_nouns.txt` lists it or its
//! deverbal ending. The tagger misses many of these nouns: they are rare
//! in the training data, and a date before a noun reads to it like the
//! start of a sentence's adverbial.

use std::sync::OnceLock;

use crate::model::Span;

use super::features::{fnv1a, stem, Function, WordInfo};

/// The rule's name, recorded on the events it makes.
pub(super) const RULE: &str = "premodified_event_noun";

/// The lexicon: event noun stems (by hash), deverbal suffixes, and the
/// words with such a suffix that name no event.
struct Lexicon {
    nouns: Vec<u64>,
    suffixes: Vec<&'static str>,
    exceptions: Vec<u64>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lexicon = Lexicon {
            nouns: Vec::new(),
            suffixes: Vec::new(),
            exceptions: Vec::new(),
        };
        for row in crate::lexicon::rows(include_str!("../../data/events/event_nouns.txt")) {
            match (row.first().copied(), row.get(1).copied()) {
                (Some("noun"), Some(word)) => lexicon.nouns.push(fnv1a(stem(word).as_bytes())),
                (Some("suffix"), Some(ending)) => lexicon.suffixes.push(ending),
                (Some("not"), Some(word)) => lexicon.exceptions.push(fnv1a(word.as_bytes())),
                _ => {}
            }
        }
        lexicon.nouns.sort_unstable();
        lexicon.exceptions.sort_unstable();
        lexicon
    })
}

/// Whether the lexicon lists the word's stem as an event noun (*war*,
/// *battle*, *summit*).
pub(super) fn is_listed_event_noun(info: &WordInfo) -> bool {
    lexicon().nouns.binary_search(&info.stem).is_ok()
}

/// Whether `word` (whose info is `info`) names an event by the lexicon.
fn is_event_noun(info: &WordInfo, word: &str) -> bool {
    let lexicon = lexicon();
    let lower = word.to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    // The crude stem of *bombings* is *bombing*, that of *bombing* *bomb*.
    let singular_stem = fnv1a(stem(singular).as_bytes());
    if [info.stem, singular_stem]
        .iter()
        .any(|h| lexicon.nouns.binary_search(h).is_ok())
    {
        return true;
    }
    lexicon.suffixes.iter().any(|s| singular.ends_with(s))
        && singular.len() > 6
        && lexicon
            .exceptions
            .binary_search(&fnv1a(singular.as_bytes()))
            .is_err()
}

/// Whether word `i` of a sentence (words `texts`, `infos`, `spans`) is the
/// head of a noun phrase that a date premodifies: after a DATE timex
/// (`is_date_at(offset)` says whether a DATE covers a byte offset),
/// optionally its `'s`, and at most two capitalized name words, with no
/// capitalized word after it (*the 2020 Doha **Agreement** talks* has
/// *talks* as its head, which the rule also reaches).
pub(super) fn is_premodified_event_noun(
    is_date_at: impl Fn(usize) -> bool,
    infos: &[WordInfo],
    texts: &[&str],
    spans: &[Span],
    i: usize,
) -> bool {
    if infos[i].function != Function::Content || infos[i].in_timex {
        return false;
    }
    let capitalized = |k: usize| {
        infos[k].capitalized && infos[k].function == Function::Content && !infos[k].in_timex
    };
    if capitalized(i) && infos.get(i + 1).is_some() && capitalized(i + 1) {
        return false;
    }
    let mut j = i;
    let mut names = 0;
    while j > 0 {
        j -= 1;
        if infos[j].in_timex {
            break;
        }
        let possessive = matches!(texts[j], "'s" | "\u{2019}s" | "'" | "\u{2019}");
        if possessive && j + 1 == i - names {
            continue;
        }
        if names < 2 && capitalized(j) {
            names += 1;
            continue;
        }
        return false;
    }
    if !infos[j].in_timex {
        return false;
    }
    is_date_at(spans[j].start) && is_event_noun(&infos[i], texts[i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::features::Reader;

    /// Whether the last word of `words` is a premodified event noun, with
    /// the words `date` marks (indices) inside one timex (a DATE, unless
    /// `premodified_as` says it is of another type).
    fn premodified(words: &[&str], date: std::ops::Range<usize>) -> bool {
        premodified_as(words, date, true)
    }

    fn premodified_as(words: &[&str], date: std::ops::Range<usize>, date_kind: bool) -> bool {
        let mut reader = Reader::default();
        let mut infos: Vec<WordInfo> = words.iter().map(|w| reader.read(w)).collect();
        let mut spans = Vec::new();
        let mut at = 0;
        for w in words {
            spans.push(Span::new(at, at + w.len()));
            at += w.len() + 1;
        }
        for k in date.clone() {
            infos[k].in_timex = true;
        }
        let (first, last) = (spans[date.start].start, spans[date.end - 1].end);
        let is_date_at = |at: usize| date_kind && (first..last).contains(&at);
        is_premodified_event_noun(is_date_at, &infos, words, &spans, words.len() - 1)
    }

    #[test]
    fn dated_event_nouns_are_events() {
        assert!(premodified(&["a", "September", "report"], 1..2));
        assert!(premodified(
            &["the", "February", "2020", "Doha", "Agreement"],
            1..3
        ));
        assert!(premodified(&["Friday", "'s", "ceremony"], 0..1));
        assert!(premodified(&["the", "1996", "Olympic", "bombings"], 1..2));
        assert!(premodified(&["the", "1978", "resolution"], 1..2));
    }

    #[test]
    fn other_nouns_and_positions_are_not() {
        assert!(!premodified(&["the", "1996", "law"], 1..2));
        assert!(!premodified(&["the", "1996", "government"], 1..2));
        assert!(!premodified(&["in", "1996", "the", "report"], 1..2));
        assert!(!premodified(
            &["the", "1996", "Big", "New", "York", "report"],
            1..2
        ));
        // A duration (*a three-day visit*) is no date.
        assert!(!premodified_as(&["a", "three-day", "visit"], 1..2, false));
    }
}
