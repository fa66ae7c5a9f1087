//! Extraction of a long text in paragraph-aligned pieces, so that the
//! per-token structures (tokens, words, the lowercased text, the event
//! tagger's word features) are those of one piece at a time and memory
//! does not grow with the text.
//!
//! The result is the one of the whole text at once: a piece ends at a
//! paragraph break after a sentence end, or, when none comes soon (a text
//! without blank lines), at a sentence end found by splitting a small window
//! of the text as the whole text is split; either way where the whole
//! text's sentences end too. Nothing else crosses a sentence end but what
//! is carried: the rules see the last words of the previous piece (they look
//! back a few words); the resolver carries the discourse (days mentioned,
//! the narrative anchor, timex numbers) from piece to piece; a DCT left
//! to inference is read from the first pieces before resolving; events and
//! their links never reach past a sentence, and their numbers (`e`, `ei`,
//! `l`) go on from the previous pieces.

use std::ops::{ControlFlow, Range};

use crate::extractor::Extractor;
use crate::model::{Dct, Document, Event, LinkEnd, Sentence, Span, Timex};
use crate::recognize::{self, Mention, Recognizer, Word};
use crate::resolve::{self, Resolver};
use crate::text::{self, Token, TokenKind};

/// The size above which a text is extracted in pieces, and their size.
pub(crate) const PIECE_BYTES: usize = 1 << 16;

/// Words of the previous piece the rules may look back at (they look at
/// most three back).
const CONTEXT_WORDS: usize = 16;

/// The longest sentence the later stages see, in bytes: a longer run of
/// text with no sentence end (a list, a transcript, text without periods)
/// is cut into parts of at most this size, after a comma, semicolon or
/// colon in their second half when there is one. The event linker compares
/// every event of a sentence with every timex of it, so this bounds the
/// work per byte. The longest sentence of the TempEval-3 and timeline
/// trial texts is 3,698 bytes: none is cut.
pub(crate) const MAX_SENTENCE_BYTES: usize = 1 << 12;

/// The sentences of `text` (whose tokens are `tokens`), none longer than
/// [`MAX_SENTENCE_BYTES`] (but a single token longer than that).
pub(crate) fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let sentences = text::sentences(text, tokens);
    if sentences.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES) {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        if sentence.len() <= MAX_SENTENCE_BYTES {
            out.push(sentence);
            continue;
        }
        let first = tokens.partition_point(|t| t.span.start < sentence.start);
        let last = tokens.partition_point(|t| t.span.end <= sentence.end);
        let mut start = sentence.start;
        // The token after the last clause mark past the middle of the part.
        let mut after_mark = None;
        for k in first..last {
            let token = tokens[k];
            if token.span.end - start > MAX_SENTENCE_BYTES && token.span.start > start {
                let at = after_mark.filter(|&m| m <= k).unwrap_or(k);
                out.push(Span::new(start, tokens[at - 1].span.end));
                start = tokens[at].span.start;
                after_mark = None;
            }
            if token.kind == TokenKind::Punct
                && matches!(token.text(text), "," | ";" | ":")
                && token.span.end - start >= MAX_SENTENCE_BYTES / 2
            {
                after_mark = Some(k + 1);
            }
        }
        out.push(Span::new(start, sentence.end));
    }
    out
}

/// The byte ranges of the pieces of `text`: each is at least `size` bytes
/// (but the last) and ends after a paragraph break (a line break, white
/// space and another line break) that follows the end of a sentence; when
/// no such break comes within `size` more bytes (a text without blank
/// lines: OCR output, one paragraph per line, one long line), at a
/// sentence end of the whole text after `size` bytes instead, so that no
/// piece is much longer than `2 * size` but one whose sentence never ends.
pub(crate) fn pieces(text: &str, size: usize) -> Vec<Range<usize>> {
    let size = size.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = size;
    while at < text.len() {
        let end = paragraph_cut(text, start, at, at.saturating_add(size.max(CUT_WINDOW)))
            .or_else(|| sentence_cut(text, at));
        let Some(end) = end else {
            break;
        };
        out.push(start..end);
        start = end;
        at = end.saturating_add(size);
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// The end of the first paragraph break after a sentence end of the piece
/// starting at `start`, looked for from `from` on and starting before `to`:
/// the first byte after its white space, which is not the text's end.
fn paragraph_cut(text: &str, start: usize, from: usize, to: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < bytes.len().min(to) {
        let newline = at + bytes[at..].iter().position(|b| *b == b'\n')?;
        if newline >= to {
            return None;
        }
        let mut end = newline + 1;
        let mut breaks = 1;
        while end < bytes.len() && bytes[end].is_ascii_whitespace() {
            breaks += usize::from(bytes[end] == b'\n');
            end += 1;
        }
        if breaks >= 2 && end < bytes.len() && ends_sentence(&bytes[start..newline]) {
            return Some(end);
        }
        at = end;
    }
    None
}

/// The bytes of text [`sentence_cut`] splits into sentences at a time.
const CUT_WINDOW: usize = 1 << 12;

/// The start of the first sentence of the whole text (as [`sentences`]
/// splits it) that starts after the first token after byte `from`, found by splitting windows of
/// the text from there; `None` when no sentence starts after it.
///
/// A window runs from one ASCII white space byte to another (or the text's
/// end). No token holds white space and the tokenizer looks no further than
/// the run of non-white-space it is in, so a window's tokens are the whole
/// text's; whether a sentence ends after a token depends on that token, the
/// one before and the one after, and the white space between: a boundary
/// between the window's second token and its last is the whole text's.
/// The longest-sentence cut of [`sentences`] only cuts within a sentence,
/// so it keeps these boundaries.
fn sentence_cut(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut window_start = from;
    loop {
        window_start += bytes
            .get(window_start..)?
            .iter()
            .position(u8::is_ascii_whitespace)?;
        let mut window_end = (window_start + CUT_WINDOW).min(bytes.len());
        window_end += bytes[window_end..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .unwrap_or(bytes.len() - window_end);
        let window = text.get(window_start..window_end)?;
        let tokens = text::tokenize(window);
        let split = text::sentences(window, &tokens);
        // A sentence that starts at a token after the second.
        if let Some(second) = tokens.get(1) {
            if let Some(sentence) = split.iter().find(|s| s.start > second.span.start) {
                return Some(window_start + sentence.start);
            }
        }
        if window_end >= bytes.len() {
            return None;
        }
        // The next window starts at the white space before the last token
        // but one, so that every boundary is looked at with both its
        // neighbors once.
        let next = tokens.len().checked_sub(2).map_or(window_end, |keep| {
            let before = &bytes[window_start..window_start + tokens[keep].span.start];
            before
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .filter(|&w| w > 0)
                .map_or(window_end, |w| window_start + w)
        });
        window_start = next;
    }
}

/// Whether `before` ends (after white space) with sentence-final
/// punctuation, perhaps closed by a quote or bracket.
fn ends_sentence(before: &[u8]) -> bool {
    let trimmed = before.trim_ascii_end();
    matches!(
        trimmed.last(),
        Some(b'.' | b'!' | b'?' | b'"' | b'\'' | b')')
    ) || trimmed.ends_with("\u{201d}".as_bytes())
}

/// One piece, read: its sentences, and the words the rules and the resolver
/// read (the context words of the previous piece first).
struct Piece<'t> {
    /// Its byte range in the whole text.
    range: Range<usize>,
    /// Its sentences, spans in the whole text.
    sentences: Vec<Span>,
    /// Its tokens, spans in the piece.
    tokens: Vec<Token>,
    words: Vec<Word<'t>>,
    /// The token index, in the whole text, of `words[0]`.
    token_offset: usize,
}

/// Reads the pieces of `text` in order, handing each with its mentions to
/// `visit` until it breaks.
fn each_piece(
    recognizer: &Recognizer,
    text: &str,
    size: usize,
    mut visit: impl FnMut(&Piece<'_>, Vec<Mention>) -> ControlFlow<()>,
) {
    let mut context: Vec<Word<'static>> = Vec::new();
    let mut tokens_before = 0;
    for range in pieces(text, size) {
        let Some(piece_text) = text.get(range.clone()) else {
            continue;
        };
        let shift = |span: Span| Span::new(span.start + range.start, span.end + range.start);
        let tokens = text::tokenize(piece_text);
        let sentences: Vec<Span> = self::sentences(piece_text, &tokens)
            .into_iter()
            .map(shift)
            .collect();
        let starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
        let lower = recognize::lowercase(piece_text);
        let shifted: Vec<Token> = tokens
            .iter()
            .map(|&token| Token {
                span: shift(token.span),
                ..token
            })
            .collect();
        let own = recognize::words_in(text, &lower, range.start, &shifted, &starts);
        drop(shifted);
        let token_offset = tokens_before - context.len();
        tokens_before += tokens.len();
        let mut words: Vec<Word<'_>> = std::mem::take(&mut context);
        words.extend(own);
        let piece = Piece {
            range,
            sentences,
            tokens,
            words,
            token_offset,
        };
        let mentions = recognizer.recognize(text, &piece.words, &piece.sentences);
        let flow = visit(&piece, mentions);
        let keep = piece.words.len().saturating_sub(CONTEXT_WORDS);
        context = piece
            .words
            .into_iter()
            .skip(keep)
            .map(|w| Word {
                norm: w.norm.into_owned(),
                ..w
            })
            .collect();
        if flow.is_break() {
            return;
        }
    }
}

/// The DCT inferred from `text`: its first full date, read by a first pass
/// that usually stops in the first piece.
fn infer_dct(recognizer: &Recognizer, text: &str, size: usize) -> Option<Dct> {
    let mut inferred = None;
    let mut first_sentence_end = None;
    each_piece(recognizer, text, size, |piece, mentions| {
        let first_end =
            *first_sentence_end.get_or_insert(piece.sentences.first().map_or(0, |s| s.end));
        inferred = resolve::infer_dct(&mentions, first_end);
        if inferred.is_some() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    inferred
}

/// Extracts from `text` piece by piece (pieces of at least `size` bytes),
/// handing `each` the byte offset of each piece and the piece as a
/// document: its own text, with its sentences, timexes, events and links
/// (spans in the piece, numbers going on from the previous pieces), and the
/// DCT (`dct`, else the one inferred from the text). Returns the inferred
/// DCT when `dct` is `None`.
pub(crate) fn extract(
    extractor: &Extractor,
    text: &str,
    dct: Option<&Dct>,
    size: usize,
    mut each: impl FnMut(usize, Document),
) -> Option<Dct> {
    let inferred = match dct {
        Some(_) => None,
        None => infer_dct(&extractor.recognizer, text, size),
    };
    let anchor = dct.or(inferred.as_ref());
    let mut resolver = Resolver::new(anchor, &extractor.options);
    let mut numbered = Numbered::default();
    each_piece(&extractor.recognizer, text, size, |piece, mentions| {
        let offset = piece.range.start;
        let back = |span: Span| {
            Span::new(
                span.start.saturating_sub(offset),
                span.end.saturating_sub(offset),
            )
        };
        let mut timexes = resolver.resolve(
            text,
            &piece.words,
            &piece.sentences,
            mentions,
            piece.token_offset,
        );
        for timex in &mut timexes {
            timex.span = back(timex.span);
        }
        let mut doc = Document {
            sentences: piece
                .sentences
                .iter()
                .map(|&span| Sentence {
                    span: back(span),
                    id: None,
                })
                .collect(),
            timexes,
            ..Document::new(
                "",
                text.get(piece.range.clone()).unwrap_or(""),
                anchor.cloned(),
            )
        };
        if extractor.options.events {
            extractor.event_model.annotate(&mut doc, &piece.tokens);
            numbered.renumber(&mut doc);
        }
        each(offset, doc);
        ControlFlow::Continue(())
    });
    inferred
}

/// Appends a piece at byte `offset` of `doc`'s text (as [`extract`] hands
/// it over) to `doc`'s sentences, timexes, events and links.
pub(crate) fn append(doc: &mut Document, offset: usize, piece: Document) {
    let shift = |span: Span| Span::new(span.start + offset, span.end + offset);
    doc.sentences
        .extend(piece.sentences.into_iter().map(|s| Sentence {
            span: shift(s.span),
            ..s
        }));
    doc.timexes.extend(piece.timexes.into_iter().map(|t| Timex {
        span: shift(t.span),
        ..t
    }));
    doc.events.extend(piece.events.into_iter().map(|e| Event {
        span: shift(e.span),
        ..e
    }));
    doc.links.extend(piece.links);
}

/// The events and links of the pieces before: a piece's own are numbered
/// from 1 and go on from these.
#[derive(Default)]
struct Numbered {
    events: usize,
    links: usize,
}

impl Numbered {
    fn renumber(&mut self, doc: &mut Document) {
        if self.events > 0 || self.links > 0 {
            let mut links = doc.links.iter_mut().peekable();
            for (i, event) in doc.events.iter_mut().enumerate() {
                let n = self.events + i + 1;
                let old = std::mem::replace(&mut event.instance_id, format!("ei{n}"));
                event.id = format!("e{n}");
                // Links follow their events' order.
                while let Some(link) =
                    links.next_if(|l| matches!(&l.source, LinkEnd::Event(id) if *id == old))
                {
                    link.source = LinkEnd::Event(event.instance_id.clone());
                }
            }
            for (i, link) in doc.links.iter_mut().enumerate() {
                link.id = format!("l{}", self.links + i + 1);
            }
        }
        self.events += doc.events.len();
        self.links += doc.links.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extractor::{Mode, Options};

    /// `text` extracted in pieces of at least `size` bytes, joined.
    fn joined(extractor: &Extractor, text: &str, dct: Option<&Dct>, size: usize) -> Document {
        let mut doc = Document::new("", text, dct.cloned());
        let inferred = extract(extractor, text, dct, size, |offset, piece| {
            assert_eq!(piece.text, text[offset..offset + piece.text.len()]);
            append(&mut doc, offset, piece);
        });
        if dct.is_none() {
            doc.dct = inferred;
        }
        doc
    }

    /// Whole-text and piecewise extraction of `text` agree, in both modes;
    /// with events too when `events`.
    fn check(text: &str, dct: Option<Dct>, size: usize, events: bool, what: &str) {
        let with_events: &[bool] = if events { &[false, true] } else { &[false] };
        check_with(text, dct, size, with_events, what);
    }

    /// [`check`] with events on and off as `with_events` says.
    fn check_with(text: &str, dct: Option<Dct>, size: usize, with_events: &[bool], what: &str) {
        for mode in [Mode::News, Mode::Narrative] {
            for &events in with_events {
                let extractor = Extractor::with_options(Options {
                    events,
                    mode,
                    ..Options::default()
                });
                let whole = extractor.extract_whole(Document::new("", text, dct.clone()));
                let pieces = joined(&extractor, text, dct.as_ref(), size);
                let what = format!("{what} ({mode}, events: {events})");
                assert_eq!(pieces.sentences, whole.sentences, "{what}: sentences");
                assert_eq!(pieces.timexes, whole.timexes, "{what}: timexes");
                assert_eq!(pieces.dct, whole.dct, "{what}: DCT");
                assert_eq!(pieces.events, whole.events, "{what}: events");
                assert_eq!(pieces.links, whole.links, "{what}: links");
            }
        }
    }

    #[test]
    fn long_sentences_are_cut_after_a_clause_mark() {
        let clause = "the council met on Monday and said the report was late, ";
        let mut text = clause.repeat(3 * MAX_SENTENCE_BYTES / clause.len());
        text.push_str(&"x".repeat(MAX_SENTENCE_BYTES + 10));
        text.push_str(" and then stopped. Short one.");
        let tokens = text::tokenize(&text);
        let got = sentences(&text, &tokens);
        assert!(got.len() >= 4, "{got:?}");
        for pair in got.windows(2) {
            let between = &text[pair[0].end..pair[1].start];
            assert!(between.trim().is_empty(), "{between:?}");
        }
        let cut_after_comma = got
            .iter()
            .filter(|s| text[s.start..s.end].ends_with(','))
            .count();
        assert!(cut_after_comma >= 2, "{got:?}");
        for s in &got {
            let part = &text[s.start..s.end];
            assert!(
                s.len() <= MAX_SENTENCE_BYTES || !part.contains(' '),
                "{}",
                s.len()
            );
        }
        assert_eq!(&text[got[got.len() - 1].start..], "Short one.");
        let short = "One. Two.";
        assert_eq!(
            sentences(short, &text::tokenize(short)),
            text::sentences(short, &text::tokenize(short))
        );
    }

    /// `text` with its blank lines removed, and with every line break
    /// made a space: text without paragraphs.
    fn without_paragraphs(text: &str) -> [String; 2] {
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        [lines.join("\n"), lines.join(" ")]
    }

    #[test]
    fn text_without_blank_lines_is_cut_at_sentence_ends() {
        let text = "Mr. Smith met the U.S. team on Dec. 7. They left.\n\"He spoke.\" Then \
                    (at 3 p.m. EST) nothing. \u{201c}Yes!\u{201d} she said.\nA line\nEnd.";
        let tokens = text::tokenize(text);
        let whole: Vec<usize> = sentences(text, &tokens).iter().map(|s| s.start).collect();
        for size in 1..text.len() {
            let got = pieces(text, size);
            assert_eq!(got.first().map(|r| r.start), Some(0));
            assert_eq!(got.last().map(|r| r.end), Some(text.len()));
            for pair in got.windows(2) {
                assert_eq!(pair[0].end, pair[1].start);
                assert!(whole.contains(&pair[1].start), "{size}: {got:?} {whole:?}");
                assert!(pair[0].len() >= size);
            }
        }
        // A window that ends inside a long run of text without white space,
        // and sentence ends far apart: the cuts are the sentence starts.
        let long = format!(
            "{} Done. {}x. Next one. Last one.",
            "word ".repeat(3000),
            "Y".repeat(9000)
        );
        let got = pieces(&long, 10);
        let starts: Vec<&str> = got[1..]
            .iter()
            .map(|r| &long[r.start..r.start + 4])
            .collect();
        assert_eq!(starts, ["YYYY", "Last"]);
        assert_eq!(pieces("no sentence end here at all", 3).len(), 1);
    }

    #[test]
    fn pieces_end_at_paragraph_breaks_after_a_sentence() {
        let text = "One. Two\n\nThree.\n\nFour.\n \nFive\n\nSix.";
        let got: Vec<&str> = pieces(text, 1).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            ["One. Two\n\nThree.\n\n", "Four.\n \n", "Five\n\nSix."]
        );
        assert_eq!(
            pieces(text, 1000),
            vec![Range {
                start: 0,
                end: text.len()
            }]
        );
        assert!(pieces("", 10).is_empty());
    }

    #[test]
    fn piecewise_extraction_equals_whole_text_extraction() {
        let article = include_str!("../../data/example-article.txt");
        let (first, body) = article.split_once('\n').unwrap_or(("", article));
        let dct: Option<Dct> = first.trim_start_matches("dct:").trim().parse().ok();
        for size in [1, 200, 2000] {
            check(body, dct.clone(), size, true, "example article");
            check(body, None, size, true, "example article without DCT");
            for text in without_paragraphs(body) {
                check(
                    &text,
                    dct.clone(),
                    size,
                    true,
                    "example article, no blank lines",
                );
                check(
                    &text,
                    None,
                    size,
                    true,
                    "example article, no blank lines, no DCT",
                );
            }
        }
        // Longer than a piece: `extract` goes through the pieces.
        let long = format!("{}\n\n", body.trim()).repeat(PIECE_BYTES / body.len() + 2);
        assert!(pieces(&long, PIECE_BYTES).len() > 1);
        for events in [false, true] {
            let extractor = Extractor::with_options(Options {
                events,
                ..Options::default()
            });
            for dct in [dct.clone(), None] {
                assert_eq!(
                    extractor.extract(&long, dct.clone()),
                    extractor.extract_whole(Document::new("", long.as_str(), dct)),
                    "the example article repeated (events: {events})"
                );
            }
        }
        let mut all = String::new();
        let (mut files, mut file_pieces) = (0, 0);
        for (path, doc) in crate::io::timeml::tempeval_training_documents() {
            let Document { text, dct, .. } = doc;
            files += 1;
            file_pieces += pieces(&text, 1).len();
            let name = path.display().to_string();
            check(&text, dct.clone(), 1, true, &name);
            check(&text, None, 1, false, &name);
            for (i, flat) in without_paragraphs(&text).iter().enumerate() {
                let name = format!("{name}, {}", ["no blank lines", "one line"][i]);
                // With events (the timexes are compared too).
                check_with(flat, dct.clone(), 1, &[true], &name);
                check_with(flat, None, 1, &[true], &name);
            }
            all.push_str(text.trim());
            all.push_str("\n\n");
        }
        if all.is_empty() {
            eprintln!("skipped the TempEval-3 texts: no training data in ../shared/data");
            return;
        }
        // The test cuts most texts, and the whole corpus, into many pieces.
        assert!(
            file_pieces > 3 * files,
            "{file_pieces} pieces in {files} files"
        );
        assert!(pieces(&all, 50_000).len() >= 10);
        check(&all, None, 50_000, true, "all TempEval-3 training texts");
        for flat in without_paragraphs(&all) {
            assert!(pieces(&flat, 50_000).len() >= 10);
            check(
                &flat,
                None,
                50_000,
                true,
                "all TempEval-3 texts, no paragraphs",
            );
        }
    }
}
