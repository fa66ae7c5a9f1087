//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// The shared development data, if this checkout has it.
pub fn shared_data() -> Option<PathBuf> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data"));
    if dir.is_dir() {
        Some(dir.to_path_buf())
    } else {
        eprintln!(
            "skipping: {} is absent (the development corpora are not in this checkout)",
            dir.display()
        );
        None
    }
}

/// The `.tml` files of a directory of the shared data, sorted.
pub fn tml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    files.sort();
    files
}

/// Every TimeML file of the training corpora and the timeline trial data.
pub fn training_files(data: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in [
        "tempeval3/train/timebank",
        "tempeval3/train/aquaint",
        "timeline-trial/raw-timeml",
    ] {
        let found = tml_files(&data.join(dir));
        assert!(!found.is_empty(), "no .tml files in {dir}");
        files.extend(found);
    }
    files
}

/// The raw content of the TEXT element with every tag removed but the
/// escaping kept: what the official scorer compares between two files.
pub fn raw_text(xml: &str) -> String {
    let start = xml.find("<TEXT>").expect("a TEXT element") + "<TEXT>".len();
    let end = xml.rfind("</TEXT>").expect("a TEXT end tag");
    let mut out = String::new();
    let mut rest = &xml[start..end];
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let gt = rest[lt..].find('>').expect("a closed tag");
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    out
}

/// A fresh, empty temporary directory for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronoline-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The running example of DESIGN.md, the seed article of Sunday
/// 7 December 2025, extracted with its DCT; `None`, with a message, where
/// `../shared/examples` is absent.
pub fn seed_article() -> Option<chronoline::Document> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/examples/afghanistan-news-2025-12-07.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipping: {path} is not there (the shared examples ship outside the crate)");
        return None;
    };
    Some(chronoline::Extractor::new().extract(&text, Some("2025-12-07".parse().ok()?)))
}

/// A calendar date the test names.
pub fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
}
