"""The console script's entry point: the whole run, imports included, under a Ctrl-C guard.

Importing Typer, Rich and the app takes about a tenth of a second; a Ctrl-C in that time
(or while Typer builds the command) would otherwise print a traceback.
"""

import sys

INTERRUPTED = 130  # careercli.terminal.ExitStatus.INTERRUPTED, without importing it


def main() -> None:
    try:
        from careercli.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("careercli: interrupted\n")
        sys.exit(INTERRUPTED)
