//! Extraction speed with and without events, over the texts of the
//! TempEval-3 training TimeML in `../shared/data`:
//!
//! ```text
//! cargo run --release --example events_speed
//! ```

use std::time::Instant;

use chronoline::{read_timeml, Extractor, Options};

fn main() {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/tempeval3/train"
    );
    let mut docs = Vec::new();
    for part in ["timebank", "aquaint"] {
        let Ok(dir) = std::fs::read_dir(format!("{root}/{part}")) else {
            eprintln!("no training data at {root}: nothing to measure");
            return;
        };
        for entry in dir.flatten() {
            if let Ok(doc) = read_timeml(entry.path()) {
                docs.push(doc);
            }
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    for events in [false, true, false, true] {
        let extractor = Extractor::with_options(Options {
            events,
            ..Options::default()
        });
        let started = Instant::now();
        let mut found = 0;
        for doc in &docs {
            let out = extractor.extract_document(doc.clone());
            found += out.events.len() + out.timexes.len();
        }
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "events {events:5}: {} documents, {:.1} KB in {:.3}s ({:.2} MB/s), {found} annotations",
            docs.len(),
            bytes as f64 / 1e3,
            seconds,
            bytes as f64 / 1e6 / seconds
        );
    }
}
