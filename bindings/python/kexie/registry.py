"""Registry: organizations, people, memberships and member queries."""

from __future__ import annotations

import ctypes
import datetime
from dataclasses import dataclass
from typing import Any, Optional, Sequence

from . import _capi as C
from .enums import HonourKind, Level, OfficerRole, OrgKind, Ownership, Role, Title, TrainingKind

__all__ = ["Organization", "Person", "Membership", "MemberRow", "Rollup", "EducationStatus",
           "Registry"]


@dataclass(frozen=True)
class Appointment:
    """One appointment of an officer (A14, A15); ``last_day`` None while open.

    >>> reg.appointments(wang, date(2025, 3, 1))[0].role
    <OfficerRole.CHAIR: 0>
    """

    id: int
    person: int
    org: int
    role: OfficerRole
    first_day: datetime.date
    last_day: Optional[datetime.date]


@dataclass(frozen=True)
class Honour:
    """One honour (表彰奖励) of the registry; absent person, organization or
    activity are None.

    >>> reg.honours(person=li)[0].title
    '先进个人'
    """

    id: int
    kind: HonourKind
    person: Optional[int]
    organization: Optional[int]
    grantor: int
    title: str
    basis: str
    activity: Optional[int]
    date: datetime.date


def _honour(h: Any) -> Honour:
    return Honour(h.id, HonourKind(h.kind), h.person or None, h.organization or None, h.grantor,
                  h.title.decode("utf-8") if h.title else "",
                  h.basis.decode("utf-8") if h.basis else "", h.activity or None,
                  C.date_out(h.date))


@dataclass(frozen=True)
class Organization:
    """An organization as the registry holds it; ``last_day`` is None while it is
    active.

    >>> reg.organization(province).kind
    <OrgKind.LOCAL: 2>
    """

    id: int
    kind: OrgKind
    level: Level
    name: str
    first_day: datetime.date
    last_day: Optional[datetime.date]


@dataclass(frozen=True)
class Person:
    """A registered person.

    >>> reg.person(pid).name
    '王工'
    """

    id: int
    name: str
    birth: datetime.date
    employer: int
    title: Title


@dataclass(frozen=True)
class Membership:
    """One membership of a person in an organization; ``last_day`` None while open.

    >>> reg.memberships(pid)[0].role
    <Role.MEMBER: 0>
    """

    id: int
    person: int
    org: int
    role: Role
    first_day: datetime.date
    last_day: Optional[datetime.date]


@dataclass(frozen=True)
class MemberRow:
    """One row of ``Registry.members``: a member, the organization, the role set
    (a bitmask of ``1 << Role``), title, birth date and whether young on the day.

    >>> [row.person for row in reg.members(province, date(2025, 6, 30), young=True)]
    """

    person: int
    org: int
    roles: int
    title: Title
    birth: datetime.date
    young: bool


@dataclass(frozen=True)
class Rollup:
    """Member counts of a subtree on a day.

    >>> reg.rollup(province, date(2025, 6, 30)).members
    9
    """

    members: int
    young: int
    experts: int


@dataclass(frozen=True)
class EducationStatus:
    """A person's continuing education (继续教育, A5) over one calendar year.

    >>> reg.education_status(li, 2025).compliant
    True
    """

    year: int
    hours: int
    professional_hours: int
    compliant: bool
    shortfall: int


def _last(days: int) -> Optional[datetime.date]:
    return None if days == C.MAX_DAY else C.date_out(days)


class Registry(C.OwnedHandle):
    """Every organization, person and membership, with history. Books and
    campaigns built over it keep it alive: closing it while they live only marks
    it closed, and its C object is freed when the last of them is.

    >>> with kexie.Registry() as reg:
    ...     cast = reg.add_organization(kexie.OrgKind.NATIONAL, "中国科协", effective=date(1958, 9, 18))
    """

    def __init__(self, young_age_max: int = 35, annual_hours_min: int = 90,
                 professional_share: tuple[int, int] = (2, 3),
                 employer_tied_membership: bool = True) -> None:
        """A new, empty registry with its policy numbers: the age up to which a
        member counts as young, the minimum annual hours, the professional
        share as (numerator, denominator), and whether membership follows the
        employer (only a person the enterprise employs joins its association,
        branches and study groups: rule membership.employer, A1).

        >>> loose = kexie.Registry(employer_tied_membership=False)
        """
        self._fresh()
        num, den = professional_share
        opts = C.RegistryOptions(2, C.i32(young_age_max, "young_age_max"),
                                 C.i32(annual_hours_min, "annual_hours_min"),
                                 C.i32(num, "professional_share"),
                                 C.i32(den, "professional_share"),
                                 1 if employer_tied_membership else 0)
        h = C.c_void_p()
        C.check(C.lib.kx_registry_new(ctypes.byref(h), ctypes.byref(opts)))
        self._adopt(h, C.lib.kx_registry_free)

    # --- documents (kexie.registry/1) ----------------------------------------
    @classmethod
    def from_document(cls, text: str) -> Registry:
        """A registry built from a kexie.registry/1 document (str or UTF-8 bytes),
        keeping the document's codes for campaign and results documents. A refused
        document raises the error of its first problem, with every problem in
        ``.problems`` (pointer, line, column, rule, article, message).

        >>> reg = kexie.Registry.from_document(open("registry.json").read())
        """
        data = C.document(text, "text")
        self = cls.__new__(cls)
        self._fresh()
        h = C.c_void_p()
        C.check(C.lib.kx_registry_from_document(ctypes.byref(h), data, len(data)))
        self._adopt(h, C.lib.kx_registry_free)
        return self

    def to_document(self) -> str:
        """The canonical kexie.registry/1 text of the registry.

        >>> text = reg.to_document()
        """
        out = C.c_void_p()
        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_to_document(ctypes.byref(out), h))
        return C.owned_text(out)

    # --- organizations -----------------------------------------------------
    def add_organization(self, kind: OrgKind, name: str, parent: Optional[int] = None,
                         effective: Optional[datetime.date] = None, level: Level = Level.NONE,
                         enterprise_name: Optional[str] = None,
                         ownership: Ownership = Ownership.UNSPECIFIED,
                         industry: Optional[str] = None, region: Optional[str] = None) -> int:
        """Adds an organization and returns its id (an int).

        >>> reg.add_organization(kexie.OrgKind.LOCAL, "浙江省科协", cast, date(1960, 1, 1),
        ...                      kexie.Level.PROVINCIAL)
        """
        spec = C.OrgSpec(1, C.enum_in(kind, OrgKind, "kind"), C.s(name, "name"),
                         C.opt_u32(parent, "parent"), C.date_in(effective, "effective"),
                         C.enum_in(level, Level, "level"),
                         C.s(enterprise_name, "enterprise_name"),
                         C.enum_in(ownership, Ownership, "ownership"),
                         C.s(industry, "industry"), C.s(region, "region"))
        out = C.c_u32()
        with self._writing(Registry) as h:
            C.check(C.lib.kx_registry_add_org(ctypes.byref(out), h, ctypes.byref(spec)))
        return out.value

    def organization(self, org: int) -> Organization:
        """The organization's fields (``last_day`` None while active).

        >>> reg.organization(province).name
        '浙江省科协'
        """
        org = C.u32(org, "org")
        info = C.OrgInfo()
        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_org(ctypes.byref(info), h, org))
        name = C.c_void_p()
        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_org_name(ctypes.byref(name), h, org))
        return Organization(info.id, OrgKind(info.kind), Level(info.level), C.owned_text(name),
                            C.date_out(info.first_day), _last(info.last_day))

    def parent(self, org: int, as_of: datetime.date) -> Optional[int]:
        """The parent on `as_of`, or None for the root and partners.

        >>> reg.parent(steel, date(2025, 1, 1)) == city
        True
        """
        out = C.c_u32()
        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_parent(ctypes.byref(out), h, C.u32(org, "org"),
                                             C.date_in(as_of, "as_of")))
        return out.value or None

    def dissolve(self, org: int, last_day: datetime.date) -> None:
        """Dissolves `org`: `last_day` is its last active day.

        >>> reg.dissolve(group, date(2024, 12, 31))
        """
        with self._writing(Registry) as h:
            C.check(C.lib.kx_registry_dissolve(h, C.u32(org, "org"),
                                               C.date_in(last_day, "last_day")))

    def subtree(self, root: int, as_of: datetime.date,
                kind: Optional[OrgKind] = None) -> list[int]:
        """`root` and the organization ids below it on `as_of`, depth first;
        only those of `kind` when given.

        >>> reg.subtree(province, date(2025, 6, 30), kexie.OrgKind.ENTERPRISE)
        [4, 6]
        """
        ids: list[int] = []
        cb = C.ORG_CB(lambda org, _: ids.append(org) or 0)
        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_subtree_foreach(
                h, C.u32(root, "root"), C.date_in(as_of, "as_of"),
                -1 if kind is None else C.enum_in(kind, OrgKind, "kind"), cb, None))
        return ids

    # --- people ------------------------------------------------------------
    def add_person(self, name: str, birth: datetime.date, employer: int,
                   external_key: Optional[str] = None, title: Title = Title.NONE,
                   discipline: Optional[str] = None) -> int:
        """Registers a person employed by the enterprise association `employer`
        and returns the id; `external_key` (a staff number) is unique per employer.

        >>> reg.add_person("王工", date(1995, 5, 1), steel, "E-1", kexie.Title.INTERMEDIATE)
        """
        spec = C.PersonSpec(1, C.s(name, "name"), C.date_in(birth, "birth"),
                            C.u32(employer, "employer"), C.s(external_key, "external_key"),
                            C.enum_in(title, Title, "title"), C.s(discipline, "discipline"))
        out = C.c_u32()
        with self._writing(Registry) as h:
            C.check(C.lib.kx_registry_add_person(ctypes.byref(out), h, ctypes.byref(spec)))
        return out.value

    def person(self, person: int) -> Person:
        """The person's fields.

        >>> reg.person(pid).birth
        datetime.date(1995, 5, 1)
        """
        person = C.u32(person, "person")
        info = C.PersonInfo()
        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_person(ctypes.byref(info), h, person))
        name = C.c_void_p()
        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_person_name(ctypes.byref(name), h, person))
        return Person(info.id, C.owned_text(name), C.date_out(info.birth), info.employer,
                      Title(info.title))

    def find_person(self, employer: int, external_key: str) -> int:
        """The id of the person `employer` knows as `external_key`; NotFound if none.

        >>> reg.find_person(steel, "E-2")
        """
        out = C.c_u32()
        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_find_person(ctypes.byref(out), h,
                                                  C.u32(employer, "employer"),
                                                  C.s(external_key, "external_key")))
        return out.value

    def is_young(self, person: int, as_of: datetime.date) -> bool:
        """Whether `person` counts as young (青年) on `as_of`.

        >>> reg.is_young(pid, date(2025, 6, 30))
        True
        """
        out = C.c_int()
        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_is_young(ctypes.byref(out), h,
                                               C.u32(person, "person"), C.date_in(as_of, "as_of")))
        return bool(out.value)

    # --- memberships -------------------------------------------------------
    def add_membership(self, person: int, org: int, role: Role, first: datetime.date,
                       last: Optional[datetime.date] = None) -> int:
        """Adds `person` to `org` in `role` from `first` (to `last`, open when None)
        and returns the membership id.

        >>> reg.add_membership(pid, steel, kexie.Role.MEMBER, date(2015, 1, 1))
        """
        out = C.c_u32()
        with self._writing(Registry) as h:
            C.check(C.lib.kx_registry_add_membership(
                ctypes.byref(out), h, C.u32(person, "person"), C.u32(org, "org"),
                C.enum_in(role, Role, "role"), C.date_in(first, "first"), C.date_in(last, "last")))
        return out.value

    def end_membership(self, membership: int, last_day: datetime.date) -> None:
        """Ends a membership: `last_day` is its last day.

        >>> reg.end_membership(m, date(2029, 12, 31))
        """
        with self._writing(Registry) as h:
            C.check(C.lib.kx_registry_end_membership(h, C.u32(membership, "membership"),
                                                     C.date_in(last_day, "last_day")))

    def memberships(self, person: int) -> list[Membership]:
        """Every Membership of `person`, ended ones included, oldest first.

        >>> [m.org for m in reg.memberships(pid)]
        """
        rows: list[Membership] = []

        def collect(m: Any, _: object) -> int:
            m = m.contents
            rows.append(Membership(m.id, m.person, m.org, Role(m.role), C.date_out(m.first_day),
                                   _last(m.last_day)))
            return 0

        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_memberships_foreach(h, C.u32(person, "person"),
                                                          C.MEMBERSHIP_CB(collect), None))
        return rows

    def appoint(self, person: int, org: int, role: OfficerRole, first: datetime.date,
                last: Optional[datetime.date] = None) -> int:
        """Appoints `person` to office `role` of `org` (national, local, committee or
        society) from `first` (to `last`, open when None); returns the appointment id.

        >>> reg.appoint(wang, province, kexie.OfficerRole.CHAIR, date(2021, 1, 1))
        """
        out = C.c_u32()
        with self._writing(Registry) as h:
            C.check(C.lib.kx_registry_appoint(
                ctypes.byref(out), h, C.u32(person, "person"), C.u32(org, "org"),
                C.enum_in(role, OfficerRole, "role"), C.date_in(first, "first"),
                C.date_in(last, "last")))
        return out.value

    def add_expert(self, person: int, org: int, fields: Sequence[str], first: datetime.date,
                   last: Optional[datetime.date] = None) -> int:
        """Lists `person` in `org`'s expert pool (专家库) with `fields` of expertise
        from `first` (to `last`, open when None); returns the listing id.

        >>> reg.add_expert(li, province, ["energy saving"], date(2024, 1, 1))
        """
        texts = [C.s(f, "field") for f in fields]
        array = (C.c_str * max(len(texts), 1))(*texts)
        out = C.c_u32()
        with self._writing(Registry) as h:
            C.check(C.lib.kx_registry_add_expert(
                ctypes.byref(out), h, C.u32(person, "person"), C.u32(org, "org"), array,
                len(texts), C.date_in(first, "first"), C.date_in(last, "last")))
        return out.value

    def add_training(self, person: int, hours: int, kind: TrainingKind,
                     date: datetime.date) -> int:
        """Records `hours` (≥ 1) of continuing education (继续教育, A5) of `kind` on
        `date`; returns the record's id. InvalidArgument `training.hours` for hours < 1.

        >>> reg.add_training(li, 60, TrainingKind.PROFESSIONAL, date(2025, 4, 1))
        """
        out = C.c_u32()
        with self._writing(Registry) as h:
            C.check(C.lib.kx_registry_add_training(
                ctypes.byref(out), h, C.u32(person, "person"), C.i32(hours, "hours"),
                C.enum_in(kind, TrainingKind, "kind"), C.date_in(date, "date")))
        return out.value

    def education_status(self, person: int, year: int) -> EducationStatus:
        """`person`'s continuing education in calendar `year` against the policy
        (default: ≥ 90 hours, ≥ 2/3 professional).

        >>> reg.education_status(li, 2025).shortfall
        0
        """
        s = C.EducationStatus()
        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_education_status(ctypes.byref(s), h,
                                                       C.u32(person, "person"),
                                                       C.i32(year, "year")))
        return EducationStatus(s.year, s.hours, s.professional_hours, bool(s.compliant),
                               s.shortfall)

    def end_appointment(self, appointment: int, last_day: datetime.date) -> None:
        """Ends an appointment: `last_day` is its last day.

        >>> reg.end_appointment(a, date(2025, 12, 31))
        """
        with self._writing(Registry) as h:
            C.check(C.lib.kx_registry_end_appointment(h, C.u32(appointment, "appointment"),
                                                      C.date_in(last_day, "last_day")))

    def appointments(self, person: int, as_of: datetime.date) -> list[Appointment]:
        """The Appointments of `person` in effect on `as_of`.

        >>> [a.org for a in reg.appointments(wang, date(2025, 3, 1))]
        """
        rows: list[Appointment] = []

        def collect(a: Any, _: object) -> int:
            a = a.contents
            rows.append(Appointment(a.id, a.person, a.org, OfficerRole(a.role),
                                    C.date_out(a.first_day), _last(a.last_day)))
            return 0

        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_appointments_foreach(
                h, C.u32(person, "person"), C.date_in(as_of, "as_of"),
                C.APPOINTMENT_CB(collect), None))
        return rows

    @staticmethod
    def _honour_spec(kind: HonourKind, grantor: int, title: str, date: datetime.date,
                     person: Optional[int], organization: Optional[int], basis: str,
                     activity: Optional[int]) -> Any:
        return C.HonourSpec(1, C.enum_in(kind, HonourKind, "kind"),
                            0 if person is None else C.u32(person, "person"),
                            0 if organization is None else C.u32(organization, "organization"),
                            C.u32(grantor, "grantor"), C.s(title, "title"), C.s(basis, "basis"),
                            0 if activity is None else C.u32(activity, "activity"),
                            C.date_in(date, "date"))

    def record_honour(self, kind: HonourKind, grantor: int, title: str, date: datetime.date,
                      person: Optional[int] = None, organization: Optional[int] = None,
                      basis: str = "", activity: Optional[int] = None) -> int:
        """Records an honour (never deleted) and returns its id; refusals raise
        with the rule id (honour.scope, honour.grantor, …).

        >>> reg.record_honour(kexie.HonourKind.ADVANCED_UNIT, province, "先进单位",
        ...                   date(2025, 12, 20), organization=steel, basis="2025 讲比")
        """
        spec = self._honour_spec(kind, grantor, title, date, person, organization, basis,
                                 activity)
        out = C.c_u32()
        with self._writing(Registry) as h:
            C.check(C.lib.kx_registry_record_honour(ctypes.byref(out), h, ctypes.byref(spec)))
        return out.value

    def record_honours(self, honours: list[dict[str, Any]]) -> None:
        """Records every honour of `honours` (dicts of record_honour's keyword
        arguments) or none.

        >>> reg.record_honours([dict(kind=kexie.HonourKind.ADVANCED_INDIVIDUAL,
        ...                          grantor=province, title="先进个人",
        ...                          date=date(2025, 12, 20), person=li)])
        """
        specs = [self._honour_spec(d["kind"], d["grantor"], d["title"], d["date"],
                                   d.get("person"), d.get("organization"), d.get("basis", ""),
                                   d.get("activity")) for d in honours]
        arr = (C.HonourSpec * max(len(specs), 1))(*specs)
        with self._writing(Registry) as h:
            C.check(C.lib.kx_registry_record_honours(h, arr, len(specs)))

    def honours(self, person: Optional[int] = None,
                organization: Optional[int] = None) -> list[Honour]:
        """The Honours of `person`, or else of `organization`, oldest first.

        >>> [h.title for h in reg.honours(person=li)]
        """
        if (person is None) == (organization is None):
            raise TypeError("give exactly one of person and organization")
        rows: list[Honour] = []

        def collect(x: Any, _: object) -> int:
            rows.append(_honour(x.contents))
            return 0

        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_honours_foreach(
                h, 0 if person is None else C.u32(person, "person"),
                0 if organization is None else C.u32(organization, "organization"),
                C.HONOUR_CB(collect), None))
        return rows

    def honours_granted(self, root: int, first: datetime.date,
                        last: datetime.date) -> list[Honour]:
        """The Honours granted by `root` or an organization under it, dated from
        `first` to `last`.

        >>> len(reg.honours_granted(province, date(2025, 1, 1), date(2025, 12, 31)))
        """
        rows: list[Honour] = []

        def collect(x: Any, _: object) -> int:
            rows.append(_honour(x.contents))
            return 0

        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_honours_granted_foreach(
                h, C.u32(root, "root"), C.date_in(first, "first"), C.date_in(last, "last"),
                C.HONOUR_CB(collect), None))
        return rows

    def award_exemplary(self, org: int, first: datetime.date, last: datetime.date,
                        grantor: int, basis: str) -> None:
        """Records the exemplary award (先进企业科协, A14) of `org` with its grantor
        (a local association above it) and basis, as an honour too.

        >>> reg.award_exemplary(steel, date(2025, 1, 1), date(2025, 12, 31), city, "考核评价")
        """
        with self._writing(Registry) as h:
            C.check(C.lib.kx_registry_award_exemplary(
                h, C.u32(org, "org"), C.date_in(first, "first"), C.date_in(last, "last"),
                C.u32(grantor, "grantor"), C.s(basis, "basis")))

    def members(self, root: int, as_of: datetime.date, role: Optional[Role] = None,
                young: bool = False, min_title: Optional[Title] = None,
                discipline: Optional[str] = None) -> list[MemberRow]:
        """A MemberRow per member of `root`'s subtree on `as_of` passing the filter
        (one batch call into the library).

        >>> len(reg.members(province, date(2025, 6, 30), young=True))
        3
        """
        f = C.MemberFilter(1, -1 if role is None else C.enum_in(role, Role, "role"),
                           1 if young else 0,
                           -1 if min_title is None else C.enum_in(min_title, Title, "min_title"),
                           C.s(discipline, "discipline"))
        rows = ctypes.POINTER(C.MemberRow)()
        n = C.c_size()
        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_members(ctypes.byref(rows), ctypes.byref(n), h,
                                              C.u32(root, "root"), C.date_in(as_of, "as_of"),
                                              ctypes.byref(f)))
        try:
            return [MemberRow(r.person, r.org, r.roles, Title(r.title), C.date_out(r.birth),
                              bool(r.young)) for r in rows[:n.value]]
        finally:
            C.lib.kx_member_rows_free(rows)

    def rollup(self, org: int, as_of: datetime.date) -> Rollup:
        """Member counts of `org`'s subtree on `as_of`.

        >>> reg.rollup(province, date(2025, 6, 30))
        Rollup(members=9, young=3, experts=0)
        """
        r = C.Rollup()
        with self._reading(Registry) as h:
            C.check(C.lib.kx_registry_rollup(ctypes.byref(r), h, C.u32(org, "org"),
                                             C.date_in(as_of, "as_of")))
        return Rollup(r.members, r.young, r.experts)
