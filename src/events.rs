//! Event triggers, their TimeML class and attributes, and their times.
//!
//! # Recognition
//!
//! Each word of a sentence (a token, or a hyphenated compound such as
//! *cease-fire*) is tagged `O` or with one of the seven TimeML classes by an
//! averaged perceptron over hashed features: the lowercased word, a crude
//! stem, suffixes, a prefix, the word's shape, the words, stems and word
//! classes two to each side, and the verb group to its left (*has not
//! been*, *will*, *to*). Three smaller tables over the same features give
//! an event's part of speech, tense and aspect; polarity and modality come
//! from rules over the verb group (`not`, `n't`, `never`; `would`, `may`...).
//! Words inside a temporal expression are never events, and the tagger
//! is not asked about punctuation, numbers, closed-class words (but *be*,
//! *have*, *do*) and capitalized words inside a sentence (names): on
//! the training split the names hold 5 of its 9,345 gold events. A noun
//! that a
//! date premodifies is an event when a lexicon says it names one (the
//! `premodified_event_noun` rule, in the private `nouns` module: *a
//! September **report***, *the February 2020 Doha **Agreement***).
//!
//! The weights are `data/events/weights.bin` (1.4 MB: a 2^17-bucket event
//! table, 2^14-bucket part-of-speech, tense and aspect tables and a
//! 2^16-bucket link table, 8-bit weights; format in the private `weights`
//! module), compiled in. The part-of-speech, tense and aspect tables are
//! read side by side (one 16-byte row per feature for the three, built
//! when first needed, once per process for the compiled-in weights).
//! They are regenerated, byte for byte, from the TempEval-3 gold training
//! data and TE3-Silver in `../shared/data`, minus the development split
//! ([`crate::is_dev_file`]), in about a minute (10 epochs), with
//!
//! ```text
//! cargo run --release --example train_events -- --silver
//! ```
//!
//! and scored on the development split (gold timexes given) with
//! `cargo run --release --example train_events -- --report data/events/weights.bin`.
//! A smaller event table (`--event-bits 16` or `15`) loses accuracy in
//! cross-validation over the training folds (`--tune --tune-fold N`) and
//! on the development split (benchmarks/README.md, session 4), so the
//! table keeps 2^17 buckets.
//!
//! # Times
//!
//! Each event is linked to the timex of its sentence that dates it (see the
//! private `links` module for the rules), else related to the document
//! creation time by its tense; a dated event inherits its timex's interval.

mod features;
mod links;
mod nouns;
mod train;
mod weights;

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::model::{Aspect, Document, Event, EventClass, Polarity, Span, Tense, TimexType};
use crate::text::Token;

use self::features::{Function, Reader, WordInfo};
use self::weights::{Fused, Weights};

pub use self::train::{retrain_event_links, train_event_weights, TrainOptions};

/// The weight tables, in file order.
const EVENT_TABLE: usize = 0;
const POS_TABLE: usize = 1;
const TENSE_TABLE: usize = 2;
const ASPECT_TABLE: usize = 3;
/// Whether an event-timex pair is linked (no, yes).
const LINK_TABLE: usize = 4;
/// The tables read side by side for each event (see [`Fused`]).
const ATTRIBUTE_TABLES: [usize; 3] = [POS_TABLE, TENSE_TABLE, ASPECT_TABLE];

/// The labels of [`EVENT_TABLE`] that are events (0 is none).
const EVENT_LABELS: [usize; 7] = [1, 2, 3, 4, 5, 6, 7];

/// The part-of-speech labels of [`POS_TABLE`].
const POS_LABELS: [&str; 5] = ["VERB", "NOUN", "ADJECTIVE", "PREPOSITION", "OTHER"];

/// The event recognizer and classifier.
#[derive(Debug)]
pub(crate) struct EventModel {
    weights: Option<Weights>,
    /// The part-of-speech, tense and aspect tables read side by side
    /// ([`Fused`], 256 KB), built when first needed: an extractor without
    /// events never builds them, and the models of the compiled-in weights
    /// share one copy.
    attributes: OnceLock<Option<Fused>>,
    compiled_in: bool,
}

impl EventModel {
    /// The model with the weights compiled into the crate.
    pub fn new() -> EventModel {
        let bytes: &'static [u8] = include_bytes!("../data/events/weights.bin");
        EventModel {
            compiled_in: true,
            ..EventModel::from_weights(Cow::Borrowed(bytes))
        }
    }

    /// A model with the given weights file; a malformed file gives a model
    /// that finds no event.
    pub(crate) fn from_weights(bytes: Cow<'static, [u8]>) -> EventModel {
        let weights = Weights::parse(bytes).filter(|w| {
            w.len() == 5
                && w.classes(EVENT_TABLE) == 1 + EventClass::ALL.len()
                && w.classes(POS_TABLE) == POS_LABELS.len()
                && w.classes(TENSE_TABLE) == Tense::ALL.len()
                && w.classes(ASPECT_TABLE) == Aspect::ALL.len()
                && w.classes(LINK_TABLE) == 2
                && w.can_fuse(&ATTRIBUTE_TABLES)
        });
        EventModel {
            weights,
            attributes: OnceLock::new(),
            compiled_in: false,
        }
    }

    /// The weights and the fused attribute tables, `None` when the weights
    /// were not read.
    fn tables(&self) -> Option<(&Weights, &Fused)> {
        static COMPILED_IN: OnceLock<Option<Fused>> = OnceLock::new();
        let weights = self.weights.as_ref()?;
        let attributes = if self.compiled_in {
            &COMPILED_IN
        } else {
            &self.attributes
        };
        let fused = attributes.get_or_init(|| attribute_tables(weights));
        Some((weights, fused.as_ref()?))
    }

    /// Whether the weights were read.
    pub(crate) fn is_loaded(&self) -> bool {
        self.weights.is_some()
    }

    /// Finds the events of `doc` (whose sentences are set), numbers them
    /// `e1`, `e2`... and links them to its timexes and DCT.
    pub fn annotate(&self, doc: &mut Document, tokens: &[Token]) {
        doc.events = self.find(doc, tokens);
        links::link(doc, self.weights.as_ref());
    }

    fn find(&self, doc: &Document, tokens: &[Token]) -> Vec<Event> {
        let Some((weights, attributes)) = self.tables() else {
            return Vec::new();
        };
        let mut events = Vec::new();
        let mut timex = 0;
        each_word(doc, tokens, |infos, texts, spans, i| {
            let span = spans[i];
            if !is_candidate(&infos[i]) {
                return;
            }
            while timex < doc.timexes.len() && doc.timexes[timex].span.end <= span.start {
                timex += 1;
            }
            if doc
                .timexes
                .get(timex)
                .is_some_and(|t| t.span.overlaps(span))
            {
                return;
            }
            let tagged = (!is_inner_name(infos, i)).then(|| {
                let features = features::word_features(infos, texts, i);
                (weights.best(EVENT_TABLE, &features, &[]), features)
            });
            let (mut label, features) = tagged.unwrap_or((0, [0; features::FEATURE_COUNT]));
            let mut rule = "event_perceptron";
            if label == 0 {
                let is_date_at = |at: usize| {
                    let k = doc.timexes.partition_point(|t| t.span.end <= at);
                    doc.timexes
                        .get(k)
                        .is_some_and(|t| t.span.start <= at && t.kind == TimexType::Date)
                };
                if !nouns::is_premodified_event_noun(is_date_at, infos, texts, spans, i) {
                    return;
                }
                rule = nouns::RULE;
            }
            // An inner name's features were not built.
            let features = match tagged {
                Some(_) => features,
                None => features::word_features(infos, texts, i),
            };
            if rule == nouns::RULE {
                // The tagger's likeliest class for the word, as an event.
                label = weights.best(EVENT_TABLE, &features, &EVENT_LABELS);
            }
            let id = numbered("e", events.len() + 1);
            let mut event = Event::new(id, span, texts[i], EventClass::ALL[label - 1]);
            set_attributes(attributes, &features, infos, texts, i, &mut event);
            if rule == nouns::RULE {
                event.pos = "NOUN".to_string();
                event.tense = Tense::None;
                event.aspect = Aspect::None;
            }
            event.rule = rule.to_string();
            events.push(event);
        });
        events
    }
}

/// `prefix` followed by `n` in decimal (`e12`), without the formatting
/// machinery of `format!`, which showed in profiles at one id per event.
pub(super) fn numbered(prefix: &str, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let digits = std::str::from_utf8(&digits[start..]).unwrap_or_default();
    let mut out = String::with_capacity(prefix.len() + digits.len());
    out.push_str(prefix);
    out.push_str(digits);
    out
}

/// The part-of-speech, tense and aspect tables of `weights` fused (see
/// [`Fused`]); `None` when they cannot be (different hash widths).
fn attribute_tables(weights: &Weights) -> Option<Fused> {
    weights.fuse(&ATTRIBUTE_TABLES)
}

/// Sets an event's part of speech, tense, aspect, polarity and modality.
fn set_attributes(
    attributes: &Fused,
    features: &[u64],
    infos: &[WordInfo],
    texts: &[&str],
    i: usize,
    event: &mut Event,
) {
    let mut best = [0; 3];
    attributes.best(features, &mut best);
    let pos = POS_LABELS[best[0]];
    // In place: the event's own string (Event::new's "UNKNOWN") holds
    // "VERB" and "NOUN" without a new allocation.
    event.pos.clear();
    event.pos.push_str(pos);
    // Nouns are untensed (2,418 of 2,450 in the TempEval-3 training gold).
    if pos == "NOUN" {
        event.tense = Tense::None;
        event.aspect = Aspect::None;
    } else {
        event.tense = Tense::ALL[best[1]];
        event.aspect = Aspect::ALL[best[2]];
    }
    let group = verb_group(infos, texts, i);
    event.polarity = group.polarity;
    event.modality = group.modality.map(str::to_string);
}

/// Replaces the attributes of the events `doc` has (gold ones, in
/// training) with the ones the tables give, so that the link classifier
/// learns from what it will see.
fn predict_attributes(attributes: &Fused, doc: &mut Document, tokens: &[Token]) {
    let mut features = Vec::with_capacity(64);
    let mut updates = Vec::new();
    let mut next = 0;
    each_word(doc, tokens, |infos, texts, spans, i| {
        let span = spans[i];
        while next < doc.events.len() && doc.events[next].span.end <= span.start {
            next += 1;
        }
        if doc.events.get(next).is_some_and(|e| e.span.overlaps(span)) {
            features.clear();
            features::features(infos, texts, i, &mut features);
            let mut event = doc.events[next].clone();
            set_attributes(attributes, &features, infos, texts, i, &mut event);
            updates.push((next, event));
            next += 1;
        }
    });
    for (k, event) in updates {
        doc.events[k] = event;
    }
}

/// Calls `visit(infos, texts, spans, i)` for each word `i` of each
/// sentence of `doc`, with the sentence's words read.
fn each_word(
    doc: &Document,
    tokens: &[Token],
    mut visit: impl FnMut(&[WordInfo], &[&str], &[Span], usize),
) {
    let text = doc.text.as_str();
    let words = features::words(text, tokens);
    let mut reader = Reader::default();
    let mut infos: Vec<WordInfo> = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut next_word = 0;
    let mut timex_spans: Vec<Span> = doc.timexes.iter().map(|t| t.span).collect();
    timex_spans.sort();
    for sentence in &doc.sentences {
        spans.clear();
        while next_word < words.len() && words[next_word].start < sentence.span.end {
            if words[next_word].start >= sentence.span.start {
                spans.push(words[next_word]);
            }
            next_word += 1;
        }
        texts.clear();
        texts.extend(spans.iter().map(|s| text.get(s.start..s.end).unwrap_or("")));
        infos.clear();
        infos.extend(texts.iter().map(|w| reader.read(w)));
        features::mark_timexes(&mut infos, &spans, &timex_spans);
        for i in 0..spans.len() {
            visit(&infos, &texts, &spans, i);
        }
    }
}

/// The event model with a weights file given at run time, to measure
/// freshly trained weights without rebuilding the crate.
///
/// ```
/// use chronoline::Document;
/// use chronoline::training::{train_event_weights, EventTagger, TrainOptions};
///
/// let options = TrainOptions { epochs: 1, event_bits: 8, attribute_bits: 8, link_bits: 8, ..TrainOptions::default() };
/// let tagger = EventTagger::new(train_event_weights(&[], &[], &options, |_, _| {})).unwrap();
/// let mut doc = Document::new("d", "Nothing.", None);
/// tagger.annotate(&mut doc);
/// assert!(doc.events.is_empty());
/// assert!(EventTagger::new(b"not weights".to_vec()).is_none());
/// ```
#[derive(Debug)]
pub struct EventTagger(EventModel);

/// The tokens of `doc`'s text, splitting its sentences first when it has
/// none.
fn tokens_splitting_sentences(doc: &mut Document) -> Vec<crate::text::Token> {
    let tokens = crate::text::tokenize(&doc.text);
    if doc.sentences.is_empty() {
        doc.sentences = crate::text::sentences(&doc.text, &tokens)
            .into_iter()
            .map(|span| crate::model::Sentence { span, id: None })
            .collect();
    }
    tokens
}

impl EventTagger {
    /// A tagger with these weights; `None` if the file is malformed.
    pub fn new(weights: Vec<u8>) -> Option<EventTagger> {
        let model = EventModel::from_weights(Cow::Owned(weights));
        model.is_loaded().then_some(EventTagger(model))
    }

    /// Replaces the events and links of `doc` with the ones found, keeping
    /// its timexes; sentences are split when it has none.
    pub fn annotate(&self, doc: &mut Document) {
        let tokens = tokens_splitting_sentences(doc);
        self.0.annotate(doc, &tokens);
    }

    /// Keeps the events of `doc` (gold ones, say), predicts their
    /// attributes and links them to its timexes and DCT.
    pub fn link(&self, doc: &mut Document) {
        let tokens = tokens_splitting_sentences(doc);
        if let Some((weights, attributes)) = self.0.tables() {
            doc.events.sort_by_key(|e| e.span.start);
            predict_attributes(attributes, doc, &tokens);
            links::link(doc, Some(weights));
        }
    }
}

/// Punctuation, numbers and closed-class words are never tagged, except
/// *be*, *have* and *do*, which are events when they are the main verb
/// (*the fighting **was** over*, *he **had** a plan*).
fn is_candidate(info: &WordInfo) -> bool {
    matches!(
        info.function,
        Function::Content | Function::Be | Function::Have | Function::Do
    )
}

/// Whether word `i` is capitalized inside its sentence, right after a word
/// (*the Security **Council***, *Hamid **Karzai***): a name, which the
/// tagger is not asked about, unless the event-noun lexicon lists it
/// (*World **War** II*, *the **Battle** of ...*). On the training split
/// (TempEval-3 gold minus the development files) such words are 7,797 of
/// the 44,265 candidate words and hold 5 of the 9,345 gold events
/// (*PROGRAM **TRADING***, *the Clinic Entrances **Act***); after a
/// quote, a bracket, a colon or a number a capitalized word is often a
/// verb (*"**Extending** ...*), so those are still tagged. Dated event
/// nouns (*the February 2020 Doha **Agreement***) are found by their own
/// rule, which still runs.
fn is_inner_name(infos: &[WordInfo], i: usize) -> bool {
    i > 0
        && infos[i].capitalized
        && !matches!(
            infos[i - 1].function,
            Function::Punctuation | Function::Number
        )
        && !nouns::is_listed_event_noun(&infos[i])
}

/// What the words before a verb say about it.
#[derive(Debug, PartialEq)]
struct VerbGroup {
    polarity: Polarity,
    modality: Option<&'static str>,
}

/// Reads the auxiliaries, modals and negations to the left of word `i`
/// (skipping adverbs in *-ly*), and a determiner *no* right before a noun.
fn verb_group(infos: &[WordInfo], texts: &[&str], i: usize) -> VerbGroup {
    let mut group = VerbGroup {
        polarity: Polarity::Pos,
        modality: None,
    };
    let mut j = i;
    while j > 0 && i - j < 5 {
        j -= 1;
        match infos[j].function {
            Function::Negation => group.polarity = Polarity::Neg,
            Function::Modal => {
                let word = texts[j].to_ascii_lowercase().replace('\u{2019}', "'");
                group.modality = MODALS.iter().find(|(w, _)| *w == word).map(|(_, m)| *m)
            }
            f if f.is_auxiliary() => {}
            Function::Content if texts[j].ends_with("ly") => {}
            _ => break,
        }
    }
    group
}

/// Modal words and the `modality` value TimeBank gives them.
const MODALS: [(&str, &str); 11] = [
    ("would", "would"),
    ("'d", "would"),
    ("could", "could"),
    ("should", "should"),
    ("may", "may"),
    ("might", "might"),
    ("must", "must"),
    ("can", "can"),
    ("cannot", "can"),
    ("ca", "can"),
    ("ought", "should"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Sentence;
    use crate::text::{sentences, tokenize};

    fn group_of(words: &[&str]) -> VerbGroup {
        let mut reader = Reader::default();
        let infos: Vec<_> = words.iter().map(|w| reader.read(w)).collect();
        verb_group(&infos, words, words.len() - 1)
    }

    #[test]
    fn verb_groups_give_polarity_and_modality() {
        assert_eq!(
            group_of(&["he", "did", "n't", "go"]).polarity,
            Polarity::Neg
        );
        assert_eq!(
            group_of(&["it", "would", "not", "really", "help"]),
            VerbGroup {
                polarity: Polarity::Neg,
                modality: Some("would")
            }
        );
        assert_eq!(group_of(&["it", "will", "help"]).modality, None);
        assert_eq!(group_of(&["not", "the", "plan"]).polarity, Polarity::Pos);
        assert_eq!(group_of(&["no", "agreement"]).polarity, Polarity::Neg);
    }

    fn annotated(text: &str) -> Document {
        let mut doc = Document::new("d", text, None);
        let tokens = tokenize(text);
        doc.sentences = sentences(text, &tokens)
            .into_iter()
            .map(|span| Sentence { span, id: None })
            .collect();
        EventModel::new().annotate(&mut doc, &tokens);
        doc
    }

    #[test]
    fn the_compiled_weights_load_and_find_events() {
        assert!(EventModel::new().is_loaded());
        let doc = annotated("The council said on Sunday that it will convene to discuss the ban.");
        let found: Vec<(&str, EventClass)> = doc
            .events
            .iter()
            .map(|e| (e.text.as_str(), e.class))
            .collect();
        assert!(
            found.contains(&("said", EventClass::Reporting)),
            "{found:?}"
        );
        assert!(found.iter().any(|(w, _)| *w == "convene"), "{found:?}");
        assert!(
            !found
                .iter()
                .any(|(w, _)| matches!(*w, "The" | "council" | "it")),
            "{found:?}"
        );
        let said = doc.events.iter().find(|e| e.text == "said").unwrap();
        assert_eq!((said.id.as_str(), said.tense), ("e1", Tense::Past));
        let convene = doc.events.iter().find(|e| e.text == "convene").unwrap();
        assert_eq!(convene.tense, Tense::Future);
        assert_eq!(convene.pos, "VERB");
    }

    #[test]
    fn ids_are_numbered_in_decimal() {
        assert_eq!(numbered("e", 1), "e1");
        assert_eq!(numbered("l", 0), "l0");
        assert_eq!(numbered("e", 1207), "e1207");
        assert_eq!(numbered("", usize::MAX), usize::MAX.to_string());
    }

    #[test]
    fn odd_text_gives_no_panic() {
        for text in [
            "",
            ".",
            "n't",
            "'s 's",
            "-- - -",
            "é-ü didn’t",
            "1-2-3 a-",
            "They a\u{4000}ed it.",
        ] {
            annotated(text);
        }
    }

    /// The TempEval-3 training documents outside the development split, or
    /// `None` (with a message) when `../shared/data` is absent.
    fn training_documents() -> Option<Vec<Document>> {
        let docs: Vec<Document> = crate::io::timeml::tempeval_training_documents()
            .into_iter()
            .filter(|(path, _)| {
                let name = path.file_name().map(|n| n.to_string_lossy());
                !name.is_some_and(|n| crate::is_dev_file(&n))
            })
            .map(|(_, doc)| doc)
            .collect();
        if docs.is_empty() {
            eprintln!("skipped: no TempEval-3 training data in ../shared/data");
            return None;
        }
        Some(docs)
    }

    /// Calls `visit(infos, texts, i, is_event)` for each candidate word
    /// outside timexes of `docs`, with whether a gold event covers it.
    fn each_candidate(
        docs: Vec<Document>,
        mut visit: impl FnMut(&[WordInfo], &[&str], usize, bool),
    ) {
        for mut doc in docs {
            let tokens = tokens_splitting_sentences(&mut doc);
            let mut gold: Vec<Span> = doc.events.iter().map(|e| e.span).collect();
            gold.sort();
            each_word(&doc, &tokens, |infos, texts, spans, i| {
                if !is_candidate(&infos[i]) || infos[i].in_timex {
                    return;
                }
                let k = gold.partition_point(|g| g.end <= spans[i].start);
                let is_event = gold.get(k).is_some_and(|g| g.overlaps(spans[i]));
                visit(infos, texts, i, is_event);
            });
        }
    }

    #[test]
    fn inner_names_hold_almost_no_training_events() {
        let Some(docs) = training_documents() else {
            return;
        };
        let (mut candidates, mut names, mut gold_events, mut gold_names) = (0, 0, 0, 0);
        each_candidate(docs, |infos, _, i, is_event| {
            let is_name = is_inner_name(infos, i);
            candidates += 1;
            names += usize::from(is_name);
            gold_events += usize::from(is_event);
            gold_names += usize::from(is_event && is_name);
        });
        // 7,797 of 44,265 candidate words, 5 of 9,345 gold events.
        assert!(names * 6 > candidates, "{names} of {candidates}");
        assert!(
            gold_names * 1000 <= gold_events,
            "{gold_names} of {gold_events}"
        );
    }

    #[test]
    fn a_malformed_weights_file_finds_nothing() {
        let model = EventModel::from_weights(Cow::Borrowed(b"nonsense"));
        assert!(!model.is_loaded());
        let text = "They said so.";
        let mut doc = Document::new("d", text, None);
        let tokens = tokenize(text);
        doc.sentences = vec![Sentence {
            span: Span::new(0, text.len()),
            id: None,
        }];
        model.annotate(&mut doc, &tokens);
        assert!(doc.events.is_empty());
    }
}
