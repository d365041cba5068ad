"""The pre-approval checklist's words: what passes, what fails, where to fix it
(core/checks.py's checks, by name)."""

from __future__ import annotations

CHECKLIST: dict[str, tuple[str, str]] = {
    # the checklist: what passes, what fails, where to fix it
    "check.required_fields": (
        "title, dateline, author, credit and text are filled in",
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
    "check.embargo_future.correction": (  # it went out under that embargo: it stands
        "the embargo is to come, or the one it went out under, or none",
        "embargo mendatang, embargo saat terbit, atau tanpa embargo",
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
    "check.photo_source": (
        "the photo is a web address, a site path or an attached file",
        "foto berupa alamat web, path di situs, atau berkas lampiran",
    ),
    "check.photo_source.fail": (
        "Photo file or URL `{src}` is no web address, site path or attached file (partners "
        "would get a broken image): attach the file with "
        "`newsroom attach REF FILE --photo`, or give a full URL (https://...)",
        "Berkas atau URL foto `{src}` bukan alamat web, path di situs, atau berkas lampiran "
        "(mitra akan menerima gambar rusak): lampirkan berkasnya dengan "
        "`newsroom attach REF BERKAS --photo`, atau isi URL lengkap (https://...)",
    ),
    "check.photo_source.fail.tui": (
        "Photo file or URL `{src}` is no web address, site path or attached file (partners "
        "would get a broken image): attach the file (f) and name it here, or give a full URL "
        "(https://...)",
        "Berkas atau URL foto `{src}` bukan alamat web, path di situs, atau berkas lampiran "
        "(mitra akan menerima gambar rusak): lampirkan berkasnya (f) lalu tulis namanya di "
        "sini, atau isi URL lengkap (https://...)",
    ),
    "check.plain_title": (
        "the title is plain text (no HTML tags or entities)",
        "judul berupa teks biasa (tanpa tag atau entitas HTML)",
    ),
    "check.plain_title.fail": (
        "the title looks like HTML ({text}): partners' software may read it as such",
        "judul tampak seperti HTML ({text}): perangkat lunak mitra bisa membacanya sebagai HTML",
    ),
    "check.denies": (
        "a klarifikasi names the release numbers it denies",
        "klarifikasi menyebut nomor siaran pers yang disangkalnya",
    ),
    "check.denies.fail": (
        "a klarifikasi that names no number: list the forged numbers it denies",
        "klarifikasi belum menyebut nomor: isi nomor siaran pers palsu yang disangkal",
    ),
    "check.untranslated": (
        "the translation's title and text are not its original's",
        "judul dan isi terjemahan bukan lagi milik naskah asli",
    ),
    "check.untranslated.fail": (
        "the {field} is still the original's: translate it before review",
        "{field} masih sama dengan naskah asli: terjemahkan sebelum ditinjau",
    ),
    "check.original_corrected": (
        "the original was not corrected since this was approved",
        "naskah asli tidak diralat sejak terjemahan ini disetujui",
    ),
    "check.original_corrected.fail": (
        "the original was corrected on {when}; this translation may need the same correction",
        "naskah asli diralat pada {when}; terjemahan ini mungkin perlu ralat yang sama",
    ),
    "check.signoff": (
        "the text does not end with a sign-off (the feeds add it)",
        "isi tidak diakhiri tanda penulis (feed menambahkannya)",
    ),
    "check.signoff.fail": (
        "the text ends with the sign-off {signoff}: the feeds add it from the author and "
        "credit, remove it from the text",
        "isi diakhiri tanda penulis {signoff}: feed menambahkannya dari penulis dan kredit, "
        "hapus dari isi",
    ),
    "check.dateline_in_text": (
        "the text does not open with a dateline (the feeds add it)",
        "isi tidak diawali kota (feed menambahkannya)",
    ),
    "check.dateline_in_text.fail": (
        "the text opens with the dateline {text}: the feeds add it from Dateline (partners "
        "would read it twice), remove it from the text",
        "isi diawali kota {text}: feed menambahkannya dari Kota (mitra akan membacanya dua "
        "kali), hapus dari isi",
    ),
    # (a passing check's line is one line of the checklist at 80 columns, its level too)
    "check.dateline": (
        "dateline: one city (e.g. YOGYAKARTA), at most 40 characters",
        "Kota: satu kota (mis. YOGYAKARTA), paling banyak 40 karakter",
    ),
    "check.dateline.fail": (
        "the dateline {text} ({length} characters) is no city: give the city the release "
        "comes from, e.g. YOGYAKARTA: a place name on one line, at most {most} characters, "
        "without a date, a dash or a sentence (the feeds open the text with it)",
        "isian Kota {text} ({length} karakter) bukan nama kota: isi kota asal siaran pers, "
        "mis. YOGYAKARTA: nama tempat dalam satu baris, paling banyak {most} karakter, tanpa "
        "tanggal, tanda pisah atau kalimat (feed mengawali isi dengannya)",
    ),
    "check.correction_changes": (
        "the correction changes what partners see",
        "ralat mengubah yang dilihat mitra",
    ),
    "check.correction_changes.fail": (
        "the correction changes nothing partners see: partners would get an empty RALAT; "
        "change the text (the note alone is not a correction)",
        "ralat tidak mengubah apa pun yang dilihat mitra: mitra akan menerima RALAT kosong; "
        "ubah teksnya (catatan saja bukan ralat)",
    ),
    "check.attachment_files": (
        "the attached files are the ones recorded",
        "berkas lampiran sesuai dengan yang dicatat",
    ),
    "check.attachment_files.fail": (
        "attachment {file} is not the file recorded ({kind}): put it back, or `newsroom "
        "detach` it (and attach the new one)",
        "lampiran {file} bukan berkas yang tercatat ({kind}): kembalikan, atau `newsroom "
        "detach` (lalu lampirkan yang baru)",
    ),
    "check.attachment.missing": ("missing", "tidak ada"),
    "check.attachment.changed": ("its size or SHA-256 changed", "ukuran atau SHA-256-nya berubah"),
    "check.holder_gone": (
        "a release this server published before",
        "siaran yang pernah diterbitkan server ini",
    ),
    "check.number_unique": (
        "no other release has this release number",
        "nomor siaran pers ini tidak dipakai siaran lain",
    ),
    "check.number_unique.fail": (
        "release number {number} is also {holder}'s: give this release another number, or "
        "none (publish gives one)",
        "nomor {number} sudah dipakai {holder}: beri siaran ini nomor lain, atau kosongkan "
        "(publish memberinya nomor)",
    ),
    "check.denies_own": (
        "a klarifikasi denies no number this office issued",
        "klarifikasi tidak menyangkal nomor yang diterbitkan kantor ini",
    ),
    "check.denies_own.fail": (
        "{number} is this office's own number ({holder}): a klarifikasi denies only forged "
        "numbers; remove it from the numbers denied",
        "{number} adalah nomor kantor ini sendiri ({holder}): klarifikasi hanya menyangkal "
        "nomor palsu; hapus dari nomor yang disangkal",
    ),
    "check.known_keys": (
        "every front-matter key is known (or clearly the office's)",
        "semua kunci front matter dikenal (atau jelas milik kantor)",
    ),
    "check.known_keys.fail": (
        "line {line}: `{name}` is not a key newsroom knows, so it is kept but not used: did "
        "you mean `{near}`?",
        "baris {line}: `{name}` bukan kunci yang dikenal newsroom, jadi disimpan tetapi tidak "
        "dipakai: maksudnya `{near}`?",
    ),
    "check.required": ("required", "wajib"),
    "check.recommended": ("recommended", "disarankan"),
    "fix.set.tui": ("set {field} in the editor (e)", "lengkapi {field} di penyunting (e)"),
    "fix.change.tui": ("change {field} in the editor (e)", "ubah {field} di penyunting (e)"),
    "fix.set.cli": (
        "set {field} in the editor or `newsroom edit {ref}`",
        "lengkapi {field} di penyunting atau `newsroom edit {ref}`",
    ),
    "fix.change.cli": (
        "change {field} in the editor or `newsroom edit {ref}`",
        "ubah {field} di penyunting atau `newsroom edit {ref}`",
    ),
    # an approval's checklist is the reviewer's: the writer fixes it (a reviewer who edits
    # becomes the last to change the text, and may no longer approve it)
    "fix.set.approve.tui": (
        "request changes (r) so the writer sets {field}",
        "minta perbaikan (r) agar penulis melengkapi {field}",
    ),
    "fix.change.approve.tui": (
        "request changes (r) so the writer changes {field}",
        "minta perbaikan (r) agar penulis mengubah {field}",
    ),
    "fix.set.approve.cli": (
        "`newsroom request-changes {ref}` so the writer sets {field}",
        "`newsroom request-changes {ref}` agar penulis melengkapi {field}",
    ),
    "fix.change.approve.cli": (
        "`newsroom request-changes {ref}` so the writer changes {field}",
        "`newsroom request-changes {ref}` agar penulis mengubah {field}",
    ),
    # the embargo of an approval or a move: where that action takes it
    "fix.embargo.approve.tui": ("change {field} below", "ubah {field} di bawah"),
    "fix.embargo.embargo.tui": ("change {field} below", "ubah {field} di bawah"),
    "fix.embargo.approve.cli": (
        "give a later one: `newsroom approve {ref} --embargo ISO`",
        "beri waktu yang akan datang: `newsroom approve {ref} --embargo ISO`",
    ),
    "fix.embargo.embargo.cli": (
        "give a later one: `newsroom embargo {ref} --until ISO`",
        "beri waktu yang akan datang: `newsroom embargo {ref} --until ISO`",
    ),
    "check.with_fix": ("{text} — {fix}", "{text} — {fix}"),
}
