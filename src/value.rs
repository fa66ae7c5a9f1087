//! The TIMEX3 value grammar: which strings chronoline may put in a `value`.
//!
//! One linear scan over the bytes, no allocation, no regex. The grammar is
//! the TimeML 1.2.1 one (ISO 8601 with TimeML's extensions) as chronoline
//! uses it; the property tests and fuzz targets check every extracted value
//! against it, so a new value shape must be added here first.

/// Whether `value` is a well-formed TIMEX3 value.
///
/// The forms, with `X` allowed in place of any digit:
///
/// - **references**: `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`;
/// - **dates**: a year `YYYY` (optionally `BC`-prefixed), a decade `YYY`
///   (`199` is the 1990s), a century `YY`, a millennium `Y`; then `YYYY-MM`,
///   `YYYY-MM-DD` (a real calendar day when all digits are given: no 30
///   February), weeks `YYYY-Www`, `YYYY-Www-D` (`D` in 1..=7) and the weekend
///   `YYYY-Www-WE`, quarters `YYYY-Qn` (1..=4), halves `YYYY-Hn` (1..=2),
///   seasons `YYYY-SP|SU|FA|WI`;
/// - **times**, after a day (`YYYY-MM-DD` or `YYYY-Www-D`) or alone:
///   `Thh`, `Thh:mm`, `Thh:mm:ss` (with an optional fraction), or a part of
///   the day `TMO|MI|AF|EV|NI|DT`, then an optional offset `Z`, `±hh`,
///   `±hhmm` or `±hh:mm`;
/// - **durations**: `P` then one or more `<number><unit>` with units `Y`,
///   `Q`, `M`, `W`, `D`, `WE` (weekends), `DE` (decades), `CE` (centuries),
///   `ML` (millennia), then optionally `T` and `<number><unit>` with units
///   `H`, `M`, `S`; a number is digits (with an optional decimal part) or
///   `X`s.
///
/// ```
/// use chronoline::is_valid_timex_value;
/// for ok in ["2025-12-07", "2025-W49", "2025-Q4", "P91D", "PAST_REF", "XXXX-WXX-3",
///            "T19:30", "2025-12-10T19:30+04:30", "199", "BC0480", "2025-SU", "PT1M30S",
///            "2025-12-07TEV", "P2DE", "XXXX-12-07"] {
///     assert!(is_valid_timex_value(ok), "{ok}");
/// }
/// for bad in ["", "2025-02-30", "2025-13", "2882015", "P", "PT", "2025-W54", "-5",
///             "2025-12-07T25:00", "yesterday", "2025-Q5", "P3"] {
///     assert!(!is_valid_timex_value(bad), "{bad}");
/// }
/// ```
pub fn is_valid_timex_value(value: &str) -> bool {
    match value {
        "PAST_REF" | "PRESENT_REF" | "FUTURE_REF" => return true,
        _ => {}
    }
    let mut scan = Scan {
        bytes: value.as_bytes(),
        at: 0,
    };
    let whole = match scan.peek() {
        Some(b'P') => {
            scan.at += 1;
            duration(&mut scan)
        }
        Some(b'T') => time(&mut scan),
        Some(_) => date(&mut scan),
        None => false,
    };
    whole && scan.done()
}

struct Scan<'v> {
    bytes: &'v [u8],
    at: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn done(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn eat(&mut self, literal: &[u8]) -> bool {
        if self.bytes[self.at..].starts_with(literal) {
            self.at += literal.len();
            true
        } else {
            false
        }
    }

    /// Exactly `n` characters that are all digits or all `X`: the number,
    /// or `None` for `X`s; `Err` when they are neither.
    fn field(&mut self, n: usize) -> Result<Option<u32>, ()> {
        let Some(chunk) = self.bytes.get(self.at..self.at + n) else {
            return Err(());
        };
        let number = if chunk.iter().all(u8::is_ascii_digit) {
            Some(
                chunk
                    .iter()
                    .fold(0u32, |n, &b| n * 10 + u32::from(b - b'0')),
            )
        } else if chunk.iter().all(|&b| b == b'X') {
            None
        } else {
            return Err(());
        };
        self.at += n;
        Ok(number)
    }

    /// A field of `n` characters whose number, if given, lies in `range`.
    fn field_in(&mut self, n: usize, range: std::ops::RangeInclusive<u32>) -> bool {
        match self.field(n) {
            Ok(Some(number)) => range.contains(&number),
            Ok(None) => true,
            Err(()) => false,
        }
    }

    /// How many bytes from here are digits or `X`.
    fn run(&self) -> usize {
        self.bytes[self.at..]
            .iter()
            .take_while(|&&b| b.is_ascii_digit() || b == b'X')
            .count()
    }
}

fn date(scan: &mut Scan<'_>) -> bool {
    scan.eat(b"BC");
    let year_len = scan.run();
    if !(1..=4).contains(&year_len) {
        return false;
    }
    // Digits then `X`s: `19XX` is some year of the 20th century.
    let chunk = &scan.bytes[scan.at..scan.at + year_len];
    let known = chunk.iter().take_while(|b| b.is_ascii_digit()).count();
    if chunk[known..].iter().any(|&b| b != b'X') {
        return false;
    }
    let year = (known == year_len).then(|| {
        chunk
            .iter()
            .fold(0u32, |n, &b| n * 10 + u32::from(b - b'0'))
    });
    scan.at += year_len;
    if year_len < 4 {
        // A millennium, century or decade: nothing may follow.
        return scan.done();
    }
    if scan.done() {
        return true;
    }
    if !scan.eat(b"-") {
        return false;
    }
    match scan.peek() {
        Some(b'Q') => {
            scan.at += 1;
            scan.field_in(1, 1..=4)
        }
        Some(b'H') => {
            scan.at += 1;
            scan.field_in(1, 1..=2)
        }
        Some(b'W') if scan.eat(b"WI") => true,
        Some(b'W') => {
            scan.at += 1;
            if !scan.field_in(2, 1..=53) {
                return false;
            }
            if scan.done() {
                return true;
            }
            if !scan.eat(b"-") {
                return false;
            }
            if scan.eat(b"WE") {
                return true;
            }
            scan.field_in(1, 1..=7) && (scan.done() || time(scan))
        }
        Some(b'S') => scan.eat(b"SP") || scan.eat(b"SU"),
        Some(b'F') => scan.eat(b"FA"),
        _ => {
            let Ok(month) = scan.field(2) else {
                return false;
            };
            if month.is_some_and(|m| !(1..=12).contains(&m)) {
                return false;
            }
            if scan.done() {
                return true;
            }
            if !scan.eat(b"-") {
                return false;
            }
            let Ok(day) = scan.field(2) else {
                return false;
            };
            if let Some(day) = day {
                let last = match (year, month) {
                    (Some(year), Some(month)) => days_in_month(year, month),
                    (None, Some(month)) => days_in_month(2000, month),
                    _ => 31,
                };
                if !(1..=last).contains(&day) {
                    return false;
                }
            }
            scan.done() || time(scan)
        }
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `T` then a clock time or a part of the day, then an optional offset.
fn time(scan: &mut Scan<'_>) -> bool {
    if !scan.eat(b"T") {
        return false;
    }
    for part in [b"MO", b"MI", b"AF", b"EV", b"NI", b"DT"] {
        if scan.eat(part) {
            return scan.done();
        }
    }
    if !scan.field_in(2, 0..=24) {
        return false;
    }
    if scan.eat(b":") {
        if !scan.field_in(2, 0..=59) {
            return false;
        }
        if scan.eat(b":") {
            if !scan.field_in(2, 0..=60) {
                return false;
            }
            if scan.eat(b".") && !digits(scan) {
                return false;
            }
        }
    }
    offset(scan)
}

fn offset(scan: &mut Scan<'_>) -> bool {
    if scan.done() {
        return true;
    }
    if scan.eat(b"Z") {
        return scan.done();
    }
    if !(scan.eat(b"+") || scan.eat(b"-")) {
        return false;
    }
    if !scan.field_in(2, 0..=14) {
        return false;
    }
    if scan.done() {
        return true;
    }
    scan.eat(b":");
    scan.field_in(2, 0..=59) && scan.done()
}

/// One or more digits.
fn digits(scan: &mut Scan<'_>) -> bool {
    let n = scan.bytes[scan.at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    scan.at += n;
    n > 0
}

/// A duration after its `P`.
fn duration(scan: &mut Scan<'_>) -> bool {
    const DATE_UNITS: [&[u8]; 9] = [b"WE", b"DE", b"CE", b"ML", b"Y", b"Q", b"M", b"W", b"D"];
    const TIME_UNITS: [&[u8]; 3] = [b"H", b"M", b"S"];
    let mut parts = 0;
    while !scan.done() && scan.peek() != Some(b'T') {
        if !(number(scan) && DATE_UNITS.iter().any(|unit| scan.eat(unit))) {
            return false;
        }
        parts += 1;
    }
    if scan.eat(b"T") {
        let mut time_parts = 0;
        while !scan.done() {
            if !(number(scan) && TIME_UNITS.iter().any(|unit| scan.eat(unit))) {
                return false;
            }
            time_parts += 1;
        }
        if time_parts == 0 {
            return false;
        }
        parts += time_parts;
    }
    parts > 0
}

/// Digits with an optional decimal part, or one or more `X`.
fn number(scan: &mut Scan<'_>) -> bool {
    if scan.peek() == Some(b'X') {
        while scan.eat(b"X") {}
        return true;
    }
    digits(scan) && (!scan.eat(b".") || digits(scan))
}

#[cfg(test)]
mod tests {
    use super::is_valid_timex_value as valid;

    #[test]
    fn dates() {
        for ok in [
            "2025",
            "XXXX",
            "199",
            "19",
            "1",
            "BC0480",
            "BC04",
            "2025-12",
            "XXXX-12",
            "2024-02-29",
            "2025-XX-XX",
            "XXXX-XX-07",
            "2025-W01",
            "2025-WXX",
            "2025-W49-WE",
            "XXXX-WXX-3",
            "2025-Q1",
            "2025-QX",
            "2025-H2",
            "2025-SP",
            "2025-SU",
            "2025-FA",
            "2025-WI",
            "999X",
        ] {
            assert!(valid(ok), "{ok}");
        }
        for bad in [
            "2023-02-29",
            "2025-04-31",
            "2025-00",
            "2025-12-00",
            "2025-W00",
            "2025-W01-8",
            "2025-H3",
            "2025-Q0",
            "20251207",
            "2025-",
            "2025-12-",
            "2025-1",
            "2025-12-7",
            "BC",
            "2025-SX",
            "2X25",
            "12025",
            "2025-AU",
            "2025-12-07 ",
        ] {
            assert!(!valid(bad), "{bad}");
        }
    }

    #[test]
    fn times() {
        for ok in [
            "2025-12-07T19:30",
            "2025-12-07T19",
            "2025-12-07T19:30:05",
            "2025-12-07T19:30:05.25",
            "2025-12-07T19:30Z",
            "2025-12-07T19:30-05",
            "2025-12-07T19:30+0430",
            "2025-12-07TMO",
            "2025-12-07TNI",
            "XXXX-WXX-3TNI",
            "T19:30",
            "TXX:XX",
            "T24:00",
        ] {
            assert!(valid(ok), "{ok}");
        }
        for bad in [
            "2025-12-07T",
            "2025-12-07T19:60",
            "2025-12T19:30",
            "2025T19",
            "2025-12-07TMOZ",
            "2025-12-07T19:30+",
            "2025-12-07T19:30+04:3",
            "T7:30",
            "2025-W49T10:00",
        ] {
            assert!(!valid(bad), "{bad}");
        }
    }

    #[test]
    fn durations() {
        for ok in [
            "P91D", "P3M", "P4Y", "P2DE", "P1CE", "P1ML", "P1WE", "PXY", "PXXD", "P1Y6M", "PT24H",
            "PT1M30S", "P1DT2H", "P1.5Y", "P2Q", "PTXH",
        ] {
            assert!(valid(ok), "{ok}");
        }
        for bad in [
            "P", "PT", "P3", "P1DT", "PT3D", "P3H", "P1.Y", "P.5Y", "PY", "P1Z",
        ] {
            assert!(!valid(bad), "{bad}");
        }
    }

    #[test]
    fn references_and_others() {
        assert!(valid("PAST_REF"));
        assert!(valid("PRESENT_REF"));
        assert!(valid("FUTURE_REF"));
        for bad in ["", "past_ref", "NOW", "-5", "é", "2025-12-07\u{0}"] {
            assert!(!valid(bad), "{bad:?}");
        }
    }
}
