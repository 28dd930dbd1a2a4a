"""Shared fixtures: the same small registry as tests/c/world.h.

The suite tests the package of this source tree (bindings/python/kexie), or,
with KEXIE_TEST_INSTALLED=1, the package installed in the running interpreter
(the python.venv test): then the source tree is kept off sys.path and the
import is checked to come from elsewhere."""

import datetime
import os
import sys

import pytest

SOURCE = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
INSTALLED = os.environ.get("KEXIE_TEST_INSTALLED") == "1"

if INSTALLED:
    sys.path[:] = [p for p in sys.path
                   if os.path.normpath(os.path.abspath(p or os.curdir)) != SOURCE]
else:
    sys.path.insert(0, SOURCE)

import kexie  # noqa: E402

if INSTALLED and os.path.dirname(os.path.dirname(os.path.abspath(kexie.__file__))) == SOURCE:
    raise RuntimeError("kexie: KEXIE_TEST_INSTALLED=1 but kexie was imported from the "
                       "source tree " + SOURCE)

D = datetime.date


class World:
    def __init__(self):
        self.reg = kexie.Registry()
        r = self.reg
        K, L = kexie.OrgKind, kexie.Level
        self.cast = r.add_organization(K.NATIONAL, "中国科协", effective=D(1958, 9, 18))
        self.province = r.add_organization(K.LOCAL, "浙江省科协", self.cast, D(1960, 1, 1),
                                           L.PROVINCIAL)
        self.city = r.add_organization(K.LOCAL, "杭州市科协", self.province, D(1970, 1, 1),
                                       L.PREFECTURE)
        self.steel = r.add_organization(K.ENTERPRISE, "杭钢科协", self.city, D(2000, 1, 1),
                                        enterprise_name="杭钢")
        self.branch = r.add_organization(K.BRANCH, "轧钢分会", self.steel, D(2005, 1, 1))
        self.other = r.add_organization(K.ENTERPRISE, "other 科协", self.city, D(2000, 1, 1),
                                        enterprise_name="other")
        self.society = r.add_organization(K.SOCIETY, "中国金属学会", self.cast, D(1980, 1, 1))
        self.p = []
        for i in range(6):
            pid = r.add_person("王工" if i == 0 else "李工",
                               D(1995, 5, 1) if i < 3 else D(1970, 5, 1), self.steel,
                               "E-%d" % (i + 1), kexie.Title.INTERMEDIATE)
            r.add_membership(pid, self.steel, kexie.Role.MEMBER, D(2015, 1, 1))
            self.p.append(pid)
        self.q = []
        for i in range(3):
            pid = r.add_person("专家", D(1965, 1, 1), self.other, "E-%d" % (i + 1),
                               kexie.Title.SENIOR)
            r.add_membership(pid, self.other, kexie.Role.MEMBER, D(2015, 1, 1))
            self.q.append(pid)


@pytest.fixture
def world():
    w = World()
    yield w
    w.reg.close()
