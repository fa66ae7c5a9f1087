//! The configuration parsers: `Dct`, `Mode` and `Prefer` from strings. An
//! error or a value, never a panic; a DCT that parses prints a value that
//! parses back to the same date and time.
#![no_main]

use chronoline::{is_valid_timex_value, Dct, Mode, Prefer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(dct) = s.parse::<Dct>() {
        let value = dct.value();
        assert!(is_valid_timex_value(&value), "{s:?} gives value {value:?}");
        let again: Dct = value
            .parse()
            .unwrap_or_else(|e| panic!("{s:?} gives {value:?}, which does not parse: {e}"));
        assert_eq!((again.date, again.time), (dct.date, dct.time), "{s:?}");
    }
    if let Ok(mode) = s.parse::<Mode>() {
        assert_eq!(mode.as_str().parse::<Mode>().ok(), Some(mode));
    }
    if let Ok(prefer) = s.parse::<Prefer>() {
        assert_eq!(prefer.as_str().parse::<Prefer>().ok(), Some(prefer));
    }
    let _ = is_valid_timex_value(s);
});
