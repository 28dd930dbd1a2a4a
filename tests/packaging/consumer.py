"""The Python consumer of the installed python3-kexie package (run by
tests/packaging/consume.sh in a fresh Debian 12 root): imports kexie from
dist-packages, which loads libkexie_c.so.0 of libkexie0, adds an organization
and reads a refusal's rule id back."""
import datetime

import kexie

assert "dist-packages" in kexie.__file__, kexie.__file__
with kexie.Registry() as reg:
    reg.add_organization(kexie.OrgKind.NATIONAL, "中国科协", effective=datetime.date(1958, 9, 18))
    try:
        reg.add_organization(kexie.OrgKind.NATIONAL, "中国科协", effective=datetime.date(1958, 9, 18))
        raise SystemExit("a second national root was accepted")
    except kexie.KexieError as e:
        assert e.rule == "org.single_root", e.rule
print("kexie (Python) %s from %s, libkexie_c %s" % (kexie.__version__, kexie.__file__,
                                                    kexie.library_path()))
