//! The tense around an expression, read from nearby verbs without a tagger:
//! "will convene on Wednesday" looks forward, "said on Sunday" back.

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
    "expires",
    "arrives",
    "departs",
    "will",
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

/// The cue at `i`: the direction its word points, read with its
/// neighbours ("will be paid" looks ahead; "preferred shares" is no verb).
fn cue_at(words: &[Word], i: usize, before_expression: bool) -> Option<Direction> {
    let word = words.get(i)?;
    let d = cue(word)?;
    let next = words.get(i + 1).map_or("", |w| w.norm.as_str());
    let prev = i
        .checked_sub(1)
        .and_then(|p| words.get(p))
        .map_or("", |w| w.norm.as_str());
    // "plans to", not "vacation plans"
    if matches!(word.norm.as_str(), "plans" | "plan") && next != "to" {
        return None;
    }
    if d == Direction::Past {
        let n = word.norm.as_str();
        // "planned for March", "scheduled to meet"
        if matches!(
            n,
            "planned" | "scheduled" | "slated" | "set" | "due" | "expected" | "intended"
        ) && matches!(next, "for" | "to")
        {
            return Some(Direction::Future);
        }
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

fn cue(word: &Word) -> Option<Direction> {
    if word.kind != TokenKind::Word {
        return None;
    }
    let n = word.norm.as_str();
    if FUTURE.contains(&n) {
        return Some(Direction::Future);
    }
    if PAST.contains(&n) {
        return Some(Direction::Past);
    }
    if PRESENT.contains(&n) {
        return Some(Direction::Present);
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
    for pass in 0..2 {
        let bounded = pass == 0;
        // left
        let mut i = from;
        let mut dist = 0;
        while i > first && dist < REACH {
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
                best = Some((dist, Direction::Future));
                break;
            }
            if let Some(d) = cue_at(words, i, i + 1 == from) {
                best = Some((dist, d));
                break;
            }
        }
        // right
        let mut i = to;
        let mut dist = 0;
        while i < last && dist < REACH {
            let Some(w) = words.get(i) else { break };
            dist += 1;
            if bounded && (BOUNDARIES.contains(&w.norm.as_str()) || w.norm == ",") {
                break;
            }
            if let Some(d) = cue_at(words, i, false) {
                if best.is_none_or(|(b, _)| dist < b) {
                    best = Some((dist, d));
                }
                break;
            }
            i += 1;
        }
        if best.is_some() {
            break;
        }
    }
    best.map(|(dist, d)| (d, dist))
}

/// Whether the sentence holds a perfect ("have continued", "had been"):
/// a duration after "for" then reaches back from the anchor.
pub(crate) fn perfect(words: &[Word], (first, last): (usize, usize)) -> bool {
    words.get(first..last).is_some_and(|s| {
        s.iter()
            .any(|w| matches!(w.norm.as_str(), "have" | "has" | "had" | "ve"))
    })
}
