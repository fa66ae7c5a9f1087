//! Ordered timelines of dated events across documents.

use serde::{Deserialize, Serialize};

/// One entry of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {}

/// An ordered timeline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// The entries, in order.
    pub entries: Vec<TimelineEntry>,
}
