"""The store: article files under `articles/`, found at any depth, loaded, looked up and saved.

Loading never stops at a broken file: each one becomes a `Problem` (path, line,
message) and the rest of the newsroom loads. Saving is atomic and refuses to
overwrite a file that changed on disk since it was read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import fileformat, validate
from .atomic import bucket_lock, write_atomic
from .config import Config
from .confine import inside
from .duplicates import ItemT, duplicate_problems
from .errors import ArticleError, ConflictError, NewsroomError, NotFound, Problem
from .model import Article, Source

if TYPE_CHECKING:
    from filelock import FileLock


@dataclass
class Snapshot:
    """Everything loaded from `articles/`: the good articles and the problems, by path."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def digest(data: bytes) -> str:
    """A short content fingerprint for conflict detection."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class Store:
    """Articles of one newsroom on disk."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.root = config.root
        self.folder = config.articles_dir

    # ------------------------------------------------------------ finding and loading

    def paths(self) -> list[Path]:
        """Every `*.md` file under articles/, sorted, hidden files and folders skipped."""
        found: list[Path] = []
        for dirpath, dirnames, filenames in os.walk(self.folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            found.extend(
                Path(dirpath, name)
                for name in filenames
                if name.endswith(".md") and not name.startswith(".")
            )
        return sorted(found)

    def load_all(self) -> Snapshot:
        """Load every article; broken files and duplicates become problems, never exceptions."""
        snapshot = Snapshot()
        for path in self.paths():
            try:
                snapshot.articles.append(self.load(path))
            except ArticleError as exc:
                snapshot.problems.append(exc.problem)
        self._drop_duplicates(snapshot)
        return snapshot

    def load(self, path: Path) -> Article:
        """Read one article file; raise ArticleError naming the file and line."""
        display = self.relative(path)
        self._check_inside(path, display)
        try:
            stat = path.stat()
            data = path.read_bytes()
        except OSError as exc:
            raise ArticleError(Problem(display, None, f"cannot read: {exc.strerror}")) from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ArticleError(
                Problem(display, line, "not UTF-8 text", "save the file as UTF-8 in your editor")
            ) from None
        article = fileformat.parse(text, display, self.config.tz)
        article.path = display
        article.source = Source(stat.st_mtime_ns, stat.st_size, digest(data))
        return article

    def relative(self, path: Path) -> Path:
        """A path relative to the newsroom root, for messages and the `path` field."""
        try:
            return path.relative_to(self.root)
        except ValueError:
            return path

    def _check_inside(self, path: Path, display: Path) -> None:
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(self.root.resolve()):
                raise ArticleError(
                    Problem(
                        display,
                        None,
                        f"symlink leads outside the newsroom, to {target}",
                        "copy the file into articles/ instead of linking to it",
                    )
                )

    @staticmethod
    def _drop_duplicates(snapshot: Snapshot) -> None:
        snapshot.articles, problems = duplicate_problems(snapshot.articles)
        snapshot.problems += problems

    # ------------------------------------------------------------ looking up

    def resolve(self, ref: str, items: Sequence[ItemT], problems: Sequence[Problem]) -> ItemT:
        """The item (article or index record) a reference names: id, slug, path, or a unique
        prefix of 4+ characters of an id or slug."""
        ref = ref.strip()
        as_path = self._as_relative(ref)
        for item in items:
            if ref in (item.id, item.slug) or str(item.path) == as_path:
                return item
        matches = [
            i for i in items if len(ref) >= 4 and (i.id.startswith(ref) or i.slug.startswith(ref))
        ]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise NotFound(
                f"{ref!r} matches {len(matches)} releases; type more of the id or slug",
                code="ambiguous",
                ref=ref,
                count=len(matches),
            )
        # A file that cannot be read has no id or slug to match: its path does, and its
        # name, which is its slug unless renamed (the fix names the file and its line).
        broken = [p for p in problems if str(p.path) == as_path] or [
            p for p in problems
            if len(ref) >= 4 and Path(str(p.path)).stem.startswith(ref)
        ] or [p for p in problems if len(ref) >= 4 and self._names_id(p.path, ref)]  # fmt: skip
        if len(broken) == 1 or (broken and str(broken[0].path) == as_path):
            raise NotFound(f"{broken[0]} (fix the file first: `newsroom check`)",
                           code="broken_file", problem=str(broken[0]))  # fmt: skip
        if 0 < len(ref) < 4 and any(i.id.startswith(ref) or i.slug.startswith(ref) for i in items):
            raise NotFound(f"{ref!r} is too short: type at least 4 characters of the id or slug",
                           code="ref_short", ref=ref)  # fmt: skip
        raise NotFound(
            f"no release {ref!r} (see `newsroom list` for ids and slugs)",
            code="no_release",
            ref=ref,
        )

    def _names_id(self, path: Path, ref: str) -> bool:
        """Whether a file that cannot be read still names an id starting with `ref` on an
        `id:` line of its own (the id a person copied from the desk or a feed)."""
        try:
            with open(self.root / path, encoding="utf-8", errors="replace") as handle:
                head = [handle.readline() for _ in range(60)]
        except OSError:
            return False
        for line in head:
            if line.startswith("id:"):
                return line[3:].strip().strip("'\"").startswith(ref)
        return False

    def _as_relative(self, ref: str) -> str:
        """A reference read as a path (from here), relative to the newsroom root; "" if none."""
        candidate = Path(ref)
        absolute = (candidate if candidate.is_absolute() else Path.cwd() / candidate).resolve()
        try:
            return str(absolute.relative_to(self.root.resolve()))
        except ValueError:
            return ref

    # ------------------------------------------------------------ saving

    def path_for(self, article: Article) -> Path:
        """Where a new article goes: articles/YYYY/MM/<slug>.md, by its creation month."""
        when = article.created or dt.datetime.now(self.config.tz)
        return inside(self.folder, f"{when:%Y}", f"{when:%m}", f"{article.slug}.md")

    def save(self, article: Article) -> bool:
        """Write the article atomically; False if the file already says the same.

        Raises ConflictError when the file changed on disk since it was read (or
        appeared, for a new article): nothing is written and the caller's article
        is untouched, so no one's text is lost.
        """
        self._refuse_unreadable(article)
        path = self.root / article.path if article.path else self.path_for(article)
        text = fileformat.dump(article)
        with self._lock(article):
            current = self._read_current(path)
            self._refuse_conflict(article, path, current)
            if current is not None and (
                current == text.encode("utf-8") or self._same_content(article, current, path)
            ):
                return False
            data = text.encode("utf-8")
            write_atomic(path, data)
        stat = path.stat()
        article.path = self.relative(path)
        article.source = Source(stat.st_mtime_ns, stat.st_size, digest(data))
        return True

    def remove(self, article: Article) -> list[Path]:
        """Remove the article's file and its companion folder (attachments, versions kept),
        the file first (the release is gone at once for every reader); ConflictError when
        the file changed since it was read, as `save` refuses. The paths removed."""
        import shutil

        from .attachments import companion

        if article.path is None:
            return []
        path = self.root / article.path
        folder = companion(self.config, article.path)
        if folder.is_dir() and next(folder.rglob("*.md"), None) is not None:
            raise NewsroomError(  # (`articles/2018/12.md` beside the month's folder)
                f"{article.path}: its folder {folder} holds other releases (*.md): nothing "
                "was deleted (rename the file, or move the releases out of that folder)"
            )
        with self._lock(article):
            self._refuse_conflict(article, path, self._read_current(path))
            path.unlink()
            gone = [path]
            if folder.is_dir():
                shutil.rmtree(folder)
                gone.append(folder)
        return gone

    @staticmethod
    def _refuse_unreadable(article: Article) -> None:
        """Never write an id or slug that reading the file back would refuse (an imported
        slug made unique with `-2` can grow past the limit, say)."""
        try:
            validate.release_id(article.id, ("id",))
            validate.slug(article.slug, ("slug",))
        except validate.FieldError as exc:
            shown = article.path or Path(f"{article.slug[:40]!r}")
            raise ArticleError(Problem(shown, None, f"not saved: {exc}", exc.hint)) from None

    def _lock(self, article: Article) -> FileLock:
        return bucket_lock(self.config.state_dir / "locks", article.id, timeout=10)

    @staticmethod
    def _read_current(path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None

    def _refuse_conflict(self, article: Article, path: Path, current: bytes | None) -> None:
        shown = self.relative(path)
        if article.source is None:
            if current is not None:
                raise ConflictError(f"{shown} already exists; choose another slug")
            return
        if current is None:
            raise ConflictError(
                f"{shown} was moved or deleted since it was read; "
                "nothing was saved (find it with `newsroom list`)"
            )
        if digest(current) != article.source.digest:
            raise ConflictError(
                f"{shown} changed on disk since it was read (another editor, git pull or "
                "publish); nothing was saved. Reload it and make your change again."
            )

    def _same_content(self, article: Article, current: bytes, path: Path) -> bool:
        try:
            on_disk = fileformat.parse(current.decode("utf-8"), path, self.config.tz)
        except (ArticleError, UnicodeDecodeError):
            return False
        return (
            fileformat.to_mapping(on_disk) == fileformat.to_mapping(article)
            and on_disk.body == article.body
        )
