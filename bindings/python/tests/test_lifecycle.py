"""Activities: every transition with an actor, refusals, the audit trail."""

from datetime import date as D, datetime, timedelta, timezone
from decimal import Decimal

import pytest

import kexie
from kexie import Role, State

T0 = datetime(2025, 3, 1, tzinfo=timezone.utc)


def t(n):
    return T0 + timedelta(minutes=n)


@pytest.fixture
def setup(world):
    book = kexie.ActivityBook(world.reg, allow_asserted_roles=True)
    owner = kexie.Actor(world.p[0])
    boss = kexie.Actor(900, roles=[(Role.CHAIR, world.steel), (Role.VICE_CHAIR, world.steel),
                                   (Role.SECRETARY_GENERAL, world.steel),
                                   (Role.FULL_TIME_STAFF, world.steel)],
                       expert_pools=[world.steel])
    yield world, book, owner, boss
    book.close()


def create(world, book, actor, n):
    return book.create(actor, t(n), kexie.ActivityType.JIANGBI_CAMPAIGN, "2025 节能降耗讲比",
                       world.steel, world.branch, world.p[0],
                       (D(2025, 3, 1), D(2025, 11, 30)), team=[world.p[1]], reason="plan")


def test_every_transition(setup):
    world, book, owner, boss = setup
    a = create(world, book, kexie.Actor.from_registry(world.reg, world.p[0], D(2025, 3, 1)), 0)
    assert a.state is State.DRAFT
    with pytest.raises(kexie.IllegalTransition) as info:
        a.start(owner, t(1))
    assert info.value.rule == "lifecycle.state"
    a.submit(owner, t(2), "ready")
    with pytest.raises(kexie.PermissionDenied):
        a.approve(kexie.Actor(world.q[0]), t(3))
    with pytest.raises(kexie.ConflictOfInterest):
        a.approve(kexie.Actor(world.p[1], roles=[(Role.CHAIR, world.steel)]), t(3))
    head = book.chain_head()
    a.approve(boss, t(4), "立项")
    a.start(owner, t(5))
    a.report_progress(owner, t(6), 40, "pilot line")
    with pytest.raises(kexie.InvalidArgument):
        a.report_progress(owner, t(7), 140, "too much")
    a.suspend(owner, t(8), "shutdown")
    assert a.state is State.SUSPENDED
    a.resume(owner, t(9))
    a.complete(owner, t(10))
    a.open_evaluation(boss, t(11))
    assert a.conclude(boss, t(12), Decimal("92.50")) is kexie.Grade.EXCELLENT
    info = a.info()
    assert info.state is State.EVALUATED and info.score == Decimal("92.5")
    assert str(info.score) == "92.50" and info.grade is kexie.Grade.EXCELLENT
    assert info.created == T0 and info.last_event == t(12)
    a.commend(boss, t(13), "先进集体")
    a.archive(boss, t(14), "closed")
    assert a.state is State.ARCHIVED
    assert a.state_at(t(3)) is State.SUBMITTED
    b = create(world, book, owner, 20)
    b.withdraw(owner, t(21), "merged")
    c = create(world, book, owner, 22)
    c.submit(owner, t(23))
    c.reject(boss, t(24), "duplicate")
    d = create(world, book, owner, 25)
    d.submit(owner, t(26))
    d.approve(boss, t(27))
    d.start(owner, t(28))
    d.terminate(boss, t(29), "funding withdrawn")
    assert [x.state for x in (b, c, d)] == [State.WITHDRAWN, State.REJECTED, State.TERMINATED]
    assert len(book) == 4
    assert book.activity(a.id).id == a.id
    with pytest.raises(kexie.NotFound):
        book.activity(999)

    records = list(book.audit())
    assert sum(r.security_event for r in records) == 2
    assert any(r.code == kexie.IllegalTransition.code and r.rule == "lifecycle.state"
               for r in records)
    assert all(len(r.hash) == 64 for r in records)
    assert records[0].operation is kexie.Operation.CREATE and records[0].at == T0
    assert book.verify_audit() == kexie.AuditVerification(kexie.AuditFault.NONE, 0)
    assert book.verify_audit(book.chain_head()).fault is kexie.AuditFault.NONE
    assert book.verify_audit(head).fault is kexie.AuditFault.HEAD_MISMATCH
    with pytest.raises(kexie.InvalidArgument):
        book.verify_audit("garbage")


def test_details_and_plan_errors(setup):
    world, book, owner, boss = setup
    a = book.create(owner, t(0), kexie.ActivityType.SCIENCE_POPULARIZATION, "科普日",
                    world.steel, world.branch, world.p[0], (D(2025, 9, 1), D(2025, 9, 30)),
                    details=("popularization", 1))
    assert a.info().kind is kexie.ActivityType.SCIENCE_POPULARIZATION
    book.create(owner, t(1), kexie.ActivityType.CONTINUING_EDUCATION, "继续教育", world.steel,
                world.branch, world.p[0], (D(2025, 9, 1), D(2025, 9, 30)),
                details=("training", (kexie.enums.PatentType.INVENTION, 24)))
    with pytest.raises(kexie.InvalidArgument):
        book.create(owner, t(2), kexie.ActivityType.SCIENCE_POPULARIZATION, "no details",
                    world.steel, world.branch, world.p[0], (D(2025, 9, 1), D(2025, 9, 30)))
    with pytest.raises(kexie.NotFound):
        book.create(owner, t(3), kexie.ActivityType.ACADEMIC_EXCHANGE, "x", 999, world.branch,
                    world.p[0], (D(2025, 9, 1), D(2025, 9, 30)))
    with kexie.Actor(world.p[0]) as actor:
        actor.add_role(Role.MEMBER, world.steel).add_expert_pool(world.steel)
    with pytest.raises(ValueError):
        actor.handle
