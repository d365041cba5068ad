"""A preview tries the signing key's passphrase as the run does (pre20, defect 1).

`newsroom publish --dry-run` at a terminal with an encrypted key never asked for the
passphrase and said "would sign with key …", while the run, given a wrong one, stopped
with `sign_wrong_passphrase` (and the variable's wrong passphrase went out unsigned). The
dry run now asks and tries it through `load_secret`, the run's own path, and says plainly
that the run would stop; a passphrase still to be typed (the desk's field) is not tried."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.config import load_config
from newsroom.core.outputs import PublishResult
from newsroom.core.publish import publish
from newsroom.core.signing.keys import LATER
from newsroom.i18n import Translator
from newsroom.i18n.explain import publish_lines, publish_problems

from .feedkit import at, newsroom_root, release
from .signkit import keyhome, make_key, set_signing

__all__ = ["keyhome", "newsroom_root"]  # fixtures, used by name

STOPS = {  # the run would stop, and why
    "en": "the run would stop, nothing published: wrong passphrase for the secret key",
    "id": "penerbitan akan berhenti, tidak ada yang terbit: frasa sandi salah untuk kunci rahasia",
}


def _dry(root: Path, passphrase: Callable[[], str] | None) -> PublishResult:
    return publish(load_config(root), "ald", at(0.1), dry_run=True, passphrase=passphrase)


@pytest.fixture
def encrypted(newsroom_root: Path, keyhome: Path) -> Path:
    make_key(newsroom_root, "sandi kantor")
    release(newsroom_root, at(0), "Rilis")
    return newsroom_root


def test_a_preview_given_a_wrong_passphrase_says_the_run_would_stop(encrypted: Path) -> None:
    dry = _dry(encrypted, lambda: "sandi")
    run = publish(load_config(encrypted), "ald", at(0.1), passphrase=lambda: "sandi")
    assert run.stopped["code"] == "sign_wrong_passphrase", run.to_json()
    assert dry.stopped["code"] == "sign_wrong_passphrase" and not dry.signed, dry.to_json()
    for language, words in STOPS.items():
        t = Translator(language)
        said = publish_lines(t, dry, str) + publish_problems(t, dry)
        assert len(said) == 1 and said[0].startswith(words), said
        assert not any("would sign" in line or "akan ditandatangani" in line for line in said)
    assert not (encrypted / "feeds" / "rss.xml").exists()  # (neither wrote anything)
    right = _dry(encrypted, lambda: "sandi kantor")
    assert right.signed and right.to_write and not right.failed, right.to_json()


def test_a_passphrase_still_to_be_typed_is_not_tried(encrypted: Path) -> None:
    """The desk's preview comes before its field is typed in: LATER, never called."""
    dry = _dry(encrypted, LATER)
    assert dry.signed and not dry.failed, dry.to_json()


def test_the_variables_wrong_passphrase_is_found_by_the_preview(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cron's variable, wrong: the run goes out unsigned; its preview said it would sign."""
    set_signing(encrypted, passphrase_env="HUMAS_SANDI")
    monkeypatch.setenv("HUMAS_SANDI", "sandi")
    dry = _dry(encrypted, None)
    assert dry.unsigned == "sign_env_passphrase" and not dry.signed, dry.to_json()
    run = publish(load_config(encrypted), "cron", at(0.1))
    assert run.unsigned == "sign_env_passphrase" and run.published


@pytest.mark.parametrize("language", ["id", "en"])
def test_publish_dry_run_at_a_terminal_asks_and_tries_the_passphrase(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    from newsroom import cli_publish

    asked: list[int] = []

    def typed() -> str:
        asked.append(1)
        return "sandi"  # (typed wrong at the prompt)

    def prompt(obj: object) -> Callable[[], str]:
        return typed

    monkeypatch.setattr(cli_publish, "publish_passphrase", prompt)
    args = ["--root", str(encrypted), "publish", "--dry-run", "--now", at(0.1).isoformat()]
    done = CliRunner().invoke(cli, args, env={"NEWSROOM_LANG": language})
    assert asked == [1], done.output
    assert STOPS[language] in done.output, done.output
    assert "would sign" not in done.output and "akan ditandatangani" not in done.output


def test_a_preview_with_nothing_to_do_asks_no_passphrase(encrypted: Path) -> None:
    """A run with nothing to do ends before it asks: so does its preview."""
    assert publish(load_config(encrypted), "ald", at(0.1), passphrase=lambda: "sandi kantor").signed

    def asked() -> str:
        raise AssertionError("a preview with nothing to do asked for the passphrase")

    dry = _dry(encrypted, asked)
    assert not dry.failed and not dry.to_write, dry.to_json()
