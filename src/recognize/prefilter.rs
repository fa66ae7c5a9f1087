//! The token prefilter: the rules run only at tokens that have a digit or
//! a lexicon word close after them.
//!
//! Every rule reads forward from where it starts and every expression holds
//! a number or a word of the lexicon (a month, weekday, unit, season, part
//! of day, holiday or zone word, an ordinal, a number word from ten up, or
//! one of the trigger words such as *today*, *ago*, *recently*). So a token
//! with none of these among itself and the [`WINDOW`] - 1 tokens after it
//! cannot start an expression, and the rules, which look at every position
//! otherwise, are skipped there. On news text this leaves about one token
//! in ten to the rules. The test below checks, on the TempEval-3 training
//! texts when present and on the crate's example article, that the mentions
//! are the same as without the prefilter.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::lexicon::{Lexicon, TRIGGER_WORDS};
use super::Word;
use crate::text::TokenKind;

/// How many tokens, counting the start, may come before the first trigger
/// of an expression ("no more than a year": the trigger is the 5th token).
pub(super) const WINDOW: usize = 8;

/// A fast hash for short lexicon words (FxHash's multiply-rotate); the keys
/// are fixed data, so no defence against chosen collisions is needed.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut rest = [0u8; 8];
        let tail = chunks.remainder();
        rest[..tail.len()].copy_from_slice(tail);
        self.add(u64::from_le_bytes(rest) ^ ((tail.len() as u64) << 59));
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

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

fn trigger_words(lex: &'static Lexicon) -> &'static WordSet {
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
        set.extend(lex.holidays.keys().flat_map(|name| name.split(' ')));
        set
    })
}

/// For each word, whether a number or a lexicon word is at most
/// [`WINDOW`] - 1 words after it (or is the word itself).
pub(super) fn worth_parsing(lex: &'static Lexicon, words: &[Word]) -> Vec<bool> {
    let set = trigger_words(lex);
    let mut out = vec![false; words.len()];
    let mut last_trigger: Option<usize> = None;
    for (i, w) in words.iter().enumerate().rev() {
        let trigger = w.kind == TokenKind::Number
            || (w.kind == TokenKind::Word && set.contains(w.norm.as_str()));
        if trigger {
            last_trigger = Some(i);
        }
        out[i] = last_trigger.is_some_and(|t| t - i < WINDOW);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{lexicon, words, Mention, Recognizer};
    use crate::text::{sentences, tokenize};

    /// The mentions with the prefilter, and with the rules tried everywhere.
    fn both(text: &str) -> (Vec<Mention>, Vec<Mention>) {
        let tokens = tokenize(text);
        let spans = sentences(text, &tokens);
        let starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
        let words = words(text, &tokens, &starts);
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
        let w = words(
            "The minister said the talks would go on as planned.",
            &tokens,
            &[spans[0].start],
        );
        assert!(super::worth_parsing(lexicon(), &w).iter().all(|b| !b));
    }

    #[test]
    fn the_prefilter_keeps_every_mention_of_the_tempeval_texts() {
        let root = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/tempeval3/train"
        );
        let mut texts = Vec::new();
        for part in ["timebank", "aquaint"] {
            let Ok(entries) = std::fs::read_dir(format!("{root}/{part}")) else {
                continue;
            };
            for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
                if let Ok(doc) = crate::io::timeml::read_timeml(&path) {
                    texts.push((path, doc.text));
                }
            }
        }
        if texts.is_empty() {
            eprintln!("skipped: {root} is absent");
            return;
        }
        let mut total = 0;
        for (path, text) in &texts {
            let (filtered, everywhere) = both(text);
            total += everywhere.len();
            assert_eq!(filtered, everywhere, "{}", path.display());
        }
        assert!(total > 1000, "{total} mentions");
    }
}
