#!/usr/bin/env python3
"""The documents' two gates agree: every example document validates against its
JSON Schema (draft 2020-12) and is accepted by kexie's loader, and every document
under tests/data/documents/invalid/ is refused by BOTH (the loader refuses a
superset of what the schemas refuse). Also checks that schemas/ is what
scripts/gen_schemas.py generates from the C++ enum tables.

  check_documents.py ROOT DOCUMENT_CHECK [GENERATED_RESULTS...]

An invalid file is named <kind>-<what>.json (kind: campaign, registry, entries,
services; a services document is read against an empty registry).
Needs python3-jsonschema; run with /usr/bin/python3.
"""
import json
import pathlib
import subprocess
import sys

import jsonschema


def main(argv):
    root = pathlib.Path(argv[1])
    check = argv[2]
    extra = [pathlib.Path(p) for p in argv[3:]]
    failures = []
    gen = subprocess.run([sys.executable, str(root / "scripts/gen_schemas.py"), "--check"],
                         capture_output=True, text=True)
    if gen.returncode != 0:
        failures.append("schemas/ is stale: " + gen.stdout.strip())
    validators = {}
    for kind in ("campaign", "registry", "entries", "results", "coverage", "services",
                 "evaluation"):
        schema = json.loads((root / f"schemas/kexie.{kind}-1.schema.json").read_text("utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[kind] = jsonschema.Draft202012Validator(schema)
    registry = root / "examples/data/registry.json"

    def loader(kind, path):
        args = [check, kind, str(path)] + ([str(registry)] if kind == "entries" else [])
        return subprocess.run(args, capture_output=True, text=True)

    examples = (sorted((root / "examples/data").glob("*.json")) +
                sorted((root / "tests/data/documents/valid").glob("*.json")) + extra)
    for path in examples:
        doc = json.loads(path.read_text("utf-8"))
        kind = doc["format"].split("/")[0].removeprefix("kexie.")
        errors = list(validators[kind].iter_errors(doc))
        if errors:
            failures.append(f"{path}: schema refuses a valid document: {errors[0].message}")
        # Written-only formats have no loader; a services example names people of the
        # unit test's registry, so services_document_test reads it back instead.
        if kind not in ("results", "coverage", "services", "evaluation"):
            r = loader(kind, path)
            if r.returncode != 0:
                failures.append(f"{path}: the loader refuses it:\n{r.stdout}")
    invalid = sorted((root / "tests/data/documents/invalid").glob("*.json"))
    for path in invalid:
        kind = path.name.split("-")[0]
        try:
            doc = json.loads(path.read_text("utf-8"))
            schema_refuses = not validators[kind].is_valid(doc)
        except (ValueError, RecursionError):
            schema_refuses = True  # not JSON at all
        if not schema_refuses:
            failures.append(f"{path}: the schema accepts it")
        r = loader(kind, path)
        if r.returncode != 2:
            failures.append(f"{path}: the loader does not refuse it (exit {r.returncode})")
    for f in failures:
        print(f)
    print(f"{len(examples)} valid and {len(invalid)} invalid documents checked, "
          f"{len(failures)} failures")
    return 1 if failures or not invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
