"""How the faces word what the core reports: a check, a refusal, an error, a publish run.

The core gives codes and facts (`CheckResult`, `Decision`, `NewsroomError.code/facts`,
`PublishResult.moves`); these functions put them in the person's language, with what to
do. `face` is "cli" or "tui": a fix names `newsroom edit REF` on the command line and the
editor's key on the desk. Errors without a code (a broken file's YAML, a bad
newsroom.toml) are shown as the core wrote them, in English: they quote keys and lines
for whoever repairs the file, and stand on their own line, never inside a sentence here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..core.errors import NewsroomError, Problem
    from ..core.model import HistoryEntry
    from ..core.service import CheckResult, PublishResult
    from ..core.workflow import Decision
    from . import Translator

TimeText = Callable[[dt.datetime | None], str]
# Checks failed by something missing ("set Kota"); the others by something to change.
_MISSING = frozenset({"required_fields", "summary", "category", "image_caption_credit",
                      "caption_photo"})  # fmt: skip
FEEDS_SHOWN = 4  # feed names listed for one release before "and N more"


def field_label(t: Translator, name: str, zone: str = "WIB") -> str:
    """The editor's label of a field (`dateline` -> Kota)."""
    return t("field." + name, zone=zone) if t.has("field." + name) else name


def check_text(
    t: Translator, check: CheckResult, when: TimeText | None = None, face: str = "cli"
) -> str:
    """One line of the checklist: what passes, or what fails (in the desk's own words where
    the command line's name a command: `face`)."""
    if check.passed:  # in a correction's own words where it has them (checks.CORRECTION_LABELS)
        wording = check.args.get("wording")
        return t(f"check.{check.name}.{wording}" if wording else "check." + check.name)
    args: dict[str, Any] = dict(check.args)
    if "fields" in args:
        args["fields"] = ", ".join(field_label(t, f.strip()) for f in args["fields"].split(","))
    if "what" in args:
        names = {"caption": "caption", "credit": "photo_credit"}
        parts = [field_label(t, names.get(w, w)).lower() for w in args["what"].split(" and ")]
        args["what"] = t("and").join(parts)
    if "field" in args:
        args["field"] = field_label(t, args["field"]).lower()
    if "when" in args and when is not None:
        args["when"] = when(dt.datetime.fromisoformat(args["when"]))
    if check.name == "attachment_files":
        args["kind"] = t("check.attachment." + args["kind"])
    if "holder" in args:
        from ..core.service import GONE

        args["holder"] = args["holder"].replace(GONE, t("check.holder_gone"))
    key = f"check.{check.name}.fail"
    return t(f"{key}.tui" if face == "tui" and t.has(f"{key}.tui") else key, **args)


def lift_set(t: Callable[..., str], action: str, embargo: str, when: TimeText) -> str:
    """What an approval or a move of the embargo set, as its history entry records it
    (HistoryEntry.embargo): a move "→ 11-12-2026 10:00 WIB" (or "→ tanpa embargo"), an
    approval "embargo hingga 10-12-2026 09:00 WIB"; "" when it set none."""
    from ..core.model import NO_EMBARGO

    if not embargo:
        return ""
    lift = t("embargo.none") if embargo == NO_EMBARGO else when(dt.datetime.fromisoformat(embargo))
    return f"→ {lift}" if action == "embargo" else t("history.embargo", when=lift)


# What an adoption's history note said when the file kept it worded (in the office's
# language, before the note was worded where it is read): such a note is worded anew.
_ADOPTED_NOTE = re.compile(r"^(sealed as published on|disegel seperti terbit pada) ")


def history_note(
    t: Callable[..., str], entry: HistoryEntry, published: dt.datetime | None, when: TimeText
) -> str:
    """A history entry's note as the person reads it: an adoption's ("sealed as published
    on 07-12-2018 15:30 WIB") worded in their language from the release's publication
    time (`published`; else the entry's own), whatever language an older file wrote it
    in; any other note as it was written."""
    if entry.action == "adopt" and (not entry.note or _ADOPTED_NOTE.match(entry.note)):
        return t("history.adopted", when=when(published or entry.at))
    return entry.note


def check_with_fix(
    t: Translator,
    check: CheckResult,
    face: str,
    ref: str = "",
    when: TimeText | None = None,
    action: str = "",
    status: str = "",
) -> str:
    """A failed check and where to fix it: "no dateline — set Kota in the editor (e)". The
    embargo of an approval or a move is fixed where that action takes it (the checklist's
    field, `--embargo`, `--until`), not in the editor, which an approved release refuses.
    A release in a `status` the editor refuses (approved, published) says how to change it
    there: request changes first, start a correction (the refusal's own hint); an approval's
    checklist (the reviewer's) says to request changes, so the writer fixes it."""
    text = check_text(t, check, when, face)
    if check.passed or not check.field:
        return text
    key = f"fix.{check.field}.{action}.{face}"  # (the embargo: where the action takes it)
    if not t.has(key) and t.has(f"hint.edit.{status}"):  # the editor refuses this release
        return t("check.with_fix", text=text, fix=hint(t, f"hint.edit.{status}", face, ref))
    verb = "set" if check.name in _MISSING else "change"
    if not t.has(key):  # (a reviewer's checklist: the writer fixes it, else the reviewer
        # becomes the last to change the text, and can no longer approve it)
        key = f"fix.{verb}.{action}.{face}"
        key = key if t.has(key) else f"fix.{verb}.{face}"
    fix = t(key, field=field_label(t, check.field), ref=ref[:8])
    return t("check.with_fix", text=text, fix=fix)


def hint(t: Translator, key: str, face: str, ref: str = "") -> str:
    """What to do instead, in the face's words: the desk's names its keys alone (its
    `.tui` wording: a command line there would need a release id the person never typed),
    the command line's names the command with the release (`REF` when none is known)."""
    if face == "tui" and t.has(key + ".tui"):
        return t(key + ".tui")
    return t(key, ref=ref[:8] or "REF")


def why(
    t: Translator,
    code: str,
    args: dict[str, Any],
    checks: Sequence[CheckResult] = (),
    face: str = "cli",
    ref: str = "",
    action: str = "",
    when: TimeText | None = None,
) -> str:
    """Why an action is refused, from the workflow's code and facts (`when`: how the face
    shows a time, for a check that names one)."""
    if code == "no_rule":
        status = str(args.get("status", ""))
        named = [t("a." + s) for s in _names(args.get("states"))]
        states = _listed(t, named) if named else ""  # `a, b or c`: one "or", not three
        live = [t("correction_is." + s) for s in _names(args.get("live_states"))]
        if live:  # rows only for a live release: a published one whose correction is under way
            also = "why.no_rule.live" if states else "why.no_rule.live_only"
            states += t(also, states=_listed(t, live))
        shown = t("a." + status)
        text = t(
            "why.no_rule",
            verb=t("verb." + action),
            status=t("a.never_published", what=shown) if args.get("never") else shown,
            states=states,
        )
        way = f"hint.{action}.{status}"  # what to do instead, where there is a way
        return f"{text}: {hint(t, way, face, ref)}" if t.has(way) else text
    if code == "checks":
        failed = [check_with_fix(t, c, face, ref, when, action) for c in checks if c.blocks]
        return t("why.checks", list="; ".join(failed))
    if t.has(f"why.{code}.{action}"):  # the same refusal, worded for this action
        return t(f"why.{code}.{action}", **{k: str(v) for k, v in args.items()})
    if t.has("why." + code):
        return t("why." + code, **{k: str(v) for k, v in args.items()})
    return code


def _names(value: Any) -> list[str]:
    """The states a refusal lists (a comma-separated text of the core's)."""
    return [s.strip() for s in str(value or "").split(",") if s.strip()]


def _listed(t: Translator, items: Sequence[str]) -> str:
    """`a, b or c` in the person's language."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + t("or") + items[-1]


def decision_text(
    t: Translator, decision: Decision, face: str, ref: str = "", when: TimeText | None = None
) -> str:
    """A refused decision, worded (the reason alone, without the action)."""
    return why(t, decision.code, decision.args, decision.checks, face, ref, decision.action, when)


def error_text(
    t: Translator,
    error: NewsroomError,
    face: str = "cli",
    dry_run: bool = False,
    when: TimeText | None = None,
) -> str:
    """An error of the core in the person's language when it has a code, else as written
    (`dry_run`: a refusal as what a dry run found, "would be refused"; `when`: how the
    face shows a time a check names)."""
    facts = error.facts
    if error.code == "refused":
        action = str(facts.get("action", ""))
        args: dict[str, Any] = facts.get("args") or {}  # type: ignore[assignment]
        checks: tuple[CheckResult, ...] = facts.get("checks") or ()  # type: ignore[assignment]
        ref = str(facts.get("ref", ""))
        reason = why(t, str(facts.get("reason", "")), args, checks, face, ref, action, when)
        if face == "cli" and facts.get("path"):  # the command line names the file, as its
            reason = f"{facts['path']}: {reason}"  # done actions do (the desk shows it)
        return t("refused" + (".dry" if dry_run else ""), action=t("action." + action),
                 reason=reason)  # fmt: skip
    if error.code == "seal":  # an action refused by a seal's problem (seal.py): its words
        action = str(facts.get("action", ""))
        problem: tuple[str, str, tuple[tuple[str, str], ...]] = facts["problem"]  # type: ignore[assignment]
        reason = seal_text(t, *problem)
        if face == "cli" and facts.get("path"):  # (the file it says to restore, as above)
            reason = f"{facts['path']}: {reason}"
        return t("refused", action=t("action." + action), reason=reason)
    if error.code == "needs":
        action = t("action." + str(facts.get("action", "")))
        return t("needs." + str(facts.get("needs", "note")), action=action)
    if error.code == "owned":
        names = facts.get("fields") or []
        fields = ", ".join(field_label(t, str(n)) for n in names)  # type: ignore[attr-defined]
        return t("error.owned", fields=fields)
    if error.code and t.has("error." + error.code):
        key = "error." + error.code  # the desk's own words where the CLI's name a command
        key = key + ".tui" if face == "tui" and t.has(key + ".tui") else key
        return t(key, **with_cause(t, {k: str(v) for k, v in facts.items()}))
    return str(error)


def seal_text(
    t: Translator,
    code: str,
    message: str,
    facts: Mapping[str, str] | Iterable[tuple[str, str]] = (),
) -> str:
    """Why publish keeps a release out (a seal's, the ledger's or an attachment's code:
    `seal.<code>`): the core's message in English, the code's sentence with its facts (who,
    when, which file) in Indonesian. A status or an action among the facts is worded too."""
    key = "seal." + code
    if t.language == "en" or not t.has(key):
        return message
    values = dict(facts)
    if "kept_as" in values:  # partners' version kept for another problem: its words first
        values["said"] = seal_text(t, values.pop("kept_as"), message, values)
    values = with_cause(t, values)
    for name, prefix in (("status", "status."), ("action", "action.")):
        if name in values and t.has(prefix + values[name]):
            values[name] = t(prefix + values[name])
    try:
        return t(key, **values)
    except (KeyError, IndexError):  # a fact its words need is not there: an older record
        return message


def problem_text(t: Translator, problem: Problem) -> str:
    """A problem `newsroom check` found in a file, naming the file: a seal's, the ledger's
    or an attachment's in the person's language (seal_text); others as the core says them
    (a broken YAML's words name keys and lines for whoever repairs it)."""
    if not problem.code:
        return str(problem)
    where = f"{problem.path}:{problem.line}" if problem.line else str(problem.path)
    for key in ("problem." + problem.code, "failed." + problem.code):  # its words, with
        if t.has(key):  # the fix (a translation's: publish refuses it alike)
            try:
                return t(key, **{**dict(problem.facts), "path": where})
            except (KeyError, IndexError):
                break
    text = seal_text(t, problem.code, problem.message, problem.facts)
    return f"{where}: {text} ({problem.hint})" if problem.hint else f"{where}: {text}"


def with_cause(t: Translator, facts: Mapping[str, str]) -> dict[str, str]:
    """Facts whose `reason`, the error behind a failure (errors.cause: its code in
    `because`), is worded in the person's language."""
    values = dict(facts)
    if values.get("because"):
        values["reason"] = cause_text(t, values)
    return values


def cause_text(t: Translator, facts: Mapping[str, str]) -> str:
    """The error behind a failure (errors.cause: `because`, its code, with its facts) in
    the person's language; without words for its code, as the core said it (`reason`)."""
    values = dict(facts)
    code, reason = values.pop("because", ""), values.get("reason", "")
    if t.has("error." + code):
        try:
            return t("error." + code, **values)
        except (KeyError, IndexError):
            return reason
    return seal_text(t, code, reason, values) if code else reason


def failure_text(t: Translator, failed: str) -> str:
    """A line of a run's `failed` (or of the last run's, `newsroom status`) in the person's
    language when it was made with its code and facts (errors.Said: `failed.<code>`)."""
    return said_failure(t, failed, code_and_facts(failed))


def warning_text(t: Translator, warning: str) -> str:
    """A run's warning (`result.warnings`, mail's problems) in the person's language when
    it was made with its code and facts (errors.Said: `warned.<code>`), else as written."""
    return said_failure(t, warning, code_and_facts(warning), "warned.")


def line_text(t: Translator, line: str) -> str:
    """An error the core kept as a line with its code and facts (errors.Said: mail's send
    log) in the person's language by `error.<code>`, else as written."""
    from ..core.errors import NewsroomError

    kept = code_and_facts(line)
    if kept is None or not t.has("error." + kept[0]):
        return line
    try:
        return error_text(t, NewsroomError(str(line), code=kept[0], **kept[1]))
    except (KeyError, IndexError):  # a fact its words need is not there: an older log's
        return line


def code_and_facts(line: str) -> tuple[str, dict[str, str]] | None:
    """The code and facts a line of the core was made with (errors.Said), if any."""
    code: str = getattr(line, "code", "")
    return (code, getattr(line, "facts", {})) if code else None


def said_failure(
    t: Translator, failed: str, said: tuple[str, dict[str, str]] | None, kind: str = "failed."
) -> str:
    """A run's failure in the person's language when its code and facts were kept (by the
    run, or in its state for `newsroom status`): by its own words (`failed.<code>`, naming
    its file and what to do), else a seal's or an error's after the file it names. A
    warning (`kind` "warned.") alike, by `warned.<code>` (warning_text)."""
    if said is None:
        return failed
    code, facts = said
    if t.has(kind + code):
        try:
            return t(kind + code, **with_cause(t, facts))
        except (KeyError, IndexError):  # a fact its words need is not there
            return failed
    if t.has("problem." + code) and "path" in facts:  # a file that cannot be read (status)
        try:
            return t("problem." + code, **facts)
        except (KeyError, IndexError):
            return failed
    if t.language == "en":
        return failed
    path, _, message = failed.partition(": ")
    if t.has("seal." + code):
        return f"{path}: {seal_text(t, code, message, facts)}"
    if t.has("error." + code):
        try:
            return f"{path}: {t('error.' + code, **facts)}"
        except (KeyError, IndexError):
            return failed
    return failed


# ---------------------------------------------------------------- a publish run


def feed_names(t: Translator, paths: Iterable[str]) -> str:
    """The feeds a release reaches, by folder: `main, category/pemilu, private/antara`."""
    names: list[str] = []
    for path in paths:
        folder = path.rpartition("/")[0]
        name = folder or t("feed.main")
        if name not in names:
            names.append(name)
    if len(names) > FEEDS_SHOWN + 1:  # ("and 1 more" would hide a name it could say)
        return t("feed.more", feeds=", ".join(names[:FEEDS_SHOWN]), n=len(names) - FEEDS_SHOWN)
    return ", ".join(names)


def publish_lines(
    t: Translator, result: PublishResult, when: TimeText, typed: bool = False,
    signing: bool = True,
) -> list[str]:  # fmt: skip
    """A person's summary of a run: each release once, then what was (or would be) written.
    `typed`: the key's passphrase is to be typed (the desk's field), and a preview says so;
    `signing` False: without the line of its signature (`signed_line`, the desk's own)."""
    if result.busy:
        return [t("publish.busy")]
    dry = ".dry" if result.dry_run else ""
    out = []
    given = {p["id"]: p.get("number") for p in result.published if p.get("kind") == "published"}
    for move in result.moves:
        feeds = feed_names(t, move.feeds)
        title = move.title
        if given.get(move.id):  # the number its first publication gave it
            title = f"{title} ({given[move.id]})"
        notice = t("notice." + move.notice, n=move.correction) if move.notice else ""
        if move.notice:  # a notice item: its release as a person knows it
            title = move.release_number or move.title
        key = f"move.{move.kind}{dry}"
        if move.kind == "held" and feeds:
            key = "move.held_early"
        elif move.kind == "held_correction" and not feeds:  # its feeds do not move this run
            key = "move.held_correction_quiet"
        out.append(t(key, title=title, feeds=feeds or "—", when=when(move.until), notice=notice))
    from ..core.service import is_private

    if result.skipped:
        out.append(t("publish.nothing_changed"))
    elif result.dry_run and (result.to_write or result.to_remove):
        public = [p for p in result.to_write if not is_private(p)]
        at_most = "_at_most" if result.to_write_at_most else ""
        at_most = at_most or ("_unchecked" if result.to_write_unchecked else "")
        if public:
            out.append(t(f"publish.would_write{at_most}", n=len(public), files=_some(public)))
        if len(public) < len(result.to_write):
            private = len(result.to_write) - len(public)
            out.append(t(f"publish.would_write_private{at_most}", n=private))
        if result.to_remove:  # (a retraction's texts, a feed no release is left in)
            files = _some(result.to_remove)
            out.append(t("publish.would_remove", n=len(result.to_remove), files=files))
    elif result.dry_run and not result.failed:  # (a refused preview changes nothing either)
        out.append(t("publish.nothing"))
    elif result.written or not result.failed:
        private = result.written.private
        n = result.documents - result.private_documents
        out.append(t("publish.written", written=len(result.written) - private, n=n))
        if result.private_documents:
            out.append(t("publish.written_private", written=private, n=result.private_documents))
        if result.removed:  # (a retraction's texts, a feed no release is left in: said)
            out.append(t("publish.removed", n=len(result.removed), files=_some(result.removed)))
    if signing and (said := signed_line(t, result, typed)):
        out.append(said)
    return out + ping_lines(t, result) + mail_lines(t, result)


def signed_line(t: Translator, result: PublishResult, typed: bool = False) -> str:
    """The key a run signed (or would sign) with, "" when it signs nothing it writes."""
    dry = ".dry" if result.dry_run else ""
    if result.signed and not result.skipped and (result.written or (dry and result.to_write)):
        typing = ".typed" if dry and typed else ""
        return t("publish.signed" + dry + typing, key_id=result.signed)
    return ""


def _some(paths: list[str]) -> str:
    """The first files of a list, and how many more: `rss.xml, atom.xml, … (+12)`."""
    files = ", ".join(paths[: FEEDS_SHOWN * 2])
    more = len(paths) - FEEDS_SHOWN * 2
    return files + (f", … (+{more})" if more > 0 else "")


def publish_count(t: Translator, result: PublishResult) -> str:
    """How many went out, each kind in its words: `1 release published, 1 correction
    published` (a correction is no new release)."""
    corrected = sum(1 for p in result.published if p.get("kind") == "corrected")
    retracted = sum(1 for m in result.moves if m.kind == "retracted" and not m.notice)
    counts = ((len(result.published) - corrected, "publish.count"),
              (corrected, "publish.count.corrected"),
              (retracted, "publish.count.retracted"))  # fmt: skip
    return ", ".join(t(key, n=n) for n, key in counts if n)


def ping_lines(t: Translator, result: PublishResult) -> list[str]:
    """The WebSub hubs told of this run (or that would be, or that failed)."""
    out = []
    for ping in result.pings:
        urls = ", ".join(ping.urls[:FEEDS_SHOWN])
        more = len(ping.urls) - FEEDS_SHOWN
        urls += f", … (+{more})" if more > 0 else ""
        out.append(t(f"websub.{ping.outcome}", hub=ping.hub, urls=urls, n=len(ping.urls),
                     reason=ping.reason, attempts=ping.attempts))  # fmt: skip
    return out


def mail_lines(t: Translator, result: PublishResult) -> list[str]:
    """What the run owes the mailing lists (no address), and what the sending did."""
    out = []
    for owed in result.mail:
        kind = t("mail.kind." + owed["kind"], version=owed["version"])
        keys = {"owed": "mail.owed.dry", "skipped": "mail.owed.skipped"}
        key = keys.get(owed["state"], "mail.owed")
        out.append(t(key, title=owed["title"], kind=kind, lists=", ".join(owed["lists"]) or "—",
                     n=owed["recipients"]))  # fmt: skip
    if result.mailed.get("baseline"):
        out.append(t("mail.first", n=result.mailed["baseline"]))
    if result.dry_run and result.mail_waiting:  # (a run tries again, even with no release)
        out.append(t("mail.would_retry", n=result.mail_waiting))
    done = result.mailed
    if done.get("busy"):
        out.append(t("mail.busy"))
    if done.get("sent") or done.get("failed") or done.get("waiting"):
        out.append(t("mail.done", sent=done.get("sent", 0), failed=done.get("failed", 0),
                     waiting=done.get("waiting", 0)))  # fmt: skip
    return out


def publish_says_more(result: PublishResult) -> bool:
    """Whether `publish_notes` or `publish_problems` have anything to say: a quiet run
    (cron's) with nothing to say then looks up no one's language (settings file, catalog)."""
    said = (result.noted, result.notes, result.warnings, result.problems, result.refused,
            result.failed, result.unsigned_why)  # fmt: skip
    return any(said) or result.failures > 1


def publish_notes(t: Translator, result: PublishResult) -> list[str]:
    """What a person should know of a run that went well (stock taken, releases sealed)."""
    notes = [t("noted." + code, n=n) for code, n in result.noted] or result.notes
    return [t("publish.note", text=n) for n in notes]


def publish_problems(t: Translator, result: PublishResult, signing: bool = True) -> list[str]:
    """What a person (or cron's mail) must read: warnings, broken files, refusals.
    `signing` False: without why the run is not signed (`unsigned_line`, the desk's own)."""
    out = [t("publish.warning", text=warning_text(t, w)) for w in result.warnings]
    if signing and (said := unsigned_line(t, result)):
        out.append(said)
    out += [t("publish.broken", reason=problem_text(t, p)) for p in result.problems]
    for refusal in result.refused:
        key = "publish.withheld" if refusal.withheld else "publish.failed"
        reason = seal_text(t, refusal.code, refusal.reason, refusal.facts)
        out.append(t(key, reason=f"{refusal.path}: {reason}"))
    for failed in result.failed:
        if result.stopped.get("text") == failed:  # nothing goes out without the key
            stopped = result.stopped
            code = "error." + stopped["code"]
            reason = t(code, **stopped) if t.has(code) else failed
            key = "publish.sign_required"
            if stopped["code"] in ("sign_no_key", "sign_wrong_passphrase"):  # no key at all,
                key = "publish.failed"  # or a typo: its own words say it all
            key += ".dry" if result.dry_run else ""  # (a preview: the run would stop)
            out.append(t(key, reason=reason.rstrip().removesuffix(".")))
        else:
            out.append(t("publish.failed", reason=failure_text(t, failed)))
    if result.failures > 1 and (result.failed or not result.published):  # (a run that put
        out.append(t("publish.failures", n=result.failures))  # releases out and refused one
    return out  # is no failed run: its refusal says what is wrong, `status` reads it alike)


def unsigned_line(t: Translator, result: PublishResult) -> str:
    """Why a run with a key is not signed (or would not be), "" when it is."""
    if not result.unsigned_why or (result.dry_run and not result.to_write):  # (a preview
        return ""  # that changes nothing removes nothing: the real run then has nothing to do)
    why = result.unsigned_why
    code = "error." + result.unsigned
    reason = t(code, **why) if t.has(code) else why.get("text", result.unsigned)
    reason = reason.rstrip().removesuffix(".")  # (the sentence puts its own full stop)
    return t("publish.unsigned" + (".dry" if result.dry_run else ""), reason=reason)


def marked_title(t: Callable[..., str], record: Any) -> str:
    """A release's title as the desk's rows and `newsroom list` show it: a translation's
    language and a correction's number before it ("Ralat 1 · EN · Civil servants…"), so
    the row of a correction in review is not taken for a first release."""
    title: str = record.title
    if record.translation_of:  # a translation: its language before its title
        title = f"{record.language.upper()} · {title}"
    if record.correction:  # a published release's correction, not a first release
        title = f"{t('release.correction', n=record.correction)} · {title}"
    return title


def pair_line(t: Translator, record: Any, current: str) -> str:
    """One release of a translation pair as the desk and `newsroom show` list it:
    "en (this one): Civil servants stay neutral — Published · B-012/HUMAS/XII/2026-EN"."""
    marks = [t("release.pair_original")] if not record.translation_of else []
    marks += [t("release.pair_this")] if record.id == current else []
    mark = f" ({', '.join(marks)})" if marks else ""
    number = f" · {record.number}" if record.number else ""
    return f"{record.language}{mark}: {record.title} — {t('status.' + record.status)}{number}"
