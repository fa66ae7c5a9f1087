//! The TempEval-3 entity scorer, an event-timex link score, and the fixed
//! development split of the training files.
//!
//! # Timexes and events (TempEval-3)
//!
//! These follow UzZaman et al. (2013), "SemEval-2013 Task 1: TempEval-3",
//! as its official toolkit computes them, over the timexes and events of
//! the document text (the DCT is not among them):
//!
//! - gold and system annotations are paired one to one: first those with
//!   identical extents, then, in text order, each remaining gold annotation
//!   with the first remaining system annotation that overlaps it. A system
//!   "2009-2010" against gold "2009" and "2010" makes one pair, not two.
//! - **relaxed** precision = pairs / system annotations, recall = pairs /
//!   gold annotations; **strict** counts only pairs with identical extents.
//!   F1 is their harmonic mean.
//! - an **attribute F1** (timex value, timex type, event class) is the
//!   attribute's accuracy over the relaxed pairs times the relaxed F1, as
//!   the toolkit computes it.
//! - counts are summed over all documents before dividing (micro average).
//!   With no gold and no system annotation at all, every figure is 1.
//! - annotations whose extent is empty or only white space cannot be paired
//!   and are not counted.
//!
//! # Event-timex links
//!
//! For the anchoring of events to times, only links between an event and a
//! timex of the same sentence count (links to the DCT do not). The gold
//! side is the set of (event, timex) pairs that a gold TLINK joins, in
//! either direction, whatever its relation. The system side is the set of
//! pairs that a system TLINK joins or that an event's [`Event::time`]
//! names. Recall is the share of gold pairs whose paired system event and
//! paired system timex the system joins; precision is the share of system
//! pairs whose event and timex are paired with a gold pair. Sentences are
//! the gold document's (its markup, else the crate's sentence splitter),
//! for both sides.
//!
//! [`Event::time`]: crate::Event::time

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::model::{Document, EventClass, LinkEnd, Span, TimexType};
use crate::text;

mod meantime;
mod timex2;

pub use meantime::{
    evaluate_meantime, meantime_class, parse_meantime, read_meantime, MeantimeDocument,
    MeantimeScores,
};
pub use timex2::{
    evaluate_timex2, is_plain_date, parse_timex2, read_timex2, Timex2, Timex2Document, Timex2Error,
    Timex2Errors, Timex2Scores,
};

/// Precision, recall and F1, each a fraction in `[0, 1]`.
///
/// ```
/// let prf = chronoline::Prf::from_counts(10, 8, 6);
/// assert_eq!(prf.precision, 0.75);
/// assert_eq!(prf.recall, 0.6);
/// assert!((prf.f1 - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    /// Correct system annotations / system annotations.
    pub precision: f64,
    /// Found gold annotations / gold annotations.
    pub recall: f64,
    /// The harmonic mean of precision and recall.
    pub f1: f64,
}

impl Prf {
    /// From the number of gold and system items and of matches; all 1 when
    /// there is neither gold nor system item, as in the TempEval-3 toolkit.
    ///
    /// ```
    /// use chronoline::Prf;
    /// assert_eq!(Prf::from_counts(0, 0, 0).f1, 1.0);
    /// assert_eq!(Prf::from_counts(4, 0, 0).f1, 0.0);
    /// ```
    pub fn from_counts(gold: usize, system: usize, matched: usize) -> Prf {
        Prf::from_found_and_correct(gold, system, matched, matched)
    }

    /// From counts with separate matches for recall (gold items found) and
    /// precision (system items correct).
    fn from_found_and_correct(gold: usize, system: usize, found: usize, correct: usize) -> Prf {
        if gold == 0 && system == 0 {
            return Prf {
                precision: 1.0,
                recall: 1.0,
                f1: 1.0,
            };
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(correct, system);
        let recall = ratio(found, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// TempEval-3 timex scores.
///
/// ```
/// use chronoline::{evaluate, Document};
/// let doc = Document::new("d", "No dates here.", None);
/// let timex = evaluate(&[doc.clone()], &[doc])?.timex;
/// assert_eq!((timex.gold, timex.system, timex.value_f1), (0, 0, 1.0));
/// # Ok::<(), chronoline::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TimexScores {
    /// Gold timexes.
    pub gold: usize,
    /// System timexes.
    pub system: usize,
    /// Pairs with identical extents.
    pub strict_matches: usize,
    /// Pairs with overlapping extents.
    pub relaxed_matches: usize,
    /// Relaxed pairs with the same value.
    pub value_matches: usize,
    /// Relaxed pairs with the same type.
    pub type_matches: usize,
    /// Identical extents.
    pub strict: Prf,
    /// Overlapping extents.
    pub relaxed: Prf,
    /// Value accuracy over the relaxed pairs.
    pub value_accuracy: f64,
    /// Type accuracy over the relaxed pairs.
    pub type_accuracy: f64,
    /// Value accuracy times relaxed F1.
    pub value_f1: f64,
    /// Type accuracy times relaxed F1.
    pub type_f1: f64,
}

/// TempEval-3 event scores.
///
/// ```
/// use chronoline::{evaluate, Document, Event, EventClass, Span};
/// let mut gold = Document::new("d", "They met.", None);
/// gold.events.push(Event::new("e1", Span::new(5, 8), "met", EventClass::Occurrence));
/// let mut system = gold.clone();
/// system.events[0].class = EventClass::State;
/// let event = evaluate(&[gold], &[system])?.event;
/// assert_eq!((event.relaxed.f1, event.class_f1), (1.0, 0.0));
/// # Ok::<(), chronoline::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventScores {
    /// Gold events.
    pub gold: usize,
    /// System events.
    pub system: usize,
    /// Pairs with identical extents.
    pub strict_matches: usize,
    /// Pairs with overlapping extents.
    pub relaxed_matches: usize,
    /// Relaxed pairs with the same class.
    pub class_matches: usize,
    /// Identical extents.
    pub strict: Prf,
    /// Overlapping extents.
    pub relaxed: Prf,
    /// Class accuracy over the relaxed pairs.
    pub class_accuracy: f64,
    /// Class accuracy times relaxed F1.
    pub class_f1: f64,
}

/// Event-timex link scores: of the gold links between an event and a timex
/// of the same sentence, the share the system makes (recall), and of the
/// system's such links, the share that are gold (precision), whatever the
/// relation. Links to the DCT do not count.
///
/// ```
/// use chronoline::{evaluate, Document};
/// let doc = Document::new("d", "Nothing happened.", None);
/// let links = evaluate(&[doc.clone()], &[doc])?.event_timex_links;
/// assert_eq!((links.gold, links.scores.f1), (0, 1.0));
/// # Ok::<(), chronoline::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkScores {
    /// Gold same-sentence event-timex pairs.
    pub gold: usize,
    /// System same-sentence event-timex pairs.
    pub system: usize,
    /// Gold pairs the system joins.
    pub found: usize,
    /// System pairs that are gold.
    pub correct: usize,
    /// Precision, recall and F1.
    pub scores: Prf,
}

/// Everything the scorer measures, over all documents.
///
/// ```
/// use chronoline::{evaluate, Document};
/// let gold = vec![Document::new("d1", "Nothing happened.", None)];
/// let scores = evaluate(&gold, &gold)?;
/// assert_eq!(scores.documents, 1);
/// assert_eq!(scores.timex.relaxed.f1, 1.0);
/// # Ok::<(), chronoline::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// Gold documents scored.
    pub documents: usize,
    /// Ids of gold documents with no system document (scored as empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// Timexes.
    pub timex: TimexScores,
    /// Events.
    pub event: EventScores,
    /// Event-timex links within a sentence.
    pub event_timex_links: LinkScores,
    /// What the system got wrong, document by document (documents without
    /// errors are left out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<DocumentErrors>,
}

/// The errors of one document: [`EvalError`]s, or [`Timex2Error`]s
/// for [`evaluate_timex2`].
///
/// ```
/// use chronoline::{evaluate, Document, Event, EventClass, Span};
/// let mut gold = Document::new("d", "They met.", None);
/// gold.events.push(Event::new("e1", Span::new(5, 8), "met", EventClass::Occurrence));
/// let system = Document::new("d", "They met.", None);
/// let scores = evaluate(&[gold], &[system])?;
/// assert_eq!(scores.errors[0].document, "d");
/// assert_eq!(scores.errors[0].errors[0].to_string(), "missed event \"met\" at 5..8 (OCCURRENCE)");
/// # Ok::<(), chronoline::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentErrors<E = EvalError> {
    /// The document id.
    pub document: String,
    /// The errors, in text order.
    pub errors: Vec<E>,
}

/// A heading line `== DOCUMENT (N errors)`, then each error on its own
/// indented line.
impl<E: fmt::Display> fmt::Display for DocumentErrors<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "== {} ({} errors)", self.document, self.errors.len())?;
        for error in &self.errors {
            write!(f, "\n  {error}")?;
        }
        Ok(())
    }
}

/// One difference between the system and the gold annotation. Spans are
/// byte offsets into the document text.
///
/// ```
/// use chronoline::{EvalError, Span, TimexType};
/// let e = EvalError::MissedTimex {
///     span: Span::new(3, 9),
///     text: "Monday".into(),
///     kind: TimexType::Date,
///     value: "2025-12-08".into(),
/// };
/// assert_eq!(e.to_string(), "missed timex \"Monday\" at 3..9 (DATE 2025-12-08)");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum EvalError {
    /// A gold timex with no system timex.
    MissedTimex {
        /// Where it is.
        span: Span,
        /// Its text.
        text: String,
        /// Its type.
        #[serde(rename = "type")]
        kind: TimexType,
        /// Its value.
        value: String,
    },
    /// A system timex with no gold timex.
    SpuriousTimex {
        /// Where it is.
        span: Span,
        /// Its text.
        text: String,
        /// Its type.
        #[serde(rename = "type")]
        kind: TimexType,
        /// Its value.
        value: String,
    },
    /// A timex found with a different extent.
    TimexExtent {
        /// The gold text.
        gold: String,
        /// The system text.
        system: String,
        /// The gold span.
        span: Span,
    },
    /// A timex found with a wrong value.
    TimexValue {
        /// The gold text.
        text: String,
        /// Where the gold timex is.
        span: Span,
        /// The gold value.
        gold: String,
        /// The system value.
        system: String,
    },
    /// A timex found with a wrong type.
    TimexType {
        /// The gold text.
        text: String,
        /// Where the gold timex is.
        span: Span,
        /// The gold type.
        gold: TimexType,
        /// The system type.
        system: TimexType,
    },
    /// A gold event with no system event.
    MissedEvent {
        /// Where it is.
        span: Span,
        /// Its text.
        text: String,
        /// Its class.
        class: EventClass,
    },
    /// A system event with no gold event.
    SpuriousEvent {
        /// Where it is.
        span: Span,
        /// Its text.
        text: String,
        /// Its class.
        class: EventClass,
    },
    /// An event found with a wrong class.
    EventClass {
        /// The gold text.
        text: String,
        /// Where the gold event is.
        span: Span,
        /// The gold class.
        gold: EventClass,
        /// The system class.
        system: EventClass,
    },
    /// A gold event-timex link the system does not make.
    MissedLink {
        /// The gold event's text.
        event: String,
        /// The gold timex's text.
        timex: String,
        /// Where the gold event is.
        span: Span,
    },
    /// A system event-timex link that is not gold.
    SpuriousLink {
        /// The system event's text.
        event: String,
        /// The system timex's text.
        timex: String,
        /// Where the system event is.
        span: Span,
    },
}

impl EvalError {
    /// Where the error is, for ordering.
    fn position(&self) -> Span {
        match self {
            EvalError::MissedTimex { span, .. }
            | EvalError::SpuriousTimex { span, .. }
            | EvalError::TimexExtent { span, .. }
            | EvalError::TimexValue { span, .. }
            | EvalError::TimexType { span, .. }
            | EvalError::MissedEvent { span, .. }
            | EvalError::SpuriousEvent { span, .. }
            | EvalError::EventClass { span, .. }
            | EvalError::MissedLink { span, .. }
            | EvalError::SpuriousLink { span, .. } => *span,
        }
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = |s: &Span| format!("{}..{}", s.start, s.end);
        match self {
            EvalError::MissedTimex {
                span,
                text,
                kind,
                value,
            } => write!(f, "missed timex {text:?} at {} ({kind} {value})", at(span)),
            EvalError::SpuriousTimex {
                span,
                text,
                kind,
                value,
            } => write!(
                f,
                "spurious timex {text:?} at {} ({kind} {value})",
                at(span)
            ),
            EvalError::TimexExtent { gold, system, span } => {
                write!(f, "timex extent {system:?}, gold {gold:?} at {}", at(span))
            }
            EvalError::TimexValue {
                text,
                span,
                gold,
                system,
            } => write!(
                f,
                "timex value {system}, gold {gold}: {text:?} at {}",
                at(span)
            ),
            EvalError::TimexType {
                text,
                span,
                gold,
                system,
            } => write!(
                f,
                "timex type {system}, gold {gold}: {text:?} at {}",
                at(span)
            ),
            EvalError::MissedEvent { span, text, class } => {
                write!(f, "missed event {text:?} at {} ({class})", at(span))
            }
            EvalError::SpuriousEvent { span, text, class } => {
                write!(f, "spurious event {text:?} at {} ({class})", at(span))
            }
            EvalError::EventClass {
                text,
                span,
                gold,
                system,
            } => write!(
                f,
                "event class {system}, gold {gold}: {text:?} at {}",
                at(span)
            ),
            EvalError::MissedLink { event, timex, span } => {
                write!(f, "missed link {event:?} - {timex:?} at {}", at(span))
            }
            EvalError::SpuriousLink { event, timex, span } => {
                write!(f, "spurious link {event:?} - {timex:?} at {}", at(span))
            }
        }
    }
}

/// Scores system documents against gold ones, pairing them by id. A gold
/// document with no system document counts as one where the system found
/// nothing (and is listed in [`Scores::missing`]); system documents with no
/// gold document are ignored.
///
/// It is an error if two gold documents share an id, or if a system
/// document's text differs from its gold document's (spans could not be
/// compared).
///
/// ```
/// use chronoline::{evaluate, parse_timeml};
/// let gold = parse_timeml(r#"<TimeML><DOCID>d</DOCID><TEXT>In <TIMEX3 tid="t1" type="DATE" value="2009">2009</TIMEX3> and <TIMEX3 tid="t2" type="DATE" value="2010">2010</TIMEX3>.</TEXT></TimeML>"#)?;
/// let system = parse_timeml(r#"<TimeML><DOCID>d</DOCID><TEXT>In <TIMEX3 tid="t1" type="DATE" value="2009">2009 and 2010</TIMEX3>.</TEXT></TimeML>"#)?;
/// let scores = evaluate(&[gold], &[system])?;
/// assert_eq!(scores.timex.relaxed.precision, 1.0);
/// assert_eq!(scores.timex.relaxed.recall, 0.5);
/// assert_eq!(scores.timex.strict.f1, 0.0);
/// assert_eq!(scores.timex.value_accuracy, 1.0);
/// # Ok::<(), chronoline::Error>(())
/// ```
pub fn evaluate(gold: &[Document], system: &[Document]) -> Result<Scores, Error> {
    let mut counts = Counts::default();
    let mut scores = Scores::default();
    for (gold_doc, system_doc) in pair_documents(gold, system, |d| (&d.id, &d.text))? {
        let empty;
        let system_doc = match system_doc {
            Some(doc) => doc,
            None => {
                scores.missing.push(gold_doc.id.clone());
                empty = Document::new(gold_doc.id.clone(), gold_doc.text.clone(), None);
                &empty
            }
        };
        let errors = counts.add(gold_doc, system_doc);
        if !errors.is_empty() {
            scores.errors.push(DocumentErrors {
                document: gold_doc.id.clone(),
                errors,
            });
        }
        scores.documents += 1;
    }
    counts.fill(&mut scores);
    Ok(scores)
}

/// Pairs every gold document with the system document of the same id, if
/// any. It is an error if two gold documents share an id or a system
/// document's text differs from its gold document's. `id_and_text` reads a
/// gold document's id and text (TimeML and TIMEX2 gold differ in type).
fn pair_documents<'a, G>(
    gold: &'a [G],
    system: &'a [Document],
    id_and_text: impl Fn(&G) -> (&str, &str),
) -> Result<Vec<(&'a G, Option<&'a Document>)>, Error> {
    let mut by_id: HashMap<&str, &Document> = HashMap::new();
    for doc in system {
        by_id.entry(doc.id.as_str()).or_insert(doc);
    }
    let mut seen = HashSet::new();
    let mut pairs = Vec::with_capacity(gold.len());
    for gold_doc in gold {
        let (id, text) = id_and_text(gold_doc);
        if !seen.insert(id) {
            return Err(Error::invalid(format!(
                "two gold documents have the id {id:?}"
            )));
        }
        let system_doc = by_id.get(id).copied();
        if let Some(system_doc) = system_doc {
            check_same_text(id, text, &system_doc.text)?;
        }
        pairs.push((gold_doc, system_doc));
    }
    Ok(pairs)
}

/// Reads a gold corpus file as UTF-8 and parses it, naming the file in
/// every error (the WikiWars and MEANTIME readers share it).
fn read_corpus_file<T>(
    path: &std::path::Path,
    parse: impl FnOnce(&str) -> Result<T, Error>,
) -> Result<T, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::invalid(format!(
            "{}: not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    parse(&text).map_err(|e| Error::invalid(format!("{}: {e}", path.display())))
}

fn check_same_text(id: &str, gold: &str, system: &str) -> Result<(), Error> {
    if gold == system {
        return Ok(());
    }
    let at = gold
        .char_indices()
        .zip(system.chars())
        .find(|((_, a), b)| a != b)
        .map_or(gold.len().min(system.len()), |((i, _), _)| i);
    Err(Error::invalid(format!(
        "document {id:?}: the system text differs from the gold text at byte {at} \
         (gold {} bytes, system {} bytes)",
        gold.len(),
        system.len()
    )))
}

/// Whether a training file belongs to the fixed development split: the
/// FNV-1a 64-bit hash of the bare file name's UTF-8 bytes is a multiple of
/// 5 (about one file in five, the same on every machine).
///
/// ```
/// use chronoline::is_dev_file;
/// assert!(is_dev_file("ABC19980114.1830.0611.tml"));
/// assert!(!is_dev_file("ABC19980108.1830.0711.tml"));
/// ```
pub fn is_dev_file(name: &str) -> bool {
    fnv1a64(name.as_bytes()) % 5 == 0
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Raw counts summed over documents.
#[derive(Default)]
struct Counts {
    timex: TimexScores,
    event: EventScores,
    links: LinkScores,
}

impl Counts {
    fn fill(self, scores: &mut Scores) {
        let mut timex = self.timex;
        timex.strict = Prf::from_counts(timex.gold, timex.system, timex.strict_matches);
        timex.relaxed = Prf::from_counts(timex.gold, timex.system, timex.relaxed_matches);
        (timex.value_accuracy, timex.value_f1) =
            attribute(timex.value_matches, timex.relaxed_matches, &timex.relaxed);
        (timex.type_accuracy, timex.type_f1) =
            attribute(timex.type_matches, timex.relaxed_matches, &timex.relaxed);
        let mut event = self.event;
        event.strict = Prf::from_counts(event.gold, event.system, event.strict_matches);
        event.relaxed = Prf::from_counts(event.gold, event.system, event.relaxed_matches);
        (event.class_accuracy, event.class_f1) =
            attribute(event.class_matches, event.relaxed_matches, &event.relaxed);
        let mut links = self.links;
        links.scores =
            Prf::from_found_and_correct(links.gold, links.system, links.found, links.correct);
        scores.timex = timex;
        scores.event = event;
        scores.event_timex_links = links;
    }

    fn add(&mut self, gold: &Document, system: &Document) -> Vec<EvalError> {
        let mut errors = Vec::new();
        let timex_pairs = self.add_timexes(gold, system, &mut errors);
        let event_pairs = self.add_events(gold, system, &mut errors);
        self.add_links(gold, system, &timex_pairs, &event_pairs, &mut errors);
        errors.sort_by_key(|e| {
            let span = e.position();
            (span.start, span.end)
        });
        errors
    }

    fn add_timexes(
        &mut self,
        gold: &Document,
        system: &Document,
        errors: &mut Vec<EvalError>,
    ) -> Pairing {
        let g = scorable(&gold.text, gold.timexes.iter().map(|t| t.span));
        let s = scorable(&system.text, system.timexes.iter().map(|t| t.span));
        let pairing = Pairing::new(&gold.timexes, &g, &system.timexes, &s, |t| t.span);
        let counts = &mut self.timex;
        counts.gold += g.len();
        counts.system += s.len();
        for &gi in &g {
            let gt = &gold.timexes[gi];
            let Some(si) = pairing.system_of[gi] else {
                errors.push(EvalError::MissedTimex {
                    span: gt.span,
                    text: gt.text.clone(),
                    kind: gt.kind,
                    value: gt.value.clone(),
                });
                continue;
            };
            let st = &system.timexes[si];
            counts.relaxed_matches += 1;
            if st.span == gt.span {
                counts.strict_matches += 1;
            } else {
                errors.push(EvalError::TimexExtent {
                    gold: gt.text.clone(),
                    system: slice(&system.text, st.span),
                    span: gt.span,
                });
            }
            if st.value == gt.value {
                counts.value_matches += 1;
            } else {
                errors.push(EvalError::TimexValue {
                    text: gt.text.clone(),
                    span: gt.span,
                    gold: gt.value.clone(),
                    system: st.value.clone(),
                });
            }
            if st.kind == gt.kind {
                counts.type_matches += 1;
            } else {
                errors.push(EvalError::TimexType {
                    text: gt.text.clone(),
                    span: gt.span,
                    gold: gt.kind,
                    system: st.kind,
                });
            }
        }
        for &si in &s {
            if pairing.gold_of[si].is_none() {
                let st = &system.timexes[si];
                errors.push(EvalError::SpuriousTimex {
                    span: st.span,
                    text: slice(&system.text, st.span),
                    kind: st.kind,
                    value: st.value.clone(),
                });
            }
        }
        pairing
    }

    fn add_events(
        &mut self,
        gold: &Document,
        system: &Document,
        errors: &mut Vec<EvalError>,
    ) -> Pairing {
        let g = scorable(&gold.text, gold.events.iter().map(|e| e.span));
        let s = scorable(&system.text, system.events.iter().map(|e| e.span));
        let pairing = Pairing::new(&gold.events, &g, &system.events, &s, |e| e.span);
        let counts = &mut self.event;
        counts.gold += g.len();
        counts.system += s.len();
        for &gi in &g {
            let ge = &gold.events[gi];
            let Some(si) = pairing.system_of[gi] else {
                errors.push(EvalError::MissedEvent {
                    span: ge.span,
                    text: ge.text.clone(),
                    class: ge.class,
                });
                continue;
            };
            let se = &system.events[si];
            counts.relaxed_matches += 1;
            if se.span == ge.span {
                counts.strict_matches += 1;
            }
            if se.class == ge.class {
                counts.class_matches += 1;
            } else {
                errors.push(EvalError::EventClass {
                    text: ge.text.clone(),
                    span: ge.span,
                    gold: ge.class,
                    system: se.class,
                });
            }
        }
        for &si in &s {
            if pairing.gold_of[si].is_none() {
                let se = &system.events[si];
                errors.push(EvalError::SpuriousEvent {
                    span: se.span,
                    text: slice(&system.text, se.span),
                    class: se.class,
                });
            }
        }
        pairing
    }

    fn add_links(
        &mut self,
        gold: &Document,
        system: &Document,
        timexes: &Pairing,
        events: &Pairing,
        errors: &mut Vec<EvalError>,
    ) {
        let sentence_starts: Vec<usize> = if gold.sentences.is_empty() {
            let tokens = text::tokenize(&gold.text);
            text::sentences(&gold.text, &tokens)
                .iter()
                .map(|s| s.start)
                .collect()
        } else {
            gold.sentences.iter().map(|s| s.span.start).collect()
        };
        let sentence_of = |offset: usize| sentence_starts.partition_point(|&s| s <= offset);
        let gold_pairs = same_sentence_pairs(gold, false, &sentence_of);
        let system_pairs = same_sentence_pairs(system, true, &sentence_of);
        let counts = &mut self.links;
        counts.gold += gold_pairs.len();
        counts.system += system_pairs.len();
        for &(ge, gt) in &gold_pairs {
            let joined = match (events.system_of[ge], timexes.system_of[gt]) {
                (Some(se), Some(st)) => system_pairs.contains(&(se, st)),
                _ => false,
            };
            if joined {
                counts.found += 1;
            } else {
                errors.push(EvalError::MissedLink {
                    event: gold.events[ge].text.clone(),
                    timex: gold.timexes[gt].text.clone(),
                    span: gold.events[ge].span,
                });
            }
        }
        for &(se, st) in &system_pairs {
            let correct = match (events.gold_of[se], timexes.gold_of[st]) {
                (Some(ge), Some(gt)) => gold_pairs.contains(&(ge, gt)),
                _ => false,
            };
            if correct {
                counts.correct += 1;
            } else {
                errors.push(EvalError::SpuriousLink {
                    event: slice(&system.text, system.events[se].span),
                    timex: slice(&system.text, system.timexes[st].span),
                    span: system.events[se].span,
                });
            }
        }
    }
}

/// The accuracy of an attribute over the relaxed pairs, and that accuracy
/// times the relaxed F1; both 1 when there is nothing to score at all.
fn attribute(matches: usize, pairs: usize, relaxed: &Prf) -> (f64, f64) {
    if pairs == 0 {
        let nothing = relaxed.f1 == 1.0;
        return if nothing { (1.0, 1.0) } else { (0.0, 0.0) };
    }
    let accuracy = matches as f64 / pairs as f64;
    (accuracy, accuracy * relaxed.f1)
}

/// The text of a span, or nothing when it is not a valid span of the text.
fn slice(text: &str, span: Span) -> String {
    span.slice(text).unwrap_or_default().to_string()
}

/// The indices of the annotations that can be scored: a span inside the
/// text, covering more than white space.
fn scorable(text: &str, spans: impl Iterator<Item = Span>) -> Vec<usize> {
    spans
        .enumerate()
        .filter(|(_, span)| span.slice(text).is_some_and(|t| !t.trim().is_empty()))
        .map(|(i, _)| i)
        .collect()
}

/// The (event index, timex index) pairs a document's links join within a
/// sentence; with `event_times`, also each event's `time`. Ordered, so that
/// the link errors listed from them come in the same order on every run.
fn same_sentence_pairs(
    doc: &Document,
    event_times: bool,
    sentence_of: &dyn Fn(usize) -> usize,
) -> BTreeSet<(usize, usize)> {
    let mut event_index: HashMap<&str, usize> = HashMap::new();
    for (i, e) in doc.events.iter().enumerate() {
        event_index.entry(e.instance_id.as_str()).or_insert(i);
    }
    for (i, e) in doc.events.iter().enumerate() {
        event_index.entry(e.id.as_str()).or_insert(i);
    }
    let mut timex_index: HashMap<&str, usize> = HashMap::new();
    for (i, t) in doc.timexes.iter().enumerate() {
        timex_index.entry(t.id.as_str()).or_insert(i);
    }
    let mut joined: Vec<(&str, &str)> = doc
        .links
        .iter()
        .filter_map(|l| match (&l.source, &l.target) {
            (LinkEnd::Event(e), LinkEnd::Time(t)) | (LinkEnd::Time(t), LinkEnd::Event(e)) => {
                Some((e.as_str(), t.as_str()))
            }
            _ => None,
        })
        .collect();
    if event_times {
        joined.extend(
            doc.events
                .iter()
                .filter_map(|e| Some((e.instance_id.as_str(), e.time.as_deref()?))),
        );
    }
    joined
        .into_iter()
        .filter_map(|(e, t)| {
            let ei = *event_index.get(e)?;
            let ti = *timex_index.get(t)?;
            let same =
                sentence_of(doc.events[ei].span.start) == sentence_of(doc.timexes[ti].span.start);
            same.then_some((ei, ti))
        })
        .collect()
}

/// A one-to-one pairing of gold and system annotations by extent.
struct Pairing {
    /// For each gold annotation, its system partner.
    system_of: Vec<Option<usize>>,
    /// For each system annotation, its gold partner.
    gold_of: Vec<Option<usize>>,
}

impl Pairing {
    /// Pairs identical extents first, then, in text order, each gold
    /// annotation with the first unpaired system annotation overlapping it.
    fn new<T>(
        gold: &[T],
        gold_scorable: &[usize],
        system: &[T],
        system_scorable: &[usize],
        span: impl Fn(&T) -> Span,
    ) -> Pairing {
        let mut pairing = Pairing {
            system_of: vec![None; gold.len()],
            gold_of: vec![None; system.len()],
        };
        let mut exact: HashMap<Span, Vec<usize>> = HashMap::new();
        for &si in system_scorable.iter().rev() {
            exact.entry(span(&system[si])).or_default().push(si);
        }
        for &gi in gold_scorable {
            if let Some(si) = exact.get_mut(&span(&gold[gi])).and_then(Vec::pop) {
                pairing.system_of[gi] = Some(si);
                pairing.gold_of[si] = Some(gi);
            }
        }
        let mut gold_left: Vec<usize> = gold_scorable
            .iter()
            .copied()
            .filter(|&gi| pairing.system_of[gi].is_none())
            .collect();
        let mut system_left: Vec<usize> = system_scorable
            .iter()
            .copied()
            .filter(|&si| pairing.gold_of[si].is_none())
            .collect();
        let key = |s: Span| (s.start, s.end);
        gold_left.sort_by_key(|&gi| key(span(&gold[gi])));
        system_left.sort_by_key(|&si| key(span(&system[si])));
        // System annotations ending before a gold one starts cannot overlap
        // any later gold one either: `first` only moves forward.
        let mut first = 0;
        for gi in gold_left {
            let g = span(&gold[gi]);
            while first < system_left.len() && span(&system[system_left[first]]).end <= g.start {
                first += 1;
            }
            for &si in &system_left[first..] {
                let s = span(&system[si]);
                if s.start >= g.end {
                    break;
                }
                if pairing.gold_of[si].is_none() && s.overlaps(g) {
                    pairing.system_of[gi] = Some(si);
                    pairing.gold_of[si] = Some(gi);
                    break;
                }
            }
        }
        pairing
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, Relation, TimeLink, Timex};

    pub(super) fn timex(id: &str, text: &str, needle: &str, kind: TimexType, value: &str) -> Timex {
        let start = text.find(needle).unwrap();
        Timex {
            id: id.into(),
            span: Span::new(start, start + needle.len()),
            text: needle.into(),
            kind,
            value: value.into(),
            modifier: None,
            quant: None,
            freq: None,
            begin_point: None,
            end_point: None,
            anchor: None,
            temporal_function: false,
            interval: None,
            rule: "test".into(),
        }
    }

    fn event(id: &str, text: &str, needle: &str, class: EventClass) -> Event {
        let start = text.find(needle).unwrap();
        Event::new(id, Span::new(start, start + needle.len()), needle, class)
    }

    const TEXT: &str = "Prices fell 3% on Monday, 7 December 2025, and rose in 2009 and 2010.";

    fn gold() -> Document {
        let mut doc = Document::new("d", TEXT, None);
        doc.timexes = vec![
            timex(
                "t1",
                TEXT,
                "Monday, 7 December 2025",
                TimexType::Date,
                "2025-12-07",
            ),
            timex("t2", TEXT, "2009", TimexType::Date, "2009"),
            timex("t3", TEXT, "2010", TimexType::Date, "2010"),
        ];
        doc.events = vec![
            event("e1", TEXT, "fell", EventClass::Occurrence),
            event("e2", TEXT, "rose", EventClass::Occurrence),
        ];
        doc.links = vec![TimeLink {
            id: "l1".into(),
            source: LinkEnd::Event("ei1".into()),
            target: LinkEnd::Time("t1".into()),
            relation: Relation::IsIncluded,
        }];
        doc
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn perfect_score() {
        let scores = evaluate(&[gold()], &[gold()]).unwrap();
        for prf in [
            scores.timex.strict,
            scores.timex.relaxed,
            scores.event.strict,
            scores.event.relaxed,
            scores.event_timex_links.scores,
        ] {
            assert_eq!((prf.precision, prf.recall, prf.f1), (1.0, 1.0, 1.0));
        }
        assert_eq!(scores.timex.value_f1, 1.0);
        assert_eq!(scores.timex.type_f1, 1.0);
        assert_eq!(scores.event.class_f1, 1.0);
        assert!(scores.errors.is_empty());
        assert_eq!(scores.event_timex_links.gold, 1);
    }

    #[test]
    fn empty_system() {
        let system = Document::new("d", TEXT, None);
        let scores = evaluate(&[gold()], &[system]).unwrap();
        assert_eq!(scores.timex.relaxed, Prf::default());
        assert_eq!(scores.timex.value_f1, 0.0);
        assert_eq!(scores.event.class_f1, 0.0);
        assert_eq!(scores.event_timex_links.scores.recall, 0.0);
        let errors = &scores.errors[0].errors;
        assert_eq!(errors.len(), 3 + 2 + 1);
        assert!(errors[0].to_string().starts_with("missed event \"fell\""));
        // A missing system document scores the same and is named.
        let missing = evaluate(&[gold()], &[]).unwrap();
        assert_eq!(missing.missing, vec!["d".to_string()]);
        assert_eq!(missing.timex, scores.timex);
    }

    #[test]
    fn one_to_one_pairing() {
        let mut system = Document::new("d", TEXT, None);
        system.timexes = vec![
            timex("t1", TEXT, "7 December 2025", TimexType::Date, "2025-12-07"),
            timex("t2", TEXT, "2009 and 2010", TimexType::Duration, "P2Y"),
        ];
        let scores = evaluate(&[gold()], &[system]).unwrap();
        let t = &scores.timex;
        assert_eq!(
            (t.gold, t.system, t.relaxed_matches, t.strict_matches),
            (3, 2, 2, 0)
        );
        assert!(close(t.relaxed.precision, 1.0));
        assert!(close(t.relaxed.recall, 2.0 / 3.0));
        assert!(close(t.value_accuracy, 0.5));
        assert!(close(t.value_f1, 0.5 * 0.8));
        assert!(close(t.type_f1, 0.5 * 0.8));
        let text: Vec<String> = scores.errors[0]
            .errors
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert!(
            text.iter().any(|e| e.starts_with("missed timex \"2010\"")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|e| e.starts_with("timex value P2Y, gold 2009")),
            "{text:?}"
        );
    }

    #[test]
    fn a_leading_space_is_relaxed_but_not_strict() {
        let mut system = gold();
        system.timexes[1].span.start -= 1;
        let scores = evaluate(&[gold()], &[system]).unwrap();
        assert_eq!(scores.timex.relaxed_matches, 3);
        assert_eq!(scores.timex.strict_matches, 2);
        assert!(scores.errors[0].errors[0]
            .to_string()
            .starts_with("timex extent \" 2009\""));
    }

    #[test]
    fn non_ascii_text_and_whitespace_only_extents() {
        let text = "Le café a fermé le 3 mai — après l'été 2024.";
        let mut gold = Document::new("d", text, None);
        gold.timexes = vec![
            timex("t1", text, "3 mai", TimexType::Date, "XXXX-05-03"),
            timex("t2", text, "l'été 2024", TimexType::Date, "2024-SU"),
        ];
        let mut system = Document::new("d", text, None);
        system.timexes = vec![
            timex("t1", text, "mai — après", TimexType::Date, "XXXX-05-03"),
            timex("t2", text, "été 2024", TimexType::Date, "2024-SU"),
            timex("t3", text, " ", TimexType::Date, "X"),
        ];
        let scores = evaluate(&[gold], &[system]).unwrap();
        assert_eq!(scores.timex.system, 2);
        assert_eq!(scores.timex.relaxed_matches, 2);
        assert_eq!(scores.timex.value_f1, 1.0);
    }

    #[test]
    fn links_count_within_sentences_only() {
        let text = "They met on Monday. They left on Tuesday.";
        let mut gold = Document::new("d", text, None);
        gold.timexes = vec![
            timex("t1", text, "Monday", TimexType::Date, "2025-12-08"),
            timex("t2", text, "Tuesday", TimexType::Date, "2025-12-09"),
        ];
        gold.events = vec![
            event("e1", text, "met", EventClass::Occurrence),
            event("e2", text, "left", EventClass::Occurrence),
        ];
        let link = |id: &str, e: &str, t: &str| TimeLink {
            id: id.into(),
            source: LinkEnd::Time(t.into()),
            target: LinkEnd::Event(e.into()),
            relation: Relation::Includes,
        };
        // The cross-sentence gold link does not count.
        gold.links = vec![link("l1", "ei1", "t1"), link("l2", "ei1", "t2")];
        let mut system = gold.clone();
        system.links.clear();
        system.events[0].time = Some("t1".into());
        system.events[1].time = Some("t1".into());
        let scores = evaluate(&[gold], &[system]).unwrap();
        let l = &scores.event_timex_links;
        assert_eq!((l.gold, l.system, l.found, l.correct), (1, 1, 1, 1));
    }

    #[test]
    fn different_texts_are_an_error() {
        let system = Document::new("d", "Prices fell.", None);
        let err = evaluate(&[gold()], &[system]).unwrap_err();
        assert!(
            err.to_string()
                .contains("differs from the gold text at byte 11"),
            "{err}"
        );
    }

    #[test]
    fn dev_split_is_about_a_fifth() {
        let dev = (0..1000)
            .filter(|i| is_dev_file(&format!("doc{i}.tml")))
            .count();
        assert!((150..250).contains(&dev), "{dev}");
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
