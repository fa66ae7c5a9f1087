//! CSV output (RFC 4180): a field is quoted when it holds a comma, a quote,
//! or a line break, and quotes inside it are doubled.

use std::borrow::Cow;

/// One field, quoted if it needs to be.
pub(crate) fn field(value: &str) -> Cow<'_, str> {
    if value.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", value.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(value)
    }
}

/// Appends one row, ended by `\n`.
pub(crate) fn push_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, value) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(value));
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        push_row(&mut out, ["a", "b,c", "say \"hi\"", "two\nlines", ""]);
        assert_eq!(out, "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
    }
}
