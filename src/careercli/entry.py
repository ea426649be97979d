"""The console script's entry point: the whole run, imports included, under a Ctrl-C guard.

Importing Typer, Rich and the app takes about a tenth of a second; a Ctrl-C in that time
(or while Typer builds the command) would otherwise print a traceback.
"""

import signal
import sys

INTERRUPTED = 130  # careercli.terminal.ExitStatus.INTERRUPTED, without importing it


def _terminated(signum: int, frame: object) -> None:
    # As an exception, so that a cache build under way removes its temp file.
    raise SystemExit(128 + signum)


def _pipe_closed(signum: int, frame: object) -> None:
    # A reader that leaves mid-answer (| head -c 10) can make a large write end early
    # without an error: Python ignores SIGPIPE. Caught, it says so.
    raise BrokenPipeError(32, "Broken pipe")


def main() -> None:
    signal.signal(signal.SIGTERM, _terminated)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, _pipe_closed)
    try:
        from careercli.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("careercli: interrupted\n")
        sys.exit(INTERRUPTED)
