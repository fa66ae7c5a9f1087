//! Reading and writing documents and timelines.

pub(crate) mod timeml;
