//! TimeML in and out: the TEXT byte for byte, TIMEX3, EVENT, MAKEINSTANCE, TLINK.
//!
//! Reading uses a small linear scanner over the XML (TimeML needs elements,
//! attributes, the five predefined entities, character references, comments,
//! processing instructions, a DOCTYPE and CDATA; nothing else). The document
//! text is the character content of `<TEXT>` with entities unescaped and
//! nothing else changed: line endings, white space and every character are
//! kept, so spans are byte offsets into exactly that text.
//!
//! Writing escapes only `&`, `<` and `>` in the text, so the TEXT of a file
//! read and written again is the same, byte for byte, as long as the input
//! escaped only those (the TempEval-3 files use `&amp;` alone). The official
//! TempEval-3 scorer refuses a system file whose text differs from the gold.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use crate::error::Error;
use crate::model::{
    Aspect, Dct, DctSource, Document, Event, EventClass, LinkEnd, Polarity, Relation, Sentence,
    Span, Tense, TimeLink, Timex, TimexType,
};

/// Reads a TimeML file (UTF-8). The document id is the `DOCID`, or the file
/// name without its extension when there is none.
///
/// ```
/// let err = chronoline::read_timeml("/no/such/file.tml").unwrap_err();
/// assert_eq!(err.kind(), chronoline::ErrorKind::Io);
/// ```
pub fn read_timeml(path: impl AsRef<Path>) -> Result<Document, Error> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let xml = String::from_utf8(bytes).map_err(|e| {
        Error::parse(format!(
            "not valid UTF-8 (at byte {})",
            e.utf8_error().valid_up_to()
        ))
        .in_file(path)
    })?;
    let mut doc = parse_timeml(&xml).map_err(|e| e.in_file(path))?;
    if doc.id.is_empty() {
        if let Some(stem) = path.file_stem() {
            doc.id = stem.to_string_lossy().into_owned();
        }
    }
    Ok(doc)
}

/// Parses a TimeML document.
///
/// - `DOCID` gives [`Document::id`] (empty when absent);
/// - the `TIMEX3` inside `DCT` (or any `TIMEX3` with
///   `functionInDocument="CREATION_TIME"` when there is no `DCT`) gives
///   [`Document::dct`], if its value is a date or a date and time;
/// - the content of `TEXT`, entities unescaped, gives [`Document::text`];
///   `<s id="3">` markup inside it gives [`Document::sentences`] (left empty
///   without such markup); other markup (`SIGNAL`, ...) is dropped and its
///   text kept;
/// - `TIMEX3` and `EVENT` inside `TEXT` give the timexes and events (rule
///   `"gold"`), with each event's tense, aspect, polarity, part of speech and
///   modality from its first `MAKEINSTANCE` (an event without one gets the
///   instance id `ei<n>` for `e<n>`, and TimeML's defaults; an `EVENT`
///   without a class counts as an `OCCURRENCE`); links naming a further
///   instance of an event are redirected to its first;
/// - each `TLINK` gives a [`TimeLink`]; links with an unknown `relType` or a
///   missing end are skipped. `SLINK` and `ALINK` are not read.
///
/// Malformed XML, an unknown entity, or a `TIMEX3`/`EVENT` without its id or
/// with an unknown type, class, tense, aspect or polarity is an error that
/// names the line and column.
///
/// ```
/// use chronoline::{parse_timeml, TimexType};
/// let doc = parse_timeml(r#"<TimeML><DOCID>d1</DOCID>
/// <DCT><TIMEX3 tid="t0" type="DATE" value="2025-12-07" functionInDocument="CREATION_TIME">7 Dec</TIMEX3></DCT>
/// <TEXT>Jobs &amp; wages <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2025-12-05">Friday</TIMEX3>.</TEXT>
/// <MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
/// <TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
/// </TimeML>"#)?;
/// assert_eq!(doc.id, "d1");
/// assert_eq!(doc.text, "Jobs & wages fell on Friday.");
/// assert_eq!(doc.dct.unwrap().value(), "2025-12-07");
/// assert_eq!(doc.timexes[0].kind, TimexType::Date);
/// assert_eq!(&doc.text[doc.timexes[0].span.start..doc.timexes[0].span.end], "Friday");
/// assert_eq!(doc.events[0].instance_id, "ei1");
/// assert_eq!(doc.links.len(), 1);
///
/// let err = parse_timeml("<TimeML>\n<TEXT>oops</TimeML>").unwrap_err();
/// assert!(err.to_string().starts_with("2:"), "{err}");
/// # Ok::<(), chronoline::Error>(())
/// ```
pub fn parse_timeml(xml: &str) -> Result<Document, Error> {
    Reader::new(xml).read()
}

/// Writes a document as TimeML: `DOCID`, the DCT as `TIMEX3 tid="t0"` with
/// `functionInDocument="CREATION_TIME"`, `TEXT` with inline `TIMEX3` and
/// `EVENT` tags (and `<s id>` markup when the document's sentences have
/// ids), then one `MAKEINSTANCE` per event and one `TLINK` per link. An
/// event dated by [`Event::time`] with a [`Event::relation`] that no link
/// states yet gets a `TLINK` too.
///
/// The text is written with only `&`, `<` and `>` escaped, so its content
/// is exactly [`Document::text`]. A timex or event whose span is out of the
/// text, splits a character, crosses a sentence boundary or crosses another
/// annotation cannot be written inline; it is left out and named in an XML
/// comment after `TEXT`.
///
/// ```
/// use chronoline::{parse_timeml, to_timeml};
/// let xml = r#"<TimeML><DOCID>d1</DOCID><TEXT>It rained on <TIMEX3 tid="t1" type="DATE" value="2024-05-03">3 May 2024</TIMEX3> &amp; after.</TEXT></TimeML>"#;
/// let doc = parse_timeml(xml)?;
/// let written = to_timeml(&doc);
/// assert!(written.contains("<TEXT>It rained on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2024-05-03\""));
/// assert!(written.contains("3 May 2024</TIMEX3> &amp; after.</TEXT>"));
/// assert_eq!(parse_timeml(&written)?, doc);
/// # Ok::<(), chronoline::Error>(())
/// ```
pub fn to_timeml(doc: &Document) -> String {
    Writer::new(doc).write()
}

// ---------------------------------------------------------------------------
// Scanning

/// One piece of the XML.
pub(crate) enum Item<'x> {
    /// Character data, still escaped.
    Text(&'x str),
    /// The content of a CDATA section, taken literally.
    CData(&'x str),
    Start {
        name: &'x str,
        attrs: Attrs<'x>,
        empty: bool,
    },
    End {
        name: &'x str,
    },
}

pub(crate) type Attrs<'x> = Vec<(&'x str, Cow<'x, str>)>;

pub(crate) fn attr<'a>(attrs: &'a Attrs<'_>, name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.as_ref())
}

/// A linear scanner over an XML string (also read by the MEANTIME CAT
/// reader, `eval::meantime`).
pub(crate) struct Scanner<'x> {
    pub(crate) xml: &'x str,
    pub(crate) pos: usize,
}

impl<'x> Scanner<'x> {
    fn error(&self, at: usize, message: impl AsRef<str>) -> Error {
        let (line, column) = line_column(self.xml, at);
        Error::parse(format!("{line}:{column}: {}", message.as_ref()))
    }

    fn rest(&self) -> &'x str {
        &self.xml[self.pos..]
    }

    /// The next item and the byte offset where it starts.
    pub(crate) fn next_item(&mut self) -> Result<Option<(usize, Item<'x>)>, Error> {
        loop {
            let at = self.pos;
            let rest = self.rest();
            if rest.is_empty() {
                return Ok(None);
            }
            if !rest.starts_with('<') {
                let len = rest.find('<').unwrap_or(rest.len());
                self.pos += len;
                return Ok(Some((at, Item::Text(&rest[..len]))));
            }
            if let Some(body) = rest.strip_prefix("<!--") {
                let end = body
                    .find("-->")
                    .ok_or_else(|| self.error(at, "unterminated comment"))?;
                self.pos += 4 + end + 3;
                continue;
            }
            if let Some(body) = rest.strip_prefix("<![CDATA[") {
                let end = body
                    .find("]]>")
                    .ok_or_else(|| self.error(at, "unterminated CDATA section"))?;
                self.pos += 9 + end + 3;
                return Ok(Some((at, Item::CData(&body[..end]))));
            }
            if let Some(body) = rest.strip_prefix("<?") {
                let end = body
                    .find("?>")
                    .ok_or_else(|| self.error(at, "unterminated processing instruction"))?;
                self.pos += 2 + end + 2;
                continue;
            }
            if rest.starts_with("<!") {
                self.pos += self.declaration_len(at)?;
                continue;
            }
            if let Some(body) = rest.strip_prefix("</") {
                let name_len = name_length(body);
                if name_len == 0 {
                    return Err(self.error(at, "expected an element name after '</'"));
                }
                let after = &body[name_len..];
                let trimmed = after.trim_start();
                if !trimmed.starts_with('>') {
                    return Err(self.error(at, "expected '>' to close the end tag"));
                }
                self.pos += 2 + name_len + (after.len() - trimmed.len()) + 1;
                return Ok(Some((
                    at,
                    Item::End {
                        name: &body[..name_len],
                    },
                )));
            }
            return self.start_tag(at).map(Some);
        }
    }

    /// The length of a `<!DOCTYPE ...>` declaration, with any internal subset.
    fn declaration_len(&self, at: usize) -> Result<usize, Error> {
        let rest = self.rest();
        let mut in_subset = false;
        let mut quote = None;
        for (i, c) in rest.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '[') => in_subset = true,
                (None, ']') => in_subset = false,
                (None, '>') if !in_subset => return Ok(i + 1),
                _ => {}
            }
        }
        Err(self.error(at, "unterminated declaration"))
    }

    fn start_tag(&mut self, at: usize) -> Result<(usize, Item<'x>), Error> {
        let xml = self.xml;
        let mut pos = at + 1;
        let name_len = name_length(&xml[pos..]);
        if name_len == 0 {
            return Err(self.error(at, "'<' not followed by an element name"));
        }
        let name = &xml[pos..pos + name_len];
        pos += name_len;
        let mut attrs = Attrs::new();
        loop {
            let rest = &xml[pos..];
            let trimmed = rest.trim_start();
            let had_space = trimmed.len() < rest.len();
            pos += rest.len() - trimmed.len();
            if trimmed.starts_with('>') {
                self.pos = pos + 1;
                return Ok((
                    at,
                    Item::Start {
                        name,
                        attrs,
                        empty: false,
                    },
                ));
            }
            if trimmed.starts_with("/>") {
                self.pos = pos + 2;
                return Ok((
                    at,
                    Item::Start {
                        name,
                        attrs,
                        empty: true,
                    },
                ));
            }
            if trimmed.is_empty() {
                return Err(self.error(at, format!("unterminated tag <{name}>")));
            }
            if !had_space {
                return Err(self.error(pos, format!("expected white space in tag <{name}>")));
            }
            let attr_len = name_length(trimmed);
            if attr_len == 0 {
                return Err(self.error(pos, format!("expected an attribute name in <{name}>")));
            }
            let attr_name = &trimmed[..attr_len];
            let attr_at = pos;
            pos += attr_len;
            let rest = &xml[pos..];
            let trimmed = rest.trim_start();
            pos += rest.len() - trimmed.len();
            if !trimmed.starts_with('=') {
                return Err(self.error(attr_at, format!("attribute {attr_name} has no value")));
            }
            pos += 1;
            let rest = &xml[pos..];
            let trimmed = rest.trim_start();
            pos += rest.len() - trimmed.len();
            let quote = match trimmed.chars().next() {
                Some(q @ ('"' | '\'')) => q,
                _ => {
                    return Err(self.error(
                        attr_at,
                        format!("the value of attribute {attr_name} is not quoted"),
                    ))
                }
            };
            let body = &trimmed[1..];
            let len = body.find(quote).ok_or_else(|| {
                self.error(
                    attr_at,
                    format!("unterminated value of attribute {attr_name}"),
                )
            })?;
            let raw = &body[..len];
            if let Some(lt) = raw.find('<') {
                return Err(self.error(pos + 1 + lt, "'<' in an attribute value"));
            }
            let value = unescape(raw).map_err(|(offset, msg)| self.error(pos + 1 + offset, msg))?;
            if attrs.iter().any(|(n, _)| *n == attr_name) {
                return Err(self.error(attr_at, format!("duplicate attribute {attr_name}")));
            }
            attrs.push((attr_name, value));
            pos += 1 + len + 1;
        }
    }
}

fn name_length(text: &str) -> usize {
    text.find(|c: char| c.is_whitespace() || matches!(c, '>' | '/' | '=' | '<' | '"' | '\''))
        .unwrap_or(text.len())
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Replaces entity and character references; on error, the offset in `raw`
/// and a message.
pub(crate) fn unescape(raw: &str) -> Result<Cow<'_, str>, (usize, String)> {
    if !raw.contains('&') {
        return Ok(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    let mut offset = 0;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let at = offset + amp;
        let semi = after
            .find(';')
            .filter(|&i| i <= 32)
            .ok_or_else(|| (at, "'&' that starts no entity (write &amp;)".to_string()))?;
        let name = &after[..semi];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse::<u32>().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32)
                    .ok_or_else(|| (at, format!("unknown entity &{name};")))?
            }
        };
        out.push(c);
        rest = &after[semi + 1..];
        offset = at + 1 + semi + 1;
    }
    out.push_str(rest);
    Ok(Cow::Owned(out))
}

// ---------------------------------------------------------------------------
// Reading

/// What an open element is, for the reader.
enum Open<'x> {
    Text,
    Dct,
    DocId,
    Timex {
        at: usize,
        attrs: Attrs<'x>,
        start: usize,
    },
    Event {
        at: usize,
        attrs: Attrs<'x>,
        start: usize,
    },
    Sentence {
        id: Option<String>,
        start: usize,
    },
    Other,
}

struct OpenElement<'x> {
    name: &'x str,
    at: usize,
    what: Open<'x>,
}

struct Reader<'x> {
    scanner: Scanner<'x>,
    stack: Vec<OpenElement<'x>>,
    roots: usize,
    seen_text: bool,
    docid: String,
    text: String,
    dct: Option<Dct>,
    dct_candidate: Option<Dct>,
    sentences: Vec<Sentence>,
    timexes: Vec<Timex>,
    events: Vec<Event>,
    instances: Vec<(usize, Attrs<'x>)>,
    tlinks: Vec<Attrs<'x>>,
    /// The TIMEX3 and EVENT ids seen so far.
    ids: HashSet<(&'static str, String)>,
    /// How many `<s>`, TIMEX3 and EVENT elements are open. An `<s>` inside
    /// one is markup, not a sentence: sentences neither nest nor sit inside
    /// an annotation, or the document could not be written back as read.
    open_annotations: usize,
}

impl Open<'_> {
    fn is_annotation(&self) -> bool {
        matches!(
            self,
            Open::Timex { .. } | Open::Event { .. } | Open::Sentence { .. }
        )
    }
}

impl<'x> Reader<'x> {
    fn new(xml: &'x str) -> Reader<'x> {
        let xml = xml.strip_prefix('\u{feff}').unwrap_or(xml);
        Reader {
            scanner: Scanner { xml, pos: 0 },
            stack: Vec::new(),
            roots: 0,
            seen_text: false,
            docid: String::new(),
            text: String::new(),
            dct: None,
            dct_candidate: None,
            sentences: Vec::new(),
            timexes: Vec::new(),
            events: Vec::new(),
            instances: Vec::new(),
            tlinks: Vec::new(),
            ids: HashSet::new(),
            open_annotations: 0,
        }
    }

    fn in_text(&self) -> bool {
        self.stack.iter().any(|e| matches!(e.what, Open::Text))
    }

    fn in_element(&self, what: fn(&Open<'_>) -> bool) -> bool {
        self.stack.iter().any(|e| what(&e.what))
    }

    fn read(mut self) -> Result<Document, Error> {
        while let Some((at, item)) = self.scanner.next_item()? {
            match item {
                Item::Text(raw) => self.characters(at, raw)?,
                Item::CData(raw) => {
                    if self.stack.is_empty() {
                        return Err(self.scanner.error(at, "CDATA outside the root element"));
                    }
                    if self.in_text() {
                        self.text.push_str(raw);
                    }
                }
                Item::Start { name, attrs, empty } => self.start(at, name, attrs, empty)?,
                Item::End { name } => self.end(at, name)?,
            }
        }
        if let Some(open) = self.stack.last() {
            return Err(self
                .scanner
                .error(open.at, format!("element <{}> is never closed", open.name)));
        }
        if self.roots == 0 {
            return Err(self.scanner.error(0, "no root element"));
        }
        if !self.seen_text {
            return Err(self.scanner.error(0, "no TEXT element"));
        }
        self.finish()
    }

    fn characters(&mut self, at: usize, raw: &'x str) -> Result<(), Error> {
        if self.stack.is_empty() {
            if raw.trim().is_empty() {
                return Ok(());
            }
            return Err(self.scanner.error(at, "text outside the root element"));
        }
        let text = unescape(raw).map_err(|(offset, msg)| self.scanner.error(at + offset, msg))?;
        if self.in_text() {
            self.text.push_str(&text);
        } else if self.in_element(|o| matches!(o, Open::DocId)) {
            self.docid.push_str(&text);
        }
        Ok(())
    }

    fn start(
        &mut self,
        at: usize,
        name: &'x str,
        attrs: Attrs<'x>,
        empty: bool,
    ) -> Result<(), Error> {
        if self.stack.is_empty() {
            self.roots += 1;
            if self.roots > 1 {
                return Err(self.scanner.error(at, "a second root element"));
            }
        }
        let start = self.text.len();
        let what = if self.in_text() {
            match name {
                "TIMEX3" => Open::Timex { at, attrs, start },
                "EVENT" => Open::Event { at, attrs, start },
                "s" if self.open_annotations == 0 => Open::Sentence {
                    id: attr(&attrs, "id").map(str::to_string),
                    start,
                },
                _ => Open::Other,
            }
        } else {
            match name {
                "TEXT" => {
                    self.seen_text = true;
                    Open::Text
                }
                "DCT" => Open::Dct,
                "DOCID" => Open::DocId,
                "TIMEX3" => {
                    let in_dct = self.in_element(|o| matches!(o, Open::Dct));
                    let creation = attr(&attrs, "functionInDocument") == Some("CREATION_TIME");
                    if in_dct || creation {
                        let dct = attr(&attrs, "value").and_then(parse_dct_value);
                        if in_dct && self.dct.is_none() {
                            self.dct = dct;
                        } else if self.dct_candidate.is_none() {
                            self.dct_candidate = dct;
                        }
                    }
                    Open::Other
                }
                "MAKEINSTANCE" => {
                    self.instances.push((at, attrs));
                    Open::Other
                }
                "TLINK" => {
                    self.tlinks.push(attrs);
                    Open::Other
                }
                _ => Open::Other,
            }
        };
        let element = OpenElement { name, at, what };
        if empty {
            self.close(element)
        } else {
            if element.what.is_annotation() {
                self.open_annotations += 1;
            }
            self.stack.push(element);
            Ok(())
        }
    }

    fn end(&mut self, at: usize, name: &str) -> Result<(), Error> {
        let Some(open) = self.stack.pop() else {
            return Err(self
                .scanner
                .error(at, format!("end tag </{name}> without a start tag")));
        };
        if open.name != name {
            let (line, column) = line_column(self.scanner.xml, open.at);
            return Err(self.scanner.error(
                at,
                format!(
                    "end tag </{name}> does not match <{}> (opened at {line}:{column})",
                    open.name
                ),
            ));
        }
        if open.what.is_annotation() {
            self.open_annotations -= 1;
        }
        self.close(open)
    }

    fn duplicate(&self, at: usize, what: &str, id: &str) -> Error {
        self.scanner.error(at, format!("duplicate {what} {id:?}"))
    }

    fn close(&mut self, element: OpenElement<'x>) -> Result<(), Error> {
        let end = self.text.len();
        match element.what {
            Open::Timex { at, attrs, start } => {
                let timex = self.timex(at, &attrs, Span::new(start, end))?;
                if timex_is_creation_time(&attrs) && self.dct_candidate.is_none() {
                    self.dct_candidate = parse_dct_value(&timex.value);
                }
                if !self.ids.insert(("TIMEX3 tid", timex.id.clone())) {
                    return Err(self.duplicate(at, "TIMEX3 tid", &timex.id));
                }
                self.timexes.push(timex);
            }
            Open::Event { at, attrs, start } => {
                let event = self.event(at, &attrs, Span::new(start, end))?;
                // Links and instances name events by id: two with one id
                // cannot be told apart (and would not read back the same).
                if !self.ids.insert(("EVENT eid", event.id.clone())) {
                    return Err(self.duplicate(at, "EVENT eid", &event.id));
                }
                self.events.push(event);
            }
            Open::Sentence { id, start } => self.sentences.push(Sentence {
                span: Span::new(start, end),
                id,
            }),
            Open::Text | Open::Dct | Open::DocId | Open::Other => {}
        }
        Ok(())
    }

    fn required<'a>(
        &self,
        at: usize,
        attrs: &'a Attrs<'_>,
        tag: &str,
        name: &str,
    ) -> Result<&'a str, Error> {
        attr(attrs, name).ok_or_else(|| self.scanner.error(at, format!("{tag} without {name}")))
    }

    fn parsed<T: std::str::FromStr<Err = Error>>(
        &self,
        at: usize,
        attrs: &Attrs<'_>,
        name: &str,
    ) -> Result<Option<T>, Error> {
        match attr(attrs, name) {
            None => Ok(None),
            Some(value) => value
                .parse()
                .map(Some)
                .map_err(|e: Error| self.scanner.error(at, format!("{e} in attribute {name}"))),
        }
    }

    fn timex(&self, at: usize, attrs: &Attrs<'_>, span: Span) -> Result<Timex, Error> {
        let id = self.required(at, attrs, "TIMEX3", "tid")?.to_string();
        let kind: TimexType = self
            .parsed(at, attrs, "type")?
            .ok_or_else(|| self.scanner.error(at, format!("TIMEX3 {id} without type")))?;
        let owned = |name: &str| attr(attrs, name).map(str::to_string);
        Ok(Timex {
            id,
            span,
            text: self.text[span.start..span.end].to_string(),
            kind,
            value: attr(attrs, "value").unwrap_or_default().to_string(),
            modifier: self.parsed(at, attrs, "mod")?,
            quant: owned("quant"),
            freq: owned("freq"),
            begin_point: owned("beginPoint"),
            end_point: owned("endPoint"),
            anchor: owned("anchorTimeID"),
            temporal_function: attr(attrs, "temporalFunction") == Some("true"),
            interval: None,
            rule: "gold".to_string(),
        })
    }

    fn event(&self, at: usize, attrs: &Attrs<'_>, span: Span) -> Result<Event, Error> {
        let id = self.required(at, attrs, "EVENT", "eid")?;
        let class = self
            .parsed(at, attrs, "class")?
            .unwrap_or(EventClass::Occurrence);
        let mut event = Event::new(id, span, &self.text[span.start..span.end], class);
        // TimeML 1.1 puts the instance attributes on the EVENT itself.
        self.instance_attributes(at, attrs, &mut event)?;
        event.rule = "gold".to_string();
        Ok(event)
    }

    fn instance_attributes(
        &self,
        at: usize,
        attrs: &Attrs<'_>,
        event: &mut Event,
    ) -> Result<(), Error> {
        if let Some(eiid) = attr(attrs, "eiid") {
            event.instance_id = eiid.to_string();
        }
        if let Some(tense) = self.parsed::<Tense>(at, attrs, "tense")? {
            event.tense = tense;
        }
        if let Some(aspect) = self.parsed::<Aspect>(at, attrs, "aspect")? {
            event.aspect = aspect;
        }
        if let Some(polarity) = self.parsed::<Polarity>(at, attrs, "polarity")? {
            event.polarity = polarity;
        }
        if let Some(pos) = attr(attrs, "pos") {
            event.pos = pos.to_string();
        }
        if let Some(modality) = attr(attrs, "modality") {
            event.modality = Some(modality.to_string());
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Document, Error> {
        // Instances: the first MAKEINSTANCE of an event defines it; further
        // instances of the same event are aliases of the first.
        let by_eid: HashMap<String, usize> = self
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let mut instanced = vec![false; self.events.len()];
        let mut alias: HashMap<String, String> = HashMap::new();
        let instances = std::mem::take(&mut self.instances);
        for (at, attrs) in &instances {
            let Some(&i) = attr(attrs, "eventID").and_then(|eid| by_eid.get(eid)) else {
                continue;
            };
            if instanced[i] {
                if let Some(eiid) = attr(attrs, "eiid") {
                    alias.insert(eiid.to_string(), self.events[i].instance_id.clone());
                }
                continue;
            }
            instanced[i] = true;
            let mut event = self.events[i].clone();
            self.instance_attributes(*at, attrs, &mut event)?;
            self.events[i] = event;
        }
        let resolve = |id: &str| alias.get(id).cloned().unwrap_or_else(|| id.to_string());
        let mut links = Vec::with_capacity(self.tlinks.len());
        for attrs in &self.tlinks {
            let Some(relation) = attr(attrs, "relType").and_then(|r| r.parse::<Relation>().ok())
            else {
                continue;
            };
            let source = match (attr(attrs, "eventInstanceID"), attr(attrs, "timeID")) {
                (Some(ei), _) => LinkEnd::Event(resolve(ei)),
                (None, Some(t)) => LinkEnd::Time(t.to_string()),
                (None, None) => continue,
            };
            let target = match (
                attr(attrs, "relatedToEventInstance"),
                attr(attrs, "relatedToTime"),
            ) {
                (Some(ei), _) => LinkEnd::Event(resolve(ei)),
                (None, Some(t)) => LinkEnd::Time(t.to_string()),
                (None, None) => continue,
            };
            links.push(TimeLink {
                id: attr(attrs, "lid").unwrap_or_default().to_string(),
                source,
                target,
                relation,
            });
        }
        // Inner elements close first: put everything back in text order.
        self.timexes
            .sort_by_key(|t| (t.span.start, std::cmp::Reverse(t.span.end)));
        self.events
            .sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
        self.sentences
            .sort_by_key(|s| (s.span.start, std::cmp::Reverse(s.span.end)));
        let dct = self.dct.or(self.dct_candidate);
        Ok(Document {
            id: self.docid.trim().to_string(),
            text: self.text,
            dct,
            sentences: self.sentences,
            timexes: self.timexes,
            events: self.events,
            links,
        })
    }
}

fn timex_is_creation_time(attrs: &Attrs<'_>) -> bool {
    attr(attrs, "functionInDocument") == Some("CREATION_TIME")
}

/// A DCT from a TIMEX3 value (`1998-01-08`, `1998-02-27T08:17:00`), if it
/// is a date or a date and time.
fn parse_dct_value(value: &str) -> Option<Dct> {
    let mut dct: Dct = value.parse().ok()?;
    dct.source = DctSource::Timeml;
    Some(dct)
}

/// The TIMEX3 value of a DCT, with its UTC offset when it has one.
fn dct_value(dct: &Dct) -> String {
    let mut value = dct.value();
    if let (Some(_), Some(offset)) = (dct.time, dct.utc_offset_minutes) {
        if offset == 0 {
            value.push('Z');
        } else {
            let sign = if offset < 0 { '-' } else { '+' };
            let offset = offset.unsigned_abs();
            let _ = write!(value, "{sign}{:02}:{:02}", offset / 60, offset % 60);
        }
    }
    value
}

// ---------------------------------------------------------------------------
// Writing

fn escape_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

fn escape_attr(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            _ => out.push(c),
        }
    }
}

fn push_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_attr(out, value);
    out.push('"');
}

/// One inline element to write into TEXT.
struct Markup {
    span: Span,
    /// Sentences go outside timexes, timexes outside events of the same span.
    rank: u8,
    open: String,
    close: &'static str,
    label: String,
}

struct Writer<'d> {
    doc: &'d Document,
}

impl<'d> Writer<'d> {
    fn new(doc: &'d Document) -> Writer<'d> {
        Writer { doc }
    }

    fn write(&self) -> String {
        let doc = self.doc;
        let mut out = String::with_capacity(doc.text.len() * 2 + 1024);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str(
            "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
             xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n",
        );
        if !doc.id.is_empty() {
            out.push_str("<DOCID>");
            escape_text(&mut out, &doc.id);
            out.push_str("</DOCID>\n\n");
        }
        if let Some(dct) = &doc.dct {
            let value = dct_value(dct);
            out.push_str("<DCT><TIMEX3 tid=\"t0\"");
            push_attr(
                &mut out,
                "type",
                if dct.time.is_some() { "TIME" } else { "DATE" },
            );
            push_attr(&mut out, "value", &value);
            out.push_str(" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">");
            escape_text(&mut out, &value);
            out.push_str("</TIMEX3></DCT>\n\n");
        }
        out.push_str("<TEXT>");
        let left_out = self.write_text(&mut out);
        out.push_str("</TEXT>\n\n");
        for label in &left_out {
            let _ = writeln!(
                out,
                "<!-- chronoline: {} not written inline: its span is not in the text or crosses another annotation -->",
                label.replace("--", "- -")
            );
        }
        for event in &doc.events {
            out.push_str("<MAKEINSTANCE");
            push_attr(&mut out, "eventID", &event.id);
            push_attr(&mut out, "eiid", &event.instance_id);
            push_attr(&mut out, "tense", event.tense.as_str());
            push_attr(&mut out, "aspect", event.aspect.as_str());
            push_attr(&mut out, "polarity", event.polarity.as_str());
            push_attr(&mut out, "pos", &event.pos);
            if let Some(modality) = &event.modality {
                push_attr(&mut out, "modality", modality);
            }
            out.push_str(" />\n");
        }
        for link in self.links() {
            out.push_str("<TLINK");
            push_attr(&mut out, "lid", &link.id);
            push_attr(&mut out, "relType", link.relation.as_str());
            match &link.source {
                LinkEnd::Event(id) => push_attr(&mut out, "eventInstanceID", id),
                LinkEnd::Time(id) => push_attr(&mut out, "timeID", id),
            }
            match &link.target {
                LinkEnd::Event(id) => push_attr(&mut out, "relatedToEventInstance", id),
                LinkEnd::Time(id) => push_attr(&mut out, "relatedToTime", id),
            }
            out.push_str(" />\n");
        }
        out.push_str("\n</TimeML>\n");
        out
    }

    /// The document's links, then one for each event dated by its `time`
    /// field that no link states.
    fn links(&self) -> Vec<Cow<'d, TimeLink>> {
        let doc = self.doc;
        let mut links: Vec<Cow<'d, TimeLink>> = doc.links.iter().map(Cow::Borrowed).collect();
        let stated: HashSet<(&str, &str)> =
            doc.links
                .iter()
                .filter_map(|l| match (&l.source, &l.target) {
                    (LinkEnd::Event(e), LinkEnd::Time(t))
                    | (LinkEnd::Time(t), LinkEnd::Event(e)) => Some((e.as_str(), t.as_str())),
                    _ => None,
                })
                .collect();
        let used: HashSet<&str> = doc.links.iter().map(|l| l.id.as_str()).collect();
        let mut next = doc.links.len() + 1;
        for event in &doc.events {
            let (Some(time), Some(relation)) = (&event.time, event.relation) else {
                continue;
            };
            if stated.contains(&(event.instance_id.as_str(), time.as_str())) {
                continue;
            }
            while used.contains(format!("l{next}").as_str()) {
                next += 1;
            }
            links.push(Cow::Owned(TimeLink {
                id: format!("l{next}"),
                source: LinkEnd::Event(event.instance_id.clone()),
                target: LinkEnd::Time(time.clone()),
                relation,
            }));
            next += 1;
        }
        links
    }

    fn markup(&self) -> (Vec<Markup>, Vec<String>) {
        let doc = self.doc;
        let text = &doc.text;
        let fits = |span: Span| {
            span.start <= span.end
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
                && span.end <= text.len()
        };
        let mut left_out = Vec::new();
        let mut sentences: Vec<Markup> = Vec::new();
        if doc.sentences.iter().any(|s| s.id.is_some()) {
            for sentence in &doc.sentences {
                let label = format!("sentence {}", sentence.id.as_deref().unwrap_or(""));
                let overlaps_previous = sentences
                    .last()
                    .is_some_and(|prev| prev.span.end > sentence.span.start);
                if !fits(sentence.span) || overlaps_previous {
                    left_out.push(label);
                    continue;
                }
                let mut open = String::from("<s");
                if let Some(id) = &sentence.id {
                    push_attr(&mut open, "id", id);
                }
                open.push('>');
                sentences.push(Markup {
                    span: sentence.span,
                    rank: 0,
                    open,
                    close: "</s>",
                    label,
                });
            }
        }
        // An annotation must lie inside one sentence or outside all of them.
        let within_sentences = |span: Span| {
            let i = sentences.partition_point(|s| s.span.end <= span.start);
            match sentences.get(i) {
                // A sentence the span overlaps (or, for an empty span, touches).
                Some(s) if s.span.start < span.end.max(span.start + 1) => {
                    s.span.start <= span.start && span.end <= s.span.end
                }
                _ => true,
            }
        };
        let mut all = Vec::with_capacity(sentences.len() + doc.timexes.len() + doc.events.len());
        for timex in &doc.timexes {
            let label = format!("TIMEX3 {}", timex.id);
            if !fits(timex.span) || !within_sentences(timex.span) {
                left_out.push(label);
                continue;
            }
            let mut open = String::from("<TIMEX3");
            push_attr(&mut open, "tid", &timex.id);
            push_attr(&mut open, "type", timex.kind.as_str());
            push_attr(&mut open, "value", &timex.value);
            if let Some(modifier) = timex.modifier {
                push_attr(&mut open, "mod", modifier.as_str());
            }
            for (name, value) in [
                ("quant", &timex.quant),
                ("freq", &timex.freq),
                ("beginPoint", &timex.begin_point),
                ("endPoint", &timex.end_point),
                ("anchorTimeID", &timex.anchor),
            ] {
                if let Some(value) = value {
                    push_attr(&mut open, name, value);
                }
            }
            push_attr(
                &mut open,
                "temporalFunction",
                if timex.temporal_function {
                    "true"
                } else {
                    "false"
                },
            );
            open.push_str(" functionInDocument=\"NONE\">");
            all.push(Markup {
                span: timex.span,
                rank: 1,
                open,
                close: "</TIMEX3>",
                label,
            });
        }
        for event in &doc.events {
            let label = format!("EVENT {}", event.id);
            if !fits(event.span) || !within_sentences(event.span) {
                left_out.push(label);
                continue;
            }
            let mut open = String::from("<EVENT");
            push_attr(&mut open, "eid", &event.id);
            push_attr(&mut open, "class", event.class.as_str());
            open.push('>');
            all.push(Markup {
                span: event.span,
                rank: 2,
                open,
                close: "</EVENT>",
                label,
            });
        }
        all.extend(sentences);
        all.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end), m.rank));
        (all, left_out)
    }

    /// Writes the text with its inline markup; returns what was left out.
    fn write_text(&self, out: &mut String) -> Vec<String> {
        let text = &self.doc.text;
        let (markup, mut left_out) = self.markup();
        let mut stack: Vec<&Markup> = Vec::new();
        let mut cursor = 0;
        for m in &markup {
            while let Some(top) = stack.last() {
                if top.span.end > m.span.start {
                    break;
                }
                escape_text(out, &text[cursor..top.span.end]);
                cursor = top.span.end;
                out.push_str(top.close);
                stack.pop();
            }
            if stack.last().is_some_and(|top| top.span.end < m.span.end) {
                left_out.push(m.label.clone());
                continue;
            }
            escape_text(out, &text[cursor..m.span.start]);
            cursor = m.span.start;
            out.push_str(&m.open);
            stack.push(m);
        }
        while let Some(top) = stack.pop() {
            escape_text(out, &text[cursor..top.span.end]);
            cursor = top.span.end;
            out.push_str(top.close);
        }
        escape_text(out, &text[cursor..]);
        left_out
    }
}

/// The TempEval-3 training files in `../shared/data` (TimeBank, then
/// AQUAINT, each in path order) that read as TimeML, for the unit tests
/// that check a property over real news; empty when the folder is absent.
#[cfg(test)]
pub(crate) fn tempeval_training_documents() -> Vec<(std::path::PathBuf, Document)> {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/tempeval3/train"
    );
    let mut documents = Vec::new();
    for part in ["timebank", "aquaint"] {
        let Ok(entries) = std::fs::read_dir(format!("{root}/{part}")) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if let Ok(doc) = read_timeml(&path) {
                documents.push((path, doc));
            }
        }
    }
    documents
}

/// Runs `check` on the text of every [`tempeval_training_documents`]
/// (with the file's path, for messages; it returns the number of tokens
/// it checked) and asserts that most of the texts and tokens were seen;
/// skips with a message when the folder is absent.
#[cfg(test)]
pub(crate) fn check_tempeval_texts(mut check: impl FnMut(&str, &str) -> usize) {
    let (mut texts, mut tokens) = (0, 0);
    for (path, doc) in tempeval_training_documents() {
        tokens += check(&doc.text, &path.display().to_string());
        texts += 1;
    }
    if texts == 0 {
        eprintln!("skipped: no TempEval-3 training data in ../shared/data");
        return;
    }
    assert!(
        texts > 200 && tokens > 50_000,
        "{texts} texts, {tokens} tokens"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(text: &str) -> String {
        format!("<TimeML><DOCID>d</DOCID><TEXT>{text}</TEXT></TimeML>")
    }

    #[test]
    fn entities_are_unescaped_and_offsets_refer_to_the_unescaped_text() {
        let doc = parse_timeml(&wrap(
            "A &amp; B &lt;&gt; &#233;t&#xE9; <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2024\">2024</TIMEX3>",
        ))
        .unwrap();
        assert_eq!(doc.text, "A & B <> été 2024");
        let t = &doc.timexes[0];
        assert_eq!(t.span.slice(&doc.text), Some("2024"));
        assert_eq!(t.text, "2024");
        assert_eq!(t.rule, "gold");
    }

    #[test]
    fn malformed_xml_is_an_error_with_line_and_column() {
        for (xml, expect) in [
            ("<TimeML>\n<TEXT>a</TEXT>\n</Other>", "3:1: end tag"),
            (
                "<TimeML><TEXT>a &nbsp; b</TEXT></TimeML>",
                "unknown entity &nbsp;",
            ),
            ("<TimeML><TEXT>a & b</TEXT></TimeML>", "1:17: '&'"),
            ("<TimeML>\n  <TEXT>a", "never closed"),
            (
                "<TimeML><TEXT><TIMEX3 tid=t1>x</TIMEX3></TEXT></TimeML>",
                "not quoted",
            ),
            (
                "<TimeML><TEXT><TIMEX3 tid=\"t1\">x</TIMEX3></TEXT></TimeML>",
                "without type",
            ),
            (
                "<TimeML><TEXT><TIMEX3 tid=\"t1\" type=\"DAY\">x</TIMEX3></TEXT></TimeML>",
                "unknown timex type",
            ),
            ("<TimeML><DOCID>x</DOCID></TimeML>", "no TEXT element"),
            ("", "no root element"),
            ("<TimeML><TEXT>a</TEXT></TimeML><X/>", "second root"),
            ("<TimeML><TEXT>a</TEXT></TimeML", "expected '>'"),
            ("<TimeML><TEXT>a<", "element name"),
            ("<TimeML><!-- x", "unterminated comment"),
        ] {
            let err = parse_timeml(xml).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Parse);
            assert!(err.to_string().contains(expect), "{xml:?}: {err}");
        }
    }

    #[test]
    fn truncated_input_never_panics() {
        let xml = to_timeml(
            &parse_timeml(&wrap(
                "Été <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2024\">2024</TIMEX3> &amp; <EVENT eid=\"e1\" class=\"STATE\">war</EVENT>",
            ))
            .unwrap(),
        );
        for (i, _) in xml.char_indices() {
            let _ = parse_timeml(&xml[..i]);
        }
    }

    #[test]
    fn mutated_input_never_panics() {
        let xml = to_timeml(
            &parse_timeml(
                "<TimeML><DOCID>d</DOCID><TEXT><s id=\"1\">Été <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2024\">2024</TIMEX3> &amp; \
                 <EVENT eid=\"e1\" class=\"STATE\">war</EVENT></s></TEXT>\
                 <MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"NONE\"/>\
                 <TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"/></TimeML>",
            )
            .unwrap(),
        );
        let chars: Vec<char> = xml.chars().collect();
        let pieces = [
            '<', '>', '/', '"', '&', ';', '=', ' ', 'é', '#', 'x', '!', '?', '-', '[',
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let mut mutated = chars.clone();
            for _ in 0..1 + next() % 4 {
                let at = (next() % mutated.len() as u64) as usize;
                match next() % 3 {
                    0 => {
                        mutated.remove(at);
                    }
                    1 => mutated.insert(at, pieces[(next() % pieces.len() as u64) as usize]),
                    _ => mutated[at] = pieces[(next() % pieces.len() as u64) as usize],
                }
            }
            let text: String = mutated.into_iter().collect();
            if let Ok(doc) = parse_timeml(&text) {
                let _ = parse_timeml(&to_timeml(&doc)).unwrap();
            }
        }
    }

    #[test]
    fn events_take_their_first_instance_and_aliases_are_redirected() {
        let doc = parse_timeml(
            "<TimeML><TEXT><EVENT eid=\"e1\" class=\"OCCURRENCE\">taught</EVENT> \
             <EVENT eid=\"e2\">seen</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"XXXX-WXX-1\">Monday</TIMEX3></TEXT>\
             <MAKEINSTANCE eventID=\"e1\" eiid=\"ei10\" tense=\"PAST\" aspect=\"NONE\" polarity=\"NEG\" pos=\"VERB\" modality=\"would\"/>\
             <MAKEINSTANCE eventID=\"e1\" eiid=\"ei11\" tense=\"PAST\" aspect=\"NONE\" polarity=\"POS\" pos=\"VERB\"/>\
             <TLINK lid=\"l1\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei11\" relatedToTime=\"t1\"/>\
             <TLINK lid=\"l2\" relType=\"SOMETIME\" eventInstanceID=\"ei10\" relatedToTime=\"t1\"/>\
             <TLINK lid=\"l3\" relType=\"BEFORE\" timeID=\"t1\" relatedToEventInstance=\"ei2\"/>\
             </TimeML>",
        )
        .unwrap();
        let e1 = &doc.events[0];
        assert_eq!(e1.instance_id, "ei10");
        assert_eq!(e1.tense, Tense::Past);
        assert_eq!(e1.polarity, Polarity::Neg);
        assert_eq!(e1.pos, "VERB");
        assert_eq!(e1.modality.as_deref(), Some("would"));
        let e2 = &doc.events[1];
        assert_eq!(
            (e2.instance_id.as_str(), e2.class),
            ("ei2", EventClass::Occurrence)
        );
        assert_eq!(doc.links.len(), 2);
        assert_eq!(doc.links[0].source, LinkEnd::Event("ei10".into()));
        assert_eq!(doc.links[1].source, LinkEnd::Time("t1".into()));
        assert_eq!(doc.links[1].target, LinkEnd::Event("ei2".into()));
    }

    #[test]
    fn sentences_and_dct_are_read() {
        let doc = parse_timeml(
            "<?xml version='1.0' encoding='utf-8'?>\n<TimeML><DOCID> 10718 </DOCID>\
             <DCT><TIMEX3 functionInDocument=\"CREATION_TIME\" tid=\"t0\" type=\"DATE\" value=\"1998-02-27T08:17:00\">x</TIMEX3></DCT>\
             <TEXT><s id=\"1\">January 09 , 2008</s><s id=\"2\">It <EVENT eid=\"e1\">rose</EVENT> .</s></TEXT></TimeML>",
        )
        .unwrap();
        assert_eq!(doc.id, "10718");
        let dct = doc.dct.as_ref().unwrap();
        assert_eq!(dct.value(), "1998-02-27T08:17");
        assert_eq!(dct.source, DctSource::Timeml);
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.sentences[1].id.as_deref(), Some("2"));
        assert_eq!(doc.sentences[1].span.slice(&doc.text), Some("It rose ."));
        let written = to_timeml(&doc);
        assert!(written.contains("<s id=\"1\">January 09 , 2008</s><s id=\"2\">It <EVENT"));
        assert_eq!(parse_timeml(&written).unwrap(), doc);
    }

    #[test]
    fn crossing_annotations_are_left_out_and_named() {
        let mut doc = Document::new("d", "one two three", None);
        let timex = |id: &str, start, end| Timex {
            id: id.into(),
            span: Span::new(start, end),
            text: String::new(),
            kind: TimexType::Date,
            value: "X".into(),
            modifier: None,
            quant: None,
            freq: None,
            begin_point: None,
            end_point: None,
            anchor: None,
            temporal_function: false,
            interval: None,
            rule: String::new(),
        };
        doc.timexes = vec![timex("t1", 0, 7), timex("t2", 4, 13), timex("t3", 2, 99)];
        doc.sentences = vec![Sentence {
            span: Span::new(0, 13),
            id: Some("1".into()),
        }];
        let written = to_timeml(&doc);
        let back = parse_timeml(&written).unwrap();
        assert_eq!(back.text, doc.text);
        assert_eq!(back.timexes.len(), 1);
        assert!(written.contains("TIMEX3 t2 not written"));
        assert!(written.contains("TIMEX3 t3 not written"));
    }

    #[test]
    fn event_times_become_links() {
        let mut doc = Document::new("d", "They met on Monday.", None);
        let mut event = Event::new("e1", Span::new(5, 8), "met", EventClass::Occurrence);
        event.time = Some("t1".into());
        event.relation = Some(Relation::IsIncluded);
        doc.events.push(event);
        let written = to_timeml(&doc);
        assert!(written.contains(
            "<TLINK lid=\"l1\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\" />"
        ));
    }

    #[test]
    fn any_text_survives_writing() {
        for text in [
            "  Leading spaces, \u{1f600} and <angle> & ampersands on 7 December 2025.\n\n",
            "\r\nCRLF lines\r\n\tand ]]> and -- and \"quotes\" 'too'",
            "",
        ] {
            let doc = Document::new("d", text, None);
            let written = to_timeml(&doc);
            assert_eq!(parse_timeml(&written).unwrap(), doc, "{written}");
        }
    }

    #[test]
    fn dct_offsets_survive() {
        let mut doc = Document::new("d", "x", Some("2025-12-10T19:30+04:30".parse().unwrap()));
        doc.dct.as_mut().unwrap().source = DctSource::Timeml;
        let back = parse_timeml(&to_timeml(&doc)).unwrap();
        assert_eq!(back, doc);
    }
}
