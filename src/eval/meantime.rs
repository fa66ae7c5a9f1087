//! Scoring against MEANTIME (NewsReader) gold annotation: CAT XML files,
//! whose text is a list of `<token t_id sentence number>` elements and
//! whose annotations (`<Markables>`, `<Relations>`) point at tokens.
//!
//! # The text
//!
//! The files hold tokens, not the original text, so the text is rebuilt:
//! each sentence on its own line (`\n` between sentences), its tokens
//! joined by one space, except that no space goes
//!
//! - before a token of closing punctuation: `,` `.` `;` `:` `!` `?` `)`
//!   `]` `}` `%` `...` `''` `”` `’`, or a clitic `'s` `'re` `'ve` `'ll`
//!   `'d` `'m` `n't`;
//! - after an opening token: `(` `[` `{` ` `` ` `“`.
//!
//! Straight quotes (`"`, `'`) are ambiguous (opening or closing) and keep
//! their spaces. Every token's byte span in that text is kept, so gold
//! annotations map from tokens to byte spans exactly.
//!
//! # What is scored
//!
//! The gold side becomes a [`Document`] and is scored with [`evaluate`],
//! the TempEval-3 scorer of `chronoline eval`, with its definitions:
//!
//! - **timexes**: every TIMEX3 anchored to tokens, from its first to its
//!   last token. The one with `functionInDocument="CREATION_TIME"` is the
//!   document creation time: it is given to the extractor as the DCT and
//!   is not scored (MEANTIME marks the dateline "June 6, 2005" in the text
//!   as the DCT; TimeBank keeps the DCT outside the text). TIMEX3s with no
//!   tokens (empty timexes such as a `beginPoint`) are not text mentions
//!   and are left out.
//! - **events**: every EVENT_MENTION, from its first to its last token
//!   (MEANTIME mentions may span several tokens, "take place"; TimeBank
//!   marks one head token). The event figures are the relaxed ones
//!   (overlap), as for TempEval-3; strict counts are reported too.
//! - **event classes**: an EVENT_MENTION has no class; it refers
//!   (`REFERS_TO`) to an EVENT instance whose class is one of MEANTIME's
//!   three (and MIX for instances of mixed classes). Gold and system
//!   classes are both mapped to those three, each written as one TimeML
//!   class so that the scorer compares them ([`meantime_class`]):
//!   SPEECH_COGNITIVE as REPORTING (system REPORTING, PERCEPTION and
//!   I_STATE: speech, perception and cognition), GRAMMATICAL as ASPECTUAL
//!   (system ASPECTUAL), and OTHER, MIX or no instance as OCCURRENCE
//!   (system OCCURRENCE, STATE and I_ACTION).
//! - **event-timex links**: the gold TLINKs between an EVENT_MENTION and a
//!   scored TIMEX3, in either direction, whatever the relation; the scorer
//!   keeps those within one sentence (the file's `sentence` numbers). A
//!   `MEASURE` TLINK (a duration measuring an event) is read as TimeML's
//!   DURING.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{evaluate, Scores};
use crate::error::Error;
use crate::io::timeml::{attr, unescape, Attrs, Item, Scanner};
use crate::model::{
    Dct, Document, Event, EventClass, LinkEnd, Relation, Sentence, Span, TimeLink, Timex, TimexType,
};

/// A MEANTIME CAT document: the gold annotation as a [`Document`] over the
/// rebuilt text (see the [module notes](self)), and each token's byte span
/// in that text.
///
/// ```
/// let doc = chronoline::parse_meantime(
///     r#"<Document doc_name="d">
///     <token t_id="1" sentence="0" number="0">Sales</token>
///     <token t_id="2" sentence="0" number="1">rose</token>
///     <token t_id="3" sentence="0" number="2">.</token>
///     <Markables/><Relations/></Document>"#,
/// )?;
/// assert_eq!(doc.document.text, "Sales rose.");
/// assert_eq!(doc.tokens[1], chronoline::Span::new(6, 10));
/// # Ok::<(), chronoline::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeantimeDocument {
    /// The gold annotation: id (`doc_name`), text, DCT, sentences, the
    /// scored timexes, the events (classes as [`meantime_class`] writes
    /// them) and the event-timex TLINKs.
    pub document: Document,
    /// Each token's byte span in the text, in file order.
    pub tokens: Vec<Span>,
    /// Where the annotated part of the text ends (bytes): the end of the
    /// last sentence with an annotated token. MEANTIME annotates only the
    /// first sentences of each article (the title, the dateline and four
    /// more), so system annotations after this are not scored.
    pub annotated_end: usize,
    /// Where the creation time timex is in the text (the dateline), if it
    /// has tokens: system timexes overlapping it are not scored either.
    pub dct_span: Option<Span>,
}

impl MeantimeDocument {
    /// A document with the same id, text and DCT to run the extractor on.
    ///
    /// ```
    /// let doc = chronoline::parse_meantime(
    ///     r#"<Document doc_name="d"><token t_id="1" sentence="0" number="0">Hi</token></Document>"#,
    /// )?;
    /// let plain = doc.to_document();
    /// assert_eq!((plain.id.as_str(), plain.text.as_str()), ("d", "Hi"));
    /// assert!(plain.events.is_empty());
    /// # Ok::<(), chronoline::Error>(())
    /// ```
    pub fn to_document(&self) -> Document {
        Document::new(
            self.document.id.clone(),
            self.document.text.clone(),
            self.document.dct.clone(),
        )
    }
}

/// Reads a MEANTIME CAT file (see [`parse_meantime`]); errors name the file.
///
/// ```
/// let err = chronoline::read_meantime("no/such/file.xml").unwrap_err();
/// assert!(err.to_string().contains("no/such/file.xml"));
/// ```
pub fn read_meantime(path: impl AsRef<Path>) -> Result<MeantimeDocument, Error> {
    super::read_corpus_file(path.as_ref(), parse_meantime)
}

/// A markable or relation being read.
enum Open<'x> {
    Token {
        attrs: Attrs<'x>,
        text: String,
    },
    Markable {
        name: &'x str,
        attrs: Attrs<'x>,
        anchors: Vec<String>,
    },
    Relation {
        name: &'x str,
        attrs: Attrs<'x>,
        sources: Vec<String>,
        targets: Vec<String>,
    },
}

/// A TIMEX3 or EVENT_MENTION with its tokens, or an EVENT instance.
struct Markable<'x> {
    name: &'x str,
    attrs: Attrs<'x>,
    anchors: Vec<String>,
}

/// Parses a MEANTIME CAT document (see the [module notes](self) for the
/// text and what is kept). The id is the `doc_name` (else `doc_id`). It is
/// an error if a token lacks its `t_id` or `sentence`, if a markable points
/// at a token that is not there, or if the creation time's value is not a
/// date.
///
/// ```
/// let doc = chronoline::parse_meantime(
///     r#"<Document doc_name="d">
///     <token t_id="1" sentence="0" number="0">May</token>
///     <token t_id="2" sentence="0" number="1">5</token>
///     <token t_id="3" sentence="1" number="2">Shares</token>
///     <token t_id="4" sentence="1" number="3">fell</token>
///     <token t_id="5" sentence="1" number="4">on</token>
///     <token t_id="6" sentence="1" number="5">Monday</token>
///     <Markables>
///       <TIMEX3 m_id="1" type="DATE" value="2007-05-05" functionInDocument="CREATION_TIME">
///         <token_anchor t_id="1"/><token_anchor t_id="2"/></TIMEX3>
///       <TIMEX3 m_id="2" type="DATE" value="2007-04-30" functionInDocument="NONE">
///         <token_anchor t_id="6"/></TIMEX3>
///       <EVENT_MENTION m_id="3" pred="fall"><token_anchor t_id="4"/></EVENT_MENTION>
///     </Markables>
///     <Relations>
///       <TLINK r_id="9" reltype="IS_INCLUDED"><source m_id="3"/><target m_id="2"/></TLINK>
///     </Relations></Document>"#,
/// )?;
/// let gold = &doc.document;
/// assert_eq!(gold.text, "May 5\nShares fell on Monday");
/// assert_eq!(gold.dct.as_ref().unwrap().value(), "2007-05-05");
/// assert_eq!(gold.timexes.len(), 1);
/// assert_eq!(gold.timexes[0].text, "Monday");
/// assert_eq!(gold.events[0].text, "fell");
/// assert_eq!(gold.links.len(), 1);
/// # Ok::<(), chronoline::Error>(())
/// ```
pub fn parse_meantime(xml: &str) -> Result<MeantimeDocument, Error> {
    let xml = xml.strip_prefix('\u{feff}').unwrap_or(xml);
    let mut scanner = Scanner { xml, pos: 0 };
    let mut id = String::new();
    // (t_id, sentence, text) in file order
    let mut tokens: Vec<(String, String, String)> = Vec::new();
    let mut markables: Vec<Markable<'_>> = Vec::new();
    // (name, attrs, sources, targets)
    let mut relations: Vec<(&str, Attrs<'_>, Vec<String>, Vec<String>)> = Vec::new();
    let mut open: Option<Open<'_>> = None;
    // every token any markable (entities too) points at
    let mut anchored: Vec<String> = Vec::new();
    while let Some((at, item)) = scanner.next_item()? {
        if let Item::Start {
            name: "token_anchor",
            attrs,
            ..
        } = &item
        {
            if let Some(t_id) = attr(attrs, "t_id") {
                anchored.push(t_id.to_string());
            }
        }
        match item {
            Item::Start { name, attrs, empty } => match (name, &mut open) {
                ("Document", None) => {
                    id = attr(&attrs, "doc_name")
                        .or_else(|| attr(&attrs, "doc_id"))
                        .unwrap_or_default()
                        .to_string();
                }
                ("token", None) => {
                    let token = Open::Token {
                        attrs,
                        text: String::new(),
                    };
                    if empty {
                        tokens.push(token_of(token, at)?);
                    } else {
                        open = Some(token);
                    }
                }
                ("token_anchor", Some(Open::Markable { anchors, .. })) => {
                    if let Some(t_id) = attr(&attrs, "t_id") {
                        anchors.push(t_id.to_string());
                    }
                }
                (
                    "source" | "target",
                    Some(Open::Relation {
                        sources, targets, ..
                    }),
                ) => {
                    if let Some(m_id) = attr(&attrs, "m_id") {
                        let list = if name == "source" { sources } else { targets };
                        list.push(m_id.to_string());
                    }
                }
                ("TIMEX3" | "EVENT_MENTION" | "EVENT", None) => {
                    let markable = Markable {
                        name,
                        attrs,
                        anchors: Vec::new(),
                    };
                    if empty {
                        markables.push(markable);
                    } else {
                        open = Some(Open::Markable {
                            name: markable.name,
                            attrs: markable.attrs,
                            anchors: markable.anchors,
                        });
                    }
                }
                ("TLINK" | "REFERS_TO", None) if !empty => {
                    open = Some(Open::Relation {
                        name,
                        attrs,
                        sources: Vec::new(),
                        targets: Vec::new(),
                    });
                }
                _ => {}
            },
            Item::Text(raw) => {
                if let Some(Open::Token { text, .. }) = &mut open {
                    let unescaped = unescape(raw).map_err(|(_, message)| {
                        Error::parse(format!("token at byte {at}: {message}"))
                    })?;
                    text.push_str(&unescaped);
                }
            }
            Item::CData(raw) => {
                if let Some(Open::Token { text, .. }) = &mut open {
                    text.push_str(raw);
                }
            }
            Item::End { name } => {
                let closes = match &open {
                    Some(Open::Token { .. }) => name == "token",
                    Some(Open::Markable {
                        name: open_name, ..
                    })
                    | Some(Open::Relation {
                        name: open_name, ..
                    }) => name == *open_name,
                    None => false,
                };
                if closes {
                    match open.take() {
                        Some(token @ Open::Token { .. }) => tokens.push(token_of(token, at)?),
                        Some(Open::Markable {
                            name,
                            attrs,
                            anchors,
                        }) => markables.push(Markable {
                            name,
                            attrs,
                            anchors,
                        }),
                        Some(Open::Relation {
                            name,
                            attrs,
                            sources,
                            targets,
                        }) => relations.push((name, attrs, sources, targets)),
                        None => {}
                    }
                }
            }
        }
    }
    build(id, &tokens, &markables, &relations, &anchored)
}

fn token_of(token: Open<'_>, at: usize) -> Result<(String, String, String), Error> {
    let Open::Token { attrs, text } = token else {
        return Err(Error::parse(format!("expected a token at byte {at}")));
    };
    let field = |name: &str| {
        attr(&attrs, name)
            .map(str::to_string)
            .ok_or_else(|| Error::parse(format!("token at byte {at} has no {name} attribute")))
    };
    Ok((field("t_id")?, field("sentence")?, text))
}

/// Whether no space goes before this token (see the module notes).
fn attaches_left(token: &str) -> bool {
    matches!(
        token,
        "," | "."
            | ";"
            | ":"
            | "!"
            | "?"
            | ")"
            | "]"
            | "}"
            | "%"
            | "..."
            | "''"
            | "”"
            | "’"
            | "'s"
            | "'S"
            | "'re"
            | "'ve"
            | "'ll"
            | "'d"
            | "'m"
            | "n't"
    )
}

/// Whether no space goes after this token.
fn attaches_right(token: &str) -> bool {
    matches!(token, "(" | "[" | "{" | "``" | "“")
}

/// The text of tokens `(sentence, text)`: sentences on their own lines,
/// tokens joined by a space but for punctuation; each token's span and each
/// sentence's span.
fn rebuild_text<'a>(
    tokens: impl Iterator<Item = (&'a str, &'a str)>,
) -> (String, Vec<Span>, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut sentences: Vec<Span> = Vec::new();
    let mut previous: Option<(&str, &str)> = None;
    for (sentence, token) in tokens {
        match previous {
            Some((last_sentence, _)) if last_sentence != sentence => {
                text.push('\n');
                sentences.push(Span::new(text.len(), text.len()));
            }
            Some((_, last_token)) => {
                if !attaches_left(token) && !attaches_right(last_token) {
                    text.push(' ');
                }
            }
            None => sentences.push(Span::new(0, 0)),
        }
        let start = text.len();
        text.push_str(token);
        spans.push(Span::new(start, text.len()));
        if let Some(last) = sentences.last_mut() {
            last.end = text.len();
        }
        previous = Some((sentence, token));
    }
    (text, spans, sentences)
}

fn build(
    id: String,
    tokens: &[(String, String, String)],
    markables: &[Markable<'_>],
    relations: &[(&str, Attrs<'_>, Vec<String>, Vec<String>)],
    anchored: &[String],
) -> Result<MeantimeDocument, Error> {
    let (text, token_spans, sentence_spans) = rebuild_text(
        tokens
            .iter()
            .map(|(_, sentence, text)| (sentence.as_str(), text.as_str())),
    );
    let token_index: HashMap<&str, usize> = tokens
        .iter()
        .enumerate()
        .map(|(i, (t_id, _, _))| (t_id.as_str(), i))
        .collect();
    let token_sentence =
        |i: usize| sentence_spans.partition_point(|s| s.start <= token_spans[i].start);
    let annotated_end = anchored
        .iter()
        .filter_map(|t_id| token_index.get(t_id.as_str()))
        .map(|&i| token_sentence(i))
        .max()
        .and_then(|sentence| sentence_spans.get(sentence.checked_sub(1)?))
        .map_or(0, |s| s.end);
    let span_of = |m: &Markable<'_>| -> Result<Option<Span>, Error> {
        let mut span: Option<Span> = None;
        for t_id in &m.anchors {
            let &i = token_index.get(t_id.as_str()).ok_or_else(|| {
                Error::parse(format!(
                    "{} m_id {:?} points at token {t_id:?}, which is not in the file",
                    m.name,
                    attr(&m.attrs, "m_id").unwrap_or_default()
                ))
            })?;
            let t = token_spans[i];
            span = Some(span.map_or(t, |s| Span::new(s.start.min(t.start), s.end.max(t.end))));
        }
        Ok(span)
    };
    let slice = |span: Span| span.slice(&text).unwrap_or_default().to_string();

    // the class of each EVENT instance, and the instance each mention refers to
    let instance_class: HashMap<&str, &str> = markables
        .iter()
        .filter(|m| m.name == "EVENT")
        .filter_map(|m| Some((attr(&m.attrs, "m_id")?, attr(&m.attrs, "class")?)))
        .collect();
    let mut mention_class: HashMap<&str, &str> = HashMap::new();
    for (name, _, sources, targets) in relations {
        if *name != "REFERS_TO" {
            continue;
        }
        let Some(class) = targets
            .iter()
            .find_map(|t| instance_class.get(t.as_str()).copied())
        else {
            continue;
        };
        for source in sources {
            mention_class.entry(source.as_str()).or_insert(class);
        }
    }

    let mut dct = None;
    let mut dct_span = None;
    let mut timexes = Vec::new();
    let mut events = Vec::new();
    for m in markables {
        let m_id = attr(&m.attrs, "m_id").unwrap_or_default();
        match m.name {
            "TIMEX3" => {
                let value = attr(&m.attrs, "value").unwrap_or_default();
                if attr(&m.attrs, "functionInDocument") == Some("CREATION_TIME") {
                    let parsed = value.parse::<Dct>().map_err(|_| {
                        Error::parse(format!("the creation time value {value:?} is not a date"))
                    })?;
                    dct = Some(parsed);
                    dct_span = span_of(m)?;
                    continue;
                }
                let Some(span) = span_of(m)? else { continue };
                let kind = attr(&m.attrs, "type")
                    .unwrap_or_default()
                    .parse::<TimexType>()
                    .map_err(|e| Error::parse(format!("TIMEX3 m_id {m_id:?}: {e}")))?;
                let point = |name: &str| {
                    attr(&m.attrs, name)
                        .filter(|v| !v.is_empty())
                        .map(|v| format!("t{v}"))
                };
                timexes.push(Timex {
                    id: format!("t{m_id}"),
                    span,
                    text: slice(span),
                    kind,
                    value: value.to_string(),
                    modifier: None,
                    quant: None,
                    freq: None,
                    begin_point: point("beginPoint"),
                    end_point: point("endPoint"),
                    anchor: point("anchorTimeID"),
                    temporal_function: false,
                    interval: None,
                    rule: "meantime-gold".to_string(),
                });
            }
            "EVENT_MENTION" => {
                let Some(span) = span_of(m)? else { continue };
                let class = gold_class(mention_class.get(m_id).copied());
                let mut event = Event::new(format!("e{m_id}"), span, slice(span), class);
                if let Some(pos) = attr(&m.attrs, "pos") {
                    event.pos = pos.to_string();
                }
                event.rule = "meantime-gold".to_string();
                events.push(event);
            }
            _ => {}
        }
    }
    timexes.sort_by_key(|t| (t.span.start, t.span.end));
    events.sort_by_key(|e| (e.span.start, e.span.end));

    let timex_ids: HashMap<String, ()> = timexes.iter().map(|t| (t.id.clone(), ())).collect();
    let event_ids: HashMap<String, ()> = events.iter().map(|e| (e.id.clone(), ())).collect();
    let end_of = |m_id: &str| {
        let (t, e) = (format!("t{m_id}"), format!("e{m_id}"));
        if timex_ids.contains_key(&t) {
            Some(LinkEnd::Time(t))
        } else if event_ids.contains_key(&e) {
            Some(LinkEnd::Event(format!("ei{m_id}")))
        } else {
            None
        }
    };
    let mut links = Vec::new();
    for (name, attrs, sources, targets) in relations {
        if *name != "TLINK" {
            continue;
        }
        let (Some(source), Some(target)) = (
            sources.first().and_then(|s| end_of(s)),
            targets.first().and_then(|t| end_of(t)),
        ) else {
            continue;
        };
        let is_event_timex = matches!(
            (&source, &target),
            (LinkEnd::Event(_), LinkEnd::Time(_)) | (LinkEnd::Time(_), LinkEnd::Event(_))
        );
        if !is_event_timex {
            continue;
        }
        let reltype = attr(attrs, "reltype").unwrap_or_default();
        let relation = match reltype {
            "MEASURE" => Relation::During,
            other => other.parse::<Relation>().map_err(|e| {
                Error::parse(format!(
                    "TLINK r_id {:?}: {e}",
                    attr(attrs, "r_id").unwrap_or_default()
                ))
            })?,
        };
        links.push(TimeLink {
            id: format!("l{}", attr(attrs, "r_id").unwrap_or_default()),
            source,
            target,
            relation,
        });
    }

    let mut document = Document::new(id, text, dct);
    document.sentences = sentence_spans
        .into_iter()
        .map(|span| Sentence { span, id: None })
        .collect();
    document.timexes = timexes;
    document.events = events;
    document.links = links;
    Ok(MeantimeDocument {
        document,
        tokens: token_spans,
        annotated_end,
        dct_span,
    })
}

/// A MEANTIME event class as the TimeML class that stands for it in the
/// scores: SPEECH_COGNITIVE as REPORTING, GRAMMATICAL as ASPECTUAL, and
/// OTHER, MIX or no class as OCCURRENCE.
fn gold_class(class: Option<&str>) -> EventClass {
    match class {
        Some("SPEECH_COGNITIVE") => EventClass::Reporting,
        Some("GRAMMATICAL") => EventClass::Aspectual,
        _ => EventClass::Occurrence,
    }
}

/// The MEANTIME class (SPEECH_COGNITIVE, GRAMMATICAL or OTHER) of a TimeML
/// event class, written as the TimeML class that stands for it when
/// scoring: speech, perception and cognition (REPORTING, PERCEPTION,
/// I_STATE) as REPORTING; ASPECTUAL as itself; the rest as OCCURRENCE.
///
/// ```
/// use chronoline::{meantime_class, EventClass};
/// assert_eq!(meantime_class(EventClass::IState), EventClass::Reporting);
/// assert_eq!(meantime_class(EventClass::Aspectual), EventClass::Aspectual);
/// assert_eq!(meantime_class(EventClass::IAction), EventClass::Occurrence);
/// ```
pub fn meantime_class(class: EventClass) -> EventClass {
    match class {
        EventClass::Reporting | EventClass::Perception | EventClass::IState => {
            EventClass::Reporting
        }
        EventClass::Aspectual => EventClass::Aspectual,
        EventClass::Occurrence | EventClass::State | EventClass::IAction => EventClass::Occurrence,
    }
}

/// The scores against MEANTIME gold annotation: over all documents, and
/// document by document.
///
/// ```
/// use chronoline::{evaluate_meantime, parse_meantime, Extractor};
/// let gold = parse_meantime(
///     r#"<Document doc_name="d">
///     <token t_id="1" sentence="0" number="0">They</token>
///     <token t_id="2" sentence="0" number="1">met</token>
///     <token t_id="3" sentence="0" number="2">in</token>
///     <token t_id="4" sentence="0" number="3">2009</token>
///     <Markables>
///       <TIMEX3 m_id="1" type="DATE" value="2009" functionInDocument="NONE"><token_anchor t_id="4"/></TIMEX3>
///     </Markables></Document>"#,
/// )?;
/// let system = Extractor::new().extract_document(gold.to_document());
/// let scores = evaluate_meantime(&[gold], &[system])?;
/// assert_eq!(scores.total.timex.strict.f1, 1.0);
/// assert_eq!(scores.documents[0].0, "d");
/// # Ok::<(), chronoline::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MeantimeScores {
    /// Over all documents (counts summed, then divided).
    pub total: Scores,
    /// Each document's id and scores, in the order given.
    pub documents: Vec<(String, Scores)>,
}

/// Scores system documents against MEANTIME gold ones (paired by id, as
/// [`evaluate`] pairs them), after leaving out the system timexes and
/// events after the annotated part ([`MeantimeDocument::annotated_end`])
/// and the system timexes overlapping the creation time's text
/// ([`MeantimeDocument::dct_span`]), and mapping the system event classes with [`meantime_class`].
///
/// ```
/// use chronoline::{evaluate_meantime, parse_meantime, Document};
/// let gold = parse_meantime(r#"<Document doc_name="d"><token t_id="1" sentence="0">Hi</token></Document>"#)?;
/// let other = Document::new("d", "Ho", None);
/// assert!(evaluate_meantime(&[gold], &[other]).is_err());
/// # Ok::<(), chronoline::Error>(())
/// ```
pub fn evaluate_meantime(
    gold: &[MeantimeDocument],
    system: &[Document],
) -> Result<MeantimeScores, Error> {
    let scored_part: HashMap<&str, (usize, Option<Span>)> = gold
        .iter()
        .map(|g| (g.document.id.as_str(), (g.annotated_end, g.dct_span)))
        .collect();
    let system: Vec<Document> = system
        .iter()
        .map(|doc| {
            let mut doc = doc.clone();
            // links to what is dropped no longer count: the scorer finds
            // their ends by id
            if let Some(&(end, dct_span)) = scored_part.get(doc.id.as_str()) {
                doc.timexes.retain(|t| {
                    t.span.start < end && dct_span.is_none_or(|dct| !dct.overlaps(t.span))
                });
                doc.events.retain(|e| e.span.start < end);
            }
            for event in &mut doc.events {
                event.class = meantime_class(event.class);
            }
            doc
        })
        .collect();
    let gold: Vec<Document> = gold.iter().map(|g| g.document.clone()).collect();
    let total = evaluate(&gold, &system)?;
    let mut documents = Vec::with_capacity(gold.len());
    for gold_doc in &gold {
        let scores = evaluate(std::slice::from_ref(gold_doc), &system)?;
        documents.push((gold_doc.id.clone(), scores));
    }
    Ok(MeantimeScores { total, documents })
}

impl MeantimeScores {
    /// A plain-text table: one row per document and a total row, figures
    /// in percent (timex strict, relaxed, value and type F1; event relaxed
    /// and class F1; event-timex link F1), then the total counts.
    ///
    /// ```
    /// let table = chronoline::MeantimeScores::default().to_table();
    /// assert!(table.contains("total"));
    /// ```
    pub fn to_table(&self) -> String {
        let pct = |x: f64| format!("{:.2}", x * 100.0);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} documents (MEANTIME gold; DCT from the CREATION_TIME timex, not scored)\n",
            self.total.documents
        );
        let _ = writeln!(
            out,
            "{:<40} {:>5} {:>7} {:>7} {:>7} {:>7} {:>5} {:>7} {:>7} {:>5} {:>7}",
            "document",
            "tx",
            "strict",
            "relax",
            "value",
            "type",
            "ev",
            "event",
            "class",
            "links",
            "link"
        );
        let row = |out: &mut String, name: &str, s: &Scores| {
            let name: String = name.chars().take(40).collect();
            let _ = writeln!(
                out,
                "{name:<40} {:>5} {:>7} {:>7} {:>7} {:>7} {:>5} {:>7} {:>7} {:>5} {:>7}",
                s.timex.gold,
                pct(s.timex.strict.f1),
                pct(s.timex.relaxed.f1),
                pct(s.timex.value_f1),
                pct(s.timex.type_f1),
                s.event.gold,
                pct(s.event.relaxed.f1),
                pct(s.event.class_f1),
                s.event_timex_links.gold,
                pct(s.event_timex_links.scores.f1)
            );
        };
        for (name, scores) in &self.documents {
            row(&mut out, name, scores);
        }
        row(&mut out, "total", &self.total);
        let t = &self.total;
        let _ = writeln!(
            out,
            "\n{:<20} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
            "", "gold", "system", "match", "P", "R", "F1"
        );
        let lines = [
            (
                "timex strict",
                t.timex.gold,
                t.timex.system,
                t.timex.strict_matches,
                &t.timex.strict,
            ),
            (
                "timex relaxed",
                t.timex.gold,
                t.timex.system,
                t.timex.relaxed_matches,
                &t.timex.relaxed,
            ),
            (
                "event strict",
                t.event.gold,
                t.event.system,
                t.event.strict_matches,
                &t.event.strict,
            ),
            (
                "event relaxed",
                t.event.gold,
                t.event.system,
                t.event.relaxed_matches,
                &t.event.relaxed,
            ),
            (
                "event-timex links",
                t.event_timex_links.gold,
                t.event_timex_links.system,
                t.event_timex_links.found,
                &t.event_timex_links.scores,
            ),
        ];
        for (name, gold, system, matched, prf) in lines {
            let _ = writeln!(
                out,
                "{name:<20} {gold:>7} {system:>7} {matched:>7} {:>7} {:>7} {:>7}",
                pct(prf.precision),
                pct(prf.recall),
                pct(prf.f1)
            );
        }
        let _ = writeln!(
            out,
            "\ntimex value F1 {} (accuracy {}), type F1 {} (accuracy {})",
            pct(t.timex.value_f1),
            pct(t.timex.value_accuracy),
            pct(t.timex.type_f1),
            pct(t.timex.type_accuracy)
        );
        let _ = writeln!(
            out,
            "event class F1 {} (accuracy {}; MEANTIME classes, see `chronoline meantime-eval --help`)",
            pct(t.event.class_f1),
            pct(t.event.class_accuracy)
        );
        for doc in &t.errors {
            let _ = writeln!(out, "\n{doc}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tiny CAT document written for this test.
    const SNIPPET: &str = r#"<?xml version="1.0" ?><Document doc_id="7" doc_name="tiny" lang="en">
<token t_id="1" sentence="0" number="0">March</token>
<token t_id="2" sentence="0" number="1">3</token>
<token t_id="3" sentence="0" number="2">,</token>
<token t_id="4" sentence="0" number="3">2011</token>
<token t_id="5" sentence="1" number="4">The</token>
<token t_id="6" sentence="1" number="5">firm</token>
<token t_id="7" sentence="1" number="6">(</token>
<token t_id="8" sentence="1" number="7">Acme</token>
<token t_id="9" sentence="1" number="8">)</token>
<token t_id="10" sentence="1" number="9">said</token>
<token t_id="11" sentence="1" number="10">it</token>
<token t_id="12" sentence="1" number="11">did</token>
<token t_id="13" sentence="1" number="12">n't</token>
<token t_id="14" sentence="1" number="13">grow</token>
<token t_id="15" sentence="1" number="14">5</token>
<token t_id="16" sentence="1" number="15">%</token>
<token t_id="17" sentence="1" number="16">last</token>
<token t_id="18" sentence="1" number="17">year</token>
<token t_id="19" sentence="1" number="18">.</token>
<token t_id="20" sentence="2" number="19">&quot;</token>
<token t_id="21" sentence="2" number="20">Bob</token>
<token t_id="22" sentence="2" number="21">'s</token>
<token t_id="23" sentence="2" number="22">fine</token>
<token t_id="24" sentence="2" number="23">&quot;</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2011-03-03">
<token_anchor t_id="1"/><token_anchor t_id="2"/><token_anchor t_id="3"/><token_anchor t_id="4"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2010" anchorTimeID="1">
<token_anchor t_id="17"/><token_anchor t_id="18"/>
</TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="empty" functionInDocument="NONE" m_id="3" type="DATE" value="2009"/>
<EVENT_MENTION m_id="4" pred="say" pos="VERB"><token_anchor t_id="10"/></EVENT_MENTION>
<EVENT_MENTION m_id="5" pred="grow" pos="VERB"><token_anchor t_id="12"/><token_anchor t_id="14"/></EVENT_MENTION>
<EVENT TAG_DESCRIPTOR="say" class="SPEECH_COGNITIVE" m_id="6"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="4"/><target m_id="6"/></REFERS_TO>
<TLINK r_id="2" reltype="IS_INCLUDED"><source m_id="5"/><target m_id="2"/></TLINK>
<TLINK r_id="3" reltype="BEFORE"><source m_id="5"/><target m_id="1"/></TLINK>
<TLINK r_id="4" reltype="AFTER"><source m_id="4"/><target m_id="5"/></TLINK>
</Relations>
</Document>"#;

    #[test]
    fn rebuilds_the_text_from_tokens() {
        let doc = parse_meantime(SNIPPET).unwrap();
        let gold = &doc.document;
        assert_eq!(gold.id, "tiny");
        assert_eq!(
            gold.text,
            "March 3, 2011\nThe firm (Acme) said it didn't grow 5% last year.\n\" Bob's fine \""
        );
        assert_eq!(doc.tokens.len(), 24);
        assert_eq!(gold.sentences.len(), 3);
        assert_eq!(
            gold.sentences[1].span.slice(&gold.text),
            gold.text.lines().nth(1)
        );
        // every token's span holds its text
        for (span, token) in doc.tokens.iter().zip(["March", "3", ",", "2011", "The"]) {
            assert_eq!(span.slice(&gold.text), Some(token));
        }
        assert_eq!(doc.tokens[12].slice(&gold.text), Some("n't"));
    }

    #[test]
    fn maps_annotations_to_byte_spans() {
        let gold = parse_meantime(SNIPPET).unwrap().document;
        assert_eq!(
            gold.dct.as_ref().map(Dct::value).as_deref(),
            Some("2011-03-03")
        );
        // the DCT and the empty timex are not scored
        assert_eq!(gold.timexes.len(), 1);
        assert_eq!(gold.timexes[0].text, "last year");
        assert_eq!(gold.timexes[0].anchor.as_deref(), Some("t1"));
        let doc = parse_meantime(SNIPPET).unwrap();
        assert_eq!(
            doc.dct_span.and_then(|s| s.slice(&gold.text)),
            Some("March 3, 2011")
        );
        // the last annotated sentence is the second (the third has none)
        assert_eq!(doc.annotated_end, gold.sentences[1].span.end);
        let events: Vec<(&str, EventClass)> = gold
            .events
            .iter()
            .map(|e| (e.text.as_str(), e.class))
            .collect();
        // a discontinuous mention runs from its first to its last token
        assert_eq!(
            events,
            [
                ("said", EventClass::Reporting),
                ("didn't grow", EventClass::Occurrence)
            ]
        );
        // only the event-timex TLINK to a text timex is kept
        assert_eq!(gold.links.len(), 1);
        assert_eq!(gold.links[0].source, LinkEnd::Event("ei5".into()));
        assert_eq!(gold.links[0].target, LinkEnd::Time("t2".into()));
    }

    #[test]
    fn reports_bad_input_clearly() {
        let missing = SNIPPET.replace(
            r#"<token_anchor t_id="10"/>"#,
            r#"<token_anchor t_id="99"/>"#,
        );
        let err = parse_meantime(&missing).unwrap_err().to_string();
        assert!(err.contains("token \"99\""), "{err}");
        let bad_dct = SNIPPET.replace("2011-03-03", "someday");
        let err = parse_meantime(&bad_dct).unwrap_err().to_string();
        assert!(err.contains("creation time"), "{err}");
        assert!(parse_meantime("<Document><token t_id=\"1\">x</token>").is_err());
    }
}
