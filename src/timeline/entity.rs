//! Entity timelines: the events of which a named entity is a participant,
//! dated the way a reader of the news dates them.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::{
    dct_interval, sentences_of, word_key, words, DatedBy, Timeline, TimelineEntry, TimelineOptions,
};
use crate::lexicon;
use crate::model::{Document, Event, Granularity, Interval, Relation, Span, Tense, TimexType};

/// How [`Timeline::of_entity`] picks and dates an entity's events.
///
/// ```
/// use chronoline::EntityOptions;
/// let options = EntityOptions::default();
/// assert_eq!(options.max_words, 3);
/// assert!(options.pronouns);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EntityOptions {
    /// How many words an event trigger may be from a mention of the entity
    /// (in the same clause).
    pub max_words: usize,
    /// Whether a sentence that opens with *he*, *she* or *it* right after a
    /// sentence about the entity is about the entity too.
    pub pronouns: bool,
    /// Whether a name of several words also matches without its first or
    /// last word ("Jobs" for "Steve Jobs", "Apple Corps" for "Beatles Apple
    /// Corps"), unless it holds a digit ("iPhone 4" never matches "iPhone").
    pub partial_names: bool,
    /// How many days before the DCT a day mentioned in a news text may be
    /// to date the past events after it that have no date of their own ("on
    /// Monday" dates what a report of Tuesday tells afterwards).
    pub recent_days: i64,
}

impl Default for EntityOptions {
    fn default() -> EntityOptions {
        EntityOptions {
            max_words: 3,
            pronouns: true,
            partial_names: true,
            recent_days: 7,
        }
    }
}

fn clause_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        lexicon::lines(include_str!("../../data/timeline/clause_words.txt")).collect()
    })
}

fn particles() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| lexicon::lines(include_str!("../../data/timeline/particles.txt")).collect())
}

/// Extends a verb trigger over the particle right after it ("showed" ->
/// "showed off").
fn with_particle(view: &DocumentView<'_>, entry: &mut TimelineEntry) {
    let doc = view.doc;
    let Some(rest) = doc.text.get(entry.span.end..) else {
        return;
    };
    let gap = rest.len() - rest.trim_start().len();
    let next: &str = rest[gap..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    if gap == 0 || gap > 2 || next.is_empty() || !particles().contains(next.to_lowercase().as_str())
    {
        return;
    }
    let is_verb = view
        .events
        .get(entry.id.as_str())
        .is_some_and(|e| e.pos == "VERB");
    if !is_verb {
        return;
    }
    let end = entry.span.end + gap + next.len();
    if let Some(text) = doc.text.get(entry.span.start..end) {
        entry.text = text.to_string();
        entry.span = Span::new(entry.span.start, end);
    }
}

fn subject_pronouns() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        lexicon::lines(include_str!("../../data/timeline/subject_pronouns.txt")).collect()
    })
}

/// How many words may open a sentence before the subject pronoun that
/// continues the previous sentence's subject.
const OPENING_WORDS: usize = 4;

/// Pronouns that open a relative clause whose subject is the word before.
const RELATIVE_PRONOUNS: &[&str] = &["which", "who"];

/// Words that join two verb phrases of one subject.
const COORDINATORS: &[&str] = &[];

/// Punctuation that ends a clause or an apposition.
const CLAUSE_MARKS: &[char] = &[',', ';', ':', '(', ')', '"', '\u{201c}', '\u{201d}'];

/// A word of a document: where it is and its comparison key.
struct Word {
    span: Span,
    key: String,
    capitalized: bool,
}

/// The words of `text[span]`, with spans into `text`.
fn words_in(text: &str, span: Span) -> Vec<Word> {
    let Some(part) = span.slice(text) else {
        return Vec::new();
    };
    let base = part.as_ptr() as usize;
    words(part)
        .map(|w| {
            let start = span.start + (w.as_ptr() as usize - base);
            Word {
                span: Span::new(start, start + w.len()),
                key: word_key(w),
                capitalized: w.chars().any(char::is_uppercase),
            }
        })
        .collect()
}

/// The word patterns that name the entity (see
/// [`EntityOptions::partial_names`]).
fn name_patterns(names: &[&str], options: &EntityOptions) -> Vec<Vec<String>> {
    let mut patterns: Vec<Vec<String>> = Vec::new();
    for name in names {
        let parts: Vec<&str> = words(name).collect();
        if parts.is_empty() {
            continue;
        }
        patterns.push(parts.iter().map(|w| word_key(w)).collect());
        if let Some(head) = parts
            .last()
            .filter(|w| parts.len() >= 2 && w.chars().all(char::is_lowercase))
        {
            // A name ending in a common noun is taken up by "the <noun>":
            // "the store" for "iTunes store".
            patterns.push(vec!["the".to_string(), word_key(head)]);
        }
        let has_digit = name.chars().any(|c| c.is_ascii_digit());
        let proper = parts.iter().all(|w| w.chars().any(char::is_uppercase));
        if options.partial_names && parts.len() >= 2 && proper && !has_digit {
            for run in [&parts[1..], &parts[..parts.len() - 1]] {
                patterns.push(run.iter().map(|w| word_key(w)).collect());
            }
        }
    }
    patterns.sort();
    patterns.dedup();
    patterns
}

/// A model name without its number ("iPhone" for "iPhone 4"): once the
/// full name is in a document, "the (new) iPhone" takes it up.
fn short_names(names: &[&str]) -> Vec<Vec<String>> {
    let mut short: Vec<Vec<String>> = names
        .iter()
        .filter(|name| name.chars().any(|c| c.is_ascii_digit()))
        .map(|name| {
            words(name)
                .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
                .map(word_key)
                .collect::<Vec<_>>()
        })
        .filter(|run| !run.is_empty())
        .collect();
    short.sort();
    short.dedup();
    short
}

/// "the <short name>" or "the <one word> <short name>", not followed by a
/// number or another name ("the original iPhone 3GS" is another model).
fn short_mentions(words: &[Word], short_names: &[Vec<String>]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if word.key != "the" {
            continue;
        }
        for name in short_names {
            for skip in [0, 1] {
                let first = i + 1 + skip;
                let last = first + name.len() - 1;
                let Some(run) = words.get(first..=last) else {
                    continue;
                };
                let between_lowercase = words[i + 1..first].iter().all(|w| !w.capitalized);
                let matches = run.iter().zip(name).all(|(w, k)| &w.key == k);
                let ends_name = words
                    .get(last + 1)
                    .is_none_or(|w| !w.capitalized && !w.key.chars().any(|c| c.is_ascii_digit()));
                if between_lowercase && matches && ends_name {
                    found.push((i, last));
                }
            }
        }
    }
    found
}

/// The mentions of the entity in a sentence, as ranges of word indices:
/// the pattern's words in order, with at most one capitalized word between
/// two of them ("iTunes Music Store" for "iTunes store").
fn mentions(words: &[Word], patterns: &[Vec<String>]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for pattern in patterns {
        for first in 0..words.len() {
            let (mut at, mut matched, mut skipped) = (first, 0, false);
            while matched < pattern.len() {
                match words.get(at) {
                    Some(w) if w.key == pattern[matched] => {
                        at += 1;
                        matched += 1;
                    }
                    Some(w) if matched > 0 && !skipped && w.capitalized => {
                        at += 1;
                        skipped = true;
                    }
                    _ => break,
                }
            }
            if matched == pattern.len() {
                found.push((first, at - 1));
            }
        }
    }
    found
}

/// What one document says about the entity, sentence by sentence.
struct DocumentView<'d> {
    doc: &'d Document,
    /// The start of the main verb of each sentence whose subject is the
    /// entity.
    subject_verbs: Vec<Vec<usize>>,
    /// The words of each sentence.
    words: Vec<Vec<Word>>,
    /// The word ranges that refer to the entity in each sentence.
    anchors: Vec<Vec<(usize, usize)>>,
    /// The recent days the document mentions (see `reported_day`).
    recent_days: Vec<(usize, Interval)>,
    /// The document's events by id.
    events: HashMap<&'d str, &'d Event>,
}

impl<'d> DocumentView<'d> {
    fn new(
        doc: &'d Document,
        patterns: &[Vec<String>],
        short_names: &[Vec<String>],
        options: &EntityOptions,
    ) -> Self {
        let sentences = sentences_of(doc).into_owned();
        let words: Vec<Vec<Word>> = sentences
            .iter()
            .map(|s| words_in(&doc.text, s.span))
            .collect();
        let mut anchors = Vec::with_capacity(words.len());
        let mut previous_about = false;
        let mut named = false;
        for sentence in &words {
            let mut found = mentions(sentence, patterns);
            let named_here = !found.is_empty();
            if named || named_here {
                found.extend(short_mentions(sentence, short_names));
                found.sort_unstable();
                found.dedup();
            }
            named |= named_here;
            if found.is_empty() && options.pronouns && previous_about {
                // The subject pronoun of the main clause, after at most an
                // opening phrase ("In 1986 he bought Pixar").
                let pronoun = sentence
                    .iter()
                    .take(OPENING_WORDS + 1)
                    .position(|w| subject_pronouns().contains(w.key.as_str()));
                if let Some(at) = pronoun {
                    found.push((at, at));
                }
            }
            previous_about = !found.is_empty();
            anchors.push(found);
        }
        let subject_verbs = DocumentView::subject_verbs(doc, &words, &anchors);
        DocumentView {
            doc,
            subject_verbs,
            words,
            anchors,
            recent_days: DocumentView::recent_days(doc, options.recent_days),
            events: doc.events.iter().map(|e| (e.id.as_str(), e)).collect(),
        }
    }

    /// Whether an event at `span` in sentence `index` is about the entity:
    /// at most `max_words` words from a mention, in the same clause.
    fn is_about(&self, index: usize, span: Span, max_words: usize) -> bool {
        let (Some(words), Some(anchors)) = (self.words.get(index), self.anchors.get(index)) else {
            return false;
        };
        let Some(position) = words
            .iter()
            .position(|w| w.span.start <= span.start && span.start < w.span.end)
        else {
            return false;
        };
        // A word of the name is not an event of the entity ("the iTunes
        // *store*").
        if anchors
            .iter()
            .any(|&(first, last)| (first..=last).contains(&position))
        {
            return false;
        }
        if self
            .subject_verbs
            .get(index)
            .is_some_and(|verbs| verbs.contains(&span.start))
        {
            return true;
        }
        anchors.iter().any(|&(first, last)| {
            let near = position + max_words >= first && position <= last + max_words;
            near && self.same_clause(words, position, first, last)
        })
    }

    /// The verbs whose subject is the entity although a comma stands
    /// between: the first finite verb after a mention that opens the
    /// sentence and is followed by an apposition ("Steve Jobs, the chief
    /// executive of Apple, *announced*"), or after a relative pronoun
    /// right after a mention ("the iTunes Music Store, which *sells*").
    fn subject_verbs(
        doc: &Document,
        words: &[Vec<Word>],
        anchors: &[Vec<(usize, usize)>],
    ) -> Vec<Vec<usize>> {
        words
            .iter()
            .zip(anchors)
            .map(|(sentence, found)| {
                let Some(end) = sentence.last().map(|w| w.span.end) else {
                    return Vec::new();
                };
                let first_verb_after = |start: usize| {
                    let from = doc.events.partition_point(|e| e.span.start < start);
                    doc.events[from..]
                        .iter()
                        .take_while(|e| e.span.start < end)
                        .find(|e| e.pos == "VERB" && e.tense != Tense::None)
                        .map(|e| e.span.start)
                };
                let mut verbs = Vec::new();
                for &(first, last) in found {
                    let Some(after) = sentence.get(last) else {
                        continue;
                    };
                    let rest = doc.text.get(after.span.end..).unwrap_or_default();
                    let comma = rest.trim_start().starts_with(',');
                    // "the iTunes Music Store, which *sells* ..."
                    let relative = sentence
                        .get(last + 1)
                        .is_some_and(|w| RELATIVE_PRONOUNS.contains(&w.key.as_str()));
                    if relative {
                        verbs.extend(first_verb_after(sentence[last + 1].span.end));
                    } else if comma && first <= OPENING_WORDS {
                        verbs.extend(first_verb_after(after.span.end));
                    }
                }
                verbs
            })
            .collect()
    }

    /// Whether nothing between the word at `position` and the mention
    /// `first..=last` opens a new clause.
    fn same_clause(&self, words: &[Word], position: usize, first: usize, last: usize) -> bool {
        let (from, to) = if position > last {
            (last, position)
        } else if position < first {
            (position, first)
        } else {
            return true;
        };
        let (Some(a), Some(b)) = (words.get(from), words.get(to)) else {
            return false;
        };
        let between = self
            .doc
            .text
            .get(a.span.end..b.span.start)
            .unwrap_or_default();
        if between.contains(CLAUSE_MARKS) {
            return false;
        }
        // "Jobs welcomed everyone and announced ...": a coordinated verb
        // right after *and* shares the subject.
        let inner_end =
            if position > last && to >= 1 && COORDINATORS.contains(&words[to - 1].key.as_str()) {
                to - 1
            } else {
                to
            };
        !words[from + 1..inner_end.max(from + 1)]
            .iter()
            .any(|w| clause_words().contains(w.key.as_str()))
    }

    /// The last date (not a vague reference) mentioned before `at` in
    /// sentence `index` that ends by the end of the DCT: "In 1986 he
    /// *bought* Pixar".
    fn sentence_date(&self, index: usize, at: usize, dct: &Interval) -> Option<Interval> {
        let start = self.words.get(index)?.first()?.span.start;
        let timexes = &self.doc.timexes;
        let before = timexes.partition_point(|t| t.span.start < at);
        timexes[..before]
            .iter()
            .rev()
            .take_while(|t| t.span.start >= start)
            .filter(|t| t.kind == TimexType::Date && !t.value.ends_with("_REF"))
            .filter_map(|t| t.interval)
            .find(|i| i.end <= dct.end)
    }

    /// The one day that sentence `index` mentions inside `coarse`: a link
    /// to "this year" in "Yesterday, at this year's conference, Jobs
    /// unveiled ..." is made precise by "Yesterday".
    fn day_within(&self, index: usize, coarse: &Interval) -> Option<(String, Interval)> {
        let words = self.words.get(index)?;
        let (start, end) = (words.first()?.span.start, words.last()?.span.end);
        let timexes = &self.doc.timexes;
        let from = timexes.partition_point(|t| t.span.start < start);
        let mut days = timexes[from..]
            .iter()
            .take_while(|t| t.span.start < end)
            .filter(|t| t.kind == TimexType::Date && !t.value.ends_with("_REF"))
            .filter_map(|t| Some((t.value.clone(), t.interval?)))
            .filter(|(_, i)| i.granularity == Granularity::Day)
            .filter(|(_, i)| coarse.start <= i.start && i.end <= coarse.end);
        let day = days.next()?;
        // Two days inside: no telling which one dates the event.
        days.all(|(_, i)| i == day.1).then_some(day)
    }

    /// The last day mentioned before `at` that lies within `recent_days`
    /// before the DCT (or on it): the day a news report is telling about.
    fn reported_day(&self, at: usize) -> Option<Interval> {
        let before = self.recent_days.partition_point(|(start, _)| *start < at);
        before.checked_sub(1).map(|i| self.recent_days[i].1)
    }

    /// The days within `recent_days` before the DCT (or on it) that the
    /// document mentions, with where they are, in text order.
    fn recent_days(doc: &Document, recent_days: i64) -> Vec<(usize, Interval)> {
        let Some(dct) = doc.dct.as_ref().map(dct_interval) else {
            return Vec::new();
        };
        let earliest = dct.start - Duration::days(recent_days);
        doc.timexes
            .iter()
            .filter(|t| t.kind == TimexType::Date && !t.value.ends_with("_REF"))
            .filter_map(|t| Some((t.span.start, t.interval?)))
            .filter(|(_, i)| i.granularity == Granularity::Day)
            .filter(|(_, i)| i.start >= earliest && i.end <= dct.end)
            .collect()
    }
}

impl Timeline {
    /// The timeline of the events about an entity in `docs`, for the
    /// SemEval-2015 Task 4 kind of timeline: `names` are the entity's name
    /// and aliases.
    ///
    /// An event is about the entity when its trigger is at most
    /// [`EntityOptions::max_words`] words from a mention of the entity in
    /// the same clause (no `,;:()"` and no *and*, *but*, *which*, *that*,
    /// *who*, *while*, *when*, *where*, *because*, *although* between
    /// them). A mention is the name (words compared without case,
    /// possessive or plural ending; one capitalized word may stand between
    /// two of its words), a part of it ([`EntityOptions::partial_names`]),
    /// or a sentence-opening *he*, *she* or *it* right after a sentence
    /// about the entity ([`EntityOptions::pronouns`]).
    ///
    /// Events are dated as in [`Timeline::with_options`] with undated
    /// events kept; an event dated by a month or coarser is dated by the one
    /// day its sentence mentions inside it, if any ("Yesterday, at this
    /// year's conference, Jobs unveiled"); an event that happened before the DCT and has no
    /// date of its own takes (approximate, [`DatedBy::Context`]) the last
    /// date mentioned before it in its sentence, else the last day
    /// mentioned before it within [`EntityOptions::recent_days`] of the
    /// DCT (the day the report tells about), else the DCT; an event linked
    /// to *now* takes the DCT; an *-ing* participle that only holds at the
    /// DCT ("..., saying") takes the date of the nearest finite verb of its
    /// sentence. Events after the DCT with no date stay undated. Timexes
    /// are left out and nothing is merged.
    ///
    /// ```
    /// use chronoline::{EntityOptions, Extractor, Timeline};
    /// let text = "Apple unveiled the phone on Monday. It ships in June. The band toured.";
    /// let doc = Extractor::new().extract(text, Some("2010-06-08".parse().unwrap()));
    /// let timeline = Timeline::of_entity(&[doc], &["Apple"], &EntityOptions::default());
    /// let unveiled = timeline.entries().iter().find(|e| e.text == "unveiled").unwrap();
    /// assert_eq!(unveiled.value.as_deref(), Some("2010-06-07"));
    /// assert!(timeline.entries().iter().all(|e| e.text != "toured"));
    /// ```
    pub fn of_entity(docs: &[Document], names: &[&str], options: &EntityOptions) -> Timeline {
        let all = Timeline::with_options(
            docs,
            &TimelineOptions {
                merge: false,
                timexes: false,
                undated: true,
                context_dating: false,
                ..TimelineOptions::default()
            },
        );
        let patterns = name_patterns(names, options);
        let short_names = short_names(names);
        let mut views: HashMap<&str, DocumentView<'_>> = HashMap::new();
        for doc in docs {
            views
                .entry(doc.id.as_str())
                .or_insert_with(|| DocumentView::new(doc, &patterns, &short_names, options));
        }
        let mut dated: Vec<TimelineEntry> = all
            .entries
            .into_iter()
            .map(|entry| match views.get(entry.document.as_str()) {
                Some(view) => redate(view, entry),
                None => entry,
            })
            .collect();
        date_participles(&mut dated, &views);
        let mut entries: Vec<TimelineEntry> = dated
            .into_iter()
            .filter(|entry| {
                let (Some(view), Some(index)) =
                    (views.get(entry.document.as_str()), entry.sentence_index)
                else {
                    return false;
                };
                view.is_about(index, entry.span, options.max_words)
            })
            .map(|mut entry| {
                if let Some(view) = views.get(entry.document.as_str()) {
                    with_particle(view, &mut entry);
                }
                entry
            })
            .collect();
        let position: HashMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        entries.sort_by(|a, b| {
            let pa = position.get(a.document.as_str()).copied().unwrap_or(0);
            let pb = position.get(b.document.as_str()).copied().unwrap_or(0);
            super::compare_entries(pa, a, pb, b)
        });
        Timeline { entries }
    }
}

/// Dates an entry of the entity timeline the way a news reader does (see
/// [`Timeline::of_entity`]).
fn redate(view: &DocumentView<'_>, mut entry: TimelineEntry) -> TimelineEntry {
    let Some(dct) = view.doc.dct.as_ref() else {
        return entry;
    };
    let dct_day = dct_interval(dct);
    let vague_link = entry.dated_by == DatedBy::Link
        && entry.value.as_deref().is_some_and(|v| v == "PRESENT_REF");
    if vague_link {
        entry.interval = Some(dct_day);
        entry.value = Some(dct.value());
        return entry;
    }
    let coarse = entry
        .interval
        .filter(|i| i.granularity > Granularity::Day)
        .filter(|_| matches!(entry.dated_by, DatedBy::Link | DatedBy::Event));
    if let (Some(coarse), Some(index)) = (coarse, entry.sentence_index) {
        if let Some((value, finer)) = view.day_within(index, &coarse) {
            entry.value = Some(value);
            entry.interval = Some(finer);
            return entry;
        }
    }
    if entry.interval.is_none() && entry.dct_relation == Some(Relation::Before) {
        let mut day = entry
            .sentence_index
            .and_then(|index| view.sentence_date(index, entry.span.start, &dct_day))
            .or_else(|| view.reported_day(entry.span.start))
            .unwrap_or(dct_day);
        day.exact = false;
        entry.value = Some(super::date_at(day.start, day.granularity));
        entry.timex_type = Some(TimexType::Date);
        entry.interval = Some(day);
        entry.dated_by = DatedBy::Context;
        entry.dct_relation = None;
        entry.anchor = None;
    }
    entry
}

/// A participle clause ("..., saying ...", "While introducing ...") is part
/// of the event of its sentence: an *-ing* trigger that only holds at the
/// DCT takes the date of the nearest event of its sentence dated otherwise.
fn date_participles(entries: &mut [TimelineEntry], views: &HashMap<&str, DocumentView<'_>>) {
    let is_finite_verb = |e: &TimelineEntry| {
        views
            .get(e.document.as_str())
            .and_then(|view| view.events.get(e.id.as_str()))
            .is_some_and(|event| event.pos == "VERB" && event.tense != Tense::None)
            && !e.text.to_lowercase().ends_with("ing")
    };
    let mut by_sentence: HashMap<(&str, usize), Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let Some(s) = e.sentence_index {
            by_sentence
                .entry((e.document.as_str(), s))
                .or_default()
                .push(i);
        }
    }
    let is_participle = |e: &TimelineEntry| {
        e.interval.is_none()
            && e.dct_relation.is_some_and(super::holds_at_dct)
            && e.text.len() > 4
            && e.text.to_lowercase().ends_with("ing")
    };
    let mut updates: Vec<(usize, usize)> = Vec::new();
    for members in by_sentence.values() {
        for &i in members {
            if !is_participle(&entries[i]) {
                continue;
            }
            let at = entries[i].span.start;
            let nearest = members
                .iter()
                .copied()
                .filter(|&j| j != i && entries[j].interval.is_some())
                .filter(|&j| is_finite_verb(&entries[j]))
                .filter(|&j| entries[j].dated_by != DatedBy::Nothing)
                .min_by_key(|&j| entries[j].span.start.abs_diff(at));
            if let Some(j) = nearest {
                updates.push((i, j));
            }
        }
    }
    for (i, j) in updates {
        let source = entries[j].clone();
        let entry = &mut entries[i];
        entry.interval = source.interval;
        entry.value = source.value;
        entry.timex_type = source.timex_type;
        entry.dated_by = DatedBy::Context;
        entry.dct_relation = None;
        entry.anchor = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn keys(names: &[&str]) -> Vec<Vec<String>> {
        name_patterns(names, &EntityOptions::default())
    }

    fn key(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| word_key(w)).collect()
    }

    #[test]
    fn partial_names_are_proper_names_without_numbers() {
        let jobs = keys(&["Steve Jobs"]);
        assert!(jobs.contains(&key(&["jobs"])) && jobs.contains(&key(&["steve"])));
        assert!(keys(&["Beatles Apple Corps"]).contains(&key(&["Apple", "Corps"])));
        assert!(!keys(&["iPhone 4"]).contains(&key(&["iphone"])));
        let store = keys(&["iTunes store"]);
        assert!(store.contains(&key(&["the", "store"])));
        assert!(!store.contains(&key(&["iTunes"])));
        let strict = name_patterns(
            &["Steve Jobs"],
            &EntityOptions {
                partial_names: false,
                ..EntityOptions::default()
            },
        );
        assert_eq!(strict, vec![key(&["Steve", "Jobs"])]);
    }

    #[test]
    fn one_capitalized_word_may_stand_inside_a_name() {
        let text = "Apple launched the iTunes Music Store and the iTunes movie store.";
        let words = words_in(text, Span::new(0, text.len()));
        let found = mentions(&words, &keys(&["iTunes store"]));
        assert_eq!(found, vec![(3, 5)]);
    }

    #[test]
    fn the_short_name_needs_no_other_model_after_it() {
        let text = "The new iPhone was praised, unlike the original iPhone 3GS.";
        let words = words_in(text, Span::new(0, text.len()));
        let found = short_mentions(&words, &short_names(&["iPhone 4"]));
        assert_eq!(found, vec![(0, 2)]);
    }

    fn texts_of(timeline: &Timeline) -> Vec<(&str, Option<&str>)> {
        timeline
            .entries()
            .iter()
            .map(|e| (e.text.as_str(), e.value.as_deref()))
            .collect()
    }

    #[test]
    fn an_entity_timeline_follows_pronouns_and_dates_by_the_reported_day() {
        let text = "Steve Jobs unveiled the phone on Monday. \
                    He praised its design. \
                    The board met later, and Tim Cook resigned.";
        let doc = Extractor::new().extract(text, Some("2010-06-08".parse().unwrap()));
        let timeline = Timeline::of_entity(&[doc], &["Steve Jobs"], &EntityOptions::default());
        let found = texts_of(&timeline);
        assert!(
            found.contains(&("unveiled", Some("2010-06-07"))),
            "{found:?}"
        );
        assert!(
            found.contains(&("praised", Some("2010-06-07"))),
            "{found:?}"
        );
        assert!(
            found.iter().all(|(t, _)| *t != "resigned" && *t != "met"),
            "{found:?}"
        );
        let without = Timeline::of_entity(
            &[Extractor::new().extract(text, Some("2010-06-08".parse().unwrap()))],
            &["Steve Jobs"],
            &EntityOptions {
                pronouns: false,
                ..EntityOptions::default()
            },
        );
        assert!(texts_of(&without).iter().all(|(t, _)| *t != "praised"));
    }

    #[test]
    fn a_clause_boundary_separates_other_events() {
        let text = "Apple Corps sued the firm in March 2006, and the court ruled for it.";
        let doc = Extractor::new().extract(text, Some("2006-05-08".parse().unwrap()));
        let timeline = Timeline::of_entity(&[doc], &["Apple Corps"], &EntityOptions::default());
        let found = texts_of(&timeline);
        assert!(found.iter().any(|(t, _)| *t == "sued"), "{found:?}");
        assert!(found.iter().all(|(t, _)| *t != "ruled"), "{found:?}");
    }

    #[test]
    fn a_coarse_date_is_made_precise_by_the_one_day_of_its_sentence() {
        let text = "Yesterday, at this month's conference, Jobs unveiled the phone.";
        let mut doc = Extractor::new().extract(text, Some("2010-06-08".parse().unwrap()));
        let unveiled = doc.events.iter_mut().find(|e| e.text == "unveiled");
        let unveiled = unveiled.expect("an event 'unveiled'");
        unveiled.interval = Interval::month(2010, 6);
        unveiled.time = None;
        unveiled.relation = None;
        let timeline = Timeline::of_entity(&[doc], &["Steve Jobs"], &EntityOptions::default());
        let found = texts_of(&timeline);
        assert!(
            found.contains(&("unveiled", Some("2010-06-07"))),
            "{found:?}"
        );
    }

    #[test]
    fn particles_join_their_verb() {
        let text = "Jobs showed off the phone yesterday.";
        let doc = Extractor::new().extract(text, Some("2010-06-08".parse().unwrap()));
        let timeline = Timeline::of_entity(&[doc], &["Steve Jobs"], &EntityOptions::default());
        let out = timeline.to_semeval2015("Steve Jobs");
        assert!(out.contains("-showed_off"), "{out}");
    }
}
