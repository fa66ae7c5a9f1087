//! The token prefilter: the rules run only at tokens that have a digit or
//! a lexicon word close after them.
//!
//! Every rule reads forward from where it starts, every expression holds a
//! *trigger* (a number, or a month, weekday, unit, season, part of day,
//! holiday word, ordinal, number word from ten up, or a word such as
//! *today*, *ago*, *recently*, *period*), and every expression starts with
//! a trigger or a *lead word* (a word the rules compare tokens with: *the*,
//! *about*, *no more than*, *a few*, number words). So the rules, which
//! would otherwise be tried at every token, run only at lead words and
//! triggers with a trigger at most [`WINDOW`] - 1 tokens after them: about
//! one token in seven of news text.
//!
//! A rule that starts with a new word must add it to [`LEAD_WORDS`] (or to
//! the triggers); the tests compare the mentions with and without the
//! prefilter on the example article and the TempEval-3 texts. The test below checks, on the TempEval-3 training
//! texts when present and on the crate's example article, that the mentions
//! are the same as without the prefilter.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::lexicon::{Lexicon, TRIGGER_WORDS};
use super::Word;
use crate::lexicon::WordHasher;
use crate::text::TokenKind;

/// How many tokens, counting the start, may come before the first trigger
/// of an expression, with one to spare ("no more than a few weeks": the
/// trigger is the 6th token; the TempEval-3 texts need 5).
pub(super) const WINDOW: usize = 6;

type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

/// Words the rules read that are in no lexicon table and can carry an
/// expression without a number or lexicon word within [`WINDOW`] tokens
/// ("the latest period", "shortly thereafter").
const RULE_WORDS: &[&str] = &[
    "period",
    "term",
    "thereafter",
    "afterwards",
    "hence",
    "date",
    "half",
    "immediate",
    "season",
    "calendar",
    "fy",
    "q",
    "h",
    "twice",
    "thrice",
    "weekday",
    "holiday",
    "duration",
    "consecutive",
    "clock",
    "o",
    "eve",
    "bc",
    "bce",
    "ad",
    "ce",
];

/// The words an expression can start with when they are not triggers
/// themselves: every word the rules compare a token with (prefixes such as
/// "no more than", "the", amounts such as "a few", "several"), besides the
/// number words. A token that is neither a trigger nor one of these never
/// starts an expression.
const LEAD_WORDS: &[&str] = &[
    "'",
    "a",
    "about",
    "account",
    "accounts",
    "acres",
    "across",
    "ad",
    "additional",
    "affairs",
    "after",
    "afternoon",
    "afterwards",
    "ago",
    "ahead",
    "almost",
    "am",
    "an",
    "and",
    "annually",
    "approximately",
    "around",
    "as",
    "at",
    "autumn",
    "ave",
    "avenue",
    "basis",
    "bc",
    "bce",
    "before",
    "beginning",
    "between",
    "billion",
    "blvd",
    "boulevard",
    "business",
    "but",
    "by",
    "ca",
    "calendar",
    "ce",
    "cents",
    "centuries",
    "century",
    "christmas",
    "circa",
    "class",
    "clock",
    "coming",
    "comparable",
    "consecutive",
    "couple",
    "current",
    "currently",
    "daily",
    "date",
    "day",
    "days",
    "distant",
    "does",
    "dollars",
    "dozen",
    "drive",
    "duration",
    "during",
    "each",
    "earlier",
    "early",
    "easter",
    "eighties",
    "end",
    "eve",
    "evening",
    "events",
    "every",
    "fall",
    "feet",
    "few",
    "fewer",
    "fifties",
    "final",
    "first",
    "fiscal",
    "flight",
    "following",
    "for",
    "forties",
    "from",
    "full",
    "future",
    "fy",
    "h",
    "half",
    "has",
    "hence",
    "hers",
    "highway",
    "his",
    "holiday",
    "hourly",
    "hours",
    "hrs",
    "hundred",
    "immediate",
    "in",
    "initial",
    "into",
    "is",
    "its",
    "kilometers",
    "km",
    "lane",
    "last",
    "lasted",
    "lasts",
    "late",
    "lately",
    "later",
    "latest",
    "least",
    "less",
    "local",
    "long",
    "many",
    "march",
    "may",
    "men",
    "meters",
    "mid",
    "midday",
    "middle",
    "midnight",
    "miles",
    "millennia",
    "million",
    "monthly",
    "more",
    "morning",
    "most",
    "nd",
    "near",
    "nearly",
    "next",
    "night",
    "nightly",
    "nineteen",
    "nineties",
    "no",
    "noon",
    "nos",
    "now",
    "nowadays",
    "number",
    "numerous",
    "o",
    "of",
    "old",
    "on",
    "once",
    "or",
    "other",
    "over",
    "part",
    "past",
    "pct",
    "people",
    "per",
    "percent",
    "perhaps",
    "period",
    "place",
    "plaza",
    "plus",
    "pm",
    "points",
    "possible",
    "preceding",
    "present",
    "previous",
    "prior",
    "q",
    "quarter",
    "quarterly",
    "rd",
    "recent",
    "recently",
    "remaining",
    "rest",
    "right",
    "road",
    "room",
    "roughly",
    "route",
    "s",
    "same",
    "season",
    "sept",
    "seven",
    "seventh",
    "seventies",
    "several",
    "shares",
    "short",
    "since",
    "sixties",
    "so",
    "soldiers",
    "some",
    "soon",
    "spend",
    "spends",
    "spent",
    "spring",
    "square",
    "ss",
    "st",
    "start",
    "straight",
    "street",
    "summer",
    "take",
    "takes",
    "taking",
    "term",
    "th",
    "than",
    "that",
    "the",
    "thereafter",
    "these",
    "third",
    "thirties",
    "this",
    "three",
    "thrice",
    "through",
    "throughout",
    "thus",
    "till",
    "time",
    "times",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "tons",
    "took",
    "towards",
    "trading",
    "troops",
    "twenties",
    "twice",
    "under",
    "until",
    "up",
    "upcoming",
    "us",
    "wait",
    "waited",
    "waits",
    "was",
    "way",
    "weekday",
    "weekend",
    "weekly",
    "while",
    "winter",
    "with",
    "working",
    "year",
    "yearly",
    "years",
    "yesterday",
];

pub(super) fn lead_words(lex: &'static Lexicon) -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = WordSet::default();
        set.extend(LEAD_WORDS);
        set.extend(lex.cardinals.keys());
        set.extend(lex.ordinals.keys());
        set
    })
}

pub(super) fn trigger_words(lex: &'static Lexicon) -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = WordSet::default();
        set.extend(lex.months.keys());
        set.extend(lex.weekdays.keys());
        set.extend(lex.units.keys());
        set.extend(lex.seasons.keys());
        set.extend(lex.parts_of_day.keys());
        set.extend(lex.ordinals.keys());
        set.extend(
            lex.cardinals
                .iter()
                .filter(|(_, v)| **v >= 10)
                .map(|(w, _)| w),
        );
        set.extend(TRIGGER_WORDS);
        set.extend(RULE_WORDS);
        // A holiday name starts with a trigger of its own ("new" of "new
        // year s eve"); its later words ("s") would only add noise.
        set.extend(
            lex.holidays
                .keys()
                .filter_map(|name| name.split(' ').next()),
        );
        set
    })
}

/// For each word, whether it may start an expression: it is a trigger (a
/// number or lexicon word) or a lead word, and a trigger is at most
/// [`WINDOW`] - 1 words after it.
pub(super) fn worth_parsing(words: &[Word]) -> Vec<bool> {
    let mut out = vec![false; words.len()];
    let mut last_trigger: Option<usize> = None;
    for (i, w) in words.iter().enumerate().rev() {
        // Plurals ("on Mondays", "mornings") are read by the rules through
        // their singular, so they trigger as the singular does: the word
        // table marks both (see `recognize::Known`).
        let trigger = w.kind == TokenKind::Number || (w.kind == TokenKind::Word && w.known.trigger);
        if trigger {
            last_trigger = Some(i);
        }
        let near = last_trigger.is_some_and(|t| t - i < WINDOW);
        out[i] = near && (trigger || w.known.lead || w.norm.as_str() == "'");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{lowercase, words, Mention, Recognizer};
    use crate::text::{sentences, tokenize};

    /// The mentions with the prefilter, and with the rules tried everywhere.
    fn both(text: &str) -> (Vec<Mention>, Vec<Mention>) {
        let tokens = tokenize(text);
        let spans = sentences(text, &tokens);
        let starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
        let lower = lowercase(text);
        let words = words(text, &lower, &tokens, &starts);
        let recognizer = Recognizer::new();
        let filtered = recognizer.recognize(text, &words, &spans);
        let everywhere = recognizer.recognize_at(text, &words, &spans, |_| true);
        (filtered, everywhere)
    }

    #[test]
    fn the_prefilter_skips_most_tokens_and_keeps_every_mention() {
        let text = include_str!("../../data/example-article.txt");
        let (filtered, everywhere) = both(text);
        assert!(everywhere.len() > 10);
        assert_eq!(filtered, everywhere);
        let tokens = tokenize("The minister said the talks would go on as planned.");
        let spans = sentences(
            "The minister said the talks would go on as planned.",
            &tokens,
        );
        let sentence = "The minister said the talks would go on as planned.";
        let lower = lowercase(sentence);
        let w = words(sentence, &lower, &tokens, &[spans[0].start]);
        assert!(super::worth_parsing(&w).iter().all(|b| !b));
    }

    #[test]
    fn the_prefilter_keeps_every_mention_of_the_tempeval_texts() {
        let texts: Vec<_> = crate::io::timeml::tempeval_training_documents()
            .into_iter()
            .map(|(path, doc)| (path, doc.text))
            .collect();
        if texts.is_empty() {
            eprintln!("skipped: no TempEval-3 training data in ../shared/data");
            return;
        }
        let mut total = 0;
        let (mut kept, mut all) = (0, 0);
        for (path, text) in &texts {
            let (filtered, everywhere) = both(text);
            total += everywhere.len();
            assert_eq!(filtered, everywhere, "{}", path.display());
            let tokens = tokenize(text);
            let spans = sentences(text, &tokens);
            let starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
            let lower = lowercase(text);
            let mask = super::worth_parsing(&words(text, &lower, &tokens, &starts));
            kept += mask.iter().filter(|b| **b).count();
            all += mask.len();
        }
        // About 14% of news tokens reach the rules.
        assert!(kept * 5 < all, "{kept} of {all} tokens kept");
        assert!(total > 1000, "{total} mentions");
    }
}
