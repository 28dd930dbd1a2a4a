# Issue 13 from Python: a campaign's phase, its binding to a 讲比 activity, the
# expert rule, and the refusals of conclude and commend for an unbound campaign.
from datetime import date as D, datetime, timezone

import pytest

import kexie


def spec(world, **kw):
    return kexie.CampaignSpec("2025 讲比", world.province, D(2025, 11, 30), 2024,
                              tiers=[kexie.AwardTier("一等奖", count=1)], **kw)


def test_an_unbound_campaign_says_so_and_is_never_commended(world):
    c = kexie.Campaign(world.reg, spec(world))
    assert c.phase == kexie.Phase.UNBOUND
    assert not c.bound
    assert c.digests() == ("", "")
    book = kexie.ActivityBook(world.reg)
    chair = kexie.Actor(world.q[0])
    at = datetime(2025, 12, 20, 10, tzinfo=timezone.utc)
    with pytest.raises(kexie.RuleViolation) as e:
        c.commend(book, chair, at)
    assert e.value.rule == "campaign.unbound"
    with pytest.raises(kexie.RuleViolation) as e:
        c.conclude(book, chair, at, 95)
    assert e.value.rule == "campaign.unbound"
    with pytest.raises(kexie.NotFound) as e:
        kexie.Campaign(world.reg, spec(world), book=book, activity=42)
    assert e.value.rule == "campaign.open"


def test_the_expert_rule_is_configurable(world):
    anyone = kexie.Campaign(world.reg, spec(world, expert_rule=kexie.ExpertRule.OFF))
    assert anyone.add_judge(world.q[0]) == 1
    strict = kexie.Campaign(world.reg, spec(world, expert_rule=kexie.ExpertRule.ALWAYS))
    with pytest.raises(kexie.RuleViolation) as e:
        strict.add_judge(world.q[0])
    assert e.value.rule == "panel.expert"
    assert e.value.article == "A8"


def test_scope_and_submission_day(world):
    c = kexie.Campaign(world.reg, spec(world, entry_deadline=D(2025, 9, 30)))
    c.set_rubric_text(kexie.Category.RATIONALIZATION_PROPOSALS, "细则",
                      "A|评审指标 judged||judged|1|0|100|1\n")
    # Unbound: the deadline is not a phase rule, but the scope rule holds.
    e = c.add_entry("E1", "t", world.steel, kexie.Category.RATIONALIZATION_PROPOSALS,
                    [(world.p[0], 1)], D(2024, 3, 1), submitted=D(2025, 9, 1))
    assert e == 1
    with pytest.raises(kexie.RuleViolation) as x:
        c.add_entry("E2", "t", world.steel, kexie.Category.RATIONALIZATION_PROPOSALS,
                    [(world.p[1], 1)], D(2024, 3, 1), submitted=D(2025, 10, 1))
    assert x.value.rule == "campaign.entry_deadline"
