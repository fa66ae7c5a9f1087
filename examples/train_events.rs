//! Trains the event model and writes `data/events/weights.bin`.
//!
//! ```text
//! cargo run --release --example train_events [-- --silver] [--tune] [--epochs N]
//!     [--event-bits B] [--attribute-bits B] [--link-bits B] [--gold-copies N] [--out PATH]
//! cargo run --release --example train_events -- --report data/events/weights.bin
//! cargo run --release --example train_events -- --links-only [--from PATH] [--tune] [--out PATH]
//! cargo run --release --example train_events -- --links-only --cv [--jackknife] [--from PATH]
//! ```
//!
//! Reads the TempEval-3 training TimeML in `../shared/data/tempeval3/train`
//! (TimeBank and AQUAINT) and leaves out the development split: files whose
//! name (`ABC19980108.1830.0711.tml`) hashes, FNV-1a 64-bit, to 0 modulo 5.
//! `--silver` adds TE3-Silver (unpacked from `silver.tar.gz` into a
//! temporary folder). `--tune` also leaves out the files that hash to 1
//! modulo 5, writes nothing, and scores the model on them, so that choices
//! are made without looking at the development split. `--report PATH`
//! scores a weights file on the development split, gold timexes given.
//! `--links-only` retrains only the event-timex link table of a weights
//! file (`--from`, default the compiled-in one) on the gold training files:
//! seconds instead of a minute, for link features alone. `--links-only
//! --cv` cross-validates the link table over the four training folds (1 to
//! 4; the development split stays out): per fold and pooled, link P/R/F1
//! with gold events and with the events the weights find (gold timexes
//! both times). One fold's F1 moves by two points from fold to fold, more
//! than most link features change it: the pooled figure is the one to
//! choose by. `--jackknife` also finds each fold's events with event
//! tables trained without that fold (gold files only, no silver): the
//! compiled-in tables saw the training folds, so their events there are
//! nearly the gold ones, and only this column tells what unseen text
//! (such as the development split) gives.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chronoline::training::{retrain_event_links, train_event_weights, EventTagger, TrainOptions};
use chronoline::{is_dev_file, read_timeml, Document, Extractor, Options};

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The fold of a file: 0 is the development split ([`is_dev_file`]), 1
/// the tuning fold of `--tune`.
fn fold(path: &Path) -> u64 {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if is_dev_file(&name) {
        0
    } else {
        fnv1a(name.as_bytes()) % 5
    }
}

fn tml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "tml"));
    files.sort();
    files
}

fn read(files: &[PathBuf]) -> Vec<Document> {
    files
        .iter()
        .filter_map(|f| match read_timeml(f) {
            Ok(doc) => Some(doc),
            Err(e) => {
                eprintln!("skipping {}: {e}", f.display());
                None
            }
        })
        .collect()
}

/// Relaxed (overlap) event P/R/F1 and class F1, as TempEval-3 counts them.
fn score(gold: &[Document], system: &[Document]) -> (f64, f64) {
    let (mut n_gold, mut n_sys, mut matched_g, mut matched_s, mut class_ok) = (0, 0, 0, 0, 0);
    for (g, s) in gold.iter().zip(system) {
        n_gold += g.events.len();
        n_sys += s.events.len();
        for ge in &g.events {
            if s.events.iter().any(|se| se.span.overlaps(ge.span)) {
                matched_g += 1;
            }
        }
        for se in &s.events {
            if let Some(ge) = g.events.iter().find(|ge| ge.span.overlaps(se.span)) {
                matched_s += 1;
                class_ok += usize::from(ge.class == se.class);
            }
        }
    }
    let f1 = |p: f64, r: f64| {
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let p = matched_s as f64 / n_sys.max(1) as f64;
    let r = matched_g as f64 / n_gold.max(1) as f64;
    let cp = class_ok as f64 / n_sys.max(1) as f64;
    let cr = class_ok as f64 / n_gold.max(1) as f64;
    println!(
        "events: gold {n_gold} system {n_sys} P {:.2} R {:.2} F1 {:.2}; class F1 {:.2}",
        100.0 * p,
        100.0 * r,
        100.0 * f1(p, r),
        100.0 * f1(cp, cr)
    );
    (f1(p, r), f1(cp, cr))
}

/// Event-timex links within a sentence: recall over the gold TLINKs
/// between an EVENT and a TIMEX3 of the same sentence, precision over the
/// system's links to timexes (not to the DCT); events are matched by
/// overlap and timexes are the gold ones.
fn link_score(gold: &[Document], system: &[Document]) {
    use chronoline::LinkEnd;
    let (mut n_gold, mut n_sys, mut found, mut right) = (0, 0, 0, 0);
    for (g, s) in gold.iter().zip(system) {
        let mut pairs = Vec::new();
        for link in &g.links {
            let (e, t) = match (&link.source, &link.target) {
                (LinkEnd::Event(e), LinkEnd::Time(t)) | (LinkEnd::Time(t), LinkEnd::Event(e)) => {
                    (e, t)
                }
                _ => continue,
            };
            let (Some(event), Some(timex)) = (g.event(e), g.timex(t)) else {
                continue;
            };
            let same = s.sentence_index(event.span.start).is_some()
                && s.sentence_index(event.span.start) == s.sentence_index(timex.span.start);
            if same && !pairs.contains(&(event.span, timex.span)) {
                pairs.push((event.span, timex.span));
            }
        }
        n_gold += pairs.len();
        let mut sys_pairs = Vec::new();
        for event in &s.events {
            let Some(t) = event.time.as_deref().filter(|t| *t != "t0") else {
                continue;
            };
            let Some(timex) = s.timex(t) else { continue };
            sys_pairs.push((event.span, timex.span));
        }
        n_sys += sys_pairs.len();
        for (es, ts) in &sys_pairs {
            right += usize::from(pairs.iter().any(|(ge, gt)| ge.overlaps(*es) && gt == ts));
        }
        for (ge, gt) in &pairs {
            let hit = sys_pairs
                .iter()
                .any(|(es, ts)| ge.overlaps(*es) && gt == ts);
            found += usize::from(hit);
            if !hit && std::env::var_os("LINK_DEBUG").is_some() {
                show(s, "MISS", *ge, *gt);
            }
        }
        for (es, ts) in &sys_pairs {
            if !pairs.iter().any(|(ge, gt)| ge.overlaps(*es) && gt == ts)
                && std::env::var_os("LINK_DEBUG").is_some()
            {
                // A false link to a timex that gold links to no event of
                // its sentence, or to one that gold links elsewhere.
                let kind = if pairs.iter().any(|(_, gt)| gt == ts) {
                    "FALSE-WRONG-EVENT"
                } else {
                    "FALSE-UNLINKED-TIMEX"
                };
                show(s, kind, *es, *ts);
            }
        }
    }
    let p = right as f64 / n_sys.max(1) as f64;
    let r = found as f64 / n_gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "event-timex links: gold {n_gold} system {n_sys} P {:.2} R {:.2} F1 {:.2}",
        100.0 * p,
        100.0 * r,
        100.0 * f
    );
}

fn show(doc: &Document, what: &str, event: chronoline::Span, timex: chronoline::Span) {
    let Some(i) = doc.sentence_index(event.start) else {
        return;
    };
    let sentence = doc.sentences[i].span;
    let mut marks = [
        (event.start, "[["),
        (event.end, "]]"),
        (timex.start, "{{"),
        (timex.end, "}}"),
    ];
    marks.sort_by_key(|m| std::cmp::Reverse(m.0));
    let mut text = doc.text[sentence.start..sentence.end].to_string();
    for (at, mark) in marks {
        if at >= sentence.start && at <= sentence.end {
            text.insert_str(at - sentence.start, mark);
        }
    }
    println!("{what}: {}", text.replace('\n', " "));
}

/// The most frequent missed and spurious event words, and class confusions.
fn print_errors(gold: &[Document], system: &[Document]) {
    use std::collections::HashMap;
    let mut missed: HashMap<String, usize> = HashMap::new();
    let mut spurious: HashMap<String, usize> = HashMap::new();
    let mut confused: HashMap<String, usize> = HashMap::new();
    for (g, s) in gold.iter().zip(system) {
        for ge in &g.events {
            match s.events.iter().find(|se| se.span.overlaps(ge.span)) {
                None => *missed.entry(ge.text.to_lowercase()).or_default() += 1,
                Some(se) if se.class != ge.class => {
                    *confused
                        .entry(format!(
                            "{} {}->{}",
                            ge.text.to_lowercase(),
                            ge.class,
                            se.class
                        ))
                        .or_default() += 1
                }
                Some(_) => {}
            }
        }
        for se in &s.events {
            if !g.events.iter().any(|ge| ge.span.overlaps(se.span)) {
                *spurious.entry(se.text.to_lowercase()).or_default() += 1;
            }
        }
    }
    for (name, map) in [
        ("missed", missed),
        ("spurious", spurious),
        ("confused", confused),
    ] {
        let mut v: Vec<_> = map.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let top: Vec<String> = v.iter().take(40).map(|(w, n)| format!("{w}:{n}")).collect();
        println!("{name} ({} kinds): {}", v.len(), top.join(" "));
    }
}

/// Scores a weights file on the development split, with the gold timexes
/// and DCT given (so that link figures do not depend on the timex engine),
/// with the crate's scorer: per corpus and over both.
fn report(root: &Path, weights_path: &Path) {
    let weights = std::fs::read(weights_path).expect("read the weights file");
    let tagger = EventTagger::new(weights).expect("a valid weights file");
    let mut all_gold = Vec::new();
    let mut all_system = Vec::new();
    for part in ["timebank", "aquaint"] {
        let files: Vec<PathBuf> = tml_files(&root.join("train").join(part))
            .into_iter()
            .filter(|f| fold(f) == 0)
            .collect();
        let gold = read(&files);
        let started = Instant::now();
        let system = annotated(&tagger, &gold);
        let elapsed = started.elapsed().as_secs_f64();
        print_scores(
            &format!("{part} dev ({} files, {elapsed:.2}s)", gold.len()),
            &gold,
            &system,
        );
        all_gold.extend(gold);
        all_system.extend(system);
    }
    print_scores("timebank + aquaint dev", &all_gold, &all_system);
}

fn print_scores(title: &str, gold: &[Document], system: &[Document]) {
    let scores = chronoline::evaluate(gold, system).expect("same texts");
    let e = &scores.event;
    let l = &scores.event_timex_links;
    println!(
        "{title}: events gold {} system {} relaxed P {:.2} R {:.2} F1 {:.2}, class F1 {:.2}; \
         event-timex links gold {} system {} P {:.2} R {:.2} F1 {:.2}",
        e.gold,
        e.system,
        100.0 * e.relaxed.precision,
        100.0 * e.relaxed.recall,
        100.0 * e.relaxed.f1,
        100.0 * e.class_f1,
        l.gold,
        l.system,
        100.0 * l.scores.precision,
        100.0 * l.scores.recall,
        100.0 * l.scores.f1,
    );
}

/// TE3-Silver, unpacked from `silver.tar.gz` into a temporary folder, minus
/// the files that share a name with a held-out file.
fn read_silver(root: &Path, held_out_fold: Option<u64>) -> Vec<Document> {
    let dir = std::env::temp_dir().join("chronoline-te3-silver");
    if !dir.is_dir() {
        std::fs::create_dir_all(&dir).expect("create a temporary folder");
        let status = std::process::Command::new("tar")
            .arg("-xzf")
            .arg(root.join("silver.tar.gz"))
            .arg("-C")
            .arg(&dir)
            .status()
            .expect("run tar");
        assert!(status.success(), "tar failed");
    }
    let mut silver = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "tml") {
                silver.push(p);
            }
        }
    }
    silver.sort();
    // Silver documents that share a name with a held-out file stay out.
    silver.retain(|p| fold(p) != 0 && Some(fold(p)) != held_out_fold);
    read(&silver)
}

/// Scores fresh weights on the tuning fold: events and links with gold
/// timexes (links also with gold events given, `--gold-events`), and links
/// end to end, over the timexes the crate finds.
fn tune_report(gold: &[Document], weights: Vec<u8>, flag: &dyn Fn(&str) -> bool) {
    let tagger = EventTagger::new(weights).expect("fresh weights parse");
    let system: Vec<Document> = gold
        .iter()
        .map(|g| {
            let mut doc = g.clone();
            doc.links.clear();
            if flag("--gold-events") {
                tagger.link(&mut doc);
            } else {
                doc.events.clear();
                tagger.annotate(&mut doc);
            }
            doc
        })
        .collect();
    println!("held-out fold: {} documents", gold.len());
    score(gold, &system);
    link_score(gold, &system);
    print_scores("gold timexes", gold, &system);
    let extractor = Extractor::with_options(Options {
        events: false,
        ..Options::default()
    });
    let end_to_end: Vec<Document> = gold
        .iter()
        .map(|g| {
            let mut doc = Document::new(g.id.clone(), g.text.clone(), g.dct.clone());
            doc.sentences = g.sentences.clone();
            let mut doc = extractor.extract_document(doc);
            tagger.annotate(&mut doc);
            doc
        })
        .collect();
    print_scores("end to end", gold, &end_to_end);
    if flag("--errors") {
        print_errors(gold, &system);
    }
}

fn main() {
    let root = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/tempeval3"
    ));
    if !root.is_dir() {
        eprintln!("no training data at {}: nothing to do", root.display());
        return;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let mut options = TrainOptions::default();
    if let Some(v) = value("--epochs").and_then(|v| v.parse().ok()) {
        options.epochs = v;
    }
    if let Some(v) = value("--event-bits").and_then(|v| v.parse().ok()) {
        options.event_bits = v;
    }
    if let Some(v) = value("--link-bits").and_then(|v| v.parse().ok()) {
        options.link_bits = v;
    }
    if let Some(v) = value("--attribute-bits").and_then(|v| v.parse().ok()) {
        options.attribute_bits = v;
    }
    if let Some(path) = value("--report") {
        report(&root, Path::new(&path));
        return;
    }
    let tune = flag("--tune");
    let out = value("--out").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/events/weights.bin"
        ))
    });

    // `--tune-fold N` (2 to 4) holds out another fold than the tuning one,
    // to read a model's errors without spending the tuning fold on them.
    let tune_fold: u64 = value("--tune-fold")
        .and_then(|v| v.parse().ok())
        .filter(|&f| f > 0 && f < 5)
        .unwrap_or(1);
    let mut train_files = Vec::new();
    let mut held_out = Vec::new();
    for part in ["timebank", "aquaint"] {
        for file in tml_files(&root.join("train").join(part)) {
            match fold(&file) {
                0 => {}
                f if tune && f == tune_fold => held_out.push(file),
                _ => train_files.push(file),
            }
        }
    }
    if flag("--links-only") && flag("--cv") {
        let from = value("--from").unwrap_or_else(|| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/data/events/weights.bin").to_string()
        });
        let base = std::fs::read(&from).expect("read the weights file to relink");
        cross_validate_links(&root, &base, &options, flag("--jackknife"));
        return;
    }
    if flag("--links-only") {
        let from = value("--from").unwrap_or_else(|| {
            concat!(env!("CARGO_MANIFEST_DIR"), "/data/events/weights.bin").to_string()
        });
        let base = std::fs::read(&from).expect("read the weights file to relink");
        let gold_docs = read(&train_files);
        let started = Instant::now();
        let weights =
            retrain_event_links(&base, &gold_docs, &options).expect("a valid weights file");
        println!(
            "link table retrained on {} documents in {:.1}s; weights {} bytes",
            gold_docs.len(),
            started.elapsed().as_secs_f64(),
            weights.len()
        );
        finish(weights, tune.then_some(held_out.as_slice()), &out, &flag);
        return;
    }
    let started = Instant::now();
    let mut docs = read(&train_files);
    println!("gold training documents: {}", docs.len());
    // Gold documents count more than silver ones: they are visited
    // `--gold-copies` times per epoch.
    let copies: usize = value("--gold-copies")
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let gold_docs = docs.clone();
    for _ in 1..copies {
        docs.extend(gold_docs.iter().cloned());
    }
    if flag("--silver") {
        let silver_docs = read_silver(&root, tune.then_some(tune_fold));
        println!("silver training documents: {}", silver_docs.len());
        docs.extend(silver_docs);
    }
    println!("read in {:.1}s", started.elapsed().as_secs_f64());
    let started = Instant::now();
    let weights = train_event_weights(&docs, &gold_docs, &options, |epoch, accuracy| {
        println!(
            "epoch {epoch}: {:.2}% of words right ({:.1}s)",
            100.0 * accuracy,
            started.elapsed().as_secs_f64()
        );
    });
    println!(
        "trained in {:.1}s; weights {} bytes",
        started.elapsed().as_secs_f64(),
        weights.len()
    );
    finish(weights, tune.then_some(held_out.as_slice()), &out, &flag);
}

/// Retrains the link table of `base` four times, each time without one of
/// the training folds 1 to 4, and scores it on that fold: with the gold
/// events (their attributes predicted) and with the events the weights
/// find, gold timexes given both times. Prints each fold and the pooled
/// (micro-averaged) figures.
fn cross_validate_links(root: &Path, base: &[u8], options: &TrainOptions, jackknife: bool) {
    let mut by_fold: Vec<Vec<Document>> = vec![Vec::new(); 5];
    for part in ["timebank", "aquaint"] {
        let files: Vec<PathBuf> = tml_files(&root.join("train").join(part));
        for (file, doc) in files.iter().zip(read(&files)) {
            let f = fold(file) as usize;
            if f != 0 {
                by_fold[f].push(doc);
            }
        }
    }
    let (mut all_gold, mut with_gold_events, mut with_found_events, mut with_unseen_events) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for held in 1..5 {
        let training: Vec<Document> = (1..5)
            .filter(|&f| f != held)
            .flat_map(|f| by_fold[f].iter().cloned())
            .collect();
        let weights = retrain_event_links(base, &training, options).expect("a valid weights file");
        let tagger = EventTagger::new(weights).expect("fresh weights parse");
        let gold = &by_fold[held];
        let relinked: Vec<Document> = gold
            .iter()
            .map(|g| {
                let mut doc = g.clone();
                doc.links.clear();
                tagger.link(&mut doc);
                doc
            })
            .collect();
        let found = annotated(&tagger, gold);
        let unseen: Vec<Document> = if jackknife {
            // Event tables that never saw this fold, and a link table
            // retrained over the attributes they predict.
            let events = train_event_weights(&training, &[], options, |_, _| {});
            let weights = retrain_event_links(&events, &training, options).expect("fresh weights");
            annotated(
                &EventTagger::new(weights).expect("fresh weights parse"),
                gold,
            )
        } else {
            Vec::new()
        };
        print_link_scores(&format!("fold {held}"), gold, &relinked, &found, &unseen);
        all_gold.extend(gold.iter().cloned());
        with_gold_events.extend(relinked);
        with_found_events.extend(found);
        with_unseen_events.extend(unseen);
    }
    print_link_scores(
        "pooled",
        &all_gold,
        &with_gold_events,
        &with_found_events,
        &with_unseen_events,
    );
}

/// Copies of the `gold` documents with their events and links found by
/// `tagger` (their timexes kept).
fn annotated(tagger: &EventTagger, gold: &[Document]) -> Vec<Document> {
    gold.iter()
        .map(|g| {
            let mut doc = g.clone();
            doc.events.clear();
            doc.links.clear();
            tagger.annotate(&mut doc);
            doc
        })
        .collect()
}

fn print_link_scores(
    title: &str,
    gold: &[Document],
    relinked: &[Document],
    found: &[Document],
    unseen: &[Document],
) {
    let scores = |system: &[Document]| {
        let l = chronoline::evaluate(gold, system)
            .expect("same texts")
            .event_timex_links;
        format!(
            "gold {} system {} P {:.2} R {:.2} F1 {:.2}",
            l.gold,
            l.system,
            100.0 * l.scores.precision,
            100.0 * l.scores.recall,
            100.0 * l.scores.f1
        )
    };
    print!(
        "{title} ({} documents): links with gold events {}; with found events {}",
        gold.len(),
        scores(relinked),
        scores(found)
    );
    if unseen.is_empty() {
        println!();
    } else {
        println!("; with unseen-fold events {}", scores(unseen));
    }
}

/// Scores fresh weights on the `held_out` tuning files, if given, else
/// writes them to `out`.
fn finish(weights: Vec<u8>, held_out: Option<&[PathBuf]>, out: &Path, flag: &dyn Fn(&str) -> bool) {
    match held_out {
        Some(files) => tune_report(&read(files), weights, flag),
        None => {
            std::fs::write(out, &weights).expect("write the weights file");
            println!("wrote {}", out.display());
        }
    }
}
