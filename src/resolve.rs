//! Turning mentions into TIMEX3 values and intervals against an anchor.

use crate::extractor::Options;
use crate::model::{Dct, Sentence, Timex};
use crate::recognize::Mention;
use crate::text::Token;

/// What resolution gives back.
pub(crate) struct Resolved {
    pub timexes: Vec<Timex>,
    pub inferred_dct: Option<Dct>,
}

pub(crate) fn resolve(
    text: &str,
    _tokens: &[Token],
    _sentences: &[Sentence],
    mentions: Vec<Mention>,
    _dct: Option<&Dct>,
    _options: &Options,
) -> Resolved {
    let timexes = mentions
        .into_iter()
        .enumerate()
        .map(|(i, m)| Timex {
            id: format!("t{}", i + 1),
            span: m.span,
            text: text[m.span.start..m.span.end].to_string(),
            kind: m.kind,
            value: String::new(),
            modifier: None,
            quant: None,
            freq: None,
            begin_point: None,
            end_point: None,
            anchor: None,
            temporal_function: false,
            interval: None,
            rule: m.rule.to_string(),
        })
        .collect();
    Resolved {
        timexes,
        inferred_dct: None,
    }
}
