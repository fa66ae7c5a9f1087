//! Entity timelines: the events of which a named entity is a participant.

use serde::{Deserialize, Serialize};

use super::{Timeline, TimelineOptions};
use crate::model::Document;

/// How [`Timeline::of_entity`] picks and dates an entity's events.
///
/// ```
/// use chronoline::EntityOptions;
/// assert_eq!(EntityOptions::default().max_words, 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EntityOptions {
    /// How many words an event trigger may be from a mention of the entity.
    pub max_words: usize,
}

impl Default for EntityOptions {
    fn default() -> EntityOptions {
        EntityOptions { max_words: 3 }
    }
}

impl Timeline {
    /// The timeline of the events about an entity (`names`: its name and
    /// aliases) in `docs`.
    ///
    /// ```
    /// use chronoline::{EntityOptions, Extractor, Timeline};
    /// let doc = Extractor::new().extract("Apple unveiled the phone on 7 June 2010.", None);
    /// let timeline = Timeline::of_entity(&[doc], &["Apple"], &EntityOptions::default());
    /// assert!(timeline.entries().iter().any(|e| e.text == "unveiled"));
    /// ```
    pub fn of_entity(docs: &[Document], names: &[&str], options: &EntityOptions) -> Timeline {
        let all = Timeline::with_options(
            docs,
            &TimelineOptions {
                undated: true,
                context_dating: true,
                ..TimelineOptions::default()
            },
        );
        all.about_near(names, options.max_words)
    }
}
