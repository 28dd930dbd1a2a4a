"""Serving S&T workers (A8, A9): the ServiceDesk with service requests (科技立项,
专利申请, 专业技术职务评定) and proposals (建议、意见、诉求), its hash-chained trail,
CNIPA patent application numbers, and recommendation lists for talent programmes."""

from __future__ import annotations

import ctypes
import datetime
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from . import _capi as C
from .campaign import Campaign
from .enums import (AuditFault, HonourKind, PatentType, ProposalKind, ProposalOperation,
                    ProposalState, RequestOperation, RequestState, ServiceKind, Title)
from .lifecycle import AuditVerification
from .registry import Registry

__all__ = ["ServiceDesk", "ServiceRequestInfo", "ProposalInfo", "QueuePlace", "OverdueAnswer",
           "CandidateDecision", "check_patent_number", "recommend"]

_P = ctypes.POINTER


class _ServicePolicy(ctypes.Structure):
    _fields_ = [("version", C.c_uint), ("education_years", C.c_int),
                ("young_priority", C.c_int), ("answer_due_days", C.c_int)]


class _RequestInfo(ctypes.Structure):
    _fields_ = [("id", C.c_u32), ("applicant", C.c_u32), ("association", C.c_u32),
                ("kind", C.c_int), ("state", C.c_int), ("title", C.c_str),
                ("outside_body", C.c_str), ("reference", C.c_str), ("reason", C.c_str)]


class _QueuePlace(ctypes.Structure):
    _fields_ = [("position", C.c_size), ("request", C.c_u32), ("young", C.c_int),
                ("age", C.c_int), ("explanation", C.c_str)]


class _ProposalInfo(ctypes.Structure):
    _fields_ = [("id", C.c_u32), ("proposer", C.c_u32), ("association", C.c_u32),
                ("kind", C.c_int), ("state", C.c_int), ("due", ctypes.c_char * 11),
                ("entry", C.c_u32), ("campaign", C.c_u32), ("title", C.c_str),
                ("answer", C.c_str), ("reason", C.c_str)]


class _Programme(ctypes.Structure):
    _fields_ = [("version", C.c_uint), ("name", C.c_str), ("age_max", C.c_int),
                ("age_on", C.c_str), ("min_title", C.c_int), ("min_honours", C.c_size),
                ("honour_kind", C.c_int), ("education_years", C.c_int),
                ("quota_per_association", C.c_size)]


class _Decision(ctypes.Structure):
    _fields_ = [("person", C.c_u32), ("association", C.c_u32), ("eligible", C.c_int),
                ("recommended", C.c_int), ("failed_rules", C.c_str), ("explanation", C.c_str)]


class _RecommendationRequest(ctypes.Structure):
    _fields_ = [("programme", _P(_Programme)), ("nominees", _P(C.c_u32)),
                ("nominee_count", C.c_size), ("as_of", C.c_str)]


_QUEUE_CB = ctypes.CFUNCTYPE(C.c_int, _P(_QueuePlace), C.c_void_p)
_OVERDUE_CB = ctypes.CFUNCTYPE(C.c_int, C.c_u32, C.c_int, C.c_int, C.c_void_p)
_DECISION_CB = ctypes.CFUNCTYPE(C.c_int, _P(_Decision), C.c_void_p)
_H = C.c_void_p

for _name, _res, _args in (
        ("kx_service_desk_new", C.c_int, [_P(_H), _H, _P(_ServicePolicy)]),
        ("kx_service_desk_free", None, [_H]),
        ("kx_service_request_submit", C.c_int, [_P(C.c_u32), _H, C.c_u32, C.c_u32, C.c_int,
                                                C.c_str, C.c_int, C.c_int, C.c_str]),
        ("kx_service_request_apply", C.c_int, [_H, C.c_u32, C.c_int, C.c_u32, C.c_str,
                                               C.c_str]),
        ("kx_service_request_forward", C.c_int, [_H, C.c_u32, C.c_u32, C.c_str, C.c_str,
                                                 C.c_str]),
        ("kx_service_request_get", C.c_int, [_P(_RequestInfo), _H, C.c_u32]),
        ("kx_service_queue_foreach", C.c_int, [_H, C.c_u32, C.c_str, _QUEUE_CB, C.c_void_p]),
        ("kx_proposal_file", C.c_int, [_P(C.c_u32), _H, C.c_u32, C.c_u32, C.c_int, C.c_str,
                                       C.c_str, C.c_str]),
        ("kx_proposal_apply", C.c_int, [_H, C.c_u32, C.c_int, C.c_u32, C.c_str, C.c_str]),
        ("kx_proposal_enter_campaign", C.c_int, [_P(C.c_u32), _H, C.c_u32, _H, C.c_u32,
                                                 C.c_str, C.c_str]),
        ("kx_proposal_get", C.c_int, [_P(_ProposalInfo), _H, C.c_u32]),
        ("kx_service_overdue_foreach", C.c_int, [_H, C.c_u32, C.c_str, _OVERDUE_CB,
                                                 C.c_void_p]),
        ("kx_service_desk_trail_size", C.c_int, [_P(C.c_size), _H]),
        ("kx_service_desk_chain_head", C.c_int, [_P(C.c_void_p), _H]),
        ("kx_service_desk_verify_audit", C.c_int, [_P(C.AuditVerification), _H, C.c_str]),
        ("kx_service_desk_digest", C.c_int, [_P(C.c_void_p), _H]),
        ("kx_patent_number_check", C.c_int, [_P(C.c_void_p), C.c_str]),
        ("kx_snapshot_save_with_desks", C.c_int, [C.c_str, _H, _P(_H), C.c_size, _P(_H), C.c_size,
                                                  _P(_H), C.c_size, _P(C.SnapshotSaveOptions)]),
        ("kx_snapshot_save_buffer_with_desks", C.c_int, [_P(C.Buffer), _H, _P(_H), C.c_size,
                                                         _P(_H), C.c_size, _P(_H), C.c_size]),
        ("kx_snapshot_service_desk_count", C.c_int, [_P(C.c_size), _H]),
        ("kx_snapshot_service_desk", C.c_int, [_P(_H), _H, C.c_size]),
        ("kx_recommend_foreach", C.c_int, [_H, _P(_Programme), _P(C.c_u32), C.c_size, C.c_str,
                                           _DECISION_CB, C.c_void_p]),
        ("kx_service_desk_to_document", C.c_int, [_P(C.c_void_p), _H, _H,
                                                  _P(_RecommendationRequest), C.c_size]),
        ("kx_service_desk_from_document", C.c_int, [_P(_H), _H, ctypes.c_char_p, C.c_size]),
):
    _f = getattr(C.lib, _name)
    _f.restype = _res
    _f.argtypes = _args


@dataclass(frozen=True)
class ServiceRequestInfo:
    """A service request as the desk keeps it.

    >>> desk.request(r).state
    <RequestState.SUBMITTED: 0>
    """

    id: int
    applicant: int
    association: int
    kind: ServiceKind
    state: RequestState
    title: str
    outside_body: str
    reference: str
    reason: str


@dataclass(frozen=True)
class ProposalInfo:
    """A proposal as the desk keeps it; ``entry`` and ``campaign`` are 0 until it is
    entered into a 讲比 campaign.

    >>> desk.proposal(p).due
    datetime.date(2026, 5, 3)
    """

    id: int
    proposer: int
    association: int
    kind: ProposalKind
    state: ProposalState
    due: datetime.date
    entry: int
    campaign: int
    title: str
    answer: str
    reason: str


@dataclass(frozen=True)
class QueuePlace:
    """One place in a request queue, with the reason for it.

    >>> desk.queue(ent, date(2026, 4, 10))[0].explanation
    """

    position: int
    request: int
    young: bool
    age: int
    explanation: str


@dataclass(frozen=True)
class OverdueAnswer:
    """A proposal whose answer is overdue.

    >>> desk.overdue_answers(ent, date(2026, 6, 15))[0].days_overdue
    """

    proposal: int
    state: ProposalState
    days_overdue: int


@dataclass(frozen=True)
class CandidateDecision:
    """One nominee's decision on a recommendation list: ``failed_rules`` lists the
    rule ids failed; ``explanation`` has one line per rule.

    >>> kexie.recommend(reg, "托举", [li], date(2026, 6, 30))[0].recommended
    True
    """

    person: int
    association: int
    eligible: bool
    recommended: bool
    failed_rules: tuple[str, ...]
    explanation: str


def _bool(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError("kexie: %s must be a bool, not %s" % (what, type(value).__name__))
    return value


class ServiceDesk(C.OwnedHandle):
    """Service requests and proposals of a registry's associations with their
    hash-chained trail (kexie::ServiceDesk), over a Registry (kept alive). Staff
    and members are derived from the registry, never asserted: every step names
    the person acting by id.

    >>> desk = kexie.ServiceDesk(reg)
    """

    def __init__(self, registry: Registry, education_years: int = 3,
                 young_priority: bool = True, answer_due_days: int = 30) -> None:
        """An empty desk over `registry`: a title evaluation needs compliant
        continuing education in each of the last `education_years` years (0: off),
        young S&T workers go first in the queue when `young_priority`, and a
        proposal's answer is due `answer_due_days` after filing. The defaults are
        the domain's (3, True, 30).

        >>> desk = kexie.ServiceDesk(reg, education_years=5)
        """
        self._fresh()
        policy = _ServicePolicy(1, C.i32(education_years, "education_years"),
                                1 if _bool(young_priority, "young_priority") else 0,
                                C.i32(answer_due_days, "answer_due_days"))
        h = C.c_void_p()
        with C.hold((registry, Registry, "registry", False)) as (reg,):
            C.check(C.lib.kx_service_desk_new(ctypes.byref(h), reg, ctypes.byref(policy)))
            self._adopt(h, C.lib.kx_service_desk_free, registry.__dict__["_node"])
        self._registry = registry

    # --- service requests ---

    def submit(self, applicant: int, association: int, kind: ServiceKind, title: str,
               at: datetime.datetime, patent_type: Optional[PatentType] = None,
               target_title: Optional[Title] = None) -> int:
        """A member asks their association; returns the request's id. Refusals
        raise (RuleViolation "service.member", "service.next_title",
        "service.continuing_education", ...).

        >>> r = desk.submit(li, ent, kexie.ServiceKind.PATENT_APPLICATION, "装置", at,
        ...                 patent_type=kexie.PatentType.UTILITY_MODEL)
        """
        args = (C.u32(applicant, "applicant"), C.u32(association, "association"),
                C.enum_in(kind, ServiceKind, "kind"), C.s(title, "title"),
                -1 if patent_type is None else C.enum_in(patent_type, PatentType, "patent_type"),
                -1 if target_title is None else C.enum_in(target_title, Title, "target_title"),
                C.time_in(at, "at"))
        out = C.c_u32()
        with self._writing(ServiceDesk) as h:
            C.check(C.lib.kx_service_request_submit(ctypes.byref(out), h, *args))
        return int(out.value)

    def apply(self, request: int, operation: RequestOperation, actor: int,
              at: datetime.datetime, text: str = "") -> None:
        """A step on a request: `text` is the reason, or for GRANT the outside
        reference (a certificate number). SUBMIT and FORWARD have methods of their own.

        >>> desk.apply(r, kexie.RequestOperation.ACCEPT, sg, at)
        """
        args = (C.u32(request, "request"), C.enum_in(operation, RequestOperation, "operation"),
                C.u32(actor, "actor"), C.time_in(at, "at"), C.s(text, "text"))
        with self._writing(ServiceDesk) as h:
            C.check(C.lib.kx_service_request_apply(h, *args))

    def accept(self, request: int, staff: int, at: datetime.datetime) -> None:
        """submitted -> accepted (staff).

        >>> desk.accept(req, staff, datetime.datetime(2025, 5, 6, 9, 0))
        """
        self.apply(request, RequestOperation.ACCEPT, staff, at)

    def decline(self, request: int, staff: int, at: datetime.datetime, reason: str) -> None:
        """submitted -> declined, with a reason (staff).

        >>> desk.decline(req, staff, at, "不属于本会服务范围")
        """
        self.apply(request, RequestOperation.DECLINE, staff, at, reason)

    def start(self, request: int, staff: int, at: datetime.datetime) -> None:
        """accepted -> in progress (staff).

        >>> desk.start(req, staff, at)
        """
        self.apply(request, RequestOperation.START, staff, at)

    def forward(self, request: int, staff: int, at: datetime.datetime, outside_body: str,
                reference: str = "") -> None:
        """in progress -> forwarded to `outside_body`; a patent needs its CNIPA
        application number as `reference` (checked).

        >>> desk.forward(r, sg, at, "国家知识产权局", "201620056200.3")
        """
        args = (C.u32(request, "request"), C.u32(staff, "staff"), C.time_in(at, "at"),
                C.s(outside_body, "outside_body"), C.s(reference, "reference"))
        with self._writing(ServiceDesk) as h:
            C.check(C.lib.kx_service_request_forward(h, *args))

    def grant(self, request: int, staff: int, at: datetime.datetime, reference: str = "") -> None:
        """forwarded -> granted; a title needs its certificate number.

        >>> desk.grant(req, staff, at, "浙高工证字2025-0117")
        """
        self.apply(request, RequestOperation.GRANT, staff, at, reference)

    def not_grant(self, request: int, staff: int, at: datetime.datetime, reason: str) -> None:
        """forwarded -> not granted, with the reason.

        >>> desk.not_grant(req, staff, at, "论文条件不足")
        """
        self.apply(request, RequestOperation.NOT_GRANT, staff, at, reason)

    def withdraw(self, request: int, actor: int, at: datetime.datetime, reason: str) -> None:
        """-> withdrawn, with a reason (the applicant, or staff).

        >>> desk.withdraw(req, applicant, at, "改报下一年度")
        """
        self.apply(request, RequestOperation.WITHDRAW, actor, at, reason)

    def request(self, request: int) -> ServiceRequestInfo:
        """The request (NotFound for an unknown id).

        >>> desk.request(r).reference
        '201620056200.3'
        """
        i = _RequestInfo()
        rid = C.u32(request, "request")
        with self._reading(ServiceDesk) as h:
            C.check(C.lib.kx_service_request_get(ctypes.byref(i), h, rid))
            return ServiceRequestInfo(i.id, i.applicant, i.association, ServiceKind(i.kind),
                                      RequestState(i.state), C.text(i.title),
                                      C.text(i.outside_body), C.text(i.reference),
                                      C.text(i.reason))

    def queue(self, association: int, as_of: datetime.date) -> list[QueuePlace]:
        """The open requests of `association` and below, in the order to handle
        them, each explained.

        >>> [q.request for q in desk.queue(ent, date(2026, 4, 10))]
        """
        rows: list[QueuePlace] = []

        def collect(p: Any, _: object) -> int:
            p = p.contents
            rows.append(QueuePlace(int(p.position), p.request, bool(p.young), p.age,
                                   C.text(p.explanation)))
            return 0

        org, day = C.u32(association, "association"), C.date_in(as_of, "as_of")
        with self._reading(ServiceDesk) as h:
            C.check(C.lib.kx_service_queue_foreach(h, org, day, _QUEUE_CB(collect), None))
        return rows

    # --- proposals ---

    def file(self, proposer: int, association: int, kind: ProposalKind, title: str, text: str,
             at: datetime.datetime) -> int:
        """A member files a proposal; returns its id.

        >>> p = desk.file(li, ent, kexie.ProposalKind.RATIONALIZATION, "煤气回收", "…", at)
        """
        args = (C.u32(proposer, "proposer"), C.u32(association, "association"),
                C.enum_in(kind, ProposalKind, "kind"), C.s(title, "title"), C.s(text, "text"),
                C.time_in(at, "at"))
        out = C.c_u32()
        with self._writing(ServiceDesk) as h:
            C.check(C.lib.kx_proposal_file(ctypes.byref(out), h, *args))
        return int(out.value)

    def _proposal_step(self, proposal: int, op: ProposalOperation, staff: int,
                       at: datetime.datetime, text: str) -> None:
        args = (C.u32(proposal, "proposal"), int(op), C.u32(staff, "staff"),
                C.time_in(at, "at"), C.s(text, "text"))
        with self._writing(ServiceDesk) as h:
            C.check(C.lib.kx_proposal_apply(h, *args))

    def acknowledge(self, proposal: int, staff: int, at: datetime.datetime) -> None:
        """filed -> acknowledged (staff).

        >>> desk.acknowledge(prop, staff, at)
        """
        self._proposal_step(proposal, ProposalOperation.ACKNOWLEDGE, staff, at, "")

    def answer(self, proposal: int, staff: int, at: datetime.datetime, answer: str) -> None:
        """acknowledged -> answered, with the answer (staff).

        >>> desk.answer(prop, staff, at, "已转生产部评估")
        """
        self._proposal_step(proposal, ProposalOperation.ANSWER, staff, at, answer)

    def adopt(self, proposal: int, staff: int, at: datetime.datetime) -> None:
        """answered -> adopted (staff).

        >>> desk.adopt(prop, staff, at)
        """
        self._proposal_step(proposal, ProposalOperation.ADOPT, staff, at, "")

    def decline_proposal(self, proposal: int, staff: int, at: datetime.datetime,
                         reason: str) -> None:
        """answered -> declined, with a reason (staff).

        >>> desk.decline_proposal(prop, staff, at, "成本过高")
        """
        self._proposal_step(proposal, ProposalOperation.DECLINE, staff, at, reason)

    def enter_campaign(self, proposal: int, campaign: Campaign, staff: int,
                       at: datetime.datetime, in_use_since: Optional[datetime.date] = None) -> int:
        """Enters an adopted rationalization proposal into a bound 讲比 campaign
        (合理化建议), once; returns the entry's id.

        >>> e = desk.enter_campaign(p, campaign, sg, at, date(2026, 5, 1))
        """
        args = (C.u32(proposal, "proposal"), C.u32(staff, "staff"), C.time_in(at, "at"),
                None if in_use_since is None else C.date_in(in_use_since, "in_use_since"))
        out = C.c_u32()
        with C.hold((self, ServiceDesk, "self", True), (campaign, Campaign, "campaign", True)) \
                as (h, c):
            C.check(C.lib.kx_proposal_enter_campaign(ctypes.byref(out), h, args[0], c, args[1],
                                                     args[2], args[3]))
        return int(out.value)

    def proposal(self, proposal: int) -> ProposalInfo:
        """The proposal (NotFound for an unknown id).

        >>> desk.proposal(p).state
        <ProposalState.FILED: 0>
        """
        i = _ProposalInfo()
        pid = C.u32(proposal, "proposal")
        with self._reading(ServiceDesk) as h:
            C.check(C.lib.kx_proposal_get(ctypes.byref(i), h, pid))
            return ProposalInfo(i.id, i.proposer, i.association, ProposalKind(i.kind),
                                ProposalState(i.state),
                                datetime.date.fromisoformat(bytes(i.due).decode("ascii")),
                                i.entry, i.campaign, C.text(i.title), C.text(i.answer),
                                C.text(i.reason))

    def overdue_answers(self, association: int, as_of: datetime.date) -> list[OverdueAnswer]:
        """The proposals of `association` and below not answered by their due day.

        >>> desk.overdue_answers(ent, date(2026, 6, 15))
        """
        rows: list[OverdueAnswer] = []

        def collect(p: int, state: int, days: int, _: object) -> int:
            rows.append(OverdueAnswer(p, ProposalState(state), days))
            return 0

        org, day = C.u32(association, "association"), C.date_in(as_of, "as_of")
        with self._reading(ServiceDesk) as h:
            C.check(C.lib.kx_service_overdue_foreach(h, org, day, _OVERDUE_CB(collect), None))
        return rows

    # --- the trail ---

    def trail_size(self) -> int:
        """The number of records in the trail (performed and refused steps).

        >>> desk.trail_size()
        12
        """
        n = C.c_size()
        with self._reading(ServiceDesk) as h:
            C.check(C.lib.kx_service_desk_trail_size(ctypes.byref(n), h))
        return int(n.value)

    def chain_head(self) -> str:
        """The trail's head "count:hex", to keep elsewhere.

        >>> head = desk.chain_head()   # e.g. "12:9f3a..."
        """
        out = C.c_void_p()
        with self._reading(ServiceDesk) as h:
            C.check(C.lib.kx_service_desk_chain_head(ctypes.byref(out), h))
        return C.owned_text(out)

    def verify_audit(self, expected_head: Optional[str] = None) -> AuditVerification:
        """Checks the trail (against `expected_head` when given).

        >>> desk.verify_audit().fault
        <AuditFault.NONE: 0>
        """
        v = C.AuditVerification()
        head = C.s(expected_head, "expected_head")
        with self._reading(ServiceDesk) as h:
            C.check(C.lib.kx_service_desk_verify_audit(ctypes.byref(v), h, head))
        return AuditVerification(AuditFault(v.fault), v.first_bad)

    def digest(self) -> str:
        """The hex SHA-256 of the requests and proposals (unchanged by a refusal).

        >>> before = desk.digest()
        """
        out = C.c_void_p()
        with self._reading(ServiceDesk) as h:
            C.check(C.lib.kx_service_desk_digest(ctypes.byref(out), h))
        return C.owned_text(out)

    # --- documents (kexie.services/1) ---

    @classmethod
    def from_document(cls, registry: Registry, text: str) -> ServiceDesk:
        """A desk over `registry` read from a kexie.services/1 document (str or UTF-8
        bytes): the trail is re-verified and every request and proposal replayed from
        it, as a snapshot load does (CorruptData "services.trail"); a refused document
        raises with every problem in ``.problems``. Recommendation lists are checked,
        not kept.

        >>> desk = kexie.ServiceDesk.from_document(reg, open("services.json").read())
        """
        data = C.document(text, "text")
        self = cls.__new__(cls)
        self._fresh()
        h = C.c_void_p()
        with C.hold((registry, Registry, "registry", False)) as (reg,):
            C.check(C.lib.kx_service_desk_from_document(ctypes.byref(h), reg, data, len(data)))
            self._adopt(h, C.lib.kx_service_desk_free, registry.__dict__["_node"])
        self._registry = registry
        return self

    def to_document(self, recommendations: Iterable[dict[str, Any]] = ()) -> str:
        """The canonical kexie.services/1 text of the desk: policy, every request and
        proposal, the trail (hashes in hex) and its chain head, plus one
        recommendation list per dict of `recommendations`, each with the arguments
        of `kexie.recommend` (programme, nominees, as_of, and any rule parameter).

        >>> text = desk.to_document([{"programme": "托举", "nominees": [li], "as_of": day}])
        """
        keep: list[Any] = []
        rows = []
        for r in recommendations:
            if not isinstance(r, dict):
                raise TypeError("kexie: each recommendation must be a dict, not %s"
                                % type(r).__name__)
            args = dict(r)
            try:
                name, nominees, as_of = args.pop("programme"), args.pop("nominees"), \
                    args.pop("as_of")
            except KeyError as e:
                raise TypeError("kexie: a recommendation needs %s" % e) from None
            p = _programme(name, **args)
            who = [C.u32(n, "nominee") for n in nominees]
            arr = (C.c_u32 * max(len(who), 1))(*who)
            keep += [p, arr]
            rows.append(_RecommendationRequest(ctypes.pointer(p), arr, len(who),
                                               C.date_in(as_of, "as_of")))
        lists = (_RecommendationRequest * max(len(rows), 1))(*rows)
        out = C.c_void_p()
        with C.hold((self, ServiceDesk, "desk", False),
                    (self._registry, Registry, "registry", False)) as (h, reg):
            C.check(C.lib.kx_service_desk_to_document(ctypes.byref(out), h, reg, lists,
                                                      len(rows)))
        return C.owned_text(out)


def check_patent_number(text: str) -> str:
    """The canonical spelling of a CNIPA patent application number; InvalidArgument
    (rule "patent.number") for a malformed one or a wrong check character.

    >>> kexie.check_patent_number("ZL 201620056200.3")
    '201620056200.3'
    """
    if not isinstance(text, str):
        raise TypeError("kexie: text must be a str, not %s" % type(text).__name__)
    out = C.c_void_p()
    C.check(C.lib.kx_patent_number_check(ctypes.byref(out), C.s(text, "text")))
    return C.owned_text(out)


def _programme(programme: str, age_max: int = 35, age_on: Optional[datetime.date] = None,
               min_title: Title = Title.NONE, min_honours: int = 0,
               honour_kind: Optional[HonourKind] = None, education_years: int = 3,
               quota_per_association: int = 1) -> _Programme:
    return _Programme(1, C.s(programme, "programme"), C.i32(age_max, "age_max"),
                      None if age_on is None else C.date_in(age_on, "age_on"),
                      C.enum_in(min_title, Title, "min_title"), C.size(min_honours, "min_honours"),
                      -1 if honour_kind is None else C.enum_in(honour_kind, HonourKind,
                                                              "honour_kind"),
                      C.i32(education_years, "education_years"),
                      C.size(quota_per_association, "quota_per_association"))


def recommend(registry: Registry, programme: str, nominees: Iterable[int],
              as_of: datetime.date, age_max: int = 35,
              age_on: Optional[datetime.date] = None, min_title: Title = Title.NONE,
              min_honours: int = 0, honour_kind: Optional[HonourKind] = None,
              education_years: int = 3,
              quota_per_association: int = 1) -> list[CandidateDecision]:
    """A recommendation list for the outside programme named `programme`: one
    CandidateDecision per nominee, in nomination order. The defaults are the
    domain's (age line 35, three years of continuing education, one per association).

    >>> kexie.recommend(reg, "托举计划", [li, wang], date(2026, 6, 30), min_honours=1)
    """
    who = [C.u32(p, "nominee") for p in nominees]
    p = _programme(programme, age_max, age_on, min_title, min_honours, honour_kind,
                   education_years, quota_per_association)
    arr = (C.c_u32 * max(len(who), 1))(*who)
    day = C.date_in(as_of, "as_of")
    rows: list[CandidateDecision] = []

    def collect(d: Any, _: object) -> int:
        d = d.contents
        failed = C.text(d.failed_rules)
        rows.append(CandidateDecision(d.person, d.association, bool(d.eligible),
                                      bool(d.recommended),
                                      tuple(failed.split(",")) if failed else (),
                                      C.text(d.explanation)))
        return 0

    with C.hold((registry, Registry, "registry", False)) as (reg,):
        C.check(C.lib.kx_recommend_foreach(reg, ctypes.byref(p), arr, len(who), day,
                                           _DECISION_CB(collect), None))
    return rows
