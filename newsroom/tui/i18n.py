"""Every string of the UI in Bahasa Indonesia and English.

The catalog is a table of (English, Indonesian) pairs by key: the equivalent of a
gettext catalog, checked by a test for missing or empty translations. The language is
NEWSROOM_LANG (id|en), else the user's settings, else the locale.
"""

from __future__ import annotations

import os

LANGUAGES = ("id", "en")

CATALOG: dict[str, tuple[str, str]] = {
    # app and desk
    "app.title": ("newsroom", "newsroom"),
    "desk.loading": ("Loading the desk…", "Memuat meja redaksi…"),
    "app.unsaved": (
        "Unsaved edits were kept when your terminal closed: {path}",
        "Suntingan yang belum disimpan diselamatkan saat terminal Anda tertutup: {path}",
    ),
    "desk.reading": (
        "Reading the newsroom for the first time: {done} of {total} files…",
        "Membaca berkas untuk pertama kali: {done} dari {total}…",
    ),
    "desk.empty": (
        "No releases here. Press n to start one.",
        "Belum ada siaran pers di sini. Tekan n untuk membuat.",
    ),
    "desk.filter": ("Filter: title, summary, text, tags", "Saring: judul, ringkasan, isi, tag"),
    "desk.sorted": ("sorted by {sort}", "urut menurut {sort}"),
    "desk.count": ("{shown} of {total}", "{shown} dari {total}"),
    "desk.held": (
        "publish holds back {count}: newsroom status says why",
        "{count} siaran ditahan penerbitan: lihat newsroom status",
    ),
    "desk.failing": (
        "publish has failed {count} run(s) in a row: newsroom status says why",
        "penerbitan gagal {count} kali berturut-turut: lihat newsroom status",
    ),
    "desk.editing": ("being edited by {name}", "sedang disunting {name}"),
    "desk.broken": ("BROKEN", "RUSAK"),
    "desk.changed": ("The desk was updated from disk.", "Meja redaksi diperbarui dari disk."),
    "col.status": ("Status", "Status"),
    "col.title": ("Title", "Judul"),
    "col.dateline": ("Dateline", "Kota"),
    "col.author": ("Author", "Penulis"),
    "col.updated": ("Updated ({zone})", "Diubah ({zone})"),
    "col.embargo": ("Embargo ({zone})", "Embargo ({zone})"),
    "sort.updated": ("last change", "perubahan terakhir"),
    "sort.title": ("title", "judul"),
    "sort.status": ("status", "status"),
    # views and statuses
    "view.all": ("All", "Semua"),
    "view.mine": ("My review", "Review saya"),
    "status.draft": ("Draft", "Draf"),
    "status.in_review": ("In review", "Direview"),
    "status.changes_requested": ("Changes requested", "Perlu perbaikan"),
    "status.approved": ("Approved", "Disetujui"),
    "status.published": ("Published", "Terbit"),
    "status.correcting": ("Correcting", "Dikoreksi"),
    "status.retracted": ("Retracted", "Dicabut"),
    "short.all": ("All", "Semua"),
    "short.mine": ("Mine", "Saya"),
    "short.draft": ("Draft", "Draf"),
    "short.in_review": ("Review", "Review"),
    "short.changes_requested": ("Changes", "Perbaikan"),
    "short.approved": ("Approved", "Setuju"),
    "short.published": ("Published", "Terbit"),
    "short.correcting": ("Correcting", "Koreksi"),
    "short.retracted": ("Retracted", "Dicabut"),
    # commands (label, then help)
    "cmd.quit": ("Quit", "Keluar"),
    "cmd.quit.help": ("Leave newsroom", "Keluar dari newsroom"),
    "cmd.help": ("Help", "Bantuan"),
    "cmd.help.help": ("Show every key and command", "Tampilkan semua tombol dan perintah"),
    "cmd.palette": ("Commands", "Perintah"),
    "cmd.palette.help": ("Search every command", "Cari semua perintah"),
    "cmd.filter": ("Filter", "Saring"),
    "cmd.filter.help": ("Filter the desk as you type", "Saring meja redaksi sambil mengetik"),
    "cmd.clear": ("Clear filter", "Hapus saringan"),
    "cmd.clear.help": (
        "Clear the filter and show every release in the view",
        "Hapus saringan dan tampilkan semua di tampilan ini",
    ),
    "cmd.sort": ("Sort", "Urutkan"),
    "cmd.sort.help": (
        "Sort by last change, title or status",
        "Urutkan menurut perubahan terakhir, judul, atau status",
    ),
    "cmd.open": ("Open", "Buka"),
    "cmd.open.help": ("Open the release under the cursor", "Buka siaran pers di kursor"),
    "cmd.view": ("View {n}", "Tampilan {n}"),
    "cmd.view.help": (
        "Show one status (1 all, 2 my review, 3 drafts …)",
        "Tampilkan satu status (1 semua, 2 review saya, 3 draf …)",
    ),
    "cmd.new": ("New", "Baru"),
    "cmd.new.help": ("Start a new release", "Buat siaran pers baru"),
    "cmd.publish": ("Publish", "Terbitkan"),
    "cmd.publish.help": (
        "Show what publishing would do, then publish the feeds",
        "Tampilkan hasil penerbitan, lalu terbitkan feed",
    ),
    "cmd.back": ("Back", "Kembali"),
    "cmd.back.help": ("Back to the previous screen", "Kembali ke layar sebelumnya"),
    "cmd.edit": ("Edit", "Sunting"),
    "cmd.edit.help": ("Edit the release", "Sunting siaran pers"),
    "cmd.submit": ("Submit", "Ajukan"),
    "cmd.submit.help": ("Send for review", "Kirim untuk direview"),
    "cmd.approve": ("Approve", "Setujui"),
    "cmd.approve.help": ("Approve (after the checklist)", "Setujui (setelah daftar periksa)"),
    "cmd.request_changes": ("Request changes", "Minta perbaikan"),
    "cmd.request_changes.help": (
        "Send back to the writer with a note",
        "Kembalikan ke penulis dengan catatan",
    ),
    "cmd.comment": ("Comment", "Komentar"),
    "cmd.comment.help": ("Add a comment", "Tambahkan komentar"),
    "cmd.correct": ("Correct", "Koreksi"),
    "cmd.correct.help": (
        "Start a numbered correction of a published release",
        "Mulai ralat bernomor untuk siaran pers yang sudah terbit",
    ),
    "cmd.retract": ("Retract", "Cabut"),
    "cmd.retract.help": (
        "Retract a published release, with a reason",
        "Cabut siaran pers yang sudah terbit, dengan alasan",
    ),
    "cmd.save": ("Save", "Simpan"),
    "cmd.save.help": ("Save the release", "Simpan siaran pers"),
    "cmd.external": ("$EDITOR", "$EDITOR"),
    "cmd.external.help": ("Open the file in your $EDITOR", "Buka berkas di $EDITOR Anda"),
    "cmd.top": ("Top", "Atas"),
    "cmd.top.help": ("First row", "Baris pertama"),
    "cmd.bottom": ("Bottom", "Bawah"),
    "cmd.bottom.help": ("Last row", "Baris terakhir"),
    "cmd.language": ("Language", "Bahasa"),
    "cmd.language.help": (
        "Switch between Indonesian and English",
        "Ganti antara bahasa Indonesia dan Inggris",
    ),
    # release screen
    "release.meta": ("Details", "Rincian"),
    "release.timeline": (
        "History and comments (latest first)",
        "Riwayat dan komentar (terbaru di atas)",
    ),
    "release.retracted": (
        "RETRACTED {when} by {name}: {reason}",
        "DICABUT {when} oleh {name}: {reason}",
    ),
    "release.photo": ("Photo", "Foto"),
    "release.embargo": ("Embargo until {when}", "Embargo hingga {when}"),
    "release.live_note": (
        "Partners still see the published version until the correction is approved and published.",
        "Mitra masih melihat versi terbit sampai ralat disetujui dan diterbitkan.",
    ),
    "release.refused": ("{action}: {reason}", "{action}: {reason}"),
    "release.done": ("{action}: now {status}", "{action}: kini {status}"),
    "release.warning": ("Recommended: {text}", "Disarankan: {text}"),
    "field.id": ("Id", "Id"),
    "field.status": ("Status", "Status"),
    "field.path": ("File", "Berkas"),
    "field.dateline": ("Dateline", "Kota"),
    "field.author": ("Author", "Penulis"),
    "field.credit": ("Credit", "Kredit"),
    "field.categories": ("Categories", "Kategori"),
    "field.tags": ("Tags", "Tag"),
    "field.embargo": ("Embargo (WIB)", "Embargo (WIB)"),
    "field.published": ("Published", "Terbit"),
    "field.updated": ("Updated", "Diubah"),
    "field.title": ("Title", "Judul"),
    "field.summary": ("Summary", "Ringkasan"),
    "field.caption": ("Photo caption", "Keterangan foto"),
    "field.photo_credit": ("Photo credit", "Kredit foto"),
    "field.photo_src": ("Photo file or URL", "Berkas atau URL foto"),
    "field.release_number": ("Release number", "Nomor siaran pers"),
    "field.body": ("Text (Markdown)", "Isi (Markdown)"),
    "field.words": ("comma separated", "pisahkan dengan koma"),
    "action.edit": ("edit", "sunting"),
    "action.submit": ("submit", "ajukan"),
    "action.approve": ("approve", "setujui"),
    "action.request_changes": ("request changes", "minta perbaikan"),
    "action.comment": ("comment", "komentar"),
    "action.correct": ("correct", "koreksi"),
    "action.retract": ("retract", "cabut"),
    "action.publish": ("publish", "terbitkan"),
    "action.embargo": ("move the embargo", "ubah embargo"),
    "action.adopt": ("seal as published", "segel seperti terbit"),
    "action.create": ("create", "buat"),
    "action.import": ("import", "impor"),
    # modals
    "modal.note": ("Note", "Catatan"),
    "modal.reason": ("Reason", "Alasan"),
    "modal.note_required": ("A note is required.", "Catatan wajib diisi."),
    "modal.ok": ("OK", "OK"),
    "modal.cancel": ("Cancel", "Batal"),
    "modal.yes": ("Yes", "Ya"),
    "modal.no": ("No", "Tidak"),
    "modal.retract_confirm": (
        "Retract “{title}”? Partners will see a retraction notice.",
        "Cabut “{title}”? Mitra akan melihat pemberitahuan pencabutan.",
    ),
    "modal.checklist": ("Pre-approval checklist", "Daftar periksa sebelum persetujuan"),
    "modal.required": ("required", "wajib"),
    "modal.recommended": ("recommended", "disarankan"),
    "modal.approve_now": ("Approve", "Setujui"),
    "modal.blocked": (
        "Approval is blocked until the required checks pass.",
        "Persetujuan tertahan sampai pemeriksaan wajib terpenuhi.",
    ),
    "modal.unsaved": (
        "Leave without saving your changes?",
        "Keluar tanpa menyimpan perubahan Anda?",
    ),
    "modal.leave": ("Leave", "Keluar"),
    "modal.stay": ("Stay", "Tetap"),
    "modal.conflict": (
        "{path} changed on disk while you were editing (another editor, git pull or publish).",
        "{path} berubah di disk saat Anda menyunting (penyunting lain, git pull, atau penerbitan).",
    ),
    "modal.reload": ("Reload theirs", "Muat versi mereka"),
    "modal.keep": ("Keep mine", "Pertahankan milik saya"),
    "modal.diff": ("Show difference", "Lihat perbedaan"),
    "modal.take_over": (
        "{name} is editing this release. Take it over?",
        "{name} sedang menyunting siaran pers ini. Ambil alih?",
    ),
    "modal.take": ("Take over", "Ambil alih"),
    "modal.later": ("Decide later", "Putuskan nanti"),
    "modal.close": ("Close", "Tutup"),
    # the button that confirms a dialog names what it does
    "confirm.retract": ("Retract release", "Cabut siaran"),
    "confirm.request_changes": ("Request changes", "Minta perbaikan"),
    "confirm.comment": ("Add comment", "Kirim komentar"),
    "confirm.correct": ("Start correction", "Mulai koreksi"),
    "confirm.new": ("Create draft", "Buat draf"),
    "modal.new_title": ("Title of the new release", "Judul siaran pers baru"),
    "publish.title": ("Publish", "Terbitkan"),
    "publish.checking": ("Working out what publishing would do…", "Menghitung hasil penerbitan…"),
    "publish.would": ("Would publish: {titles}", "Akan terbit: {titles}"),
    "publish.nothing": (
        "Nothing to publish; the feeds are up to date.",
        "Tidak ada yang diterbitkan; feed sudah mutakhir.",
    ),
    "publish.feed": (
        "{path}: +{gained} new, ~{changed} changed, -{lost} gone",
        "{path}: +{gained} baru, ~{changed} berubah, -{lost} hilang",
    ),
    "publish.go": ("Publish now", "Terbitkan sekarang"),
    "publish.running": ("Publishing…", "Menerbitkan…"),
    "publish.done": (
        "Published {count}; {written} feed file(s) written.",
        "Terbit {count}; {written} berkas feed ditulis.",
    ),
    "publish.busy": (
        "Another publish is running; try again in a moment.",
        "Penerbitan lain sedang berjalan; coba lagi sebentar lagi.",
    ),
    "publish.failed": ("Not published: {reason}", "Tidak terbit: {reason}"),
    # editor
    "edit.saved": ("Saved {path}", "Tersimpan {path}"),
    "edit.nochange": ("No change to save.", "Tidak ada perubahan."),
    "edit.invalid": ("Fix the marked fields first.", "Perbaiki isian yang ditandai dahulu."),
    "edit.bad_time": ("Write it as 2026-12-08 09:00", "Tulis seperti 2026-12-08 09:00"),
    "edit.required": ("Required", "Wajib diisi"),
    "edit.lease_lost": (
        "{name} took over this release; your text is kept here, unsaved.",
        "{name} mengambil alih; teks Anda tetap di sini, belum tersimpan.",
    ),
    "edit.reloaded": ("Reloaded the version on disk.", "Versi di disk dimuat ulang."),
    "edit.kept": (
        "Keeping your version: saving will replace theirs.",
        "Versi Anda dipertahankan: menyimpan akan menggantikan versi mereka.",
    ),
    "why.no_rule": (
        "cannot {action} a release that is {status}",
        "tidak bisa {action} siaran pers berstatus {status}",
    ),
    "why.publisher_only": (
        "publishing is done by publish (P on the desk)",
        "penerbitan dilakukan lewat Terbitkan (P di meja redaksi)",
    ),
    "why.four_eyes": (
        "you ({actor}) changed the text last: someone else must approve",
        "Anda ({actor}) terakhir mengubah teks: orang lain harus menyetujui",
    ),
    "why.checks": ("checks not passed: {list}", "pemeriksaan belum lolos: {list}"),
    "why.system": (
        "{actor} is a system identity: it only publishes (act as yourself)",
        "{actor} adalah identitas sistem: hanya menerbitkan (bertindaklah atas nama sendiri)",
    ),
    "check.required_fields": (
        "title, dateline, author, credit and body are filled in",
        "judul, kota, penulis, kredit, dan isi sudah diisi",
    ),
    "check.required_fields.fail": ("missing: {fields}", "belum diisi: {fields}"),
    "check.summary": ("a summary for partners", "ringkasan untuk mitra"),
    "check.summary.fail": ("no summary", "belum ada ringkasan"),
    "check.category": ("at least one category", "minimal satu kategori"),
    "check.category.fail": ("no category", "belum ada kategori"),
    "check.image_caption_credit": (
        "the photo has a caption and a credit",
        "foto punya keterangan dan kredit",
    ),
    "check.image_caption_credit.fail": ("the photo has no {what}", "foto belum punya {what}"),
    "check.placeholders": (
        "no placeholder text (TODO, TBD, XXX, lorem ipsum)",
        "tidak ada teks sementara (TODO, TBD, XXX, lorem ipsum)",
    ),
    "check.placeholders.fail": (
        "placeholder “{text}” in the {field}",
        "teks sementara “{text}” di {field}",
    ),
    "check.embargo_future": (
        "the embargo is in the future, or there is none",
        "embargo di masa depan, atau tanpa embargo",
    ),
    "check.embargo_future.fail": (
        "the embargo ({when}) is already past",
        "embargo ({when}) sudah lewat",
    ),
    "check.caption_photo": (
        "a photo caption comes with its photo",
        "keterangan foto disertai fotonya",
    ),
    "check.caption_photo.fail": (
        "a photo caption but no photo: add the photo file, or remove the caption",
        "ada keterangan foto tanpa foto: tambahkan berkas foto, atau hapus keterangannya",
    ),
    "check.plain_title": (
        "the title is plain text (no HTML tags or entities)",
        "judul berupa teks biasa (tanpa tag atau entitas HTML)",
    ),
    "check.plain_title.fail": (
        "the title looks like HTML ({text}): partners' software may read it as such",
        "judul tampak seperti HTML ({text}): perangkat lunak mitra bisa membacanya sebagai HTML",
    ),
    "help.title": ("Keys and commands", "Tombol dan perintah"),
    "help.key": ("Key", "Tombol"),
    "help.where": ("Where", "Di mana"),
    "where.app": ("everywhere", "di mana saja"),
    "where.desk": ("desk", "meja redaksi"),
    "where.release": ("release", "siaran pers"),
    "where.edit": ("editor", "penyunting"),
}


class Translator:
    """Looks strings up in the chosen language."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en"

    def __call__(self, key: str, **values: object) -> str:
        pair = CATALOG.get(key)
        if pair is None:
            return key
        text = pair[1] if self.language == "id" else pair[0]
        return text.format(**values) if values else text


def choose_language(setting: str | None = None) -> str:
    """NEWSROOM_LANG, else the user's setting, else the locale (Indonesian for id_*)."""
    for candidate in (os.environ.get("NEWSROOM_LANG"), setting):
        if candidate and candidate[:2].lower() in LANGUAGES:
            return candidate[:2].lower()
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "id" if value.lower().startswith(("id", "in_")) else "en"
    return "en"
