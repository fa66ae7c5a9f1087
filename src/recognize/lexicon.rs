//! The word lists the rules read, compiled in from `data/lexicon/`, and the
//! prefilter automaton built over them.

// The lexicon is fixed data: a fast hash, no defence against chosen keys.
use crate::lexicon::FastMap as HashMap;
type HashSet<K> =
    std::collections::HashSet<K, std::hash::BuildHasherDefault<crate::lexicon::WordHasher>>;

use crate::lexicon::rows;

/// A time unit, as in "three *weeks*".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "S" => Unit::Second,
            "MI" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "WE" => Unit::Weekend,
            "W" => Unit::Week,
            "FN" => Unit::Fortnight,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "ML" => Unit::Millennium,
            _ => return None,
        })
    }
}

/// How a holiday's date is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// A fixed month and day.
    Fixed { month: u32, day: u32 },
    /// Days after (or before) Easter Sunday.
    Easter { offset: i64 },
    /// The `nth` ISO weekday of a month (`nth` = -1: the last).
    NthWeekday { nth: i32, weekday: u32, month: u32 },
}

fn parse_holiday(rule: &str) -> Option<HolidayRule> {
    let parts: Vec<&str> = rule.split_whitespace().collect();
    match parts.as_slice() {
        ["easter", offset] => Some(HolidayRule::Easter {
            offset: offset.parse().ok()?,
        }),
        ["nth", nth, weekday, month] => Some(HolidayRule::NthWeekday {
            nth: nth.parse().ok()?,
            weekday: weekday.parse().ok()?,
            month: month.parse().ok()?,
        }),
        [fixed] => {
            let (m, d) = fixed.split_once('-')?;
            Some(HolidayRule::Fixed {
                month: m.parse().ok()?,
                day: d.parse().ok()?,
            })
        }
        _ => None,
    }
}

/// Every word list, keyed by the normalized token (lowercase, without
/// periods: "Sept." is `sept`, "p.m." is `pm`).
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub months: HashMap<&'static str, u32>,
    pub weekdays: HashMap<&'static str, u32>,
    pub cardinals: HashMap<&'static str, u32>,
    pub ordinals: HashMap<&'static str, u32>,
    pub units: HashMap<&'static str, Unit>,
    pub seasons: HashMap<&'static str, &'static str>,
    pub parts_of_day: HashMap<&'static str, &'static str>,
    /// Holidays by their words joined with single spaces.
    pub holidays: HashMap<String, HolidayRule>,
    /// The longest holiday name, in words.
    pub holiday_max_words: usize,
    /// The first word of every holiday name.
    pub holiday_first_words: HashSet<&'static str>,
    /// Zone names by their words joined with single spaces.
    pub zones: HashMap<String, i32>,
}

/// Words that carry time but are in no table above.
pub(super) const TRIGGER_WORDS: &[&str] = &[
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "now",
    "current",
    "currently",
    "recent",
    "recently",
    "lately",
    "nowadays",
    "future",
    "past",
    "ago",
    "noon",
    "midnight",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "annually",
    "annual",
    "hourly",
    "nightly",
    "quarterly",
    "biweekly",
    "fiscal",
    "soon",
    "once",
    "coming",
    "nineties",
    "eighties",
    "seventies",
    "sixties",
    "fifties",
    "forties",
    "thirties",
    "twenties",
    "times",
    "o'clock",
    "present",
    "formerly",
    "previous",
    "earlier",
    "later",
    "time",
];

impl Lexicon {
    pub fn new() -> Lexicon {
        let pairs = |data: &'static str| {
            rows(data)
                .filter(|r| r.len() >= 2)
                .map(|r| (r[0], r[1]))
                .collect::<Vec<_>>()
        };
        let months: HashMap<&str, u32> = pairs(include_str!("../../data/lexicon/months.txt"))
            .into_iter()
            .filter_map(|(w, n)| Some((w, n.parse().ok()?)))
            .collect();
        let weekdays: HashMap<&str, u32> = pairs(include_str!("../../data/lexicon/weekdays.txt"))
            .into_iter()
            .filter_map(|(w, n)| Some((w, n.parse().ok()?)))
            .collect();
        let mut cardinals = HashMap::default();
        let mut ordinals = HashMap::default();
        for row in rows(include_str!("../../data/lexicon/numbers.txt")) {
            let (Some(word), Some(Ok(value))) = (row.first(), row.get(1).map(|v| v.parse())) else {
                continue;
            };
            if row.get(2) == Some(&"ord") {
                ordinals.insert(*word, value);
            } else {
                cardinals.insert(*word, value);
            }
        }
        let units: HashMap<&str, Unit> = pairs(include_str!("../../data/lexicon/units.txt"))
            .into_iter()
            .filter_map(|(w, c)| Some((w, Unit::from_code(c)?)))
            .collect();
        let seasons: HashMap<&str, &str> = pairs(include_str!("../../data/lexicon/seasons.txt"))
            .into_iter()
            .collect();
        let parts_of_day: HashMap<&str, &str> =
            pairs(include_str!("../../data/lexicon/parts_of_day.txt"))
                .into_iter()
                .collect();
        let holidays: HashMap<String, HolidayRule> =
            pairs(include_str!("../../data/lexicon/holidays.txt"))
                .into_iter()
                .filter_map(|(w, r)| Some((w.to_string(), parse_holiday(r)?)))
                .collect();
        let holiday_max_words = holidays
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        let holiday_first_words = pairs(include_str!("../../data/lexicon/holidays.txt"))
            .into_iter()
            .filter(|(_, r)| parse_holiday(r).is_some())
            .filter_map(|(w, _)| w.split(' ').next())
            .collect();
        let zones: HashMap<String, i32> = pairs(include_str!("../../data/lexicon/time_zones.txt"))
            .into_iter()
            .filter_map(|(w, o)| Some((w.to_string(), o.parse().ok()?)))
            .collect();
        Lexicon {
            months,
            weekdays,
            cardinals,
            ordinals,
            units,
            seasons,
            parts_of_day,
            holidays,
            holiday_max_words,
            holiday_first_words,
            zones,
        }
    }
}
