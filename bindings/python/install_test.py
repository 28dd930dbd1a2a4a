#!/usr/bin/env python3
"""The python.venv test (run by ctest): installs the package the way a user does,
offline, into a fresh virtual environment, and runs the pytest suite against the
installed copy.

  python3 bindings/python/install_test.py WORK_DIR

WORK_DIR (a directory of the build tree; emptied first) receives a copy of the
package source (pip builds in the tree it is given, so the checkout is never
written), the venv made by ``python3 -m venv --system-site-packages`` (pytest
comes from the system), and the install by ``pip install --no-build-isolation
--no-index``. The suite then runs with KEXIE_TEST_INSTALLED=1, which keeps the
source tree off sys.path and checks that ``import kexie`` comes from the venv;
libkexie_c comes from KEXIE_LIBRARY, which ctest sets to this build's.
"""

import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run(argv, **kw):
    print("+ " + " ".join(argv), flush=True)
    subprocess.run(argv, check=True, **kw)


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    work = os.path.abspath(argv[1])
    if os.path.exists(work):
        shutil.rmtree(work)
    src = os.path.join(work, "src")
    os.makedirs(src)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(os.path.join(HERE, name), src)
    shutil.copytree(os.path.join(HERE, "kexie"), os.path.join(src, "kexie"),
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))

    venv = os.path.join(work, "venv")
    env = dict(os.environ, PIP_NO_INPUT="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
               PIP_NO_CACHE_DIR="1", PYTHONDONTWRITEBYTECODE="1", HOME=work)
    env.pop("PYTHONPATH", None)
    run([sys.executable, "-m", "venv", "--system-site-packages", venv], env=env)
    python = os.path.join(venv, "bin", "python")
    run([os.path.join(venv, "bin", "pip"), "install", "--no-build-isolation", "--no-index",
         src], env=env, cwd=work)
    env["KEXIE_TEST_INSTALLED"] = "1"
    run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", os.path.join(HERE, "tests")],
        env=env, cwd=work)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
