"""Activities: actors, the activity book with its audit trail, and Activity
objects with one method per lifecycle transition."""

import ctypes
from collections import namedtuple

from . import _capi as C
from .enums import ActivityType, AuditFault, Grade, Operation, State

AuditRecord = namedtuple(
    "AuditRecord",
    "sequence activity actor at operation from_state to_state code security_event rule reason "
    "message hash")
AuditVerification = namedtuple("AuditVerification", "fault first_bad")
ActivityInfo = namedtuple("ActivityInfo",
                          "id type state organizer owner responsible grade score created "
                          "last_event")

_DETAILS = {"popularization": 1, "innovation": 2, "cooperation": 3, "training": 4}


class Actor(C.OwnedHandle):
    """A person acting in roles.

    >>> chair = kexie.Actor(900, roles=[(kexie.Role.CHAIR, province)])
    """

    _free = staticmethod(C.lib.kx_actor_free)

    def __init__(self, person, roles=(), expert_pools=(), _handle=None):
        self._h = C.c_void_p()
        if _handle is not None:
            self._h = _handle
        else:
            C.check(C.lib.kx_actor_new(ctypes.byref(self._h), person))
        self.person = person
        for role, org in roles:
            self.add_role(role, org)
        for org in expert_pools:
            self.add_expert_pool(org)

    @classmethod
    def from_registry(cls, registry, person, as_of):
        """Every role and expert listing `person` holds in `registry` on `as_of`."""
        h = C.c_void_p()
        C.check(C.lib.kx_actor_from_registry(ctypes.byref(h), registry.handle, person,
                                             C.date_in(as_of)))
        return cls(person, _handle=h)

    def add_role(self, role, org):
        C.check(C.lib.kx_actor_add_role(self.handle, int(role), org))
        return self

    def add_expert_pool(self, org):
        C.check(C.lib.kx_actor_add_expert_pool(self.handle, org))
        return self


class ActivityBook(C.OwnedHandle):
    """Activities and their hash-chained audit trail, over a Registry (which must
    outlive the book)."""

    _free = staticmethod(C.lib.kx_book_free)

    def __init__(self, registry):
        self._registry = registry  # keeps it alive
        self._h = C.c_void_p()
        C.check(C.lib.kx_book_new(ctypes.byref(self._h), registry.handle))

    def create(self, actor, at, type, title, organizer, owner, responsible, planned, team=(),
               details=None, reason=""):
        """Opens an activity in draft and returns its Activity. `planned` is a
        (first, last) pair of dates; `details` is None or a pair such as
        ("popularization", 1), ("cooperation", partner_id), ("training", (kind, hours))."""
        team_arr = (C.c_u32 * max(len(team), 1))(*team)
        plan = C.ActivityPlan(1, int(type), C.s(title), organizer, owner, responsible, team_arr,
                              len(team), C.date_in(planned[0]), C.date_in(planned[1]), 0, 0, 0)
        if details is not None:
            kind, value = details
            plan.details = _DETAILS[kind]
            if kind == "training":
                plan.detail_kind2, plan.detail_value = int(value[0]), int(value[1])
            else:
                plan.detail_value = int(value)
        out = C.c_u32()
        C.check(C.lib.kx_activity_create(ctypes.byref(out), self.handle, actor.handle,
                                         C.time_in(at), ctypes.byref(plan), C.s(reason)))
        return Activity(self, out.value)

    def activity(self, activity_id):
        """The Activity with this id (checked)."""
        a = Activity(self, activity_id)
        a.info()
        return a

    def __len__(self):
        n = C.c_size()
        C.check(C.lib.kx_book_size(ctypes.byref(n), self.handle))
        return n.value

    def audit(self):
        """Yields every AuditRecord, oldest first."""
        rows = []

        def collect(r, _):
            r = r.contents
            rows.append(AuditRecord(r.sequence, r.activity, r.actor, C.time_out(r.at),
                                    Operation(r.operation), State(r.from_), State(r.to), r.code,
                                    bool(r.security_event), C.text(r.rule), C.text(r.reason),
                                    C.text(r.message), C.text(r.hash)))
            return 0

        C.check(C.lib.kx_book_audit_foreach(self.handle, C.AUDIT_CB(collect), None))
        yield from rows

    def chain_head(self):
        """The chain head "count:hex", to keep elsewhere."""
        out = C.c_void_p()
        C.check(C.lib.kx_book_chain_head(ctypes.byref(out), self.handle))
        return C.owned_text(out)

    def verify_audit(self, expected_head=None):
        """AuditVerification(fault, first_bad); fault is AuditFault.NONE when intact."""
        v = C.AuditVerification()
        C.check(C.lib.kx_book_verify_audit(ctypes.byref(v), self.handle, C.s(expected_head)))
        return AuditVerification(AuditFault(v.fault), v.first_bad)


class Activity:
    """One activity of a book; every transition is a method taking (actor, at, reason)."""

    def __init__(self, book, activity_id):
        self.book = book
        self.id = activity_id

    def __repr__(self):
        return "Activity(%d)" % self.id

    def apply(self, operation, actor, at, reason=""):
        C.check(C.lib.kx_activity_apply(self.book.handle, self.id, int(operation), actor.handle,
                                        C.time_in(at), C.s(reason)))

    def submit(self, actor, at, reason=""):
        self.apply(Operation.SUBMIT, actor, at, reason)

    def withdraw(self, actor, at, reason):
        self.apply(Operation.WITHDRAW, actor, at, reason)

    def approve(self, actor, at, reason=""):
        self.apply(Operation.APPROVE, actor, at, reason)

    def reject(self, actor, at, reason):
        self.apply(Operation.REJECT, actor, at, reason)

    def start(self, actor, at, reason=""):
        self.apply(Operation.START, actor, at, reason)

    def suspend(self, actor, at, reason):
        self.apply(Operation.SUSPEND, actor, at, reason)

    def resume(self, actor, at, reason=""):
        self.apply(Operation.RESUME, actor, at, reason)

    def terminate(self, actor, at, reason):
        self.apply(Operation.TERMINATE, actor, at, reason)

    def complete(self, actor, at, reason=""):
        self.apply(Operation.COMPLETE, actor, at, reason)

    def open_evaluation(self, actor, at, reason=""):
        self.apply(Operation.OPEN_EVALUATION, actor, at, reason)

    def conclude(self, actor, at, score, reason=""):
        """Records the evaluation score (a Decimal) and returns the Grade it earns."""
        g = C.c_int()
        C.check(C.lib.kx_activity_conclude(ctypes.byref(g), self.book.handle, self.id,
                                           actor.handle, C.time_in(at), C.dec_in(score),
                                           C.s(reason)))
        return Grade(g.value)

    def commend(self, actor, at, reason=""):
        self.apply(Operation.COMMEND, actor, at, reason)

    def archive(self, actor, at, reason=""):
        self.apply(Operation.ARCHIVE, actor, at, reason)

    def report_progress(self, actor, at, percent, text):
        C.check(C.lib.kx_activity_report_progress(self.book.handle, self.id, actor.handle,
                                                  C.time_in(at), percent, C.s(text)))

    def info(self):
        a = C.ActivityInfo()
        C.check(C.lib.kx_activity_get(ctypes.byref(a), self.book.handle, self.id))
        return ActivityInfo(a.id, ActivityType(a.type), State(a.state), a.organizer, a.owner,
                            a.responsible, Grade(a.grade) if a.has_grade else None,
                            C.dec_out(a.score.text), C.time_out(a.created),
                            C.time_out(a.last_event))

    @property
    def state(self):
        return self.info().state

    def state_at(self, at):
        out = C.c_int()
        C.check(C.lib.kx_activity_state_at(ctypes.byref(out), self.book.handle, self.id,
                                           C.time_in(at)))
        return State(out.value)
