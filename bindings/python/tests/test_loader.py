"""How the package finds libkexie_c: KEXIE_LIBRARY alone when set; then next to
the package and in the install's <prefix>/lib; then a source checkout's build
trees in the fixed preset order (never a sanitizer build, never by modification
time); then the system loader."""

import os
import subprocess
import sys
import time

import kexie
from kexie import _capi


def touch(path, when=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb"):
        pass
    if when is not None:
        os.utime(path, (when, when))
    return str(path)


def test_the_loaded_library_is_a_libkexie_c():
    assert os.path.basename(kexie.library_path()).startswith("libkexie_c.so")


def test_kexie_library_is_the_only_candidate_when_set():
    assert _capi._candidates({"KEXIE_LIBRARY": "/x/libkexie_c.so.0"}, "/p/kexie") == \
        ["/x/libkexie_c.so.0"]
    assert _capi._candidates({"KEXIE_C_LIBRARY": "/old/libkexie_c.so"}, "/p/kexie") == \
        ["/old/libkexie_c.so"]
    assert _capi._candidates({"KEXIE_LIBRARY": "/new.so", "KEXIE_C_LIBRARY": "/old.so"},
                             "/p/kexie") == ["/new.so"]


def test_a_source_checkout_uses_the_build_presets_in_order(tmp_path):
    repo = tmp_path / "repo"
    touch(repo / "include" / "kexie" / "kexie.h")
    package = repo / "bindings" / "python" / "kexie"
    package.mkdir(parents=True)
    now = time.time()
    # The sanitizer builds are the newest; the old loader picked them by mtime.
    for age, preset in enumerate(("asan", "tsan", "fuzz", "coverage", "release", "dev")):
        touch(repo / "build" / preset / "src" / "c" / "libkexie_c.so", now - 1000 * (6 - age)
              if preset in ("asan", "tsan", "fuzz") else now - 100000 * (age + 1))
        touch(repo / "build" / preset / "src" / "c" / "libkexie_c.so.0", now)
    found = _capi._candidates({}, str(package))
    builds = [p for p in found if os.sep + "build" + os.sep in p]
    names = [os.path.relpath(p, repo) for p in builds]
    assert names == ["build/dev/src/c/libkexie_c.so", "build/dev/src/c/libkexie_c.so.0",
                     "build/release/src/c/libkexie_c.so", "build/release/src/c/libkexie_c.so.0",
                     "build/coverage/src/c/libkexie_c.so",
                     "build/coverage/src/c/libkexie_c.so.0"]
    assert found[-1] == "libkexie_c.so"  # the system loader comes last


def test_an_install_uses_the_package_directory_then_prefix_lib(tmp_path):
    prefix = tmp_path / "prefix"
    package = prefix / "lib" / "python3.11" / "site-packages" / "kexie"
    lib = touch(prefix / "lib" / "libkexie_c.so.0")
    versioned = touch(prefix / "lib" / "libkexie_c.so.0.1.0")
    found = _capi._candidates({}, str(package))
    assert found[:2] == [lib, versioned]
    beside = touch(package / "libkexie_c.so")
    assert _capi._candidates({}, str(package))[:3] == [beside, lib, versioned]
    # An install is not a checkout: no build tree is looked at.
    assert not any(os.sep + "build" + os.sep in p for p in found)


def test_a_bad_kexie_library_fails_the_import_naming_it(tmp_path):
    env = dict(os.environ, KEXIE_LIBRARY=str(tmp_path / "missing" / "libkexie_c.so"),
               PYTHONPATH=os.path.dirname(os.path.dirname(os.path.abspath(kexie.__file__))),
               PYTHONDONTWRITEBYTECODE="1")
    r = subprocess.run([sys.executable, "-c", "import kexie"], capture_output=True, text=True,
                       env=env, cwd=str(tmp_path))
    assert r.returncode != 0
    assert "ImportError" in r.stderr and "KEXIE_LIBRARY" in r.stderr
    assert str(tmp_path / "missing") in r.stderr
