#!/usr/bin/env python3
"""Checks kexie's Debian packages (scripts/package.sh) with dpkg-deb: each one's
control fields and file list.

    check_debs.py PACKAGE_DIR VERSION      # the ctest test packages.deb
    check_debs.py --self-test

Exit 77 (ctest: skipped) when PACKAGE_DIR holds no kexie .deb: the packages are
built by hand (scripts/package.sh, release builds), not by the test suite.
"""
import re
import subprocess
import sys
from pathlib import Path

MULTIARCH = r"usr/lib/[a-z0-9_]+-linux-gnu[a-z0-9_]*"

# package -> (control field checks, regexes each of which some file must match,
#             regexes no file may match)
EXPECT = {
    "libkexie0": (
        {"Section": "libs", "Depends": r"libc6.*libssl3|libssl3.*libc6"},
        [MULTIARCH + r"/libkexie\.so\.0$", MULTIARCH + r"/libkexie\.so\.\d+\.\d+\.\d+$",
         MULTIARCH + r"/libkexie_c\.so\.0$", MULTIARCH + r"/libkexie_c\.so\.\d+\.\d+\.\d+$"],
        [r"\.so$", r"\.a$", r"usr/include/", r"usr/bin/"]),
    "libkexie-dev": (
        {"Section": "libdevel", "Depends": r"^libkexie0 \(= {version}\)"},
        [r"usr/include/kexie/kexie\.hpp$", r"usr/include/kexie/kexie\.h$",
         r"usr/include/kexie/export\.hpp$",
         MULTIARCH + r"/libkexie\.so$", MULTIARCH + r"/libkexie_c\.so$",
         MULTIARCH + r"/libkexie\.a$",
         MULTIARCH + r"/cmake/kexie/kexieConfig\.cmake$",
         MULTIARCH + r"/cmake/kexie/kexieConfigVersion\.cmake$",
         MULTIARCH + r"/cmake/kexie/kexieTargets\.cmake$",
         MULTIARCH + r"/pkgconfig/kexie\.pc$",
         r"usr/share/kexie/schemas/.+\.schema\.json$"],
        [r"\.so\.\d", r"usr/bin/"]),
    "kexie-tools": (
        {"Section": "utils", "Depends": r"libkexie0 \(= {version}\)"},
        [r"usr/bin/kexie$", r"usr/share/man/man1/kexie\.1(\.gz)?$",
         r"usr/share/bash-completion/completions/kexie$"],
        [r"\.so", r"usr/include/"]),
    "python3-kexie": (
        {"Section": "python", "Architecture": "^all$",
         "Depends": r"python3.*libkexie0 \(= {version}\)"},
        [r"usr/lib/python3/dist-packages/kexie/__init__\.py$",
         r"usr/lib/python3/dist-packages/kexie/_capi\.py$",
         r"usr/lib/python3/dist-packages/kexie/py\.typed$"],
        [r"\.so", r"__pycache__", r"\.pyc$"]),
    "libkexie-java": (
        {"Section": "java", "Architecture": "^all$",
         "Depends": r"libjna-java.*libkexie0 \(= {version}\)"},
        [r"usr/share/java/kexie-{version}\.jar$", r"usr/share/java/kexie\.jar$"],
        [r"\.so", r"usr/include/", r"usr/lib/"]),
}


def dpkg_deb(*args):
    return subprocess.run(["dpkg-deb", *args], check=True, capture_output=True,
                          text=True).stdout


def check(name, fields, files, version):
    """Problems of one package (its control fields and paths) as strings."""
    want_fields, must, must_not = EXPECT[name]
    problems = []
    if fields.get("Version") != version:
        problems.append(f"{name}: Version {fields.get('Version')!r}, expected {version!r}")
    for key in ("Maintainer", "Description", "Architecture"):
        if not fields.get(key):
            problems.append(f"{name}: no {key} field")
    for key, pattern in want_fields.items():
        pattern = pattern.format(version=re.escape(version))
        if not re.search(pattern, fields.get(key, "")):
            problems.append(f"{name}: {key} {fields.get(key)!r} does not match {pattern!r}")
    for pattern in must:
        pattern = pattern.replace("{version}", re.escape(version))
        if not any(re.search(pattern, f) for f in files):
            problems.append(f"{name}: no file matches {pattern!r}")
    for pattern in must_not:
        bad = [f for f in files if re.search(pattern, f)]
        if bad:
            problems.append(f"{name}: unexpected file(s) {bad[:3]} (match {pattern!r})")
    return problems


def parse_fields(text):
    fields, key = {}, None
    for line in text.splitlines():
        if line.startswith((" ", "\t")) and key:
            fields[key] += "\n" + line.strip()
        elif ":" in line:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def parse_files(listing):
    """dpkg-deb -c output -> paths without the leading './' (symlinks: the link)."""
    out = []
    for line in listing.splitlines():
        path = line.split(None, 5)[-1].split(" -> ")[0]
        path = path[2:] if path.startswith("./") else path
        if path and not path.endswith("/"):
            out.append(path)
    return out


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    directory, version = Path(argv[1]), argv[2]
    debs = {}
    for deb in sorted(directory.glob("*.deb")) if directory.is_dir() else []:
        name = dpkg_deb("-f", str(deb), "Package").strip()
        debs[name] = deb
    if not debs:
        print(f"check_debs: no packages in {directory} (run scripts/package.sh); skipped")
        return 77
    problems = [f"missing package {n}" for n in EXPECT if n not in debs]
    problems += [f"unexpected package {n}" for n in debs if n not in EXPECT]
    for name, deb in debs.items():
        if name in EXPECT:
            fields = parse_fields(dpkg_deb("-f", str(deb)))
            files = parse_files(dpkg_deb("-c", str(deb)))
            problems += check(name, fields, files, version)
            print(f"check_debs: {deb.name}: {len(files)} files; Depends: {fields.get('Depends')}")
    for p in problems:
        print("check_debs: " + p, file=sys.stderr)
    return 1 if problems else 0


def self_test():
    fields = parse_fields("Package: kexie-tools\nVersion: 0.1.0\nSection: utils\n"
                          "Architecture: amd64\nMaintainer: m\nDepends: libc6, libkexie0 (= 0.1.0)\n"
                          "Description: x\n more\n")
    assert fields["Description"] == "x\nmore", fields
    files = parse_files("drwxr-xr-x root/root 0 2026-01-01 00:00 ./usr/bin/\n"
                        "-rwxr-xr-x root/root 9 2026-01-01 00:00 ./usr/bin/kexie\n"
                        "-rw-r--r-- root/root 9 2026-01-01 00:00 ./usr/share/man/man1/kexie.1.gz\n"
                        "-rw-r--r-- root/root 9 2026-01-01 00:00 "
                        "./usr/share/bash-completion/completions/kexie\n")
    assert files[0] == "usr/bin/kexie", files
    assert check("kexie-tools", fields, files, "0.1.0") == []
    assert any("Version" in p for p in check("kexie-tools", fields, files, "0.2.0"))
    assert any("man1" in p for p in check("kexie-tools", fields, files[:1], "0.1.0"))
    leaked = files + ["usr/lib/x86_64-linux-gnu/libkexie.so.0"]
    assert any("unexpected" in p for p in check("kexie-tools", fields, leaked, "0.1.0"))
    java = parse_fields("Package: libkexie-java\nVersion: 0.1.0\nSection: java\n"
                        "Architecture: all\nMaintainer: m\n"
                        "Depends: libjna-java, libkexie0 (= 0.1.0)\nDescription: x\n")
    jars = ["usr/share/java/kexie-0.1.0.jar", "usr/share/java/kexie.jar"]
    assert check("libkexie-java", java, jars, "0.1.0") == []
    assert any("kexie-" in p for p in check("libkexie-java", java, jars[1:], "0.1.0"))
    print("check_debs: self-test ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
