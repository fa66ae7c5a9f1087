//! Reading and writing documents and timelines.

pub(crate) mod csv;
pub(crate) mod timelinejs;
pub(crate) mod timeml;
