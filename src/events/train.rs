//! Training the event model from annotated documents.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::model::{Aspect, Document, Event, EventClass, LinkEnd, Sentence, Span, Tense};
use crate::text;

use super::features::{self, Reader};
use super::links;
use super::weights::{append_tables, write_file, Fused, Perceptron, Weights};
use super::{is_candidate, predict_attributes, POS_LABELS};

/// How to train the event model.
///
/// ```
/// let options = chronoline::training::TrainOptions::default();
/// assert!(options.epochs > 0);
/// ```
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Hash bits of the event table (`2^bits` buckets of 8 weights).
    pub event_bits: u32,
    /// Hash bits of the part-of-speech, tense and aspect tables.
    pub attribute_bits: u32,
    /// Hash bits of the event-timex link table.
    pub link_bits: u32,
    /// The seed of the order in which examples are visited.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 10,
            event_bits: 17,
            attribute_bits: 14,
            link_bits: 16,
            seed: 0x5eed,
        }
    }
}

/// One word of the training data: its features and gold labels.
struct Example {
    features: std::ops::Range<usize>,
    event: usize,
    pos: Option<usize>,
    tense: usize,
    aspect: usize,
}

/// Trains the event model on documents with gold events (TimeML class and
/// MAKEINSTANCE attributes), and its event-timex link classifier on
/// `link_docs` (gold events, timexes and TLINKs), and returns the weights
/// file. `progress` is
/// called after each epoch with the epoch number and the share of words
/// the event table tagged right during it.
///
/// ```
/// use chronoline::{Document, Event, EventClass, Span};
/// use chronoline::training::{train_event_weights, TrainOptions};
///
/// let mut doc = Document::new("d", "Police said the talks failed.", None);
/// doc.events.push(Event::new("e1", Span::new(7, 11), "said", EventClass::Reporting));
/// let options = TrainOptions { epochs: 2, event_bits: 10, attribute_bits: 8, link_bits: 8, ..TrainOptions::default() };
/// let weights = train_event_weights(&[doc.clone()], &[doc], &options, |_, _| {});
/// assert!(weights.starts_with(b"CHRONOEV"));
/// ```
pub fn train_event_weights(
    docs: &[Document],
    link_docs: &[Document],
    options: &TrainOptions,
    mut progress: impl FnMut(usize, f64),
) -> Vec<u8> {
    let mut all_features = Vec::new();
    let mut examples = Vec::new();
    for doc in docs {
        collect(doc, &mut all_features, &mut examples);
    }
    let mut event = Perceptron::new(options.event_bits, 1 + EventClass::ALL.len());
    let mut pos = Perceptron::new(options.attribute_bits, POS_LABELS.len());
    let mut tense = Perceptron::new(options.attribute_bits, Tense::ALL.len());
    let mut aspect = Perceptron::new(options.attribute_bits, Aspect::ALL.len());
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = options.seed | 1;
    for epoch in 0..options.epochs {
        // Fisher-Yates with xorshift: the same seed visits the same order.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut right = 0usize;
        for &k in &order {
            let example = &examples[k];
            let f = &all_features[example.features.clone()];
            right += usize::from(event.learn(f, example.event));
            if example.event != 0 {
                if let Some(p) = example.pos {
                    pos.learn(f, p);
                }
                tense.learn(f, example.tense);
                aspect.learn(f, example.aspect);
            }
        }
        progress(epoch + 1, right as f64 / examples.len().max(1) as f64);
    }
    let empty_link = Perceptron::new(options.link_bits, 2);
    let tables = write_file(&[&event, &pos, &tense, &aspect, &empty_link]);
    let Some(weights) = Weights::parse(Cow::Owned(tables)) else {
        return write_file(&[&event, &pos, &tense, &aspect, &empty_link]);
    };
    // The link table's visiting order does not depend on the event
    // training, so that `retrain_event_links` on these weights gives the
    // same table.
    let link = train_links(&weights, link_docs, options, options.seed | 1);
    write_file(&[&event, &pos, &tense, &aspect, &link])
}

/// Retrains only the event-timex link table of a weights file on
/// `link_docs` (gold events, timexes and TLINKs), keeping its other
/// tables; `None` if the file is malformed.
///
/// ```
/// use chronoline::training::{retrain_event_links, train_event_weights, TrainOptions};
///
/// let options = TrainOptions { epochs: 1, event_bits: 8, attribute_bits: 8, link_bits: 8, ..TrainOptions::default() };
/// let weights = train_event_weights(&[], &[], &options, |_, _| {});
/// let relinked = retrain_event_links(&weights, &[], &options).unwrap();
/// assert_eq!(relinked.len(), weights.len());
/// assert!(retrain_event_links(b"not weights", &[], &options).is_none());
/// ```
pub fn retrain_event_links(
    weights: &[u8],
    link_docs: &[Document],
    options: &TrainOptions,
) -> Option<Vec<u8>> {
    let weights = Weights::parse(Cow::Owned(weights.to_vec())).filter(|w| w.len() == 5)?;
    let link = train_links(&weights, link_docs, options, options.seed | 1);
    Some(append_tables(weights.head(super::LINK_TABLE), &[&link]))
}

/// Trains the link table on the (event, timex) pairs of `link_docs`, with
/// the events' attributes predicted by `weights`.
fn train_links(
    weights: &Weights,
    link_docs: &[Document],
    options: &TrainOptions,
    mut rng: u64,
) -> Perceptron {
    let mut link = Perceptron::new(options.link_bits, 2);
    let Some(attributes) = super::attribute_tables(weights) else {
        return link;
    };
    let mut pairs = Vec::new();
    let mut pair_features = Vec::new();
    for doc in link_docs {
        collect_pairs(&attributes, doc, &mut pair_features, &mut pairs);
    }
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    for _ in 0..options.epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &k in &order {
            let (range, gold): &(std::ops::Range<usize>, usize) = &pairs[k];
            link.learn(&pair_features[range.clone()], *gold);
        }
    }
    link
}

/// Adds the (event, timex) pairs of one document's sentences, labelled
/// with whether a gold TLINK joins them; the events' attributes are the
/// predicted ones.
fn collect_pairs(
    attributes: &Fused,
    gold: &Document,
    all_features: &mut Vec<u64>,
    pairs: &mut Vec<(std::ops::Range<usize>, usize)>,
) {
    let mut doc = gold.clone();
    let tokens = text::tokenize(&doc.text);
    if doc.sentences.is_empty() {
        doc.sentences = text::sentences(&doc.text, &tokens)
            .into_iter()
            .map(|span| Sentence { span, id: None })
            .collect();
    }
    doc.events.sort_by_key(|e| e.span.start);
    predict_attributes(attributes, &mut doc, &tokens);
    let linked: HashSet<(&str, &str)> = doc
        .links
        .iter()
        .filter_map(|l| match (&l.source, &l.target) {
            (LinkEnd::Event(e), LinkEnd::Time(t)) | (LinkEnd::Time(t), LinkEnd::Event(e)) => {
                Some((e.as_str(), t.as_str()))
            }
            _ => None,
        })
        .collect();
    let mut view: Option<(usize, links::SentenceView<'_>)> = None;
    for timex in &doc.timexes {
        let Some(sentence) = doc.sentence_index(timex.span.start) else {
            continue;
        };
        let bounds = doc.sentences[sentence].span;
        if view.as_ref().is_none_or(|(s, _)| *s != sentence) {
            view = Some((
                sentence,
                links::SentenceView::new(&doc.text, bounds, &doc.events),
            ));
        }
        let Some((_, sentence_view)) = view.as_ref() else {
            continue;
        };
        let in_sentence = &sentence_view.in_sentence;
        let (_, rule_choice) =
            links::dated_events(&doc.text, &doc.events, in_sentence, timex.span, timex.kind);
        let timex_view = links::TimexView::new(sentence_view, timex, rule_choice);
        for (k, &e) in in_sentence.iter().enumerate() {
            let event = &doc.events[e];
            if event.span.overlaps(timex.span)
                || event.span.start.abs_diff(timex.span.start) > links::MAX_PAIR_DISTANCE
            {
                continue;
            }
            let start = all_features.len();
            links::pair_features(sentence_view, &timex_view, k, all_features);
            let gold = linked.contains(&(event.instance_id.as_str(), timex.id.as_str()));
            pairs.push((start..all_features.len(), usize::from(gold)));
        }
    }
}

/// Adds the examples of one document: every candidate word, labelled with
/// the gold event whose span it starts (or first overlaps).
fn collect(doc: &Document, all_features: &mut Vec<u64>, examples: &mut Vec<Example>) {
    let text = doc.text.as_str();
    let tokens = text::tokenize(text);
    let sentence_spans: Vec<Span> = if doc.sentences.is_empty() {
        text::sentences(text, &tokens)
    } else {
        doc.sentences.iter().map(|s| s.span).collect()
    };
    let words = features::words(text, &tokens);
    let mut gold: Vec<&Event> = doc.events.iter().collect();
    gold.sort_by_key(|e| e.span.start);
    let mut reader = Reader::default();
    let mut next_word = 0;
    let mut next_event = 0;
    let mut timex_spans: Vec<Span> = doc.timexes.iter().map(|t| t.span).collect();
    timex_spans.sort();
    for sentence in sentence_spans {
        let mut spans = Vec::new();
        while next_word < words.len() && words[next_word].start < sentence.end {
            if words[next_word].start >= sentence.start {
                spans.push(words[next_word]);
            }
            next_word += 1;
        }
        let texts: Vec<&str> = spans
            .iter()
            .map(|s| text.get(s.start..s.end).unwrap_or(""))
            .collect();
        let mut infos: Vec<_> = texts.iter().map(|w| reader.read(w)).collect();
        features::mark_timexes(&mut infos, &spans, &timex_spans);
        for (i, span) in spans.iter().enumerate() {
            while next_event < gold.len() && gold[next_event].span.end <= span.start {
                next_event += 1;
            }
            let label = gold
                .get(next_event)
                .filter(|e| e.span.overlaps(*span))
                .copied();
            if label.is_some() {
                // Only the first word of a multi-word event carries it.
                next_event += 1;
            }
            if !is_candidate(&infos[i]) {
                continue;
            }
            let start = all_features.len();
            features::features(&infos, &texts, i, all_features);
            let features = start..all_features.len();
            examples.push(match label {
                None => Example {
                    features,
                    event: 0,
                    pos: None,
                    tense: 0,
                    aspect: 0,
                },
                Some(e) => Example {
                    features,
                    event: 1 + EventClass::ALL
                        .iter()
                        .position(|c| *c == e.class)
                        .unwrap_or(0),
                    pos: POS_LABELS.iter().position(|p| *p == e.pos),
                    tense: Tense::ALL.iter().position(|t| *t == e.tense).unwrap_or(0),
                    aspect: Aspect::ALL.iter().position(|a| *a == e.aspect).unwrap_or(0),
                },
            });
        }
    }
}
