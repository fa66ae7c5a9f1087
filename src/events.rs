//! Event triggers, their TimeML class and attributes, and their times.

use crate::model::Document;
use crate::text::Token;

/// The event recognizer and classifier.
#[derive(Debug)]
pub(crate) struct EventModel {}

impl EventModel {
    pub fn new() -> EventModel {
        EventModel {}
    }

    pub fn annotate(&self, _doc: &mut Document, _tokens: &[Token]) {}
}
