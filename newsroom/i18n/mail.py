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
    # mail's problems in a run (and `newsroom mail send|test|status`): errors.Said's codes
    "warned.mail_list_missing": (
        "{path}: no such file (list {list}: write its addresses there, one a line)",
        "{path}: berkas tidak ada (daftar {list}: tulis alamatnya di sana, satu per baris)",
    ),
    "warned.mail_list_unreadable": (
        "{path}: cannot be read ({reason}); list {list} gets nothing (fix the file's "
        "permissions, or save it as UTF-8)",
        "{path}: tidak dapat dibaca ({reason}); daftar {list} tidak dikirimi apa pun (perbaiki "
        "izin berkasnya, atau simpan sebagai UTF-8)",
    ),
    "warned.mail_line_skipped": (
        "{path}:{line}: {reason}; that line is skipped",
        "{path}:{line}: {reason}; baris itu dilewati",
    ),
    "warned.mail_not_sent": (
        "mail: not sent ({reason}); the next run tries again",
        "surel: tidak terkirim ({reason}); penerbitan berikutnya mencoba lagi",
    ),
    "warned.mail_failed": ("mail: {reason}", "surel: {reason}"),  # (the server's: MailError)
    "warned.mail_refused": (
        "mail: {event} refused for good for one address of list {list}: {answer} (newsroom "
        "mail status --addresses)",
        "surel: {event} ditolak untuk seterusnya bagi satu alamat daftar {list}: {answer} "
        "(newsroom mail status --addresses)",
    ),
    "warned.mail_lost": (
        "mail: {reason}; the next run sends the rest",
        "surel: {reason}; penerbitan berikutnya mengirim sisanya",
    ),
    "warned.mail_waits": (
        "mail: {event}: waits: {path}: {reason} (it goes once the file is restored from git)",
        "surel: {event}: menunggu: {path}: {reason} (dikirim setelah berkasnya dipulihkan dari "
        "git)",
    ),
    "warned.mail_unmade": (
        "mail: {event}: the message cannot be made ({reason}); {n} not sent",
        "surel: {event}: pesannya tidak dapat dibuat ({reason}); {n} tidak terkirim",
    ),
    "error.mail_login": (
        "the mail server {server} refused the login of [mail] user ({answer}); check the "
        "password in ${env}",
        "server surel {server} menolak login [mail] user ({answer}); periksa kata sandi di ${env}",
    ),
    "error.mail_untrusted": (
        "the certificate of the mail server {server} is not trusted ({detail}); nothing was "
        "sent, the next run tries again. [mail] host must be a name the certificate holds; a "
        "certificate of the office's own CA must be trusted by this machine "
        "(update-ca-certificates, or SSL_CERT_FILE=<the CA's file> in cron's environment: "
        "docs/deploy.md)",
        "sertifikat server surel {server} tidak dipercaya ({detail}); tidak ada yang terkirim, "
        "penerbitan berikutnya mencoba lagi. [mail] host harus nama yang dimuat sertifikatnya; "
        "sertifikat CA milik kantor harus dipercaya mesin ini (update-ca-certificates, atau "
        "SSL_CERT_FILE=<berkas CA-nya> di lingkungan cron: docs/deploy.md)",
    ),
    "error.mail_unreachable": (
        "cannot reach the mail server {server} ({detail}); nothing was sent, the next run "
        "tries again (check [mail] host, port and security)",
        "server surel {server} tidak dapat dihubungi ({detail}); tidak ada yang terkirim, "
        "penerbitan berikutnya mencoba lagi (periksa [mail] host, port dan security)",
    ),
    "error.mail_no_password": (
        "[mail] user is set but the environment variable {env} holds no password: set it in "
        "the environment cron runs publish in (docs/deploy.md)",
        "[mail] user diisi tetapi variabel lingkungan {env} tidak berisi kata sandi: isi di "
        "lingkungan tempat cron menjalankan publish (docs/deploy.md)",
    ),
    "error.mail_no_list": (
        "no mailing list {name!r} in newsroom.toml (lists: {known})",
        "tidak ada daftar surel {name!r} di newsroom.toml (daftarnya: {known})",
    ),
    "error.mail_no_lists": (
        "no mailing list {name!r} in newsroom.toml (lists: none: add a [[lists]] table)",
        "tidak ada daftar surel {name!r} di newsroom.toml (belum ada daftar: tambahkan tabel "
        "[[lists]])",
    ),
    "error.mail_to": ("--to: {reason}", "--to: {reason}"),
    "error.mail_list_empty": (
        "list {name} has no valid address (its file: {path})",
        "daftar {name} tidak memuat satu pun alamat yang sah (berkasnya: {path})",
    ),
    "error.mail_test_failed": (
        "the mail server did not take the test message: {detail}",
        "server surel tidak menerima pesan uji: {detail}",
    ),
    "error.mail_not_release": (
        "{path} is no longer release {release}",
        "{path} bukan lagi siaran pers {release}",
    ),
    "mail.would_retry": (
        "mail: {n} message waits after an error; publishing tries again to send it|mail: "
        "{n} messages wait after an error; publishing tries again to send them",
        "surel: {n} pesan menunggu setelah kesalahan; penerbitan mencoba mengirimnya lagi",
    ),
    "health.mail_waiting": (
        "mail: {n} message waits after an error; the next publish tries again (newsroom mail "
        "status says why)|mail: {n} messages wait after an error; the next publish tries "
        "again (newsroom mail status says why)",
        "surel: {n} pesan menunggu setelah kesalahan; penerbitan berikutnya mencoba lagi (lihat "
        "newsroom mail status)",
    ),
    "desk.mail_waiting": (
        "mail: {n} message waits after an error (newsroom mail status says why)|mail: {n} "
        "messages wait after an error (newsroom mail status says why)",
        "surel: {n} pesan menunggu setelah kesalahan (lihat newsroom mail status)",
    ),
    "error.mail_resent": (
        "sent again: the last run stopped while handing it to the server",
        "dikirim lagi: penerbitan sebelumnya berhenti saat menyerahkannya ke server",
    ),
    "error.mail_list_gone": (
        "list {list} is no longer in newsroom.toml",
        "daftar {list} tidak ada lagi di newsroom.toml",
    ),
    "error.mail_gave_up": (
        "gave up after {n} try: {reason}|gave up after {n} tries: {reason}",
        "tidak dicoba lagi setelah {n} percobaan: {reason}",
    ),
    "error.mail_dropped": ("the connection dropped ({detail})", "sambungan terputus ({detail})"),
    "error.mail_message_unmade": (
        "the message cannot be made: {reason}",
        "pesannya tidak dapat dibuat: {reason}",
    ),
    "error.address_many": (
        "one address a line (found a comma or semicolon)",
        "satu alamat per baris (ada koma atau titik koma)",
    ),
    "error.address_not": (
        "not an e-mail address (expected nama@redaksi.co.id or Nama <nama@redaksi.co.id>)",
        "bukan alamat surel (seharusnya nama@redaksi.co.id atau Nama <nama@redaksi.co.id>)",
    ),
    "error.address_after": (
        "text after the address's closing >",
        "ada teks setelah tanda > penutup alamat",
    ),
}
