//! Finding temporal expressions: rules over tokens produce mentions, a span
//! with a TIMEX3 type and an unresolved form.

use crate::model::{Span, TimexType};
use crate::text::Token;

/// A temporal expression as found, before it is resolved against an anchor.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    pub span: Span,
    pub kind: TimexType,
    pub rule: &'static str,
}

/// The compiled rules and lexicons.
#[derive(Debug)]
pub(crate) struct Recognizer {}

impl Recognizer {
    pub fn new() -> Recognizer {
        Recognizer {}
    }

    pub fn recognize(&self, _text: &str, _tokens: &[Token]) -> Vec<Mention> {
        Vec::new()
    }
}
