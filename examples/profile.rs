//! Extracts the benchmark corpus (see `benches/corpus.rs`) N times, for
//! profilers (perf, callgrind) and a quick throughput figure.
//!
//! ```text
//! cargo run --release --example profile -- [timex|full|new] [ROUNDS]
//! ```

#[path = "../benches/corpus.rs"]
mod corpus;

use std::time::Instant;

use chronoline::{Extractor, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let what = args.next().unwrap_or_else(|| "full".to_string());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    if what == "new" {
        let start = Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(Extractor::new());
        }
        println!(
            "Extractor::new: {:.2} ms each",
            start.elapsed().as_secs_f64() * 1e3 / rounds as f64
        );
        return;
    }
    let corpus = corpus::load();
    let options = Options {
        events: what != "timex",
        ..Options::default()
    };
    let extractor = Extractor::with_options(options);
    let cpu_start = cpu_seconds();
    let start = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for text in &corpus.texts {
            let doc = extractor.extract(&text.text, text.dct.clone());
            found += doc.timexes.len() + doc.events.len();
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds().map(|c| c - cpu_start.unwrap_or(0.0));
    let bytes = corpus.bytes() * rounds;
    println!(
        "{what}: {} bytes x {rounds} from {} in {seconds:.3} s: {:.2} MB/s, {} found per round",
        corpus.bytes(),
        corpus.source,
        bytes as f64 / seconds / 1e6,
        found / rounds
    );
    if let Some(cpu) = cpu {
        // On a shared machine the wall clock counts other processes' turns.
        println!(
            "  on-CPU time {cpu:.3} s: {:.2} MB/s per core",
            bytes as f64 / cpu / 1e6
        );
    }
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        });
    if let Some(peak) = peak {
        println!("  peak resident memory {peak}");
    }
}

/// This thread's time on a CPU, from Linux's schedstat (None elsewhere).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}
