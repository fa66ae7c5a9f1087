//! Linking events to the times that date them.
//!
//! A linear classifier (the link table of the weights file, trained on the
//! TempEval-3 gold TLINKs between an event and a timex of one sentence)
//! scores every (event, timex) pair of a sentence. A timex's best event
//! gets a large bias (`TOP_LINK_BIAS`: most timexes date exactly one
//! event), its other events a small one (`LINK_BIAS`), a pair with a
//! clause break between a penalty (`CLAUSE_BREAK_PENALTY`); each event is
//! linked to the timex that gives it the highest biased score, if above
//! zero. Its features are the
//! direction and distance of the pair, the events and verbs between them,
//! commas, quotes and clause words between them, the word before the
//! timex (*on*, *since*...), the event's word, part of speech, class and
//! tense, the timex type, and whether the rules below pick the pair. The
//! rules alone link events when the weights lack a link table:
//!
//! 1. `premodifier`: the timex modifies a noun right after it, with only
//!    capitalized words between: *a September **report***, *the February
//!    2020 Doha **Agreement***, *Sunday's **attack***.
//! 2. `governing_event`: the nearest event to its left in the same clause
//!    (no comma, semicolon, quote or *that*/*which*/*who* between): *will
//!    **convene** on Wednesday*, *a press **conference** on Sunday*.
//! 3. `clause_event`: otherwise the first verb (else event) to its right:
//!    *On Sunday, the council **met***. A duration that opens its clause
//!    (*for 91 days staff had **continued** ... despite being **denied***)
//!    dates every verb of the rest of the sentence.
//!
//! The relation comes from the word before the timex: *since*/*from* ->
//! BEGUN_BY, *until*/*till*/*through* -> ENDED_BY, *before*/*by* ->
//! BEFORE, *after* -> AFTER, a duration -> DURING, else IS_INCLUDED.
//! With the link table, only `premodifier` and a *for* duration's
//! `clause_event` override the classifier (see `trusts_rule`); the
//! classifier sees every rule's choice as a feature. The
//! classifier may link an event to a set (*departing **each Thursday***,
//! as the gold TLINKs do); the rules never do. An event dated this way inherits its
//! timex's interval (unless it is only before or after it).
//!
//! An event that no timex dates is related to the DCT (`t0`) by its tense:
//! past -> BEFORE, future -> AFTER, present -> INCLUDES; untensed events
//! (nouns, infinitives) take the tense of the nearest tensed event of their
//! sentence. No interval is invented for them.
//!
//! # What limits the links (session 4 study, training folds 1 to 4 only)
//!
//! Of the 1,420 timexes that share a sentence with gold events, 14% date
//! none of them in the gold TLINKs, 65% one and 21% two or more; 3.6% of
//! the linked events are linked to two timexes of their sentence; 76% of
//! the 1,637 gold pairs join a timex and the nearest event on one of its
//! sides. The other events a timex dates follow no pattern we could find
//! (in the manner of *officials **said** the toll rose as dawn **broke**
//! on Saturday*, linked to both, next to *the minister **welcomed** the
//! figures at a **conference** on Friday*, linked to the conference
//! alone), and as many timexes go unlinked by the same token (*a year
//! earlier*: 9 unlinked, 5 linked). With gold events, models fitted to this data score about
//! 88 link F1 on their own training pairs but 72 to 73 cross-validated,
//! whatever their form: this table, the same perceptron over a richer
//! pair set (the pair's rank among the events on its side, the words
//! between a near pair, the word after the timex, the shape of its
//! value), a two-stage model (a timex's best event or none, then its
//! other events given the best), logistic regression, or training on
//! TE3-Silver's links as well (70.5 to 71.0). End to end the events cost
//! more: with event tables that never saw the fold, 19.5% of the gold
//! pairs lose their event, and link F1 falls to about 60 (`train_events
//! -- --links-only --cv --jackknife`), which is what the development
//! split shows.

use std::borrow::Cow;

use super::weights::Weights;
use super::LINK_TABLE;
use crate::model::{
    Document, Event, Interval, LinkEnd, Relation, Span, Tense, TimeLink, TimexType,
};

/// Links every event of `doc` to a timex of its sentence or to the DCT,
/// sets the events' `time`, `relation` and `interval`, and replaces
/// `doc.links` with the TLINKs.
pub(super) fn link(doc: &mut Document, weights: Option<&Weights>) {
    doc.links.clear();
    let text = doc.text.as_str();
    // (event index, timex index, relation)
    let mut dated: Vec<(usize, usize, Relation)> = Vec::new();
    // The classifier's best timex of each event, with its margin.
    let mut best: Vec<Option<(i32, usize)>> = vec![None; doc.events.len()];
    let mut features = Vec::with_capacity(32);
    let mut candidates: Vec<(i32, usize)> = Vec::new();
    let mut view: Option<(usize, SentenceView<'_>)> = None;
    let mut relations: Vec<Option<Relation>> = vec![None; doc.timexes.len()];
    for (t, timex) in doc.timexes.iter().enumerate() {
        if timex.kind == TimexType::Set && weights.is_none() {
            // Gold TLINKs do tie events to sets (*departing **each
            // Thursday***), but the rules have no evidence for them.
            continue;
        }
        let Some(sentence) = doc.sentence_index(timex.span.start) else {
            continue;
        };
        let bounds = doc.sentences[sentence].span;
        let relation = relation_for(text, bounds, timex.span, timex.kind);
        relations[t] = Some(relation);
        let Some(weights) = weights else {
            let in_sentence = events_within(&doc.events, bounds);
            let (_, chosen) = dated_events(text, &doc.events, &in_sentence, timex.span, timex.kind);
            for e in chosen {
                if !dated.iter().any(|&(d, _, _)| d == e) {
                    dated.push((e, t, relation));
                }
            }
            continue;
        };
        // Timexes come in text order: a sentence is read once for all of its.
        if view.as_ref().is_none_or(|(s, _)| *s != sentence) {
            view = Some((sentence, SentenceView::new(text, bounds, &doc.events)));
        }
        let Some((_, sentence_view)) = view.as_ref() else {
            continue;
        };
        let in_sentence = &sentence_view.in_sentence;
        let (rule, rule_choice) =
            dated_events(text, &doc.events, in_sentence, timex.span, timex.kind);
        if trusts_rule(rule, text, bounds, timex.span) {
            for &e in &rule_choice {
                best[e] = Some((i32::MAX, t));
            }
            continue;
        }
        let timex_view = TimexView::new(sentence_view, timex, rule_choice);
        candidates.clear();
        for (k, &e) in in_sentence.iter().enumerate() {
            if doc.events[e].span.overlaps(timex.span)
                || doc.events[e].span.start.abs_diff(timex.span.start) > MAX_PAIR_DISTANCE
            {
                continue;
            }
            features.clear();
            let crosses_clause = pair_features(sentence_view, &timex_view, k, &mut features);
            let mut scores = [0i32; 2];
            weights.score(LINK_TABLE, &features, &mut scores);
            let penalty = if crosses_clause {
                CLAUSE_BREAK_PENALTY
            } else {
                0
            };
            candidates.push((scores[1] - scores[0] - penalty, e));
        }
        propose(&mut best, t, &candidates);
    }
    for (e, choice) in best.iter().enumerate() {
        // Only a timex with a sentence, hence a relation, is anyone's best.
        if let Some((_, t)) = *choice {
            if let Some(relation) = relations[t] {
                dated.push((e, t, relation));
            }
        }
    }
    dated.sort_by_key(|&(e, _, _)| e);
    for &(e, t, relation) in &dated {
        let timex = &doc.timexes[t];
        let event = &mut doc.events[e];
        event.time = Some(timex.id.clone());
        event.relation = Some(relation);
        event.interval = inherited_interval(relation, timex.interval);
    }
    if doc.dct.is_some() {
        let mut tensed = None;
        for e in 0..doc.events.len() {
            if doc.events[e].time.is_some() {
                continue;
            }
            if let Some(relation) = dct_relation(doc, e, &mut tensed) {
                let event = &mut doc.events[e];
                event.time = Some("t0".to_string());
                event.relation = Some(relation);
            }
        }
    }
    let links: Vec<TimeLink> = doc
        .events
        .iter()
        .filter_map(|event| {
            Some((
                LinkEnd::Event(event.instance_id.clone()),
                LinkEnd::Time(event.time.clone()?),
                event.relation?,
            ))
        })
        .enumerate()
        .map(|(i, (source, target, relation))| TimeLink {
            id: super::numbered("l", i + 1),
            source,
            target,
            relation,
        })
        .collect();
    doc.links = links;
}

/// Whether the rule that picked a timex's events overrides the classifier:
/// `premodifier` (*a September **report***), reliable and rare in the
/// training pairs, and `clause_event` for a duration after *for* that
/// opens its clause (*for 91 days staff had **continued** ... despite
/// being **denied***). Any other opening duration is left to the
/// classifier: the rule dates every verb of the rest of the sentence,
/// and gold TLINKs mostly date one (*Two weeks ago, police **said** the
/// body was found*). Link F1 pooled over the four training folds
/// (`train_events -- --links-only --cv --jackknife`: gold events / the
/// events the weights find / events from tables that never saw the
/// fold): both rules trusted as before, 72.55 / 69.17 / 58.74; neither,
/// 73.19 / 69.70 / 59.77; these two, 73.14 / 69.71 / 59.65.
fn trusts_rule(rule: DatingRule, text: &str, sentence: Span, timex: Span) -> bool {
    match rule {
        DatingRule::Premodifier => true,
        DatingRule::OpeningDuration => word_before(text, sentence, timex).as_deref() == Some("for"),
        DatingRule::GoverningEvent | DatingRule::ClauseEvent => false,
    }
}

/// Added to the link score of every pair but a timex's best one: the
/// averaged perceptron, trained on far more unlinked pairs than linked
/// ones, links too few; this bias (in units of the link table's 8-bit
/// weights) trades some precision for more recall. Both biases were
/// chosen on the tuning fold of the training split and checked on a
/// second training fold (`cargo run --release --example train_events --
/// --links-only --tune [--tune-fold 2] [--gold-events]`), never on the
/// development split: see [`TOP_LINK_BIAS`].
const LINK_BIAS: i32 = 40;

/// Added to the link score of a timex's best-scoring event: in the gold
/// data 80-90% of the timexes that share a sentence with events date at
/// least one of them, and most date exactly one, so a timex's best event
/// is linked on far weaker evidence than its others. Link F1 with gold
/// events (tuning fold / fold 2): one bias of 80 for every pair, 71.8 /
/// 72.5; 600 for the best and 40 for the others, 72.2 / 73.9 (end to end
/// 65.3 -> 65.5 / 67.2 -> 67.9). Tried without gain: giving a timex whose
/// events all went to other timexes its best free event (71.8 / 73.2);
/// shallow-parse pair features (nearest verb of the clause on the
/// timex's side, another timex between, the first verb after an opening
/// phrase: 71.3 / 73.4); a bias per timex type (durations and sets, which
/// gold links less often than dates, at 0 or 200: within 0.3); 5 to 20
/// training epochs, 2^14 to 2^18 buckets (within 0.7).
const TOP_LINK_BIAS: i32 = 600;

/// Offers timex `t` to its candidate events (`(score, event)` pairs, the
/// classifier's link-minus-no-link scores): its best-scoring event is
/// biased by [`TOP_LINK_BIAS`], the others by [`LINK_BIAS`], and an event
/// keeps the timex that gives it the highest positive biased score.
fn propose(best: &mut [Option<(i32, usize)>], t: usize, candidates: &[(i32, usize)]) {
    let top = candidates.iter().map(|&(score, _)| score).max();
    for &(score, e) in candidates {
        let bias = if Some(score) == top {
            TOP_LINK_BIAS
        } else {
            LINK_BIAS
        };
        let margin = score.saturating_add(bias);
        if margin > 0 && best[e].is_none_or(|(m, _)| margin > m) {
            best[e] = Some((margin, t));
        }
    }
}

/// Subtracted from the link score of an event and a timex with a clause
/// break between them (a comma, quote, *that*, *which*, *and*...: see
/// `breaks_clause`): *Police confirmed **Friday** that the body found
/// ... belonged to him* dates *confirmed*, not *found* or *belonged*.
/// The classifier sees these words too, but scores each pair alone. Link
/// F1 with gold events (tuning fold / fold 2): 72.2 / 73.9 without, 72.7
/// / 74.2 at 100, 72.5 / 74.1 at 300 (end to end 65.5 -> 65.8 / 67.9
/// -> 68.1 at 100); counting only *that*/*which*/*who* and quotes as
/// breaks gave less (72.4 / 73.8 at 100).
const CLAUSE_BREAK_PENALTY: i32 = 100;

/// Pairs further apart than this (in bytes) are never linked: it keeps
/// the work linear on long run-on sentences.
pub(super) const MAX_PAIR_DISTANCE: usize = 400;

/// The indices of the events inside `bounds`, in text order.
pub(super) fn events_within(events: &[Event], bounds: Span) -> Vec<usize> {
    let first = events.partition_point(|e| e.span.start < bounds.start);
    // Counted first, so that the list is allocated once at its size.
    let count = events[first..]
        .iter()
        .take_while(|e| e.span.end <= bounds.end)
        .count();
    (first..first + count).collect()
}

fn inherited_interval(relation: Relation, interval: Option<Interval>) -> Option<Interval> {
    match relation {
        Relation::Before | Relation::After => None,
        _ => interval,
    }
}

/// The lowercased words and punctuation marks of `text[from..to]`.
fn gap(text: &str, from: usize, to: usize) -> Vec<Cow<'_, str>> {
    gap_prefix(text, from, to, usize::MAX)
}

/// `word` lowercased char by char, borrowed when it has no uppercase
/// letter: most words of a gap are, so a gap allocates little but its list.
fn lowercase(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else {
        Cow::Owned(word.chars().flat_map(char::to_lowercase).collect())
    }
}

fn breaks_clause(item: &str) -> bool {
    matches!(
        item,
        "," | ";"
            | ":"
            | "\""
            | "\u{201c}"
            | "\u{201d}"
            | "("
            | ")"
            | "that"
            | "which"
            | "who"
            | "while"
            | "when"
            | "and"
            | "but"
    )
}

/// The word right before the timex, within the sentence.
fn word_before(text: &str, sentence: Span, timex: Span) -> Option<Cow<'_, str>> {
    gap_last(text, sentence.start, timex.start)
}

/// The char at byte `i` of `slice`, ASCII without decoding (`i` is at a
/// char boundary in the callers' loops).
fn char_at(slice: &str, i: usize) -> Option<char> {
    match *slice.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => slice.get(i..)?.chars().next(),
    }
}

fn is_gap_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-'
}

/// `gap(text, from, to).pop()`, reading only the end of the slice (the
/// gap to a sentence's start is long; the pair features ask for it per pair).
fn gap_last(text: &str, from: usize, to: usize) -> Option<Cow<'_, str>> {
    let slice = text.get(from..to)?.trim_end_matches(char::is_whitespace);
    let last = slice.chars().next_back()?;
    if !is_gap_word_char(last) {
        return slice
            .get(slice.len() - last.len_utf8()..)
            .map(Cow::Borrowed);
    }
    let start = slice
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_gap_word_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(lowercase(&slice[start..]))
}

/// The first `limit` items of `gap(text, from, to)`, reading no further.
fn gap_prefix(text: &str, from: usize, to: usize, limit: usize) -> Vec<Cow<'_, str>> {
    gap_items(text, from, to, limit)
        .into_iter()
        .map(|item| match text.get(item.start..item.end) {
            Some(piece) if item.word => lowercase(piece),
            piece => Cow::Borrowed(piece.unwrap_or_default()),
        })
        .collect()
}

fn relation_for(text: &str, sentence: Span, timex: Span, kind: TimexType) -> Relation {
    let before = word_before(text, sentence, timex);
    let first = gap_prefix(text, timex.start, timex.end, 1)
        .into_iter()
        .next();
    let signal = before.as_deref().or(first.as_deref()).unwrap_or("");
    match signal {
        "since" | "from" => Relation::BegunBy,
        "until" | "till" | "through" | "thru" => Relation::EndedBy,
        "before" | "by" => Relation::Before,
        "after" => Relation::After,
        _ if kind == TimexType::Duration => Relation::During,
        _ => Relation::IsIncluded,
    }
}

/// The events (indices into `events`) that a timex dates, by the rules of
/// the module documentation. `in_sentence` lists the sentence's events in
/// text order.
/// Which rule dated an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DatingRule {
    Premodifier,
    GoverningEvent,
    OpeningDuration,
    ClauseEvent,
}

pub(super) fn dated_events(
    text: &str,
    events: &[Event],
    in_sentence: &[usize],
    timex: Span,
    kind: TimexType,
) -> (DatingRule, Vec<usize>) {
    // `in_sentence` is in text order: the events after the timex are a
    // suffix of it, and those that end before it lie in the prefix that
    // starts before it.
    let after_start = in_sentence.partition_point(|&e| events[e].span.start < timex.end);
    let after = &in_sentence[after_start..];
    // 1. premodifier
    if let Some(&next) = after.first() {
        let between = text.get(timex.end..events[next].span.start).unwrap_or(",");
        let pieces: Vec<&str> = between.split_whitespace().collect();
        let only_names = pieces.len() <= 2
            && pieces.iter().all(|w| {
                matches!(*w, "'" | "'s" | "\u{2019}s" | "\u{2019}")
                    || (w
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                        && w.chars()
                            .all(|c| c.is_alphanumeric() || c == '-' || c == '.'))
            });
        if only_names && events[next].pos != "VERB" {
            return (DatingRule::Premodifier, vec![next]);
        }
    }
    // 2. governing_event
    let before_end = in_sentence.partition_point(|&e| events[e].span.start <= timex.start);
    if let Some(&previous) = in_sentence[..before_end]
        .iter()
        .rev()
        .find(|&&e| events[e].span.end <= timex.start)
    {
        let between = gap(text, events[previous].span.end, timex.start);
        if !between.iter().any(|w| breaks_clause(w)) {
            return (DatingRule::GoverningEvent, vec![previous]);
        }
    }
    // 3. clause_event
    if kind == TimexType::Duration {
        let verbs: Vec<usize> = after
            .iter()
            .copied()
            .filter(|&e| events[e].pos == "VERB")
            .collect();
        if !verbs.is_empty() {
            return (DatingRule::OpeningDuration, verbs);
        }
    }
    let first = after
        .iter()
        .copied()
        .find(|&e| events[e].pos == "VERB")
        .or_else(|| after.first().copied())
        .into_iter()
        .collect();
    (DatingRule::ClauseEvent, first)
}

fn tense_relation(tense: Tense, event: &Event) -> Option<Relation> {
    match tense {
        Tense::Past | Tense::Pastpart => Some(Relation::Before),
        Tense::Future => Some(Relation::After),
        Tense::Present if event.aspect == crate::model::Aspect::Perfective => {
            Some(Relation::Before)
        }
        Tense::Present | Tense::Prespart => Some(Relation::Includes),
        Tense::None | Tense::Infinitive => None,
    }
}

/// The relation of event `e` to the DCT, from its tense or that of the
/// nearest tensed event of its sentence (the first of two as near).
/// `tensed` keeps the tensed events of the sentence last asked about.
fn dct_relation(
    doc: &Document,
    e: usize,
    tensed: &mut Option<(usize, Vec<usize>)>,
) -> Option<Relation> {
    let events = &doc.events;
    let event = &events[e];
    if let Some(r) = tense_relation(event.tense, event) {
        return Some(r);
    }
    let sentence = doc.sentence_index(event.span.start)?;
    if tensed.as_ref().is_none_or(|(s, _)| *s != sentence) {
        let bounds = doc.sentences[sentence].span;
        let mut list = events_within(events, bounds);
        list.retain(|&o| !matches!(events[o].tense, Tense::None | Tense::Infinitive));
        *tensed = Some((sentence, list));
    }
    let (_, tensed) = tensed.as_ref()?;
    // In text order: the nearest is the first of those that start last at
    // or before the event, or the first that starts after it.
    let start = |o: usize| events[o].span.start;
    let at = event.span.start;
    let split = tensed.partition_point(|&o| start(o) <= at);
    let left = split.checked_sub(1).map(|last| {
        let last_start = start(tensed[last]);
        tensed[tensed.partition_point(|&o| start(o) < last_start)]
    });
    let right = tensed.get(split).copied();
    let nearest = match (left, right) {
        (Some(l), Some(r)) if at - start(l) <= start(r) - at => l,
        (_, Some(r)) => r,
        (l, None) => l?,
    };
    tense_relation(events[nearest].tense, &events[nearest])
}

/// One sentence read once for the pair features of all its timexes: its
/// events (indices into `events`, in text order) with their own features,
/// and its gap items with running counts of the marks the features ask
/// about, so that a pair's gap costs two binary searches, not a rescan.
pub(super) struct SentenceView<'a> {
    text: &'a str,
    bounds: Span,
    events: &'a [Event],
    /// The sentence's events, indices into `events`, in text order.
    pub in_sentence: Vec<usize>,
    /// Per event of `in_sentence`: (word hash, part-of-speech hash, next
    /// word hash).
    event_parts: Vec<(u64, u64, u64)>,
    /// The first tensed verb of the sentence.
    first_verb: Option<usize>,
    /// The gap items (`gap`'s words and marks) of the sentence, as spans.
    items: Vec<GapItem>,
    /// `marks[i]`: how many of the first `i` items carry each mark.
    marks: Vec<[u32; MARKS]>,
}

#[derive(Debug, Clone, Copy)]
struct GapItem {
    start: usize,
    end: usize,
    word: bool,
}

const MARKS: usize = 5;

/// Which marks a (lowercased) gap item carries: a comma, a clause word, a
/// quote, a conjunction, a clause break ([`breaks_clause`]).
fn marks_of(item: &str) -> [bool; MARKS] {
    [
        item == ",",
        matches!(
            item,
            "that" | "which" | "who" | "when" | "while" | "because" | "if"
        ),
        matches!(item, "\"" | "`" | "'" | "\u{201c}" | "\u{201d}"),
        matches!(item, "and" | "but" | "or" | ";"),
        breaks_clause(item),
    ]
}

/// What the pair features read from the gap between an event and a timex.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct GapSummary {
    /// How many items the gap holds.
    len: usize,
    marks: [bool; MARKS],
}

impl GapSummary {
    fn of_items<S: AsRef<str>>(items: &[S]) -> GapSummary {
        let mut summary = GapSummary {
            len: items.len(),
            ..GapSummary::default()
        };
        for item in items {
            summary.add(item.as_ref());
        }
        summary
    }

    fn add(&mut self, item: &str) {
        for (mark, has) in self.marks.iter_mut().zip(marks_of(item)) {
            *mark |= has;
        }
    }
}

/// The first `limit` gap items of `text[from..to]` as absolute spans
/// (the items of [`gap`], unlowercased): runs of word chars
/// ([`is_gap_word_char`]), and every other char but whitespace on its own.
fn gap_items(text: &str, from: usize, to: usize, limit: usize) -> Vec<GapItem> {
    let Some(slice) = text.get(from..to) else {
        return Vec::new();
    };
    // About one item per five bytes of news text.
    let mut out = Vec::with_capacity(limit.min(slice.len() / 4 + 1));
    let mut word_start = None;
    let mut i = 0;
    while out.len() < limit {
        let Some(c) = char_at(slice, i) else {
            break;
        };
        let width = c.len_utf8();
        if is_gap_word_char(c) {
            word_start.get_or_insert(i);
        } else {
            if let Some(start) = word_start.take() {
                out.push(GapItem {
                    start: from + start,
                    end: from + i,
                    word: true,
                });
            }
            if !c.is_whitespace() && out.len() < limit {
                out.push(GapItem {
                    start: from + i,
                    end: from + i + width,
                    word: false,
                });
            }
        }
        i += width;
    }
    if let Some(start) = word_start {
        if out.len() < limit {
            out.push(GapItem {
                start: from + start,
                end: to,
                word: true,
            });
        }
    }
    out
}

/// [`marks_of`] the lowercased `item`, lowercasing on the stack: no mark
/// is longer than 7 bytes, and only an ASCII word lowercases to an ASCII
/// mark word (the non-ASCII marks are single quote chars, never lowercased).
fn marks_of_unlowered(item: &str) -> [bool; MARKS] {
    let bytes = item.as_bytes();
    if bytes.len() > 7 {
        return [false; MARKS];
    }
    if !item.is_ascii() {
        return marks_of(&lowercase(item));
    }
    let mut lowered = [0u8; 7];
    for (to, from) in lowered.iter_mut().zip(bytes) {
        *to = from.to_ascii_lowercase();
    }
    match std::str::from_utf8(&lowered[..bytes.len()]) {
        Ok(word) => marks_of(word),
        Err(_) => [false; MARKS],
    }
}

/// The FNV-1a hash of `word` lowercased as [`str::to_lowercase`] does,
/// allocating only for a word with uppercase or non-ASCII letters.
fn lowercase_hash(word: &str) -> u64 {
    use super::features::fnv1a;
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        fnv1a(word.as_bytes())
    } else {
        fnv1a(word.to_lowercase().as_bytes())
    }
}

impl<'a> SentenceView<'a> {
    /// Reads the sentence `bounds` of `text` and its events.
    pub(super) fn new(text: &'a str, bounds: Span, events: &'a [Event]) -> SentenceView<'a> {
        use super::features::fnv1a;
        let in_sentence = events_within(events, bounds);
        let event_parts = in_sentence
            .iter()
            .map(|&e| {
                let event = &events[e];
                let next_word = gap_prefix(text, event.span.end, bounds.end, 1)
                    .into_iter()
                    .next()
                    .map(|w| fnv1a(w.as_bytes()))
                    .unwrap_or(0);
                (
                    lowercase_hash(&event.text),
                    fnv1a(event.pos.as_bytes()),
                    next_word,
                )
            })
            .collect();
        let first_verb = in_sentence
            .iter()
            .copied()
            .find(|&o| events[o].pos == "VERB" && !matches!(events[o].tense, Tense::None));
        let items = gap_items(text, bounds.start, bounds.end, usize::MAX);
        let mut marks = Vec::with_capacity(items.len() + 1);
        let mut running = [0u32; MARKS];
        marks.push(running);
        for item in &items {
            let item = text.get(item.start..item.end).unwrap_or_default();
            for (count, has) in running.iter_mut().zip(marks_of_unlowered(item)) {
                *count += u32::from(has);
            }
            marks.push(running);
        }
        SentenceView {
            text,
            bounds,
            events,
            in_sentence,
            event_parts,
            first_verb,
            items,
            marks,
        }
    }

    /// `GapSummary::of_items(&gap(text, from, to))`, from the running counts.
    fn gap_summary(&self, from: usize, to: usize) -> GapSummary {
        if from >= to || !self.text.is_char_boundary(from) || !self.text.is_char_boundary(to) {
            return GapSummary::of_items(&gap(self.text, from, to));
        }
        if from < self.bounds.start || to > self.bounds.end {
            return GapSummary::of_items(&gap(self.text, from, to));
        }
        // The items that meet [from, to): only words can stick out of it,
        // as marks are one char each.
        let first = self.items.partition_point(|item| item.end <= from);
        let last = self.items.partition_point(|item| item.start < to);
        if first >= last {
            return GapSummary::default();
        }
        let mut summary = GapSummary::default();
        let (mut whole_first, mut whole_last) = (first, last);
        let head = self.items[first];
        let tail = self.items[last - 1];
        if first + 1 == last {
            summary.len = 1;
            let piece = self.text.get(head.start.max(from)..head.end.min(to));
            summary.add(&lowercase(piece.unwrap_or_default()));
            return summary;
        }
        if head.start < from {
            debug_assert!(head.word);
            summary.len += 1;
            summary.add(&lowercase(
                self.text.get(from..head.end).unwrap_or_default(),
            ));
            whole_first += 1;
        }
        if tail.end > to {
            debug_assert!(tail.word);
            summary.len += 1;
            summary.add(&lowercase(
                self.text.get(tail.start..to).unwrap_or_default(),
            ));
            whole_last -= 1;
        }
        summary.len += whole_last - whole_first;
        let (before, after) = (self.marks[whole_first], self.marks[whole_last]);
        for (mark, (a, b)) in summary.marks.iter_mut().zip(after.iter().zip(before)) {
            *mark |= *a > b;
        }
        summary
    }

    /// How many of the sentence's events, and of its verbs, lie within
    /// `[from, to)` (each up to 3).
    fn events_between(&self, from: usize, to: usize) -> (u64, u64) {
        let events = self.events;
        let first = self
            .in_sentence
            .partition_point(|&o| events[o].span.start < from);
        let (mut inside, mut verbs) = (0u64, 0u64);
        for &o in &self.in_sentence[first..] {
            let span = events[o].span;
            if span.start > to {
                break;
            }
            if span.end <= to {
                inside += 1;
                verbs += u64::from(events[o].pos == "VERB");
            }
        }
        (inside.min(3), verbs.min(3))
    }
}

/// The parts of the pair features that depend on the timex alone, and the
/// events the rules pick for it.
pub(super) struct TimexView<'t> {
    timex: &'t crate::model::Timex,
    signal: u64,
    opens_sentence: bool,
    rule_choice: Vec<usize>,
}

impl<'t> TimexView<'t> {
    pub(super) fn new(
        sentence: &SentenceView<'_>,
        timex: &'t crate::model::Timex,
        rule_choice: Vec<usize>,
    ) -> TimexView<'t> {
        use super::features::fnv1a;
        let text = sentence.text;
        let signal = word_before(text, sentence.bounds, timex.span).unwrap_or_default();
        let signal = if signal.chars().any(char::is_alphabetic) {
            fnv1a(signal.as_bytes())
        } else {
            fnv1a(b"<punct>")
        };
        let opens_sentence =
            gap_prefix(text, sentence.bounds.start, timex.span.start, 2).len() <= 1;
        TimexView {
            timex,
            signal,
            opens_sentence,
            rule_choice,
        }
    }
}

/// The features of the pair (the `k`th event of the sentence, timex);
/// returns whether a clause break ([`breaks_clause`]) lies between them.
pub(super) fn pair_features(
    sentence: &SentenceView<'_>,
    timex_view: &TimexView<'_>,
    k: usize,
    out: &mut Vec<u64>,
) -> bool {
    use super::features::mix;
    let e = sentence.in_sentence[k];
    let event = &sentence.events[e];
    let timex = timex_view.timex;
    let (word, pos, next_word) = sentence.event_parts[k];
    let chosen = u64::from(timex_view.rule_choice.contains(&e));
    let left = event.span.end <= timex.span.start;
    let (from, to) = if left {
        (event.span.end, timex.span.start)
    } else {
        (timex.span.end, event.span.start)
    };
    let between = sentence.gap_summary(from, to);
    let dir = u64::from(left) + 1;
    let distance = match between.len {
        n @ 0..=3 => n as u64,
        4..=5 => 4,
        6..=8 => 5,
        9..=12 => 6,
        _ => 7,
    };
    let (events_between, verbs_between) = sentence.events_between(from, to);
    let signal = timex_view.signal;
    let class = event.class as u64 + 1;
    let tense = event.tense as u64 + 1;
    let kind = timex.kind as u64 + 1;
    let first_verb = sentence.first_verb == Some(e);
    let timex_opens = timex_view.opens_sentence;
    let [comma, clause, quote, conj, crosses_clause] = between.marks;
    out.extend([
        mix(200, 0, 0),
        mix(201, dir, distance),
        mix(202, dir, events_between),
        mix(203, dir, verbs_between),
        mix(204, dir, pos),
        mix(205, dir, class),
        mix(206, dir, tense),
        mix(207, dir, kind),
        mix(208, dir, signal),
        mix(209, dir, u64::from(comma)),
        mix(210, dir, u64::from(clause)),
        mix(211, dir, u64::from(quote)),
        mix(212, dir, u64::from(conj)),
        mix(213, word, 0),
        mix(214, word, signal),
        mix(215, dir * 4 + events_between, verbs_between * 8 + distance),
        mix(216, u64::from(first_verb), dir),
        mix(217, u64::from(timex_opens), dir * 16 + verbs_between),
        mix(218, next_word, u64::from(distance == 0)),
        mix(219, pos, distance * 4 + dir),
        mix(220, signal, kind),
        mix(221, pos, signal),
        mix(222, tense * 16 + kind, dir),
        mix(
            223,
            u64::from(comma) * 2 + u64::from(clause),
            dir * 8 + verbs_between,
        ),
        mix(224, chosen, dir),
        mix(225, chosen, pos),
        mix(226, chosen, kind * 4 + verbs_between),
    ]);
    crosses_clause
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventClass, Sentence, Timex};

    /// A document with one sentence, events at the given words (with part
    /// of speech and tense) and timexes at the given phrases.
    fn doc(text: &str, events: &[(&str, &str, Tense)], timexes: &[(&str, TimexType)]) -> Document {
        let mut doc = Document::new("d", text, Some("2025-12-07".parse().unwrap()));
        doc.sentences = vec![Sentence {
            span: Span::new(0, text.len()),
            id: None,
        }];
        for (i, (word, pos, tense)) in events.iter().enumerate() {
            let start = text.find(word).unwrap();
            let mut event = Event::new(
                format!("e{}", i + 1),
                Span::new(start, start + word.len()),
                *word,
                EventClass::Occurrence,
            );
            event.pos = pos.to_string();
            event.tense = *tense;
            doc.events.push(event);
        }
        for (i, (phrase, kind)) in timexes.iter().enumerate() {
            let start = text.find(phrase).unwrap();
            doc.timexes.push(Timex {
                id: format!("t{}", i + 1),
                span: Span::new(start, start + phrase.len()),
                text: phrase.to_string(),
                kind: *kind,
                value: String::new(),
                modifier: None,
                quant: None,
                freq: None,
                begin_point: None,
                end_point: None,
                anchor: None,
                temporal_function: false,
                interval: Interval::month(2025, 9),
                rule: "test".into(),
            });
        }
        doc
    }

    fn dating(doc: &Document) -> Vec<(&str, Option<&str>, Option<Relation>)> {
        doc.events
            .iter()
            .map(|e| (e.text.as_str(), e.time.as_deref(), e.relation))
            .collect()
    }

    #[test]
    fn the_governing_event_is_dated() {
        let mut d = doc(
            "Speaking at a press conference on Sunday, 7 December, Baghaei referred to ties.",
            &[
                ("Speaking", "VERB", Tense::Prespart),
                ("conference", "NOUN", Tense::None),
                ("referred", "VERB", Tense::Past),
            ],
            &[("Sunday, 7 December", TimexType::Date)],
        );
        link(&mut d, None);
        assert_eq!(
            dating(&d),
            [
                ("Speaking", Some("t0"), Some(Relation::Includes)),
                ("conference", Some("t1"), Some(Relation::IsIncluded)),
                ("referred", Some("t0"), Some(Relation::Before)),
            ]
        );
        assert_eq!(d.events[1].interval, Interval::month(2025, 9));
        assert_eq!(d.events[0].interval, None);
        assert_eq!(d.links.len(), 3);
        assert_eq!(d.links[1].target, LinkEnd::Time("t1".into()));
        assert_eq!(d.links[1].source, LinkEnd::Event("ei2".into()));
        assert_eq!(d.links[2].id, "l3");
    }

    #[test]
    fn premodifiers_date_their_noun() {
        let mut d = doc(
            "Qatar hosted the talks that led to the February 2020 Doha Agreement.",
            &[
                ("hosted", "VERB", Tense::Past),
                ("talks", "NOUN", Tense::None),
                ("led", "VERB", Tense::Past),
                ("Agreement", "NOUN", Tense::None),
            ],
            &[("February 2020", TimexType::Date)],
        );
        link(&mut d, None);
        assert_eq!(d.events[3].time.as_deref(), Some("t1"));
        assert_eq!(d.events[2].time.as_deref(), Some("t0"));
        assert_eq!(d.events[1].relation, Some(Relation::Before));
    }

    #[test]
    fn an_opening_duration_dates_the_verbs_of_its_clause() {
        let mut d = doc(
            "She noted that for 91 days staff had continued their work despite being denied access.",
            &[("noted", "VERB", Tense::Past), ("continued", "VERB", Tense::Past), ("work", "NOUN", Tense::None), ("denied", "VERB", Tense::Prespart)],
            &[("91 days", TimexType::Duration)],
        );
        link(&mut d, None);
        let got = dating(&d);
        assert_eq!(got[0].1, Some("t0"));
        assert_eq!(got[1], ("continued", Some("t1"), Some(Relation::During)));
        assert_eq!(got[3], ("denied", Some("t1"), Some(Relation::During)));
        assert_eq!(d.events[3].interval, Interval::month(2025, 9));
    }

    #[test]
    fn signals_give_relations() {
        let mut d = doc(
            "Access has declined since 2021 and will grow until March.",
            &[
                ("declined", "VERB", Tense::Present),
                ("grow", "VERB", Tense::Future),
            ],
            &[("2021", TimexType::Date), ("March", TimexType::Date)],
        );
        link(&mut d, None);
        assert_eq!(d.events[0].relation, Some(Relation::BegunBy));
        assert_eq!(d.events[1].relation, Some(Relation::EndedBy));
        let mut d = doc(
            "They met before May.",
            &[("met", "VERB", Tense::Past)],
            &[("May", TimexType::Date)],
        );
        link(&mut d, None);
        assert_eq!(d.events[0].relation, Some(Relation::Before));
        assert_eq!(d.events[0].interval, None);
    }

    #[test]
    fn a_timex_links_its_best_event_on_weak_evidence_and_others_on_strong() {
        let mut best = vec![None; 3];
        // Timex 0: its best event, 2, is linked though the classifier
        // leans against the link; events 0 and 1, not its best, are not.
        propose(&mut best, 0, &[(-500, 0), (-501, 1), (-30, 2)]);
        assert_eq!(best, [None, None, Some((-30 + TOP_LINK_BIAS, 0))]);
        // Timex 1: its best, event 0, is linked on the same weak evidence.
        propose(&mut best, 1, &[(-500, 0), (-700, 1)]);
        assert_eq!(best[0], Some((-500 + TOP_LINK_BIAS, 1)));
        assert_eq!(best[1], None);
        // An event keeps the timex that gives it the higher biased score:
        // event 1 moves to timex 2, event 2 stays with timex 0.
        propose(&mut best, 2, &[(900, 1), (100, 2)]);
        assert_eq!(best[1], Some((900 + TOP_LINK_BIAS, 2)));
        assert_eq!(best[2], Some((-30 + TOP_LINK_BIAS, 0)));
        propose(&mut best, 3, &[]);
        assert!(best.iter().all(|b| b.is_some_and(|(_, t)| t != 3)));
    }

    #[test]
    fn untensed_events_take_the_tense_of_the_nearest_tensed_one() {
        let text = "a b c d e f g h i j k l. m n o p q r s t";
        let tenses = [
            Tense::None,
            Tense::Past,
            Tense::Future,
            Tense::Infinitive,
            Tense::Present,
        ];
        for shift in 0..tenses.len() {
            let mut d = doc(text, &[], &[]);
            d.sentences = vec![
                Sentence {
                    span: Span::new(0, 24),
                    id: None,
                },
                Sentence {
                    span: Span::new(25, text.len()),
                    id: None,
                },
            ];
            // Events on every letter, two on some (same start), with
            // tenses that leave ties between left and right neighbours.
            for (i, at) in (0..text.len()).step_by(2).enumerate() {
                for copy in 0..1 + usize::from(i % 3 == 1) {
                    let mut event = Event::new(
                        format!("e{i}_{copy}"),
                        Span::new(at, at + 1),
                        "x",
                        EventClass::Occurrence,
                    );
                    event.tense = tenses[(i * 7 + copy + shift) % tenses.len()];
                    d.events.push(event);
                }
            }
            let mut tensed = None;
            for e in 0..d.events.len() {
                let event = &d.events[e];
                let expected = tense_relation(event.tense, event).or_else(|| {
                    let bounds = d.sentences[d.sentence_index(event.span.start)?].span;
                    events_within(&d.events, bounds)
                        .into_iter()
                        .map(|o| &d.events[o])
                        .filter(|o| !matches!(o.tense, Tense::None | Tense::Infinitive))
                        .min_by_key(|o| o.span.start.abs_diff(event.span.start))
                        .and_then(|o| tense_relation(o.tense, o))
                });
                assert_eq!(dct_relation(&d, e, &mut tensed), expected, "{shift} {e}");
            }
        }
    }

    #[test]
    fn without_a_dct_undated_events_stay_unlinked() {
        let mut d = doc("He will go.", &[("go", "VERB", Tense::Future)], &[]);
        d.dct = None;
        link(&mut d, None);
        assert!(d.links.is_empty());
        assert_eq!(d.events[0].time, None);
    }
}

#[cfg(test)]
mod gap_tests {
    use super::{gap, gap_last, gap_prefix, GapSummary, SentenceView};
    use crate::model::{Event, EventClass, Span};

    #[test]
    fn the_sentence_view_summarizes_every_gap_as_a_rescan_would() {
        let texts = [
            "",
            "He said, on Sunday",
            "the U.S.-led talks ÉTÉ Σ didn’t THAT and, \"so\" ",
            "(a) \"b\" -- c' Which;but",
            "日本 7:30 ",
            "ΣΑΣ Kelvin \u{212a} İstanbul, THAT",
        ];
        for text in texts {
            // An event on every other char boundary, one char long.
            let mut events = Vec::new();
            for (i, (at, c)) in text.char_indices().enumerate().filter(|(i, _)| i % 2 == 0) {
                let mut event = Event::new(
                    format!("e{i}"),
                    Span::new(at, at + c.len_utf8()),
                    c.to_string(),
                    EventClass::Occurrence,
                );
                if i % 4 == 0 {
                    event.pos = "VERB".into();
                }
                events.push(event);
            }
            let view = SentenceView::new(text, Span::new(0, text.len()), &events);
            for from in 0..=text.len() + 1 {
                for to in 0..=text.len() + 1 {
                    assert_eq!(
                        view.gap_summary(from, to),
                        GapSummary::of_items(&gap(text, from, to)),
                        "{text:?} {from}..{to}"
                    );
                    let inside: Vec<&Event> = events
                        .iter()
                        .filter(|e| e.span.start >= from && e.span.end <= to)
                        .collect();
                    let verbs = inside.iter().filter(|e| e.pos == "VERB").count();
                    assert_eq!(
                        view.events_between(from, to),
                        (inside.len().min(3) as u64, verbs.min(3) as u64),
                        "{text:?} {from}..{to}"
                    );
                }
            }
        }
    }

    /// The gap as a list of owned strings, char by char: what `gap` gives
    /// with fewer allocations.
    fn reference_gap(text: &str, from: usize, to: usize) -> Vec<String> {
        let Some(slice) = text.get(from..to) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut word = String::new();
        for c in slice.chars() {
            if c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-' {
                word.extend(c.to_lowercase());
            } else {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
                if !c.is_whitespace() {
                    out.push(c.to_string());
                }
            }
        }
        if !word.is_empty() {
            out.push(word);
        }
        out
    }

    #[test]
    fn the_partial_gaps_agree_with_the_whole_gap() {
        let texts = [
            "",
            "  ",
            "He said, on Sunday",
            "the U.S.-led talks ÉTÉ Σ didn’t ",
            "(a) \"b\" -- c'",
            "x ,",
            "日本 7:30 ",
            "ΣΑΣ Kelvin \u{212a} İstanbul, THAT",
        ];
        for text in texts {
            for from in 0..=text.len() {
                for to in from..=text.len() {
                    let whole = gap(text, from, to);
                    assert_eq!(whole, reference_gap(text, from, to), "{text:?}");
                    assert_eq!(gap_last(text, from, to), whole.last().cloned(), "{text:?}");
                    for limit in 0..4 {
                        let first: Vec<_> = whole.iter().take(limit).cloned().collect();
                        assert_eq!(gap_prefix(text, from, to, limit), first, "{text:?}");
                    }
                }
            }
        }
    }
}
