"""help(kexie) is the reference (issue 21): every public module, class, method,
property and function of the package has a docstring of its own, and every public
method of a class over a C handle shows an example (a ``>>>`` line). The package is
walked (every module pkgutil finds, not a list kept by hand), so a new module or
method without a docstring fails here."""

import dataclasses
import enum
import importlib
import inspect
import pkgutil
import pydoc

import kexie


def public(name):
    return not name.startswith("_")


def modules():
    """kexie and every public submodule."""
    yield kexie
    for info in pkgutil.iter_modules(kexie.__path__):
        if public(info.name):
            yield importlib.import_module("kexie." + info.name)


def own_doc(cls):
    """The class's own docstring: not inherited, and not the signature a dataclass
    writes when the class has none."""
    doc = cls.__dict__.get("__doc__")
    if not doc or not doc.strip():
        return None
    if dataclasses.is_dataclass(cls) and doc.startswith(cls.__name__ + "("):
        return None
    return doc


def members():
    """(qualified name, object, kind) of every public object of the package."""
    seen = set()
    for module in modules():
        yield module.__name__, module, "module"
        for name, obj in sorted(vars(module).items()):
            if not public(name) or id(obj) in seen:
                continue
            if getattr(obj, "__module__", "").split(".")[0] != "kexie":
                continue  # re-exported from the standard library
            seen.add(id(obj))
            qual = "%s.%s" % (obj.__module__, getattr(obj, "__qualname__", name))
            if inspect.isfunction(obj):
                yield qual, obj, "function"
            elif inspect.isclass(obj):
                yield qual, obj, "class"
                if issubclass(obj, enum.Enum):
                    continue  # members are values; the class documents them
                for attr, member in sorted(vars(obj).items()):
                    if not public(attr):
                        continue
                    if isinstance(member, property):
                        yield "%s.%s" % (qual, attr), member, "property"
                    elif isinstance(member, (classmethod, staticmethod)):
                        yield "%s.%s" % (qual, attr), member.__func__, "method"
                    elif inspect.isfunction(member):
                        yield "%s.%s" % (qual, attr), member, "method"


def handle_classes():
    """Classes that are not plain values (dataclasses), enumerations or exceptions:
    the objects over C handles, whose methods are what a user calls."""
    for module in modules():
        for name, obj in vars(module).items():
            if (public(name) and inspect.isclass(obj) and obj.__module__ == module.__name__
                    and not issubclass(obj, (enum.Enum, BaseException))
                    and not dataclasses.is_dataclass(obj)):
                yield obj


def test_every_public_object_has_a_docstring():
    missing = []
    counts = {}
    for qual, obj, kind in members():
        counts[kind] = counts.get(kind, 0) + 1
        doc = own_doc(obj) if kind == "class" else inspect.getdoc(obj)
        if not doc:
            missing.append("%s %s" % (kind, qual))
    assert counts["module"] >= 10 and counts["class"] >= 100 and counts["method"] >= 100, counts
    assert missing == [], "without a docstring:\n" + "\n".join(missing)


def test_the_methods_of_handle_classes_show_an_example():
    classes = list(handle_classes())
    assert {c.__name__ for c in classes} >= {"Registry", "ActivityBook", "Campaign",
                                              "Scoreboard", "Snapshot", "ServiceDesk"}
    without = []
    for cls in classes:
        for attr, member in vars(cls).items():
            fn = member.__func__ if isinstance(member, (classmethod, staticmethod)) else member
            if public(attr) and inspect.isfunction(fn) and ">>>" not in (fn.__doc__ or ""):
                without.append("%s.%s" % (cls.__name__, attr))
    assert without == [], "no example in:\n" + "\n".join(without)


def test_the_walk_finds_an_undocumented_object():
    # The checks above can fail: a class and a method without docstrings are found.
    @dataclasses.dataclass(frozen=True)
    class Bare:
        x: int

        def method(self):
            return self.x

    assert own_doc(Bare) is None
    assert inspect.getdoc(Bare.method) is None


def test_help_renders_the_package_and_its_modules():
    text = pydoc.render_doc(kexie, renderer=pydoc.plaintext)
    assert "企业科协" in text and "PACKAGE CONTENTS" in text
    for info in pkgutil.iter_modules(kexie.__path__):
        if public(info.name):
            assert info.name in text, info.name
    page = pydoc.render_doc(kexie.Campaign, renderer=pydoc.plaintext)
    assert "to_documents" in page and "from_document" in page and ">>>" in page
