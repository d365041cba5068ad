"""Publishing's words, the same in `newsroom publish` and the desk's publish dialog."""

from __future__ import annotations

PUBLISH: dict[str, tuple[str, str]] = {
    "publish.title": ("Publish", "Terbitkan"),
    "publish.checking": ("Working out what publishing would do…", "Menghitung hasil penerbitan…"),
    "publish.go": ("Publish now", "Terbitkan sekarang"),
    "publish.running": ("Publishing…", "Menerbitkan…"),
    "publish.busy": (
        "Another publish is running; this one did nothing (try again in a moment; cron will).",
        "Penerbitan lain sedang berjalan; yang ini tidak melakukan apa pun (coba lagi "
        "sebentar lagi; cron akan mencoba lagi).",
    ),
    # each release once: what happens to it, and the feeds it reaches
    "move.published": ("published: {title} → {feeds}", "terbit: {title} → {feeds}"),
    "move.published.dry": ("would publish: {title} → {feeds}", "akan terbit: {title} → {feeds}"),
    "move.corrected": (
        "correction published: {title} → {feeds}",
        "ralat terbit: {title} → {feeds}",
    ),
    "move.corrected.dry": (
        "would publish a correction: {title} → {feeds}",
        "ralat akan terbit: {title} → {feeds}",
    ),
    "move.retracted": (
        "retraction in the feeds: {title} → {feeds}",
        "pencabutan di feed: {title} → {feeds}",
    ),
    "move.retracted.dry": (
        "would carry the retraction: {title} → {feeds}",
        "pencabutan akan masuk feed: {title} → {feeds}",
    ),
    "move.held": ("held until {when}: {title}", "ditahan hingga {when}: {title}"),
    "move.held.dry": ("held until {when}: {title}", "ditahan hingga {when}: {title}"),
    "move.held_early": (
        "held until {when}: {title} (early, under embargo: {feeds})",
        "ditahan hingga {when}: {title} (lebih awal, dengan embargo: {feeds})",
    ),
    "move.changed": ("changed: {title} → {feeds}", "berubah: {title} → {feeds}"),
    "move.changed.dry": ("would change: {title} → {feeds}", "akan berubah: {title} → {feeds}"),
    "move.gone": ("left: {title} ← {feeds}", "keluar dari feed: {title} ← {feeds}"),
    "move.gone.dry": ("would leave: {title} ← {feeds}", "akan keluar dari feed: {title} ← {feeds}"),
    "feed.main": ("main", "utama"),
    "feed.more": ("{feeds} and {n} more", "{feeds} dan {n} lainnya"),
    # how the run ended
    "publish.count": (
        "{n} release published|{n} releases published",
        "{n} siaran pers terbit",
    ),
    "publish.written": (
        "{written} of {n} feed file written|{written} of {n} feed files written",
        "{written} dari {n} berkas feed ditulis",
    ),
    "publish.would_write": (
        "would write {n} feed file: {files}|would write {n} feed files: {files}",
        "akan menulis {n} berkas feed: {files}",
    ),
    "publish.nothing_changed": ("nothing changed", "tidak ada yang berubah"),
    "publish.nothing": (
        "nothing would change: the feeds are up to date",
        "tidak ada yang akan berubah: feed sudah mutakhir",
    ),
    "publish.done_nothing": (
        "Nothing to publish: the feeds are up to date.",
        "Tidak ada yang diterbitkan: feed sudah mutakhir.",
    ),
    "publish.failed": ("not published: {reason}", "tidak terbit: {reason}"),
    "publish.withheld": (
        "withheld from the feeds: {reason}",
        "ditahan dari semua feed: {reason}",
    ),
    "publish.broken": ("broken: {reason}", "rusak: {reason}"),
    "publish.note": ("note: {text}", "catatan: {text}"),
    "publish.warning": ("warning: {text}", "peringatan: {text}"),
    "publish.failures": (
        "publish has not succeeded for {n} runs in a row (`newsroom status` shows why)",
        "penerbitan belum berhasil {n} kali berturut-turut (`newsroom status` menunjukkan "
        "sebabnya)",
    ),
}
