"""The door's writing side: new drafts and imports, and what the editor (the desk's and
`newsroom edit`'s edit session), the copies kept aside (`newsroom unsaved`, the desk's `u`),
attachments and translations ask of the newsroom. `Newsroom` (service.py) inherits it, as
it inherits its publishing side (service_publish.py) and its git side (service_git.py): the
faces still come in through the one door, and this part uses nothing of it but what is
declared below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .drafts import NewArticle
from .errors import NewsroomError, NotFound, Refused

if TYPE_CHECKING:
    from .config import Config
    from .editing import EditSession, Restoring
    from .handedit import Unsaved
    from .identity import Actor
    from .index import Index
    from .model import Article, Attachment
    from .review import Note, PendingCorrection
    from .scan import FileStat
    from .service_git import Recording
    from .store import Store


T = TypeVar("T")


class Writing:
    """Editing, the copies kept aside, attachments and translations, as one person."""

    config: Config
    identity: Actor
    actor: str

    if TYPE_CHECKING:  # the rest of the door (service.Newsroom) that this part uses

        def now(self) -> dt.datetime: ...
        def may_act(self, action: str) -> None: ...
        def index(self, files: list[FileStat] | None = None) -> Index: ...
        def while_unchanged(self, what: str, make: Callable[[Index], T]) -> T: ...
        def find(self, ref: str) -> Article: ...
        def save_edit(self, article: Article) -> bool: ...
        @property
        def store(self) -> Store: ...
        def display_name(self, key: str) -> str: ...
        def _original(self, article: Article) -> Article | None: ...
        def recording(
            self, action: str, article: Article | None = None, note: str = ""
        ) -> AbstractContextManager[Recording]: ...

    def create(self, fields: NewArticle, *, action: str = "create") -> Article:
        """Start a new draft and save it; the slug is made unique among existing ones."""
        return self.save_new(self.start(fields, action=action), action=action)

    def start(self, fields: NewArticle, *, action: str = "create") -> Article:
        """A new draft in memory only: nothing is written until `save_new` (the desk's
        editor saves it on the first ctrl+s; abandoned, it leaves nothing behind)."""
        from .drafts import start

        self.may_act(action)
        return start(self, fields)

    def save_new(self, article: Article, *, action: str = "create") -> Article:
        """Write a release started with `start` for the first time (drafts.py)."""
        from .drafts import save_new

        self.may_act(action)
        with self.recording(action, article):
            return save_new(self, article, action)

    def import_file(self, path: Path, title: str | None = None) -> Article:
        """Import a plain-text release or a front-matter Markdown file as a new draft."""
        from .drafts import import_file

        with self.recording("import") as done:
            done.article = import_file(self, path, title)
        return done.article

    def translate(self, ref: str | Article, language: str) -> Article:
        """Start a translation of a release into `language` (translations.py): a draft
        holding the original's text to translate, saved at once, `translation_of` set."""
        from .translations import start_translation

        self.may_act("create")
        original = self.find(ref) if isinstance(ref, str) else ref
        refused = self.why_not_translatable(original)  # (a translation, a retracted one)
        if refused is not None:
            raise refused
        with self.recording("create") as done:
            done.article = start_translation(self, original, language)
        return done.article

    def translatable(self, article: Article) -> bool:
        """Whether the release is an original that may be translated (translations.py)."""
        return self.why_not_translatable(article) is None

    def why_not_translatable(self, article: Article) -> NewsroomError | None:
        """Why the release may not be translated (itself a translation, retracted), or None:
        the desk's palette says it to a person who looks for `translate` there."""
        from .translations import not_translatable

        its_own = self._original(article) if article.translation_of else None
        return not_translatable(article, its_own)

    def original_corrected(self, article: Article) -> dt.datetime | None:
        """When a translation's original was last corrected after the translation was
        approved (or started), if it was: it may need the same correction (translations.py;
        the desk, `newsroom show` and the checklist's `original_corrected` say so)."""
        from .translations import corrected_since

        return corrected_since(article, self._original(article)) if article.translation_of else None

    def translation_pair(self, article: Article) -> Any:
        """The release's original and translations (translations.Pair), from the index (its
        pairs kept while no article file changed: `while_unchanged`)."""
        from .translations import Pairs

        pairs = self.while_unchanged("pairs", lambda index: Pairs(index.records.values()))
        return pairs.pair(article.id)

    def keep_unsaved(self, slug: str, text: str) -> Path:
        """Keep a person's unsaved version of a release (handedit.py); `unsaved()` lists them."""
        from .handedit import keep_unsaved

        return keep_unsaved(self.config, self.actor, self.now(), slug, text)

    def keep_notices(self, lines: list[str]) -> Path:
        """Keep what a face could not tell this person (its terminal went away) for their
        next desk (notices.py); `take_notices` reads them and removes them."""
        from .notices import keep_notices

        return keep_notices(self.config, self.actor, lines)

    def take_notices(self) -> list[str]:
        """This person's kept notices, oldest first; gone once taken."""
        from .notices import take_notices

        return take_notices(self.config, self.actor)

    def unsaved(self) -> list[Path]:
        """This person's kept unsaved versions, oldest first."""
        from .handedit import unsaved

        return unsaved(self.config, self.actor)

    def unsaved_copies(self) -> list[Unsaved]:
        """Every copy kept aside in .newsroom/unsaved/ (whose, which release, when), oldest
        first (handedit.py)."""
        from .handedit import unsaved_copies

        return unsaved_copies(self.config)

    def restore_unsaved(self, name: str, *, take_over: bool = False) -> Restoring:
        """Open a copy kept aside to save it through the normal save: an edit session on its
        release (the workflow and the lease as for any edit: Refused, LeaseHeld), or on a new
        release if its release was never saved (or is gone), and the copy's text put into
        it, unsaved. Only the person's own copies (Refused otherwise); a copy that is no
        release file (a form kept as typed) is refused, naming it, to be read by hand."""
        from .editing import Restoring
        from .handedit import changed_since, restored, unsaved_copy

        kept = unsaved_copy(self.config, name)
        self._own_copy(kept.person, kept.name, "restore")
        if kept.article is None:
            raise NewsroomError(
                f"{kept.path}: not a release file ({kept.problem}); read it and copy what "
                "you need into the editor, then discard it",
                code="unsaved_form", path=str(kept.path), problem=kept.problem,
            )  # fmt: skip
        copy = kept.article
        try:
            self.find(copy.id)
        except NotFound:  # never saved, or gone since: it comes back as a new release
            session = self.edit_new(NewArticle(title=copy.title))
            return Restoring(session, restored(session.article, copy), False, kept.name)
        session = self.edit(copy.id, take_over=take_over)
        changed = changed_since(session.article, copy)
        return Restoring(session, restored(session.current(), copy), changed, kept.name)

    def unsaved_copy(self, name: str) -> Unsaved:
        """One copy kept aside, by its file name or a unique start of it."""
        from .handedit import unsaved_copy

        return unsaved_copy(self.config, name)

    def discard_unsaved(self, name: str) -> Path:
        """Remove one of the person's copies kept aside (Refused for someone else's)."""
        from .handedit import unsaved_copy

        kept = unsaved_copy(self.config, name)
        self._own_copy(kept.person, kept.name, "discard")
        kept.path.unlink(missing_ok=True)
        return kept.path

    def _own_copy(self, person: str, name: str, action: str) -> None:
        if person and person != self.actor:
            raise Refused(
                f"{action} refused: {name} is {self.display_name(person)}'s text: only they "
                "restore or discard it",
                code="unsaved_not_yours", action=action, name=name,
                person=self.display_name(person),
            )  # fmt: skip

    def save_text(self, article: Article, text: str) -> Article:
        """Replace a release with the text of its file as edited by hand ($EDITOR)."""
        edited = self.read_hand_edit(article, text)
        self.save_edit(edited)
        return edited

    def read_hand_edit(self, article: Article, text: str, shown: Path | None = None) -> Article:
        """A release's file text as edited by hand, checked (handedit.py); nothing is saved."""
        from .handedit import read_hand_edit

        return read_hand_edit(self.config, article, text, shown)

    def edit(self, ref: str, *, take_over: bool = False) -> EditSession:
        """Start editing a release (editing.py): Refused when the workflow does not allow
        it, LeaseHeld when someone else is editing it and `take_over` is not given."""
        from .editing import EditSession

        return EditSession.open(self, ref, take_over=take_over)

    def edit_new(self, fields: NewArticle) -> EditSession:
        """Start a new release in an edit session: nothing is written until its first save."""
        from .editing import EditSession

        return EditSession(self, self.start(fields), new=True)

    def attach(
        self, ref: str | Article, source: Path, title: str = "", *, photo: bool = False
    ) -> Attachment:
        """Attach a file to a release (attaching.py): copied beside it, recorded with its
        type, size and SHA-256, saved as this person's edit (a new approval is needed).
        `photo`: the file becomes the release's photo."""
        from .attaching import attach

        article = self.find(ref) if isinstance(ref, str) else ref
        with self.recording("attach", article, note=source.name):
            return attach(self, article, source, title, photo=photo)

    def detach(self, ref: str | Article, file: str) -> Attachment:
        """Remove an attachment (by file name or title) from a release, as this person's edit."""
        from .attaching import detach

        article = self.find(ref) if isinstance(ref, str) else ref
        with self.recording("detach", article, note=file):
            return detach(self, article, file)

    def attachment_url(self, article: Article, file: str) -> str:
        """Where partners find an attachment once the release is published."""
        from .attachments import public_url

        return public_url(self.config, article, file)

    def notes_for_writer(self, article: Article) -> list[Note]:
        """What reviewers said to the writer in this round (review.py)."""
        from .review import notes_for_writer

        return notes_for_writer(article)

    def pending_correction(self, article: Article) -> PendingCorrection | None:
        """A correction under way, as the reviewer should see it (review.py)."""
        from .review import pending_correction

        return pending_correction(article, self.config.tz, self.config.timezone)

    def file_text(self, article: Article) -> str:
        """The release as its file would say it (front matter and body)."""
        from .fileformat import dump

        return dump(article)
