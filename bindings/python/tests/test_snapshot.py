"""Snapshots through the C API: a registry, an activity book and a campaign saved
to a file and to bytes and loaded back; damaged input; borrowed objects that
outlive the Snapshot object."""

import gc
import os
import stat
from datetime import date as D, datetime, timezone

import pytest

import kexie
from kexie import Category

RUBRIC_TEXT = """
A|评审指标 judged||group|0.6
A.1|创新性 creativity|A|judged|0.5|0|100|0.5
A.2|实用性 practicality|A|judged|0.5|0|100|0.5
B|经济效益 benefit||objective|0.4||||annual_benefit_yuan|500000:95;100000:70|40
veto|一票否决 veto||veto
"""

AS_OF = D(2025, 6, 30)


def at(day):
    return datetime(2025, 3, day, 9, tzinfo=timezone.utc)


@pytest.fixture
def saved(world):
    """The world with one book (an activity, a refusal in its trail) and one scored
    campaign; yields (world, book, campaign)."""
    book = kexie.ActivityBook(world.reg, allow_asserted_roles=True)
    owner = kexie.Actor(world.p[0])
    a = book.create(owner, at(1), kexie.ActivityType.JIANGBI_CAMPAIGN, "2025 节能降耗讲比",
                    world.steel, world.branch, world.p[0], (D(2025, 3, 1), D(2025, 11, 30)),
                    team=[world.p[1]], reason="plan")
    a.submit(owner, at(2), "ready")
    with pytest.raises(kexie.IllegalTransition):
        a.start(owner, at(3), "too early")

    c = kexie.Campaign(world.reg, kexie.CampaignSpec(
        "2025 讲比", world.province, D(2025, 11, 30), 2024,
        tiers=[kexie.AwardTier("一等奖", count=1, min_score=60)]))
    c.set_rubric_text(Category.RATIONALIZATION_PROPOSALS, "细则", RUBRIC_TEXT)
    entries = [c.add_entry(code, "余热回收改造", unit, Category.RATIONALIZATION_PROPOSALS,
                           [(leader, 1)], D(2024, 3, 1), annual_benefit_yuan=benefit)
               for code, unit, leader, benefit in (("E1", world.steel, world.p[0], 860000),
                                                   ("E2", world.branch, world.p[1], 200000),
                                                   ("E3", world.steel, world.p[2], 50000))]
    judges = [c.add_judge(q) for q in world.q]
    for i, e in enumerate(entries):
        for k, j in enumerate(judges):
            c.assign(j, e)
            c.mark(j, e, "A.1", ("90", "80.5", "70")[i])
            c.mark(j, e, "A.2", ("90", "80.5", "70")[(i + k) % 3])
    c.veto(judges[0], entries[2], "veto", "数据造假 falsified data")
    yield world, book, c
    c.close()
    book.close()


def facts(reg, world, book, campaign):
    """What must survive a round trip."""
    with campaign.score() as board:
        digest = board.digest
    return (reg.rollup(world.province, AS_OF), reg.person(world.p[0]).name,
            reg.find_person(world.other, "E-2"), len(book), book.chain_head(),
            campaign.counts(), digest)


def check_loaded(snap, world, expected):
    assert len(snap.activity_books) == 1 and len(snap.campaigns) == 1
    assert snap.registry.borrowed and snap.campaigns[0].borrowed
    book = snap.activity_books[0]
    assert facts(snap.registry, world, book, snap.campaigns[0]) == expected
    assert book.verify_audit(expected[4]).fault == kexie.AuditFault.NONE
    assert [r.code for r in book.audit()][-1] == kexie.IllegalTransition.code


def test_round_trip_through_a_file(saved, tmp_path):
    world, book, c = saved
    expected = facts(world.reg, world, book, c)
    path = tmp_path / "kexie.snap"
    assert kexie.save_snapshot(path, world.reg, [book], [c]) is None
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o644
    kexie.save_snapshot(str(path), world.reg, [book], [c], mode=0o600)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with kexie.load_snapshot(path) as snap:
        check_loaded(snap, world, expected)
        assert "1 activity book(s), 1 campaign(s)" in repr(snap)
    with kexie.load_snapshot(str(path)) as snap:
        check_loaded(snap, world, expected)


def test_round_trip_through_bytes(saved, tmp_path):
    world, book, c = saved
    expected = facts(world.reg, world, book, c)
    data = kexie.save_snapshot(None, world.reg, [book], [c])
    assert isinstance(data, bytes) and len(data) > 64
    kexie.save_snapshot(tmp_path / "same.snap", world.reg, [book], [c])
    assert (tmp_path / "same.snap").read_bytes() == data
    for source in (data, bytearray(data), memoryview(data)):
        with kexie.load_snapshot_bytes(source) as snap:
            check_loaded(snap, world, expected)
            assert snap.save() == data  # nothing lost or reordered on the way
    # The registry alone, and books/campaigns as any iterable.
    with kexie.load_snapshot_bytes(kexie.save_snapshot(None, world.reg)) as snap:
        assert snap.activity_books == () and snap.campaigns == ()
        assert snap.registry.rollup(world.province, AS_OF) == expected[0]
    with kexie.load_snapshot_bytes(kexie.save_snapshot(None, world.reg, iter([book]))) as snap:
        assert len(snap.activity_books) == 1


def test_damaged_input_raises_corrupt_data(saved, tmp_path):
    world, book, c = saved
    data = kexie.save_snapshot(None, world.reg, [book], [c])
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x20
    for bad in (data[:-7], data[:10], b"", bytes(flipped), b"not a snapshot" * 10):
        with pytest.raises(kexie.CorruptData) as info:
            kexie.load_snapshot_bytes(bad)
        assert info.value.message and info.value.code == -9
    path = tmp_path / "truncated.snap"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(kexie.CorruptData):
        kexie.load_snapshot(path)


def test_file_errors_and_refusals(saved, tmp_path):
    world, book, c = saved
    with pytest.raises(kexie.KexieIOError) as info:
        kexie.load_snapshot(tmp_path / "missing.snap")
    assert isinstance(info.value, OSError) and info.value.message
    with pytest.raises(kexie.KexieIOError):
        kexie.save_snapshot(tmp_path / "no-such-dir" / "x.snap", world.reg)
    with pytest.raises(kexie.InvalidArgument):
        kexie.save_snapshot(tmp_path / "x.snap", world.reg, mode=0o10000)
    with pytest.raises(TypeError):
        kexie.save_snapshot(None, world.reg, [None])
    other = kexie.Registry()
    foreign = kexie.ActivityBook(other, allow_asserted_roles=True)
    with pytest.raises(kexie.InvalidArgument):
        kexie.save_snapshot(None, world.reg, [book, foreign])
    foreign.close()
    other.close()
    assert not (tmp_path / "x.snap").exists()


def test_borrowed_objects_outlive_the_snapshot_object(saved):
    world, book, c = saved
    expected = facts(world.reg, world, book, c)
    snap = kexie.load_snapshot_bytes(kexie.save_snapshot(None, world.reg, [book], [c]))
    reg, loaded_book, campaign = snap.registry, snap.activity_books[0], snap.campaigns[0]
    del snap
    gc.collect()
    assert facts(reg, world, loaded_book, campaign) == expected
    # Closing a borrowed object only forgets it; the rest of the snapshot is intact.
    reg.close()
    reg.close()
    with pytest.raises(ValueError):
        reg.rollup(world.province, AS_OF)
    with campaign.score() as board:
        assert board.digest == expected[6]
    del loaded_book
    gc.collect()
    assert campaign.counts() == expected[5]


def test_closing_the_snapshot_closes_what_it_lent(saved):
    world, book, c = saved
    with kexie.load_snapshot_bytes(kexie.save_snapshot(None, world.reg, [book], [c])) as snap:
        reg, campaign = snap.registry, snap.campaigns[0]
    with pytest.raises(ValueError):
        reg.person(world.p[0])
    with pytest.raises(ValueError):
        campaign.counts()
    snap.close()  # twice is fine


def test_a_loaded_registry_takes_changes_and_saves_again(saved):
    world, book, c = saved
    with kexie.load_snapshot_bytes(kexie.save_snapshot(None, world.reg, [book], [c])) as snap:
        reg = snap.registry
        newcomer = reg.add_person("新人", D(1999, 9, 9), world.steel, "E-99")
        reg.add_membership(newcomer, world.steel, kexie.Role.MEMBER, D(2024, 1, 1))
        extra = kexie.ActivityBook(reg, allow_asserted_roles=True)
        data = kexie.save_snapshot(None, reg, snap.activity_books + (extra,), snap.campaigns)
        extra.close()
    with kexie.load_snapshot_bytes(data) as again:
        assert len(again.activity_books) == 2 and len(again.activity_books[1]) == 0
        assert again.registry.person(newcomer).name == "新人"
        assert (again.registry.rollup(world.province, AS_OF).members
                == world.reg.rollup(world.province, AS_OF).members + 1)
