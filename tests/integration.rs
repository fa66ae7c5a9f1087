//! The integration tests: one binary, one module per area under
//! `tests/integration/`.

#[cfg(feature = "cli")]
#[path = "integration/cli.rs"]
mod cli;
#[path = "integration/common.rs"]
#[allow(dead_code)] // each test module uses its own share of the helpers
mod common;
#[path = "integration/engine.rs"]
mod engine;
#[path = "integration/eval.rs"]
mod eval;
#[path = "integration/events.rs"]
mod events;
#[path = "integration/meantime.rs"]
mod meantime;
#[path = "integration/robustness.rs"]
mod robustness;
#[path = "integration/running_example.rs"]
mod running_example;
#[path = "integration/timeline.rs"]
mod timeline;
#[path = "integration/timeml.rs"]
mod timeml;
#[path = "integration/timex_cases.rs"]
mod timex_cases;
#[path = "integration/wikiwars.rs"]
mod wikiwars;
