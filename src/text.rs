//! Sentences and tokens as byte spans into the input, without copying it.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::lexicon::WordHasher;

use crate::model::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (with inner apostrophes removed into their own tokens), or an
    /// abbreviation with its periods: `p.m.`, `U.S.`, `Dec.`.
    Word,
    /// ASCII digits, with inner `:`, `,` or `.` between digits: `7:30`, `1,000`.
    Number,
    /// Any other single character that is not white space.
    Punct,
}

/// A token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// White space (or the start of the text) comes right before it.
    pub space_before: bool,
    /// Its text is ASCII (known from the tokenizer's walk: no second scan).
    pub ascii: bool,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.start..self.span.end]
    }
}

type AbbreviationSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

fn abbreviations() -> &'static AbbreviationSet {
    static SET: OnceLock<AbbreviationSet> = OnceLock::new();
    SET.get_or_init(|| {
        crate::lexicon::lines(include_str!("../data/lexicon/abbreviations.txt")).collect()
    })
}

/// Splits `text` into tokens, in one pass.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut space_before = true;
    let mut at = 0;
    // By byte position: every token and white space character ends on a
    // char boundary, and an ASCII byte is its own char.
    while let Some(&byte) = bytes.get(at) {
        let start = at;
        let (end, kind, ascii) = if byte.is_ascii() {
            // The same classes as the char path below, without its tables.
            if matches!(byte, b'\t'..=b'\r' | b' ') {
                space_before = true;
                at += 1;
                continue;
            } else if byte.is_ascii_digit() {
                (number_end(bytes, start), TokenKind::Number, true)
            } else if byte.is_ascii_alphabetic() {
                let (end, ascii) = word_end(text, start);
                (end, TokenKind::Word, ascii)
            } else {
                (start + 1, TokenKind::Punct, true)
            }
        } else {
            let Some(c) = text.get(start..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            if c.is_whitespace() {
                space_before = true;
                at += c.len_utf8();
                continue;
            }
            if c.is_alphabetic() {
                (word_end(text, start).0, TokenKind::Word, false)
            } else {
                (start + c.len_utf8(), TokenKind::Punct, false)
            }
        };
        at = end.max(start + 1);
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
            space_before,
            ascii,
        });
        space_before = false;
    }
    tokens
}

fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < bytes.len() {
        let inner_separator = matches!(bytes[end], b':' | b',' | b'.')
            && end > start
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if !(bytes[end].is_ascii_digit() || inner_separator) {
            break;
        }
        end += 1;
    }
    end
}

/// The longest entry of [`abbreviations`], in bytes.
fn longest_abbreviation() -> usize {
    static LONGEST: OnceLock<usize> = OnceLock::new();
    *LONGEST.get_or_init(|| abbreviations().iter().map(|a| a.len()).max().unwrap_or(0))
}

/// The end of the run of ASCII letters at `start`: eight bytes at a time
/// (most words end within the first eight), then byte by byte near the
/// end of the text.
#[inline]
fn ascii_letters_end(bytes: &[u8], start: usize) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut end = start;
    while let Some(chunk) = bytes.get(end..end + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        // `| 0x20` maps A-Z onto a-z; on the low seven bits of each byte
        // the two sums below cannot carry into the next byte, and their
        // high bits say "at least `a`" and "past `z`".
        let lower = u64::from_le_bytes(eight) | (0x20 * LOW);
        let seven = lower & !HIGH;
        let letters = !lower
            & (seven + (0x80 - u64::from(b'a')) * LOW)
            & !(seven + (0x80 - u64::from(b'z') - 1) * LOW)
            & HIGH;
        let others = !letters & HIGH;
        if others != 0 {
            return end + (others.trailing_zeros() / 8) as usize;
        }
        end += 8;
    }
    // ASCII letters: `b | 0x20` maps A-Z onto a-z, and every other byte
    // outside a-z.
    while let Some(&b) = bytes.get(end) {
        if (b | 0x20).wrapping_sub(b'a') >= 26 {
            break;
        }
        end += 1;
    }
    end
}

/// The end of the word at `start`, and whether the word is ASCII when
/// `start` is.
fn word_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut end = ascii_letters_end(bytes, start);
    let ascii_end = end;
    if end < bytes.len() && !bytes[end].is_ascii() {
        // Letters and combining marks beyond ASCII ("déjà").
        let from = end;
        for (i, c) in text[from..].char_indices() {
            if c.is_alphabetic() || c == '\u{0300}' || ('\u{0301}'..='\u{036f}').contains(&c) {
                end = from + i + c.len_utf8();
            } else {
                break;
            }
        }
    }
    let ascii = end == ascii_end;
    // Dotted abbreviations (p.m., U.S., a.m.) and listed ones (Dec., Mr.).
    if end >= bytes.len() || bytes[end] != b'.' {
        return (end, ascii);
    }
    if end - start == 1 {
        let mut probe = end;
        while probe + 2 < bytes.len()
            && bytes[probe + 1].is_ascii_alphabetic()
            && bytes[probe + 2] == b'.'
        {
            probe += 2;
        }
        if probe > end {
            return (probe + 1, ascii);
        }
    }
    if end - start == 1 && bytes[start].is_ascii_uppercase() {
        return (end + 1, ascii);
    }
    // Lowercased on the stack: no allocation at every sentence end.
    let mut lowered = [0u8; 32];
    let len = end - start;
    if len > longest_abbreviation() || len > lowered.len() {
        return (end, ascii);
    }
    lowered[..len].copy_from_slice(&bytes[start..end]);
    lowered[..len].make_ascii_lowercase();
    match std::str::from_utf8(&lowered[..len]) {
        Ok(word) if abbreviations().contains(word) => (end + 1, ascii),
        _ => (end, ascii),
    }
}

/// Splits `text` into sentences, as byte spans that start and end on a
/// token; white space between sentences belongs to none.
pub(crate) fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(first) = tokens.first() else {
        return out;
    };
    let mut start = first.span.start;
    let bytes = text.as_bytes();
    for (i, pair) in tokens.windows(2).enumerate() {
        let (token, next) = (&pair[0], &pair[1]);
        // Most tokens end with no terminal byte (see `ends_sentence`) and
        // have less than two bytes of white space after them: no boundary.
        let last = token.span.end.checked_sub(1).and_then(|at| bytes.get(at));
        let may_end = matches!(
            last,
            Some(b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | 0x9d | 0x99)
        );
        if !may_end && next.span.start < token.span.end + 2 {
            continue;
        }
        if ends_sentence(text, tokens, i) || paragraph_break(text, token.span.end, next.span.start)
        {
            out.push(Span::new(start, token.span.end));
            start = next.span.start;
        }
    }
    if let Some(last) = tokens.last() {
        out.push(Span::new(start, last.span.end));
    }
    out
}

fn paragraph_break(text: &str, from: usize, to: usize) -> bool {
    // Most gaps are one space or none.
    to >= from + 2
        && text.as_bytes()[from..to]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            >= 2
}

fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    // Every terminal token below ends with one of these bytes (0x9d and
    // 0x99 end the closing quotes U+201D and U+2019): the rest of the
    // tokens are rejected without comparing strings.
    let last = token
        .span
        .end
        .checked_sub(1)
        .and_then(|at| text.as_bytes().get(at));
    if !matches!(
        last,
        Some(b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | 0x9d | 0x99)
    ) {
        return false;
    }
    let t = token.text(text);
    let closing = |s: &str| matches!(s, "\"" | "'" | ")" | "]" | "\u{201d}" | "\u{2019}");
    let terminal = match t {
        "." | "!" | "?" => true,
        _ if closing(t) && i > 0 => {
            matches!(tokens[i - 1].text(text), "." | "!" | "?") && !tokens[i - 1].space_before
        }
        _ => {
            token.kind == TokenKind::Word
                && t.ends_with('.')
                && t.len() > 2
                && ends_with_dotted_abbreviation(t)
        }
    };
    if !terminal {
        return false;
    }
    let next = &tokens[i + 1];
    if !next.space_before {
        return false;
    }
    if closing(next.text(text)) {
        return false;
    }
    let first = next.text(text).chars().next().unwrap_or(' ');
    let starts = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '\u{201c}' | '\'' | '(' | '\u{2018}');
    if token.kind == TokenKind::Word {
        // "U.S." or "p.m." closes a sentence only before a capitalized word at a line end or clear start.
        return starts && text[token.span.end..next.span.start].contains('\n');
    }
    starts
}

fn ends_with_dotted_abbreviation(t: &str) -> bool {
    t.matches('.').count() >= 2
}

#[cfg(test)]
mod tests {
    /// [`super::ascii_letters_end`] byte by byte.
    fn ascii_letters_end_slowly(bytes: &[u8], start: usize) -> usize {
        let mut end = start;
        while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
            end += 1;
        }
        end
    }

    #[test]
    fn ascii_letters_end_is_the_first_byte_not_a_letter() {
        // Every byte value at every place of a run of letters, from every start.
        let letters = b"abcXYZmnopqrstuvwxyzAB";
        for byte in 0..=255u8 {
            for place in 0..letters.len() {
                let mut bytes = letters.to_vec();
                bytes[place] = byte;
                for start in 0..bytes.len() {
                    assert_eq!(
                        super::ascii_letters_end(&bytes, start),
                        ascii_letters_end_slowly(&bytes, start),
                        "byte {byte:#x} at {place}, from {start}"
                    );
                }
            }
        }
        // Pseudo-random bytes, mostly letters.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut bytes = Vec::new();
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let r = (state >> 32) as u8;
            bytes.push(if r < 200 { b'a' + r % 26 } else { r });
        }
        for start in 0..bytes.len() {
            assert_eq!(
                super::ascii_letters_end(&bytes, start),
                ascii_letters_end_slowly(&bytes, start)
            );
        }
    }

    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_numbers_whole() {
        assert_eq!(
            words("at 7:30 p.m. Kabul time"),
            ["at", "7:30", "p.m.", "Kabul", "time"]
        );
        assert_eq!(
            words("the U.S. and Dec. 7, 1,000"),
            ["the", "U.S.", "and", "Dec.", "7", ",", "1,000"]
        );
        assert_eq!(words("the 91-day ban"), ["the", "91", "-", "day", "ban"]);
        assert_eq!(words("New Year's Eve"), ["New", "Year", "'", "s", "Eve"]);
        assert_eq!(words("él déjà 7th"), ["él", "déjà", "7", "th"]);
    }

    #[test]
    fn sentences_split_on_terminal_punctuation() {
        let text = "He met Mr. Smith on Dec. 7. Then he left.\n\nA title\nNext one.";
        let tokens = tokenize(text);
        let got: Vec<&str> = sentences(text, &tokens)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            got,
            [
                "He met Mr. Smith on Dec. 7.",
                "Then he left.",
                "A title\nNext one."
            ]
        );
    }

    #[test]
    fn empty_and_odd_text_do_not_panic() {
        for text in [
            "",
            " ",
            ".",
            "\u{0}\u{1}",
            "a.b.c.d.",
            "7:",
            ":7",
            "1,",
            "é.",
            "U.S",
            "p.m",
        ] {
            let tokens = tokenize(text);
            let _ = sentences(text, &tokens);
        }
    }

    #[test]
    fn the_ascii_flag_is_whether_the_token_text_is_ascii() {
        let article = include_str!("../data/example-article.txt");
        for text in [
            article,
            "él déjà 7th, naïve U.S. p.m. e\u{301}t\u{e9} caf\u{e9}. K\u{212a}m “quoted” word’s",
            "a\u{300}b c\u{2019}d Dec. x.y.z. \u{e9}.",
        ] {
            for token in tokenize(text) {
                assert_eq!(
                    token.ascii,
                    token.text(text).is_ascii(),
                    "{:?}",
                    token.text(text)
                );
            }
        }
    }
}
