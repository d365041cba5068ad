"""Mail's words (`newsroom mail ...`, and what publish says of the mail it sent)."""

from __future__ import annotations

MAIL: dict[str, tuple[str, str]] = {
    "mail.test_sent": (
        "Test message to list {list}: the server took it for {n} address|Test message to list "
        "{list}: the server took it for {n} addresses",
        "Pesan uji ke daftar {list}: server menerimanya untuk {n} alamat",
    ),
    "mail.test_refused": ("refused: {address}: {answer}", "ditolak: {address}: {answer}"),
    "mail.off": (
        "Mail is off: newsroom.toml has no [[lists]] (docs/deploy.md, “E-mail to journalists”).",
        "Surel mati: newsroom.toml tidak punya [[lists]] (docs/deploy.md, “E-mail to "
        "journalists”).",
    ),
    "mail.list": (
        "List {name} ({title}): {n} address in {file}|List {name} ({title}): {n} addresses in "
        "{file}",
        "Daftar {name} ({title}): {n} alamat di {file}",
    ),
    "mail.totals": (
        "Messages: {sent} sent, {queued} waiting, {failed} failed, {skipped} skipped",
        "Pesan: {sent} terkirim, {queued} menunggu, {failed} gagal, {skipped} dilewati",
    ),
    "mail.baseline": (
        "{n} release version was already out when this server first sent mail: not mailed|"
        "{n} release versions were already out when this server first sent mail: not mailed",
        "{n} versi siaran sudah terbit sebelum server ini pertama mengirim surel: tidak dikirim",
    ),
    "mail.state.sent": ("sent", "terkirim"),
    "mail.state.queued": ("waiting", "menunggu"),
    "mail.state.sending": ("being sent", "sedang dikirim"),
    "mail.state.failed": ("failed", "gagal"),
    "mail.state.skipped": ("skipped", "dilewati"),
    "mail.kind.published": ("version {version}", "versi {version}"),
    "mail.kind.corrected": ("correction (version {version})", "ralat (versi {version})"),
    "mail.kind.retracted": ("retraction", "pencabutan"),
    "mail.kind.embargoed": ("under embargo", "di bawah embargo"),
    "mail.kind.embargo_moved": ("embargo moved", "embargo diubah"),
    "mail.kind.embargo_withdrawn": ("withdrawn before the lift", "ditarik sebelum embargo usai"),
    "mail.someone": ("an address", "satu alamat"),
    "mail.some": ("{n} address|{n} addresses", "{n} alamat"),
    "mail.problem": ("  {event} ({list}) {who}: {error}", "  {event} ({list}) {who}: {error}"),
    "mail.addresses_hint": (
        "(newsroom mail status --addresses names them)",
        "(newsroom mail status --addresses menyebut alamatnya)",
    ),
    "mail.busy": (
        "Another run is sending mail; it sends what waits.",
        "Proses lain sedang mengirim surel; ia mengirim yang menunggu.",
    ),
    "mail.sent": (
        "Mail: {sent} sent, {failed} failed, {waiting} waiting",
        "Surel: {sent} terkirim, {failed} gagal, {waiting} menunggu",
    ),
    # publish's lines
    "mail.owed": (
        "mail: {title} ({kind}) → {lists}: {n} address|mail: {title} ({kind}) → {lists}: "
        "{n} addresses",
        "surel: {title} ({kind}) → {lists}: {n} alamat",
    ),
    "mail.owed.dry": (
        "would mail: {title} ({kind}) → {lists}: {n} address|would mail: {title} ({kind}) → "
        "{lists}: {n} addresses",
        "akan dikirim surel: {title} ({kind}) → {lists}: {n} alamat",
    ),
    "mail.owed.skipped": (
        "not mailed (--no-mail): {title} ({kind})",
        "tidak dikirim surel (--no-mail): {title} ({kind})",
    ),
    "mail.done": (
        "mail: {sent} sent, {failed} failed, {waiting} waiting",
        "surel: {sent} terkirim, {failed} gagal, {waiting} menunggu",
    ),
    "mail.first": (
        "mail: first run on this server: {n} release version already out is not mailed|"
        "mail: first run on this server: {n} release versions already out are not mailed",
        "surel: penerbitan pertama di server ini: {n} versi siaran yang sudah terbit tidak dikirim",
    ),
}
