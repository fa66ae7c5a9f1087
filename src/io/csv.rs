//! CSV output as RFC 4180 describes it: comma-separated, CRLF-free (`\n`
//! line ends), fields with a comma, a quote or a line break quoted, quotes
//! doubled.

/// Appends one record to `out`.
pub(crate) fn write_record(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::write_record;

    #[test]
    fn plain_fields_are_not_quoted() {
        let mut out = String::new();
        write_record(&mut out, &["a", "b c", ""]);
        assert_eq!(out, "a,b c,\n");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        let mut out = String::new();
        write_record(&mut out, &["x, y", "say \"hi\"", "two\nlines"]);
        assert_eq!(out, "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
    }
}
