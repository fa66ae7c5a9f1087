//! TimeML in and out: the TEXT byte for byte, TIMEX3, EVENT, MAKEINSTANCE, TLINK.

use std::path::Path;

use crate::error::Error;
use crate::model::Document;

/// Reads a TimeML file.
pub fn read_timeml(path: impl AsRef<Path>) -> Result<Document, Error> {
    let path = path.as_ref();
    let xml = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_timeml(&xml).map_err(|e| e.in_file(path))
}

/// Parses TimeML from a string.
pub fn parse_timeml(_xml: &str) -> Result<Document, Error> {
    Err(Error::parse("not yet implemented"))
}

/// Writes a document as TimeML.
pub fn to_timeml(_doc: &Document) -> String {
    String::new()
}
