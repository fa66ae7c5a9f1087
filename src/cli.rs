//! The `chronoline` command line, shared by the binary and the Python package.
//!
//! Errors go to standard error as `chronoline: <message>`; the exit code is
//! 2 for a usage or configuration error (an unknown option, a bad `--dct`)
//! and 1 when the work fails (a file that cannot be read or written, or is
//! not valid TimeML).

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::error::{Error, ErrorKind};
use crate::eval::{
    evaluate, evaluate_timex2, is_dev_file, read_timex2, EvalError, Scores, Timex2Scores,
};
use crate::extractor::{Extractor, Mode, Options};
use crate::io::csv;
use crate::io::timeml::{read_timeml, to_timeml};
use crate::model::{Dct, Document, Event, Span, TimeLink, Timex};
use crate::timeline::{evaluate_timeline, EntityOptions, Timeline, TimelineScores};
use serde::Serialize;

/// The built-in example: a short news article we wrote for it. Its first
/// line is `dct: <date>`, the rest is the text.
const EXAMPLE: &str = include_str!("../data/example-article.txt");

#[derive(Parser)]
#[command(
    name = "chronoline",
    version,
    about = "Find temporal expressions and events in English text, resolve them, build timelines.",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find temporal expressions and events in text or TimeML files.
    Extract(ExtractArgs),
    /// Build one timeline of the dated events and times of several files.
    Timeline(TimelineArgs),
    /// Score SemEval-2015 Task 4 entity timelines against gold ones.
    #[command(name = "timeline-eval", visible_alias = "eval-timeline")]
    TimelineEval(TimelineEvalArgs),
    /// Annotate every TimeML file of a directory (TempEval-3 task A input).
    Tempeval(TempevalArgs),
    /// Score system TimeML files against gold ones with the TempEval-3 measures.
    Eval(EvalArgs),
    /// Run on TIMEX2-annotated SGML (WikiWars) and score extents and values.
    #[command(name = "wikiwars-eval", visible_alias = "timex2-eval")]
    WikiwarsEval(WikiwarsEvalArgs),
    /// Run on MEANTIME CAT XML files (news mode) and score them as `eval` does.
    #[command(name = "meantime-eval")]
    MeantimeEval(MeantimeEvalArgs),
}

#[derive(Args)]
#[command(after_help = "\
DIR holds MEANTIME CAT XML files (.xml), e.g. ../shared/data/meantime/corpus_apple.

The text of each file is rebuilt from its tokens: each sentence on its own
line, tokens joined by a space, except none before closing punctuation
(, . ; : ! ? ) ] } % ... '' and clitics 's n't ...) and none after ( [ { ``.
The CREATION_TIME timex is the DCT (not scored). Each text is run through
chronoline in news mode and scored as `chronoline eval` scores TimeML:
timexes (all TIMEX3 with tokens, first to last token), events (every
EVENT_MENTION, first to last token; relaxed overlap), event classes mapped
to MEANTIME's (SPEECH_COGNITIVE = REPORTING, PERCEPTION, I_STATE;
GRAMMATICAL = ASPECTUAL; OTHER = the rest), and event-timex TLINKs within a
sentence.

Example:
  chronoline meantime-eval ../shared/data/meantime/corpus_apple")]
struct MeantimeEvalArgs {
    /// The folder of MEANTIME CAT XML files.
    dir: PathBuf,
    /// List every error, document by document.
    #[arg(long)]
    errors: bool,
    /// Print JSON (figures as fractions in [0, 1]) instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct Input {
    /// Files to read: TimeML (.tml, .xml: TEXT, DCT and sentences are used)
    /// or plain UTF-8 text; `-` reads standard input.
    #[arg(value_name = "FILE", required_unless_present = "example")]
    files: Vec<PathBuf>,
    /// Run on a built-in example news article instead of files.
    #[arg(long, conflicts_with = "files")]
    example: bool,
    /// The document creation time (YYYY-MM-DD or YYYY-MM-DDTHH:MM) that
    /// relative expressions are anchored to, overriding a TimeML file's DCT.
    /// `--dct DATE` sets it for every file; `--dct FILE=DATE` for one file
    /// (FILE as given on the command line, or its file name), and may be
    /// repeated. A file with neither keeps its TimeML DCT, or has its DCT
    /// inferred from its text (a full date in its first sentence, else its first full date).
    #[arg(long, value_name = "[FILE=]DATE")]
    dct: Vec<String>,
    /// How relative expressions are anchored: to the document date (news)
    /// or to the last date mentioned (narrative).
    #[arg(long, value_enum, default_value_t = ModeArg::News)]
    mode: ModeArg,
}

#[derive(Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: Input,
    /// Output format: json (the documents; an array for several files),
    /// csv (one row per timex; start and end are character offsets), jsonl
    /// (one JSON object per line: `{"document": ID, "timex"|"event"|"link":
    /// {...}}`, spans in bytes of the document's text), or timeml.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Write the output to this file instead of printing it. It is written
    /// to a temporary file beside it, renamed into place once complete;
    /// csv and jsonl rows are written as each part of a long text is done,
    /// so memory stays flat however long the text.
    #[arg(long, short = 'o', value_name = "OUT")]
    output: Option<PathBuf>,
    /// Write the timex rows as CSV to this file: `--format csv --output OUT`.
    #[arg(long, value_name = "OUT", conflicts_with_all = ["format", "output"])]
    csv: Option<PathBuf>,
    /// Write JSON lines to this file: `--format jsonl --output OUT`.
    #[arg(long, value_name = "OUT", conflicts_with_all = ["format", "output", "csv"])]
    jsonl: Option<PathBuf>,
    /// Find only these (skip event detection).
    #[arg(long, value_enum, value_name = "WHAT")]
    only: Option<Only>,
}

#[derive(Args)]
#[command(after_help = "\
Examples:
  chronoline timeline a.txt b.txt --dct a.txt=2025-03-01 --dct b.txt=2025-03-04 --csv out.csv
  chronoline timeline docs/*.tml --about 'Steve Jobs' --format semeval2015 > steve_jobs.txt

With --about, the timeline keeps the events of which the entity is a
participant: events at most 3 words from a mention of the entity in the same
clause (its name, an alias, a proper name without its first or last word such
as 'Jobs' for 'Steve Jobs', 'the store' for 'iTunes store', 'the new iPhone'
for 'iPhone 4' once named, or 'he'/'she'/'it' opening the next sentence).
Past events with no date of their own take the last date before them in their
sentence, else the last day mentioned within 7 days of the DCT, else the DCT.

--dct DATE sets every file's date; --dct FILE=DATE one file's (repeatable).")]
struct TimelineArgs {
    #[command(flatten)]
    input: Input,
    /// Keep only the events about this entity (see below).
    #[arg(long, value_name = "ENTITY")]
    about: Option<String>,
    /// Another name of the --about entity; may be repeated.
    #[arg(long, value_name = "NAME", requires = "about")]
    alias: Vec<String>,
    /// What to print on standard output: csv (one row per entry, columns in
    /// the README), json, timelinejs (TimelineJS 3 JSON), or semeval2015
    /// (SemEval-2015 Task 4: rank<TAB>date<TAB>docid-sentence-word, needs
    /// --about).
    #[arg(long, value_enum, default_value_t = TimelineFormat::Csv)]
    format: TimelineFormat,
    /// Write the timeline as CSV to this file instead of printing it.
    #[arg(long, value_name = "OUT")]
    csv: Option<PathBuf>,
    /// Write the timeline as JSON to this file instead of printing it.
    #[arg(long, value_name = "OUT")]
    json: Option<PathBuf>,
}

#[derive(Args)]
#[command(after_help = "\
Each gold file is a SemEval-2015 Task 4 timeline: the entity on the first
line, then rank<TAB>date<TAB>docid-sentence-word[<TAB>...] lines. The system
file with the same name is compared with it (a missing one scores zero).

A system (mention, date) pair is correct when the gold has the same mention
(docid, sentence id, word without case) and the system date equals the gold
date at the gold's granularity (gold 2010-06 accepts 2010-06-07; gold
XXXX-XX-XX accepts only XXXX-XX-XX). Precision is correct pairs over system
pairs, recall correct pairs over gold pairs, F1 their harmonic mean; tau is
Kendall's tau-b of the gold and system ranks of the correct pairs. The last
row is the macro average over the entities (tau over those that have one).
This is simpler than the official SemEval-2015 measure, which scores a
temporal graph.")]
struct TimelineEvalArgs {
    /// The directory of gold timelines (one file per entity).
    gold_dir: PathBuf,
    /// The directory of system timelines, with the gold files' names.
    system_dir: PathBuf,
    /// Print JSON (figures as fractions in [0, 1]) instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TimelineFormat {
    /// One row per entry.
    Csv,
    /// The entries as JSON.
    Json,
    /// TimelineJS 3 JSON.
    Timelinejs,
    /// The SemEval-2015 Task 4 timeline of the --about entity.
    Semeval2015,
}

#[derive(Args)]
struct TempevalArgs {
    /// A directory of TimeML (.tml) files; only their TEXT, DOCID, sentence
    /// markup and DCT are used.
    in_dir: PathBuf,
    /// Where to write the annotated files, under the same names (created if
    /// needed).
    out_dir: PathBuf,
    /// Which files: all, the fixed development fifth (dev) or the rest (train).
    #[arg(long, value_enum, default_value_t = Split::All)]
    split: Split,
    /// How relative expressions are anchored.
    #[arg(long, value_enum, default_value_t = ModeArg::News)]
    mode: ModeArg,
}

#[derive(Args)]
struct EvalArgs {
    /// The directory of gold TimeML (.tml) files.
    gold_dir: PathBuf,
    /// The directory of system TimeML files, with the gold files' names.
    system_dir: PathBuf,
    /// List every error, document by document.
    #[arg(long)]
    errors: bool,
    /// List only errors of one kind (implies --errors): `value` lists the
    /// timexes found with a wrong value, to study the resolver.
    #[arg(long, value_enum, value_name = "KIND")]
    errors_of: Option<ListedErrors>,
    /// Print JSON (figures as fractions in [0, 1]) instead of a table.
    #[arg(long)]
    json: bool,
    /// Which gold files: all, the fixed development fifth (dev) or the rest (train).
    #[arg(long, value_enum, default_value_t = Split::All)]
    split: Split,
}

#[derive(Args)]
#[command(after_help = "\
DIR holds TIMEX2-annotated SGML files (.xml, .sgm, .sgml), or is a WikiWars
folder whose timex2-inline/ subfolder holds them (NAME.key.xml); a raw/
subfolder beside it (NAME.sgm) must then hold the same text without tags,
and its DATETIME is the document date.

Each document's TEXT is run through chronoline (narrative mode by default,
the DATETIME as DCT) and its timexes are paired with the outermost gold
TIMEX2s as the TempEval-3 scorer pairs them: identical extents first, then
each gold one with the first unpaired overlapping system one. Strict counts
identical extents, relaxed any pair. The value accuracy is over the relaxed
pairs whose gold val is a plain date: YYYY, YYYY-MM, YYYY-MM-DD, a decade
YYY or a century YY, each perhaps after BC; the system value must be the
same string (mod is not compared).

Example:
  chronoline wikiwars-eval ../shared/data/wikiwars/train")]
struct WikiwarsEvalArgs {
    /// The folder of TIMEX2-annotated SGML files (see below).
    dir: PathBuf,
    /// How relative expressions are anchored.
    #[arg(long, value_enum, default_value_t = ModeArg::Narrative)]
    mode: ModeArg,
    /// List every error, document by document.
    #[arg(long)]
    errors: bool,
    /// Print JSON (figures as fractions in [0, 1]) instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum ModeArg {
    /// Anchor to the document creation time.
    News,
    /// Anchor to the last date mentioned.
    Narrative,
}

impl From<ModeArg> for Mode {
    fn from(mode: ModeArg) -> Mode {
        match mode {
            ModeArg::News => Mode::News,
            ModeArg::Narrative => Mode::Narrative,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The documents as JSON.
    Json,
    /// One row per timex.
    Csv,
    /// One JSON object per timex, event and link, a line each.
    Jsonl,
    /// TimeML.
    Timeml,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Only {
    /// Temporal expressions only.
    Timexes,
}

/// Which errors `eval --errors-of` lists.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListedErrors {
    /// Every timex error: missed, spurious, extent, value, type.
    Timex,
    /// Timexes found with a wrong value.
    Value,
    /// Timexes found with a wrong type.
    Type,
    /// Every event error: missed, spurious, class.
    Event,
    /// Missed and spurious event-timex links.
    Link,
}

impl ListedErrors {
    fn keeps(self, error: &EvalError) -> bool {
        match self {
            ListedErrors::Timex => matches!(
                error,
                EvalError::MissedTimex { .. }
                    | EvalError::SpuriousTimex { .. }
                    | EvalError::TimexExtent { .. }
                    | EvalError::TimexValue { .. }
                    | EvalError::TimexType { .. }
            ),
            ListedErrors::Value => matches!(error, EvalError::TimexValue { .. }),
            ListedErrors::Type => matches!(error, EvalError::TimexType { .. }),
            ListedErrors::Event => matches!(
                error,
                EvalError::MissedEvent { .. }
                    | EvalError::SpuriousEvent { .. }
                    | EvalError::EventClass { .. }
            ),
            ListedErrors::Link => matches!(
                error,
                EvalError::MissedLink { .. } | EvalError::SpuriousLink { .. }
            ),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Split {
    /// Every file.
    All,
    /// The files `chronoline::is_dev_file` picks (about a fifth).
    Dev,
    /// The other files.
    Train,
}

impl Split {
    fn keeps(self, name: &str) -> bool {
        match self {
            Split::All => true,
            Split::Dev => is_dev_file(name),
            Split::Train => !is_dev_file(name),
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Split::All => "all",
            Split::Dev => "dev",
            Split::Train => "train",
        }
    }
}

/// Why a command stopped: the message and the exit code.
struct Failure {
    code: i32,
    message: String,
}

impl From<Error> for Failure {
    fn from(err: Error) -> Failure {
        let code = if err.kind() == ErrorKind::Invalid {
            2
        } else {
            1
        };
        Failure {
            code,
            message: err.to_string(),
        }
    }
}

fn failed(message: impl Into<String>) -> Failure {
    Failure {
        code: 1,
        message: message.into(),
    }
}

/// Runs the command line with `args` (the first is the program name) and
/// returns the process exit code.
///
/// ```
/// assert_eq!(chronoline::cli::main(["chronoline", "--help"]), 0);
/// assert_eq!(chronoline::cli::main(["chronoline", "extract", "--no-such-option"]), 2);
/// ```
pub fn main<I, S>(args: I) -> i32
where
    I: IntoIterator<Item = S>,
    S: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            if !err.use_stderr() {
                // --help and --version.
                let _ = write_stdout(&err.render().to_string());
                return 0;
            }
            let rendered = err.render().to_string();
            let message = rendered.strip_prefix("error: ").unwrap_or(&rendered);
            eprintln!("chronoline: {}", message.trim_end());
            return 2;
        }
    };
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Timeline(args) => timeline(args),
        Command::TimelineEval(args) => timeline_eval(args),
        Command::Tempeval(args) => tempeval(args),
        Command::Eval(args) => eval(args),
        Command::WikiwarsEval(args) => wikiwars_eval(args),
        Command::MeantimeEval(args) => meantime_eval(args),
    };
    match result {
        Ok(()) => 0,
        Err(failure) => {
            eprintln!("chronoline: {}", failure.message);
            failure.code
        }
    }
}

/// Writes to standard output; a closed pipe (`| head`) ends quietly.
fn write_stdout(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(failed(format!("cannot write to standard output: {e}"))),
    }
}

/// Writes a file through a temporary file in the same directory, renamed
/// into place, so that a reader never sees half a file.
fn write_atomically(path: &Path, contents: &str) -> Result<(), Failure> {
    let temp = temporary_path(path)?;
    std::fs::write(&temp, contents).map_err(|e| Error::io(&temp, e))?;
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        Error::io(path, e)
    })?;
    Ok(())
}

/// The `--dct` options: one for every file, and per-file ones.
#[derive(Default)]
struct DctOptions {
    all: Option<Dct>,
    /// (file as written, DCT), in command-line order.
    per_file: Vec<(String, Dct)>,
}

fn usage(message: impl Into<String>) -> Failure {
    Failure {
        code: 2,
        message: message.into(),
    }
}

impl DctOptions {
    /// Reads the `--dct` options; every `FILE` of `--dct FILE=DATE` must
    /// name one of `files`.
    fn parse(options: &[String], files: &[PathBuf]) -> Result<DctOptions, Failure> {
        let mut dcts = DctOptions::default();
        for option in options {
            match option.rsplit_once('=') {
                Some((file, date)) => {
                    if file.is_empty() {
                        return Err(usage(format!("--dct {option:?}: no file before '='")));
                    }
                    if !files.iter().any(|path| names_file(file, path)) {
                        return Err(usage(format!(
                            "--dct {file}=...: {file} is not an input file"
                        )));
                    }
                    dcts.per_file
                        .push((file.to_string(), date.trim().parse::<Dct>()?));
                }
                None => {
                    if dcts.all.is_some() {
                        return Err(usage(
                            "--dct DATE given twice: use --dct FILE=DATE for per-file dates",
                        ));
                    }
                    dcts.all = Some(option.trim().parse::<Dct>()?);
                }
            }
        }
        Ok(dcts)
    }

    /// The DCT of the file at `path`: the last `--dct FILE=DATE` naming it,
    /// else `--dct DATE`.
    fn for_file(&self, path: &Path) -> Option<&Dct> {
        let own = self
            .per_file
            .iter()
            .rev()
            .find(|(file, _)| names_file(file, path))
            .map(|(_, dct)| dct);
        own.or(self.all.as_ref())
    }
}

/// Whether `--dct FILE=...` names `path`: the path as given, or its file
/// name.
fn names_file(file: &str, path: &Path) -> bool {
    Path::new(file) == path
        || path
            .file_name()
            .is_some_and(|n| n == std::ffi::OsStr::new(file))
}

/// Only what a new extraction starts from: id, text, sentences and DCT.
fn text_only(doc: Document) -> Document {
    Document {
        timexes: Vec::new(),
        events: Vec::new(),
        links: Vec::new(),
        ..doc
    }
}

fn is_timeml_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("tml") || e.eq_ignore_ascii_case("xml"))
}

fn utf8(bytes: Vec<u8>, what: &str) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|e| {
        failed(format!(
            "{what}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// The documents to extract from, before extraction.
fn load(input: &Input) -> Result<Vec<Document>, Failure> {
    let dcts = DctOptions::parse(&input.dct, &input.files)?;
    let mut docs = Vec::new();
    if input.example {
        let (first, text) = EXAMPLE.split_once('\n').unwrap_or(("", EXAMPLE));
        let example_dct = first.trim_start_matches("dct:").trim().parse::<Dct>()?;
        docs.push(Document::new("example", text, Some(example_dct)));
    }
    for path in &input.files {
        let doc = if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| failed(format!("cannot read standard input: {e}")))?;
            Document::new("stdin", utf8(bytes, "standard input")?, None)
        } else if is_timeml_path(path) {
            text_only(read_timeml(path)?)
        } else {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Document::new(id, utf8(bytes, &path.display().to_string())?, None)
        };
        let mut doc = doc;
        if let Some(dct) = dcts.for_file(path) {
            doc.dct = Some(dct.clone());
        }
        docs.push(doc);
    }
    if input.example {
        if let Some(dct) = &dcts.all {
            docs[0].dct = Some(dct.clone());
        }
    }
    Ok(docs)
}

fn extract(args: ExtractArgs) -> Result<(), Failure> {
    let (format, output) = match (&args.csv, &args.jsonl) {
        (Some(path), _) => (Format::Csv, Some(path.clone())),
        (None, Some(path)) => (Format::Jsonl, Some(path.clone())),
        (None, None) => (args.format, args.output.clone()),
    };
    let docs = load(&args.input)?;
    let timexes_only = args.only == Some(Only::Timexes);
    let extractor = Extractor::with_options(Options {
        mode: args.input.mode.into(),
        events: !timexes_only,
        ..Options::default()
    });
    let mut out = Output::open(output.as_deref())?;
    let written = match format {
        Format::Csv | Format::Jsonl => write_rows(&extractor, docs, format, &mut out),
        Format::Json => write_json(&extractor, docs, STREAMED_JSON_BYTES, &mut out),
        Format::Timeml => {
            let text: String = docs
                .into_iter()
                .map(|doc| to_timeml(&extractor.extract_document(doc)))
                .collect();
            out.write(text.as_bytes())
        }
    };
    match written {
        Ok(()) => out.finish(),
        Err(failure) => {
            out.abandon();
            Err(failure)
        }
    }
}

/// Where a command's output goes: standard output, or a temporary file
/// beside the named one, renamed into place by [`Output::finish`] so that
/// a reader never sees half a file.
struct Output {
    writer: std::io::BufWriter<Box<dyn Write>>,
    /// (temporary file, final path) when writing to a file.
    file: Option<(PathBuf, PathBuf)>,
    /// Standard output was closed (`| head`): the rest is dropped quietly.
    closed: bool,
}

impl Output {
    fn open(path: Option<&Path>) -> Result<Output, Failure> {
        let Some(path) = path else {
            return Ok(Output {
                writer: std::io::BufWriter::new(Box::new(std::io::stdout())),
                file: None,
                closed: false,
            });
        };
        let temp = temporary_path(path)?;
        let file = std::fs::File::create(&temp).map_err(|e| Error::io(&temp, e))?;
        Ok(Output {
            writer: std::io::BufWriter::new(Box::new(file)),
            file: Some((temp, path.to_path_buf())),
            closed: false,
        })
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        if self.closed {
            return Ok(());
        }
        let result = self.writer.write_all(bytes);
        self.check(result)
    }

    fn check(&mut self, result: std::io::Result<()>) -> Result<(), Failure> {
        match (result, &self.file) {
            (Ok(()), _) => Ok(()),
            (Err(e), None) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            (Err(e), None) => Err(failed(format!("cannot write to standard output: {e}"))),
            (Err(e), Some((temp, _))) => Err(Error::io(temp, e).into()),
        }
    }

    /// Flushes, and renames the temporary file into place.
    fn finish(mut self) -> Result<(), Failure> {
        if !self.closed {
            let flushed = self.writer.flush();
            if let Err(failure) = self.check(flushed) {
                self.abandon();
                return Err(failure);
            }
        }
        let Some((temp, path)) = self.file.take() else {
            return Ok(());
        };
        drop(self);
        std::fs::rename(&temp, &path).map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            Error::io(&path, e).into()
        })
    }

    /// Removes the temporary file, if any.
    fn abandon(mut self) {
        if let Some((temp, _)) = self.file.take() {
            drop(self);
            let _ = std::fs::remove_file(&temp);
        }
    }
}

impl Output {
    /// Writes `value` as compact JSON, straight into the output.
    fn write_value(&mut self, value: &impl Serialize) -> Result<(), Failure> {
        if self.closed {
            return Ok(());
        }
        let result = serde_json::to_writer(&mut self.writer, value).map_err(std::io::Error::from);
        self.check(result)
    }

    /// Copies the rest of `spool` into the output.
    fn copy_from(&mut self, spool: &mut Spool) -> Result<(), Failure> {
        if self.closed {
            return Ok(());
        }
        let file = spool.rewound()?;
        let result = std::io::copy(file, &mut self.writer).map(|_| ());
        self.check(result)
    }
}

/// Texts longer than this (without sentence markup) are written as JSON
/// piece by piece ([`write_json`]).
const STREAMED_JSON_BYTES: usize = 1 << 20;

/// `value` as `serde_json::to_string_pretty` writes it, each line after
/// the first indented by `indent` (JSON strings escape their line breaks,
/// so every line break is the printer's).
fn pretty(value: &impl Serialize, indent: &str) -> Result<String, Failure> {
    let json = serde_json::to_string_pretty(value)
        .map_err(|e| failed(format!("cannot write JSON: {e}")))?;
    Ok(json.replace('\n', &format!("\n{indent}")))
}

/// `--format json`: one document, or an array of them, as
/// `serde_json::to_string_pretty` writes them. A text without sentence
/// markup longer than `streamed_above` bytes is extracted piece by piece
/// ([`Extractor::extract_pieces`]) and its sentences, timexes, events and
/// links are spooled to temporary files as the pieces come, then copied
/// out in that order: memory holds one piece's results, not the
/// document's (which take some 15 bytes per byte of news text).
fn write_json(
    extractor: &Extractor,
    docs: Vec<Document>,
    streamed_above: usize,
    out: &mut Output,
) -> Result<(), Failure> {
    let many = docs.len() != 1;
    let indent = if many { "  " } else { "" };
    if many {
        out.write(b"[")?;
    }
    let mut first = true;
    for doc in docs {
        if many {
            out.write(if first { b"\n  " } else { b",\n  " })?;
        }
        first = false;
        if !doc.sentences.is_empty() || doc.text.len() <= streamed_above {
            let doc = extractor.extract_document(doc);
            out.write(pretty(&doc, indent)?.as_bytes())?;
        } else {
            write_json_in_pieces(extractor, &doc, indent, out)?;
        }
    }
    if many {
        out.write(if first { b"]" } else { b"\n]" })?;
    }
    out.write(b"\n")
}

/// The document of `doc`'s text, extracted piece by piece, written as
/// [`pretty`] would write it whole.
fn write_json_in_pieces(
    extractor: &Extractor,
    doc: &Document,
    indent: &str,
    out: &mut Output,
) -> Result<(), Failure> {
    let item_indent = format!("{indent}    ");
    let mut spools = [(); 4].map(|()| None::<Spool>);
    let mut dct = doc.dct.clone();
    let mut written: Result<(), Failure> = Ok(());
    extractor.extract_pieces(&doc.text, doc.dct.clone(), |offset, piece| {
        if written.is_err() {
            return;
        }
        if dct.is_none() {
            dct.clone_from(&piece.dct);
        }
        let shift = |span: Span| Span::new(span.start + offset, span.end + offset);
        written = (|| {
            for sentence in &piece.sentences {
                let sentence = crate::model::Sentence {
                    span: shift(sentence.span),
                    ..sentence.clone()
                };
                spool_item(&mut spools[0], &sentence, &item_indent)?;
            }
            for timex in &piece.timexes {
                let timex = Timex {
                    span: shift(timex.span),
                    ..timex.clone()
                };
                spool_item(&mut spools[1], &timex, &item_indent)?;
            }
            for event in &piece.events {
                let event = Event {
                    span: shift(event.span),
                    ..event.clone()
                };
                spool_item(&mut spools[2], &event, &item_indent)?;
            }
            for link in &piece.links {
                spool_item(&mut spools[3], link, &item_indent)?;
            }
            Ok(())
        })();
    });
    written?;
    out.write(format!("{{\n{indent}  \"id\": ").as_bytes())?;
    out.write_value(&doc.id)?;
    out.write(format!(",\n{indent}  \"text\": ").as_bytes())?;
    out.write_value(&doc.text)?;
    if let Some(dct) = &dct {
        out.write(format!(",\n{indent}  \"dct\": ").as_bytes())?;
        out.write(pretty(dct, &format!("{indent}  "))?.as_bytes())?;
    }
    for (name, spool) in ["sentences", "timexes", "events", "links"]
        .into_iter()
        .zip(&mut spools)
    {
        out.write(format!(",\n{indent}  \"{name}\": [").as_bytes())?;
        if let Some(spool) = spool {
            out.copy_from(spool)?;
            out.write(format!("\n{indent}  ]").as_bytes())?;
        } else {
            out.write(b"]")?;
        }
    }
    out.write(format!("\n{indent}}}").as_bytes())
}

/// Appends `item` to an array being spooled (creating the spool with the
/// first item), as an element of [`pretty`]'s output indented by `indent`.
fn spool_item(
    spool: &mut Option<Spool>,
    item: &impl Serialize,
    indent: &str,
) -> Result<(), Failure> {
    let separator: &[u8] = if spool.is_some() { b"," } else { b"" };
    let spool = match spool {
        Some(spool) => spool,
        None => spool.insert(Spool::create()?),
    };
    spool.item.clear();
    serde_json::to_writer_pretty(&mut spool.item, item)
        .map_err(|e| failed(format!("cannot write JSON: {e}")))?;
    spool.write(separator)?;
    // Every line of the item indented (JSON strings escape line breaks).
    let item = std::mem::take(&mut spool.item);
    for line in item.split(|b| *b == b'\n') {
        spool.write(b"\n")?;
        spool.write(indent.as_bytes())?;
        spool.write(line)?;
    }
    spool.item = item;
    Ok(())
}

/// A temporary file that a part of the output waits in, removed when
/// dropped.
struct Spool {
    path: PathBuf,
    writer: std::io::BufWriter<std::fs::File>,
    /// The item being written, reused.
    item: Vec<u8>,
}

impl Spool {
    fn create() -> Result<Spool, Failure> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("chronoline-{}-{n}.json.tmp", std::process::id()));
        let file = std::fs::File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        Ok(Spool {
            path,
            writer: std::io::BufWriter::new(file),
            item: Vec::new(),
        })
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        self.writer
            .write_all(bytes)
            .map_err(|e| Error::io(&self.path, e).into())
    }

    /// The file, flushed and read from its start.
    fn rewound(&mut self) -> Result<&mut std::fs::File, Failure> {
        use std::io::Seek;
        let path = &self.path;
        self.writer.flush().map_err(|e| Error::io(path, e))?;
        let file = self.writer.get_mut();
        file.rewind().map_err(|e| Error::io(path, e))?;
        Ok(file)
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The temporary file beside `path` that [`Output`] and
/// [`write_atomically`] write before renaming it to `path`.
fn temporary_path(path: &Path) -> Result<PathBuf, Failure> {
    let name = path
        .file_name()
        .ok_or_else(|| failed(format!("{}: not a file name", path.display())))?;
    let mut temp_name = OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    Ok(path.with_file_name(temp_name))
}

/// The CSV header of [`push_timex_rows`].
const TIMEX_COLUMNS: [&str; 11] = [
    "document",
    "start",
    "end",
    "text",
    "type",
    "value",
    "mod",
    "interval_start",
    "interval_end",
    "granularity",
    "rule",
];

/// Extracts from each document and writes its rows as they come: a text
/// without sentence markup piece by piece ([`Extractor::extract_pieces`]),
/// so that only one piece's results are held at a time.
fn write_rows(
    extractor: &Extractor,
    docs: Vec<Document>,
    format: Format,
    out: &mut Output,
) -> Result<(), Failure> {
    let mut rows = String::new();
    if format == Format::Csv {
        csv::push_row(&mut rows, TIMEX_COLUMNS);
    }
    for doc in docs {
        if !doc.sentences.is_empty() {
            let doc = extractor.extract_document(doc);
            push_rows(&mut rows, format, &doc, 0, 0)?;
            out.write(rows.as_bytes())?;
            rows.clear();
            continue;
        }
        let mut written = Ok(());
        let mut chars_before = 0;
        extractor.extract_pieces(&doc.text, doc.dct.clone(), |offset, mut piece| {
            if written.is_err() {
                return;
            }
            piece.id.clone_from(&doc.id);
            written = push_rows(&mut rows, format, &piece, offset, chars_before)
                .and_then(|()| out.write(rows.as_bytes()));
            rows.clear();
            chars_before += piece.text.chars().count();
        });
        written?;
    }
    out.write(rows.as_bytes())
}

/// Appends the rows of `doc`, a piece at byte `offset` and character
/// `chars_before` of its whole text: CSV rows of its timexes (character
/// offsets), or JSON lines of its timexes, events and links (byte offsets).
fn push_rows(
    rows: &mut String,
    format: Format,
    doc: &Document,
    offset: usize,
    chars_before: usize,
) -> Result<(), Failure> {
    if format == Format::Csv {
        push_timex_rows(rows, doc, chars_before);
        return Ok(());
    }
    let shift = |span: Span| Span::new(span.start + offset, span.end + offset);
    let items = doc
        .timexes
        .iter()
        .map(|t| {
            JsonItem::Timex(Timex {
                span: shift(t.span),
                ..t.clone()
            })
        })
        .chain(doc.events.iter().map(|e| {
            JsonItem::Event(Event {
                span: shift(e.span),
                ..e.clone()
            })
        }))
        .chain(doc.links.iter().cloned().map(JsonItem::Link));
    for item in items {
        let line = JsonLine {
            document: &doc.id,
            item,
        };
        let json =
            serde_json::to_string(&line).map_err(|e| failed(format!("cannot write JSON: {e}")))?;
        rows.push_str(&json);
        rows.push('\n');
    }
    Ok(())
}

/// One line of `--format jsonl`.
#[derive(Serialize)]
struct JsonLine<'a> {
    document: &'a str,
    #[serde(flatten)]
    item: JsonItem,
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum JsonItem {
    Timex(Timex),
    Event(Event),
    Link(TimeLink),
}

/// One row per timex of `doc`; start and end are character (not byte)
/// offsets, plus `chars_before`.
fn push_timex_rows(out: &mut String, doc: &Document, chars_before: usize) {
    let time = |t: chrono::NaiveDateTime| t.format("%Y-%m-%dT%H:%M:%S").to_string();
    let chars = CharOffsets::new(
        &doc.text,
        doc.timexes.iter().flat_map(|t| [t.span.start, t.span.end]),
    );
    for t in &doc.timexes {
        let start = (chars_before + chars.of(t.span.start)).to_string();
        let end = (chars_before + chars.of(t.span.end)).to_string();
        let interval_start = t.interval.map(|i| time(i.start)).unwrap_or_default();
        let interval_end = t.interval.map(|i| time(i.end)).unwrap_or_default();
        csv::push_row(
            out,
            [
                doc.id.as_str(),
                &start,
                &end,
                &t.text,
                t.kind.as_str(),
                &t.value,
                t.modifier.map_or("", |m| m.as_str()),
                &interval_start,
                &interval_end,
                t.interval.map_or("", |i| i.granularity.as_str()),
                &t.rule,
            ],
        );
    }
}

/// Character offsets of some byte offsets of a text, found in one pass.
struct CharOffsets {
    /// (byte offset, character offset), sorted.
    table: Vec<(usize, usize)>,
}

impl CharOffsets {
    fn new(text: &str, bytes: impl Iterator<Item = usize>) -> CharOffsets {
        let mut wanted: Vec<usize> = bytes.collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut table = Vec::with_capacity(wanted.len());
        let mut chars = 0;
        let mut counted_to = 0;
        for wanted_byte in wanted {
            let byte = wanted_byte.min(text.len());
            // A byte inside a character counts as that character's start.
            let boundary = (0..=byte)
                .rev()
                .find(|&b| text.is_char_boundary(b))
                .unwrap_or(0);
            if boundary > counted_to {
                chars += text[counted_to..boundary].chars().count();
                counted_to = boundary;
            }
            table.push((wanted_byte, chars));
        }
        CharOffsets { table }
    }

    fn of(&self, byte: usize) -> usize {
        let i = self.table.partition_point(|&(b, _)| b < byte);
        self.table.get(i).map_or(0, |&(_, c)| c)
    }
}

fn timeline(args: TimelineArgs) -> Result<(), Failure> {
    if args.format == TimelineFormat::Semeval2015 && args.about.is_none() {
        return Err(usage("--format semeval2015 needs --about ENTITY"));
    }
    let docs = load(&args.input)?;
    let extractor = Extractor::with_options(Options {
        mode: args.input.mode.into(),
        ..Options::default()
    });
    let docs: Vec<Document> = docs
        .into_iter()
        .map(|doc| extractor.extract_document(doc))
        .collect();
    let mut names: Vec<&str> = Vec::new();
    if let Some(about) = &args.about {
        names.push(about.as_str());
        names.extend(args.alias.iter().map(String::as_str));
    }
    let timeline = if names.is_empty() {
        Timeline::new(&docs)
    } else {
        Timeline::of_entity(&docs, &names, &EntityOptions::default())
    };
    if let Some(path) = &args.csv {
        write_atomically(path, &timeline.to_csv())?;
    }
    if let Some(path) = &args.json {
        write_atomically(path, &timeline.to_json())?;
    }
    if args.csv.is_some() || args.json.is_some() {
        return Ok(());
    }
    let output = match args.format {
        TimelineFormat::Csv => timeline.to_csv(),
        TimelineFormat::Json => timeline.to_json() + "\n",
        TimelineFormat::Timelinejs => timeline.to_timelinejs() + "\n",
        TimelineFormat::Semeval2015 => timeline.to_semeval2015(args.about.as_deref().unwrap_or("")),
    };
    write_stdout(&output)
}

/// The regular files of a directory, sorted by name.
fn files_of(dir: &Path) -> Result<Vec<(String, PathBuf)>, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if path.is_file() && !name.starts_with('.') {
            files.push((name.to_string(), path));
        }
    }
    files.sort();
    Ok(files)
}

fn timeline_eval(args: TimelineEvalArgs) -> Result<(), Failure> {
    let files = files_of(&args.gold_dir)?;
    if files.is_empty() {
        return Err(failed(format!(
            "{}: no gold timelines",
            args.gold_dir.display()
        )));
    }
    if !args.system_dir.is_dir() {
        return Err(failed(format!(
            "{}: not a directory",
            args.system_dir.display()
        )));
    }
    let mut rows: Vec<EntityScores> = Vec::with_capacity(files.len());
    for (name, path) in &files {
        let gold = utf8(
            std::fs::read(path).map_err(|e| Error::io(path, e))?,
            &path.display().to_string(),
        )?;
        let entity = gold.lines().next().unwrap_or("").trim().to_string();
        let system_path = args.system_dir.join(name);
        let (system, missing) = if system_path.exists() {
            let bytes = std::fs::read(&system_path).map_err(|e| Error::io(&system_path, e))?;
            (utf8(bytes, &system_path.display().to_string())?, false)
        } else {
            (String::new(), true)
        };
        let scores =
            evaluate_timeline(&gold, &system).map_err(|e| failed(format!("{name}: {e}")))?;
        rows.push(EntityScores {
            file: name.clone(),
            entity,
            missing,
            scores,
        });
    }
    let all: Vec<TimelineScores> = rows.iter().map(|r| r.scores).collect();
    let average = TimelineScores::macro_average(&all);
    let report = TimelineReport {
        entities: rows,
        macro_average: average,
    };
    write_scores(&report, args.json, || {
        timeline_table(&report.entities, &report.macro_average)
    })
}

#[derive(serde::Serialize)]
struct EntityScores {
    file: String,
    entity: String,
    /// Whether the system directory has no file for this entity.
    missing: bool,
    #[serde(flatten)]
    scores: TimelineScores,
}

#[derive(serde::Serialize)]
struct TimelineReport {
    entities: Vec<EntityScores>,
    macro_average: TimelineScores,
}

fn timeline_table(rows: &[EntityScores], average: &TimelineScores) -> String {
    use std::fmt::Write as _;
    let pct = |x: f64| format!("{:.2}", x * 100.0);
    let tau = |t: Option<f64>| t.map_or("-".to_string(), |t| format!("{t:.3}"));
    let width = rows
        .iter()
        .map(|r| r.entity.chars().count())
        .chain([13])
        .max()
        .unwrap_or(13);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<width$} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7} {:>7}",
        "entity", "gold", "system", "match", "P", "R", "F1", "tau"
    );
    for row in rows {
        let s = &row.scores;
        let _ = writeln!(
            out,
            "{:<width$} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7} {:>7}{}",
            row.entity,
            s.gold,
            s.predicted,
            s.matched,
            pct(s.precision),
            pct(s.recall),
            pct(s.f1),
            tau(s.tau),
            if row.missing {
                "  (no system file)"
            } else {
                ""
            }
        );
    }
    let _ = writeln!(
        out,
        "{:<width$} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7} {:>7}",
        "macro average",
        average.gold,
        average.predicted,
        average.matched,
        pct(average.precision),
        pct(average.recall),
        pct(average.f1),
        tau(average.tau)
    );
    out
}

/// The `.tml` files of a directory that the split keeps, sorted by name.
fn tml_files(dir: &Path, split: Split) -> Result<Vec<(String, PathBuf)>, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if !path.is_file() || path.extension().is_none_or(|e| e != "tml") {
            continue;
        }
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if split.keeps(name) {
            files.push((name.to_string(), path));
        }
    }
    files.sort();
    Ok(files)
}

fn tempeval(args: TempevalArgs) -> Result<(), Failure> {
    let files = tml_files(&args.in_dir, args.split)?;
    if files.is_empty() {
        return Err(failed(format!(
            "{}: no .tml files (split {})",
            args.in_dir.display(),
            args.split.as_str()
        )));
    }
    std::fs::create_dir_all(&args.out_dir).map_err(|e| Error::io(&args.out_dir, e))?;
    let extractor = Extractor::with_options(Options {
        mode: args.mode.into(),
        ..Options::default()
    });
    for (name, path) in &files {
        let doc = text_only(read_timeml(path)?);
        let doc = extractor.extract_document(doc);
        write_atomically(&args.out_dir.join(name), &to_timeml(&doc))?;
    }
    write_stdout(&format!(
        "wrote {} TimeML files to {}\n",
        files.len(),
        args.out_dir.display()
    ))
}

fn eval(args: EvalArgs) -> Result<(), Failure> {
    let files = tml_files(&args.gold_dir, args.split)?;
    if files.is_empty() {
        return Err(failed(format!(
            "{}: no .tml files (split {})",
            args.gold_dir.display(),
            args.split.as_str()
        )));
    }
    if !args.system_dir.is_dir() {
        return Err(failed(format!(
            "{}: not a directory",
            args.system_dir.display()
        )));
    }
    let mut gold = Vec::with_capacity(files.len());
    let mut system = Vec::with_capacity(files.len());
    for (name, path) in &files {
        let gold_doc = read_timeml(path)?;
        let system_path = args.system_dir.join(name);
        if system_path.exists() {
            let mut system_doc = read_timeml(&system_path)?;
            // The file name pairs them, whatever the system's DOCID says.
            system_doc.id = gold_doc.id.clone();
            system.push(system_doc);
        }
        gold.push(gold_doc);
    }
    let mut scores = evaluate(&gold, &system).map_err(|e| failed(e.to_string()))?;
    let list_errors = args.errors || args.errors_of.is_some();
    if !list_errors {
        scores.errors.clear();
    }
    if let Some(kind) = args.errors_of {
        for doc in &mut scores.errors {
            doc.errors.retain(|e| kind.keeps(e));
        }
        scores.errors.retain(|doc| !doc.errors.is_empty());
    }
    write_scores(&scores, args.json, || {
        score_table(&scores, args.split, list_errors)
    })
}

/// The TIMEX2 gold files of a WikiWars-like folder, each with the raw SGML
/// file of the same document if there is one.
fn timex2_files(dir: &Path) -> Result<Vec<(PathBuf, Option<PathBuf>)>, Failure> {
    let inline = dir.join("timex2-inline");
    let (gold_dir, raw_dir) = if inline.is_dir() {
        (inline, Some(dir.join("raw")).filter(|raw| raw.is_dir()))
    } else {
        (dir.to_path_buf(), None)
    };
    let mut files = Vec::new();
    for (name, path) in files_of(&gold_dir)? {
        let lower = name.to_ascii_lowercase();
        let Some(stem) = [".key.xml", ".xml", ".sgml", ".sgm"]
            .iter()
            .find_map(|ext| lower.strip_suffix(ext).map(|s| &name[..s.len()]))
        else {
            continue;
        };
        let raw = raw_dir
            .as_ref()
            .map(|raw| raw.join(format!("{stem}.sgm")))
            .filter(|raw| raw.is_file());
        files.push((path, raw));
    }
    Ok(files)
}

fn wikiwars_eval(args: WikiwarsEvalArgs) -> Result<(), Failure> {
    let files = timex2_files(&args.dir)?;
    if files.is_empty() {
        return Err(failed(format!(
            "{}: no TIMEX2 SGML files (.xml, .sgm, .sgml, or a timex2-inline/ folder)",
            args.dir.display()
        )));
    }
    let extractor = Extractor::with_options(Options {
        mode: args.mode.into(),
        events: false,
        ..Options::default()
    });
    let mut gold = Vec::with_capacity(files.len());
    let mut system = Vec::with_capacity(files.len());
    for (path, raw) in &files {
        let mut doc = read_timex2(path)?;
        if let Some(raw) = raw {
            let raw_doc = read_timex2(raw)?;
            if raw_doc.text != doc.text {
                return Err(failed(format!(
                    "{}: its text differs from {} once the TIMEX2 tags are removed",
                    path.display(),
                    raw.display()
                )));
            }
            doc.dct = raw_doc.dct.or(doc.dct);
        }
        system.push(extractor.extract_document(doc.to_document()));
        gold.push(doc);
    }
    let mut scores = evaluate_timex2(&gold, &system)?;
    if !args.errors {
        scores.errors.clear();
    }
    write_scores(&scores, args.json, || timex2_table(&scores))
}

/// Prints scores as pretty JSON, or as the table `table` writes.
fn write_scores(
    scores: &impl Serialize,
    json: bool,
    table: impl FnOnce() -> String,
) -> Result<(), Failure> {
    let output = if json {
        serde_json::to_string_pretty(scores)
            .map_err(|e| failed(format!("cannot write JSON: {e}")))?
            + "\n"
    } else {
        table()
    };
    write_stdout(&output)
}

fn meantime_eval(args: MeantimeEvalArgs) -> Result<(), Failure> {
    let mut gold = Vec::new();
    for (name, path) in files_of(&args.dir)? {
        if name.to_ascii_lowercase().ends_with(".xml") {
            gold.push(crate::eval::read_meantime(&path)?);
        }
    }
    if gold.is_empty() {
        return Err(failed(format!(
            "{}: no MEANTIME CAT files (.xml)",
            args.dir.display()
        )));
    }
    let extractor = Extractor::with_options(Options {
        mode: Mode::News,
        ..Options::default()
    });
    let system: Vec<_> = gold
        .iter()
        .map(|doc| extractor.extract_document(doc.to_document()))
        .collect();
    let mut scores = crate::eval::evaluate_meantime(&gold, &system)?;
    if !args.errors {
        scores.total.errors.clear();
    }
    for (_, doc) in &mut scores.documents {
        doc.errors.clear();
    }
    write_scores(&scores, args.json, || scores.to_table())
}

fn timex2_table(scores: &Timex2Scores) -> String {
    use std::fmt::Write as _;
    let pct = |x: f64| format!("{:.2}", x * 100.0);
    let mut out = String::new();
    let _ = writeln!(out, "{} documents (TIMEX2 gold)", scores.documents);
    let _ = writeln!(
        out,
        "\n{:<20} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "", "gold", "system", "match", "P", "R", "F1"
    );
    for (name, matched, prf) in [
        ("timex strict", scores.strict_matches, &scores.strict),
        ("timex relaxed", scores.relaxed_matches, &scores.relaxed),
    ] {
        let _ = writeln!(
            out,
            "{name:<20} {:>7} {:>7} {matched:>7} {:>7} {:>7} {:>7}",
            scores.gold,
            scores.system,
            pct(prf.precision),
            pct(prf.recall),
            pct(prf.f1)
        );
    }
    let _ = writeln!(
        out,
        "\nvalue accuracy on plain dates: {} ({} of {} relaxed matches)",
        pct(scores.plain_date_accuracy),
        scores.plain_dates_correct,
        scores.plain_dates
    );
    for doc in &scores.errors {
        let _ = writeln!(out, "\n== {} ({} errors)", doc.document, doc.errors.len());
        for error in &doc.errors {
            let _ = writeln!(out, "  {error}");
        }
    }
    out
}

fn score_table(scores: &Scores, split: Split, errors: bool) -> String {
    use std::fmt::Write as _;
    let pct = |x: f64| format!("{:.2}", x * 100.0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} documents (split {})",
        scores.documents,
        split.as_str()
    );
    if !scores.missing.is_empty() {
        let shown = scores.missing.len().min(10);
        let _ = writeln!(
            out,
            "{} without a system file, scored as empty: {}{}",
            scores.missing.len(),
            scores.missing[..shown].join(", "),
            if shown < scores.missing.len() {
                ", ..."
            } else {
                ""
            }
        );
    }
    let _ = writeln!(
        out,
        "\n{:<20} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "", "gold", "system", "match", "P", "R", "F1"
    );
    let mut row =
        |name: &str, gold: usize, system: usize, matched: usize, p: f64, r: f64, f: f64| {
            let _ = writeln!(
                out,
                "{name:<20} {gold:>7} {system:>7} {matched:>7} {:>7} {:>7} {:>7}",
                pct(p),
                pct(r),
                pct(f)
            );
        };
    let t = &scores.timex;
    row(
        "timex strict",
        t.gold,
        t.system,
        t.strict_matches,
        t.strict.precision,
        t.strict.recall,
        t.strict.f1,
    );
    row(
        "timex relaxed",
        t.gold,
        t.system,
        t.relaxed_matches,
        t.relaxed.precision,
        t.relaxed.recall,
        t.relaxed.f1,
    );
    // An attribute's P, R and F1 are its accuracy times the relaxed ones.
    row(
        "timex value",
        t.gold,
        t.system,
        t.value_matches,
        t.value_accuracy * t.relaxed.precision,
        t.value_accuracy * t.relaxed.recall,
        t.value_f1,
    );
    row(
        "timex type",
        t.gold,
        t.system,
        t.type_matches,
        t.type_accuracy * t.relaxed.precision,
        t.type_accuracy * t.relaxed.recall,
        t.type_f1,
    );
    let e = &scores.event;
    row(
        "event strict",
        e.gold,
        e.system,
        e.strict_matches,
        e.strict.precision,
        e.strict.recall,
        e.strict.f1,
    );
    row(
        "event relaxed",
        e.gold,
        e.system,
        e.relaxed_matches,
        e.relaxed.precision,
        e.relaxed.recall,
        e.relaxed.f1,
    );
    row(
        "event class",
        e.gold,
        e.system,
        e.class_matches,
        e.class_accuracy * e.relaxed.precision,
        e.class_accuracy * e.relaxed.recall,
        e.class_f1,
    );
    let l = &scores.event_timex_links;
    row(
        "event-timex links",
        l.gold,
        l.system,
        l.found,
        l.scores.precision,
        l.scores.recall,
        l.scores.f1,
    );
    let _ = writeln!(
        out,
        "\naccuracy over relaxed matches: timex value {}, timex type {}, event class {}",
        pct(t.value_accuracy),
        pct(t.type_accuracy),
        pct(e.class_accuracy)
    );
    if errors {
        for doc in &scores.errors {
            let _ = writeln!(out, "\n== {} ({} errors)", doc.document, doc.errors.len());
            for error in &doc.errors {
                let _ = writeln!(out, "  {error}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_offsets() {
        let text = "été 2024 — ok";
        let chars = CharOffsets::new(text, [0, 2, 5, 9, 14, 999].into_iter());
        assert_eq!(chars.of(0), 0);
        assert_eq!(chars.of(2), 1);
        assert_eq!(chars.of(5), 3);
        assert_eq!(chars.of(9), 7);
        assert_eq!(chars.of(14), 10);
        assert_eq!(chars.of(999), text.chars().count());
    }

    #[test]
    fn json_written_in_pieces_is_the_whole_documents_json() {
        let (first, body) = EXAMPLE.split_once('\n').unwrap_or(("", EXAMPLE));
        let dct = first.trim_start_matches("dct:").trim().parse::<Dct>().ok();
        // Several pieces long, with a quote, a backslash and non-ASCII
        // text to escape.
        let long = format!("{}\n\n\"A\\B\" \u{e9}t\u{e9} 2024.\n\n", body.trim()).repeat(60);
        let extractor = Extractor::new();
        let path =
            std::env::temp_dir().join(format!("chronoline-json-test-{}.json", std::process::id()));
        for dct in [dct, None] {
            let docs = [
                Document::new("long", long.as_str(), dct.clone()),
                Document::new("short", "Nothing happened on 3 May 2024.", None),
            ];
            for count in 0..=2 {
                let docs = docs[..count].to_vec();
                let mut out = Output::open(Some(&path)).ok().unwrap();
                write_json(&extractor, docs.clone(), 100, &mut out)
                    .ok()
                    .unwrap();
                out.finish().ok().unwrap();
                let got = std::fs::read_to_string(&path).unwrap();
                let whole: Vec<Document> = docs
                    .into_iter()
                    .map(|doc| extractor.extract_document(doc))
                    .collect();
                let expected = match whole.as_slice() {
                    [doc] => serde_json::to_string_pretty(doc),
                    docs => serde_json::to_string_pretty(docs),
                }
                .unwrap()
                    + "\n";
                assert!(got == expected, "{count} documents, DCT {dct:?}");
            }
        }
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn the_example_has_a_date_and_text() {
        let input = Input {
            files: Vec::new(),
            example: true,
            dct: Vec::new(),
            mode: ModeArg::News,
        };
        let docs = load(&input).ok().unwrap();
        assert_eq!(docs[0].dct.as_ref().unwrap().value(), "2025-03-14");
        assert!(docs[0].text.starts_with("Port workers"));
    }
}
