//! Extraction of a long text in paragraph-aligned pieces, so that the
//! per-token structures (tokens, words, the lowercased text, the event
//! tagger's word features) are those of one piece at a time and memory
//! does not grow with the text.
//!
//! The result is the one of the whole text at once: a piece ends at a
//! paragraph break after a sentence end, or, when none comes soon (a text
//! without blank lines), at a sentence end found by splitting a small window
//! of the text as the whole text is split, or, in a run-on text with no
//! sentence end for long, where a part of a long sentence ends (the whole
//! text's sentences are cut into parts of at most [`MAX_SENTENCE_BYTES`]);
//! either way where the whole text's sentences end too. Only a single
//! token of thousands of bytes (a line of digits, text without white
//! space) can leave no such end near: the piece is then cut after white
//! space or at a char boundary, so that a piece never grows with the text. Nothing else crosses a sentence end but what
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

/// The size above which a text is extracted in pieces, and their size:
/// small, because a piece's working structures (tokens, words, the
/// lowercased text, the event tagger's features and the results) take
/// some 30 bytes per byte of it, and a piece's own cost (carrying the
/// context, cutting) is small.
pub(crate) const PIECE_BYTES: usize = 1 << 14;

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

/// The byte ranges of the pieces of `text`, in order: each is at least
/// `size` bytes (but the last) and ends after a paragraph break (a line
/// break, white space and another line break) that follows the end of a
/// sentence; when no such break comes within `size` more bytes (a text
/// without blank lines: OCR output, one paragraph per line, one long
/// line), at the first start of a sentence of the whole text (as
/// [`sentences`] splits it, so perhaps a part of a long sentence) after
/// `size` bytes instead. A piece is thus at most about `2 * size` bytes
/// plus a few windows of [`CUT_WINDOW`] bytes, and starts where a sentence
/// of the whole text starts, but when a run of [`CUT_WINDOW`] bytes
/// without ASCII white space (one enormous token) leaves no such start
/// near: then it ends after white space, else at a char boundary, so that
/// memory stays bounded.
pub(crate) fn pieces(text: &str, size: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let size = size.max(1);
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let at = start.saturating_add(size);
        let end = if at >= text.len() {
            text.len()
        } else {
            let to = at.saturating_add(size.max(CUT_WINDOW));
            paragraph_cut(text, start, at, to)
                .or_else(|| sentence_cut(text, at, to))
                .or_else(|| part_cut(text, start, at))
                .unwrap_or_else(|| {
                    if text.len() - at <= size.max(CUT_WINDOW) + 2 * MAX_SENTENCE_BYTES {
                        // What is left is short, and (but for one long
                        // token) in one part: one piece.
                        text.len()
                    } else {
                        forced_cut(text, at, to)
                    }
                })
        };
        let piece = start..end;
        start = end;
        Some(piece)
    })
}

/// The end of the first paragraph break after a sentence end of the piece
/// starting at `start`, looked for from `from` on and starting before `to`:
/// the first byte after its white space (or `to`, within a longer run of
/// it), which is not the text's end.
fn paragraph_cut(text: &str, start: usize, from: usize, to: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let to = to.min(bytes.len());
    let mut at = from;
    while at < to {
        let newline = at + bytes.get(at..to)?.iter().position(|b| *b == b'\n')?;
        let mut end = newline + 1;
        let mut breaks = 1;
        while end < to && bytes[end].is_ascii_whitespace() {
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
/// splits it) that starts after the first token after byte `from`, found by
/// splitting windows of the text from there, the last starting before
/// `to`; `None` when no sentence starts in them, or when no ASCII white
/// space comes within [`CUT_WINDOW`] bytes of where a window should end.
///
/// A window runs from one ASCII white space byte to another (or the text's
/// end). No token holds white space and the tokenizer looks no further than
/// the run of non-white-space it is in, so a window's tokens are the whole
/// text's; whether a sentence ends after a token depends on that token, the
/// one before and the one after, and the white space between: a boundary
/// between the window's second token and its last is the whole text's.
/// The longest-sentence cut of [`sentences`] only cuts within a sentence,
/// so it keeps these boundaries.
fn sentence_cut(text: &str, from: usize, to: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut window_start = from;
    loop {
        let limit = to.min(bytes.len());
        window_start += bytes
            .get(window_start..limit)?
            .iter()
            .position(u8::is_ascii_whitespace)?;
        let window_end = end_at_white_space(bytes, window_start + CUT_WINDOW)?;
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

/// The first ASCII white space byte at or after `at`, or the text's end;
/// `None` when none comes within [`CUT_WINDOW`] bytes.
fn end_at_white_space(bytes: &[u8], at: usize) -> Option<usize> {
    let at = at.min(bytes.len());
    let limit = at.saturating_add(CUT_WINDOW).min(bytes.len());
    match bytes[at..limit].iter().position(u8::is_ascii_whitespace) {
        Some(white) => Some(at + white),
        None if limit == bytes.len() => Some(limit),
        None => None,
    }
}

/// The first start, at or after byte `at`, of a sentence or a part of a
/// long sentence of the whole text (as [`sentences`] splits it) that
/// follows ASCII white space, for the piece starting at `start`: found by
/// splitting the text from `start` (where a sentence of the whole text
/// starts) to at least `2 * MAX_SENTENCE_BYTES` past `at`, which holds one
/// unless a single token is longer than that. A run-on text (a list, a
/// transcript, text without periods) has no sentence end for long, but
/// its parts end where the whole text's do; `None` when no part starts
/// there.
fn part_cut(text: &str, start: usize, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let end = end_at_white_space(bytes, at.saturating_add(2 * MAX_SENTENCE_BYTES))?;
    let window = text.get(start..end)?;
    let tokens = text::tokenize(window);
    let after_second = tokens.get(1)?.span.start;
    // Before the window's last token, whose sentence end depends on the
    // token after it, unless that is the text's end.
    let before = if end == bytes.len() {
        window.len()
    } else {
        tokens.last()?.span.start
    };
    sentences(window, &tokens)
        .iter()
        .map(|part| part.start)
        .filter(|&s| s > after_second && s < before && start + s >= at)
        .find(|&s| bytes[start + s - 1].is_ascii_whitespace())
        .map(|s| start + s)
}

/// Where a piece that reaches `at` ends when no sentence of the whole text
/// starts near (one token of more than [`CUT_WINDOW`] bytes): after the
/// first ASCII white space byte from `at` to `to`, else at the first char
/// boundary from `at` on. Such a cut may split what the whole text at
/// once would find, but it keeps the pieces, and memory, bounded.
fn forced_cut(text: &str, at: usize, to: usize) -> usize {
    let bytes = text.as_bytes();
    let to = to.min(bytes.len());
    if let Some(white) = bytes
        .get(at..to)
        .and_then(|b| b.iter().position(u8::is_ascii_whitespace))
    {
        return at + white + 1;
    }
    (at..bytes.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(bytes.len())
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
        let token_offset = tokens_before - context.len();
        tokens_before += tokens.len();
        // The carried words first, then the piece's own, in one vector.
        let mut words: Vec<Word<'_>> = std::mem::take(&mut context);
        words.reserve_exact(shifted.len());
        recognize::words_in(&mut words, text, &lower, range.start, &shifted, &starts);
        drop(shifted);
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

    /// The pieces of `text`, collected.
    fn pieces_of(text: &str, size: usize) -> Vec<Range<usize>> {
        pieces(text, size).collect()
    }

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
            let got = pieces_of(text, size);
            assert_eq!(got.first().map(|r| r.start), Some(0));
            assert_eq!(got.last().map(|r| r.end), Some(text.len()));
            for pair in got.windows(2) {
                assert_eq!(pair[0].end, pair[1].start);
                assert!(whole.contains(&pair[1].start), "{size}: {got:?} {whole:?}");
                assert!(pair[0].len() >= size);
            }
        }
        // A window that ends inside a run of text without white space
        // (shorter than a window), and sentence ends far apart: every cut
        // starts a sentence, or a part of a long one, of the whole text.
        let long = format!(
            "{} Done. {}x. Next one. Last one.",
            "word ".repeat(3000),
            "Y".repeat(3000)
        );
        let tokens = text::tokenize(&long);
        let whole: Vec<usize> = sentences(&long, &tokens).iter().map(|s| s.start).collect();
        let got = pieces_of(&long, 10);
        assert!(got.len() >= 4, "{got:?}");
        for piece in &got[1..] {
            assert!(whole.contains(&piece.start), "{got:?} {whole:?}");
        }
        assert_eq!(pieces_of("no sentence end here at all", 3).len(), 1);
    }

    /// The longest a piece of `size` bytes can be.
    fn longest_piece(size: usize) -> usize {
        size + size.max(CUT_WINDOW) + CUT_WINDOW + 2 * MAX_SENTENCE_BYTES
    }

    /// `got` covers `text` in order, each piece on char boundaries and at
    /// most `longest` bytes.
    fn assert_covers(text: &str, got: &[Range<usize>], longest: usize) {
        assert_eq!(got.first().map(|r| r.start), Some(0));
        assert_eq!(got.last().map(|r| r.end), Some(text.len()));
        for pair in got.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        for piece in got {
            assert!(text.get(piece.clone()).is_some(), "{piece:?}");
            assert!(!piece.is_empty() && piece.len() <= longest, "{piece:?}");
        }
    }

    #[test]
    fn a_run_on_text_is_cut_where_its_parts_end() {
        let clause = "the council met on Monday 7 December 2025 and said the report was late, ";
        let text = clause.repeat(20_000 / clause.len());
        for size in [1, 1000, 5000] {
            let got = pieces_of(&text, size);
            assert!(got.len() >= 3, "{size}: {got:?}");
            assert_covers(&text, &got, longest_piece(size));
        }
        let dct: Option<Dct> = "2025-12-08".parse().ok();
        check(&text, dct, 1000, true, "a run-on text");
        // Far longer than two pieces, with no sentence end at all.
        let long = clause.repeat(20 * PIECE_BYTES / clause.len());
        let got = pieces_of(&long, PIECE_BYTES);
        assert!(got.len() >= 10, "{}", got.len());
        assert_covers(&long, &got, longest_piece(PIECE_BYTES));
    }

    #[test]
    fn text_without_white_space_is_cut_at_char_boundaries() {
        let words = "word ".repeat(2000);
        let texts = [
            "\u{e9}".repeat(100_000),
            "7".repeat(200_000),
            "\u{1f600}".repeat(30_000),
            format!(
                "{} {words}on 3 May 2024 {words}{}",
                "x".repeat(50_000),
                "\u{fc}".repeat(50_000)
            ),
        ];
        for text in &texts {
            let got = pieces_of(text, 1000);
            assert!(got.len() >= 10, "{}", got.len());
            assert_covers(text, &got, longest_piece(1000));
        }
        let extractor = Extractor::with_options(Options {
            events: false,
            ..Options::default()
        });
        let mut values = Vec::new();
        extract(&extractor, &texts[3], None, 1000, |_, piece| {
            values.extend(piece.timexes.into_iter().map(|t| t.value));
        });
        assert_eq!(values, ["2024-05-03"]);
    }

    #[test]
    fn pieces_end_at_paragraph_breaks_after_a_sentence() {
        let text = "One. Two\n\nThree.\n\nFour.\n \nFive\n\nSix.";
        let got: Vec<&str> = pieces_of(text, 1).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            ["One. Two\n\nThree.\n\n", "Four.\n \n", "Five\n\nSix."]
        );
        assert_eq!(
            pieces_of(text, 1000),
            vec![Range {
                start: 0,
                end: text.len()
            }]
        );
        assert!(pieces_of("", 10).is_empty());
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
        assert!(pieces_of(&long, PIECE_BYTES).len() > 1);
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
            file_pieces += pieces_of(&text, 1).len();
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
        assert!(pieces_of(&all, 50_000).len() >= 10);
        check(&all, None, 50_000, true, "all TempEval-3 training texts");
        for flat in without_paragraphs(&all) {
            assert!(pieces_of(&flat, 50_000).len() >= 10);
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
