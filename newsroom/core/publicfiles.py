"""Attachments in the public record: an output of publish that copies each live release's
attachments to `feeds/siaran-pers/<slug>/<file>`, the address `attachments.public_url` gives.

Only what partners may see is served: the live version's attachments (while a correction is
reviewed, the published version's), never those of a release under embargo or not yet
approved, and no longer those of a retracted one (its text is withdrawn). A file whose
bytes are not the ones sealed with the approval is not copied: the release is named, and
the copy already in the public record (the approved one) stays. Incremental: a file is
copied when it is new or changed, or its copy was touched; one that is no longer wanted is
removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .atomic import holds, remove_empty_folders, stage
from .attachments import attachment_path, file_sha256, public_path
from .config import Config
from .model import Attachment, Status
from .outputs import Output, Plan, PublishResult, Refusal, Stage, Staged, Written
from .records import Record


class AttachmentsOutput(Output):
    """Every live release's attachments, copied into the public record."""

    name = "attachments"
    stage = Stage.FILES

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.wanted: dict[str, tuple[Record, Attachment]] = {}  # feeds-relative path -> source
        self.todo: list[str] = []
        self.last: dict[str, Any] = {}
        self.skipped: set[str] = set()  # copies left as they were (their source was swapped)

    def plan(self, plan: Plan, last: dict[str, Any]) -> None:
        self.last = last
        feeds = self.config.feeds_dir
        self.wanted = {
            str(public_path(self.config, r, a.file).relative_to(feeds)): (r, a)
            for r in plan.records.values()
            if r.attachments and r.live and r.status != Status.RETRACTED
            for a in r.attachments
        }
        sums, files = last.get("sums", {}), last.get("files", {})
        self.todo = sorted(
            path for path, (_, a) in self.wanted.items()
            if sums.get(path) != a.sha256 or not _intact(feeds / path, files.get(path))
        )  # fmt: skip

    def answer(self, result: PublishResult) -> None:
        result.documents += len(self.wanted)  # "7 of 7 public files written"
        if not result.dry_run:  # (PublishResult.to_write: a preview's)
            return
        # as `stage_files` finds them: a copy already as approved is left alone, and one
        # whose source was swapped is not copied (the run names it); as `placed`, a copy
        # no longer wanted goes
        feeds = self.config.feeds_dir
        for path in self.todo:
            record, attachment = self.wanted[path]
            source = attachment_path(self.config, record.path, attachment.file)
            data = _approved_bytes(source, attachment)
            if data is not None and not holds(feeds / path, data):
                result.to_write.append(path)
        result.to_remove += sorted(set(self.last.get("files", {})) - set(self.wanted))

    def stage_files(self, staged: Iterable[Staged], result: PublishResult) -> list[Staged]:
        feeds = self.config.feeds_dir
        mine = []
        for path in self.todo:
            record, attachment = self.wanted[path]
            source = attachment_path(self.config, record.path, attachment.file)
            data = _approved_bytes(source, attachment)
            if data is None:
                self.skipped.add(path)
                result.refused.append(Refusal(
                    record.id, record.title, record.path, "attachment",
                    f"attachment {attachment.file} is missing or not the file that was "
                    "approved: its copy in the public record was not updated (put the "
                    "approved file back)", False,
                ))  # fmt: skip
                continue
            tmp = stage(feeds / path, data)
            if tmp is not None:
                mine.append(Staged(feeds / path, tmp))
        return mine

    def placed(self, result: PublishResult) -> Written:
        feeds = self.config.feeds_dir
        before: dict[str, list[int]] = self.last.get("files", {})
        written = Written()
        for path in self.wanted:
            try:
                st = (feeds / path).stat()
            except OSError:
                continue  # never copied (its source was swapped before its first copy)
            written.files[path] = [st.st_size, st.st_mtime_ns]
        for path in sorted(set(before) - set(self.wanted)):
            (feeds / path).unlink(missing_ok=True)
            remove_empty_folders((feeds / path).parent, feeds)
            written.removed.append(path)
        return written

    def state(self, written: bool) -> dict[str, Any]:
        if not written:
            return self.last
        sums = {path: a.sha256 for path, (_, a) in self.wanted.items() if path not in self.skipped}
        old = self.last.get("sums", {})
        sums.update({p: old[p] for p in self.skipped if p in old})
        return {"sums": sums}


def _intact(path: Path, seen: list[int] | None) -> bool:
    if seen is None:
        return False
    try:
        st = path.stat()
    except OSError:
        return False
    return [st.st_size, st.st_mtime_ns] == seen


def _approved_bytes(source: Path, attachment: Attachment) -> bytes | None:
    """The file's bytes when they are the ones recorded (size and SHA-256), else None."""
    try:
        if source.stat().st_size != attachment.size or file_sha256(source) != attachment.sha256:
            return None
        return source.read_bytes()
    except OSError:
        return None
