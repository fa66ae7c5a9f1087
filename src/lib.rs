//! chronoline finds temporal expressions and events in English text, gives
//! each expression a TIMEX3 value and a concrete interval, and orders what
//! it finds into timelines.
//!
//! ```
//! use chronoline::{Extractor, TimexType};
//!
//! let extractor = Extractor::new();
//! let doc = extractor.extract(
//!     "The council will convene on Wednesday, 10 December 2025.",
//!     Some("2025-12-07".parse()?),
//! );
//! let timex = &doc.timexes[0];
//! assert_eq!(timex.kind, TimexType::Date);
//! assert_eq!(timex.value, "2025-12-10");
//! assert_eq!(&doc.text[timex.span.start..timex.span.end], timex.text);
//! # Ok::<(), chronoline::Error>(())
//! ```
//!
//! The pipeline runs in stages, each a private module with one job:
//! text (sentences, tokens) -> recognize (rules find mentions) -> resolve
//! (mentions get values and intervals against an anchor) -> events ->
//! timeline -> io (TimeML, CSV, JSON and the TempEval-3 scorer).
//!
//! Spans are byte offsets into the document text; intervals are half-open
//! `[start, end)` (see [`Interval`]).

#![deny(missing_docs)]

mod error;
mod eval;
mod events;
mod extractor;
mod invariants;
mod io;
mod lexicon;
mod model;
mod recognize;
mod resolve;
mod text;
mod timeline;
mod value;

#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod cli;

#[cfg(feature = "python")]
mod python;

/// Training the event model (used by `examples/train_events.rs`; not a
/// stable interface).
#[doc(hidden)]
pub mod training {
    pub use crate::events::{retrain_event_links, train_event_weights, EventTagger, TrainOptions};
}

pub use crate::{
    error::{Error, ErrorKind},
    eval::{
        evaluate, evaluate_meantime, evaluate_timex2, is_dev_file, is_plain_date, meantime_class,
        parse_meantime, parse_timex2, read_meantime, read_timex2, DocumentErrors, EvalError,
        EventScores, LinkScores, MeantimeDocument, MeantimeScores, Prf, Scores, Timex2,
        Timex2Document, Timex2Error, Timex2Errors, Timex2Scores, TimexScores,
    },
    extractor::{Extractor, Mode, Options, Prefer},
    invariants::{annotation_problems, document_problems, every_configuration, every_extractor},
    io::timeml::{parse_timeml, read_timeml, to_timeml},
    model::{
        Aspect, Dct, DctSource, Document, Event, EventClass, Granularity, Interval, LinkEnd,
        Modifier, Polarity, Relation, Sentence, Span, Tense, TimeLink, Timex, TimexType,
    },
    timeline::{
        evaluate_timeline, DatedBy, EntityOptions, EntryKind, Mention, TimeRelation, Timeline,
        TimelineEntry, TimelineOptions, TimelineScores,
    },
    value::is_valid_timex_value,
};
