//! Helpers to read the lexicon data files compiled into the crate.

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
