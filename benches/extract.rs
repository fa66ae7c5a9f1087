//! Criterion benchmarks: extraction throughput on news text, building an
//! extractor, and a timeline of 10,000 documents.
//!
//! ```text
//! cargo bench --bench extract
//! ```
//!
//! The text is the TEXT of the TempEval-3 training files in
//! `../shared/data` (TimeBank and AQUAINT, about 0.5 MB), or the crate's
//! example article repeated when that folder is absent (see `corpus.rs`).
//! Measurement times are short so that the suite runs in about a minute
//! on a small shared machine.

mod corpus;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use chronoline::{Document, Extractor, Options, Timeline};

fn extract(c: &mut Criterion) {
    let corpus = corpus::load();
    eprintln!("news text: {} bytes, {}", corpus.bytes(), corpus.source);
    let mut group = c.benchmark_group("extract/news");
    group.throughput(Throughput::Bytes(corpus.bytes() as u64));
    for (name, events) in [("timex", false), ("full", true)] {
        let extractor = Extractor::with_options(Options {
            events,
            ..Options::default()
        });
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut found = 0;
                for text in &corpus.texts {
                    let doc = extractor.extract(black_box(&text.text), text.dct.clone());
                    found += doc.timexes.len() + doc.events.len();
                }
                found
            })
        });
    }
    group.finish();
}

fn extractor_new(c: &mut Criterion) {
    // The lexicons and automata are built on the first call in a process
    // (`cargo run --release --example profile -- new` times that one);
    // this is the cost of every later one.
    c.bench_function("extractor/new", |b| b.iter(Extractor::new));
}

fn timeline(c: &mut Criterion) {
    let corpus = corpus::load();
    let extractor = Extractor::new();
    let extracted: Vec<Document> = corpus
        .texts
        .iter()
        .map(|t| extractor.extract(&t.text, t.dct.clone()))
        .collect();
    let docs: Vec<Document> = (0..10_000)
        .map(|i| {
            let mut doc = extracted[i % extracted.len()].clone();
            doc.id = format!("d{i}");
            doc
        })
        .collect();
    let mut group = c.benchmark_group("timeline");
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.bench_function("10000-docs", |b| {
        b.iter(|| Timeline::new(black_box(&docs)).len())
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = extract, extractor_new, timeline
}
criterion_main!(benches);
