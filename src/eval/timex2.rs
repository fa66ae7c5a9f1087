//! Scoring against TIMEX2 (TIDES/ACE) annotation, as in the WikiWars
//! corpus: its SGML files mark time expressions inline with
//! `<TIMEX2 val="1939-09-01">September 1, 1939</TIMEX2>`.
//!
//! - Only the outermost TIMEX2 of a nest counts (a TIMEX3 extent never
//!   nests); a TIMEX2 with no `val` still counts for the extent figures.
//! - Gold and system expressions are paired one to one as in the
//!   TempEval-3 scorer: identical extents first, then, in text order, each
//!   gold expression with the first unpaired system expression that
//!   overlaps it. **Relaxed** precision, recall and F1 count those pairs,
//!   **strict** only the identical extents.
//! - The **value accuracy** is over the relaxed pairs whose gold `val` is a
//!   [plain date](is_plain_date): the share whose system value is the same
//!   string. Other values (durations, times, `PRESENT_REF`, seasons, weeks,
//!   partly unknown dates) are counted by kind but not scored, since TIMEX2
//!   and TIMEX3 write them differently. The `mod` is not compared.

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{pair_documents, scorable, slice, DocumentErrors, Pairing, Prf};
use crate::error::Error;
use crate::model::{Dct, Document, Span};

/// A time expression of a TIMEX2-annotated document.
///
/// ```
/// let doc = chronoline::parse_timex2(
///     "<DOC><DOCID>d</DOCID><TEXT>In <TIMEX2 val=\"1940-06\">June 1940</TIMEX2>.</TEXT></DOC>",
/// )?;
/// let timex = &doc.timexes[0];
/// assert_eq!((timex.text.as_str(), timex.val.as_deref()), ("June 1940", Some("1940-06")));
/// assert_eq!(&doc.text[timex.span.start..timex.span.end], "June 1940");
/// # Ok::<(), chronoline::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex2 {
    /// Where it is: byte offsets into the document text.
    pub span: Span,
    /// Its text.
    pub text: String,
    /// Its `val` attribute, if any.
    pub val: Option<String>,
    /// Its `mod` attribute, if any.
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
}

/// A document annotated with TIMEX2: the text of its `TEXT` element with
/// the TIMEX2 tags removed, its outermost TIMEX2s, and its date.
///
/// ```
/// let doc = chronoline::parse_timex2(
///     "<DOC><DOCID>d</DOCID><DATETIME> 2009-12-19T17:00:00 </DATETIME>\
///      <TEXT>It ended <TIMEX2 val=\"1945\">that year</TIMEX2>.</TEXT></DOC>",
/// )?;
/// assert_eq!(doc.id, "d");
/// assert_eq!(doc.text, "It ended that year.");
/// assert_eq!(doc.dct.unwrap().value(), "2009-12-19T17:00");
/// # Ok::<(), chronoline::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex2Document {
    /// The `DOCID`, or empty.
    pub id: String,
    /// The text, byte for byte as between the `TEXT` tags, without the
    /// TIMEX2 tags.
    pub text: String,
    /// The `DATETIME` (or `DATE_TIME`), if it holds a date.
    pub dct: Option<Dct>,
    /// The outermost TIMEX2s, in text order.
    pub timexes: Vec<Timex2>,
}

impl Timex2Document {
    /// A document with the same id, text and date to run the extractor on.
    ///
    /// ```
    /// let doc = chronoline::parse_timex2("<DOC><TEXT>In <TIMEX2 val=\"1940\">1940</TIMEX2>.</TEXT></DOC>")?;
    /// let plain = doc.to_document();
    /// assert_eq!(plain.text, "In 1940.");
    /// assert!(plain.timexes.is_empty());
    /// # Ok::<(), chronoline::Error>(())
    /// ```
    pub fn to_document(&self) -> Document {
        Document::new(self.id.clone(), self.text.clone(), self.dct.clone())
    }
}

/// Reads a TIMEX2-annotated SGML file (see [`parse_timex2`]).
///
/// ```
/// let err = chronoline::read_timex2("no/such/file.sgm").unwrap_err();
/// assert!(err.to_string().contains("no/such/file.sgm"));
/// ```
pub fn read_timex2(path: impl AsRef<Path>) -> Result<Timex2Document, Error> {
    super::read_corpus_file(path.as_ref(), parse_timex2)
}

/// Parses a TIMEX2-annotated SGML document: `DOCID`, `DATETIME` and the
/// `TEXT` element, whose content is kept byte for byte (SGML entities are
/// not decoded) once the TIMEX2 tags are removed. A document without a
/// `TEXT` element is read whole. It is an error if a TIMEX2 tag is left
/// open, closed twice or unterminated, or if the text holds another tag.
///
/// ```
/// let doc = chronoline::parse_timex2(
///     "<TEXT><TIMEX2 val=\"1939-09-17\">the same day as <TIMEX2 val=\"1939-09-17\">the invasion</TIMEX2></TIMEX2></TEXT>",
/// )?;
/// assert_eq!(doc.timexes.len(), 1);
/// assert!(chronoline::parse_timex2("<TEXT><TIMEX2 val=\"1939\">1939</TEXT>").is_err());
/// # Ok::<(), chronoline::Error>(())
/// ```
pub fn parse_timex2(sgml: &str) -> Result<Timex2Document, Error> {
    let id = element(sgml, "DOCID").map_or(String::new(), |s| strip_tags(s).trim().to_string());
    let dct = element(sgml, "DATETIME")
        .or_else(|| element(sgml, "DATE_TIME"))
        .and_then(|s| strip_tags(s).trim().parse::<Dct>().ok());
    let body = element(sgml, "TEXT").unwrap_or(sgml);
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    // (start in the text, val, mod) of each open TIMEX2
    let mut open: Vec<(usize, Option<String>, Option<String>)> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let tag_and_after = &rest[lt..];
        let gt = tag_and_after.find('>').ok_or_else(|| {
            Error::invalid(format!("unterminated tag at text byte {}", text.len()))
        })?;
        let tag = &tag_and_after[1..gt];
        rest = &tag_and_after[gt + 1..];
        if tag.eq_ignore_ascii_case("/TIMEX2") {
            let (start, val, modifier) = open.pop().ok_or_else(|| {
                Error::invalid(format!(
                    "</TIMEX2> with no open TIMEX2 at text byte {}",
                    text.len()
                ))
            })?;
            if open.is_empty() {
                timexes.push(Timex2 {
                    span: Span::new(start, text.len()),
                    text: text[start..].to_string(),
                    val,
                    modifier,
                });
            }
        } else if tag
            .get(..6)
            .is_some_and(|name| name.eq_ignore_ascii_case("TIMEX2"))
            && tag[6..].chars().next().is_none_or(char::is_whitespace)
        {
            let attrs = &tag[6..];
            open.push((text.len(), attribute(attrs, "val"), attribute(attrs, "mod")));
        } else {
            return Err(Error::invalid(format!(
                "unexpected tag <{tag}> in the text at byte {}",
                text.len()
            )));
        }
    }
    text.push_str(rest);
    if !open.is_empty() {
        return Err(Error::invalid(format!(
            "{} TIMEX2 left open at the end of the text",
            open.len()
        )));
    }
    Ok(Timex2Document {
        id,
        text,
        dct,
        timexes,
    })
}

/// The content of the first `<name ...>...</name>` element.
fn element<'a>(sgml: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let mut from = 0;
    loop {
        let at = from + sgml[from..].find(&open)?;
        let after_name = at + open.len();
        let next = sgml[after_name..].chars().next()?;
        if next == '>' || next.is_whitespace() {
            let content_start = after_name + sgml[after_name..].find('>')? + 1;
            let end = content_start + sgml[content_start..].find(&format!("</{name}>"))?;
            return Some(&sgml[content_start..end]);
        }
        from = after_name;
    }
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        match rest[lt..].find('>') {
            Some(gt) => rest = &rest[lt + gt + 1..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// The value of `name="..."` (or `'...'`) among a tag's attributes.
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        let eq = rest.find('=')?;
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let close = after[1..].find(quote)?;
        if key.eq_ignore_ascii_case(name) {
            return Some(after[1..1 + close].to_string());
        }
        rest = &after[1 + close + 1..];
    }
}

/// Whether a TIMEX2/TIMEX3 value is a plain date, the values the two
/// schemes write alike: a year `YYYY`, a month `YYYY-MM`, a day
/// `YYYY-MM-DD`, a decade `YYY` ("the 1990s": `199`) or a century `YY`
/// ("the 20th century": `19`), each perhaps after `BC` (`BC0490`). Not
/// plain: times, weeks, seasons, quarters, durations, references
/// (`PAST_REF`) and dates with unknown parts (`XXXX-06`).
///
/// ```
/// use chronoline::is_plain_date;
/// for plain in ["1939", "1939-09", "1939-09-01", "194", "19", "BC0490", "BC0479-06"] {
///     assert!(is_plain_date(plain), "{plain}");
/// }
/// for other in ["1939-09-01T10:00", "1944-SU", "P3Y", "PAST_REF", "XXXX-06", "1939-9"] {
///     assert!(!is_plain_date(other), "{other}");
/// }
/// ```
pub fn is_plain_date(value: &str) -> bool {
    let value = value.strip_prefix("BC").unwrap_or(value);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts = value.split('-');
    let head = parts.next().unwrap_or("");
    let tail: Vec<&str> = parts.collect();
    match tail.as_slice() {
        [] => digits(head, 4) || digits(head, 3) || digits(head, 2),
        [month] => digits(head, 4) && digits(month, 2),
        [month, day] => digits(head, 4) && digits(month, 2) && digits(day, 2),
        _ => false,
    }
}

/// The scores against TIMEX2 gold annotation.
///
/// ```
/// use chronoline::{evaluate_timex2, parse_timex2, Extractor, Mode, Options};
/// let gold = parse_timex2(
///     "<DOC><DOCID>d</DOCID><DATETIME>2009-12-19</DATETIME><TEXT>\
///      In <TIMEX2 val=\"1940-06\">June 1940</TIMEX2> France fell; \
///      <TIMEX2 val=\"1940-07\">the next month</TIMEX2> the Blitz began.</TEXT></DOC>",
/// )?;
/// let extractor = Extractor::with_options(Options { mode: Mode::Narrative, ..Options::default() });
/// let system = extractor.extract_document(gold.to_document());
/// let scores = evaluate_timex2(&[gold], &[system])?;
/// assert_eq!((scores.gold, scores.plain_dates), (2, 2));
/// assert_eq!(scores.relaxed.f1, 1.0);
/// assert_eq!(scores.plain_date_accuracy, 1.0);
/// # Ok::<(), chronoline::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timex2Scores {
    /// Documents scored.
    pub documents: usize,
    /// Gold (outermost) TIMEX2s.
    pub gold: usize,
    /// System timexes.
    pub system: usize,
    /// Pairs with identical extents.
    pub strict_matches: usize,
    /// Pairs of overlapping extents (identical ones included).
    pub relaxed_matches: usize,
    /// Strict precision, recall and F1.
    pub strict: Prf,
    /// Relaxed precision, recall and F1.
    pub relaxed: Prf,
    /// Relaxed pairs whose gold value is a plain date.
    pub plain_dates: usize,
    /// Of those, the pairs whose system value is the gold value.
    pub plain_dates_correct: usize,
    /// `plain_dates_correct / plain_dates` (1 when there is none).
    pub plain_date_accuracy: f64,
    /// The errors, document by document (wrong values only for plain dates).
    pub errors: Vec<Timex2Errors>,
}

/// The errors of one document against TIMEX2 gold annotation.
///
/// ```
/// use chronoline::{evaluate_timex2, parse_timex2, Document};
/// let gold = parse_timex2("<DOC><DOCID>d</DOCID><TEXT>In <TIMEX2 val=\"1940\">1940</TIMEX2>.</TEXT></DOC>")?;
/// let system = Document::new("d", gold.text.clone(), None);
/// let scores = evaluate_timex2(&[gold], &[system])?;
/// assert_eq!(scores.errors[0].errors[0].to_string(), "missed timex \"1940\" at 3..7 (1940)");
/// # Ok::<(), chronoline::Error>(())
/// ```
pub type Timex2Errors = DocumentErrors<Timex2Error>;

/// One difference between the system timexes and the gold TIMEX2s. Spans
/// are byte offsets into the document text.
///
/// ```
/// use chronoline::{Span, Timex2Error};
/// let e = Timex2Error::Value {
///     text: "June".into(),
///     span: Span::new(3, 7),
///     gold: "1944-06".into(),
///     system: "1943-06".into(),
/// };
/// assert_eq!(e.to_string(), "timex value 1943-06, gold 1944-06: \"June\" at 3..7");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum Timex2Error {
    /// A gold TIMEX2 with no system timex.
    Missed {
        /// Where it is.
        span: Span,
        /// Its text.
        text: String,
        /// Its `val`, or empty.
        val: String,
    },
    /// A system timex with no gold TIMEX2.
    Spurious {
        /// Where it is.
        span: Span,
        /// Its text.
        text: String,
        /// Its value.
        value: String,
    },
    /// A TIMEX2 found with a different extent.
    Extent {
        /// The gold text.
        gold: String,
        /// The system text.
        system: String,
        /// The gold span.
        span: Span,
    },
    /// A plain-date TIMEX2 found with another value.
    Value {
        /// The gold text.
        text: String,
        /// Where the gold TIMEX2 is.
        span: Span,
        /// The gold `val`.
        gold: String,
        /// The system value.
        system: String,
    },
}

impl Timex2Error {
    fn position(&self) -> Span {
        match self {
            Timex2Error::Missed { span, .. }
            | Timex2Error::Spurious { span, .. }
            | Timex2Error::Extent { span, .. }
            | Timex2Error::Value { span, .. } => *span,
        }
    }
}

impl fmt::Display for Timex2Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = |s: &Span| format!("{}..{}", s.start, s.end);
        match self {
            Timex2Error::Missed { span, text, val } => {
                write!(f, "missed timex {text:?} at {} ({val})", at(span))
            }
            Timex2Error::Spurious { span, text, value } => {
                write!(f, "spurious timex {text:?} at {} ({value})", at(span))
            }
            Timex2Error::Extent { gold, system, span } => {
                write!(f, "timex extent {system:?}, gold {gold:?} at {}", at(span))
            }
            Timex2Error::Value {
                text,
                span,
                gold,
                system,
            } => write!(
                f,
                "timex value {system}, gold {gold}: {text:?} at {}",
                at(span)
            ),
        }
    }
}

/// Scores system documents against TIMEX2 gold documents, pairing them by
/// id (a gold document with no system document scores as one where nothing
/// was found). It is an error if two gold documents share an id or a system
/// document's text differs from its gold document's.
///
/// ```
/// use chronoline::{evaluate_timex2, parse_timex2, Document};
/// let gold = parse_timex2("<DOC><DOCID>d</DOCID><TEXT>x</TEXT></DOC>")?;
/// let other = Document::new("d", "y", None);
/// assert!(evaluate_timex2(&[gold], &[other]).is_err());
/// # Ok::<(), chronoline::Error>(())
/// ```
pub fn evaluate_timex2(
    gold: &[Timex2Document],
    system: &[Document],
) -> Result<Timex2Scores, Error> {
    let mut scores = Timex2Scores::default();
    for (gold_doc, system_doc) in pair_documents(gold, system, |d| (&d.id, &d.text))? {
        let empty;
        let system_doc = match system_doc {
            Some(doc) => doc,
            None => {
                empty = gold_doc.to_document();
                &empty
            }
        };
        let errors = score_document(gold_doc, system_doc, &mut scores);
        if !errors.is_empty() {
            scores.errors.push(Timex2Errors {
                document: gold_doc.id.clone(),
                errors,
            });
        }
        scores.documents += 1;
    }
    scores.strict = Prf::from_counts(scores.gold, scores.system, scores.strict_matches);
    scores.relaxed = Prf::from_counts(scores.gold, scores.system, scores.relaxed_matches);
    scores.plain_date_accuracy = if scores.plain_dates == 0 {
        1.0
    } else {
        scores.plain_dates_correct as f64 / scores.plain_dates as f64
    };
    Ok(scores)
}

fn score_document(
    gold: &Timex2Document,
    system: &Document,
    scores: &mut Timex2Scores,
) -> Vec<Timex2Error> {
    let mut errors = Vec::new();
    let g = scorable(&gold.text, gold.timexes.iter().map(|t| t.span));
    let s = scorable(&system.text, system.timexes.iter().map(|t| t.span));
    let gold_spans: Vec<Span> = gold.timexes.iter().map(|t| t.span).collect();
    let system_spans: Vec<Span> = system.timexes.iter().map(|t| t.span).collect();
    let pairing = Pairing::new(&gold_spans, &g, &system_spans, &s, |span| *span);
    scores.gold += g.len();
    scores.system += s.len();
    for &gi in &g {
        let gt = &gold.timexes[gi];
        let Some(si) = pairing.system_of[gi] else {
            errors.push(Timex2Error::Missed {
                span: gt.span,
                text: gt.text.clone(),
                val: gt.val.clone().unwrap_or_default(),
            });
            continue;
        };
        let st = &system.timexes[si];
        scores.relaxed_matches += 1;
        if st.span == gt.span {
            scores.strict_matches += 1;
        } else {
            errors.push(Timex2Error::Extent {
                gold: gt.text.clone(),
                system: slice(&system.text, st.span),
                span: gt.span,
            });
        }
        let Some(val) = gt.val.as_deref().filter(|v| is_plain_date(v)) else {
            continue;
        };
        scores.plain_dates += 1;
        if st.value == val {
            scores.plain_dates_correct += 1;
        } else {
            errors.push(Timex2Error::Value {
                text: gt.text.clone(),
                span: gt.span,
                gold: val.to_string(),
                system: st.value.clone(),
            });
        }
    }
    for &si in &s {
        if pairing.gold_of[si].is_none() {
            let st = &system.timexes[si];
            errors.push(Timex2Error::Spurious {
                span: st.span,
                text: slice(&system.text, st.span),
                value: st.value.clone(),
            });
        }
    }
    errors.sort_by_key(|e| {
        let span = e.position();
        (span.start, span.end)
    });
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_in_either_quotes_and_any_order() {
        let attrs = r#" mod='START' val="1939-10" comment="a > b""#;
        assert_eq!(attribute(attrs, "val").as_deref(), Some("1939-10"));
        assert_eq!(attribute(attrs, "mod").as_deref(), Some("START"));
        assert_eq!(attribute(attrs, "set"), None);
    }

    #[test]
    fn other_tags_in_the_text_are_errors() {
        assert!(parse_timex2("<TEXT>a <B>b</B></TEXT>").is_err());
        assert!(parse_timex2("<TEXT>a </TIMEX2></TEXT>").is_err());
        assert!(parse_timex2("<TEXT>a <TIMEX2 val=\"1\"</TEXT>").is_err());
    }

    #[test]
    fn non_ascii_text_keeps_byte_offsets() {
        let doc = parse_timex2("<TEXT>1914–<TIMEX2 val=\"1918\">1918</TIMEX2></TEXT>").unwrap();
        let t = &doc.timexes[0];
        assert_eq!(&doc.text[t.span.start..t.span.end], "1918");
    }

    #[test]
    fn counts_values_only_for_plain_dates() {
        let gold = parse_timex2(
            "<DOC><DOCID>d</DOCID><TEXT><TIMEX2 val=\"1940\">1940</TIMEX2>, \
             <TIMEX2 val=\"P3Y\">three years</TIMEX2>, <TIMEX2 val=\"1941\">1941</TIMEX2></TEXT></DOC>",
        )
        .unwrap();
        let mut system = gold.to_document();
        for (needle, value) in [("1940", "1940"), ("three years", "P2Y"), ("1941", "1942")] {
            let timex = crate::eval::tests::timex(
                needle,
                &system.text,
                needle,
                crate::model::TimexType::Date,
                value,
            );
            system.timexes.push(timex);
        }
        let scores = evaluate_timex2(&[gold], &[system]).unwrap();
        assert_eq!((scores.relaxed_matches, scores.plain_dates), (3, 2));
        assert_eq!(scores.plain_dates_correct, 1);
        assert_eq!(scores.plain_date_accuracy, 0.5);
        assert_eq!(scores.errors[0].errors.len(), 1);
    }
}
