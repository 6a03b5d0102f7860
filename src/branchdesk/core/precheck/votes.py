"""The votes of steps 15 and 23: counts that add up, quorum, majority, and the linked minutes."""

from __future__ import annotations

from branchdesk.core.dates import fmt
from branchdesk.core.precheck.facts import FileFacts, MeetingVote, StepFact
from branchdesk.core.precheck.found import Found, error
from branchdesk.core.rulebook import passes, quorum, rulebook_on
from branchdesk.core.rulebook.citations import citation

#: step → (quorum citation, majority citation, what was voted on)
VOTES = {
    15: ("admission_quorum", "admission_majority", "接收预备党员"),
    23: ("conversion_quorum", "conversion_majority", "转正"),
}
#: the figures compared with the minutes: (details key, VoteInput attribute, label)
FIGURES = (
    ("entitled", "entitled", "应到会有表决权人数"),
    ("present", "present", "实到会有表决权人数"),
    ("written_votes", "written", "会前书面意见人数"),
    ("yes", "yes", "赞成票"),
    ("against", "against", "反对票"),
    ("abstain", "abstain", "弃权票"),
)


def _count(r: StepFact, key: str) -> int | None:
    value = r.details.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def _figures(r: StepFact) -> list[Found]:
    quorum_key, majority_key, _what = VOTES[r.step]
    version = rulebook_on(r.date).version
    quorum_rule, majority_rule = citation(quorum_key, version), citation(majority_key, version)
    entitled, present, yes = _count(r, "entitled"), _count(r, "present"), _count(r, "yes")
    if entitled is None or present is None or yes is None:
        return []  # imported history without figures; a live record needs them (replay)
    written = _count(r, "written_votes") or 0
    against, abstain = _count(r, "against") or 0, _count(r, "abstain") or 0
    found: list[Found] = []
    if present + written > entitled:
        found.append(error(
            r.step, quorum_rule,
            f"实到{present}人与会前书面意见{written}人合计{present + written}，多于应到会有表决权"
            f"的{entitled}人：请核对到会人数",
            r,
        ))
    votes, voters = yes + against + abstain, present + written
    if votes != voters:
        more = "多于" if votes > voters else "少于"
        found.append(error(
            r.step, majority_rule,
            f"赞成{yes}票、反对{against}票、弃权{abstain}票，合计{votes}票，{more}实到会有表决权"
            f"的{present}人与会前书面意见{written}人之和{voters}：票数对不上，请核对表决票数",
            r,
        ))
    if not quorum(entitled, present):
        found.append(error(
            r.step, quorum_rule,
            f"应到会有表决权的正式党员{entitled}人，实到{present}人，未超过半数：会议不能讨论"
            f"{VOTES[r.step][2]}，须重新召开支部大会",
            r,
        ))
    if not passes(entitled, yes):
        found.append(error(
            r.step, majority_rule,
            f"应到会有表决权的正式党员{entitled}人，赞成{yes}票，未超过半数：决议未通过，"
            "请核对表决结果",
            r,
        ))
    return found


def _minutes(r: StepFact, vote: MeetingVote) -> list[Found]:
    version = rulebook_on(r.date).version
    quorum_key, majority_key, _what = VOTES[r.step]
    quorum_rule, majority_rule = citation(quorum_key, version), citation(majority_key, version)
    where = f"会议记录第 {vote.meeting_id} 号"
    if not vote.found:
        return [error(
            r.step, majority_rule,
            f"本步关联的{where}不存在或其中没有对本人的{VOTES[r.step][2]}表决：请核对会议记录",
            r,
        )]
    found: list[Found] = []
    if vote.date is not None and vote.date != r.date:
        found.append(error(
            r.step, majority_rule,
            f"本步日期（{fmt(r.date)}）与{where}的会议日期（{fmt(vote.date)}）不一致：请核对",
            r,
        ))
    differ = []
    for key, attribute, label in FIGURES:
        step_value = _count(r, key) or 0
        meeting_value = getattr(vote, attribute)
        if step_value != meeting_value:
            differ.append(f"{label}本步为{step_value}、会议记录为{meeting_value}")
    step_method = r.details.get("method")
    if step_method and vote.method and step_method != vote.method:
        differ.append(f"表决方式本步为{step_method}、会议记录为{vote.method}")
    if differ:
        found.append(error(
            r.step, majority_rule,
            f"本步的表决情况与{where}不一致：{'；'.join(differ)}。请核对后更正",
            r,
        ))
    if not vote.meeting_quorum:
        found.append(error(
            r.step, quorum_rule,
            f"{where}的到会人数未达规定，会议不能作出决定：须重新召开支部大会表决",
            r,
        ))
    return found


def check_votes(facts: FileFacts) -> list[Found]:
    """Every admission and conversion vote on file: its figures and its minutes."""
    found: list[Found] = []
    for r in facts.current_records():
        if r.step not in VOTES:
            continue
        found += _figures(r)
        if r.vote is not None:
            found += _minutes(r, r.vote)
    return found
