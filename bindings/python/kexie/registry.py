"""Registry: organizations, people, memberships and member queries."""

import ctypes
from collections import namedtuple

from . import _capi as C
from .enums import Level, OrgKind, Ownership, Role, Title

Organization = namedtuple("Organization", "id kind level name first_day last_day")
Person = namedtuple("Person", "id name birth employer title")
Membership = namedtuple("Membership", "id person org role first_day last_day")
MemberRow = namedtuple("MemberRow", "person org roles title birth young")
Rollup = namedtuple("Rollup", "members young experts")


def _last(days):
    return None if days == C.MAX_DAY else C.date_out(days)


class Registry(C.OwnedHandle):
    """Every organization, person and membership, with history.

    >>> with kexie.Registry() as reg:
    ...     cast = reg.add_organization(kexie.OrgKind.NATIONAL, "中国科协", effective=date(1958, 9, 18))
    """

    _free = staticmethod(C.lib.kx_registry_free)

    def __init__(self, young_age_max=35, annual_hours_min=90, professional_share=(2, 3)):
        opts = C.RegistryOptions(1, young_age_max, annual_hours_min, professional_share[0],
                                 professional_share[1])
        self._h = C.c_void_p()
        C.check(C.lib.kx_registry_new(ctypes.byref(self._h), ctypes.byref(opts)))

    # --- organizations -----------------------------------------------------
    def add_organization(self, kind, name, parent=None, effective=None, level=Level.NONE,
                         enterprise_name=None, ownership=Ownership.UNSPECIFIED, industry=None,
                         region=None):
        """Adds an organization and returns its id (an int)."""
        spec = C.OrgSpec(1, int(kind), C.s(name), parent or 0, C.date_in(effective), int(level),
                         C.s(enterprise_name), int(ownership), C.s(industry), C.s(region))
        out = C.c_u32()
        C.check(C.lib.kx_registry_add_org(ctypes.byref(out), self.handle, ctypes.byref(spec)))
        return out.value

    def organization(self, org):
        """The organization's fields as an Organization tuple (last_day None while active)."""
        info = C.OrgInfo()
        C.check(C.lib.kx_registry_org(ctypes.byref(info), self.handle, org))
        name = C.c_void_p()
        C.check(C.lib.kx_registry_org_name(ctypes.byref(name), self.handle, org))
        return Organization(info.id, OrgKind(info.kind), Level(info.level), C.owned_text(name),
                            C.date_out(info.first_day), _last(info.last_day))

    def parent(self, org, as_of):
        """The parent on `as_of`, or None for the root and partners."""
        out = C.c_u32()
        C.check(C.lib.kx_registry_parent(ctypes.byref(out), self.handle, org, C.date_in(as_of)))
        return out.value or None

    def dissolve(self, org, last_day):
        C.check(C.lib.kx_registry_dissolve(self.handle, org, C.date_in(last_day)))

    def subtree(self, root, as_of, kind=None):
        """Yields `root` and the organization ids below it on `as_of`, depth first."""
        ids = []
        cb = C.ORG_CB(lambda org, _: ids.append(org) or 0)
        C.check(C.lib.kx_registry_subtree_foreach(self.handle, root, C.date_in(as_of),
                                                  -1 if kind is None else int(kind), cb, None))
        yield from ids

    # --- people ------------------------------------------------------------
    def add_person(self, name, birth, employer, external_key=None, title=Title.NONE,
                   discipline=None):
        """Registers a person and returns the id."""
        spec = C.PersonSpec(1, C.s(name), C.date_in(birth), employer, C.s(external_key),
                            int(title), C.s(discipline))
        out = C.c_u32()
        C.check(C.lib.kx_registry_add_person(ctypes.byref(out), self.handle, ctypes.byref(spec)))
        return out.value

    def person(self, person):
        info = C.PersonInfo()
        C.check(C.lib.kx_registry_person(ctypes.byref(info), self.handle, person))
        name = C.c_void_p()
        C.check(C.lib.kx_registry_person_name(ctypes.byref(name), self.handle, person))
        return Person(info.id, C.owned_text(name), C.date_out(info.birth), info.employer,
                      Title(info.title))

    def find_person(self, employer, external_key):
        out = C.c_u32()
        C.check(C.lib.kx_registry_find_person(ctypes.byref(out), self.handle, employer,
                                              C.s(external_key)))
        return out.value

    def is_young(self, person, as_of):
        out = C.c_int()
        C.check(C.lib.kx_registry_is_young(ctypes.byref(out), self.handle, person,
                                           C.date_in(as_of)))
        return bool(out.value)

    # --- memberships -------------------------------------------------------
    def add_membership(self, person, org, role, first, last=None):
        out = C.c_u32()
        C.check(C.lib.kx_registry_add_membership(ctypes.byref(out), self.handle, person, org,
                                                 int(role), C.date_in(first), C.date_in(last)))
        return out.value

    def end_membership(self, membership, last_day):
        C.check(C.lib.kx_registry_end_membership(self.handle, membership, C.date_in(last_day)))

    def memberships(self, person):
        """Yields every Membership of `person`, ended ones included."""
        rows = []

        def collect(m, _):
            m = m.contents
            rows.append(Membership(m.id, m.person, m.org, Role(m.role), C.date_out(m.first_day),
                                   _last(m.last_day)))
            return 0

        C.check(C.lib.kx_registry_memberships_foreach(self.handle, person,
                                                      C.MEMBERSHIP_CB(collect), None))
        yield from rows

    def members(self, root, as_of, role=None, young=False, min_title=None, discipline=None):
        """Yields a MemberRow per member of `root`'s subtree on `as_of` passing the filter
        (one batch call into the library)."""
        f = C.MemberFilter(1, -1 if role is None else int(role), 1 if young else 0,
                           -1 if min_title is None else int(min_title), C.s(discipline))
        rows = ctypes.POINTER(C.MemberRow)()
        n = C.c_size()
        C.check(C.lib.kx_registry_members(ctypes.byref(rows), ctypes.byref(n), self.handle, root,
                                          C.date_in(as_of), ctypes.byref(f)))
        try:
            out = [MemberRow(r.person, r.org, r.roles, Title(r.title), C.date_out(r.birth),
                             bool(r.young)) for r in rows[:n.value]]
        finally:
            C.lib.kx_member_rows_free(rows)
        yield from out

    def rollup(self, org, as_of):
        r = C.Rollup()
        C.check(C.lib.kx_registry_rollup(ctypes.byref(r), self.handle, org, C.date_in(as_of)))
        return Rollup(r.members, r.young, r.experts)
