//! Calendar arithmetic and the TIMEX3 spelling of points in time.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::model::{Granularity, Interval};
use crate::recognize::{HolidayRule, Unit};

/// A point in time at some granularity, resolved to the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    Day(NaiveDate),
    /// ISO year and week.
    Week(i32, u32),
    Weekend(i32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, &'static str),
    Year(i32),
    /// 199 for the 1990s.
    Decade(i32),
    /// 19 for the 20th century (1900-1999).
    Century(i32),
}

pub(crate) fn midnight(date: NaiveDate) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Adds `months` calendar months, clamping the day to the month's end.
pub(crate) fn add_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    let total = date.year() * 12 + date.month0() as i32 + months;
    let (y, m) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    let mut d = date.day();
    loop {
        if let Some(v) = ymd(y, m, d) {
            return Some(v);
        }
        if d <= 28 {
            return None;
        }
        d -= 1;
    }
}

/// Moves `date` by `n` units (days, weeks, months, ...); whole units only.
pub(crate) fn add_units(date: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let n32 = i32::try_from(n).ok()?;
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(date),
        Unit::Day => date.checked_add_signed(Duration::try_days(n)?),
        Unit::Week | Unit::Weekend => {
            date.checked_add_signed(Duration::try_days(n.checked_mul(7)?)?)
        }
        Unit::Fortnight => date.checked_add_signed(Duration::try_days(n.checked_mul(14)?)?),
        Unit::Month => add_months(date, n32),
        Unit::Quarter => add_months(date, n32.checked_mul(3)?),
        Unit::Year => add_months(date, n32.checked_mul(12)?),
        Unit::Decade => add_months(date, n32.checked_mul(120)?),
        Unit::Century => add_months(date, n32.checked_mul(1200)?),
        Unit::Millennium => add_months(date, n32.checked_mul(12000)?),
    }
}

/// The season a date falls in (meteorological: winter is December-February,
/// counted in the year its December falls in).
pub(crate) fn season_of(date: NaiveDate) -> (i32, &'static str) {
    match date.month() {
        3..=5 => (date.year(), "SP"),
        6..=8 => (date.year(), "SU"),
        9..=11 => (date.year(), "FA"),
        12 => (date.year(), "WI"),
        _ => (date.year() - 1, "WI"),
    }
}

pub(crate) fn season_index(season: &str) -> i32 {
    match season {
        "SP" => 0,
        "SU" => 1,
        "FA" => 2,
        _ => 3,
    }
}

/// The point of granularity `unit` that holds `date`.
pub(crate) fn point_of(date: NaiveDate, unit: Unit) -> Point {
    let iso = date.iso_week();
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Point::Day(date),
        Unit::Week | Unit::Fortnight => Point::Week(iso.year(), iso.week()),
        Unit::Weekend => Point::Weekend(iso.year(), iso.week()),
        Unit::Month => Point::Month(date.year(), date.month()),
        Unit::Quarter => Point::Quarter(date.year(), date.month0() / 3 + 1),
        Unit::Year => Point::Year(date.year()),
        Unit::Decade => Point::Decade(date.year().div_euclid(10)),
        Unit::Century | Unit::Millennium => Point::Century(date.year().div_euclid(100)),
    }
}

/// TIMEX3 years have four digits: years after 9999 (reachable from a DCT
/// near the end of the calendar) have no value but `XXXX`.
fn year_string(y: i32) -> String {
    if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else if y < 0 {
        format!("BC{:04}", (1 - y).min(9999))
    } else {
        "XXXX".to_string()
    }
}

/// `prefix` is the year divided by 10 (decades, `width` 3) or 100
/// (centuries, `width` 2), astronomical (year 0 is 1 BC). Before year 0 the
/// value is the BC form of the same prefix (`BC048` for the 480s BC,
/// `BC04` for the 400s BC); past 9999, `X`s.
fn prefix_string(prefix: i32, width: usize) -> String {
    let limit = 10i32.pow(width as u32);
    if prefix >= limit {
        "X".repeat(width)
    } else if prefix < 0 {
        format!("BC{:0width$}", (-prefix - 1).min(limit - 1))
    } else {
        format!("{prefix:0width$}")
    }
}

impl Point {
    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        match *self {
            Point::Day(d) => format!("{}-{:02}-{:02}", year_string(d.year()), d.month(), d.day()),
            Point::Week(y, w) => format!("{}-W{w:02}", year_string(y)),
            Point::Weekend(y, w) => format!("{}-W{w:02}-WE", year_string(y)),
            Point::Month(y, m) => format!("{}-{m:02}", year_string(y)),
            Point::Quarter(y, q) => format!("{}-Q{q}", year_string(y)),
            Point::Half(y, h) => format!("{}-H{h}", year_string(y)),
            Point::Season(y, s) => format!("{}-{s}", year_string(y)),
            Point::Year(y) => year_string(y),
            Point::Decade(d) => prefix_string(d, 3),
            Point::Century(c) => prefix_string(c, 2),
        }
    }

    /// The half-open stretch of time it covers.
    pub fn interval(&self) -> Option<Interval> {
        let (start, end, granularity, exact) = match *self {
            Point::Day(d) => (d, d.succ_opt()?, Granularity::Day, true),
            Point::Week(y, w) => {
                let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                (monday, monday + Duration::days(7), Granularity::Week, true)
            }
            Point::Weekend(y, w) => {
                let saturday = NaiveDate::from_isoywd_opt(y, w, Weekday::Sat)?;
                (
                    saturday,
                    saturday + Duration::days(2),
                    Granularity::Day,
                    true,
                )
            }
            Point::Month(y, m) => return Interval::month(y, m),
            Point::Quarter(y, q) => {
                let first = ymd(y, (q - 1) * 3 + 1, 1)?;
                (first, add_months(first, 3)?, Granularity::Quarter, true)
            }
            Point::Half(y, h) => {
                let first = ymd(y, (h - 1) * 6 + 1, 1)?;
                (first, add_months(first, 6)?, Granularity::Half, true)
            }
            Point::Season(y, s) => {
                let month = match s {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                let first = ymd(y, month, 1)?;
                (first, add_months(first, 3)?, Granularity::Season, false)
            }
            Point::Year(y) => (ymd(y, 1, 1)?, ymd(y + 1, 1, 1)?, Granularity::Year, true),
            Point::Decade(d) => (
                ymd(d * 10, 1, 1)?,
                ymd(d * 10 + 10, 1, 1)?,
                Granularity::Decade,
                true,
            ),
            Point::Century(c) => (
                ymd(c * 100, 1, 1)?,
                ymd(c * 100 + 100, 1, 1)?,
                Granularity::Century,
                true,
            ),
        };
        let mut interval = Interval::new(midnight(start), midnight(end), granularity)?;
        interval.exact = exact;
        Some(interval)
    }

    /// The first day it covers.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.interval().map(|i| i.start.date())
    }
}

/// Easter Sunday (Gregorian, anonymous algorithm).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, month as u32, day as u32)
}

/// The date of a holiday in a year.
pub(crate) fn holiday_date(rule: HolidayRule, year: i32) -> Option<NaiveDate> {
    match rule {
        HolidayRule::Fixed { month, day } => ymd(year, month, day),
        HolidayRule::Easter { offset } => {
            easter(year)?.checked_add_signed(Duration::try_days(offset)?)
        }
        HolidayRule::NthWeekday {
            nth,
            weekday,
            month,
        } => {
            let target = weekday_from_iso(weekday)?;
            if nth > 0 {
                let first = ymd(year, month, 1)?;
                let shift = (7 + target.num_days_from_monday() as i64
                    - first.weekday().num_days_from_monday() as i64)
                    % 7;
                first.checked_add_signed(Duration::days(shift + 7 * (nth as i64 - 1)))
            } else {
                let next = add_months(ymd(year, month, 1)?, 1)?;
                let last = next.pred_opt()?;
                let shift = (7 + last.weekday().num_days_from_monday() as i64
                    - target.num_days_from_monday() as i64)
                    % 7;
                last.checked_sub_signed(Duration::days(shift))
            }
        }
    }
}

pub(crate) fn weekday_from_iso(n: u32) -> Option<Weekday> {
    Some(match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        7 => Weekday::Sun,
        _ => return None,
    })
}

/// The TIMEX3 duration code of a unit and how many of the next smaller
/// unit one of it holds (to spell fractions: 1.5 years is `P18M`).
fn unit_code(unit: Unit) -> (&'static str, bool, Option<(Unit, f64)>) {
    match unit {
        Unit::Second => ("S", true, None),
        Unit::Minute => ("M", true, Some((Unit::Second, 60.0))),
        Unit::Hour => ("H", true, Some((Unit::Minute, 60.0))),
        Unit::Day => ("D", false, Some((Unit::Hour, 24.0))),
        Unit::Weekend => ("WE", false, Some((Unit::Day, 2.0))),
        Unit::Week => ("W", false, Some((Unit::Day, 7.0))),
        Unit::Fortnight => ("W", false, Some((Unit::Day, 14.0))),
        Unit::Month => ("M", false, Some((Unit::Day, 30.0))),
        Unit::Quarter => ("Q", false, Some((Unit::Month, 3.0))),
        Unit::Year => ("Y", false, Some((Unit::Month, 12.0))),
        Unit::Decade => ("DE", false, Some((Unit::Year, 10.0))),
        Unit::Century => ("CE", false, Some((Unit::Year, 100.0))),
        Unit::Millennium => ("ML", false, Some((Unit::Year, 1000.0))),
    }
}

/// The TIMEX3 duration value: `P91D`, `P3M`, `PT1H30M`, `P2DE`, `PXW`.
pub(crate) fn duration_value(amount: Option<f64>, unit: Unit) -> String {
    let (code, time, smaller) = unit_code(unit);
    let t = if time { "T" } else { "" };
    let Some(mut v) = amount else {
        return format!("P{t}X{code}");
    };
    if unit == Unit::Fortnight {
        v *= 2.0;
    }
    if unit == Unit::Quarter {
        v *= 3.0;
        return format!("P{}M", fmt_number(v));
    }
    if v.fract() == 0.0 || smaller.is_none() {
        return format!("P{t}{}{code}", fmt_number(v));
    }
    let Some((small, factor)) = smaller else {
        return format!("P{t}{}{code}", fmt_number(v));
    };
    let whole = v.trunc();
    let rest = (v.fract() * factor).round();
    let (small_code, small_time, _) = unit_code(small);
    if time && small_time && whole > 0.0 {
        return format!(
            "PT{}{code}{}{small_code}",
            fmt_number(whole),
            fmt_number(rest)
        );
    }
    if !time && small_time {
        return format!("PT{}{small_code}", fmt_number(v * factor));
    }
    if whole > 0.0 && !small_time {
        // "2 1/2 years": P2Y6M
        return format!(
            "P{}{code}{}{small_code}",
            fmt_number(whole),
            fmt_number(rest)
        );
    }
    let st = if small_time { "T" } else { "" };
    format!("P{st}{}{small_code}", fmt_number((v * factor).round()))
}

fn fmt_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e12 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// How far a duration reaches, as calendar moves: (unit, count) pairs whose
/// sum is the amount, with fractions spelled in the next smaller unit.
pub(crate) fn shift_date(date: NaiveDate, amount: f64, unit: Unit, sign: i64) -> Option<NaiveDate> {
    let whole = amount.trunc() as i64;
    let moved = add_units(date, unit, sign * whole)?;
    let fract = amount.fract();
    if fract == 0.0 {
        return Some(moved);
    }
    let (_, _, smaller) = unit_code(unit);
    match smaller {
        Some((small, factor)) => add_units(moved, small, sign * (fract * factor).round() as i64),
        None => Some(moved),
    }
}

/// Granularity of a unit.
pub(crate) fn unit_granularity(unit: Unit) -> Granularity {
    match unit {
        Unit::Second => Granularity::Second,
        Unit::Minute => Granularity::Minute,
        Unit::Hour => Granularity::Hour,
        Unit::Day | Unit::Weekend => Granularity::Day,
        Unit::Week | Unit::Fortnight => Granularity::Week,
        Unit::Month => Granularity::Month,
        Unit::Quarter => Granularity::Quarter,
        Unit::Year => Granularity::Year,
        Unit::Decade => Granularity::Decade,
        Unit::Century => Granularity::Century,
        Unit::Millennium => Granularity::Millennium,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_spelled_as_timex3_values() {
        assert_eq!(duration_value(Some(91.0), Unit::Day), "P91D");
        assert_eq!(duration_value(Some(2.0), Unit::Decade), "P2DE");
        assert_eq!(duration_value(Some(1.5), Unit::Year), "P1Y6M");
        assert_eq!(duration_value(Some(0.5), Unit::Year), "P6M");
        assert_eq!(duration_value(Some(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration_value(Some(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration_value(None, Unit::Week), "PXW");
        assert_eq!(duration_value(Some(1.0), Unit::Minute), "PT1M");
    }

    #[test]
    fn holidays_fall_on_their_days() {
        let thanksgiving = HolidayRule::NthWeekday {
            nth: 4,
            weekday: 4,
            month: 11,
        };
        assert_eq!(holiday_date(thanksgiving, 2025), ymd(2025, 11, 27));
        let memorial = HolidayRule::NthWeekday {
            nth: -1,
            weekday: 1,
            month: 5,
        };
        assert_eq!(holiday_date(memorial, 2025), ymd(2025, 5, 26));
        assert_eq!(easter(2025), ymd(2025, 4, 20));
    }

    #[test]
    fn months_clamp_to_the_end() {
        assert_eq!(add_months(ymd(2025, 3, 31).unwrap(), -1), ymd(2025, 2, 28));
        assert_eq!(Point::Week(2025, 50).value(), "2025-W50");
        assert_eq!(Point::Decade(199).value(), "199");
    }
}
