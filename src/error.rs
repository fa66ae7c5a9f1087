//! The one error type of the crate.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error from configuration or input files: a bad document date, an
/// unknown option, a file that cannot be read or is not valid TimeML.
///
/// Extraction itself never fails: text with nothing temporal in it gives an
/// empty result.
///
/// ```
/// let err = "2025-13-40".parse::<chronoline::Dct>().unwrap_err();
/// assert!(err.to_string().starts_with("invalid document date"));
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    path: Option<PathBuf>,
}

/// What sort of error it is, so that bindings can map it to their own types.
///
/// ```
/// let err = "tomorrow".parse::<chronoline::Dct>().unwrap_err();
/// assert_eq!(err.kind(), chronoline::ErrorKind::Invalid);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A value or option is not acceptable (a bad DCT, an unknown mode).
    Invalid,
    /// A file could not be read or written.
    Io,
    /// A file is not well-formed TimeML.
    Parse,
}

impl Error {
    pub(crate) fn invalid(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Invalid,
            message: message.into(),
            path: None,
        }
    }

    pub(crate) fn parse(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Parse,
            message: message.into(),
            path: None,
        }
    }

    pub(crate) fn io(path: &Path, err: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io,
            message: err.to_string().to_lowercase(),
            path: Some(path.to_path_buf()),
        }
    }

    /// Names the file the error is about.
    pub(crate) fn in_file(mut self, path: &Path) -> Error {
        self.path = Some(path.to_path_buf());
        self
    }

    /// What sort of error it is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file the error is about, if any.
    ///
    /// ```
    /// let err = chronoline::read_timeml("/no/such/file.tml").unwrap_err();
    /// assert_eq!(err.path().unwrap().to_str(), Some("/no/such/file.tml"));
    /// ```
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{}: {}", path.display(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
