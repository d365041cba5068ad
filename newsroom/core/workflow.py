"""The editorial workflow: one table of (state, action, next state, who may), and its rules.

The TUI and the CLI both ask `allowed_actions()` what a person may do to a
release and call `apply()` to do it; no status logic lives anywhere else.
See docs/workflow.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .checks import Around, CheckResult, run_checks
from .clock import to_zone
from .config import Config
from .errors import Refused
from .identity import display_name, person, same_person
from .model import NO_EMBARGO, Article, Comment, Correction, HistoryEntry, Status
from .rules import ACTIONS as ACTIONS  # (the workflow's actions, asked of it by name)
from .rules import (
    DELETABLE,
    EVERY_ACTION,
    PUBLISHER,
    REVIEWER,
    TABLE,
    Rule,
    may_review,
    rule_for,
)


@dataclass(frozen=True)
class Decision:
    """May this person take this action on this release now, and if not, why not.

    `reason` is English (the CLI's); `code` and `args` let another face word it in its
    language: no_rule (status, states), publisher_only, four_eyes (actor, name), checks.
    `meaning` is what the action does for this person when its name would mislead them:
    "withdraw" (requesting changes on the text they submitted takes the submission back).
    """

    action: str
    allowed: bool
    reason: str = ""
    rule: Rule | None = None
    checks: tuple[CheckResult, ...] = ()
    code: str = ""
    args: dict[str, str] = field(default_factory=dict)
    meaning: str = ""


@dataclass
class Outcome:
    """What an applied action did: the changed article and any recommended-check warnings."""

    article: Article
    warnings: list[str] = field(default_factory=list)
    advice: tuple[CheckResult, ...] = ()  # the recommended checks it failed, as facts


def decide(
    article: Article,
    action: str,
    actor: str,
    config: Config,
    now: dt.datetime,
    *,
    as_publisher: bool = False,
    around: Around | None = None,
) -> Decision:
    """Whether `actor` may take `action` on `article` now, with the reason when not.
    `around`: the newsroom around the release, for the checks that look beyond it (the
    door gives it; without it those checks are not asked)."""
    if action == "delete":
        return _decide_delete(article, actor, config)
    rule = rule_for(article, action)
    if rule is None:
        return _no_rule(article, action)
    if (
        rule.renews
        and _approval_stands(article, config)
        and not _original_corrected(article, around)
    ):
        reason = (
            "it is approved already and its approval stands: to move its embargo use "
            f"`newsroom embargo {article.id[:8]} --until ISO`"
        )
        args = {"ref": article.id[:8]}
        return Decision(action, False, reason, rule, code="approval_stands", args=args)
    found = person(config, actor)
    if found is not None and found.system and rule.who != PUBLISHER:
        return Decision(
            action,
            False,
            f"{found.key} is a system identity: it only publishes (act as yourself)",
            rule,
            code="system",
            args={"actor": found.key},
        )
    if rule.who == PUBLISHER and not as_publisher:
        return Decision(
            action,
            False,
            "publishing is done by `newsroom publish` (P in the desk)",
            rule,
            code="publisher_only",
        )
    if rule.who == REVIEWER or action == "submit":
        kept = kept_for_ever(article) if action in ("submit", "approve") else None
        if kept is not None:  # a hand edit of the file changed the number or the slug
            args = {k: str(v) for k, v in kept.facts.items()}
            return Decision(action, False, str(kept), rule, code=kept.code, args=args)
        return _decide_checked(article, actor, config, now, rule, around)
    submitted = next((h for h in reversed(article.history) if h.action == "submit"), None)
    means = _meaning(action, actor, submitted.by if submitted else None, config)
    return Decision(action, True, "", rule, meaning=means)


def _meaning(action: str, actor: str, submitter: str | None, config: Config) -> str:
    """What `action` by `actor` does when its name would mislead ("" when it does not):
    requesting changes on the text one sent for review (`submitter`, the last submission's
    sender) takes the submission back, "withdraw"."""
    withdraws = action == "request_changes" and same_person(config, submitter, actor)
    return "withdraw" if withdraws else ""


def history_meanings(article: Article, config: Config) -> list[str]:
    """What each entry of the release's history did, in its order, as a face names it: the
    entry's action, or what it meant for the one who took it (a request for changes by the
    person who submitted the text before it is a withdrawal, as `decide` called it then).
    The file keeps the action; this is how it reads."""
    meanings, submitter = [], None
    for h in article.history:
        meanings.append(_meaning(h.action, h.by, submitter, config) or h.action)
        if h.action == "submit":
            submitter = h.by
    return meanings


def _original_corrected(article: Article, around: Around | None) -> bool:
    """Whether a translation's original was corrected since the translation was approved
    (approving it again says it was looked at: checks.py's `original_corrected`)."""
    return around is not None and around.original_corrected(article) is not None


def _approval_stands(article: Article, config: Config) -> bool:
    """Whether the release's approval holds as recorded (seal.py: a row that `renews` an
    approval is for one that does not: approved before seals, or a text changed since)."""
    from .seal import approval_stands

    return approval_stands(article, config)


def _decide_delete(article: Article, actor: str, config: Config) -> Decision:
    """A release never published nor approved may be deleted, file and companion folder
    (a draft, or one sent back for changes): partners never saw it. One that went out never
    is: it is retracted, and its record stays. Nor one that was approved: under embargo it
    may have gone to partners, whom only its record (sent back, or approved again) tells
    it was withdrawn."""
    found = person(config, actor)
    if found is not None and found.system:
        reason = f"{found.key} is a system identity: it only publishes (act as yourself)"
        return Decision("delete", False, reason, code="system", args={"actor": found.key})
    if article.status == Status.RETRACTED:  # went out, and is already withdrawn
        reason = (
            "a release that was published is never deleted, and this one is already "
            "retracted: its record stays"
        )
        return Decision("delete", False, reason, code="retracted_kept")
    if article.published is not None or article.is_live or article.corrections:
        reason = (
            "a release that was published is never deleted: retract it "
            f"(`newsroom retract {article.id[:8]} --reason WHY`), its record stays"
        )
        args = {"ref": article.id[:8]}
        return Decision("delete", False, reason, code="published_kept", args=args)
    if any(h.action == "approve" for h in article.history):
        reason = (
            "a release that was approved is never deleted: under embargo partners may have "
            "it, and its record tells them it was withdrawn; leave it sent back or as a draft"
        )
        return Decision("delete", False, reason, code="approved_kept")
    if article.status not in DELETABLE:
        states = ", ".join(DELETABLE)
        reason = f"cannot delete a release that is {article.status} (only when: {states})"
        args = {"status": str(article.status), "states": states, "live_states": ""}
        return Decision("delete", False, reason, code="no_rule", args=args)
    return Decision("delete", True)


def _no_rule(article: Article, action: str) -> Decision:
    """The refusal of an action the table has no row for in this state. Some rows hold
    only for a live release (a published one whose correction is under way): the
    refusal names those apart, and says when this release was never published, so it
    never lists the state it refuses (`retract` on a draft sent back for changes)."""
    rows = [r for r in TABLE if r.action == action and not r.renews]
    states = ", ".join(sorted({r.state for r in rows if not r.live_only}))
    live = ", ".join(dict.fromkeys(r.state for r in rows if r.live_only))  # the table's order
    never = article.status in live.split(", ") and not article.is_live
    label, status = action.replace("_", " "), article.status
    reason = f"cannot {label} a release that is {status}"
    reason += " and was never published" if never else ""
    also = f"; or published, with a correction {live}" if live and states else ""
    also = f"published, with a correction {live}" if live and not states else also
    reason += f" (only when: {states}{also})"
    args = {"status": status, "states": states, "live_states": live}
    if never:
        args["never"] = "yes"
    return Decision(action, False, reason, code="no_rule", args=args)


def _decide_checked(
    article: Article,
    actor: str,
    config: Config,
    now: dt.datetime,
    rule: Rule,
    around: Around | None = None,
) -> Decision:
    """Submit and approve run the checklist (the same one): a required check that fails
    refuses them; the results ride along, so a refusal can list them (four eyes too)."""
    checks = tuple(run_checks(article, config, now, around=around))
    if rule.who == REVIEWER and not may_review(config, article.last_editor, actor):
        name = display_name(config, actor)  # as [people] names them, not their login
        return Decision(
            rule.action,
            False,
            f"you, {name}, changed the text last: someone else must "
            + ("move its embargo" if rule.action == "embargo" else "approve it"),
            rule,
            checks,
            code="four_eyes",
            args={"actor": actor, "name": name},
        )
    blocking = [c for c in checks if c.blocks]
    if blocking:
        reason = "checks not passed: " + "; ".join(_with_fix(c, article) for c in blocking)
        return Decision(rule.action, False, reason, rule, checks, code="checks")
    return Decision(rule.action, True, "", rule, checks)


def _with_fix(check: CheckResult, article: Article) -> str:
    """A failed check and where to fix it (English, the CLI's and the logs' wording)."""
    if not check.field:
        return check.message
    return f"{check.message} (set {check.field} in the editor or `newsroom edit {article.id[:8]}`)"


def refusal(decision: Decision, article: Article) -> Refused:
    """The error for a refused decision: English, with the facts a face words it from
    (`path`: the release's file, relative to the newsroom, "" before its first save)."""
    return Refused(
        f"{decision.action.replace('_', ' ')} refused: {decision.reason}",
        code="refused",
        action=decision.action,
        reason=decision.code,
        args=decision.args,
        checks=decision.checks,
        ref=article.id,
        path=str(article.path or ""),
    )


def allowed_actions(
    article: Article,
    actor: str,
    config: Config,
    now: dt.datetime,
    around: Around | None = None,
) -> dict[str, Decision]:
    """Every action with its decision for this person on this release (for menus and keys)."""
    return {
        action: decide(article, action, actor, config, now, around=around)
        for action in EVERY_ACTION
    }


def apply(
    article: Article,
    action: str,
    actor: str,
    config: Config,
    now: dt.datetime,
    *,
    note: str = "",
    embargo: dt.datetime | None = None,
    clear_embargo: bool = False,
    as_publisher: bool = False,
    via: str = "",
    published_at: dt.datetime | None = None,
    around: Around | None = None,
) -> Outcome:
    """Take the action: change the article in place, append to history, or raise Refused.

    An approval (and a move of the embargo) seals the content approved; a publication
    seals the content put out and numbers the version (see seal.py). `published_at` is the
    moment publish decided partners see for a publication (a first publication's time, a
    correction's): publish decides it (publish/golive.py), the history says `now`."""
    from .seal import content_of, digest, live_content

    note = note.strip()
    if action == "approve" and moves_embargo(article, embargo, clear_embargo, config):
        reason = (
            "it is already approved: to move its embargo use "
            f"`newsroom embargo {article.id[:8]} --until ISO --note WHY` (the move is recorded)"
        )
        args = {"ref": article.id[:8]}
        raise refusal(Decision(action, False, reason, code="embargo_moves", args=args), article)
    if action in ("approve", "embargo") and (embargo is not None or clear_embargo):
        article.embargo = None if clear_embargo else to_zone(embargo, config.tz)  # type: ignore[arg-type]
    decision = decide(article, action, actor, config, now, as_publisher=as_publisher, around=around)
    if not decision.allowed or decision.rule is None:
        raise refusal(decision, article)
    rule = decision.rule
    if rule.needs and not note:
        raise Refused(
            f"{action.replace('_', ' ')} needs a {rule.needs} saying why",
            code="needs",
            action=action,
            needs=rule.needs,
        )
    when = to_zone(now, config.tz)
    if action == "publish":
        _publish(article, actor, to_zone(published_at or when, config.tz))
    else:
        _EFFECTS.get(action, _no_effect)(article, actor, when, note)
    if action != "comment":
        entry = HistoryEntry(when, actor, action, rule.state, rule.next, note, via=via)
        if action in ("approve", "embargo"):
            entry.seal = digest(content_of(article))
            entry.embargo = _lift_recorded(article, action)
        elif action == "publish":
            entry.version = len(article.corrections) + 1
            entry.seal = digest(live_content(article))
        article.history.append(entry)
        article.status = rule.next
        article.updated = when
    advice = tuple(c for c in decision.checks if not c.passed and c.level == "recommended")
    return Outcome(article, [f"{c.message} (recommended)" for c in advice], advice)


def _lift_recorded(article: Article, action: str) -> str:
    """What an approval or a move of the embargo records of the lift time it set: its time,
    or, for a move that took the embargo away, that it did (who moved it when, to what)."""
    if article.embargo is not None:
        return article.embargo.isoformat()
    return NO_EMBARGO if action == "embargo" else ""


def moves_embargo(
    article: Article, embargo: dt.datetime | None, clear_embargo: bool, config: Config
) -> bool:
    """Whether approving this release with this embargo would move the embargo it was
    approved with: that is the `embargo` action (a move, recorded with its note), never a
    second approval's side effect (it silently undid a move made meanwhile)."""
    if article.status != Status.APPROVED or (embargo is None and not clear_embargo):
        return False
    wanted = None if clear_embargo or embargo is None else to_zone(embargo, config.tz)
    return wanted != article.embargo


def _no_effect(article: Article, actor: str, when: dt.datetime, note: str) -> None:
    return None


def _comment(article: Article, actor: str, when: dt.datetime, note: str) -> None:
    article.comments.append(Comment(when, actor, note))


def _correct(article: Article, actor: str, when: dt.datetime, note: str) -> None:
    article.published_version = live_version(article)


def _retract(article: Article, actor: str, when: dt.datetime, note: str) -> None:
    if article.published_version is not None:
        restore_live_version(article)


def _cancel_correction(article: Article, actor: str, when: dt.datetime, note: str) -> None:
    """The correction is dropped: the published text comes back as it was sealed."""
    restore_live_version(article)


def _publish(article: Article, actor: str, moment: dt.datetime) -> None:
    """A correction becomes a numbered notice at `moment`; a first publication takes it as
    its publication time."""
    if article.published_version is not None:
        pending = next((h for h in reversed(article.history) if h.action == "correct"), None)
        number = len(article.corrections) + 1
        by, note = (pending.by, pending.note) if pending else (actor, "")
        article.corrections.append(Correction(number, moment, by, note))
        article.published_version = None
    elif article.published is None:
        article.published = moment


_EFFECTS = {"comment": _comment, "correct": _correct, "retract": _retract,
            "cancel_correction": _cancel_correction}  # fmt: skip


def live_version(article: Article) -> dict[str, Any]:
    """What a correction keeps of the published text while it is written (view.py)."""
    from .view import kept_version

    return kept_version(article)


def restore_live_version(article: Article) -> None:
    """Put the published text back (a retraction of a release under correction)."""
    from .view import SEALED, partner_text

    live = partner_text(article)
    for name in SEALED:
        value = getattr(live, name)
        setattr(article, name, list(value) if isinstance(value, tuple) else value)
    article.kind = live.kind or ("" if article.kind != "siaran-pers" else article.kind)
    article.denies, article.attachments = list(live.denies), list(live.attachments)
    article.published_version = None


# What names a published release for ever, so a correction keeps it: its number (partners
# and the lookup by number cite it) and its slug (its page's address, `siaran-pers/<slug>/`,
# where every feed, mail and shared link points: a new slug would move the page and break
# them). The rule's one home: the edit, submit and approve (here) and publish (golive.py)
# ask it.
KEPT_FOR_EVER = {"release_number": "number_kept", "slug": "slug_kept"}


def kept_for_ever(article: Article) -> Refused | None:
    """The refusal when a correction changes what a published release keeps for ever (its
    number, its slug), naming the file and the value to put back; None when it does not.
    Compared with the published version the correction keeps (`published_version`)."""
    kept = article.published_version
    if kept is None:
        return None
    for name, code in KEPT_FOR_EVER.items():
        if name not in kept:
            continue  # (a version kept before it held this field: nothing to compare)
        was = str(kept.get(name) or "")
        if str(getattr(article, name) or "") == was:
            continue
        what = "number" if name == "release_number" else "slug (its page's address)"
        return Refused(
            f"{article.path}: a published release keeps its {what} for ever: put back "
            f"{name}: {was!r} (`newsroom edit {article.id[:8]}`), a correction cannot change it",
            code=code, number=was, slug=was, path=str(article.path), ref=article.id[:8],
        )  # fmt: skip
    return None


def record_edit(
    article: Article, actor: str, config: Config, now: dt.datetime, via: str = ""
) -> None:
    """Note a change of text in the history (it makes `actor` the last editor)."""
    decision = decide(article, "edit", actor, config, now)
    if not decision.allowed:
        raise refusal(decision, article)
    kept = kept_for_ever(article)
    if kept is not None:
        raise kept
    when = to_zone(now, config.tz)
    entry = HistoryEntry(when, actor, "edit", article.status, article.status, via=via)
    article.history.append(entry)
    article.updated = when


def adopt(article: Article, actor: str, config: Config, now: dt.datetime, *, via: str = "") -> bool:
    """Seal, as it is now, a release published before publications were sealed.

    An explicit, recorded step (history: `adopt`, by whom, when), taken once when a
    newsroom upgrades (`newsroom adopt`, or its publishing server's first run): from then
    on its live text is checked like any other. False when there is nothing to adopt."""
    from .seal import PUBLICATIONS, digest, live_content

    last = next((h for h in reversed(article.history) if h.action in PUBLICATIONS), None)
    if last is None or last.seal:
        return False
    when = to_zone(now, config.tz)
    # (no note: the faces word "sealed as published on ..." in their person's language,
    # from the release's publication time: explain.history_note)
    article.history.append(
        HistoryEntry(
            when,
            actor,
            "adopt",
            article.status,
            article.status,
            seal=digest(live_content(article)),
            version=len(article.corrections) + 1,
            via=via,
        )
    )
    return True
