//! The news text the benchmarks and the profiling example run on.
//!
//! The TEXT of the TempEval-3 training files (TimeBank and AQUAINT, read
//! with `chronoline::read_timeml`) from `../shared/data`, or, when that
//! folder is absent, the crate's own example article repeated.

use std::path::{Path, PathBuf};

use chronoline::{read_timeml, Dct};

/// One document of the corpus: its text and creation time.
pub struct Text {
    pub text: String,
    pub dct: Option<Dct>,
}

/// Where the corpus came from, for the benchmark's output.
pub struct Corpus {
    pub texts: Vec<Text>,
    pub source: &'static str,
}

impl Corpus {
    /// The total size in bytes.
    pub fn bytes(&self) -> usize {
        self.texts.iter().map(|t| t.text.len()).sum()
    }
}

const FALLBACK: &str = include_str!("../data/example-article.txt");

/// The TempEval-3 training texts, or the fallback when they are absent.
pub fn load() -> Corpus {
    let root = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/tempeval3/train"
    ));
    let mut files: Vec<PathBuf> = Vec::new();
    for part in ["timebank", "aquaint"] {
        if let Ok(entries) = std::fs::read_dir(root.join(part)) {
            files.extend(
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "tml")),
            );
        }
    }
    files.sort();
    let texts: Vec<Text> = files
        .iter()
        .filter_map(|p| read_timeml(p).ok())
        .map(|d| Text {
            text: d.text,
            dct: d.dct,
        })
        .collect();
    if !texts.is_empty() {
        return Corpus {
            texts,
            source: "TempEval-3 training texts (../shared/data)",
        };
    }
    eprintln!("../shared/data/tempeval3/train is absent: using data/example-article.txt repeated");
    // The file's first line is `dct: YYYY-MM-DD`.
    let (first, body) = FALLBACK.split_once('\n').unwrap_or(("", FALLBACK));
    let dct: Option<Dct> = first.trim_start_matches("dct:").trim().parse().ok();
    Corpus {
        texts: (0..200)
            .map(|_| Text {
                text: body.to_string(),
                dct: dct.clone(),
            })
            .collect(),
        source: "data/example-article.txt x200 (fallback)",
    }
}
