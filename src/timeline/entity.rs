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
use crate::model::{
    Document, Event, EventClass, Granularity, Interval, Relation, Span, Tense, TimexType,
};

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

/// The subject pronouns and whether each refers to a person.
fn subject_pronouns() -> &'static HashMap<&'static str, bool> {
    static WORDS: OnceLock<HashMap<&'static str, bool>> = OnceLock::new();
    WORDS.get_or_init(|| {
        lexicon::rows(include_str!("../../data/timeline/subject_pronouns.txt"))
            .filter_map(|row| Some((*row.first()?, *row.get(1)? == "person")))
            .collect()
    })
}

/// Whether a name looks like a person's: two or more words, each a capital
/// letter then lowercase letters ("Steve Jobs", "Tim Cook"). Product and
/// brand names break the pattern ("iPod", "iPhone 4", "iTunes store"), and
/// *he* or *she* never refers to them, nor *it* to a person.
///
/// A word of an organisation's name ("Corps", "Inc", "Company", from a
/// data file) makes it an organisation's.
fn person_like(name: &str) -> bool {
    let parts: Vec<&str> = name.split_whitespace().collect();
    parts.len() >= 2
        && parts.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
        })
        && !parts
            .iter()
            .any(|w| organisation_words().contains(w.trim_end_matches('.').to_lowercase().as_str()))
}

fn organisation_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        lexicon::lines(include_str!("../../data/timeline/organisation_words.txt")).collect()
    })
}

/// How many words may open a sentence before the subject pronoun that
/// continues the previous sentence's subject.
const OPENING_WORDS: usize = 4;

/// How many words after an event its time adverbial may stand ("filed
/// suit again in 1989").
const ADVERBIAL_WORDS: usize = 6;

/// Words that open a noun phrase: a date right after one modifies the noun
/// ("the 1991 settlement").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "that",
];

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
    /// Whether only white space separates it from the word before.
    joined: bool,
}

/// The words of `text[span]`, with spans into `text`.
fn words_in(text: &str, span: Span) -> Vec<Word> {
    let Some(part) = span.slice(text) else {
        return Vec::new();
    };
    let base = part.as_ptr() as usize;
    let mut previous_end: Option<usize> = None;
    words(part)
        .map(|w| {
            let offset = w.as_ptr() as usize - base;
            let joined = previous_end
                .and_then(|end| part.get(end..offset))
                .is_some_and(|gap| gap.trim().is_empty());
            previous_end = Some(offset + w.len());
            let start = span.start + offset;
            Word {
                span: Span::new(start, start + w.len()),
                key: word_key(w),
                capitalized: w.chars().any(char::is_uppercase),
                joined,
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

/// Where a sentence names a model by a short name and a model number or
/// name right after it ("iPhone 3GS", "iPhone 4"): the index of the short
/// name's first word.
fn other_models(words: &[Word], short_names: &[Vec<String>]) -> Vec<usize> {
    let mut found = Vec::new();
    for name in short_names {
        for first in 0..words.len() {
            let last = first + name.len() - 1;
            let Some(run) = words.get(first..=last) else {
                continue;
            };
            let model = words.get(last + 1).is_some_and(|w| {
                w.joined && (w.capitalized || w.key.chars().any(|c| c.is_ascii_digit()))
            });
            if model && run.iter().zip(name).all(|(w, k)| &w.key == k) {
                found.push(first);
            }
        }
    }
    found
}

/// The mentions of the entity in a sentence, as ranges of word indices:
/// the pattern's words in order, with at most one capitalized word between
/// two of them ("iTunes Music Store" for "iTunes store").
///
/// A match is not a mention when it is only the start of a longer name, a
/// capitalized word or a model number right after it ("iPod Touch", "iPod
/// Nano", "iPhone 3GS" are other products than "iPod" and "iPhone"), and,
/// for a name without a number (a product line, not one model), when
/// *new* stands right before it ("the new iPod" is the new model, not the
/// line), and when a word with a digit stands right before it ("the 30GB
/// iPod" is one variant). All are how English names a more specific thing
/// than the entity, whatever the entity.
fn mentions(words: &[Word], patterns: &[Vec<String>]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for pattern in patterns {
        let numbered = pattern
            .iter()
            .any(|w| w.chars().any(|c| c.is_ascii_digit()));
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
            if matched < pattern.len() {
                continue;
            }
            let longer_name = words.get(at).is_some_and(|w| {
                w.joined && (w.capitalized || w.key.chars().any(|c| c.is_ascii_digit()))
            });
            let variant = words[first].joined
                && first
                    .checked_sub(1)
                    .and_then(|i| words.get(i))
                    .is_some_and(|w| w.key.chars().any(|c| c.is_ascii_digit()));
            let new_model = !numbered
                && words[first].joined
                && first
                    .checked_sub(1)
                    .and_then(|i| words.get(i))
                    .is_some_and(|w| w.key == "new");
            if !longer_name && !new_model && !variant {
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
        person: bool,
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
        // Whether the model last named (the entity, or another model with
        // the same short name: "iPhone 4" against "iPhone 3G") is the
        // entity; `None` before any.
        let mut last_model: Option<bool> = None;
        for sentence in &words {
            let mut found = mentions(sentence, patterns);
            let named_here = !found.is_empty();
            if named || named_here {
                let mut models: Vec<(usize, bool)> = other_models(sentence, short_names)
                    .into_iter()
                    .filter(|at| !found.iter().any(|&(first, _)| first == *at))
                    .map(|at| (at, false))
                    .collect();
                models.extend(found.iter().map(|&(first, _)| (first, true)));
                models.sort_unstable();
                // "the iPhone" is the model named last before it.
                for (first, last) in short_mentions(sentence, short_names) {
                    let before = models.partition_point(|&(at, _)| at < first);
                    let refers = match before.checked_sub(1) {
                        Some(i) => models[i].1,
                        None => last_model != Some(false),
                    };
                    if refers {
                        found.push((first, last));
                    }
                }
                if let Some(&(_, is_entity)) = models.last() {
                    last_model = Some(is_entity);
                }
                found.sort_unstable();
                found.dedup();
                if person && named_here {
                    // "Jobs ... announced that *he* would be on medical
                    // leave": a personal pronoun after the person's name in
                    // the same sentence is the person.
                    let after = found.iter().map(|&(first, _)| first).min().unwrap_or(0);
                    for (at, word) in sentence.iter().enumerate().skip(after + 1) {
                        if subject_pronouns().get(word.key.as_str()) == Some(&true) {
                            found.push((at, at));
                        }
                    }
                    found.sort_unstable();
                }
            }
            named |= named_here;
            if found.is_empty() && options.pronouns && previous_about {
                // The subject pronoun of the main clause, after at most an
                // opening phrase ("In 1986 he bought Pixar").
                let pronoun = sentence
                    .iter()
                    .take(OPENING_WORDS + 1)
                    .position(|w| subject_pronouns().contains_key(w.key.as_str()));
                let agrees =
                    |at: usize| subject_pronouns().get(sentence[at].key.as_str()) == Some(&person);
                if let Some(at) = pronoun.filter(|&at| agrees(at)) {
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
            recent_days: DocumentView::recent_days(doc, &sentences, options.recent_days),
            events: doc.events.iter().map(|e| (e.id.as_str(), e)).collect(),
        }
    }

    /// Whether an event of the entity's sentences is one a timeline of the
    /// entity keeps. Two kinds are not events the entity takes part in on
    /// their own, whatever the text:
    ///
    /// - an aspectual verb with an event after it ("Jobs *started* by
    ///   hinting ...", "Jobs will *continue* to steer the company"): TimeML
    ///   annotates the aspectual verb and the event it starts or continues
    ///   apart, and the timeline holds the second one;
    /// - a state told by an adjective ("will be *available* on June 24",
    ///   "*dissatisfied* with iPhone 4"): a property of the entity, not
    ///   something that happens to it or that it does.
    fn is_kept(&self, entry: &TimelineEntry) -> bool {
        let Some(event) = self.events.get(entry.id.as_str()) else {
            return true;
        };
        match event.class {
            EventClass::Aspectual => !self.event_follows(entry.span),
            EventClass::State => event.pos != "ADJECTIVE",
            _ => true,
        }
    }

    /// Whether an event complement comes right after `span`: *to* and a
    /// verb, an *-ing* form, or *by* and an *-ing* form.
    fn event_follows(&self, span: Span) -> bool {
        let rest = self.doc.text.get(span.end..).unwrap_or_default();
        let mut next = words(rest).take(2).map(word_key);
        let is_ing = |word: &str| word.len() > 4 && word.ends_with("ing");
        match next.next().as_deref() {
            Some("to") => true,
            // "started by hinting", not the passive "started by Jobs".
            Some("by") => next.next().is_some_and(|w| is_ing(&w)),
            Some(word) => is_ing(word),
            None => false,
        }
    }

    /// Whether an event at `span` in sentence `index` is about the entity:
    /// at most `max_words` words from a mention, in the same clause.
    ///
    /// A participle that opens an adjunct clause (", *saying* ...", "by
    /// *walking* onto the stage") has the subject of the verb before it:
    /// it is about the entity when a finite verb before it in the sentence
    /// is.
    fn is_about(&self, index: usize, id: &str, span: Span, max_words: usize) -> bool {
        if self.is_about_here(index, span, max_words) {
            return true;
        }
        if !self.opens_participle_clause(id, span) {
            return false;
        }
        let Some(start) = self
            .words
            .get(index)
            .and_then(|w| w.first())
            .map(|w| w.span.start)
        else {
            return false;
        };
        let from = self.doc.events.partition_point(|e| e.span.start < start);
        self.doc.events[from..]
            .iter()
            .take_while(|e| e.span.start < span.start)
            .filter(|e| e.pos == "VERB" && e.tense != Tense::None)
            .filter(|e| !e.text.to_lowercase().ends_with("ing"))
            .any(|e| self.is_about_here(index, e.span, max_words))
    }

    /// Whether the event at `span` is an *-ing* verb right after a comma or
    /// *by*.
    fn opens_participle_clause(&self, id: &str, span: Span) -> bool {
        let is_participle = self.events.get(id).is_some_and(|e| {
            e.pos == "VERB" && e.text.len() > 4 && e.text.to_lowercase().ends_with("ing")
        });
        if !is_participle {
            return false;
        }
        let before = self.doc.text.get(..span.start).unwrap_or_default();
        let before = before.trim_end();
        before.ends_with(',')
            || before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("by"))
    }

    fn is_about_here(&self, index: usize, span: Span, max_words: usize) -> bool {
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

    /// The date (not a vague reference, ending by the end of the DCT) of an
    /// event at `at` in sentence `index` that no link dates: the first
    /// date after it in its clause, at most [`ADVERBIAL_WORDS`] words on,
    /// where English puts the time adverbial of its verb ("has *died*
    /// yesterday", "to *file* suit again in 1989"); else the last date
    /// mentioned before it in its sentence ("In 1986 he *bought* Pixar").
    fn sentence_date(&self, index: usize, at: usize, dct: &Interval) -> Option<Interval> {
        let words = self.words.get(index)?;
        let start = words.first()?.span.start;
        let timexes = &self.doc.timexes;
        let before = timexes.partition_point(|t| t.span.start < at);
        let usable = |t: &&crate::model::Timex| {
            t.kind == TimexType::Date
                && !t.value.ends_with("_REF")
                && t.interval.is_some_and(|i| i.end <= dct.end)
        };
        let position = words.iter().position(|w| w.span.start >= at);
        let after = timexes[before..]
            .iter()
            .take_while(|t| t.span.start < words.last().map_or(0, |w| w.span.end))
            .find(usable)
            .and_then(|t| {
                let position = position?;
                let first = words.iter().position(|w| w.span.start >= t.span.start)?;
                let near = first <= position + ADVERBIAL_WORDS;
                // "a breach of *the 1991* settlement": a date after a
                // determiner or a possessive modifies a noun, not the verb.
                let before = self.doc.text.get(..t.span.start).unwrap_or_default();
                let before = before.trim_end();
                let determined = first
                    .checked_sub(1)
                    .and_then(|i| words.get(i))
                    .is_some_and(|w| DETERMINERS.contains(&w.key.as_str()))
                    || before.ends_with("'s")
                    || before.ends_with("\u{2019}s");
                if determined {
                    return None;
                }
                (near && self.same_clause(words, position, first, first)).then_some(t.interval?)
            });
        if after.is_some() {
            return after;
        }
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
    /// document mentions, with where they are, in text order. A dateline
    /// (a sentence that is only a date, "June 07 , 2011") is not one: it is
    /// the DCT, not a day the report tells about.
    fn recent_days(
        doc: &Document,
        sentences: &[crate::model::Sentence],
        recent_days: i64,
    ) -> Vec<(usize, Interval)> {
        let Some(dct) = doc.dct.as_ref().map(dct_interval) else {
            return Vec::new();
        };
        let earliest = dct.start - Duration::days(recent_days);
        let is_dateline = |timex: &crate::model::Timex| {
            let i = sentences.partition_point(|s| s.span.end <= timex.span.start);
            sentences
                .get(i)
                .and_then(|s| s.span.slice(&doc.text))
                .is_some_and(|s| s.trim() == timex.text.trim())
        };
        doc.timexes
            .iter()
            .filter(|t| t.kind == TimexType::Date && !t.value.ends_with("_REF"))
            .filter(|t| !is_dateline(t))
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
    /// about the entity ([`EntityOptions::pronouns`]; *he* and *she* for a
    /// person-like name, *it* for any other). A name right before a model
    /// name or number, or after *new* or a word with a digit, is another
    /// entity ("iPod Touch", "the new iPod", "the 30GB iPod"). Aspectual
    /// verbs before their event and adjectival states are left out; a
    /// participle after a comma or *by* is about the entity when the verb
    /// before it is.
    ///
    /// Events are dated as in [`Timeline::with_options`] with undated
    /// events kept; an event linked only to a time with no place on the
    /// timeline (a duration) is placed by its tense against the DCT; an
    /// event dated by a month or coarser is dated by the one day its
    /// sentence mentions inside it, if any ("Yesterday, at this year's
    /// conference, Jobs unveiled"); an event that happened before the DCT
    /// and has no
    /// date of its own takes (approximate, [`DatedBy::Context`]) the first
    /// date after it in its clause within six words that modifies no noun
    /// ("has died yesterday", not "a breach of the 1991 settlement"), else
    /// the last date mentioned before it in its sentence, else the last day
    /// mentioned before it within [`EntityOptions::recent_days`] of the
    /// DCT (the day the report tells about), else the DCT; an event linked
    /// to *now* takes the DCT; an *-ing* participle that only holds at the
    /// DCT ("..., saying") takes the date of the nearest finite verb of its
    /// sentence. Events after the DCT with no date stay undated. Timexes
    /// are left out; mentions of one event (same trigger lemma, one of them
    /// weakly dated) share a date and an entry (see `merge_coreferent`).
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
        let person = names.iter().any(|n| person_like(n));
        let mut views: HashMap<&str, DocumentView<'_>> = HashMap::new();
        for doc in docs {
            views.entry(doc.id.as_str()).or_insert_with(|| {
                DocumentView::new(doc, &patterns, &short_names, person, options)
            });
        }
        let mut guessed: HashSet<(String, String)> = HashSet::new();
        let mut dated: Vec<TimelineEntry> = Vec::with_capacity(all.entries.len());
        for entry in all.entries {
            let Some(view) = views.get(entry.document.as_str()) else {
                dated.push(entry);
                continue;
            };
            let (entry, is_guess) = redate(view, entry);
            if is_guess {
                guessed.insert((entry.document.clone(), entry.id.clone()));
            }
            dated.push(entry);
        }
        date_participles(&mut dated, &views, &mut guessed);
        let entries: Vec<TimelineEntry> = dated
            .into_iter()
            .filter(|entry| {
                let (Some(view), Some(index)) =
                    (views.get(entry.document.as_str()), entry.sentence_index)
                else {
                    return false;
                };
                view.is_about(index, &entry.id, entry.span, options.max_words)
                    && view.is_kept(entry)
            })
            .map(|mut entry| {
                if let Some(view) = views.get(entry.document.as_str()) {
                    with_particle(view, &mut entry);
                }
                entry
            })
            .collect();
        let mut entries = merge_coreferent(entries, &guessed);
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

/// Event co-reference in an entity's timeline: a mention whose date is
/// weak takes the date of the other mentions of the same event, and joins
/// their entry (co-referent mentions are one line of the SemEval-2015
/// format).
///
/// The same event is the same trigger lemma ("launched", "launch";
/// "introducing", "introduced") about the same entity, which is how news
/// refers back to an event of the entity it already told about ("Apple
/// launched the iTunes Music Store on April 28, 2003 ... Since its launch
/// ..."; a later report's "when Jobs first introduced iPhone 4"). A date is
/// weak when it is
///
/// - the DCT guessed for a past event the text gives no time for (see
///   [`Timeline::of_entity`]): it takes the date of the other mentions that
///   start before the end of that DCT;
/// - coarser than a day (a year, a month): it takes the date of the other
///   mentions that lie inside it.
///
/// Only when all those other mentions agree on one date (the finest of
/// them, which every coarser one contains): two different dates mean two
/// different events with one verb. Reporting events never merge: each
/// *said* is its own act of saying.
fn merge_coreferent(
    entries: Vec<TimelineEntry>,
    guessed: &HashSet<(String, String)>,
) -> Vec<TimelineEntry> {
    let is_guess = |e: &TimelineEntry| guessed.contains(&(e.document.clone(), e.id.clone()));
    let lemmas: Vec<Option<String>> = entries
        .iter()
        .map(|e| {
            let reporting = e.class == Some(EventClass::Reporting);
            let first = e.text.split_whitespace().next().unwrap_or_default();
            (!reporting && e.interval.is_some()).then(|| super::lemma(first))
        })
        .collect();
    let mut by_lemma: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, lemma) in lemmas.iter().enumerate() {
        if let Some(lemma) = lemma {
            by_lemma.entry(lemma.as_str()).or_default().push(i);
        }
    }
    // (weak entry, the entry whose date it takes)
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for members in by_lemma.values() {
        for &weak in members {
            let Some(own) = entries[weak].interval else {
                continue;
            };
            let guess = is_guess(&entries[weak]);
            if !guess && own.granularity <= Granularity::Day {
                continue;
            }
            let candidates: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&j| j != weak && !is_guess(&entries[j]))
                .filter(|&j| {
                    let Some(other) = entries[j].interval else {
                        return false;
                    };
                    if guess {
                        // Whatever may have happened by the guessed day:
                        // "returned" in 1996 and in 2011 are two events.
                        other.start < own.end
                    } else {
                        other.granularity < own.granularity
                            && own.start <= other.start
                            && other.end <= own.end
                    }
                })
                .collect();
            let Some(&finest) = candidates.iter().min_by_key(|&&j| {
                let i = entries[j].interval.unwrap_or(own);
                (i.granularity, i.end - i.start)
            }) else {
                continue;
            };
            let Some(date) = entries[finest].interval else {
                continue;
            };
            let agree = candidates.iter().all(|&j| {
                entries[j]
                    .interval
                    .is_some_and(|i| i.start <= date.start && date.end <= i.end)
            });
            if agree {
                joins.push((weak, finest));
            }
        }
    }
    if joins.is_empty() {
        return entries;
    }
    // A weak entry that others join is not itself moved: the first
    // non-weak target is where they all go.
    let weak: HashSet<usize> = joins.iter().map(|&(w, _)| w).collect();
    let mut slots: Vec<Option<TimelineEntry>> = entries.into_iter().map(Some).collect();
    for &(w, target) in &joins {
        if weak.contains(&target) {
            continue;
        }
        let (Some(mut moved), Some(head)) = (slots[w].take(), slots[target].as_ref()) else {
            continue;
        };
        moved.interval = head.interval;
        moved.value = head.value.clone();
        moved.timex_type = head.timex_type;
        moved.dated_by = DatedBy::Context;
        let mention = super::mention_of(moved);
        if let Some(head) = slots[target].as_mut() {
            head.mentions.push(mention);
        }
    }
    slots.into_iter().flatten().collect()
}

/// Dates an entry of the entity timeline the way a news reader does (see
/// [`Timeline::of_entity`]).
/// Also says whether the date is only the DCT, guessed for a past event
/// the text gives no time for (no date before it in its sentence, and no
/// recent day before it in the document but a dateline).
fn redate(view: &DocumentView<'_>, mut entry: TimelineEntry) -> (TimelineEntry, bool) {
    let Some(dct) = view.doc.dct.as_ref() else {
        return (entry, false);
    };
    let dct_day = dct_interval(dct);
    let vague_link = entry.dated_by == DatedBy::Link
        && entry.value.as_deref().is_some_and(|v| v == "PRESENT_REF");
    if vague_link {
        entry.interval = Some(dct_day);
        entry.value = Some(dct.value());
        return (entry, false);
    }
    if entry.interval.is_none() && entry.dct_relation.is_none() {
        // Linked only to a time with no place on the timeline (a duration:
        // "one year after launching, we're launching ..."): the tense still
        // says where the event is against the DCT.
        let relation = match view.events.get(entry.id.as_str()).map(|e| e.tense) {
            Some(Tense::Present) => Some(Relation::Includes),
            Some(Tense::Past) => Some(Relation::Before),
            _ => None,
        };
        if relation.is_some() {
            entry.dct_relation = relation;
            entry.anchor = Some(dct_day);
            entry.dated_by = DatedBy::Dct;
        }
    }
    let coarse = entry
        .interval
        .filter(|i| i.granularity > Granularity::Day)
        .filter(|_| matches!(entry.dated_by, DatedBy::Link | DatedBy::Event));
    if let (Some(coarse), Some(index)) = (coarse, entry.sentence_index) {
        if let Some((value, finer)) = view.day_within(index, &coarse) {
            entry.value = Some(value);
            entry.interval = Some(finer);
            return (entry, false);
        }
    }
    let mut guessed = false;
    if entry.interval.is_none() && entry.dct_relation == Some(Relation::Before) {
        let mut day = entry
            .sentence_index
            .and_then(|index| view.sentence_date(index, entry.span.start, &dct_day))
            .or_else(|| view.reported_day(entry.span.start))
            .unwrap_or_else(|| {
                guessed = true;
                dct_day
            });
        day.exact = false;
        entry.value = Some(super::date_at(day.start, day.granularity));
        entry.timex_type = Some(TimexType::Date);
        entry.interval = Some(day);
        entry.dated_by = DatedBy::Context;
        entry.dct_relation = None;
        entry.anchor = None;
    }
    (entry, guessed)
}

/// A participle clause ("..., saying ...", "While introducing ...") is part
/// of the event of its sentence: an *-ing* trigger that only holds at the
/// DCT takes the date of the nearest event of its sentence dated otherwise.
fn date_participles(
    entries: &mut [TimelineEntry],
    views: &HashMap<&str, DocumentView<'_>>,
    guessed: &mut HashSet<(String, String)>,
) {
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
            let verbs = || {
                members
                    .iter()
                    .copied()
                    .filter(|&j| j != i && entries[j].interval.is_some())
                    .filter(|&j| is_finite_verb(&entries[j]))
                    .filter(|&j| entries[j].dated_by != DatedBy::Nothing)
            };
            // The verb the participle clause hangs on comes before it ("Jobs
            // unveiled ..., saying the company was inspired"); a clause that
            // opens the sentence hangs on the verb after it ("While
            // introducing iPhone 4, ... Jobs started").
            let nearest = verbs()
                .filter(|&j| entries[j].span.start < at)
                .max_by_key(|&j| entries[j].span.start)
                .or_else(|| verbs().min_by_key(|&j| entries[j].span.start));
            if let Some(j) = nearest {
                updates.push((i, j));
            }
        }
    }
    for (i, j) in updates {
        let source = entries[j].clone();
        if guessed.contains(&(source.document.clone(), source.id.clone())) {
            guessed.insert((entries[i].document.clone(), entries[i].id.clone()));
        }
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

    /// A document with hand-made events: `(trigger, class, pos, tense,
    /// interval)`, each trigger found at its first occurrence after the
    /// previous one.
    fn doc_with(
        id: &str,
        text: &str,
        dct: &str,
        events: &[(&str, EventClass, &str, Tense, Option<Interval>)],
    ) -> Document {
        let mut doc = Document::new(id, text, Some(dct.parse().unwrap()));
        let mut from = 0;
        for (n, (word, class, pos, tense, interval)) in events.iter().enumerate() {
            let start = from + text[from..].find(word).expect("the trigger is in the text");
            from = start + word.len();
            let mut event = Event::new(
                format!("e{}", n + 1),
                Span::new(start, start + word.len()),
                *word,
                *class,
            );
            event.pos = pos.to_string();
            event.tense = *tense;
            event.interval = *interval;
            if interval.is_none() {
                event.time = Some("t0".into());
                event.relation = Some(if *tense == Tense::Present {
                    Relation::Includes
                } else {
                    Relation::Before
                });
            }
            doc.events.push(event);
        }
        doc
    }

    /// A hand-made verb event for `doc_with`.
    fn verb(
        word: &'static str,
        class: EventClass,
        tense: Tense,
        interval: Option<Interval>,
    ) -> (
        &'static str,
        EventClass,
        &'static str,
        Tense,
        Option<Interval>,
    ) {
        (word, class, "VERB", tense, interval)
    }

    fn year(y: i32) -> Option<Interval> {
        let start = chrono::NaiveDate::from_ymd_opt(y, 1, 1)?.and_hms_opt(0, 0, 0)?;
        let end = chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1)?.and_hms_opt(0, 0, 0)?;
        Interval::new(start, end, Granularity::Year)
    }

    fn day(y: i32, m: u32, d: u32) -> Option<Interval> {
        Some(Interval::day(
            chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        ))
    }

    #[test]
    fn a_longer_name_or_a_new_model_is_another_entity() {
        let text = "The iPod Touch sold well. The new iPod sold. Sales of the iPod grew, \
                    and the 30GB iPod too.";
        let words = words_in(text, Span::new(0, text.len()));
        let found = mentions(&words, &keys(&["iPod"]));
        let keys: Vec<&str> = found.iter().map(|&(f, _)| words[f].key.as_str()).collect();
        assert_eq!(keys, ["ipod"]);
        assert_eq!(words[found[0].0 - 1].key, "the");
        // A comma is not a joint: "iPod, Apple said" names the iPod.
        let text = "They sold the iPod, Apple said.";
        let words = words_in(text, Span::new(0, text.len()));
        assert_eq!(mentions(&words, &keys_of(&["iPod"])).len(), 1);
        // A model number is part of the name, so "the new iPhone 4" is it.
        let text = "Jobs praised the new iPhone 4.";
        let words = words_in(text, Span::new(0, text.len()));
        assert_eq!(mentions(&words, &keys_of(&["iPhone 4"])).len(), 1);
    }

    fn keys_of(names: &[&str]) -> Vec<Vec<String>> {
        keys(names)
    }

    #[test]
    fn he_and_she_are_for_people_and_it_for_things() {
        assert!(person_like("Steve Jobs"));
        assert!(person_like("Tim Cook"));
        assert!(!person_like("iPhone 4"));
        assert!(!person_like("iPod"));
        assert!(!person_like("iTunes store"));
        assert!(!person_like("Beatles Apple Corps"));
        assert!(!person_like("Walt Disney Company"));
        let text = "Apple makes the iPod. He praised it. The iPod sells. It sold well.";
        let doc = doc_with(
            "d",
            text,
            "2010-06-08",
            &[
                verb("praised", EventClass::Occurrence, Tense::Past, None),
                verb("sold well", EventClass::Occurrence, Tense::Past, None),
            ],
        );
        let timeline = Timeline::of_entity(&[doc], &["iPod"], &EntityOptions::default());
        let found: Vec<&str> = timeline.entries().iter().map(|e| e.text.as_str()).collect();
        assert_eq!(found, ["sold well"]);
    }

    #[test]
    fn a_person_is_the_he_of_their_own_sentence() {
        let text = "Steve Jobs announced Monday that he would take a leave.";
        let doc = doc_with(
            "d",
            text,
            "2011-01-17",
            &[
                verb(
                    "announced",
                    EventClass::Reporting,
                    Tense::Past,
                    day(2011, 1, 17),
                ),
                verb("take", EventClass::Occurrence, Tense::Future, None),
            ],
        );
        let timeline = Timeline::of_entity(&[doc], &["Steve Jobs"], &EntityOptions::default());
        assert!(timeline.entries().iter().any(|e| e.text == "take"));
    }

    #[test]
    fn the_short_name_is_the_model_named_last() {
        let text = "Apple unveiled iPhone 4 and cut the price of the iPhone 3G. \
                    Carriers want the iPhone soon.";
        let doc = doc_with(
            "d",
            text,
            "2010-06-08",
            &[verb("want", EventClass::IState, Tense::Present, None)],
        );
        let of = |name: &str| {
            Timeline::of_entity(
                std::slice::from_ref(&doc),
                &[name],
                &EntityOptions::default(),
            )
            .entries()
            .iter()
            .any(|e| e.text == "want")
        };
        assert!(of("iPhone 3G"));
        assert!(!of("iPhone 4"));
    }

    #[test]
    fn aspectual_verbs_before_their_event_and_adjectives_are_left_out() {
        let text = "Jobs started by hinting at it. Jobs started Apple. \
                    Jobs continued to steer. Jobs was available.";
        let doc = doc_with(
            "d",
            text,
            "2010-06-08",
            &[
                verb(
                    "started",
                    EventClass::Aspectual,
                    Tense::Past,
                    day(2010, 6, 7),
                ),
                verb("hinting", EventClass::Occurrence, Tense::Present, None),
                verb(
                    "started",
                    EventClass::Aspectual,
                    Tense::Past,
                    day(2010, 6, 7),
                ),
                verb("continued", EventClass::Aspectual, Tense::Past, None),
                verb("steer", EventClass::Occurrence, Tense::Infinitive, None),
                (
                    "available",
                    EventClass::State,
                    "ADJECTIVE",
                    Tense::Past,
                    day(2010, 6, 7),
                ),
            ],
        );
        let timeline = Timeline::of_entity(&[doc], &["Steve Jobs"], &EntityOptions::default());
        let found: Vec<(&str, usize)> = timeline
            .entries()
            .iter()
            .map(|e| (e.text.as_str(), e.span.start))
            .collect();
        let started_apple = text.find("started Apple").unwrap();
        assert!(found.contains(&("started", started_apple)), "{found:?}");
        assert!(found.iter().any(|(t, _)| *t == "hinting"), "{found:?}");
        assert!(found.iter().any(|(t, _)| *t == "steer"), "{found:?}");
        assert_eq!(found.iter().filter(|(t, _)| *t == "started").count(), 1);
        assert!(found
            .iter()
            .all(|(t, _)| *t != "continued" && *t != "available"));
    }

    #[test]
    fn a_participle_after_a_comma_has_the_subject_of_the_verb_before() {
        let text = "Jobs unveiled the new products at the big event in the city, \
                    saying the company was inspired.";
        let doc = doc_with(
            "d",
            text,
            "2010-10-23",
            &[
                verb(
                    "unveiled",
                    EventClass::Occurrence,
                    Tense::Past,
                    day(2010, 10, 20),
                ),
                verb("saying", EventClass::Reporting, Tense::Present, None),
                verb("inspired", EventClass::IState, Tense::Past, None),
            ],
        );
        let timeline = Timeline::of_entity(&[doc], &["Steve Jobs"], &EntityOptions::default());
        let saying = timeline.entries().iter().find(|e| e.text == "saying");
        let saying = saying.expect("the participle is about Jobs");
        assert_eq!(saying.interval, day(2010, 10, 20));
        assert!(timeline.entries().iter().all(|e| e.text != "inspired"));
    }

    #[test]
    fn coreferent_mentions_share_the_finest_date_and_one_line() {
        let launched = "Apple launched the iTunes store on April 28, 2003.";
        let a = doc_with(
            "a",
            launched,
            "2008-01-09",
            &[verb(
                "launched",
                EventClass::Occurrence,
                Tense::Past,
                day(2003, 4, 28),
            )],
        );
        let b = doc_with(
            "b",
            "The iTunes store sold songs. Apple launched the iTunes store in 2003.",
            "2006-03-28",
            &[
                verb("sold", EventClass::Occurrence, Tense::Past, None),
                verb("launched", EventClass::Occurrence, Tense::Past, year(2003)),
            ],
        );
        let c = doc_with(
            "c",
            "The iTunes store opened. Since its launch the iTunes store grew.",
            "2008-04-09",
            &[
                verb(
                    "opened",
                    EventClass::Occurrence,
                    Tense::Past,
                    day(2007, 5, 1),
                ),
                ("launch", EventClass::Occurrence, "NOUN", Tense::None, None),
            ],
        );
        let timeline =
            Timeline::of_entity(&[a, b, c], &["iTunes store"], &EntityOptions::default());
        let out = timeline.to_semeval2015("iTunes store");
        assert!(
            out.contains("2003-04-28\ta-1-launched\tb-2-launched\tc-2-launch\n"),
            "{out}"
        );
        // "sold" has no other mention: it keeps its guessed date.
        assert!(out.contains("\t2006-03-28\tb-1-sold\n"), "{out}");
    }

    #[test]
    fn two_dates_for_one_trigger_are_two_events() {
        let text = |year: u32| format!("Jobs returned to Apple in {year}.");
        let a = doc_with(
            "a",
            &text(1996),
            "2011-10-06",
            &[verb(
                "returned",
                EventClass::Occurrence,
                Tense::Past,
                year(1996),
            )],
        );
        let b = doc_with(
            "b",
            &text(2011),
            "2011-10-06",
            &[verb(
                "returned",
                EventClass::Occurrence,
                Tense::Past,
                year(2011),
            )],
        );
        let c = doc_with(
            "c",
            "Jobs returned.",
            "2011-10-06",
            &[verb("returned", EventClass::Occurrence, Tense::Past, None)],
        );
        let timeline = Timeline::of_entity(&[a, b, c], &["Steve Jobs"], &EntityOptions::default());
        assert_eq!(timeline.len(), 3);
        assert!(timeline.entries().iter().all(|e| e.mentions.is_empty()));
    }

    #[test]
    fn a_dateline_is_not_a_reported_day() {
        let xml = "<TimeML><DOCID>d</DOCID><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" \
                   value=\"2011-06-07\" functionInDocument=\"CREATION_TIME\">2011-06-07\
                   </TIMEX3></DCT><TEXT><s id=\"1\">June 07 , 2011</s><s id=\"2\">Jobs \
                   spoke .</s><s id=\"3\">Jobs spoke today .</s></TEXT></TimeML>";
        let doc = Extractor::new().extract_document(crate::parse_timeml(xml).unwrap());
        let days = DocumentView::recent_days(&doc, &sentences_of(&doc), 7);
        let today = doc.text.find("today").unwrap();
        assert_eq!(days.len(), 1, "{days:?}");
        assert_eq!(days[0].0, today);
    }

    #[test]
    fn a_link_to_a_duration_leaves_the_tense_to_place_the_event() {
        let text = "Jobs said that one year on, Apple is launching the phone.";
        let mut doc = doc_with(
            "d",
            text,
            "2008-06-09",
            &[verb(
                "launching",
                EventClass::Occurrence,
                Tense::Present,
                None,
            )],
        );
        // Linked to "one year", a duration: no interval to inherit.
        doc.events[0].time = Some("t1".into());
        doc.events[0].relation = Some(Relation::During);
        let timeline = Timeline::of_entity(&[doc], &["Apple"], &EntityOptions::default());
        let out = timeline.to_semeval2015("Apple");
        assert!(out.contains("\t2008-06-09\td-1-launching"), "{out}");
    }

    #[test]
    fn a_date_after_the_verb_in_its_clause_dates_it_unless_it_modifies_a_noun() {
        let text = "In the late 1980s Apple added audio, prompting Apple Corps to file \
                    suit again in 1989. Apple Corps argued the 1991 deal was broken.";
        let doc = Extractor::new().extract(text, Some("2006-03-28".parse().unwrap()));
        let mut doc = doc;
        for event in &mut doc.events {
            // As if no link dated them: the sentence must.
            event.time = Some("t0".into());
            event.relation = Some(Relation::Before);
            event.interval = None;
        }
        let view = DocumentView::new(
            &doc,
            &keys(&["Apple Corps"]),
            &[],
            false,
            &EntityOptions::default(),
        );
        let dct = Interval::day(chrono::NaiveDate::from_ymd_opt(2006, 3, 28).unwrap());
        let year_of = |word: &str| {
            let at = text.find(word).unwrap();
            let index = usize::from(at > text.find("1989.").unwrap());
            view.sentence_date(index, at, &dct)
                .map(|i| chrono::Datelike::year(&i.start.date()))
        };
        assert_eq!(year_of("file"), Some(1989));
        // "the 1991 deal" dates the deal, not the arguing.
        assert_eq!(year_of("argued"), None);
    }
}
