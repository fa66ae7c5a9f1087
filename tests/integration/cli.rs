//! The command line, run as the built binary.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use chronoline::{parse_timeml, read_timeml};

use crate::common::{raw_text, shared_data, temp_dir, tml_files};

fn chronoline(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronoline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // A command that fails on its arguments exits without reading its input,
    // and writing to it then fails with a broken pipe: that is not an error here.
    if let Err(err) = input.write_all(stdin.unwrap_or("").as_bytes()) {
        assert_eq!(
            err.kind(),
            std::io::ErrorKind::BrokenPipe,
            "writing the command's input: {err}"
        );
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn tempeval_keeps_the_text_of_every_training_file() {
    let Some(data) = shared_data() else { return };
    for (dir, count) in [
        ("tempeval3/train/timebank", 183),
        ("tempeval3/train/aquaint", 73),
        ("timeline-trial/raw-timeml", 30),
    ] {
        let input = data.join(dir);
        let out = temp_dir(&dir.replace('/', "-"));
        let run = chronoline(
            &["tempeval", input.to_str().unwrap(), out.to_str().unwrap()],
            None,
        );
        assert!(run.status.success(), "{dir}: {}", stderr(&run));
        assert_eq!(
            stdout(&run),
            format!("wrote {count} TimeML files to {}\n", out.display())
        );
        let written = tml_files(&out);
        assert_eq!(written.len(), count, "{dir}");
        for path in tml_files(&input) {
            let name = path.file_name().unwrap();
            let original = std::fs::read_to_string(&path).unwrap();
            let annotated = std::fs::read_to_string(out.join(name)).unwrap();
            assert_eq!(
                raw_text(&annotated),
                raw_text(&original),
                "{}",
                path.display()
            );
            let gold = read_timeml(&path).unwrap();
            let system = parse_timeml(&annotated).unwrap();
            assert_eq!(
                (&system.id, &system.text, &system.dct),
                (&gold.id, &gold.text, &gold.dct)
            );
            assert_eq!(
                system.sentences.iter().map(|s| &s.id).collect::<Vec<_>>(),
                gold.sentences.iter().map(|s| &s.id).collect::<Vec<_>>()
            );
        }
        let _ = std::fs::remove_dir_all(&out);
    }
}

fn figures(table: &str) -> Vec<&str> {
    table
        .split_whitespace()
        .filter(|w| {
            let w = w.trim_end_matches(',');
            w.len() > 3
                && w.as_bytes()[w.len() - 3] == b'.'
                && w.replace('.', "").bytes().all(|b| b.is_ascii_digit())
        })
        .map(|w| w.trim_end_matches(','))
        .collect()
}

#[test]
fn eval_of_the_gold_against_itself_is_100_everywhere() {
    let Some(data) = shared_data() else { return };
    for dir in ["tempeval3/train/timebank", "tempeval3/train/aquaint"] {
        let dir = data.join(dir);
        let dir = dir.to_str().unwrap();
        let run = chronoline(&["eval", dir, dir], None);
        assert!(run.status.success(), "{}", stderr(&run));
        let table = stdout(&run);
        let figures = figures(&table);
        assert_eq!(figures.len(), 8 * 3 + 3, "{table}");
        assert!(figures.iter().all(|f| *f == "100.00"), "{table}");
    }
}

#[test]
fn eval_json_and_split() {
    let Some(data) = shared_data() else { return };
    let dir = data.join("tempeval3/train/timebank");
    let dir = dir.to_str().unwrap();
    let run = chronoline(&["eval", dir, dir, "--json", "--split", "dev"], None);
    assert!(run.status.success(), "{}", stderr(&run));
    let json: serde_json::Value = serde_json::from_str(&stdout(&run)).unwrap();
    assert_eq!(json["documents"], 41);
    assert_eq!(json["timex"]["value_f1"], 1.0);
    let train = chronoline(&["eval", dir, dir, "--json", "--split", "train"], None);
    let json: serde_json::Value = serde_json::from_str(&stdout(&train)).unwrap();
    assert_eq!(json["documents"], 183 - 41);
}

#[test]
fn eval_lists_errors_against_an_empty_system() {
    let Some(data) = shared_data() else { return };
    let gold = data.join("tempeval3/train/aquaint");
    let empty = temp_dir("empty-system");
    let run = chronoline(
        &[
            "eval",
            gold.to_str().unwrap(),
            empty.to_str().unwrap(),
            "--errors",
        ],
        None,
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let table = stdout(&run);
    assert!(table.contains("73 without a system file"), "{table}");
    assert!(table.contains("  missed timex \""), "{table}");
    let _ = std::fs::remove_dir_all(&empty);
}

#[test]
fn eval_lists_only_the_errors_of_one_kind() {
    let Some(data) = shared_data() else { return };
    let gold = data.join("tempeval3/train/aquaint");
    let system = temp_dir("errors-of-system");
    let annotate = chronoline(
        &["tempeval", gold.to_str().unwrap(), system.to_str().unwrap()],
        None,
    );
    assert!(annotate.status.success(), "{}", stderr(&annotate));
    let run = chronoline(
        &[
            "eval",
            gold.to_str().unwrap(),
            system.to_str().unwrap(),
            "--errors-of",
            "value",
        ],
        None,
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let table = stdout(&run);
    // error lines are indented by two spaces, the table's header by more
    let listed: Vec<&str> = table
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .collect();
    assert!(!listed.is_empty(), "{table}");
    assert!(
        listed.iter().all(|l| l.starts_with("  timex value ")),
        "{table}"
    );
    let _ = std::fs::remove_dir_all(&system);
}

#[test]
fn usage_and_configuration_errors_exit_with_2() {
    let run = chronoline(&["extract", "-", "--dct", "2025-13-40"], Some("on Monday"));
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).starts_with("chronoline: invalid document date \"2025-13-40\": "),
        "{}",
        stderr(&run)
    );
    let run = chronoline(&["extract", "--no-such-option"], None);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).starts_with("chronoline: "));
    let run = chronoline(&["extract", "--example", "--format", "yaml"], None);
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn unreadable_files_fail_with_1_and_name_the_file() {
    let dir = temp_dir("unreadable");
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9 on Monday").unwrap();
    let bad_xml = dir.join("bad.tml");
    std::fs::write(&bad_xml, "<TimeML>\n<TEXT>a</TIMEX3></TEXT></TimeML>").unwrap();
    let missing = dir.join("missing.txt");
    for (path, expect) in [
        (&latin1, "not UTF-8"),
        (&bad_xml, "2:8: end tag </TIMEX3>"),
        (&missing, "no such file"),
    ] {
        let run = chronoline(&["extract", path.to_str().unwrap()], None);
        assert_eq!(run.status.code(), Some(1));
        let message = stderr(&run);
        assert!(
            message.starts_with(&format!("chronoline: {}: ", path.display())),
            "{message}"
        );
        assert!(message.contains(expect), "{message}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn extract_formats() {
    let run = chronoline(&["extract", "--example", "--format", "csv"], None);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stdout(&run).starts_with(
        "document,start,end,text,type,value,mod,interval_start,interval_end,granularity,rule\n"
    ));
    let run = chronoline(
        &["extract", "-", "--dct", "2025-12-07"],
        Some("Été, à Zürich.\n"),
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let doc: chronoline::Document = serde_json::from_str(&stdout(&run)).unwrap();
    assert_eq!(
        (doc.id.as_str(), doc.text.as_str()),
        ("stdin", "Été, à Zürich.\n")
    );
    assert_eq!(doc.dct.unwrap().value(), "2025-12-07");
    let run = chronoline(&["extract", "--example", "--format", "timeml"], None);
    let doc = parse_timeml(&stdout(&run)).unwrap();
    assert_eq!(doc.id, "example");
    assert_eq!(doc.dct.unwrap().value(), "2025-03-14");
    assert!(doc.text.contains("for 45 days"));
}

#[test]
fn timeline_writes_csv_and_json_files() {
    let dir = temp_dir("timeline");
    let text = dir.join("note.txt");
    std::fs::write(&text, "The council met on 7 December 2025.").unwrap();
    let csv = dir.join("timeline.csv");
    let json = dir.join("timeline.json");
    let run = chronoline(
        &[
            "timeline",
            text.to_str().unwrap(),
            "--dct",
            "2025-12-08",
            "--csv",
            csv.to_str().unwrap(),
            "--json",
            json.to_str().unwrap(),
        ],
        None,
    );
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stdout(&run).is_empty());
    assert!(std::fs::read_to_string(&csv)
        .unwrap()
        .starts_with("position,date,start,end,"));
    let _: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let run = chronoline(&["timeline", "--example"], None);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(stdout(&run).starts_with("position,date,start,end,"));
    assert!(Path::new(&dir).exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn wikiwars_eval_scores_a_timex2_folder() {
    let dir = temp_dir("wikiwars-eval");
    let inline = dir.join("timex2-inline");
    let raw = dir.join("raw");
    std::fs::create_dir_all(&inline).unwrap();
    std::fs::create_dir_all(&raw).unwrap();
    let annotated = "<DOC>\n<DOCID>w1</DOCID>\n<DATETIME> <TIMEX2 val=\"2009-12-19\">2009-12-19</TIMEX2> </DATETIME>\n<TEXT>\n\
        The siege began on <TIMEX2 val=\"1940-06-01\">1 June 1940</TIMEX2>. \
        <TIMEX2 val=\"1940-06-03\">Two days later</TIMEX2> the city fell, \
        and <TIMEX2 val=\"1941\">the following year</TIMEX2> it was retaken \
        after <TIMEX2 val=\"P3M\">three months</TIMEX2> of fighting.\n</TEXT>\n</DOC>\n";
    let plain = annotated
        .split("<TIMEX2")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part.to_string()
            } else {
                part.split_once('>')
                    .map_or("", |(_, rest)| rest)
                    .to_string()
            }
        })
        .collect::<String>()
        .replace("</TIMEX2>", "");
    std::fs::write(inline.join("w1.key.xml"), annotated).unwrap();
    std::fs::write(raw.join("w1.sgm"), &plain).unwrap();
    let run = chronoline(&["wikiwars-eval", dir.to_str().unwrap(), "--json"], None);
    assert!(run.status.success(), "{}", stderr(&run));
    let scores: serde_json::Value = serde_json::from_str(&stdout(&run)).unwrap();
    assert_eq!(scores["documents"], 1);
    assert_eq!(scores["gold"], 4);
    assert_eq!(scores["plain_dates"], 3, "{scores}");
    assert_eq!(scores["relaxed"]["f1"], 1.0, "{scores}");
    assert_eq!(scores["plain_date_accuracy"], 1.0, "{scores}");

    let table = chronoline(&["wikiwars-eval", dir.to_str().unwrap()], None);
    assert!(stdout(&table).contains("value accuracy on plain dates: 100.00 (3 of 3"));

    // A raw file whose text differs is an error, not a silent misalignment.
    std::fs::write(raw.join("w1.sgm"), plain.replace("siege", "sieges")).unwrap();
    let run = chronoline(&["wikiwars-eval", dir.to_str().unwrap()], None);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).contains("its text differs"),
        "{}",
        stderr(&run)
    );

    let empty = temp_dir("wikiwars-eval-empty");
    let run = chronoline(&["wikiwars-eval", empty.to_str().unwrap()], None);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("no TIMEX2 SGML files"));
}
