//! The data model: documents, temporal expressions, events and links.
//!
//! Every span is a pair of **byte** offsets into [`Document::text`]; the
//! Python binding converts them to `str` offsets. Every interval is
//! **half-open**, `[start, end)`: "September 2025" is
//! `[2025-09-01T00:00, 2025-10-01T00:00)` and "7 December 2025" is
//! `[2025-12-07T00:00, 2025-12-08T00:00)`.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// A byte range `[start, end)` into a document's text.
///
/// ```
/// use chronoline::Span;
/// let text = "on Sunday";
/// let span = Span::new(3, 9);
/// assert_eq!(span.slice(text), Some("Sunday"));
/// assert_eq!(span.len(), 6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    ///
    /// ```
    /// assert_eq!(chronoline::Span::new(1, 4).end, 4);
    /// ```
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The number of bytes covered.
    ///
    /// ```
    /// assert_eq!(chronoline::Span::new(2, 7).len(), 5);
    /// ```
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    ///
    /// ```
    /// assert!(chronoline::Span::new(3, 3).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether the two spans share at least one byte.
    ///
    /// ```
    /// use chronoline::Span;
    /// assert!(Span::new(0, 4).overlaps(Span::new(3, 6)));
    /// assert!(!Span::new(0, 3).overlaps(Span::new(3, 6)));
    /// ```
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text the span covers, or `None` if it is out of range or not on
    /// character boundaries.
    ///
    /// ```
    /// assert_eq!(chronoline::Span::new(0, 1).slice("été"), None);
    /// assert_eq!(chronoline::Span::new(0, 3).slice("été"), Some("ét"));
    /// ```
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
}

/// The TIMEX3 `type` attribute.
///
/// ```
/// use chronoline::TimexType;
/// assert_eq!("DURATION".parse::<TimexType>().unwrap(), TimexType::Duration);
/// assert_eq!(TimexType::Set.as_str(), "SET");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: `2025-12-07`, `2025-09`, `PAST_REF`.
    Date,
    /// A time of day: `2025-12-10T19:30`.
    Time,
    /// An amount of time: `P91D`.
    Duration,
    /// A recurrence: `P1W` with `quant="EVERY"`.
    Set,
}

/// The TIMEX3 `mod` attribute.
///
/// ```
/// use chronoline::Modifier;
/// assert_eq!("START".parse::<Modifier>().unwrap(), Modifier::Start);
/// assert_eq!(Modifier::LessThan.as_str(), "LESS_THAN");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Modifier {
    /// "before" a point.
    Before,
    /// "after" a point.
    After,
    /// "on or before".
    OnOrBefore,
    /// "on or after".
    OnOrAfter,
    /// "less than" an amount.
    LessThan,
    /// "more than" an amount.
    MoreThan,
    /// "no more than", "at most".
    EqualOrLess,
    /// "no less than", "at least".
    EqualOrMore,
    /// "early", "the beginning of".
    Start,
    /// "mid", "the middle of".
    Mid,
    /// "late", "the end of".
    End,
    /// "about", "around", "nearly".
    Approx,
}

/// The TimeML event classes.
///
/// ```
/// use chronoline::EventClass;
/// assert_eq!("I_ACTION".parse::<EventClass>().unwrap(), EventClass::IAction);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventClass {
    /// Something that happens: *convene*, *airstrikes*.
    Occurrence,
    /// Someone reports something: *said*, *told*.
    Reporting,
    /// A circumstance that holds: *ban*, *crisis*.
    State,
    /// An intensional action: *urge*, *seek*.
    #[serde(rename = "I_ACTION")]
    IAction,
    /// An intensional state: *believe*, *fear*.
    #[serde(rename = "I_STATE")]
    IState,
    /// Start, continuation or end of another event: *began*, *continue*.
    Aspectual,
    /// Perception: *saw*, *heard*.
    Perception,
}

/// The MAKEINSTANCE `tense` attribute.
///
/// ```
/// use chronoline::Tense;
/// assert_eq!("PAST".parse::<Tense>().unwrap(), Tense::Past);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Tense {
    /// No tense (nouns, infinitives).
    None,
    /// *said*.
    Past,
    /// *says*.
    Present,
    /// *will convene*.
    Future,
    /// *-ing* forms without auxiliary.
    Prespart,
    /// *-ed* forms without auxiliary.
    Pastpart,
    /// *to meet*.
    Infinitive,
}

/// The MAKEINSTANCE `aspect` attribute.
///
/// ```
/// use chronoline::Aspect;
/// assert_eq!("PERFECTIVE".parse::<Aspect>().unwrap(), Aspect::Perfective);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Aspect {
    /// No aspect.
    None,
    /// *is meeting*.
    Progressive,
    /// *has met*.
    Perfective,
    /// *has been meeting*.
    PerfectiveProgressive,
}

/// The MAKEINSTANCE `polarity` attribute.
///
/// ```
/// use chronoline::Polarity;
/// assert_eq!("NEG".parse::<Polarity>().unwrap(), Polarity::Neg);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Polarity {
    /// The event is asserted.
    Pos,
    /// The event is negated: *did not meet*.
    Neg,
}

/// A TimeML TLINK relation type.
///
/// ```
/// use chronoline::Relation;
/// assert_eq!("IS_INCLUDED".parse::<Relation>().unwrap(), Relation::IsIncluded);
/// assert_eq!(Relation::Before.inverse(), Relation::After);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Relation {
    /// Wholly before.
    Before,
    /// Wholly after.
    After,
    /// Immediately before (meets).
    Ibefore,
    /// Immediately after (met by).
    Iafter,
    /// Contains the other.
    Includes,
    /// Contained in the other.
    IsIncluded,
    /// Holds throughout the other (a state during a duration).
    During,
    /// The inverse of `During`.
    DuringInv,
    /// Same time.
    Simultaneous,
    /// Same event (coreference).
    Identity,
    /// Starts the other.
    Begins,
    /// Ends the other.
    Ends,
    /// Started by the other.
    BegunBy,
    /// Ended by the other.
    EndedBy,
}

impl Relation {
    /// The relation seen from the other side: `a BEFORE b` is `b AFTER a`.
    ///
    /// ```
    /// use chronoline::Relation;
    /// assert_eq!(Relation::BegunBy.inverse(), Relation::Begins);
    /// ```
    pub fn inverse(self) -> Relation {
        use Relation::*;
        match self {
            Before => After,
            After => Before,
            Ibefore => Iafter,
            Iafter => Ibefore,
            Includes => IsIncluded,
            IsIncluded => Includes,
            During => DuringInv,
            DuringInv => During,
            Simultaneous => Simultaneous,
            Identity => Identity,
            Begins => BegunBy,
            BegunBy => Begins,
            Ends => EndedBy,
            EndedBy => Ends,
        }
    }
}

macro_rules! tag_enum {
    ($name:ident, $what:literal, { $($variant:ident => $tag:literal),+ $(,)? }) => {
        impl $name {
            /// The TimeML spelling.
            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $tag),+ }
            }

            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<$name, Error> {
                match s {
                    $($tag => Ok($name::$variant),)+
                    _ => Err(Error::invalid(format!(concat!("unknown ", $what, " {:?}"), s))),
                }
            }
        }
    };
}

tag_enum!(TimexType, "timex type", {
    Date => "DATE", Time => "TIME", Duration => "DURATION", Set => "SET",
});
tag_enum!(Modifier, "timex mod", {
    Before => "BEFORE", After => "AFTER", OnOrBefore => "ON_OR_BEFORE",
    OnOrAfter => "ON_OR_AFTER", LessThan => "LESS_THAN", MoreThan => "MORE_THAN",
    EqualOrLess => "EQUAL_OR_LESS", EqualOrMore => "EQUAL_OR_MORE",
    Start => "START", Mid => "MID", End => "END", Approx => "APPROX",
});
tag_enum!(EventClass, "event class", {
    Occurrence => "OCCURRENCE", Reporting => "REPORTING", State => "STATE",
    IAction => "I_ACTION", IState => "I_STATE", Aspectual => "ASPECTUAL",
    Perception => "PERCEPTION",
});
tag_enum!(Tense, "tense", {
    None => "NONE", Past => "PAST", Present => "PRESENT", Future => "FUTURE",
    Prespart => "PRESPART", Pastpart => "PASTPART", Infinitive => "INFINITIVE",
});
tag_enum!(Aspect, "aspect", {
    None => "NONE", Progressive => "PROGRESSIVE", Perfective => "PERFECTIVE",
    PerfectiveProgressive => "PERFECTIVE_PROGRESSIVE",
});
tag_enum!(Polarity, "polarity", { Pos => "POS", Neg => "NEG" });
tag_enum!(Relation, "relation", {
    Before => "BEFORE", After => "AFTER", Ibefore => "IBEFORE", Iafter => "IAFTER",
    Includes => "INCLUDES", IsIncluded => "IS_INCLUDED", During => "DURING",
    DuringInv => "DURING_INV", Simultaneous => "SIMULTANEOUS", Identity => "IDENTITY",
    Begins => "BEGINS", Ends => "ENDS", BegunBy => "BEGUN_BY", EndedBy => "ENDED_BY",
});

/// How fine a point in time is given.
///
/// Ordered from finest to coarsest, so `a < b` means `a` is finer.
///
/// ```
/// use chronoline::Granularity;
/// assert!(Granularity::Day < Granularity::Month);
/// assert_eq!(Granularity::Quarter.as_str(), "quarter");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// `2025-12-10T19:30:15`
    Second,
    /// `2025-12-10T19:30`
    Minute,
    /// `2025-12-10T19`
    Hour,
    /// `2025-12-10TEV`
    PartOfDay,
    /// `2025-12-10`
    Day,
    /// `2025-W50`
    Week,
    /// `2025-12`
    Month,
    /// `2025-SU`
    Season,
    /// `2025-Q4`
    Quarter,
    /// `2025-H2`
    Half,
    /// `2025`
    Year,
    /// `202` (the 2020s)
    Decade,
    /// `20` (the 21st century)
    Century,
    /// `2` (the third millennium)
    Millennium,
}

impl Granularity {
    /// The lowercase name used in CSV and JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Granularity::Second => "second",
            Granularity::Minute => "minute",
            Granularity::Hour => "hour",
            Granularity::PartOfDay => "part_of_day",
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Season => "season",
            Granularity::Quarter => "quarter",
            Granularity::Half => "half",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
            Granularity::Century => "century",
            Granularity::Millennium => "millennium",
        }
    }
}

impl fmt::Display for Granularity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A concrete stretch of time, half-open: `[start, end)`.
///
/// Times are local to the text (naive); `utc_offset_minutes` keeps an
/// explicit offset such as "Kabul time" (+04:30 is `270`). `exact` is false
/// when either bound is an estimate ("early September", "in recent weeks").
///
/// ```
/// use chronoline::{Granularity, Interval};
/// use chrono::NaiveDate;
/// let september = Interval::month(2025, 9).unwrap();
/// assert_eq!(september.start.date(), NaiveDate::from_ymd_opt(2025, 9, 1).unwrap());
/// assert_eq!(september.end.date(), NaiveDate::from_ymd_opt(2025, 10, 1).unwrap());
/// assert_eq!(september.granularity, Granularity::Month);
/// assert!(september.contains(&Interval::day(NaiveDate::from_ymd_opt(2025, 9, 7).unwrap())));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Interval {
    /// The first instant inside the interval.
    pub start: NaiveDateTime,
    /// The first instant after the interval.
    pub end: NaiveDateTime,
    /// How fine the expression that made it was.
    pub granularity: Granularity,
    /// Whether both bounds are exact.
    pub exact: bool,
    /// An explicit UTC offset given in the text, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_offset_minutes: Option<i32>,
}

impl Interval {
    /// An exact interval; `None` unless `start < end`.
    ///
    /// ```
    /// use chronoline::{Granularity, Interval};
    /// use chrono::NaiveDate;
    /// let a = NaiveDate::from_ymd_opt(2025, 9, 7).unwrap().and_hms_opt(0, 0, 0).unwrap();
    /// let b = NaiveDate::from_ymd_opt(2025, 12, 8).unwrap().and_hms_opt(0, 0, 0).unwrap();
    /// assert!(Interval::new(a, b, Granularity::Day).is_some());
    /// assert!(Interval::new(b, a, Granularity::Day).is_none());
    /// ```
    pub fn new(
        start: NaiveDateTime,
        end: NaiveDateTime,
        granularity: Granularity,
    ) -> Option<Interval> {
        (start < end).then_some(Interval {
            start,
            end,
            granularity,
            exact: true,
            utc_offset_minutes: None,
        })
    }

    /// The whole of one day.
    ///
    /// ```
    /// use chronoline::Interval;
    /// use chrono::NaiveDate;
    /// let day = Interval::day(NaiveDate::from_ymd_opt(2025, 12, 7).unwrap());
    /// assert_eq!(day.end.date(), NaiveDate::from_ymd_opt(2025, 12, 8).unwrap());
    /// ```
    pub fn day(date: NaiveDate) -> Interval {
        let start = date.and_time(NaiveTime::MIN);
        let end = date
            .succ_opt()
            .map(|d| d.and_time(NaiveTime::MIN))
            .unwrap_or(NaiveDateTime::MAX);
        Interval {
            start,
            end,
            granularity: Granularity::Day,
            exact: true,
            utc_offset_minutes: None,
        }
    }

    /// The whole of one calendar month; `None` for an invalid month.
    ///
    /// ```
    /// assert!(chronoline::Interval::month(2025, 13).is_none());
    /// ```
    pub fn month(year: i32, month: u32) -> Option<Interval> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        Interval::new(
            first.and_time(NaiveTime::MIN),
            next.and_time(NaiveTime::MIN),
            Granularity::Month,
        )
    }

    /// Whether `other` lies wholly inside this interval.
    ///
    /// ```
    /// use chronoline::Interval;
    /// let year = Interval::month(2025, 1).unwrap();
    /// assert!(year.contains(&year));
    /// ```
    pub fn contains(&self, other: &Interval) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two intervals share an instant.
    ///
    /// ```
    /// use chronoline::Interval;
    /// let sep = Interval::month(2025, 9).unwrap();
    /// let oct = Interval::month(2025, 10).unwrap();
    /// assert!(!sep.overlaps(&oct));
    /// ```
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A temporal expression found in (or read from) a text.
///
/// ```
/// use chronoline::{Extractor, TimexType};
/// let doc = Extractor::new().extract("They met on 7 December 2025.", None);
/// let timex = &doc.timexes[0];
/// assert_eq!(timex.text, "7 December 2025");
/// assert_eq!(timex.kind, TimexType::Date);
/// assert_eq!(timex.value, "2025-12-07");
/// assert_eq!(&doc.text[timex.span.start..timex.span.end], timex.text);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Timex {
    /// The TIMEX3 `tid` (`t1`, `t2`, ...; the DCT is `t0`).
    pub id: String,
    /// Where it is in the document text (bytes).
    pub span: Span,
    /// The text it covers.
    pub text: String,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The normalized TIMEX3 value: `2025-12-07`, `P91D`, `PAST_REF`, `XXXX-12-07`.
    pub value: String,
    /// The TIMEX3 `mod`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Modifier>,
    /// The TIMEX3 `quant` of a set (`EVERY`, `EACH`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quant: Option<String>,
    /// The TIMEX3 `freq` of a set (`2X`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    /// The `tid` of the timex a duration begins at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub begin_point: Option<String>,
    /// The `tid` of the timex a duration ends at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_point: Option<String>,
    /// The `tid` of the timex the value was computed from (`t0` for the DCT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Whether the value was computed from an anchor (TIMEX3 `temporalFunction`).
    pub temporal_function: bool,
    /// The stretch of time it denotes, where it can be placed in time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// The name of the rule that produced it (`"gold"` for annotations read
    /// from a file).
    pub rule: String,
}

/// An event: something that happens or holds, as TimeML defines it.
///
/// ```
/// use chronoline::{Event, EventClass, Span};
/// let event = Event::new("e1", Span::new(4, 8), "said", EventClass::Reporting);
/// assert_eq!(event.instance_id, "ei1");
/// assert_eq!(event.class.as_str(), "REPORTING");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Event {
    /// The EVENT `eid` (`e1`, ...).
    pub id: String,
    /// The MAKEINSTANCE `eiid` (`ei1`, ...).
    pub instance_id: String,
    /// Where the trigger word is in the document text (bytes).
    pub span: Span,
    /// The trigger text.
    pub text: String,
    /// The TimeML class.
    pub class: EventClass,
    /// The grammatical tense.
    pub tense: Tense,
    /// The grammatical aspect.
    pub aspect: Aspect,
    /// Whether the event is negated.
    pub polarity: Polarity,
    /// The part of speech in TimeML's tag set (`VERB`, `NOUN`, `ADJECTIVE`, ...).
    pub pos: String,
    /// The modal word, if any (*would*, *may*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    /// The `tid` of the timex that dates the event (`t0` for the DCT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// How the event relates to `time`: the event IS_INCLUDED in it, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<Relation>,
    /// The stretch of time the event inherits from its link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// The name of the rule or model that produced it.
    pub rule: String,
}

impl Event {
    /// A positive, untensed event with no time; `instance_id` is derived from
    /// the id (`e3` -> `ei3`).
    pub fn new(
        id: impl Into<String>,
        span: Span,
        text: impl Into<String>,
        class: EventClass,
    ) -> Event {
        let id = id.into();
        // `concat` rather than `format!`: one event per candidate word is
        // made on the hot path of extraction.
        let instance_id = match id.strip_prefix('e') {
            Some(rest) => ["ei", rest].concat(),
            None => ["ei_", &id].concat(),
        };
        Event {
            id,
            instance_id,
            span,
            text: text.into(),
            class,
            tense: Tense::None,
            aspect: Aspect::None,
            polarity: Polarity::Pos,
            pos: "UNKNOWN".to_string(),
            modality: None,
            time: None,
            relation: None,
            interval: None,
            rule: String::new(),
        }
    }
}

/// One side of a temporal link.
///
/// ```
/// use chronoline::LinkEnd;
/// assert_eq!(LinkEnd::Time("t0".into()).id(), "t0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum LinkEnd {
    /// A timex, by `tid`.
    Time(String),
    /// An event instance, by `eiid`.
    Event(String),
}

impl LinkEnd {
    /// The id on this side.
    pub fn id(&self) -> &str {
        match self {
            LinkEnd::Time(id) | LinkEnd::Event(id) => id,
        }
    }
}

/// A TimeML TLINK: `source` stands in `relation` to `target`.
///
/// ```
/// use chronoline::{LinkEnd, Relation, TimeLink};
/// let link = TimeLink {
///     id: "l1".into(),
///     source: LinkEnd::Event("ei1".into()),
///     target: LinkEnd::Time("t2".into()),
///     relation: Relation::IsIncluded,
/// };
/// assert_eq!(link.target.id(), "t2");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimeLink {
    /// The `lid`.
    pub id: String,
    /// The linked event instance or timex.
    pub source: LinkEnd,
    /// What it is related to.
    pub target: LinkEnd,
    /// The relation type.
    pub relation: Relation,
}

/// A sentence of the document, as a byte span, with the id of the input's
/// sentence markup (`<s id="3">`) where there was one.
///
/// ```
/// use chronoline::{Sentence, Span};
/// let s = Sentence { span: Span::new(0, 5), id: Some("1".into()) };
/// assert_eq!(s.id.as_deref(), Some("1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is in the text (bytes).
    pub span: Span,
    /// The id from the input's markup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// Where a document's creation time came from.
///
/// ```
/// use chronoline::DctSource;
/// assert_eq!(DctSource::Given, DctSource::Given);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum DctSource {
    /// Passed in by the caller.
    Given,
    /// Read from a TimeML `<DCT>` element.
    Timeml,
    /// Inferred from the text, at `span`, by `rule`.
    Inferred {
        /// The text it was read from.
        span: Span,
        /// The rule that read it.
        rule: String,
    },
}

/// The document creation time: the anchor of relative expressions in news.
///
/// ```
/// use chronoline::Dct;
/// let dct: Dct = "2025-12-07".parse().unwrap();
/// assert_eq!(dct.to_string(), "2025-12-07");
/// let err = "2025-13-40".parse::<Dct>().unwrap_err();
/// assert!(err.to_string().contains("2025-13-40"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Dct {
    /// The calendar date.
    pub date: NaiveDate,
    /// The time of day, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<NaiveTime>,
    /// A UTC offset, in minutes, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_offset_minutes: Option<i32>,
    /// Where it came from.
    pub source: DctSource,
}

impl Dct {
    /// A DCT of a date the caller gives.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let dct = chronoline::Dct::from_date(NaiveDate::from_ymd_opt(2025, 12, 7).unwrap());
    /// assert_eq!(dct.value(), "2025-12-07");
    /// ```
    pub fn from_date(date: NaiveDate) -> Dct {
        Dct {
            date,
            time: None,
            utc_offset_minutes: None,
            source: DctSource::Given,
        }
    }

    /// The TIMEX3 value: `2025-12-07`, or `2025-12-07T09:30` with a time.
    ///
    /// ```
    /// let dct: chronoline::Dct = "2025-12-07T09:30".parse().unwrap();
    /// assert_eq!(dct.value(), "2025-12-07T09:30");
    /// ```
    pub fn value(&self) -> String {
        match self.time {
            None => self.date.format("%Y-%m-%d").to_string(),
            Some(t) if t.second() == 0 && t.nanosecond() == 0 => {
                format!("{}T{}", self.date.format("%Y-%m-%d"), t.format("%H:%M"))
            }
            // `%.f` keeps a fraction of a second the DCT was given with.
            Some(t) => format!(
                "{}T{}",
                self.date.format("%Y-%m-%d"),
                t.format("%H:%M:%S%.f")
            ),
        }
    }
}

impl fmt::Display for Dct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value())
    }
}

impl FromStr for Dct {
    type Err = Error;

    /// Parses `2025-12-07`, `20251207`, `2025-12-07T09:30[:00]`, with an
    /// optional `Z` or `+04:30` offset, and a space in place of `T`.
    fn from_str(input: &str) -> Result<Dct, Error> {
        parse_dct(input.trim()).ok_or_else(|| {
            Error::invalid(format!(
                "invalid document date {input:?}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM"
            ))
        })
    }
}

fn parse_dct(input: &str) -> Option<Dct> {
    let (date_part, rest) = match input.find(['T', ' ']) {
        Some(i) => (&input[..i], Some(&input[i + 1..])),
        None => (input, None),
    };
    let date = NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(date_part, "%Y%m%d"))
        .ok()
        // A TIMEX3 value has a four-digit year.
        .filter(|date| (0..=9999).contains(&date.year()))?;
    let mut dct = Dct::from_date(date);
    if let Some(rest) = rest {
        let (time_part, offset) = split_offset(rest)?;
        let time = NaiveTime::parse_from_str(time_part, "%H:%M:%S")
            .or_else(|_| NaiveTime::parse_from_str(time_part, "%H:%M"))
            .or_else(|_| NaiveTime::parse_from_str(time_part, "%H:%M:%S%.f"))
            .ok()?;
        dct.time = Some(time);
        dct.utc_offset_minutes = offset;
    }
    Some(dct)
}

/// Splits `09:30+04:30` into the time and the offset in minutes.
fn split_offset(text: &str) -> Option<(&str, Option<i32>)> {
    if let Some(time) = text.strip_suffix('Z') {
        return Some((time, Some(0)));
    }
    let Some(i) = text.rfind(['+', '-']) else {
        return Some((text, None));
    };
    let (time, offset) = (&text[..i], &text[i..]);
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let digits: String = offset[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..].parse().ok()?;
    (hours <= 14 && minutes < 60).then_some((time, Some(sign * (hours * 60 + minutes))))
}

/// A text with its creation time and everything found in it.
///
/// ```
/// use chronoline::Document;
/// let doc = Document::new("d1", "Nothing happened.", None);
/// assert!(doc.timexes.is_empty());
/// assert_eq!(doc.id, "d1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Document {
    /// The document id (the TimeML `DOCID`, or a file name).
    pub id: String,
    /// The text, exactly as given.
    pub text: String,
    /// The document creation time, given, read or inferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dct: Option<Dct>,
    /// The sentences, in order.
    #[serde(default)]
    pub sentences: Vec<Sentence>,
    /// The temporal expressions, in text order (the DCT is not among them).
    #[serde(default)]
    pub timexes: Vec<Timex>,
    /// The events, in text order.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Temporal links between events and timexes.
    #[serde(default)]
    pub links: Vec<TimeLink>,
}

impl Document {
    /// A document with nothing found in it yet.
    pub fn new(id: impl Into<String>, text: impl Into<String>, dct: Option<Dct>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            dct,
            sentences: Vec::new(),
            timexes: Vec::new(),
            events: Vec::new(),
            links: Vec::new(),
        }
    }

    /// The timex with this `tid`.
    ///
    /// ```
    /// let doc = chronoline::Extractor::new().extract("on 7 December 2025", None);
    /// assert_eq!(doc.timex("t1").unwrap().value, "2025-12-07");
    /// ```
    pub fn timex(&self, id: &str) -> Option<&Timex> {
        self.timexes.iter().find(|t| t.id == id)
    }

    /// The event with this `eid` or `eiid`.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events
            .iter()
            .find(|e| e.id == id || e.instance_id == id)
    }

    /// The index of the sentence that holds byte `offset`.
    pub fn sentence_index(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }
}
