#!/usr/bin/env bash
# Runs every test of chronoline on a machine with a Rust toolchain and
# Python 3.9+ with pip: Rust formatting, lints and tests (no Python needed),
# then the Python package built by maturin and installed with pip into a
# fresh virtualenv, and pytest against it.
#
#   bash scripts/test.sh          (what .ci/run calls)
#
# Environment: PYTHON (default python3), CHRONOLINE_VENV (default
# target/test-venv).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${CHRONOLINE_VENV:-target/test-venv}

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

step "cargo clippy --all-targets --features python -- -D warnings"
cargo clippy --all-targets --features python -- -D warnings

step "cargo test"
cargo test

step "fresh virtualenv in $VENV"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
VPY="$VENV/bin/python"
if [ ! -x "$VPY" ]; then VPY="$VENV/Scripts/python.exe"; fi

# The spark and dask extras are for tests/python/test_spark.py and
# test_batch.py (pyspark is a large wheel; Spark needs Java 17 or later).
step "pip install .[test,spark,dask] (maturin builds the abi3 wheel)"
"$VPY" -m pip install --quiet --disable-pip-version-check ".[test,spark,dask]"
"$VPY" -c "import chronoline; print('chronoline', chronoline.__version__)"

step "pytest tests/python"
# python/ is not on sys.path, so the tests import the installed package.
status=0
"$VPY" -m pytest tests/python -p no:cacheprovider "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests: that is a failure" >&2
    exit 1
fi
exit "$status"
