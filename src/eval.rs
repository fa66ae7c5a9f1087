//! The TempEval-3 entity scorer.

use serde::{Deserialize, Serialize};

use crate::model::Document;

/// TempEval-3 scores.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scores {}

/// Scores system documents against gold ones.
pub fn evaluate(_gold: &[Document], _system: &[Document]) -> Scores {
    Scores {}
}
