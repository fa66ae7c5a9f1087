//! Ordered timelines of dated events across documents: see [`Timeline`].

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use crate::io::{csv, timelinejs};
use crate::model::{
    Dct, Document, Event, EventClass, Granularity, Interval, Relation, Sentence, Span, Timex,
    TimexType,
};
use crate::{lexicon, text};

/// What a timeline entry is.
///
/// ```
/// use chronoline::EntryKind;
/// assert_eq!(EntryKind::Timex.as_str(), "timex");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    /// An event.
    Event,
    /// A temporal expression that dates no event.
    Timex,
}

impl EntryKind {
    /// The lowercase name used in CSV and JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntryKind::Event => "event",
            EntryKind::Timex => "timex",
        }
    }
}

/// Where an entry's place in time comes from.
///
/// ```
/// use chronoline::DatedBy;
/// assert_eq!(DatedBy::Context.as_str(), "context");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatedBy {
    /// The event's own interval, as the event model gave it.
    Event,
    /// The interval of the timex the event is linked to.
    Link,
    /// A relation to the document creation time.
    Dct,
    /// The last date mentioned before the event in its sentence or the one
    /// before ([`TimelineOptions::context_dating`]); approximate.
    Context,
    /// A timex entry: its own interval.
    Timex,
    /// Nothing: an undated event ([`TimelineOptions::undated`]).
    Nothing,
}

impl DatedBy {
    /// The snake-case name used in CSV and JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            DatedBy::Event => "event",
            DatedBy::Link => "link",
            DatedBy::Dct => "dct",
            DatedBy::Context => "context",
            DatedBy::Timex => "timex",
            DatedBy::Nothing => "nothing",
        }
    }
}

/// One mention of an entry in a document: where it is and how it was dated.
///
/// ```
/// use chronoline::{Mention, Span};
/// let mention = Mention {
///     document: "d2".into(),
///     id: "e4".into(),
///     text: "convened".into(),
///     span: Span::new(12, 20),
///     sentence_index: Some(0),
///     sentence_id: None,
///     sentence: "The council convened.".into(),
///     sentence_span: Some(Span::new(0, 21)),
///     interval: None,
/// };
/// assert_eq!(mention.document, "d2");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The document id.
    pub document: String,
    /// The event or timex id in the document.
    pub id: String,
    /// The trigger or timex text.
    pub text: String,
    /// Where it is in the document text (bytes).
    pub span: Span,
    /// The 0-based index of its sentence.
    pub sentence_index: Option<usize>,
    /// The id of the input's sentence markup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_id: Option<String>,
    /// The sentence text, trimmed.
    pub sentence: String,
    /// Where the trimmed sentence is in the document text (bytes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_span: Option<Span>,
    /// The interval this mention was dated with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
}

/// One entry of a timeline: a dated event, an event placed by its relation
/// to the DCT, or a timex that dates no event.
///
/// ```
/// use chronoline::{Document, EntryKind, Extractor, Timeline};
/// let doc = Document::new("d1", "Nothing dated here.", None);
/// let timeline = Timeline::new(&[doc]);
/// assert!(timeline.entries().iter().all(|e| e.kind == EntryKind::Event || e.interval.is_some()));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// An event, or a timex that dates no event.
    pub kind: EntryKind,
    /// The event or timex id in its document (`e3`, `t2`).
    pub id: String,
    /// The event trigger or the timex text.
    pub text: String,
    /// The event class (events only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<EventClass>,
    /// The TIMEX3 value of the timex that dates the event, or of the timex
    /// itself; the DCT's value for an event dated by the DCT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The TIMEX3 type of that timex.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub timex_type: Option<TimexType>,
    /// Where the entry is in time: start, end, granularity, exactness.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// Where that place in time comes from.
    pub dated_by: DatedBy,
    /// For an event with no interval placed by its relation to the DCT:
    /// that relation (the event is `BEFORE` the DCT, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dct_relation: Option<Relation>,
    /// For an event placed by the DCT: the DCT as an interval (its day, or
    /// its minute when it has a time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Interval>,
    /// The document id.
    pub document: String,
    /// The 0-based index of the sentence in the document.
    pub sentence_index: Option<usize>,
    /// The id of the input's sentence markup (`<s id="3">`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_id: Option<String>,
    /// The sentence text, trimmed.
    pub sentence: String,
    /// Where the trimmed sentence is in the document text (bytes), so that
    /// `span.start - sentence_span.start` is the mention's offset in
    /// `sentence`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_span: Option<Span>,
    /// Where the mention is in the document text (bytes).
    pub span: Span,
    /// The other mentions of the same event merged into this entry, from
    /// other documents; empty when nothing was merged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
}

impl TimelineEntry {
    /// Whether this is a timex that dates no event.
    ///
    /// ```
    /// use chronoline::{Document, Extractor, Timeline};
    /// let timeline = Timeline::new(&[]);
    /// assert!(timeline.entries().iter().all(|e| !e.is_timex()));
    /// ```
    pub fn is_timex(&self) -> bool {
        self.kind == EntryKind::Timex
    }

    /// The Allen relation of this entry to `other`, when their intervals
    /// make it certain (see [`TimeRelation::between`]).
    ///
    /// ```
    /// use chronoline::{Document, Event, EventClass, Interval, Span, Timeline, TimeRelation};
    /// let mut doc = Document::new("d", "It rose. It fell.", None);
    /// let mut rose = Event::new("e1", Span::new(3, 7), "rose", EventClass::Occurrence);
    /// rose.interval = Interval::month(2025, 9);
    /// let mut fell = Event::new("e2", Span::new(12, 16), "fell", EventClass::Occurrence);
    /// fell.interval = Interval::month(2025, 11);
    /// doc.events = vec![rose, fell];
    /// let timeline = Timeline::new(&[doc]);
    /// let [a, b] = timeline.entries() else { panic!() };
    /// assert_eq!(a.relation_to(b), Some(TimeRelation::Before));
    /// assert!(a.precedes(b));
    /// ```
    pub fn relation_to(&self, other: &TimelineEntry) -> Option<TimeRelation> {
        TimeRelation::of_bounds(&self.bounds()?, &other.bounds()?)
    }

    /// Whether this entry certainly ends no later than `other` starts
    /// (before or meets).
    pub fn precedes(&self, other: &TimelineEntry) -> bool {
        match (self.bounds(), other.bounds()) {
            (Some(a), Some(b)) => a.end.hi <= b.start.lo,
            _ => false,
        }
    }

    /// Whether this entry certainly starts no earlier than `other` ends.
    pub fn follows(&self, other: &TimelineEntry) -> bool {
        other.precedes(self)
    }

    /// Whether the two entries certainly share some time.
    pub fn overlaps(&self, other: &TimelineEntry) -> bool {
        match (self.bounds(), other.bounds()) {
            (Some(a), Some(b)) => a.start.hi < b.end.lo && b.start.hi < a.end.lo,
            _ => false,
        }
    }

    /// The bounds as ranges of possible instants.
    fn bounds(&self) -> Option<Bounds> {
        if let Some(interval) = &self.interval {
            return Some(Bounds::of_interval(interval));
        }
        let (relation, anchor) = (self.dct_relation?, self.anchor.as_ref()?);
        Some(Bounds::relative_to(relation, anchor))
    }

    /// The interval the entry sorts by, and its granularity.
    fn sort_interval(&self) -> Option<(NaiveDateTime, NaiveDateTime, Granularity)> {
        if let Some(i) = &self.interval {
            return Some((i.start, i.end, i.granularity));
        }
        let (relation, anchor) = (self.dct_relation?, self.anchor.as_ref()?);
        let (start, end) = match placement_side(relation) {
            Side::Before => (anchor.start, anchor.start),
            Side::After => (anchor.end, anchor.end),
            Side::At => (anchor.start, anchor.end),
        };
        Some((start, end, anchor.granularity))
    }

    fn all_documents(&self) -> Vec<&str> {
        let mut documents = vec![self.document.as_str()];
        documents.extend(self.mentions.iter().map(|m| m.document.as_str()));
        documents
    }
}

/// How two entries stand in time: Allen's thirteen interval relations over
/// half-open intervals.
///
/// ```
/// use chronoline::{Interval, TimeRelation};
/// use chrono::NaiveDate;
/// let september = Interval::month(2025, 9).unwrap();
/// let seventh = Interval::day(NaiveDate::from_ymd_opt(2025, 9, 7).unwrap());
/// assert_eq!(TimeRelation::of_intervals(&september, &seventh), Some(TimeRelation::Contains));
/// let mut early = Interval::new(september.start, september.start + chrono::Duration::days(10),
///     chronoline::Granularity::Day).unwrap();
/// early.exact = false;
/// // "early September" does not claim to precede, contain or overlap 7 September.
/// assert_eq!(TimeRelation::of_intervals(&early, &seventh), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeRelation {
    /// Ends before the other starts, with a gap.
    Before,
    /// Ends exactly when the other starts.
    Meets,
    /// Starts first and ends inside the other.
    Overlaps,
    /// Starts with the other and ends first.
    Starts,
    /// Lies strictly inside the other.
    During,
    /// Starts inside the other and ends with it.
    Finishes,
    /// Same start, same end.
    Equals,
    /// Ends with the other, which starts inside it.
    FinishedBy,
    /// Holds the other strictly inside.
    Contains,
    /// Starts with the other and ends after it.
    StartedBy,
    /// Starts inside the other and ends after it.
    OverlappedBy,
    /// Starts exactly when the other ends.
    MetBy,
    /// Starts after the other ends, with a gap.
    After,
}

impl TimeRelation {
    /// The relation seen from the other side.
    ///
    /// ```
    /// use chronoline::TimeRelation;
    /// assert_eq!(TimeRelation::During.inverse(), TimeRelation::Contains);
    /// ```
    pub fn inverse(self) -> TimeRelation {
        use TimeRelation::*;
        match self {
            Before => After,
            Meets => MetBy,
            Overlaps => OverlappedBy,
            Starts => StartedBy,
            During => Contains,
            Finishes => FinishedBy,
            Equals => Equals,
            FinishedBy => Finishes,
            Contains => During,
            StartedBy => Starts,
            OverlappedBy => Overlaps,
            MetBy => Meets,
            After => Before,
        }
    }

    /// The lowercase name.
    pub fn as_str(&self) -> &'static str {
        use TimeRelation::*;
        match self {
            Before => "before",
            Meets => "meets",
            Overlaps => "overlaps",
            Starts => "starts",
            During => "during",
            Finishes => "finishes",
            Equals => "equals",
            FinishedBy => "finished_by",
            Contains => "contains",
            StartedBy => "started_by",
            OverlappedBy => "overlapped_by",
            MetBy => "met_by",
            After => "after",
        }
    }

    /// The relation of two timeline entries, when certain: the same as
    /// [`TimelineEntry::relation_to`].
    pub fn between(a: &TimelineEntry, b: &TimelineEntry) -> Option<TimeRelation> {
        a.relation_to(b)
    }

    /// The relation of two intervals, when certain; an inexact interval's
    /// bounds may be off by half its length.
    pub fn of_intervals(a: &Interval, b: &Interval) -> Option<TimeRelation> {
        TimeRelation::of_bounds(&Bounds::of_interval(a), &Bounds::of_interval(b))
    }

    fn of_bounds(a: &Bounds, b: &Bounds) -> Option<TimeRelation> {
        use Ordering::*;
        use TimeRelation::*;
        let ss = a.start.compare(&b.start);
        let ee = a.end.compare(&b.end);
        let es = a.end.compare(&b.start);
        let se = a.start.compare(&b.end);
        let relation = match (ss, ee, es, se) {
            (_, _, Some(Less), _) => Before,
            (_, _, Some(Equal), _) => Meets,
            (_, _, _, Some(Greater)) => After,
            (_, _, _, Some(Equal)) => MetBy,
            (Some(Equal), Some(Equal), _, _) => Equals,
            (Some(Equal), Some(Less), _, _) => Starts,
            (Some(Equal), Some(Greater), _, _) => StartedBy,
            (Some(Greater), Some(Equal), _, _) => Finishes,
            (Some(Less), Some(Equal), _, _) => FinishedBy,
            (Some(Greater), Some(Less), _, _) => During,
            (Some(Less), Some(Greater), _, _) => Contains,
            (Some(Less), Some(Less), Some(Greater), _) => Overlaps,
            (Some(Greater), Some(Greater), _, Some(Less)) => OverlappedBy,
            _ => return None,
        };
        Some(relation)
    }
}

/// The possible positions of an entry's start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Bounds {
    start: Range,
    end: Range,
}

/// A closed range `[lo, hi]` of instants a bound may be at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Range {
    lo: NaiveDateTime,
    hi: NaiveDateTime,
}

impl Range {
    fn point(at: NaiveDateTime) -> Range {
        Range { lo: at, hi: at }
    }

    fn is_point(&self) -> bool {
        self.lo == self.hi
    }

    /// How this bound compares with another, when certain.
    fn compare(&self, other: &Range) -> Option<Ordering> {
        if self.hi < other.lo {
            Some(Ordering::Less)
        } else if self.lo > other.hi {
            Some(Ordering::Greater)
        } else if self.is_point() && other.is_point() && self.lo == other.lo {
            Some(Ordering::Equal)
        } else {
            None
        }
    }
}

impl Bounds {
    /// The bounds of an interval: points when it is exact, otherwise a
    /// half of its length either way.
    fn of_interval(interval: &Interval) -> Bounds {
        if interval.exact {
            return Bounds {
                start: Range::point(interval.start),
                end: Range::point(interval.end),
            };
        }
        let slack = interval.end.signed_duration_since(interval.start) / 2;
        let widen = |at: NaiveDateTime| Range {
            lo: at.checked_sub_signed(slack).unwrap_or(NaiveDateTime::MIN),
            hi: at.checked_add_signed(slack).unwrap_or(NaiveDateTime::MAX),
        };
        Bounds {
            start: widen(interval.start),
            end: widen(interval.end),
        }
    }

    /// The bounds of something that stands in `relation` to `anchor`.
    fn relative_to(relation: Relation, anchor: &Interval) -> Bounds {
        use Relation::*;
        let a = Bounds::of_interval(anchor);
        let (min, max) = (NaiveDateTime::MIN, NaiveDateTime::MAX);
        let open_before = |r: Range| Range { lo: min, hi: r.hi };
        let open_after = |r: Range| Range { lo: r.lo, hi: max };
        let between = |x: Range, y: Range| Range { lo: x.lo, hi: y.hi };
        let (start, end) = match relation {
            Before => (open_before(a.start), open_before(a.start)),
            Ibefore => (open_before(a.start), a.start),
            After => (open_after(a.end), open_after(a.end)),
            Iafter => (a.end, open_after(a.end)),
            IsIncluded | During => (between(a.start, a.end), between(a.start, a.end)),
            Includes | DuringInv => (open_before(a.start), open_after(a.end)),
            Simultaneous | Identity => (a.start, a.end),
            Begins => (a.start, between(a.start, a.end)),
            Ends => (between(a.start, a.end), a.end),
            BegunBy => (a.start, open_after(a.end)),
            EndedBy => (open_before(a.start), a.end),
        };
        Bounds { start, end }
    }
}

enum Side {
    Before,
    At,
    After,
}

fn placement_side(relation: Relation) -> Side {
    use Relation::*;
    match relation {
        Before | Ibefore => Side::Before,
        After | Iafter => Side::After,
        _ => Side::At,
    }
}

/// How a [`Timeline`] is built.
///
/// ```
/// use chronoline::{Timeline, TimelineOptions};
/// let options = TimelineOptions { merge: false, ..TimelineOptions::default() };
/// let timeline = Timeline::with_options(&[], &options);
/// assert!(timeline.is_empty());
/// assert_eq!(TimelineOptions::default().merge_threshold, 0.7);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TimelineOptions {
    /// Whether to merge the same event reported by several documents.
    pub merge: bool,
    /// The merge score (0 to 1) at which two events are the same.
    pub merge_threshold: f64,
    /// Whether to keep timexes that date no event.
    pub timexes: bool,
    /// Whether to keep events with no time at all (they come last).
    pub undated: bool,
    /// Whether an event with no interval that the DCT relation puts
    /// `BEFORE` the DCT takes, as an approximate interval, the last date
    /// (a DATE timex with an interval, not a vague reference, ending by the
    /// DCT) mentioned before it in its sentence or the sentence before: the
    /// way a reader dates "Apple *sued* ..." after "In March 2006, ...".
    pub context_dating: bool,
}

impl Default for TimelineOptions {
    fn default() -> TimelineOptions {
        TimelineOptions {
            merge: true,
            merge_threshold: 0.7,
            timexes: true,
            undated: false,
            context_dating: false,
        }
    }
}

/// An ordered timeline of the dated events (and of the timexes that date
/// no event) of one or more documents.
///
/// A timeline is built from extracted [`Document`]s. Its entries are
///
/// - **dated events**: events with an [`Event::interval`], or linked to a
///   timex that has one by an inclusion relation (`IS_INCLUDED`, `DURING`,
///   `SIMULTANEOUS`, `IDENTITY`);
/// - **events placed by the DCT**: events with no interval whose only time is
///   a relation to the document creation time (`BEFORE` the DCT, `AFTER`
///   it, ...). They keep `interval: None`, and record the relation in
///   [`TimelineEntry::dct_relation`] and the DCT in [`TimelineEntry::anchor`];
/// - **timexes that date no event** ([`EntryKind::Timex`]): every timex with
///   an interval that no event is linked to, so that "the February 2020 Doha
///   Agreement" is on the timeline even when no event was found for it;
/// - with [`TimelineOptions::undated`], events with no time at all, last.
///
/// # Order
///
/// The order is total and deterministic; entries are compared by, in turn:
///
/// 1. the start of the interval (earlier first);
/// 2. the end of the interval (earlier first, so a day comes before the
///    month that starts with it);
/// 3. granularity (finer first);
/// 4. document order: the position of the document in the input, then the
///    byte offset of the mention, then events before timexes, then the id.
///
/// An event placed by the DCT sorts by a stand-in interval: `BEFORE` (and
/// `IBEFORE`, `ENDED_BY`...) the DCT sorts as an empty interval at the
/// DCT's start, so it comes after everything that starts earlier and before
/// the DCT's own day; `AFTER` (`IAFTER`) as an empty interval at the DCT's
/// end; any other relation as the DCT itself. The DCT is its day, or its
/// minute when it has a time. Undated events come last, in document order.
///
/// # Interval algebra
///
/// [`TimeRelation::between`] gives the Allen relation of two entries only
/// when the intervals make it certain. An exact bound is a point; a bound of
/// an inexact interval ("early September", "in recent weeks") may be off by
/// half of its interval's length either way; a bound that only a DCT
/// relation gives is known only on one side. A relation is claimed when it
/// holds for every position of the bounds, so "early September" does not
/// claim to precede "7 September", and two fuzzy bounds are never equal.
///
/// # Cross-document merge
///
/// Two events from different documents are the same event when their merge
/// score reaches [`TimelineOptions::merge_threshold`]. The score adds
///
/// - 0.4 for the same trigger lemma (0.2 for triggers whose lemmas share
///   their first four letters: *convene*, *convention*),
/// - 0.2 times the overlap of the intervals (the shared time over the
///   shorter interval); intervals that do not overlap never merge,
/// - 0.4 times the overlap of the names (words with a capital letter) in
///   the two sentences (shared names over all their names, Jaccard's
///   index), leaving out function words, months, weekdays and common
///   sentence openers ("Today", "However").
///
/// So with the default threshold of 0.7 the same trigger on the same day
/// needs at least three quarters of all the names of the two sentences
/// shared. Pairs merge in order
/// of decreasing score, and never so that one entry holds two mentions of
/// the same document. The merged entry is the mention with the finest
/// granularity (then the exact one, then the first in document order); the
/// others are kept in [`TimelineEntry::mentions`]. Timexes never merge.
///
/// # CSV columns
///
/// [`Timeline::to_csv`] writes a header and one row per entry, in order,
/// quoted as RFC 4180 says (fields with a comma, quote or line break are
/// quoted, quotes doubled):
///
/// | column | content |
/// |---|---|
/// | `position` | 1-based rank on the timeline |
/// | `date` | the start at the entry's granularity, in TIMEX3 style: `2025-12-07`, `2025-09`, `2025-W49`, `2025-Q4`, `2024-SU`, `2025`, `199` (the 1990s), `2025-12-10T19:30`; for an event placed by the DCT, the relation and the DCT: `BEFORE 2025-12-07` |
/// | `start`, `end` | the half-open interval `[start, end)` as `YYYY-MM-DDTHH:MM[:SS]` |
/// | `granularity` | `day`, `month`, ... |
/// | `exact` | `true` or `false`: whether both bounds are exact |
/// | `utc_offset` | an offset given in the text, `+04:30` |
/// | `kind` | `event`, or `timex` for a timex that dates no event |
/// | `text` | the event trigger or the timex text |
/// | `class` | the TimeML event class |
/// | `value` | the TIMEX3 value of the timex that dates the event (or of the timex itself) |
/// | `type` | the TIMEX3 type of that timex |
/// | `dct_relation` | for an event placed by the DCT, its TimeML relation to it |
/// | `dated_by` | where the place in time comes from: `event` (the event's own interval), `link` (its linked timex), `dct`, `context` (the last date before it, see `TimelineOptions::context_dating`), `timex` (a timex entry), `nothing` |
/// | `document` | the document id |
/// | `id` | the event or timex id in the document |
/// | `sentence_index` | the 0-based index of the sentence in the document |
/// | `sentence_id` | the id of the input's sentence markup, if any |
/// | `byte_start`, `byte_end` | the mention's byte offsets in the document text |
/// | `mentions` | how many mentions the entry has (1 unless merged) |
/// | `documents` | the documents of all its mentions, `;`-separated |
/// | `sentence` | the sentence, whitespace runs collapsed to one space |
///
/// ```
/// use chronoline::{Document, Event, EventClass, Interval, Span, Timeline};
/// use chrono::NaiveDate;
///
/// let mut doc = Document::new("d1", "Talks began in September. They ended on 7 December.", None);
/// let mut began = Event::new("e1", Span::new(6, 11), "began", EventClass::Aspectual);
/// began.interval = Interval::month(2025, 9);
/// let mut ended = Event::new("e2", Span::new(31, 36), "ended", EventClass::Aspectual);
/// ended.interval = Some(Interval::day(NaiveDate::from_ymd_opt(2025, 12, 7).unwrap()));
/// doc.events = vec![ended, began];
///
/// let timeline = Timeline::new(&[doc]);
/// let texts: Vec<&str> = timeline.entries().iter().map(|e| e.text.as_str()).collect();
/// assert_eq!(texts, ["began", "ended"]);
/// assert!(timeline.to_csv().starts_with("position,date,start,end,"));
/// ```
///
/// A merged entry across two reports:
///
/// ```
/// use chronoline::{Document, Event, EventClass, Interval, Span, Timeline};
/// use chrono::NaiveDate;
/// let day = |d| Some(Interval::day(NaiveDate::from_ymd_opt(2025, 12, d).unwrap()));
/// let mut a = Document::new("a", "Apple unveiled the phone.", None);
/// let mut e = Event::new("e1", Span::new(6, 14), "unveiled", EventClass::Occurrence);
/// e.interval = day(7);
/// a.events.push(e);
/// let mut b = Document::new("b", "Apple unveils the phone.", None);
/// let mut e = Event::new("e1", Span::new(6, 13), "unveils", EventClass::Occurrence);
/// e.interval = day(7);
/// b.events.push(e);
/// let timeline = Timeline::new(&[a, b]);
/// assert_eq!(timeline.len(), 1);
/// assert_eq!(timeline.entries()[0].mentions.len(), 1);
/// assert_eq!(timeline.about("apple").len(), 1);
/// assert!(timeline.about("Samsung").is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    entries: Vec<TimelineEntry>,
}

impl<'a> IntoIterator for &'a Timeline {
    type Item = &'a TimelineEntry;
    type IntoIter = std::slice::Iter<'a, TimelineEntry>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

impl Timeline {
    /// A timeline of the documents with the default options.
    pub fn new(docs: &[Document]) -> Timeline {
        Timeline::with_options(docs, &TimelineOptions::default())
    }

    /// A timeline of the documents.
    pub fn with_options(docs: &[Document], options: &TimelineOptions) -> Timeline {
        Timeline::from_entries(docs.iter().map(|doc| entries_of(doc, options)), options)
    }

    /// A timeline of entries already taken from their documents: one item
    /// per document, in document order, each holding that document's
    /// unmerged entries (such as the entries of its own timeline). It is the
    /// timeline [`with_options`](Timeline::with_options) builds from the
    /// documents themselves, so the per-document work can run elsewhere (on
    /// other processes or machines) and only the merge across documents and
    /// the order run here. Of the options, only `merge` and
    /// `merge_threshold` apply; the others chose the entries already.
    ///
    /// ```
    /// use chronoline::{Extractor, Timeline, TimelineOptions};
    /// let extractor = Extractor::new();
    /// let dct = "2025-12-08".parse().ok();
    /// let mut a = extractor.extract("The Kabul council met on 7 December 2025.", dct.clone());
    /// let mut b = extractor.extract("On 7 December the Kabul council met.", dct);
    /// (a.id, b.id) = ("a".into(), "b".into());
    /// let options = TimelineOptions::default();
    /// let per_document = [&a, &b].map(|doc| {
    ///     Timeline::with_options(std::slice::from_ref(doc), &options).entries().to_vec()
    /// });
    /// let joined = Timeline::from_entries(per_document, &options);
    /// assert_eq!(joined, Timeline::with_options(&[a, b], &options));
    /// ```
    pub fn from_entries<I>(documents: I, options: &TimelineOptions) -> Timeline
    where
        I: IntoIterator,
        I::Item: IntoIterator<Item = TimelineEntry>,
    {
        let mut entries: Vec<(usize, TimelineEntry)> = Vec::new();
        for (position, doc_entries) in documents.into_iter().enumerate() {
            entries.extend(doc_entries.into_iter().map(|e| (position, e)));
        }
        if options.merge {
            entries = merge(entries, options.merge_threshold);
        }
        entries.sort_by(|(pa, a), (pb, b)| compare_entries(*pa, a, *pb, b));
        Timeline {
            entries: entries.into_iter().map(|(_, e)| e).collect(),
        }
    }

    /// The entries, in order.
    pub fn entries(&self) -> &[TimelineEntry] {
        &self.entries
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the timeline has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The Allen relation of entries `a` and `b` (indices into
    /// [`entries`](Timeline::entries)), when certain.
    pub fn relation(&self, a: usize, b: usize) -> Option<TimeRelation> {
        self.entries.get(a)?.relation_to(self.entries.get(b)?)
    }

    /// The entries whose sentence (or a merged mention's sentence) mentions
    /// `entity`: words compared without case, possessive `'s` or a plural
    /// ending, so "iPhone 4" matches "IPHONE 4's" and "Apple" "Apple's".
    ///
    /// ```
    /// use chronoline::{Document, Timex, Timeline};
    /// let timeline = Timeline::new(&[]);
    /// assert!(timeline.about("iPhone 4").is_empty());
    /// ```
    pub fn about(&self, entity: &str) -> Timeline {
        self.about_any(&[entity])
    }

    /// The entries whose sentence mentions any of the names (an entity and
    /// its aliases).
    pub fn about_any(&self, names: &[&str]) -> Timeline {
        self.narrowed(names, None)
    }

    /// The entries whose trigger (or timex) is at most `max_words` words
    /// away from a mention of one of the names in the same sentence: a
    /// closer reading of "about" that leaves out the other events of long
    /// sentences. Distance 0 is inside the name, 1 the word next to it.
    ///
    /// ```
    /// use chronoline::{Document, Event, EventClass, Interval, Span, Timeline};
    /// let text = "Apple sued the label, and in London the court ruled for the band.";
    /// let mut doc = Document::new("d", text, None);
    /// for (id, word) in [("e1", "sued"), ("e2", "ruled")] {
    ///     let start = text.find(word).unwrap();
    ///     let mut e = Event::new(id, Span::new(start, start + word.len()), word, EventClass::Occurrence);
    ///     e.interval = Interval::month(2006, 3);
    ///     doc.events.push(e);
    /// }
    /// let timeline = Timeline::new(&[doc]);
    /// assert_eq!(timeline.about("Apple").len(), 2);
    /// let near = timeline.about_near(&["Apple"], 3);
    /// assert_eq!(near.len(), 1);
    /// assert_eq!(near.entries()[0].text, "sued");
    /// ```
    pub fn about_near(&self, names: &[&str], max_words: usize) -> Timeline {
        self.narrowed(names, Some(max_words))
    }

    fn narrowed(&self, names: &[&str], max_words: Option<usize>) -> Timeline {
        let patterns: Vec<Vec<String>> = names
            .iter()
            .map(|name| words(name).map(word_key).collect::<Vec<_>>())
            .filter(|p| !p.is_empty())
            .collect();
        let mentions_entity = |sentence: &str, sentence_span: Option<Span>, at: Span| {
            let keys: Vec<String> = words(sentence).map(word_key).collect();
            let Some(max_words) = max_words else {
                return patterns.iter().any(|p| contains_run(&keys, p));
            };
            let Some(position) = word_position(sentence, sentence_span, at) else {
                return false;
            };
            patterns.iter().any(|p| {
                keys.windows(p.len()).enumerate().any(|(first, window)| {
                    let last = first + p.len() - 1;
                    window == p.as_slice()
                        && position + max_words >= first
                        && position <= last + max_words
                })
            })
        };
        let entries = self
            .entries
            .iter()
            .filter(|e| {
                mentions_entity(&e.sentence, e.sentence_span, e.span)
                    || e.mentions
                        .iter()
                        .any(|m| mentions_entity(&m.sentence, m.sentence_span, m.span))
            })
            .cloned()
            .collect();
        Timeline { entries }
    }

    /// The timeline as CSV, one row per entry (columns in the [`Timeline`]
    /// docs).
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        csv::push_row(&mut out, CSV_COLUMNS.iter().copied());
        for (i, entry) in self.entries.iter().enumerate() {
            let interval = entry.interval.as_ref();
            let fields = [
                (i + 1).to_string(),
                display_date(entry),
                interval
                    .map(|i| format_instant(i.start))
                    .unwrap_or_default(),
                interval.map(|i| format_instant(i.end)).unwrap_or_default(),
                interval
                    .map(|i| i.granularity.as_str().to_string())
                    .unwrap_or_default(),
                interval.map(|i| i.exact.to_string()).unwrap_or_default(),
                interval
                    .and_then(|i| i.utc_offset_minutes)
                    .map(format_offset)
                    .unwrap_or_default(),
                entry.kind.as_str().to_string(),
                entry.text.clone(),
                entry
                    .class
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_default(),
                entry.value.clone().unwrap_or_default(),
                entry
                    .timex_type
                    .map(|t| t.as_str().to_string())
                    .unwrap_or_default(),
                entry
                    .dct_relation
                    .map(|r| r.as_str().to_string())
                    .unwrap_or_default(),
                entry.dated_by.as_str().to_string(),
                entry.document.clone(),
                entry.id.clone(),
                entry
                    .sentence_index
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                entry.sentence_id.clone().unwrap_or_default(),
                entry.span.start.to_string(),
                entry.span.end.to_string(),
                (entry.mentions.len() + 1).to_string(),
                entry.all_documents().join(";"),
                collapse_whitespace(&entry.sentence),
            ];
            csv::push_row(&mut out, fields.iter().map(String::as_str));
        }
        out
    }

    /// The timeline as JSON: `{"entries": [...]}`, each entry with the
    /// fields of [`TimelineEntry`].
    ///
    /// ```
    /// let json = chronoline::Timeline::new(&[]).to_json();
    /// assert_eq!(json, r#"{"entries":[]}"#);
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from(r#"{"entries":[]}"#))
    }

    /// The event entries in the SemEval-2015 Task 4 format: the entity on
    /// the first line, then `rank<TAB>date<TAB>docid-sentence-word...`, one
    /// line per entry with its merged mentions on the same line.
    ///
    /// `docid` is the document id, `sentence` the id of the input's
    /// sentence markup (else the 1-based sentence number), `word` the
    /// trigger with spaces as `_`. Dates are `YYYY-MM-DD` for days and
    /// finer, `YYYY-MM` for months, `YYYY` for seasons, quarters, halves,
    /// years and coarser; a start that does not begin its unit is written
    /// as a day. An event placed by a DCT relation that holds at the DCT
    /// (`INCLUDES`, `IS_INCLUDED`, `DURING`, `SIMULTANEOUS`, ...) takes the
    /// DCT's date. Other events with no interval (`BEFORE` or `AFTER` the
    /// DCT, or kept with [`TimelineOptions::undated`]) are `XXXX-XX-XX` at
    /// rank 0; the dated ones are ranked from 1 in timeline
    /// order, a new rank whenever the date changes. Timex entries are left
    /// out, and a mention is written once (two events with the same word in
    /// one sentence have one name).
    ///
    /// ```
    /// use chronoline::{Document, Event, EventClass, Interval, Span, Timeline};
    /// let mut doc = Document::new("16844", "Apple unveiled the iPhone 4.", None);
    /// let mut e = Event::new("e1", Span::new(6, 14), "unveiled", EventClass::Occurrence);
    /// e.interval = Interval::month(2010, 6);
    /// doc.events.push(e);
    /// let out = Timeline::new(&[doc]).to_semeval2015("iPhone 4");
    /// assert_eq!(out, "iPhone 4\n1\t2010-06\t16844-1-unveiled\n");
    /// ```
    pub fn to_semeval2015(&self, entity: &str) -> String {
        let mut undated = Vec::new();
        let mut dated: Vec<(String, Vec<String>)> = Vec::new();
        // Two events with the same word in one sentence have one name.
        let mut written: HashSet<String> = HashSet::new();
        for entry in self.entries.iter().filter(|e| e.kind == EntryKind::Event) {
            let mut mentions = vec![semeval_mention(
                &entry.document,
                entry.sentence_id.as_deref(),
                entry.sentence_index,
                &entry.text,
            )];
            mentions.extend(entry.mentions.iter().map(|m| {
                semeval_mention(
                    &m.document,
                    m.sentence_id.as_deref(),
                    m.sentence_index,
                    &m.text,
                )
            }));
            mentions.retain(|m| written.insert(m.clone()));
            if mentions.is_empty() {
                continue;
            }
            match (&entry.interval, entry.dct_relation, &entry.anchor) {
                (Some(interval), _, _) => dated.push((semeval_date(interval), mentions)),
                (None, Some(relation), Some(dct)) if holds_at_dct(relation) => {
                    dated.push((semeval_date(dct), mentions))
                }
                _ => undated.push(mentions),
            }
        }
        let mut out = format!("{}\n", entity.trim());
        for mentions in undated {
            out.push_str(&format!("0\tXXXX-XX-XX\t{}\n", mentions.join("\t")));
        }
        let mut rank = 0;
        let mut previous: Option<&str> = None;
        for (date, mentions) in &dated {
            if previous != Some(date.as_str()) {
                rank += 1;
                previous = Some(date);
            }
            out.push_str(&format!("{rank}\t{date}\t{}\n", mentions.join("\t")));
        }
        out
    }

    /// The timeline as a TimelineJS 3 JSON document (`{"events": [...]}`).
    /// Entries placed only by the DCT or undated are left out: TimelineJS
    /// needs a start date.
    ///
    /// ```
    /// let json = chronoline::Timeline::new(&[]).to_timelinejs();
    /// assert_eq!(json, r#"{"events":[]}"#);
    /// ```
    pub fn to_timelinejs(&self) -> String {
        let events = self
            .entries
            .iter()
            .filter_map(|entry| {
                let interval = entry.interval.as_ref()?;
                Some(timelinejs::Event {
                    start_date: timelinejs::Date::at(interval.start, interval.granularity),
                    end_date: spans_more_than_one_unit(interval).then(|| {
                        let last = interval.end - Duration::seconds(1);
                        timelinejs::Date::at(last, interval.granularity)
                    }),
                    text: timelinejs::Text {
                        headline: entry.text.clone(),
                        text: format!(
                            "{} ({})",
                            collapse_whitespace(&entry.sentence),
                            entry.all_documents().join(", ")
                        ),
                    },
                    group: entry.document.clone(),
                    unique_id: format!("{}-{}", entry.document, entry.id),
                })
            })
            .collect();
        timelinejs::to_json(&timelinejs::Document { events })
    }
}

const CSV_COLUMNS: &[&str] = &[
    "position",
    "date",
    "start",
    "end",
    "granularity",
    "exact",
    "utc_offset",
    "kind",
    "text",
    "class",
    "value",
    "type",
    "dct_relation",
    "dated_by",
    "document",
    "id",
    "sentence_index",
    "sentence_id",
    "byte_start",
    "byte_end",
    "mentions",
    "documents",
    "sentence",
];

/// The entries one document contributes.
fn entries_of(doc: &Document, options: &TimelineOptions) -> Vec<TimelineEntry> {
    let dct_interval = doc.dct.as_ref().map(dct_interval);
    let sentences = sentences_of(doc);
    let mut dating: HashSet<&str> = HashSet::new();
    for event in &doc.events {
        if let Some(tid) = event.time.as_deref() {
            dating.insert(tid);
        }
    }
    for link in &doc.links {
        use crate::model::LinkEnd;
        match (&link.source, &link.target) {
            (LinkEnd::Event(_), LinkEnd::Time(t)) | (LinkEnd::Time(t), LinkEnd::Event(_)) => {
                dating.insert(t.as_str());
            }
            _ => {}
        }
    }
    let mut entries = Vec::new();
    for event in &doc.events {
        if let Some(entry) = event_entry(doc, &sentences, event, dct_interval.as_ref(), options) {
            entries.push(entry);
        }
    }
    if options.timexes {
        for timex in &doc.timexes {
            if timex.interval.is_some() && !dating.contains(timex.id.as_str()) {
                entries.push(timex_entry(doc, &sentences, timex));
            }
        }
    }
    entries
}

fn event_entry(
    doc: &Document,
    sentences: &[Sentence],
    event: &Event,
    dct_interval: Option<&Interval>,
    options: &TimelineOptions,
) -> Option<TimelineEntry> {
    let dating_timex = event
        .time
        .as_deref()
        .filter(|t| *t != "t0")
        .and_then(|t| doc.timex(t));
    let by_dct = event.time.as_deref() == Some("t0");
    let (value, timex_type) = match (dating_timex, by_dct, doc.dct.as_ref()) {
        (Some(t), _, _) => (Some(t.value.clone()), Some(t.kind)),
        (None, true, Some(dct)) => (Some(dct.value()), Some(TimexType::Date)),
        _ => (None, None),
    };
    let inherits = |r: Option<Relation>| {
        matches!(
            r,
            None | Some(
                Relation::IsIncluded
                    | Relation::During
                    | Relation::Simultaneous
                    | Relation::Identity
            )
        )
    };
    let mut interval = event.interval;
    let mut dated_by = DatedBy::Event;
    if interval.is_none() && inherits(event.relation) {
        (interval, dated_by) = match (dating_timex, by_dct) {
            (Some(t), _) => (t.interval, DatedBy::Link),
            (None, true) => (dct_interval.copied(), DatedBy::Dct),
            _ => (None, DatedBy::Nothing),
        };
    }
    let (mut dct_relation, mut anchor) = match (interval, by_dct, event.relation, dct_interval) {
        (None, true, Some(relation), Some(dct)) => (Some(relation), Some(*dct)),
        _ => (None, None),
    };
    let located = sentence_of(doc, sentences, event.span);
    let (mut value, mut timex_type) = (value, timex_type);
    if interval.is_none() && dct_relation == Some(Relation::Before) && options.context_dating {
        if let Some((timex, mut found)) =
            context_date(doc, sentences, event.span, located.index, dct_interval)
        {
            found.exact = false;
            interval = Some(found);
            dated_by = DatedBy::Context;
            value = Some(timex.value.clone());
            timex_type = Some(timex.kind);
            (dct_relation, anchor) = (None, None);
        }
    }
    if interval.is_none() {
        dated_by = if dct_relation.is_some() {
            DatedBy::Dct
        } else {
            DatedBy::Nothing
        };
    }
    if interval.is_none() && dct_relation.is_none() && !options.undated {
        return None;
    }
    Some(TimelineEntry {
        kind: EntryKind::Event,
        id: event.id.clone(),
        text: event.text.clone(),
        class: Some(event.class),
        value,
        timex_type,
        interval,
        dated_by,
        dct_relation,
        anchor,
        document: doc.id.clone(),
        sentence_index: located.index,
        sentence_id: located.id,
        sentence: located.text,
        sentence_span: located.span,
        span: event.span,
        mentions: Vec::new(),
    })
}

fn timex_entry(doc: &Document, sentences: &[Sentence], timex: &Timex) -> TimelineEntry {
    let located = sentence_of(doc, sentences, timex.span);
    TimelineEntry {
        kind: EntryKind::Timex,
        id: timex.id.clone(),
        text: timex.text.clone(),
        class: None,
        value: Some(timex.value.clone()),
        timex_type: Some(timex.kind),
        interval: timex.interval,
        dated_by: DatedBy::Timex,
        dct_relation: None,
        anchor: None,
        document: doc.id.clone(),
        sentence_index: located.index,
        sentence_id: located.id,
        sentence: located.text,
        sentence_span: located.span,
        span: timex.span,
        mentions: Vec::new(),
    }
}

/// The last date mentioned before `at`, in its sentence or the one
/// before, that ends by the end of the DCT (see
/// [`TimelineOptions::context_dating`]).
fn context_date<'d>(
    doc: &'d Document,
    sentences: &[Sentence],
    at: Span,
    sentence: Option<usize>,
    dct: Option<&Interval>,
) -> Option<(&'d Timex, Interval)> {
    let sentence = sentence?;
    doc.timexes
        .iter()
        .take_while(|t| t.span.start < at.start)
        .filter(|t| t.kind == TimexType::Date && !t.value.ends_with("_REF"))
        .filter_map(|t| Some((t, t.interval?)))
        .filter(|(t, interval)| {
            let near = sentence_of(doc, sentences, t.span)
                .index
                .is_some_and(|i| i + 1 >= sentence && i <= sentence);
            near && dct.is_none_or(|d| interval.end <= d.end)
        })
        .last()
}

/// The sentences of a document: its own, or when it has none (a document
/// built by hand, TimeML without sentence markup) the splitter's.
fn sentences_of(doc: &Document) -> Cow<'_, [Sentence]> {
    if !doc.sentences.is_empty() {
        return Cow::Borrowed(&doc.sentences);
    }
    let tokens = text::tokenize(&doc.text);
    Cow::Owned(
        text::sentences(&doc.text, &tokens)
            .into_iter()
            .map(|span| Sentence { span, id: None })
            .collect(),
    )
}

fn sentence_of(doc: &Document, sentences: &[Sentence], span: Span) -> Located {
    let i = sentences.partition_point(|s| s.span.end <= span.start);
    let Some(found) = sentences.get(i).filter(|s| s.span.start <= span.start) else {
        return Located::default();
    };
    let raw = found.span.slice(&doc.text).unwrap_or("");
    let text = raw.trim();
    let start = found.span.start + (raw.len() - raw.trim_start().len());
    Located {
        index: Some(i),
        id: found.id.clone(),
        span: Some(Span::new(start, start + text.len())),
        text: text.to_string(),
    }
}

/// The sentence a mention is in.
#[derive(Default)]
struct Located {
    index: Option<usize>,
    id: Option<String>,
    span: Option<Span>,
    text: String,
}

/// The DCT as an interval: its day, or its minute when it has a time.
fn dct_interval(dct: &Dct) -> Interval {
    let day = Interval::day(dct.date);
    let Some(time) = dct.time else {
        return day;
    };
    let start = dct.date.and_time(time);
    let mut minute =
        Interval::new(start, start + Duration::minutes(1), Granularity::Minute).unwrap_or(day);
    minute.utc_offset_minutes = dct.utc_offset_minutes;
    minute
}

/// The timeline order (see the `Timeline` docs). Undated entries sort last.
fn compare_entries(pa: usize, a: &TimelineEntry, pb: usize, b: &TimelineEntry) -> Ordering {
    let placed = |e: &TimelineEntry| e.sort_interval();
    let time_order = match (placed(a), placed(b)) {
        (Some((sa, ea, ga)), Some((sb, eb, gb))) => sa.cmp(&sb).then(ea.cmp(&eb)).then(ga.cmp(&gb)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    time_order
        .then(pa.cmp(&pb))
        .then(a.span.start.cmp(&b.span.start))
        .then(a.span.end.cmp(&b.span.end))
        .then(a.kind.cmp(&b.kind))
        .then_with(|| a.id.cmp(&b.id))
        .then_with(|| a.text.cmp(&b.text))
}

// ------------------------------------------------------------------ merge

struct Candidate {
    lemma: String,
    names: BTreeSet<String>,
}

/// Merges the same event across documents (see the `Timeline` docs).
fn merge(entries: Vec<(usize, TimelineEntry)>, threshold: f64) -> Vec<(usize, TimelineEntry)> {
    let candidates: Vec<Option<Candidate>> = entries
        .iter()
        .map(|(_, e)| {
            (e.kind == EntryKind::Event && e.interval.is_some()).then(|| Candidate {
                lemma: lemma(&e.text),
                names: names(&e.sentence),
            })
        })
        .collect();
    // Triggers that can merge share their first four letters, so only
    // entries in the same bucket are compared.
    let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, c) in candidates.iter().enumerate() {
        if let Some(c) = c {
            buckets.entry(prefix(&c.lemma)).or_default().push(i);
        }
    }
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for members in buckets.values() {
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                let (pi, a) = &entries[i];
                let (pj, b) = &entries[j];
                if pi == pj || a.document == b.document {
                    continue;
                }
                let (Some(ca), Some(cb)) = (&candidates[i], &candidates[j]) else {
                    continue;
                };
                if let Some(score) = merge_score(a, ca, b, cb) {
                    if score + 1e-9 >= threshold {
                        pairs.push((score, i, j));
                    }
                }
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));

    let mut cluster: Vec<usize> = (0..entries.len()).collect();
    let mut documents: Vec<BTreeSet<usize>> =
        entries.iter().map(|(p, _)| BTreeSet::from([*p])).collect();
    fn root(cluster: &mut [usize], mut i: usize) -> usize {
        while cluster[i] != i {
            cluster[i] = cluster[cluster[i]];
            i = cluster[i];
        }
        i
    }
    for (_, i, j) in pairs {
        let (ri, rj) = (root(&mut cluster, i), root(&mut cluster, j));
        if ri == rj || !documents[ri].is_disjoint(&documents[rj]) {
            continue;
        }
        let (keep, gone) = (ri.min(rj), ri.max(rj));
        cluster[gone] = keep;
        let moved = std::mem::take(&mut documents[gone]);
        documents[keep].extend(moved);
    }

    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..entries.len() {
        let r = root(&mut cluster, i);
        groups.entry(r).or_default().push(i);
    }
    let mut slots: Vec<Option<(usize, TimelineEntry)>> = entries.into_iter().map(Some).collect();
    let mut merged = Vec::with_capacity(groups.len());
    for members in groups.into_values() {
        let mut group: Vec<(usize, TimelineEntry)> =
            members.iter().filter_map(|&i| slots[i].take()).collect();
        group.sort_by(|(pa, a), (pb, b)| representative_order(*pa, a, *pb, b));
        let mut group = group.into_iter();
        let Some((position, mut head)) = group.next() else {
            continue;
        };
        head.mentions = group.map(|(_, e)| mention_of(e)).collect();
        merged.push((position, head));
    }
    merged
}

/// The merged entry is the finest, then exact, then first mention.
fn representative_order(pa: usize, a: &TimelineEntry, pb: usize, b: &TimelineEntry) -> Ordering {
    let grain = |e: &TimelineEntry| e.interval.map(|i| i.granularity);
    let exact = |e: &TimelineEntry| !e.interval.map(|i| i.exact).unwrap_or(false);
    grain(a)
        .cmp(&grain(b))
        .then(exact(a).cmp(&exact(b)))
        .then(pa.cmp(&pb))
        .then(a.span.start.cmp(&b.span.start))
}

fn mention_of(entry: TimelineEntry) -> Mention {
    Mention {
        document: entry.document,
        id: entry.id,
        text: entry.text,
        span: entry.span,
        sentence_index: entry.sentence_index,
        sentence_id: entry.sentence_id,
        sentence: entry.sentence,
        sentence_span: entry.sentence_span,
        interval: entry.interval,
    }
}

/// The merge score of two dated events, or `None` when they cannot merge.
fn merge_score(
    a: &TimelineEntry,
    ca: &Candidate,
    b: &TimelineEntry,
    cb: &Candidate,
) -> Option<f64> {
    let trigger = if ca.lemma == cb.lemma {
        1.0
    } else if prefix(&ca.lemma) == prefix(&cb.lemma) && ca.lemma.len() >= 4 && cb.lemma.len() >= 4 {
        0.5
    } else {
        return None;
    };
    let (ia, ib) = (a.interval.as_ref()?, b.interval.as_ref()?);
    let shared = ia
        .end
        .min(ib.end)
        .signed_duration_since(ia.start.max(ib.start));
    if shared <= Duration::zero() {
        return None;
    }
    let shorter = ia
        .end
        .signed_duration_since(ia.start)
        .min(ib.end.signed_duration_since(ib.start));
    let time = ratio(shared, shorter);
    let union = ca.names.union(&cb.names).count();
    let names = if union == 0 {
        0.0
    } else {
        ca.names.intersection(&cb.names).count() as f64 / union as f64
    };
    Some(0.4 * trigger + 0.2 * time + 0.4 * names)
}

fn ratio(part: Duration, whole: Duration) -> f64 {
    let whole = whole.num_seconds();
    if whole <= 0 {
        return 1.0;
    }
    (part.num_seconds() as f64 / whole as f64).clamp(0.0, 1.0)
}

fn prefix(lemma: &str) -> String {
    lemma.chars().take(4).collect()
}

fn irregular_forms() -> &'static HashMap<&'static str, &'static str> {
    static FORMS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    FORMS.get_or_init(|| {
        lexicon::rows(include_str!("../data/timeline/irregular_forms.tsv"))
            .filter_map(|row| Some((*row.first()?, *row.get(1)?)))
            .collect()
    })
}

fn name_stopwords() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        lexicon::lines(include_str!("../data/timeline/name_stopwords.txt")).collect()
    })
}

/// A crude lemma of a trigger word: irregular forms from the data file,
/// then common inflection endings removed.
fn lemma(trigger: &str) -> String {
    let lower = trigger.trim().to_lowercase();
    if let Some(base) = irregular_forms().get(lower.as_str()) {
        return (*base).to_string();
    }
    strip_inflection(&lower)
}

fn strip_inflection(word: &str) -> String {
    let long_enough = |stem: &str| stem.chars().count() >= 3;
    if let Some(stem) = word.strip_suffix("ies").filter(|s| long_enough(s)) {
        return format!("{stem}y");
    }
    for suffix in ["ing", "ed", "es", "s", "e"] {
        if let Some(stem) = word.strip_suffix(suffix).filter(|s| long_enough(s)) {
            if suffix == "s" && stem.ends_with('s') {
                // "process", "press": not a plural.
                return word.to_string();
            }
            return stem.to_string();
        }
    }
    word.to_string()
}

/// The names of a sentence (words with a capital letter: "Apple",
/// "iPhone", "UN"), lowercased.
fn names(sentence: &str) -> BTreeSet<String> {
    words(sentence)
        .filter(|w| w.chars().any(char::is_uppercase))
        .map(word_key)
        .filter(|w| !name_stopwords().contains(w.as_str()))
        .collect()
}

/// The words of a text: runs of letters, digits and inner apostrophes.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
}

/// A word compared without case, possessive or plural ending.
fn word_key(word: &str) -> String {
    let lower = word.to_lowercase();
    let base = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("\u{2019}s"))
        .unwrap_or(&lower);
    let base = if base.chars().count() > 3 {
        base.strip_suffix("es")
            .filter(|s| s.ends_with(['s', 'x', 'z']) || s.ends_with("ch") || s.ends_with("sh"))
            .or_else(|| base.strip_suffix('s').filter(|s| !s.ends_with('s')))
            .unwrap_or(base)
    } else {
        base
    };
    base.to_string()
}

/// The index of the word of `sentence` that starts at `at`.
fn word_position(sentence: &str, sentence_span: Option<Span>, at: Span) -> Option<usize> {
    let offset = at.start.checked_sub(sentence_span?.start)?;
    Some(words(sentence.get(..offset)?).count())
}

fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

// ------------------------------------------------------------------ output

fn format_instant(at: NaiveDateTime) -> String {
    if at.format("%S").to_string() == "00" {
        at.format("%Y-%m-%dT%H:%M").to_string()
    } else {
        at.format("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

fn format_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    format!("{sign}{:02}:{:02}", minutes.abs() / 60, minutes.abs() % 60)
}

/// The `date` column: the start at the entry's granularity.
fn display_date(entry: &TimelineEntry) -> String {
    if let Some(interval) = &entry.interval {
        return date_at(interval.start, interval.granularity);
    }
    match (entry.dct_relation, &entry.anchor) {
        (Some(relation), Some(anchor)) => {
            format!("{relation} {}", date_at(anchor.start, anchor.granularity))
        }
        _ => String::new(),
    }
}

/// `at` in TIMEX3 style at `granularity`, or at a finer one when `at` does
/// not start a unit of it ("the past four years" from 2021-12-07 is
/// written `2021-12-07`, not `2021`).
fn date_at(at: NaiveDateTime, granularity: Granularity) -> String {
    use Granularity::*;
    let mut granularity = granularity;
    while !starts_unit(at, granularity) {
        granularity = match granularity {
            Millennium => Century,
            Century => Decade,
            Decade => Year,
            Year => Half,
            Half => Quarter,
            Quarter | Season => Month,
            Month | Week => Day,
            PartOfDay | Day => Hour,
            Hour => Minute,
            Minute | Second => Second,
        };
        if granularity == Second {
            break;
        }
    }
    let year = at.year();
    match granularity {
        Second => at.format("%Y-%m-%dT%H:%M:%S").to_string(),
        Minute => at.format("%Y-%m-%dT%H:%M").to_string(),
        Hour => at.format("%Y-%m-%dT%H").to_string(),
        PartOfDay | Day => at.format("%Y-%m-%d").to_string(),
        Week => {
            let week = at.date().iso_week();
            format!("{:04}-W{:02}", week.year(), week.week())
        }
        Month => at.format("%Y-%m").to_string(),
        Season => {
            let (season_year, code) = match at.month() {
                12 => (year, "WI"),
                1 | 2 => (year - 1, "WI"),
                3..=5 => (year, "SP"),
                6..=8 => (year, "SU"),
                _ => (year, "FA"),
            };
            format!("{season_year:04}-{code}")
        }
        Quarter => format!("{year:04}-Q{}", (at.month() - 1) / 3 + 1),
        Half => format!("{year:04}-H{}", (at.month() - 1) / 6 + 1),
        Year => format!("{year:04}"),
        Decade => format!("{:03}", year.div_euclid(10)),
        Century => format!("{:02}", year.div_euclid(100)),
        Millennium => format!("{}", year.div_euclid(1000)),
    }
}

/// Whether an event in `relation` to the DCT holds at the DCT (it is dated
/// by the DCT in the SemEval-2015 format: "the iPhone 4 *has* a glass
/// back" in a report of 8 June is dated 8 June).
fn holds_at_dct(relation: Relation) -> bool {
    use Relation::*;
    matches!(
        relation,
        Includes | IsIncluded | During | DuringInv | Simultaneous | Identity | BegunBy | EndedBy
    )
}

/// `docid-sentence-word` for the SemEval-2015 format.
fn semeval_mention(
    document: &str,
    sentence_id: Option<&str>,
    sentence_index: Option<usize>,
    word: &str,
) -> String {
    let sentence = match (sentence_id, sentence_index) {
        (Some(id), _) => id.to_string(),
        (None, Some(i)) => (i + 1).to_string(),
        (None, None) => "0".to_string(),
    };
    let word = word.split_whitespace().collect::<Vec<_>>().join("_");
    format!("{document}-{sentence}-{word}")
}

/// A SemEval-2015 date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, never finer
/// than the interval's granularity claims, and a day when the start does
/// not begin a month.
fn semeval_date(interval: &Interval) -> String {
    let start = interval.start;
    if interval.granularity <= Granularity::Week || !starts_unit(start, Granularity::Month) {
        start.format("%Y-%m-%d").to_string()
    } else if interval.granularity == Granularity::Month {
        start.format("%Y-%m").to_string()
    } else {
        format!("{:04}", start.year())
    }
}

/// Whether `at` is the first instant of a unit of `granularity`.
fn starts_unit(at: NaiveDateTime, granularity: Granularity) -> bool {
    use Granularity::*;
    let midnight = at.time() == NaiveTime::MIN;
    let first_of_month = midnight && at.day() == 1;
    let first_of_year = first_of_month && at.month() == 1;
    match granularity {
        Second => true,
        Minute => at.second() == 0 && at.nanosecond() == 0,
        Hour => at.minute() == 0 && at.second() == 0 && at.nanosecond() == 0,
        // A part of the day starts at its own hour; it is written as its day.
        PartOfDay => true,
        Day => midnight,
        Week => midnight && at.weekday() == chrono::Weekday::Mon,
        Month => first_of_month,
        Season => first_of_month && at.month() % 3 == 0,
        Quarter => first_of_month && at.month() % 3 == 1,
        Half => first_of_month && at.month() % 6 == 1,
        Year => first_of_year,
        Decade => first_of_year && at.year().rem_euclid(10) == 0,
        Century => first_of_year && at.year().rem_euclid(100) == 0,
        Millennium => first_of_year && at.year().rem_euclid(1000) == 0,
    }
}

/// Whether the interval is longer than one unit of its granularity (a
/// month-granular "September" is one unit; "the past three months" is not).
fn spans_more_than_one_unit(interval: &Interval) -> bool {
    use Granularity::*;
    let start = interval.start;
    let months = |n: u32| start.checked_add_months(chrono::Months::new(n));
    let one_unit_end = match interval.granularity {
        Second => start.checked_add_signed(Duration::seconds(1)),
        Minute => start.checked_add_signed(Duration::minutes(1)),
        Hour => start.checked_add_signed(Duration::hours(1)),
        PartOfDay | Day => start.date().succ_opt().map(|d| d.and_time(NaiveTime::MIN)),
        Week => start.checked_add_signed(Duration::days(7)),
        Month => months(1),
        Season | Quarter => months(3),
        Half => months(6),
        Year => months(12),
        Decade => months(120),
        Century => months(1200),
        Millennium => months(12000),
    };
    one_unit_end.is_some_and(|end| interval.end > end)
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

mod entity;
mod semeval;

pub use entity::EntityOptions;
pub use semeval::{evaluate_timeline, TimelineScores};

#[cfg(test)]
mod tests;
