//! The pipeline: text -> recognize -> resolve -> events, behind one type.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::model::{Dct, Document, Sentence, Span};
use crate::{events, recognize, resolve, text};

mod pieces;

/// How relative expressions are anchored.
///
/// ```
/// use chronoline::Mode;
/// assert_eq!("narrative".parse::<Mode>().unwrap(), Mode::Narrative);
/// assert!("poetry".parse::<Mode>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// News: relative expressions ("on Wednesday", "last month") are anchored
    /// to the document creation time.
    #[default]
    News,
    /// Narratives (history, biographies): relative expressions are anchored
    /// to the last absolute date mentioned before them.
    Narrative,
}

/// Which way to resolve an expression whose direction the text leaves open
/// ("on Wednesday" with no tense to go by).
///
/// ```
/// use chronoline::Prefer;
/// assert_eq!("future".parse::<Prefer>().unwrap(), Prefer::Future);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Prefer {
    /// The nearest candidate to the anchor.
    #[default]
    Nearest,
    /// The candidate on or before the anchor.
    Past,
    /// The candidate on or after the anchor.
    Future,
}

macro_rules! lowercase_names {
    ($name:ident, $what:literal, { $($variant:ident => $tag:literal),+ }) => {
        impl $name {
            /// The lowercase name.
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $tag),+ }
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<$name, Error> {
                match s.trim().to_ascii_lowercase().as_str() {
                    $($tag => Ok($name::$variant),)+
                    _ => Err(Error::invalid(format!(
                        concat!("unknown ", $what, " {:?}: expected one of ", $($tag, " "),+), s))),
                }
            }
        }
    };
}

lowercase_names!(Mode, "mode", { News => "news", Narrative => "narrative" });
lowercase_names!(Prefer, "preference", { Nearest => "nearest", Past => "past", Future => "future" });

/// What an [`Extractor`] does.
///
/// ```
/// use chronoline::{Extractor, Mode, Options};
/// let extractor = Extractor::with_options(Options { mode: Mode::Narrative, ..Options::default() });
/// assert_eq!(extractor.options().mode, Mode::Narrative);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Options {
    /// How relative expressions are anchored.
    pub mode: Mode,
    /// The direction for expressions the text leaves open.
    pub prefer: Prefer,
    /// Whether to find events and link them to times (on by default; off
    /// for the fastest timex-only extraction).
    pub events: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            mode: Mode::News,
            prefer: Prefer::Nearest,
            events: true,
        }
    }
}

/// Finds temporal expressions and events. Build it once and share it: it is
/// `Send + Sync` and every call is independent.
///
/// ```
/// use chronoline::Extractor;
/// let extractor = Extractor::new();
/// let doc = extractor.extract("The council met on 7 December 2025.", Some("2025-12-08".parse().unwrap()));
/// assert_eq!(doc.timexes[0].value, "2025-12-07");
/// let empty = extractor.extract("Nothing to see.", None);
/// assert!(empty.timexes.is_empty());
/// ```
#[derive(Debug)]
pub struct Extractor {
    options: Options,
    recognizer: recognize::Recognizer,
    event_model: events::EventModel,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor for news text with the default options.
    pub fn new() -> Extractor {
        Extractor::with_options(Options::default())
    }

    /// An extractor with the given options.
    pub fn with_options(options: Options) -> Extractor {
        Extractor {
            options,
            recognizer: recognize::Recognizer::new(),
            event_model: events::EventModel::new(),
        }
    }

    /// The options it was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extracts from `text`, anchored at `dct` (inferred from the text when
    /// `None`). The document id is empty.
    pub fn extract(&self, text: &str, dct: Option<Dct>) -> Document {
        self.extract_document(Document::new("", text, dct))
    }

    /// Extracts from a document's text and DCT, replacing any timexes,
    /// events and links it had; its id and sentence markup are kept.
    ///
    /// ```
    /// use chronoline::{Document, Extractor};
    /// let doc = Document::new("d1", "It rained on 3 May 2024.", None);
    /// let doc = Extractor::new().extract_document(doc);
    /// assert_eq!(doc.id, "d1");
    /// assert_eq!(doc.timexes.len(), 1);
    /// ```
    pub fn extract_document(&self, mut doc: Document) -> Document {
        if doc.sentences.is_empty() && doc.text.len() > pieces::PIECE_BYTES {
            // A long text: in pieces, so that memory stays flat.
            let text = std::mem::take(&mut doc.text);
            let dct = doc.dct.take();
            doc.timexes.clear();
            doc.events.clear();
            doc.links.clear();
            let inferred = pieces::extract(
                self,
                &text,
                dct.as_ref(),
                pieces::PIECE_BYTES,
                |offset, piece| pieces::append(&mut doc, offset, piece),
            );
            doc.text = text;
            doc.dct = dct.or(inferred);
            return doc;
        }
        self.extract_whole(doc)
    }

    /// Extracts from `text` in paragraph-aligned pieces (of about 16 KiB:
    /// a piece ends at a blank line after the end of a sentence, or, in a
    /// text without blank lines, at the end of a sentence), handing
    /// each piece to `each` as soon as it is done, with its byte offset in
    /// `text`, so that memory stays that of one piece however long the text.
    ///
    /// A piece is a document holding its part of the text, with spans into
    /// it, and the DCT (`dct`, else the one inferred from the whole text).
    /// Timex, event and link ids go on from piece to piece, and the
    /// discourse (the days mentioned, the narrative anchor) too: the pieces
    /// joined, their spans shifted by their offsets, are `extract(text, dct)`.
    ///
    /// ```
    /// use chronoline::Extractor;
    /// let text = "It rained on 3 May 2024.\n\nThe council met on Sunday.";
    /// let mut found = Vec::new();
    /// Extractor::new().extract_pieces(text, None, |offset, piece| {
    ///     for t in &piece.timexes {
    ///         found.push((offset + t.span.start, t.id.clone(), t.value.clone()));
    ///     }
    /// });
    /// assert_eq!(found[0], (13, "t1".to_string(), "2024-05-03".to_string()));
    /// assert_eq!(found.len(), 2);
    /// ```
    pub fn extract_pieces(&self, text: &str, dct: Option<Dct>, each: impl FnMut(usize, Document)) {
        pieces::extract(self, text, dct.as_ref(), pieces::PIECE_BYTES, each);
    }

    /// Extracts from the whole text at once.
    fn extract_whole(&self, mut doc: Document) -> Document {
        let tokens = text::tokenize(&doc.text);
        if doc.sentences.is_empty() {
            doc.sentences = pieces::sentences(&doc.text, &tokens)
                .into_iter()
                .map(|span| Sentence { span, id: None })
                .collect();
        }
        let spans: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
        let starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
        let lower = recognize::lowercase(&doc.text);
        let words = recognize::words(&doc.text, &lower, &tokens, &starts);
        let mentions = self.recognizer.recognize(&doc.text, &words, &spans);
        let resolved = resolve::resolve(
            &doc.text,
            &words,
            &spans,
            mentions,
            doc.dct.as_ref(),
            &self.options,
        );
        doc.timexes = resolved.timexes;
        if doc.dct.is_none() {
            doc.dct = resolved.inferred_dct;
        }
        doc.events.clear();
        doc.links.clear();
        if self.options.events {
            self.event_model.annotate(&mut doc, &tokens);
        }
        doc
    }
}
