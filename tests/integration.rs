//! Integration tests: one binary, one module per area under `tests/integration/`.

#[path = "integration/running_example.rs"]
mod running_example;
