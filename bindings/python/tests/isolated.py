"""Runs a snippet in a fresh interpreter, so that a crash (SIGSEGV, abort) is a test
failure with its output rather than the end of the whole pytest run. The child
imports the same kexie as this process (the source tree, or the installed copy
under python.venv) and can use the tests' World and campaign helpers."""

import os
import subprocess
import sys
import textwrap

import kexie

TESTS = os.path.dirname(os.path.abspath(__file__))
PACKAGE_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(kexie.__file__)))

PRELUDE = """
import sys
sys.path[:0] = [%r, %r]
import copy, gc, threading, datetime
from datetime import date as D, datetime as DT, timezone
from decimal import Decimal
import kexie
from conftest import World
from test_campaign import RUBRIC, spec, entry
""" % (PACKAGE_PARENT, TESTS)


def run(*parts: str, timeout: float = 120) -> str:
    """Runs PRELUDE and the `parts` (each dedented) in a new interpreter (the
    running one); asserts it exits with status 0 and returns its stdout."""
    script = PRELUDE + "\n".join(textwrap.dedent(p) for p in parts)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=TESTS)
    assert proc.returncode == 0, "child exited with %d\n--- stdout\n%s\n--- stderr\n%s" % (
        proc.returncode, proc.stdout[-4000:], proc.stderr[-4000:])
    return proc.stdout
