//! Words and their hashed features for the event tagger.
//!
//! A *word* is what TimeML tags as one event: a token, or tokens glued by
//! hyphens without space (`cease-fire`, `U.S.-led`). Contractions are split
//! the way treebanks split them (`didn't` -> `did` + `n't`, `he's` -> `he` +
//! `'s`), so that `n't` and `'s` read as the function words they are.
//!
//! Features are 64-bit hashes, built by hashing bytes as they are read
//! (no string per feature): each word's lowercased form is hashed once into
//! a [`WordInfo`], and a feature is a template number mixed with one or two
//! of those hashes. A weight table keeps the top bits of a feature hash.

use std::sync::OnceLock;

use crate::model::Span;
use crate::text::{Token, TokenKind};

/// The grammatical role of a closed-class word, from
/// `data/events/function_words.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Function {
    #[default]
    Content,
    Determiner,
    Be,
    Have,
    Do,
    Modal,
    Future,
    To,
    Preposition,
    Pronoun,
    Negation,
    Conjunction,
    Wh,
    Relative,
    Punctuation,
    Number,
}

impl Function {
    fn from_name(name: &str) -> Option<Function> {
        Some(match name {
            "det" => Function::Determiner,
            "be" => Function::Be,
            "have" => Function::Have,
            "do" => Function::Do,
            "modal" => Function::Modal,
            "future" => Function::Future,
            "to" => Function::To,
            "prep" => Function::Preposition,
            "pron" => Function::Pronoun,
            "neg" => Function::Negation,
            "conj" => Function::Conjunction,
            "wh" => Function::Wh,
            "rel" => Function::Relative,
            _ => return None,
        })
    }

    /// Whether the word can stand in a verb group before the main verb.
    pub(crate) fn is_auxiliary(self) -> bool {
        matches!(
            self,
            Function::Be
                | Function::Have
                | Function::Do
                | Function::Modal
                | Function::Future
                | Function::To
                | Function::Negation
        )
    }
}

/// A small map from word hashes (FNV-1a, never 0 for the lexicons' words:
/// a test checks) to values, by open addressing in a table at most a
/// quarter full: a lookup is one multiply, a load and a compare, where a
/// `HashMap` probe cost about 90 instructions per word read.
#[derive(Debug)]
struct HashedTable<V> {
    keys: Vec<u64>,
    values: Vec<V>,
    bits: u32,
}

impl<V: Copy + Default> HashedTable<V> {
    fn new(entries: impl IntoIterator<Item = (u64, V)>) -> HashedTable<V> {
        let entries: Vec<(u64, V)> = entries.into_iter().collect();
        let bits = (entries.len().max(1) * 4)
            .next_power_of_two()
            .trailing_zeros();
        let mut table = HashedTable {
            keys: vec![0; 1 << bits],
            values: vec![V::default(); 1 << bits],
            bits,
        };
        for (key, value) in entries {
            let mut at = table.slot(key);
            while table.keys[at] != 0 && table.keys[at] != key {
                at = (at + 1) & (table.keys.len() - 1);
            }
            // A later row of a key replaces an earlier one (as a
            // `HashMap` collected from the rows did).
            if key != 0 {
                table.keys[at] = key;
                table.values[at] = value;
            }
        }
        table
    }

    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits)) as usize
    }

    fn get(&self, key: u64) -> Option<V> {
        let mask = self.keys.len() - 1;
        let mut at = self.slot(key);
        loop {
            match self.keys[at] {
                0 => return None,
                k if k == key => return Some(self.values[at]),
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// The stems of `data/events/class_cues.txt` (by hash), with the hash of
/// their class.
fn class_cues() -> &'static HashedTable<u64> {
    static MAP: OnceLock<HashedTable<u64>> = OnceLock::new();
    MAP.get_or_init(|| {
        HashedTable::new(
            crate::lexicon::rows(include_str!("../../data/events/class_cues.txt")).filter_map(
                |row| {
                    Some((
                        fnv1a(stem(row.first()?).as_bytes()),
                        fnv1a(row.get(1)?.as_bytes()),
                    ))
                },
            ),
        )
    })
}

/// The words of `data/events/function_words.txt` (by hash).
fn function_words() -> &'static HashedTable<Function> {
    static MAP: OnceLock<HashedTable<Function>> = OnceLock::new();
    MAP.get_or_init(|| {
        HashedTable::new(
            crate::lexicon::rows(include_str!("../../data/events/function_words.txt")).filter_map(
                |row| {
                    Some((
                        fnv1a(row.first()?.as_bytes()),
                        Function::from_name(row.get(1)?)?,
                    ))
                },
            ),
        )
    })
}

/// Splits tokens into words: hyphenated compounds joined, contractions split.
pub(crate) fn words(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        if token.kind == TokenKind::Punct {
            out.push(token.span);
            i += 1;
            continue;
        }
        // A contraction: word + apostrophe + short ending, with no space.
        if let (Some(apostrophe), Some(ending)) = (tokens.get(i + 1), tokens.get(i + 2)) {
            let glued = !apostrophe.space_before && !ending.space_before;
            let ending_text = ending.text(text);
            if glued
                && token.kind == TokenKind::Word
                && matches!(apostrophe.text(text), "'" | "\u{2019}")
                && ["t", "s", "ll", "re", "ve", "d", "m"]
                    .iter()
                    .any(|e| ending_text.eq_ignore_ascii_case(e))
            {
                let word = token.text(text);
                if ending_text.eq_ignore_ascii_case("t")
                    && word.len() > 1
                    && word.ends_with(['n', 'N'])
                {
                    // "didn't" -> "did" + "n't"; the split is after an ASCII byte.
                    let split = token.span.end - 1;
                    out.push(Span::new(token.span.start, split));
                    out.push(Span::new(split, ending.span.end));
                } else {
                    out.push(token.span);
                    out.push(Span::new(apostrophe.span.start, ending.span.end));
                }
                i += 3;
                continue;
            }
        }
        let mut end = token.span.end;
        let mut j = i + 1;
        while let (Some(hyphen), Some(next)) = (tokens.get(j), tokens.get(j + 1)) {
            if hyphen.space_before
                || next.space_before
                || hyphen.text(text) != "-"
                || next.kind == TokenKind::Punct
            {
                break;
            }
            end = next.span.end;
            j += 2;
        }
        out.push(Span::new(token.span.start, end));
        i = j;
    }
    out
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// Mixes a template number with up to two value hashes into a feature hash.
pub(crate) fn mix(template: u64, a: u64, b: u64) -> u64 {
    let mut h = template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29) ^ b;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 31)
}

/// What the features read from one word, hashed once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WordInfo {
    pub word: u64,
    pub stem: u64,
    suffix2: u64,
    suffix3: u64,
    suffix4: u64,
    prefix3: u64,
    shape: u64,
    pub function: Function,
    /// Whether the word is part of a temporal expression.
    pub in_timex: bool,
    /// Whether the word's first char is uppercase.
    pub capitalized: bool,
    length: u64,
}

impl WordInfo {
    /// A word's info with its function looked up by the hash of the word
    /// (`open_class` when it is no function word: every function word has
    /// a letter, so numbers and punctuation are not looked up); the
    /// affixes and shape are the boundary's until the reader sets them.
    fn looked_up(word: u64, stem: u64, open_class: Function) -> WordInfo {
        let function = match open_class {
            Function::Content => function_words().get(word).unwrap_or(open_class),
            _ => open_class,
        };
        WordInfo {
            word,
            stem,
            function,
            ..BOUNDARY
        }
    }

    /// The hash of the class the guidelines give the word's stem, or 0;
    /// looked up only for the words the tagger is asked about.
    fn cue(&self) -> u64 {
        class_cues().get(self.stem).unwrap_or(0)
    }
}

/// The padding before the first and after the last word of a sentence.
const BOUNDARY: WordInfo = WordInfo {
    word: 1,
    stem: 1,
    suffix2: 1,
    suffix3: 1,
    suffix4: 1,
    prefix3: 1,
    shape: 1,
    function: Function::Punctuation,
    in_timex: false,
    capitalized: false,
    length: 0,
};

/// Reads words into [`WordInfo`]s, reusing one buffer.
#[derive(Debug, Default)]
pub(crate) struct Reader {
    lower: String,
}

/// ASCII words up to this length are read in one pass over their bytes
/// (see [`Reader::read_ascii`]); longer and non-ASCII words take the
/// general path.
const ASCII_FAST_LEN: usize = 48;

impl Reader {
    pub(crate) fn read(&mut self, word: &str) -> WordInfo {
        if word.len() <= ASCII_FAST_LEN && word.is_ascii() {
            return Reader::read_ascii(word.as_bytes());
        }
        self.read_general(word)
    }

    /// [`Reader::read`] for a short ASCII word: the same hashes, from one
    /// pass over the bytes. The stem and the three-letter prefix are
    /// prefixes of the lowercased word, so their FNV-1a hashes are states
    /// of the word's own hash on the way.
    fn read_ascii(word: &[u8]) -> WordInfo {
        let n = word.len().min(ASCII_FAST_LEN);
        let mut buffer = [0u8; ASCII_FAST_LEN];
        let mut shape = FNV_OFFSET;
        let mut last_class = 0u8;
        // Bits: 1 letter, 2 digit, 4 ',' or '.', 8 anything else.
        let mut kinds = 0u8;
        // Lowercased byte by byte (a `copy_from_slice` of a word's length
        // was a `memcpy` call per word), with the shape on the way.
        for (l, &b) in buffer.iter_mut().zip(word) {
            *l = b.to_ascii_lowercase();
            let (class, kind) = match b {
                b'A'..=b'Z' => (b'X', 1),
                b'a'..=b'z' => (b'x', 1),
                b'0'..=b'9' => (b'd', 2),
                b',' | b'.' => (b, 4),
                _ => (b, 8),
            };
            kinds |= kind;
            if class != last_class {
                shape = (shape ^ u64::from(class)).wrapping_mul(FNV_PRIME);
                last_class = class;
            }
        }
        let lower = &buffer[..n];
        let stem_len = stem_len(lower);
        let mut word_hash = FNV_OFFSET;
        let mut stem_hash = FNV_OFFSET;
        let mut prefix3 = FNV_OFFSET;
        for (k, &l) in lower.iter().enumerate() {
            word_hash = (word_hash ^ u64::from(l)).wrapping_mul(FNV_PRIME);
            if k + 1 == stem_len {
                stem_hash = word_hash;
            }
            if k + 1 == 3 {
                prefix3 = word_hash;
            }
        }
        if n < 3 {
            prefix3 = word_hash;
        }
        let open_class = if kinds & 2 != 0 && kinds & !6 == 0 {
            Function::Number
        } else if kinds & 3 == 0 {
            Function::Punctuation
        } else {
            Function::Content
        };
        WordInfo {
            suffix2: fnv1a(&lower[n.saturating_sub(2)..]),
            suffix3: fnv1a(&lower[n.saturating_sub(3)..]),
            suffix4: fnv1a(&lower[n.saturating_sub(4)..]),
            prefix3,
            shape,
            capitalized: lower.first() != word.first(),
            length: n.min(12) as u64,
            ..WordInfo::looked_up(word_hash, stem_hash, open_class)
        }
    }

    /// [`Reader::read`] for any word.
    fn read_general(&mut self, word: &str) -> WordInfo {
        self.lower.clear();
        for c in word.chars() {
            // Curly apostrophes read as straight ones ("n’t" is "n't").
            let c = if c == '\u{2019}' { '\'' } else { c };
            self.lower.extend(c.to_lowercase());
        }
        let lower = self.lower.as_str();
        let open_class = if word
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
            && word.bytes().any(|b| b.is_ascii_digit())
        {
            Function::Number
        } else if !word.chars().any(char::is_alphanumeric) {
            Function::Punctuation
        } else {
            Function::Content
        };
        WordInfo {
            suffix2: fnv1a(suffix(lower, 2).as_bytes()),
            suffix3: fnv1a(suffix(lower, 3).as_bytes()),
            suffix4: fnv1a(suffix(lower, 4).as_bytes()),
            prefix3: fnv1a(prefix(lower, 3).as_bytes()),
            shape: shape(word),
            capitalized: word.chars().next().is_some_and(char::is_uppercase),
            length: lower.chars().count().min(12) as u64,
            ..WordInfo::looked_up(
                fnv1a(lower.as_bytes()),
                fnv1a(stem(lower).as_bytes()),
                open_class,
            )
        }
    }
}

fn suffix(word: &str, chars: usize) -> &str {
    match word.char_indices().rev().nth(chars - 1) {
        Some((i, _)) => &word[i..],
        None => word,
    }
}

fn prefix(word: &str, chars: usize) -> &str {
    match word.char_indices().nth(chars) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

/// A crude stem: inflectional endings off, so that *attacked*, *attacks*
/// and *attacking* share one feature.
pub(crate) fn stem(word: &str) -> &str {
    // `stem_len` cuts only ASCII bytes, so the cut is a char boundary.
    word.get(..stem_len(word.as_bytes())).unwrap_or(word)
}

/// The length of [`stem`]'s result: the stem is always a prefix of the word.
fn stem_len(word: &[u8]) -> usize {
    let n = word.len();
    let plural = word.ends_with(b"s")
        && !word.ends_with(b"ss")
        && !word.ends_with(b"us")
        && !word.ends_with(b"is");
    let cut = if n > 5 && word.ends_with(b"ing") {
        3
    } else if n > 4 && word.ends_with(b"ed") {
        2
    } else if (n > 4 && word.ends_with(b"es") && !word.ends_with(b"ses")) || (n > 3 && plural) {
        1
    } else {
        0
    };
    let mut len = n - cut;
    if cut >= 2 && len > 3 {
        // "stopped" -> "stopp" -> "stop"; only an ASCII letter is doubled
        // (two equal bytes can end one multi-byte char).
        let (last, before) = (word[len - 1], word[len - 2]);
        if last == before && last.is_ascii() && !b"aeioulsz".contains(&last) {
            len -= 1;
        }
    }
    if len > 3 && word[len - 1] == b'e' {
        len -= 1;
    }
    len
}

/// The word's shape with runs collapsed: `Xx`, `x`, `X.X.`, `d`, `x-x`.
fn shape(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut last = 0u8;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_alphabetic() {
            b'a'
        } else {
            if c.is_ascii() {
                c as u8
            } else {
                b'?'
            }
        };
        if class != last {
            h = (h ^ u64::from(class)).wrapping_mul(FNV_PRIME);
            last = class;
        }
    }
    h
}

/// A hash of the verb group to the left of word `i`: the auxiliaries,
/// modals, negations and `to` before it, skipping adverbs in *-ly*.
/// Zero when there is none.
pub(crate) fn auxiliary_chain(infos: &[WordInfo], words: &[&str], i: usize) -> u64 {
    let mut h = 0u64;
    let mut j = i;
    let mut seen = 0;
    while j > 0 && seen < 5 {
        j -= 1;
        let info = &infos[j];
        if info.function.is_auxiliary() {
            h = mix(99, h, info.word);
        } else if !(info.function == Function::Content && words[j].ends_with("ly")) {
            break;
        }
        seen += 1;
    }
    h
}

/// The function of the nearest word to the left of `i` that is not an
/// adverb in *-ly*, within three words.
fn left_function(infos: &[WordInfo], words: &[&str], i: usize) -> Function {
    let mut j = i;
    while j > 0 && i - j < 3 {
        j -= 1;
        if !(infos[j].function == Function::Content && words[j].ends_with("ly")) {
            return infos[j].function;
        }
    }
    Function::Punctuation
}

/// Marks the words (of `spans`) that overlap one of `timexes` (in text
/// order, as byte spans).
pub(crate) fn mark_timexes(infos: &mut [WordInfo], spans: &[Span], timexes: &[Span]) {
    let mut t = 0;
    for (info, span) in infos.iter_mut().zip(spans) {
        while t < timexes.len() && timexes[t].end <= span.start {
            t += 1;
        }
        info.in_timex = timexes.get(t).is_some_and(|x| x.overlaps(*span));
    }
}

/// The number of features of a word.
pub(crate) const FEATURE_COUNT: usize = 35;

/// Pushes the feature hashes of word `i` of a sentence.
pub(crate) fn features(infos: &[WordInfo], words: &[&str], i: usize, out: &mut Vec<u64>) {
    out.extend(word_features(infos, words, i));
}

/// The feature hashes of word `i` of a sentence, on the stack.
pub(crate) fn word_features(infos: &[WordInfo], words: &[&str], i: usize) -> [u64; FEATURE_COUNT] {
    let at = |k: isize| -> &WordInfo {
        let j = i as isize + k;
        if j < 0 || j as usize >= infos.len() {
            &BOUNDARY
        } else {
            &infos[j as usize]
        }
    };
    let w = at(0);
    let (p1, p2, n1, n2) = (at(-1), at(-2), at(1), at(2));
    let f = |x: Function| x as u64 + 7;
    let chain = auxiliary_chain(infos, words, i);
    let left = left_function(infos, words, i);
    [
        mix(0, 0, 0),
        mix(1, w.word, 0),
        mix(2, w.stem, 0),
        mix(3, w.suffix2, 0),
        mix(4, w.suffix3, 0),
        mix(5, w.suffix4, 0),
        mix(6, w.prefix3, 0),
        mix(7, w.shape, 0),
        mix(8, p1.word, 0),
        mix(9, n1.word, 0),
        mix(10, p2.word, 0),
        mix(11, n2.word, 0),
        mix(12, f(p1.function), 0),
        mix(13, f(n1.function), 0),
        mix(14, f(p2.function), f(p1.function)),
        mix(15, p1.word, w.word),
        mix(16, w.word, n1.word),
        mix(17, f(left), 0),
        mix(18, p1.suffix3, 0),
        mix(19, n1.suffix3, 0),
        mix(20, u64::from(w.capitalized), u64::from(i == 0)),
        mix(21, chain, 0),
        mix(22, chain, w.suffix3),
        mix(23, f(left), w.stem),
        mix(24, f(left), w.suffix3),
        mix(25, w.length, 0),
        mix(26, p1.stem, w.stem),
        mix(27, f(n1.function), w.suffix3),
        mix(28, n1.stem, 0),
        mix(29, p1.stem, 0),
        mix(30, f(w.function), 0),
        mix(31, w.shape, p1.shape),
        mix(32, w.cue(), 0),
        // A date right before a noun dates it: "a September report".
        mix(
            33,
            u64::from(p1.in_timex) * 2 + u64::from(p2.in_timex),
            u64::from(w.capitalized),
        ),
        mix(34, u64::from(n1.in_timex), f(p1.function)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn word_texts(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        words(text, &tokens)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn words_join_hyphens_and_split_contractions() {
        assert_eq!(
            word_texts("The cease-fire didn't hold; he's U.S.-led."),
            [
                "The",
                "cease-fire",
                "did",
                "n't",
                "hold",
                ";",
                "he",
                "'s",
                "U.S.-led",
                "."
            ]
        );
        assert_eq!(word_texts("won’t - no"), ["wo", "n’t", "-", "no"]);
        assert_eq!(
            word_texts("a -b c- 'd"),
            ["a", "-", "b", "c", "-", "'", "d"]
        );
    }

    #[test]
    fn stems_share_inflections() {
        assert_eq!(stem("attacked"), stem("attacking"));
        assert_eq!(stem("attacks"), "attack");
        assert_eq!(stem("stopped"), "stop");
        assert_eq!(stem("make"), stem("making"));
        assert_eq!(stem("is"), "is");
        assert_eq!(stem("crisis"), "crisis");
    }

    #[test]
    fn the_ascii_path_reads_as_the_general_one() {
        let text = "The U.S.-led cease-fire didn't hold; 1,000.5 troops -- (a) \"b\" \
            stopped, making attacks on 7:30 p.m. Summit's crisis is over: e ed ing \
            sing ses eses stopped agreed ISN'T 3rd A1-b2 ... ' x y zz";
        let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
        words.extend(["", "a", "ab", "abc", "abcd"].map(str::to_string));
        words.push("x".repeat(ASCII_FAST_LEN));
        let mut reader = Reader::default();
        for word in &words {
            assert_eq!(
                Reader::read_ascii(word.as_bytes()),
                reader.read_general(word),
                "{word:?}"
            );
        }
    }

    #[test]
    fn stems_cut_only_at_char_boundaries() {
        // The last two bytes of U+4000 are equal: no doubled letter to drop.
        assert_eq!(stem("a\u{4000}ed"), "a\u{4000}");
        assert_eq!(stem("\u{4000}\u{4000}es"), "\u{4000}\u{4000}");
    }

    #[test]
    fn hashed_tables_find_what_they_hold() {
        let entries: Vec<(u64, u64)> = (1..200u64).map(|k| (fnv1a(&k.to_le_bytes()), k)).collect();
        let mut with_repeat = entries.clone();
        with_repeat.push((entries[3].0, 1000));
        let table = HashedTable::new(with_repeat);
        for &(key, value) in &entries[..] {
            let expected = if key == entries[3].0 { 1000 } else { value };
            assert_eq!(table.get(key), Some(expected));
        }
        assert_eq!(table.get(fnv1a(b"absent")), None);
        assert_eq!(HashedTable::<u64>::new([]).get(7), None);
        assert_eq!(function_words().get(fnv1a(b"would")), Some(Function::Modal));
    }

    #[test]
    fn lexicon_words_hash_to_nonzero_keys() {
        // 0 marks an empty slot of a `HashedTable`.
        for file in [
            include_str!("../../data/events/function_words.txt"),
            include_str!("../../data/events/class_cues.txt"),
        ] {
            for row in crate::lexicon::rows(file) {
                let word = row.first().copied().unwrap_or("");
                assert_ne!(fnv1a(word.as_bytes()), 0, "{word:?}");
                assert_ne!(fnv1a(stem(word).as_bytes()), 0, "{word:?}");
            }
        }
    }

    #[test]
    fn every_function_word_has_a_letter() {
        // `WordInfo::looked_up` skips the lexicon for numbers and punctuation.
        for row in crate::lexicon::rows(include_str!("../../data/events/function_words.txt")) {
            let word = row.first().copied().unwrap_or("");
            assert!(word.chars().any(char::is_alphabetic), "{word:?}");
        }
    }

    #[test]
    fn contractions_read_as_function_words() {
        let mut reader = Reader::default();
        assert_eq!(reader.read("n’t").function, Function::Negation);
        assert_eq!(reader.read("Will").function, Function::Future);
        assert_eq!(reader.read("1,000").function, Function::Number);
        assert_eq!(reader.read("summit").function, Function::Content);
        assert_eq!(reader.read("Summit").word, reader.read("summit").word);
    }

    #[test]
    fn auxiliary_chain_skips_adverbs_and_stops_at_content() {
        let text = ["he", "has", "not", "really", "been", "seen"];
        let mut reader = Reader::default();
        let infos: Vec<_> = text.iter().map(|w| reader.read(w)).collect();
        let with_adverb = auxiliary_chain(&infos, &text, 5);
        let plain = ["he", "has", "not", "been", "seen"];
        let plain_infos: Vec<_> = plain.iter().map(|w| reader.read(w)).collect();
        assert_eq!(with_adverb, auxiliary_chain(&plain_infos, &plain, 4));
        assert_ne!(with_adverb, 0);
        assert_eq!(auxiliary_chain(&infos, &text, 1), 0);
    }

    #[test]
    fn features_are_deterministic_and_distinct() {
        let text = ["The", "council", "will", "convene"];
        let mut reader = Reader::default();
        let infos: Vec<_> = text.iter().map(|w| reader.read(w)).collect();
        let mut a = Vec::new();
        let mut b = Vec::new();
        features(&infos, &text, 3, &mut a);
        features(&infos, &text, 3, &mut b);
        assert_eq!(a, b);
        let mut other = Vec::new();
        features(&infos, &text, 1, &mut other);
        assert_ne!(a, other);
        let mut unique = a.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), a.len());
    }
}
