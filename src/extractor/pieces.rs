//! Timex extraction of a long text in paragraph-aligned pieces, so that the
//! per-token structures (tokens, words, the lowercased text) are those of
//! one piece at a time and memory does not grow with the text.
//!
//! The result is the one of the whole text at once: a piece ends at a
//! paragraph break after a sentence end, where the whole text's sentences
//! end too; the rules see the last words of the previous piece (they look
//! back a few words); the resolver carries the discourse (days mentioned,
//! the narrative anchor, timex numbers) from piece to piece; and a DCT left
//! to inference is read from the first pieces before resolving.

use std::ops::{ControlFlow, Range};

use crate::extractor::Options;
use crate::model::{Dct, Span, Timex};
use crate::recognize::{self, Mention, Recognizer, Word};
use crate::resolve::{self, Resolver};
use crate::text;

/// The size above which a text is extracted in pieces, and their size.
pub(crate) const PIECE_BYTES: usize = 1 << 16;

/// Words of the previous piece the rules may look back at (they look at
/// most three back).
const CONTEXT_WORDS: usize = 16;

/// The byte ranges of the pieces of `text`: each is at least `size` bytes
/// (but the last) and ends after a paragraph break (a line break, white
/// space and another line break) that follows the end of a sentence.
pub(crate) fn pieces(text: &str, size: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = size.max(1);
    while at < bytes.len() {
        let Some(newline) = bytes[at..].iter().position(|b| *b == b'\n') else {
            break;
        };
        let newline = at + newline;
        let mut end = newline + 1;
        let mut breaks = 1;
        while end < bytes.len() && bytes[end].is_ascii_whitespace() {
            breaks += usize::from(bytes[end] == b'\n');
            end += 1;
        }
        if breaks >= 2 && end < bytes.len() && ends_sentence(&bytes[start..newline]) {
            out.push(start..end);
            start = end;
            at = end + size.max(1);
        } else {
            at = end;
        }
    }
    if start < bytes.len() {
        out.push(start..bytes.len());
    }
    out
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
    sentences: Vec<Span>,
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
        let mut tokens = text::tokenize(piece_text);
        let sentences: Vec<Span> = text::sentences(piece_text, &tokens)
            .into_iter()
            .map(shift)
            .collect();
        for token in &mut tokens {
            token.span = shift(token.span);
        }
        let starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
        let lower = recognize::lowercase(piece_text);
        let own = recognize::words_in(text, &lower, range.start, &tokens, &starts);
        let token_offset = tokens_before - context.len();
        tokens_before += tokens.len();
        drop(tokens);
        let mut words: Vec<Word<'_>> = std::mem::take(&mut context);
        words.extend(own);
        let piece = Piece {
            sentences,
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

/// Extracts the timexes of `text` piece by piece (pieces of at least `size`
/// bytes), handing each piece's sentences and timexes to `each`; returns
/// the DCT inferred from the text when `dct` is `None`.
pub(crate) fn extract_timexes(
    recognizer: &Recognizer,
    options: &Options,
    text: &str,
    dct: Option<&Dct>,
    size: usize,
    mut each: impl FnMut(&[Span], Vec<Timex>),
) -> Option<Dct> {
    let mut inferred = None;
    if dct.is_none() {
        // The first full date of the text: a first pass that usually stops
        // in the first piece.
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
    }
    let mut resolver = Resolver::new(dct.or(inferred.as_ref()), options);
    each_piece(recognizer, text, size, |piece, mentions| {
        let timexes = resolver.resolve(
            text,
            &piece.words,
            &piece.sentences,
            mentions,
            piece.token_offset,
        );
        each(&piece.sentences, timexes);
        ControlFlow::Continue(())
    });
    inferred
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::Extractor;

    fn timex_only(mode: crate::Mode) -> Extractor {
        Extractor::with_options(Options {
            events: false,
            mode,
            ..Options::default()
        })
    }

    /// Whole-text and piecewise extraction of `text` agree.
    fn check(text: &str, dct: Option<Dct>, size: usize, what: &str) {
        for mode in [crate::Mode::News, crate::Mode::Narrative] {
            let extractor = timex_only(mode);
            let whole = extractor.extract(text, dct.clone());
            let mut sentences = Vec::new();
            let mut timexes = Vec::new();
            let inferred = extract_timexes(
                &extractor.recognizer,
                extractor.options(),
                text,
                dct.as_ref(),
                size,
                |s, t| {
                    sentences.extend_from_slice(s);
                    timexes.extend(t);
                },
            );
            let whole_sentences: Vec<Span> = whole.sentences.iter().map(|s| s.span).collect();
            assert_eq!(sentences, whole_sentences, "{what}: sentences");
            assert_eq!(timexes, whole.timexes, "{what}: timexes");
            if dct.is_none() {
                assert_eq!(inferred, whole.dct, "{what}: inferred DCT");
            }
        }
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
            check(body, dct.clone(), size, "example article");
            check(body, None, size, "example article without DCT");
        }
        let root = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/tempeval3/train"
        );
        let mut all = String::new();
        let (mut files, mut file_pieces) = (0, 0);
        for part in ["timebank", "aquaint"] {
            let Ok(entries) = std::fs::read_dir(format!("{root}/{part}")) else {
                continue;
            };
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths {
                let Ok(doc) = crate::io::timeml::read_timeml(&path) else {
                    continue;
                };
                let Document { text, dct, .. } = doc;
                files += 1;
                file_pieces += pieces(&text, 1).len();
                check(&text, dct.clone(), 1, &path.display().to_string());
                check(&text, None, 1, &path.display().to_string());
                all.push_str(text.trim());
                all.push_str("\n\n");
            }
        }
        if all.is_empty() {
            eprintln!("skipped the TempEval-3 texts: {root} is absent");
            return;
        }
        // The test cuts most texts, and the whole corpus, into many pieces.
        assert!(
            file_pieces > 3 * files,
            "{file_pieces} pieces in {files} files"
        );
        assert!(pieces(&all, 50_000).len() >= 10);
        check(&all, None, 50_000, "all TempEval-3 training texts");
    }
}
