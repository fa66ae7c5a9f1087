"""The ``chronoline`` command: the Rust command line, run in this process."""

from __future__ import annotations

import signal
import sys


def main() -> None:
    """Runs ``chronoline ARGS...`` and exits with its status."""
    from chronoline._chronoline import cli_main

    # Behave like the native binary: die quietly on a closed pipe
    # (`chronoline extract ... | head`) and on Ctrl-C, which Python would
    # otherwise only notice once the Rust code returns.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.stdout.flush()
    sys.stderr.flush()
    raise SystemExit(cli_main(["chronoline", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
