//! How extraction time and memory grow with the input: prints time per MB
//! and peak resident memory for texts of 1, 10 and 100 MB (or the sizes
//! given). The program writes each text to a temporary file and measures
//! it in a fresh process that reads the file, as a user's program (or
//! `chronoline extract FILE`) does, so that neither peaks nor the building
//! of the text carry over. `base MB` is what that process holds before it
//! reads the text (program, libraries, the extractor and the tables made
//! on first use, built by extracting one sentence); the last column is the
//! peak beyond it per input byte.
//!
//! ```text
//! cargo run --release --example scaling                        # 1 10 100 MB, full pipeline
//! cargo run --release --example scaling -- --pieces 1 10 100   # streamed
//! cargo run --release --example scaling -- --no-events 1 10 100
//! cargo run --release --example scaling -- --no-events --pieces 1 10 100
//! cargo run --release --example scaling -- --one-paragraph --pieces 1 10 100
//! cargo run --release --example scaling -- --one-line --pieces 1 10 100
//! cargo run --release --example scaling -- --pieces --stages 1 # memory by stage
//! ```
//!
//! `--one-paragraph` removes the blank lines of the text (one paragraph a
//! line, as OCR output), `--one-line` puts it all on one line: such text
//! has no paragraph break, and its pieces end at sentence ends instead.
//! `--stages` prints, on standard error, the resident memory after each
//! stage, split into heap (`RssAnon`) and program and library pages
//! (`RssFile`).
//!
//! By default the whole [`Document`] is built (`extract_document`) and
//! held; with `--pieces`, `Extractor::extract_pieces` hands over each
//! paragraph-aligned piece of about 16 KiB as it is done and the program
//! counts and drops it, as `chronoline extract --csv OUT` does. Either way
//! a long text is extracted in pieces, so the work structures (tokens,
//! words, features) are those of one piece; what grows with the text is
//! the text and, without `--pieces`, the document's own results.
//!
//! Figures of 2026-11-28 (2 shared cores, load 8-10, so seconds move by
//! 20-30%; TempEval-3 text):
//!
//! ```text
//!                      s/MB at 1 / 10 / 100 MB    peak/input at 1 / 10 / 100 MB
//! full, --pieces       0.53 / 0.67 / 0.63         6.38 / 1.55 / 1.05
//! timex-only, --pieces 0.13 / 0.13 / 0.10         4.98 / 1.41 / 1.04
//! ```
//!
//! Before (pieces of 64 KiB, the text built in the measured process):
//! full, `--pieces` 0.57 / 0.34 / 0.43 s/MB and 9.97 / 1.99 / 1.13
//! peak/input; timex-only, `--pieces` 0.14 / 0.12 / 0.11 and
//! 9.23 / 1.85 / 1.11.
//!
//! What the 6.4 MB peak of the full pipeline at 1 MB is (`--stages`, and
//! `/proc/self/smaps`): 4.0 MB of program and library pages (the C
//! library and loader 1.5 MB, the program's code 0.8 MB, the event
//! weights compiled in 1.2 MB of their 1.4 MB touched, other tables and
//! lexicons 0.3 MB), 0.3 MB of heap for the extractor and its tables, the
//! 1.0 MB text, and about 1 MB for one piece at work (tokens, words, the
//! lowercased text, event features, the piece's results). The base alone
//! is 4.3 MB, more than 4 times a 1 MB input; timex-only, 3.3 MB.
//! heaptrack puts the heap peak at 2.1 MB (1.0 MB of it the text); with
//! pieces of 64 KiB it was 6.7 MB (a piece's words twice, 2.4 MB, its
//! tokens 0.6 MB, and the harness's own copy of the TempEval-3 text).
//!
//! A document holds about 15 bytes per input byte with events: each event
//! (about 20 per KB of news) is a 232-byte struct with six heap strings,
//! and has a 96-byte link with three. (Whole-document figures before:
//! full 23.8 / 16.3 / 15.6 peak/input, timex-only 10.3 / 3.64 / 2.99.)
//!
//! The text is the TEXT of the TempEval-3 training files in
//! `../shared/data` when that folder is present (news, with real temporal
//! expressions), else the built-in example article; either is repeated,
//! paragraph by paragraph, up to the size. Peak memory is the process's
//! high-water mark (`VmHWM` from `/proc/self/status`, Linux only), which
//! includes the input text itself.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chronoline::{Dct, Document, Extractor, Options};

const EXAMPLE: &str = include_str!("../data/example-article.txt");

/// The flags passed on to the measured process.
const FLAGS: [&str; 5] = [
    "--no-events",
    "--pieces",
    "--stages",
    "--one-paragraph",
    "--one-line",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    if let Some(at) = args.iter().position(|a| a == "--one") {
        let path = args.get(at + 1).expect("--one takes a file");
        let dct: Dct = args
            .get(at + 2)
            .and_then(|s| s.parse().ok())
            .expect("--one takes a file and a DCT");
        measure(
            Path::new(path),
            dct,
            !has("--no-events"),
            has("--pieces"),
            has("--stages"),
        );
        return;
    }
    let mut sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() {
        sizes = vec![1, 10, 100];
    }
    let (mut base, dct) = base_text();
    if let Some(layout) = ["--one-paragraph", "--one-line"]
        .into_iter()
        .find(|flag| has(flag))
    {
        // OCR-like text: no blank line anywhere, one paragraph per line
        // (`--one-paragraph`), or all on one line (`--one-line`).
        let end = if layout == "--one-line" { ' ' } else { '\n' };
        base = base.lines().filter(|line| !line.trim().is_empty()).fold(
            String::new(),
            |mut text, line| {
                text.push_str(line);
                text.push(end);
                text
            },
        );
    }
    let exe = std::env::current_exe().expect("the path of this program");
    println!(
        "{:>6} {:>9} {:>9} {:>9} {:>10} {:>8} {:>10} {:>11} {:>16}",
        "MB",
        "seconds",
        "s/MB",
        "timexes",
        "events",
        "base MB",
        "peak MB",
        "peak/input",
        "(peak-base)/input"
    );
    for mb in sizes {
        let path = std::env::temp_dir().join(format!(
            "chronoline-scaling-{}-{mb}MB.txt",
            std::process::id()
        ));
        std::fs::write(&path, repeat_to(&base, mb * 1_000_000)).expect("write the input file");
        let mut command = Command::new(&exe);
        command.arg("--one").arg(&path).arg(dct.to_string());
        command.args(FLAGS.into_iter().filter(|flag| has(flag)));
        let status = command.status();
        let _ = std::fs::remove_file(&path);
        assert!(
            status.expect("run the measurement").success(),
            "the {mb} MB run failed"
        );
    }
}

/// Reads the text of `path` as a program of a user would, extracts from
/// it and prints a row of the table (with `stages`, the memory at each
/// stage before it, on standard error).
fn measure(path: &Path, dct: Dct, events: bool, in_pieces: bool, stages: bool) {
    let stage = |name: &str| {
        if stages {
            eprintln!("{name:<34} {}", Memory::now());
        }
    };
    stage("start");
    let extractor = Extractor::with_options(Options {
        events,
        ..Options::default()
    });
    stage("Extractor::with_options");
    // One sentence builds the tables made on first use, so that the base
    // is the program with all its tables.
    let warm_up = Instant::now();
    let _ = extractor.extract("It rained on 3 May 2024, the council said.", None);
    let warm_up = warm_up.elapsed().as_secs_f64();
    stage(&format!("one sentence ({warm_up:.3} s)"));
    let base_bytes = Memory::now().rss;
    let text = std::fs::read_to_string(path).expect("read the input file");
    stage("text read");
    let input_bytes = text.len();
    let started = Instant::now();
    let (timexes, events) = if in_pieces {
        // Each piece is counted and dropped, as a program that writes its
        // rows out (`chronoline extract --csv`) does.
        let (mut timexes, mut events) = (0, 0);
        extractor.extract_pieces(&text, Some(dct), |_, piece| {
            timexes += piece.timexes.len();
            events += piece.events.len();
        });
        (timexes, events)
    } else {
        // The document takes the text (no second copy of it).
        let doc = extractor.extract_document(Document::new("scaling", text, Some(dct)));
        (doc.timexes.len(), doc.events.len())
    };
    let seconds = started.elapsed().as_secs_f64();
    stage("extracted");
    let memory = Memory::now();
    let input_mb = input_bytes as f64 / 1e6;
    let (peak_mb, ratio, added) = match memory.peak {
        Some(bytes) => (
            format!("{:.1}", bytes as f64 / 1e6),
            format!("{:.2}", bytes as f64 / input_bytes as f64),
            format!(
                "{:.2}",
                bytes.saturating_sub(base_bytes.unwrap_or(0)) as f64 / input_bytes as f64
            ),
        ),
        None => ("n/a".to_string(), "n/a".to_string(), "n/a".to_string()),
    };
    println!(
        "{:>6.1} {:>9.2} {:>9.3} {:>9} {:>10} {:>8.1} {:>10} {:>11} {:>16}",
        input_mb,
        seconds,
        seconds / input_mb,
        timexes,
        events,
        base_bytes.unwrap_or(0) as f64 / 1e6,
        peak_mb,
        ratio,
        added
    );
}

/// News text and its date: the TempEval-3 training texts when present,
/// else the built-in article.
fn base_text() -> (String, Dct) {
    let dir: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/tempeval3/train/timebank");
    let mut text = String::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if let Ok(doc) = chronoline::read_timeml(&path) {
                text.push_str(doc.text.trim());
                text.push_str("\n\n");
            }
        }
    }
    let dct: Dct = "1998-02-27".parse().expect("a date");
    if !text.is_empty() {
        return (text, dct);
    }
    eprintln!("{} is absent: using the built-in example", dir.display());
    let (first, article) = EXAMPLE.split_once('\n').unwrap_or(("", EXAMPLE));
    let dct = first
        .trim_start_matches("dct:")
        .trim()
        .parse()
        .unwrap_or(dct);
    (format!("{}\n\n", article.trim()), dct)
}

/// `base` repeated, cut after white space, to at least `size` bytes.
fn repeat_to(base: &str, size: usize) -> String {
    let mut text = String::with_capacity(size + base.len());
    while text.len() < size {
        for paragraph in base.split_inclusive(['\n', ' ']) {
            text.push_str(paragraph);
            if text.len() >= size {
                break;
            }
        }
    }
    text
}

/// Memory figures of this process from `/proc/self/status` (Linux only).
struct Memory {
    /// `VmHWM`: the peak resident memory.
    peak: Option<u64>,
    /// `VmRSS`: the resident memory now.
    rss: Option<u64>,
    /// `RssAnon`: of it, the heap and stacks.
    anonymous: Option<u64>,
    /// `RssFile`: of it, pages of the program and libraries.
    file: Option<u64>,
}

impl Memory {
    fn now() -> Memory {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let field = |name: &str| -> Option<u64> {
            let line = status.lines().find(|l| l.starts_with(name))?;
            let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kb * 1024)
        };
        Memory {
            peak: field("VmHWM:"),
            rss: field("VmRSS:"),
            anonymous: field("RssAnon:"),
            file: field("RssFile:"),
        }
    }
}

impl std::fmt::Display for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mb = |bytes: Option<u64>| {
            bytes.map_or("n/a".to_string(), |b| format!("{:.2}", b as f64 / 1e6))
        };
        write!(
            f,
            "resident {} MB (heap and stacks {}, program and libraries {}), peak {} MB",
            mb(self.rss),
            mb(self.anonymous),
            mb(self.file),
            mb(self.peak)
        )
    }
}
