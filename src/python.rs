//! The Python binding (the `python` feature): the only place pyo3 appears.
