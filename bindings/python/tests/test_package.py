"""The package as a package: typed (py.typed), every public name documented and
annotated, results frozen dataclasses, __all__ in every module; and, when the
suite runs against an install (the python.venv test), the installed metadata."""

import dataclasses
import importlib
import importlib.metadata
import inspect
import os
import sys

import pytest

import kexie

MODULES = ["kexie", "kexie.analysis", "kexie.assignment", "kexie.campaign", "kexie.enums",
           "kexie.errors", "kexie.lifecycle", "kexie.registry", "kexie.snapshot"]
INSTALLED = os.environ.get("KEXIE_TEST_INSTALLED") == "1"


def public_callables():
    """(qualified name, function) of every public function and method."""
    seen = set()
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            if id(obj) in seen or obj.__module__.split(".")[0] != "kexie":
                continue
            seen.add(id(obj))
            if inspect.isfunction(obj):
                yield "%s.%s" % (module_name, name), obj
            elif inspect.isclass(obj) and not issubclass(obj, BaseException) and \
                    not dataclasses.is_dataclass(obj) and not hasattr(obj, "__members__"):
                members = {}
                for klass in reversed(obj.__mro__):  # inherited methods too (OwnedHandle)
                    if klass.__module__.split(".")[0] == "kexie":
                        members.update(vars(klass))
                for attr, member in members.items():
                    if attr.startswith("_") and attr not in ("__init__", "__len__",
                                                             "__iter__"):
                        continue
                    if isinstance(member, property):
                        member = member.fget
                    if isinstance(member, (classmethod, staticmethod)):
                        member = member.__func__
                    if inspect.isfunction(member):
                        yield "%s.%s.%s" % (module_name, name, attr), member


def test_py_typed_ships_with_the_package():
    assert os.path.exists(os.path.join(os.path.dirname(kexie.__file__), "py.typed"))


@pytest.mark.parametrize("module_name", MODULES)
def test_every_module_has_all_and_every_name_in_it_exists(module_name):
    module = importlib.import_module(module_name)
    assert isinstance(module.__all__, list) and module.__all__
    for name in module.__all__:
        assert hasattr(module, name), name
    for name in module.__all__:
        obj = getattr(module, name)
        assert inspect.getdoc(obj), "%s.%s has no docstring" % (module_name, name)


def test_every_public_function_is_documented_and_annotated():
    missing_doc, missing_hints, named_type = [], [], []
    count = 0
    for qualname, fn in public_callables():
        count += 1
        if not inspect.getdoc(fn) and not qualname.endswith(("__len__", "__iter__")):
            missing_doc.append(qualname)
        sig = inspect.signature(fn)
        if sig.return_annotation is inspect.Signature.empty:
            missing_hints.append(qualname + " -> ?")
        for p in sig.parameters.values():
            if p.name in ("self", "cls") or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                continue
            if p.annotation is inspect.Parameter.empty:
                missing_hints.append("%s(%s)" % (qualname, p.name))
            if p.name == "type":
                named_type.append(qualname)
    assert count > 80
    assert missing_doc == []
    assert missing_hints == []
    assert named_type == []


def test_results_are_frozen_dataclasses():
    for cls in (kexie.Organization, kexie.Person, kexie.Membership, kexie.MemberRow,
                kexie.Rollup, kexie.AuditRecord, kexie.AuditVerification, kexie.ActivityInfo,
                kexie.Standing, kexie.EntryResult, kexie.AdvancedUnit, kexie.AdvancedPerson,
                kexie.AhpResult, kexie.KendallResult, kexie.AwardTier, kexie.Indicator,
                kexie.CampaignSpec):
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen, cls
        assert not issubclass(cls, tuple), cls
        for f in dataclasses.fields(cls):
            assert f.name != "type", cls


@pytest.mark.skipif(not INSTALLED, reason="runs against an installed package (python.venv)")
def test_the_installed_package_is_the_one_under_test():
    assert kexie.__file__.startswith(sys.prefix + os.sep)
    assert sys.prefix != sys.base_prefix  # a venv
    assert importlib.metadata.version("kexie") == kexie.version()
    files = {str(f) for f in importlib.metadata.files("kexie")}
    assert "kexie/py.typed" in files and "kexie/_capi.py" in files
