//! Extraction speed with and without events, over the benchmark corpus
//! (the TempEval-3 training texts, see `benches/corpus.rs`): issue 4 asks
//! that extraction with events stay within 2x of timex-only extraction.
//!
//! ```text
//! cargo run --release --example events_speed [ROUNDS]
//! ```
//!
//! Each mode runs ROUNDS times (default 3), alternating, and the fastest
//! round of each counts: on a shared machine the slower rounds measure the
//! other processes.

#[path = "../benches/corpus.rs"]
mod corpus;

use std::time::Instant;

use chronoline::{Extractor, Options};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    let corpus = corpus::load();
    let bytes = corpus.bytes();
    println!("text: {}", corpus.source);
    let mut best = [f64::INFINITY; 2];
    for _ in 0..rounds {
        for (mode, events) in [false, true].into_iter().enumerate() {
            let (seconds, found) = run(&corpus, events);
            best[mode] = best[mode].min(seconds);
            println!(
                "events {events:5}: {} texts, {:.1} KB in {seconds:.3}s ({:.2} MB/s), {found} annotations",
                corpus.texts.len(),
                bytes as f64 / 1e3,
                bytes as f64 / 1e6 / seconds
            );
        }
    }
    println!(
        "fastest rounds: timex-only {:.3}s ({:.2} MB/s), with events {:.3}s ({:.2} MB/s): with events takes {:.2}x timex-only",
        best[0],
        bytes as f64 / 1e6 / best[0],
        best[1],
        bytes as f64 / 1e6 / best[1],
        best[1] / best[0]
    );
}

/// Extracts every text once; the seconds taken and the number of timexes
/// and events found.
fn run(corpus: &corpus::Corpus, events: bool) -> (f64, usize) {
    let extractor = Extractor::with_options(Options {
        events,
        ..Options::default()
    });
    let started = Instant::now();
    let mut found = 0;
    for text in &corpus.texts {
        let doc = extractor.extract(&text.text, text.dct.clone());
        found += doc.events.len() + doc.timexes.len();
    }
    (started.elapsed().as_secs_f64(), found)
}
