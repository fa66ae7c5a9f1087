//! Integration tests; each module is one suite.

mod timex_cases;
