//! Helpers to read the lexicon data files compiled into the crate, and the
//! hash their tables use.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map keyed by lexicon words, hashed with [`WordHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// The entries of a lexicon file: trimmed, non-empty lines that are not
/// `#` comments.
pub(crate) fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of a tab-separated lexicon file, split into fields.
pub(crate) fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    lines(data).map(|l| l.split('\t').map(str::trim).collect())
}

/// A fast hash for short lexicon words (FxHash's multiply-rotate); the keys
/// are fixed data, so no defence against chosen collisions is needed.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let tail = chunks.remainder();
        self.add(tail_word(tail) ^ ((tail.len() as u64) << 59));
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        // The product's high bits depend on every input bit; the table
        // takes its bucket from the low bits (as rustc-hash 2 does).
        self.0.rotate_left(26)
    }
}

/// The bytes of `tail` (at most 8) as a little-endian `u64` padded with
/// zeros, read as two overlapping loads instead of a copy: the bytes both
/// loads hold land on the same positions.
#[inline]
pub(crate) fn tail_word(tail: &[u8]) -> u64 {
    let n = tail.len();
    let load = |at: usize, width: usize| {
        let mut word = [0u8; 8];
        word[..width].copy_from_slice(&tail[at..at + width]);
        u64::from_le_bytes(word)
    };
    match n {
        0 => 0,
        1 => u64::from(tail[0]),
        2..=3 => load(0, 2) | load(n - 2, 2) << ((n - 2) * 8),
        4..=7 => load(0, 4) | load(n - 4, 4) << ((n - 4) * 8),
        _ => load(0, 8),
    }
}

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

#[cfg(test)]
mod tests {
    use super::tail_word;

    #[test]
    fn tail_word_is_the_tail_padded_with_zeros() {
        let bytes = *b"\x01\x82\x03\xf4\x05\x96\x07\xa8";
        for n in 0..=8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(
                tail_word(&bytes[..n]),
                u64::from_le_bytes(padded),
                "{n} bytes"
            );
        }
    }
}
