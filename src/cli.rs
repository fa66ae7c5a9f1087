//! The `chronoline` command line, shared by the binary and the Python package.

/// Runs the command line with `args` (the first is the program name) and
/// returns the process exit code.
pub fn main<I, S>(_args: I) -> i32
where
    I: IntoIterator<Item = S>,
    S: Into<std::ffi::OsString> + Clone,
{
    0
}
