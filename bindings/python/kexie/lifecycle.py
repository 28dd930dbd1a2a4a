"""Activities: actors, the activity book with its audit trail, and Activity
objects with one method per lifecycle transition."""

from __future__ import annotations

import ctypes
import datetime
import decimal
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Union

from . import _capi as C
from .enums import ActivityDetails, ActivityType, AuditFault, Grade, Operation, Role, State

from .registry import Registry

__all__ = ["AuditRecord", "AuditVerification", "ActivityInfo", "Actor", "ActivityBook",
           "Activity"]

DecimalLike = Union[decimal.Decimal, int, str]


@dataclass(frozen=True)
class AuditRecord:
    """One record of an activity book's hash-chained audit trail: an operation
    done or refused (``code`` is 0 or the refusal's KX_E* code).

    >>> book.audit()[0].operation
    <Operation.CREATE: 14>
    """

    sequence: int
    activity: int
    actor: int
    at: datetime.datetime
    operation: Operation
    from_state: State
    to_state: State
    code: int
    security_event: bool
    rule: str
    reason: str
    message: str
    hash: str


@dataclass(frozen=True)
class AuditVerification:
    """The result of ``ActivityBook.verify_audit``: ``fault`` is AuditFault.NONE
    when the chain is intact, else ``first_bad`` is the first bad record's sequence.

    >>> book.verify_audit().fault is kexie.AuditFault.NONE
    True
    """

    fault: AuditFault
    first_bad: int


@dataclass(frozen=True)
class ActivityInfo:
    """An activity's current fields; ``grade`` and ``score`` are None until it is
    concluded.

    >>> activity.info().state
    <State.DRAFT: 0>
    """

    id: int
    kind: ActivityType
    state: State
    organizer: int
    owner: int
    responsible: int
    grade: Optional[Grade]
    score: Optional[decimal.Decimal]
    created: datetime.datetime
    last_event: datetime.datetime


class Actor(C.OwnedHandle):
    """A person acting in roles.

    >>> chair = kexie.Actor(900, roles=[(kexie.Role.CHAIR, province)])
    """

    def __init__(self, person: int, roles: Iterable[tuple[Role, int]] = (),
                 expert_pools: Iterable[int] = ()) -> None:
        """An actor for `person` holding each (role, org) of `roles` and listed in
        the expert pool of each org of `expert_pools`."""
        self._fresh()
        person = C.u32(person, "person")
        roles = [(C.enum_in(r, Role, "role"), C.u32(o, "org")) for r, o in roles]
        expert_pools = [C.u32(o, "expert pool org") for o in expert_pools]
        h = C.c_void_p()
        C.check(C.lib.kx_actor_new(ctypes.byref(h), person))
        self._adopt(h, C.lib.kx_actor_free)
        self.__dict__["_person"] = person
        for role, org in roles:
            self.add_role(role, org)
        for org in expert_pools:
            self.add_expert_pool(org)

    @property
    def person(self) -> int:
        """The person the actor is."""
        person: int = self.__dict__["_person"]
        return person

    @classmethod
    def from_registry(cls, registry: Registry, person: int, as_of: datetime.date) -> Actor:
        """Every role and expert listing `person` holds in `registry` on `as_of`
        (a copy: the actor does not keep the registry).

        >>> owner = kexie.Actor.from_registry(reg, pid, date(2025, 3, 1))
        """
        person = C.u32(person, "person")
        day = C.date_in(as_of, "as_of")
        h = C.c_void_p()
        with C.hold((registry, Registry, "registry", False)) as (reg,):
            C.check(C.lib.kx_actor_from_registry(ctypes.byref(h), reg, person, day))
        self = cls.__new__(cls)
        self._adopt(h, C.lib.kx_actor_free)
        self.__dict__["_person"] = person
        return self

    def add_role(self, role: Role, org: int) -> Actor:
        """Adds `role` in `org`; returns self.

        >>> actor.add_role(kexie.Role.CHAIR, steel)
        """
        with self._writing(Actor) as h:
            C.check(C.lib.kx_actor_add_role(h, C.enum_in(role, Role, "role"),
                                            C.u32(org, "org")))
        return self

    def add_expert_pool(self, org: int) -> Actor:
        """Lists the actor in `org`'s expert pool; returns self.

        >>> actor.add_expert_pool(steel)
        """
        with self._writing(Actor) as h:
            C.check(C.lib.kx_actor_add_expert_pool(h, C.u32(org, "org")))
        return self


def check_backed(registry: Registry, actor: Actor, on: datetime.date) -> None:
    """Raises PermissionDenied (rule "actor.unbacked_role", A14) unless the
    registry backs every role and expert listing `actor` claims on `on`.

    >>> kexie.check_backed(reg, chair, date(2025, 3, 1))
    """
    with C.hold((registry, Registry, "registry", False), (actor, Actor, "actor", False)) as (r, a):
        C.check(C.lib.kx_actor_backed(r, a, C.date_in(on, "on")))


class ActivityBook(C.OwnedHandle):
    """Activities and their hash-chained audit trail, over a Registry (which the
    book keeps alive).

    >>> book = kexie.ActivityBook(reg)
    """

    def __init__(self, registry: Registry, allow_asserted_roles: bool = False) -> None:
        """An empty book over `registry` (kept alive by the book: closing the
        registry first only marks it closed); TypeError for a `registry` that is
        not a Registry. `allow_asserted_roles=True` is the opt-in for migrations
        and tests: roles an Actor asserts without the registry backing them are
        accepted (and marked in the audit trail) instead of refused with
        PermissionDenied, rule "actor.unbacked_role".

        >>> book = kexie.ActivityBook(reg, allow_asserted_roles=True)
        """
        self._fresh()
        h = C.c_void_p()
        with C.hold((registry, Registry, "registry", False)) as (reg,):
            C.check(C.lib.kx_book_new(ctypes.byref(h), reg))
            self._adopt(h, C.lib.kx_book_free, registry.__dict__["_node"])
            if allow_asserted_roles:
                C.check(C.lib.kx_book_allow_asserted_roles(h, 1))
        self._registry = registry

    def create(self, actor: Actor, at: datetime.datetime, kind: ActivityType, title: str,
               organizer: int, owner: int, responsible: int,
               planned: tuple[datetime.date, datetime.date], team: Iterable[int] = (),
               details: Optional[tuple[str, Any]] = None, reason: str = "") -> Activity:
        """Opens an activity of `kind` in draft and returns its Activity. `planned`
        is a (first, last) pair of dates; `details` is None or a pair naming an
        ActivityDetails in lower case with its value: ("popularization", 1),
        ("innovation", 0), ("cooperation", partner_id) or
        ("training", (kind2, hours)).

        >>> a = book.create(owner, at, kexie.ActivityType.JIANGBI_CAMPAIGN, "讲比", steel,
        ...                 branch, pid, (date(2025, 3, 1), date(2025, 11, 30)))
        """
        team = [C.u32(p, "team member") for p in team]
        first, last = planned
        team_arr = (C.c_u32 * max(len(team), 1))(*team)
        plan = C.ActivityPlan(1, C.enum_in(kind, ActivityType, "kind"), C.s(title, "title"),
                              C.u32(organizer, "organizer"), C.u32(owner, "owner"),
                              C.u32(responsible, "responsible"), team_arr, len(team),
                              C.date_in(first, "planned[0]"), C.date_in(last, "planned[1]"),
                              0, 0, 0)
        if details is not None:
            which, value = details
            try:
                plan.details = int(ActivityDetails[str(which).upper()])
            except KeyError:
                raise ValueError("kexie: unknown activity details %r" % (which,)) from None
            if plan.details == ActivityDetails.TRAINING:
                kind2, hours = value
                plan.detail_kind2 = C.i32(kind2, "training kind")
                plan.detail_value = C.u32(hours, "training hours")
            else:
                plan.detail_value = C.u32(value, "details value")
        out = C.c_u32()
        at_text, reason_text = C.time_in(at, "at"), C.s(reason, "reason")
        with C.hold((self, ActivityBook, "book", True), (actor, Actor, "actor", False)) as hs:
            C.check(C.lib.kx_activity_create(ctypes.byref(out), hs[0], hs[1], at_text,
                                             ctypes.byref(plan), reason_text))
        return Activity(self, out.value)

    def activity(self, activity_id: int) -> Activity:
        """The Activity with this id (checked: NotFound if none).

        >>> book.activity(a.id).state
        """
        a = Activity(self, C.u32(activity_id, "activity"))
        a.info()
        return a

    def __len__(self) -> int:
        """The number of activities."""
        n = C.c_size()
        with self._reading(ActivityBook) as h:
            C.check(C.lib.kx_book_size(ctypes.byref(n), h))
        return n.value

    def audit(self) -> list[AuditRecord]:
        """Every AuditRecord, oldest first.

        >>> [r.operation for r in book.audit()]
        """
        rows: list[AuditRecord] = []

        def collect(r: Any, _: object) -> int:
            r = r.contents
            rows.append(AuditRecord(r.sequence, r.activity, r.actor, C.time_out(r.at),
                                    Operation(r.operation), State(r.from_), State(r.to), r.code,
                                    bool(r.security_event), C.text(r.rule), C.text(r.reason),
                                    C.text(r.message), C.text(r.hash)))
            return 0

        with self._reading(ActivityBook) as h:
            C.check(C.lib.kx_book_audit_foreach(h, C.AUDIT_CB(collect), None))
        return rows

    def chain_head(self) -> str:
        """The chain head "count:hex", to keep elsewhere.

        >>> head = book.chain_head()
        """
        out = C.c_void_p()
        with self._reading(ActivityBook) as h:
            C.check(C.lib.kx_book_chain_head(ctypes.byref(out), h))
        return C.owned_text(out)

    def verify_audit(self, expected_head: Optional[str] = None) -> AuditVerification:
        """Checks the audit chain (against `expected_head` when given).

        >>> book.verify_audit(head).fault
        <AuditFault.NONE: 0>
        """
        v = C.AuditVerification()
        with self._reading(ActivityBook) as h:
            C.check(C.lib.kx_book_verify_audit(ctypes.byref(v), h,
                                               C.s(expected_head, "expected_head")))
        return AuditVerification(AuditFault(v.fault), v.first_bad)


class Activity:
    """One activity of a book; every transition is a method taking (actor, at,
    reason) and raising the refusal's exception (IllegalTransition,
    PermissionDenied, ConflictOfInterest, ...).

    >>> a.submit(owner, datetime(2025, 3, 2, tzinfo=timezone.utc), "ready")
    """

    __slots__ = ("_book", "_id")

    def __init__(self, book: ActivityBook, activity_id: int) -> None:
        """The activity `activity_id` of `book` (not checked; see ActivityBook.activity);
        TypeError when `book` is not an ActivityBook."""
        if not isinstance(book, ActivityBook):
            raise TypeError("kexie: book must be an ActivityBook, not %s" % type(book).__name__)
        self._book = book
        self._id = C.u32(activity_id, "activity")

    @property
    def book(self) -> ActivityBook:
        """The ActivityBook holding the activity."""
        return self._book

    @property
    def id(self) -> int:
        """The activity's id."""
        return self._id

    def __repr__(self) -> str:
        return "Activity(%d)" % self._id

    def _change(self, actor: Actor) -> Any:
        """Holds the book for writing and `actor` for reading: (book, actor) handles."""
        return C.hold((self._book, ActivityBook, "book", True), (actor, Actor, "actor", False))

    def apply(self, operation: Operation, actor: Actor, at: datetime.datetime,
              reason: str = "") -> None:
        """Applies `operation` (any but CONCLUDE and REPORT_PROGRESS, which take more).

        >>> a.apply(kexie.Operation.SUBMIT, owner, at)
        """
        op = C.enum_in(operation, Operation, "operation")
        at_text, reason_text = C.time_in(at, "at"), C.s(reason, "reason")
        with self._change(actor) as (book, who):
            C.check(C.lib.kx_activity_apply(book, self._id, op, who, at_text, reason_text))

    def submit(self, actor: Actor, at: datetime.datetime, reason: str = "") -> None:
        """Draft -> submitted.

        >>> act.submit(secretary, datetime.datetime(2025, 3, 1, 9, 0))
        """
        self.apply(Operation.SUBMIT, actor, at, reason)

    def withdraw(self, actor: Actor, at: datetime.datetime, reason: str) -> None:
        """Submitted -> withdrawn (a reason is required).

        >>> act.withdraw(secretary, at, "预算未落实")
        """
        self.apply(Operation.WITHDRAW, actor, at, reason)

    def approve(self, actor: Actor, at: datetime.datetime, reason: str = "") -> None:
        """Submitted -> approved (立项).

        >>> act.approve(chair, datetime.datetime(2025, 3, 10, 9, 0))
        """
        self.apply(Operation.APPROVE, actor, at, reason)

    def reject(self, actor: Actor, at: datetime.datetime, reason: str) -> None:
        """Submitted -> rejected (a reason is required).

        >>> act.reject(chair, at, "与年度计划重复")
        """
        self.apply(Operation.REJECT, actor, at, reason)

    def start(self, actor: Actor, at: datetime.datetime, reason: str = "") -> None:
        """Approved -> in progress.

        >>> act.start(secretary, datetime.datetime(2025, 4, 1, 9, 0))
        """
        self.apply(Operation.START, actor, at, reason)

    def suspend(self, actor: Actor, at: datetime.datetime, reason: str) -> None:
        """In progress -> suspended (a reason is required).

        >>> act.suspend(chair, at, "场地整改")
        """
        self.apply(Operation.SUSPEND, actor, at, reason)

    def resume(self, actor: Actor, at: datetime.datetime, reason: str = "") -> None:
        """Suspended -> in progress.

        >>> act.resume(chair, at)
        """
        self.apply(Operation.RESUME, actor, at, reason)

    def terminate(self, actor: Actor, at: datetime.datetime, reason: str) -> None:
        """Ends the activity early (a reason is required).

        >>> act.terminate(chair, at, "合作方退出")
        """
        self.apply(Operation.TERMINATE, actor, at, reason)

    def complete(self, actor: Actor, at: datetime.datetime, reason: str = "") -> None:
        """In progress -> completed.

        >>> act.complete(secretary, datetime.datetime(2025, 10, 31, 17, 0))
        """
        self.apply(Operation.COMPLETE, actor, at, reason)

    def open_evaluation(self, actor: Actor, at: datetime.datetime, reason: str = "") -> None:
        """Completed -> under evaluation.

        >>> act.open_evaluation(chair, datetime.datetime(2025, 11, 3, 9, 0))
        """
        self.apply(Operation.OPEN_EVALUATION, actor, at, reason)

    def conclude(self, actor: Actor, at: datetime.datetime, score: DecimalLike,
                 reason: str = "") -> Grade:
        """Records the evaluation score (a Decimal, int or str) and returns the
        Grade it earns.

        >>> a.conclude(boss, at, Decimal("92.50"))
        <Grade.EXCELLENT: 0>
        """
        g = C.c_int()
        args = C.time_in(at, "at"), C.dec_in(score, "score"), C.s(reason, "reason")
        with self._change(actor) as (book, who):
            C.check(C.lib.kx_activity_conclude(ctypes.byref(g), book, self._id, who, *args))
        return Grade(g.value)

    def commend(self, actor: Actor, at: datetime.datetime, reason: str = "") -> None:
        """Evaluated -> commended (表彰).

        >>> act.commend(chair, datetime.datetime(2025, 12, 20, 9, 0))
        """
        self.apply(Operation.COMMEND, actor, at, reason)

    def archive(self, actor: Actor, at: datetime.datetime, reason: str = "") -> None:
        """Closes the file on a finished activity.

        >>> act.archive(secretary, datetime.datetime(2026, 1, 5, 9, 0))
        """
        self.apply(Operation.ARCHIVE, actor, at, reason)

    def report_progress(self, actor: Actor, at: datetime.datetime, percent: int,
                        text: str) -> None:
        """Records progress (0 to 100 percent) on an activity in progress.

        >>> a.report_progress(owner, at, 40, "pilot line")
        """
        args = C.time_in(at, "at"), C.i32(percent, "percent"), C.s(text, "text")
        with self._change(actor) as (book, who):
            C.check(C.lib.kx_activity_report_progress(book, self._id, who, *args))

    def info(self) -> ActivityInfo:
        """The activity's current fields.

        >>> a.info().score
        Decimal('92.50')
        """
        a = C.ActivityInfo()
        with self._book._reading(ActivityBook) as book:
            C.check(C.lib.kx_activity_get(ctypes.byref(a), book, self._id))
        return ActivityInfo(a.id, ActivityType(a.type), State(a.state), a.organizer, a.owner,
                            a.responsible, Grade(a.grade) if a.has_grade else None,
                            C.dec_out(a.score.text), C.time_out(a.created),
                            C.time_out(a.last_event))

    @property
    def state(self) -> State:
        """The current state."""
        return self.info().state

    def state_at(self, at: datetime.datetime) -> State:
        """The state the activity was in at `at`.

        >>> a.state_at(at)
        <State.SUBMITTED: 1>
        """
        out = C.c_int()
        at_text = C.time_in(at, "at")
        with self._book._reading(ActivityBook) as book:
            C.check(C.lib.kx_activity_state_at(ctypes.byref(out), book, self._id, at_text))
        return State(out.value)
