"""Talking to the office's SMTP server: one connection a batch, each message to one
address, and what the server's answer means for the send log.

2xx: sent. 4xx (greylisting, a full mailbox, "try later"): queued again for a later run.
5xx for an address: failed for good, the rest go on. A connection that drops while a
message is handed over leaves that message's fate unknown: it is queued again, and the
batch ends (the next run opens a new connection). With TLS ("starttls", "ssl") the
server's certificate and name are checked against the CAs this machine trusts (OpenSSL's:
the system's store, or the file `SSL_CERT_FILE` names): an untrusted server gets neither
the password nor a message. The password is read from the
environment variable `[mail] password_env` names, never from a file.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from dataclasses import dataclass
from email.utils import parseaddr

from ..config import Config
from ..errors import NewsroomError, Said

TIMEOUT_SECONDS = 30
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


class MailError(NewsroomError):
    """The server cannot be reached or refuses us (not one address): nothing was sent."""


@dataclass(frozen=True)
class Outcome:
    sent: bool
    permanent: bool = False  # refused for good (5xx)
    lost: bool = False  # the connection dropped: the message's fate is unknown
    error: str = ""


def envelope_sender(config: Config) -> str:
    return parseaddr(config.mail_from)[1]


class Connection:
    """An open SMTP session (a context manager)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Connection:
        config = self.config
        port = config.mail_port or DEFAULT_PORTS[config.mail_security]
        where = f"{config.mail_host}:{port}"
        try:
            if config.mail_security == "ssl":
                context = ssl.create_default_context()
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    config.mail_host, port, timeout=TIMEOUT_SECONDS, context=context
                )
            else:
                smtp = smtplib.SMTP(config.mail_host, port, timeout=TIMEOUT_SECONDS)
            self.smtp = smtp
            smtp.ehlo()
            if config.mail_security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if config.mail_user:
                smtp.login(config.mail_user, _password(config))
        except smtplib.SMTPAuthenticationError as exc:
            self.close()
            raise MailError(
                f"the mail server {where} refused the login of [mail] user ({exc.smtp_code}); "
                f"check the password in ${config.mail_password_env}", code="mail_login",
                server=where, answer=exc.smtp_code, env=config.mail_password_env,
            ) from None  # fmt: skip
        except ssl.SSLCertVerificationError as exc:
            self.close()
            raise MailError(
                f"the certificate of the mail server {where} is not trusted "
                f"({exc.verify_message or _said(exc)}); nothing was sent, the next run tries "
                "again. [mail] host must be a name the certificate holds; a certificate of the "
                "office's own CA must be trusted by this machine (update-ca-certificates, or "
                "SSL_CERT_FILE=<the CA's file> in cron's environment: docs/deploy.md)",
                code="mail_untrusted", server=where, detail=exc.verify_message or _said(exc),
            ) from None  # fmt: skip
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise MailError(
                f"cannot reach the mail server {where} ({_said(exc)}); nothing was sent, the "
                "next run tries again (check [mail] host, port and security)",
                code="mail_unreachable", server=where, detail=_said(exc),
            ) from None  # fmt: skip
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (OSError, smtplib.SMTPException):
                self.smtp.close()
            self.smtp = None

    def send(self, address: str, data: bytes) -> Outcome:
        """Hand one message for one address to the server, and say what became of it."""
        assert self.smtp is not None
        try:
            self.smtp.sendmail(envelope_sender(self.config), [address], data)
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()), (0, b""))
            return _refused(code, text, address)
        except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as exc:
            return _refused(exc.smtp_code, exc.smtp_error, address)
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self.smtp = None
            said = _said(exc)
            return Outcome(False, lost=True, error=Said(f"the connection dropped ({said})",
                                                        "mail_dropped", detail=said))  # fmt: skip
        except smtplib.SMTPResponseException as exc:
            return _refused(exc.smtp_code, exc.smtp_error, address)
        return Outcome(True)


def _refused(code: int, text: bytes | str, address: str) -> Outcome:
    said = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    # addresses stay out of what is reported
    said = said.replace(f"<{address}>", "<address>").replace(address, "<address>")
    return Outcome(False, permanent=500 <= code < 600, error=f"{code} {said}".strip())


def _said(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _password(config: Config) -> str:
    name = config.mail_password_env
    value = os.environ.get(name, "") if name else ""
    if not value:
        raise MailError(
            f"[mail] user is set but the environment variable {name or '(none named)'} holds no "
            "password: set it in the environment cron runs publish in (docs/deploy.md)",
            code="mail_no_password", env=name or "(none named)",
        )  # fmt: skip
    return value
