//! The tense around an expression, read from nearby verbs without a tagger:
//! "will convene on Wednesday" looks forward, "said on Sunday" back.

use std::sync::OnceLock;

use crate::lexicon::FastMap;
use crate::recognize::Word;
use crate::text::TokenKind;

/// Which way the clause around an expression points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Past,
    Present,
    Future,
}

const FUTURE: &[&str] = &[
    // present tense of scheduled events: "the exchange reopens on Monday"
    "opens",
    "reopens",
    "closes",
    "ends",
    "begins",
    "starts",
    "resumes",
    "meets",
    "convenes",
    // a plural subject's schedule: "the two leaders meet Monday"
    "meet",
    "convene",
    "reconvene",
    "resume",
    "expires",
    "arrives",
    "departs",
    "will",
    // the future seen from a past report: "said he would leave Thursday"
    "would",
    "shall",
    "ll",
    "wo",
    "gonna",
    "plans",
    "plan",
    "expects",
    "intends",
    "upcoming",
    "forthcoming",
];

const PAST: &[&str] = &[
    "said",
    "told",
    "was",
    "were",
    "had",
    "did",
    "has",
    "have",
    "ago",
    "met",
    "went",
    "came",
    "took",
    "gave",
    "began",
    "left",
    "made",
    "held",
    "saw",
    "fell",
    "rose",
    "won",
    "lost",
    "got",
    "sent",
    "spent",
    "struck",
    "led",
    "fought",
    "broke",
    "brought",
    "bought",
    "sold",
    "paid",
    "found",
    "thought",
    "became",
    "ran",
    "wrote",
    "spoke",
    "shot",
    "killed",
    "announced",
    "knew",
    "felt",
    "kept",
    "meant",
    "stood",
    "understood",
    "withdrew",
    "drew",
    "grew",
    "flew",
    "threw",
    "chose",
    "froze",
    "rode",
    "woke",
    "swore",
    "tore",
    "wore",
    "shrank",
    "sank",
    "rang",
    "sang",
    "drank",
    "swam",
    "fled",
    "hid",
    "built",
    "caught",
    "dealt",
    "fed",
    "forgot",
    "hung",
    "heard",
    "laid",
    "lent",
    "lit",
    "sought",
    "shook",
    "slid",
    "spun",
    "stole",
    "stuck",
    "swept",
    "swung",
    "taught",
    "wept",
    "arose",
    "bore",
    "overthrew",
    "undertook",
    "overtook",
    "withheld",
    "upheld",
    "forbade",
    "mistook",
    "foresaw",
];

const PRESENT: &[&str] = &["is", "are", "says", "remains", "continues", "seems"];

/// Words that end a clause: a cue beyond them governs another verb.
const BOUNDARIES: &[&str] = &[
    "that", "which", "who", "because", "but", "while", "although", ";", "\"", "\u{201c}",
    "\u{201d}", "(", ")", "whereas", "since",
];

/// Past forms ending in -ed that are not past tenses.
const NOT_PAST: &[&str] = &[
    "need",
    "indeed",
    "speed",
    "united",
    "hundred",
    "red",
    "bed",
    "seed",
    "feed",
    "breed",
    "proceed",
    "succeed",
    "exceed",
    "creed",
    "greed",
    "weed",
    "shed",
    "sled",
    "led",
    "fled",
    "bred",
    "wed",
    "based",
    "related",
    "limited",
    "expected",
    "scheduled",
    "planned",
    "advanced",
    "armed",
    "detailed",
    "experienced",
    "supposed",
    "so-called",
    "talented",
    "concerned",
    "interested",
    "unprecedented",
    "alleged",
];

/// Words that cannot follow a verb used as "to <verb>".
const NOT_VERBS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "our", "my",
    "your", "him", "them", "us", "me", "it", "be", "date", "day", "power", "war",
];

/// Function words after which an -ed form is a verb, not an adjective.
const AFTER_VERB: &[&str] = &[
    "the", "a", "an", "to", "in", "on", "at", "by", "for", "with", "from", "of", "that", "his",
    "her", "their", "its", "up", "out", "off", "down", "into", "over", "back", "it", "them", "him",
    ",", ".", "and", "as", "last", "this", "about", "against",
];

/// The words [`cue_at`] names before it reads [`cue`]: with the words of
/// [`cue_words`], the words [`might_cue`] lets through (the word table
/// marks them: see `recognize::Known::tense_cue`).
const CUE_AT_WORDS: &[&str] = &[
    "planned",
    "scheduled",
    "slated",
    "set",
    "due",
    "expected",
    "intended",
    "was",
    "were",
    "is",
    "are",
];

/// The words whose entry in the word table marks them as possible cues.
pub(crate) fn possible_cue_words() -> impl Iterator<Item = &'static str> {
    [FUTURE, PAST, PRESENT, CUE_AT_WORDS]
        .into_iter()
        .flatten()
        .copied()
}

/// Whether [`cue_at`] can find a cue at `word`: a listed word, or a
/// regular past ("-ed"); every other word (most of them) skips its tests.
fn might_cue(word: &Word) -> bool {
    word.kind == TokenKind::Word
        && (word.known.tense_cue || word.norm.len() > 4 && word.norm.ends_with("ed"))
}

/// The cue at `i`: the direction its word points, read with its
/// neighbours ("will be paid" looks ahead; "preferred shares" is no verb).
fn cue_at(words: &[Word], i: usize, before_expression: bool, left: bool) -> Option<Direction> {
    if !might_cue(words.get(i)?) {
        return None;
    }
    cue_at_listed(words, i, before_expression, left)
}

/// [`cue_at`] without its [`might_cue`] test.
fn cue_at_listed(
    words: &[Word],
    i: usize,
    before_expression: bool,
    left: bool,
) -> Option<Direction> {
    let word = words.get(i)?;
    let next = words.get(i + 1).map_or("", |w| w.norm.as_str());
    let prev = i
        .checked_sub(1)
        .and_then(|p| words.get(p))
        .map_or("", |w| w.norm.as_str());
    // "planned for March", "scheduled to meet"; "planned a rally on
    // Saturday", "has scheduled a news conference Thursday": what was
    // planned lies ahead. After the expression ("On Friday, the
    // government planned to pay"), or "as previously planned", the
    // expression dates the planning.
    if word.kind == TokenKind::Word {
        let planned = matches!(word.norm.as_str(), "planned" | "scheduled" | "slated");
        let done = matches!(prev, "as" | "previously" | "originally" | "already");
        if planned && (!left || done) {
            return Some(Direction::Past);
        }
        if planned
            || matches!(word.norm.as_str(), "set" | "due" | "expected" | "intended")
                && matches!(next, "for" | "to")
        {
            return Some(Direction::Future);
        }
    }
    // "were planning to drive", "was due to arrive", "is set for": a plan
    // seen from its time, which lies ahead ("was about to be deported"
    // is the time of the clause itself)
    if matches!(word.norm.as_str(), "was" | "were" | "is" | "are")
        && matches!(next, "planning" | "preparing" | "due" | "slated" | "set")
    {
        return Some(Direction::Future);
    }
    let d = cue(word)?;
    // "did not meet", "could not resume": no schedule
    if matches!(
        word.norm.as_str(),
        "meet" | "convene" | "reconvene" | "resume"
    ) && matches!(prev, "did" | "not" | "t" | "never" | "to")
    {
        return None;
    }
    // "plans to", not "vacation plans"
    if matches!(word.norm.as_str(), "plans" | "plan") && next != "to" {
        return None;
    }
    if d == Direction::Past {
        let n = word.norm.as_str();
        // "will be paid", "to be completed"; "could be located" says nothing
        if prev == "be" {
            let modal = i
                .checked_sub(2)
                .and_then(|p| words.get(p))
                .map_or("", |w| w.norm.as_str());
            return matches!(modal, "will" | "to" | "ll" | "shall" | "wo" | "gonna")
                .then_some(Direction::Future);
        }
        // "when the case is heard in May": a passive present
        if matches!(prev, "is" | "are" | "am" | "being") {
            return Some(Direction::Present);
        }
        // "preferred shares": an adjective; but "ruled Wednesday",
        // "the year ended March 31": a verb right before the expression
        let regular = n.ends_with("ed") && !PAST.contains(&n);
        if regular
            && !before_expression
            && !AFTER_VERB.contains(&next)
            && words.get(i + 1).is_some_and(|w| w.kind == TokenKind::Word)
        {
            return None;
        }
    }
    Some(d)
}

/// [`FUTURE`], [`PAST`] and [`PRESENT`] in one table (one look-up per
/// word instead of a scan of the lists), the earlier list winning.
fn cue_words() -> &'static FastMap<&'static str, Direction> {
    static WORDS: OnceLock<FastMap<&'static str, Direction>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = FastMap::default();
        for (list, d) in [
            (PRESENT, Direction::Present),
            (PAST, Direction::Past),
            (FUTURE, Direction::Future),
        ] {
            words.extend(list.iter().map(|w| (*w, d)));
        }
        words
    })
}

fn cue(word: &Word) -> Option<Direction> {
    if word.kind != TokenKind::Word {
        return None;
    }
    let n = word.norm.as_str();
    if let Some(&d) = cue_words().get(n) {
        return Some(d);
    }
    if n.len() > 4 && n.ends_with("ed") && !NOT_PAST.contains(&n) && !word.capitalized {
        return Some(Direction::Past);
    }
    None
}

/// The direction of the clause around tokens `[from, to)`, inside the
/// sentence `[first, last)`: the nearest verb cue within the clause, else
/// the nearest in the sentence; `None` without a cue. With it, the
/// distance in tokens of the cue.
pub(crate) fn cue_near(
    words: &[Word],
    (from, to): (usize, usize),
    (first, last): (usize, usize),
) -> Option<(Direction, usize)> {
    const REACH: usize = 12;
    let mut best: Option<(usize, Direction)> = None;
    // the left cue is only a guessed "to <verb>"
    let mut infinitive = false;
    // the clause, then the words near; an expression opening the sentence
    // modifies its main clause, however far the verb ("In January, a week
    // after the anniversary of the ruling, a bombing killed a guard")
    let passes = if from <= first + 1 { 3 } else { 2 };
    for pass in 0..passes {
        let bounded = pass == 0;
        let reach = if pass == 2 { usize::MAX } else { REACH };
        // left
        let mut i = from;
        let mut dist = 0;
        while i > first && dist < reach {
            i -= 1;
            dist += 1;
            let Some(w) = words.get(i) else { break };
            if bounded && BOUNDARIES.contains(&w.norm.as_str()) {
                break;
            }
            // "set to resume Monday", "expected to meet Friday"
            if bounded
                && dist >= 2
                && w.norm == "to"
                && words.get(i + 1).is_some_and(|v| {
                    v.kind == TokenKind::Word
                        && !v.capitalized
                        && !NOT_VERBS.contains(&v.norm.as_str())
                })
            {
                // "had been scheduled to expire at midnight Friday": a
                // plan of the past, now gone by
                if (1..=3).any(|back| i.checked_sub(back).is_some_and(|k| pluperfect(words, k))) {
                    best = Some((dist, Direction::Past));
                    break;
                }
                // a guess ("shot to death on the night of Oct. 23 as he
                // stood"): a verb after the expression may overrule it
                best = Some((dist, Direction::Future));
                infinitive = true;
                break;
            }
            if let Some(d) = cue_at(words, i, i + 1 == from, true) {
                // "had filed its reports by Wednesday": a past perfect
                // places the clause in the past however far its auxiliary
                let dist = if pluperfect(words, i) { 1 } else { dist };
                // "has set Nov. 10 as the deadline": a present perfect
                // reports now what was done, its object may lie ahead
                let dist = if matches!(w.norm.as_str(), "has" | "have") {
                    dist.max(WEAK)
                } else {
                    dist
                };
                best = Some((dist, d));
                break;
            }
        }
        // right
        let mut i = to;
        let mut dist = 0;
        while i < last && dist < reach {
            let Some(w) = words.get(i) else { break };
            dist += 1;
            if bounded && (BOUNDARIES.contains(&w.norm.as_str()) || w.norm == ",") {
                break;
            }
            if let Some(d) = cue_at(words, i, false, false) {
                // the verb governing a phrase mostly comes before it
                // ("will double its flights by August in the search for
                // markets untouched by ..."): a cue after the expression
                // wins only when it is much nearer
                if best.is_none_or(|(b, _)| 2 * dist < b || infinitive && dist < b) {
                    best = Some((dist, d));
                    infinitive = false;
                }
                break;
            }
            i += 1;
        }
        if best.is_some() {
            break;
        }
    }
    // the guessed "to <verb>" is weak evidence however near
    best.map(|(dist, d)| (d, if infinitive { dist.max(WEAK) } else { dist }))
}

/// The distance [`cue_near`] gives a cue that is weak evidence of the
/// tense however near it stands: further than a verb right beside the
/// expression.
const WEAK: usize = 4;

/// Whether token `i` is the "had" of a past perfect: "had filed",
/// "had been", "had already left".
fn pluperfect(words: &[Word], i: usize) -> bool {
    let norm = |k: usize| words.get(k).map_or("", |w| w.norm.as_str());
    if norm(i) != "had" {
        return false;
    }
    let participle = |w: &str| w == "been" || PAST.contains(&w) || w.len() > 4 && w.ends_with("ed");
    participle(norm(i + 1))
        || matches!(
            norm(i + 1),
            "already" | "not" | "never" | "just" | "previously"
        ) && participle(norm(i + 2))
}

/// Whether the expression starting at token `start` is the new date of
/// something moved: "extended its offer to Nov. 20", "postponed until
/// Tuesday". It lies ahead whatever the tense of the move.
pub(crate) fn moved_to(words: &[Word], start: usize) -> bool {
    let norm = |i: Option<usize>| {
        i.and_then(|i| words.get(i))
            .map_or("", |w: &Word| w.norm.as_str())
    };
    let to = norm(start.checked_sub(1));
    if !matches!(to, "to" | "until" | "till") {
        return false;
    }
    // the verb, or the verb and its object ("extended the deadline to")
    (2..=5).any(|back| {
        matches!(
            norm(start.checked_sub(back)),
            "extended"
                | "extends"
                | "extend"
                | "postponed"
                | "postpones"
                | "postpone"
                | "delayed"
                | "delays"
                | "delay"
                | "deferred"
                | "adjourned"
                | "rescheduled"
                | "moved"
        )
    })
}

/// Whether the sentence holds a perfect ("have continued", "had been"):
/// a duration after "for" then reaches back from the anchor.
pub(crate) fn perfect(words: &[Word], (first, last): (usize, usize)) -> bool {
    words.get(first..last).is_some_and(|s| {
        s.iter()
            .any(|w| matches!(w.norm.as_str(), "have" | "has" | "had" | "ve"))
    })
}

#[cfg(test)]
mod tests {
    use super::{cue_at_listed, might_cue};
    use crate::recognize::{lowercase, words};
    use crate::text::{sentences, tokenize};

    /// At every word of `text` that [`might_cue`] turns away, the tests of
    /// [`cue_at`](super::cue_at) find no cue either; the number of words.
    fn might_cue_turns_away_no_cue_in(text: &str, source: &str) -> usize {
        let tokens = tokenize(text);
        let starts: Vec<usize> = sentences(text, &tokens).iter().map(|s| s.start).collect();
        let lower = lowercase(text);
        let words = words(text, &lower, &tokens, &starts);
        for (i, word) in words.iter().enumerate() {
            if might_cue(word) {
                continue;
            }
            for (before_expression, left) in
                [(false, false), (false, true), (true, false), (true, true)]
            {
                assert_eq!(
                    cue_at_listed(&words, i, before_expression, left),
                    None,
                    "{source}: {:?} is a cue that might_cue turns away",
                    word.norm.as_str()
                );
            }
        }
        words.len()
    }

    #[test]
    fn might_cue_turns_away_no_cue_in_the_example_and_the_cue_lists() {
        let article = include_str!("../../data/example-article.txt");
        assert!(might_cue_turns_away_no_cue_in(article, "example article") > 100);
        // Each listed word after every word that changes what it means.
        let listed: Vec<&str> = super::possible_cue_words().collect();
        for before in ["", "as ", "be ", "will be ", "is ", "did ", "the "] {
            for word in &listed {
                for after in ["", " to", " for", " Monday", " planning"] {
                    let text = format!("{before}{word}{after}");
                    might_cue_turns_away_no_cue_in(&text, "the cue lists");
                }
            }
        }
    }

    #[test]
    fn might_cue_turns_away_no_cue_in_the_tempeval_texts() {
        crate::io::timeml::check_tempeval_texts(might_cue_turns_away_no_cue_in);
    }
}
