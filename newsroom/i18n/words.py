"""The workflow's words, shared by every face: statuses, actions, fields, refusals and the
core's errors by code (the checklist's: checklist.py).

One word for one thing: a correction is a *Ralat* (as the feeds print it), never a
*Koreksi*; the city that opens a release is its *Kota*; review is *tinjau*; leaving the
program is *Keluar*, throwing edits away is *Buang*. A status is a state (*Ditinjau*,
*Disetujui*, *Diralat*, *Dicabut*), short or full; an action is a verb (*Setujui*, *Minta
perbaikan*, *Ralat*, *Komentari*): no word names both.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # statuses: a tab or a column, then as the object of a sentence ("cannot approve a draft")
    "status.draft": ("Draft", "Draf"),
    "status.in_review": ("In review", "Ditinjau"),
    "status.changes_requested": ("Changes requested", "Perlu perbaikan"),
    "status.approved": ("Approved", "Disetujui"),
    "status.published": ("Published", "Terbit"),
    "status.correcting": ("Correcting", "Sedang diralat"),
    "status.retracted": ("Retracted", "Dicabut"),
    "a.draft": ("a draft", "draf"),
    "a.in_review": ("a release in review", "siaran pers yang sedang ditinjau"),
    "a.changes_requested": (
        "a release sent back for changes",
        "siaran pers yang dikembalikan untuk diperbaiki",
    ),
    "a.approved": ("an approved release", "siaran pers yang sudah disetujui"),
    "a.published": ("a published release", "siaran pers yang sudah terbit"),
    "a.correcting": ("a release being corrected", "siaran pers yang sedang diralat"),
    "a.retracted": ("a retracted release", "siaran pers yang sudah dicabut"),
    "a.never_published": ("{what} that was never published", "{what} dan belum pernah terbit"),
    # a published release's correction, by its state ("whose correction is in review")
    "correction_is.correcting": ("being written", "sedang ditulis"),
    "correction_is.in_review": ("in review", "sedang ditinjau"),
    "correction_is.changes_requested": ("sent back for changes", "dikembalikan untuk diperbaiki"),
    "correction_is.approved": ("approved", "sudah disetujui"),
    # actions: as a history entry, then as a verb with its object ("request changes on")
    "action.edit": ("edit", "sunting"),
    "action.submit": ("submit", "ajukan"),
    "action.approve": ("approve", "setujui"),
    "action.request_changes": ("request changes", "minta perbaikan"),
    "action.withdraw": ("withdraw", "tarik kembali"),  # request_changes, by its sender
    # what an approval set (the history's entry)
    "history.embargo": ("embargo until {when}", "embargo hingga {when}"),
    "history.adopted": ("sealed as published on {when}", "disegel seperti terbit pada {when}"),
    "action.comment": ("comment", "komentari"),
    "action.correct": ("correct", "ralat"),
    "action.retract": ("retract", "cabut"),
    "action.cancel_correction": ("cancel the correction", "batalkan ralat"),
    "action.delete": ("delete", "hapus"),
    "action.publish": ("publish", "terbitkan"),
    "action.embargo": ("move the embargo", "ubah embargo"),
    "action.adopt": ("seal as published", "segel seperti terbit"),
    "action.create": ("create", "buat"),
    "action.import": ("import", "impor"),
    "verb.edit": ("edit", "menyunting"),
    "verb.submit": ("submit", "mengajukan"),
    "verb.approve": ("approve", "menyetujui"),
    "verb.request_changes": ("request changes on", "meminta perbaikan atas"),
    "verb.comment": ("comment on", "mengomentari"),
    "verb.correct": ("correct", "meralat"),
    "verb.retract": ("retract", "mencabut"),
    "verb.cancel_correction": ("cancel the correction of", "membatalkan ralat"),
    "verb.delete": ("delete", "menghapus"),
    "verb.publish": ("publish", "menerbitkan"),
    "verb.embargo": ("move the embargo of", "mengubah embargo"),
    "verb.adopt": ("seal", "menyegel"),
    "verb.create": ("create", "membuat"),
    "verb.import": ("import", "mengimpor"),
    # the release's fields, as the editor labels them
    "field.id": ("Id", "Id"),
    "field.status": ("Status", "Status"),
    "field.path": ("File", "Berkas"),
    "field.title": ("Title", "Judul"),
    "field.dateline": ("Dateline", "Kota"),
    "field.author": ("Author", "Penulis"),
    "field.credit": ("Credit", "Kredit"),
    "field.summary": ("Summary", "Ringkasan"),
    "field.categories": ("Categories", "Kategori"),
    "field.tags": ("Tags", "Tag"),
    "field.embargo": ("Embargo ({zone})", "Embargo ({zone})"),
    "field.published": ("Published", "Terbit"),
    "field.updated": ("Updated", "Diubah"),
    "field.caption": ("Photo caption", "Keterangan foto"),
    "field.photo_credit": ("Photo credit", "Kredit foto"),
    "field.photo_src": ("Photo file or URL", "Berkas atau URL foto"),
    "field.photo": ("Photo", "Foto"),
    "field.image": ("Photo", "Foto"),
    "field.release_number": ("Release number", "Nomor siaran pers"),
    "field.number": ("Number", "Nomor"),
    "field.kind": ("Kind", "Jenis"),
    "field.denies": ("Klarifikasi: numbers denied", "Klarifikasi: nomor yang disangkal"),
    "field.attachments": ("Attachments", "Lampiran"),
    "kind.release": ("Press release", "Siaran pers"),
    "kind.klarifikasi": ("Klarifikasi", "Klarifikasi"),
    "field.body": ("Text", "Isi"),
    "field.slug": ("Slug", "Slug"),
    "field.language": ("Language", "Bahasa"),
    "field.words": ("comma separated", "pisahkan dengan koma"),
    "field.history": ("History", "Riwayat"),
    "field.comments": ("Comments", "Komentar"),
    "field.corrections": ("Corrections", "Ralat"),
    "field.retracted": ("Retracted", "Dicabut"),
    "field.published_version": ("Published version", "Versi terbit"),
    "and": (" and ", " dan "),
    "or": (" or ", " atau "),
    # why an action is refused (workflow.Decision's codes)
    "refused": ("{action} refused: {reason}", "{action} ditolak: {reason}"),
    "refused.dry": (
        "{action} would be refused (dry run, nothing changed): {reason}",
        "{action} akan ditolak (uji coba, tidak ada yang diubah): {reason}",
    ),
    "why.no_rule": (
        "cannot {verb} {status} (only {states})",
        "tidak bisa {verb} {status} (hanya {states})",
    ),
    "why.no_rule.live_only": (
        "a published release whose correction is {states}",
        "siaran pers terbit yang ralatnya {states}",
    ),
    "why.no_rule.live": (
        ", or a published release whose correction is {states}",
        ", atau siaran pers terbit yang ralatnya {states}",
    ),
    "why.published_kept": (
        "a release that was published is never deleted: retract it (`newsroom retract {ref} "
        "--reason WHY`, X on the desk); its record stays",
        "siaran pers yang pernah terbit tidak pernah dihapus: cabut saja (`newsroom retract "
        "{ref} --reason ALASAN`, X di meja redaksi); catatannya tetap ada",
    ),
    "why.retracted_kept": (
        "a release that was published is never deleted, and this one is already retracted: "
        "its record stays",
        "siaran pers yang pernah terbit tidak pernah dihapus, dan yang ini sudah dicabut: "
        "catatannya tetap ada",
    ),
    "why.approved_kept": (
        "a release that was approved is never deleted: partners with embargo access may "
        "hold it already, and only its record can tell them it will not go out; to stop it, "
        "request changes and leave it as a draft",
        "siaran pers yang pernah disetujui tidak pernah dihapus: mitra dengan akses embargo "
        "mungkin sudah menerimanya, dan hanya catatannya yang dapat memberi tahu mereka bahwa "
        "ia batal terbit; untuk menghentikannya, minta perbaikan lalu biarkan sebagai draf",
    ),
    "why.publisher_only": (
        "publishing is done by publish (P on the desk, `newsroom publish`)",
        "penerbitan dilakukan lewat Terbitkan (P di meja redaksi, `newsroom publish`)",
    ),
    "why.four_eyes": (
        "you, {name}, changed the text last: someone else must approve it",
        "Anda, {name}, yang terakhir mengubah teks: orang lain harus menyetujuinya",
    ),
    "why.four_eyes.embargo": (
        "you, {name}, changed the text last: someone else must move its embargo",
        "Anda, {name}, yang terakhir mengubah teks: orang lain harus mengubah embargonya",
    ),
    "why.embargo_moves": (
        "it is already approved: to move its embargo use `newsroom embargo {ref} --until ISO "
        "--note WHY` (the move is recorded)",
        "sudah disetujui: untuk mengubah embargonya pakai `newsroom embargo {ref} --until ISO "
        "--note ALASAN` (perubahannya tercatat)",
    ),
    "why.approval_stands": (
        "it is approved already and its approval stands: to move its embargo use E on the "
        "desk or `newsroom embargo {ref} --until ISO`",
        "sudah disetujui dan persetujuannya masih berlaku: untuk mengubah embargonya pakai E "
        "di meja redaksi atau `newsroom embargo {ref} --until ISO`",
    ),
    "why.number_kept": (
        "{path}: the correction changes the release number: a published release keeps it for "
        "ever; put back release_number “{number}” (`newsroom edit {ref}`)",
        "{path}: ralat ini mengubah nomor siaran pers: yang sudah terbit memakainya selamanya; "
        "kembalikan release_number “{number}” (`newsroom edit {ref}`)",
    ),
    "why.slug_kept": (
        "{path}: the correction changes the slug, its page's address (old links would break): "
        "put back slug “{slug}” (`newsroom edit {ref}`)",
        "{path}: ralat ini mengubah slug, alamat halamannya (tautan lama akan putus): "
        "kembalikan slug “{slug}” (`newsroom edit {ref}`)",
    ),
    "why.checks": ("checks not passed: {list}", "pemeriksaan belum lolos: {list}"),
    "why.system": (
        "{actor} is a system identity: it only publishes (act as yourself)",
        "{actor} adalah identitas sistem: hanya menerbitkan (bertindaklah atas nama sendiri)",
    ),
    "why.stranger": (
        "your login “{login}” is not in [people] of newsroom.toml (an admin adds it with "
        "your name and initials)",
        "login Anda “{login}” tidak ada di [people] newsroom.toml (minta admin menambahkannya "
        "dengan nama dan inisial Anda)",
    ),
    "why.unknown_person": (
        "“{name}” is not in [people] of newsroom.toml (an admin adds [people.{name}] with a "
        "name and initials)",
        "“{name}” tidak ada di [people] newsroom.toml (minta admin menambahkan [people.{name}] "
        "dengan nama dan inisial)",
    ),
    "why.not_for_others": (
        "{via} may not act as {name} (only a person with act_for_others = true may use "
        "--as or NEWSROOM_USER)",
        "{via} tidak boleh bertindak sebagai {name} (hanya orang dengan act_for_others = "
        "true yang boleh memakai --as atau NEWSROOM_USER)",
    ),
    "hint.edit.published": (
        "to change it, start a correction (K on the desk, `newsroom correct {ref}`)",
        "untuk mengubahnya, mulai ralat (K di meja redaksi, `newsroom correct {ref}`)",
    ),
    "hint.edit.approved": (
        "to change it, request changes first (r on the desk, `newsroom request-changes {ref}`)",
        "untuk mengubahnya, minta perbaikan dahulu (r di meja redaksi, "
        "`newsroom request-changes {ref}`)",
    ),
    "hint.approve.draft": (
        "submit it for review first (s on the desk, `newsroom submit {ref}`)",
        "ajukan untuk ditinjau dahulu (s di meja redaksi, `newsroom submit {ref}`)",
    ),
    "hint.approve.changes_requested": (
        "the writer submits it again once fixed (s on the desk, `newsroom submit {ref}`)",
        "penulis mengajukannya lagi setelah diperbaiki (s di meja redaksi, "
        "`newsroom submit {ref}`)",
    ),
    # the same ways on the desk, by their keys (no release id to type there)
    "hint.edit.published.tui": (
        "to change it, start a correction (K)",
        "untuk mengubahnya, mulai ralat (K)",
    ),
    "hint.edit.approved.tui": (
        "to change it, request changes first (r)",
        "untuk mengubahnya, minta perbaikan dahulu (r)",
    ),
    "hint.approve.draft.tui": (
        "submit it for review first (s)",
        "ajukan untuk ditinjau dahulu (s)",
    ),
    "hint.approve.changes_requested.tui": (
        "the writer submits it again once fixed (s)",
        "penulis mengajukannya lagi setelah diperbaiki (s)",
    ),
    "needs.note": (
        "{action} needs a note saying why",
        "{action} perlu catatan yang menjelaskan alasannya",
    ),
    "needs.reason": ("{action} needs a reason", "{action} perlu alasan"),
    # the core's errors, by code
    "error.title_required": (
        'a title is required (--title "…"): a release without one cannot be opened again',
        'judul wajib diisi (--title "…"): siaran pers tanpa judul tidak dapat dibuka lagi',
    ),
    "error.title_required.tui": ("A title is required.", "Judul wajib diisi."),
    "error.unsaved_unknown": (
        "{name}: no single copy kept aside has this name (matching: {matches}); "
        "`newsroom unsaved` lists them",
        "{name}: tidak ada satu salinan tersisih pun dengan nama ini (yang cocok: {matches}); "
        "`newsroom unsaved` menampilkannya",
    ),
    "error.unsaved_form": (
        "{path}: not a release file ({problem}); read it and copy what you need into the "
        "editor, then discard it",
        "{path}: bukan berkas siaran pers ({problem}); baca dan salin yang diperlukan ke "
        "penyunting, lalu buang",
    ),
    "error.unsaved_not_yours": (
        "{name} is {person}'s text: only they restore or discard it",
        "{name} adalah teks {person}: hanya dia yang memulihkan atau membuangnya",
    ),
    "error.broken_file": (
        "{problem} (fix the file first: `newsroom check`)",
        "{problem} (perbaiki berkasnya dahulu: `newsroom check`)",
    ),
    "error.ref_short": (
        "“{ref}” is too short: type at least 4 characters of the id or slug",
        "“{ref}” terlalu pendek: ketik sedikitnya 4 karakter dari id atau slug",
    ),
    "error.no_release": (
        "no release “{ref}” (`newsroom list` shows ids and slugs)",
        "tidak ada siaran pers “{ref}” (`newsroom list` menampilkan id dan slug)",
    ),
    "error.ambiguous": (
        "“{ref}” matches {count} releases: type more of the id or slug",
        "“{ref}” cocok dengan {count} siaran pers: ketik id atau slug lebih panjang",
    ),
    "error.publish_busy": (
        "a publish run is under way; nothing was changed: try again when it ends "
        "(`newsroom status`)",
        "proses terbit sedang berjalan; tidak ada yang diubah: coba lagi setelah selesai "
        "(`newsroom status`)",
    ),
    "error.lease_held": (
        "being edited by {name} (until {until} unless renewed); to edit anyway, take it "
        "over: e on the desk, or `newsroom edit --take-over {ref}`",
        "sedang disunting {name} (hingga {until} bila tidak diperpanjang); untuk tetap "
        "menyunting, ambil alih: e di meja redaksi, atau `newsroom edit --take-over {ref}`",
    ),
    "error.translate_language": (
        '"{language}" is not a language tag (e.g. en, id, jv)',
        '"{language}" bukan kode bahasa (misalnya en, id, jv)',
    ),
    "error.translate_translation": (
        "{slug} is itself a translation: translate its original ({original})",
        "{slug} sendiri sebuah terjemahan: terjemahkan naskah aslinya ({original})",
    ),
    "error.translate_retracted": (
        "{slug} is retracted: a translation of it could never go live",
        "{slug} sudah dicabut: terjemahannya tidak akan pernah bisa terbit",
    ),
    "error.translate_same": (
        '{slug} is already in "{language}": choose another language',
        '{slug} sudah berbahasa "{language}": pilih bahasa lain',
    ),
    "error.translate_exists": (
        '{slug} already has a translation into "{language}": {path}',
        '{slug} sudah punya terjemahan ke "{language}": {path}',
    ),
    "error.owned": (
        "cannot change {fields} by editing: only the workflow's actions change them "
        "(submit, approve, request changes, correct, retract, publish, comment)",
        "tidak bisa mengubah {fields} dengan menyunting: hanya tindakan alur kerja yang "
        "mengubahnya (ajukan, setujui, minta perbaikan, ralat, cabut, terbitkan, komentar)",
    ),
    "error.id_changed": (
        "the id cannot change: put back {id}",
        "id tidak boleh berubah: kembalikan {id}",
    ),
    "error.number_kept": (
        "{path}: a published release keeps its number for ever: put back “{number}”",
        "{path}: siaran pers yang sudah terbit memakai nomornya selamanya: kembalikan “{number}”",
    ),
    "error.slug_kept": (
        "{path}: a published release keeps its slug for ever (it is its page's address, where "
        "every link to it points): put back slug “{slug}”; a correction cannot change it",
        "{path}: siaran pers yang sudah terbit memakai slug-nya selamanya (alamat halamannya, "
        "tujuan setiap tautan ke sana): kembalikan slug “{slug}”; ralat tidak dapat mengubahnya",
    ),
    "error.attach_missing": ("{file}: no such file", "{file}: berkas tidak ada"),
    "error.attach_type": (
        "{file}: this type of file is not taken (the office takes {allowed}; "
        "[attachments] types in newsroom.toml)",
        "{file}: jenis berkas ini tidak diterima (kantor menerima {allowed}; "
        "[attachments] types di newsroom.toml)",
    ),
    "error.attach_too_big": (
        "{file} is {size} MB, more than the {max} MB allowed ([attachments] max_mb): make it "
        "smaller (print the PDF again at a lower resolution) or split it",
        "{file} berukuran {size} MB, melebihi batas {max} MB ([attachments] max_mb): "
        "perkecil (cetak ulang PDF dengan resolusi lebih rendah) atau pecah menjadi beberapa",
    ),
    "error.attach_not_type": (
        "{file}: its name says {type}, but its content is not (renamed?)",
        "{file}: namanya menyatakan {type}, tetapi isinya bukan (diganti namanya?)",
    ),
    "error.attach_duplicate": (
        "{file} is already attached, as {existing}",
        "{file} sudah dilampirkan, sebagai {existing}",
    ),
    "error.detach_unknown": (
        "no attachment “{file}” (attached: {names})",
        "tidak ada lampiran “{file}” (terlampir: {names})",
    ),
    "error.detach_photo": (
        "{file} is the release's photo: choose another photo (or none) first",
        "{file} adalah foto siaran pers: pilih foto lain (atau kosongkan) dulu",
    ),
    # an output refused a release's file as it reads now (records.reread)
    "error.reread_changed": (
        "{path} no longer holds the text publish put out (changed outside the workflow): "
        "restore it from git",
        "{path} tidak lagi memuat teks yang dikeluarkan publish (diubah di luar alur kerja): "
        "pulihkan dari git",
    ),
    "error.reread_other": (
        "{path} holds another release now (replaced while publish ran): the next run reads "
        "it again",
        "{path} kini memuat siaran pers lain (diganti saat publish berjalan): penerbitan "
        "berikutnya membacanya lagi",
    ),
    "error.version_file": (
        "a kept version of a release is broken or was changed by hand: {detail}",
        "versi tersimpan sebuah siaran pers rusak atau diubah langsung: {detail}",
    ),
    "error.editor_start": (
        "cannot start the editor “{editor}”: {reason} (set VISUAL or EDITOR)",
        "editor “{editor}” tidak bisa dijalankan: {reason} (atur VISUAL atau EDITOR)",
    ),
    "error.editor_failed": (
        "the editor “{editor}” failed (exit code {exit})",
        "editor “{editor}” gagal (kode keluar {exit})",
    ),
    # why publish keeps a release out (seal.py's, ledger.py's and attachments.py's codes,
    # with their facts; English shows the core's own message, these words say the same)
    "seal.history": (
        "history entry {number} ({action}) does not follow the workflow: the history was "
        "changed by hand (restore the file from git)",
        "entri riwayat {number} ({action}) tidak mengikuti alur kerja: riwayat diubah langsung "
        "di berkas (pulihkan berkas dari git)",
    ),
    "seal.status": (
        "the status says {status}, where the history does not lead: the status was changed "
        "by hand (put back `status: {state}`, then use the workflow's actions)",
        "status tertulis {status}, padahal riwayatnya tidak sampai ke sana: status diubah "
        "langsung di berkas (kembalikan `status: {state}`, lalu pakai tindakan alur kerja)",
    ),
    "seal.unapproved": (
        "approved, but no approval in the history",
        "disetujui, tetapi tidak ada persetujuan di riwayat",
    ),
    "seal.unsealed": (
        "approved before approvals were sealed: approve it again",
        "disetujui sebelum persetujuan disegel: setujui sekali lagi",
    ),
    "seal.changed": (
        "the text differs from what {who} approved ({when}): undo the change, or have a second "
        "person read it and approve it again (`newsroom approve {ref}`)",
        "teks berbeda dari yang disetujui {who} ({when}): batalkan perubahan, atau minta orang "
        "kedua membacanya dan menyetujuinya lagi (`newsroom approve {ref}`)",
    ),
    "seal.four_eyes": (
        "approved by {who}, who changed the text last: a second person must approve it",
        "disetujui oleh {who}, yang terakhir mengubah teks: orang kedua harus menyetujuinya",
    ),
    "seal.never_published": (
        "has a published_version but was never published: remove `published_version` (only "
        "`newsroom correct` sets it)",
        "punya published_version tetapi tidak pernah diterbitkan: hapus `published_version` "
        "(hanya `newsroom correct` yang mengisinya)",
    ),
    "seal.unpublished": (
        "marked published, but publish never put it out",
        "ditandai terbit, tetapi tidak pernah diterbitkan",
    ),
    "seal.broken": (
        "its file does not read (its 'broken' line says where): the version partners have "
        "stays in the feeds until the file is mended",
        "berkasnya tidak terbaca (baris 'rusak'-nya menyebut letaknya): versi yang sudah "
        "diterima mitra tetap di feed sampai berkas diperbaiki",
    ),
    "seal.legacy": (
        "published before publications were sealed: run `newsroom adopt` once to seal what is "
        "published now",
        "terbit sebelum penerbitan disegel: jalankan `newsroom adopt` sekali untuk menyegel "
        "yang kini terbit",
    ),
    "seal.live_changed": (
        "the published text differs from what publish put out ({when}): restore the file from "
        "git (a change to a published release goes through `newsroom correct`)",
        "teks terbit berbeda dari yang dikeluarkan publish ({when}): pulihkan berkas dari git "
        "(perubahan siaran pers yang sudah terbit lewat `newsroom correct`)",
    ),
    "seal.live_kept": (  # (`said`: the words of the problem it keeps partners' version for)
        "{said}; the version partners have stays in the feeds, as publish put it out, until "
        "the file is restored from git (then, to change the published text, start a "
        "correction: `newsroom correct {ref}`)",
        "{said}; versi yang sudah diterima mitra tetap di feed, seperti saat diterbitkan, "
        "sampai berkas dipulihkan dari git (lalu, untuk mengubah teks terbit, mulai ralat: "
        "`newsroom correct {ref}`)",
    ),
    "seal.ninjs": (  # (`reason`: the error behind it, in its own words: explain.cause_text)
        "its ninjs documents could not be written: {reason} (the documents partners have "
        "stay; the next run tries again)",
        "dokumen ninjs-nya tidak dapat ditulis: {reason} (dokumen yang sudah diterima mitra "
        "tetap; penerbitan berikutnya mencoba lagi)",
    ),
    "seal.corrections": (
        "version {version} is out, so it has {due} correction notice(s), but the file has "
        "{found}: a notice was added or removed by hand (restore the file from git)",
        "versi {version} sudah terbit, jadi pemberitahuan ralatnya {due}, tetapi berkas "
        "memuat {found}: pemberitahuan ditambah atau dihapus langsung di berkas (pulihkan "
        "berkas dari git)",
    ),
    "seal.published_time": (
        "the publication time does not match the history (changed by hand, or a publish run "
        "with its clock set back): restore the file from git",
        "waktu terbit tidak cocok dengan riwayat (diubah langsung di berkas, atau publish "
        "dijalankan dengan jam mundur): pulihkan berkas dari git",
    ),
    "seal.ledger_unknown": (
        "a publication this server never made: restore the file from git",
        "penerbitan yang tidak pernah dilakukan server ini: pulihkan berkas dari git",
    ),
    "seal.ledger_history": (
        "the history up to the last publication was rewritten, or an older copy of the file "
        "was put back: restore the file from git",
        "riwayat hingga penerbitan terakhir ditulis ulang, atau salinan berkas yang lebih lama "
        "dikembalikan: pulihkan berkas dari git",
    ),
    "seal.ledger_retraction": (
        "partners were told it was retracted, but the file no longer says so: an older copy "
        "was put back (restore the retracted file from git)",
        "mitra sudah diberi tahu bahwa siaran pers ini dicabut, tetapi berkas tidak lagi "
        "menyatakannya: salinan lama dikembalikan (pulihkan berkas yang dicabut dari git)",
    ),
    "seal.ledger_text": (
        "the published text differs from what publish put out (restore the file from git)",
        "teks terbit berbeda dari yang dikeluarkan publish (pulihkan berkas dari git)",
    ),
    "seal.ledger_time": (
        "the publication time was changed (it went out {when}) (restore the file from git)",
        "waktu terbit diubah (terbit {when}) (pulihkan berkas dari git)",
    ),
    "seal.ledger_corrections": (
        "the correction notices were changed (restore the file from git)",
        "pemberitahuan ralat diubah (pulihkan berkas dari git)",
    ),
    "seal.approved_later": (
        "approved after this run's time: a release is never published before it was approved "
        "(is the clock set back?)",
        "disetujui setelah waktu penerbitan ini: siaran pers tidak pernah terbit sebelum "
        "disetujui (apakah jam dimundurkan?)",
    ),
    "seal.attachment_missing": (
        "attachment {file} is missing (restore it from git, or detach it)",
        "lampiran {file} tidak ada (pulihkan dari git, atau lepaskan)",
    ),
    "seal.attachment_changed": (
        "attachment {file} is not the file that was approved (its size or SHA-256 changed): "
        "put the approved file back, or attach the new one and have it approved",
        "lampiran {file} bukan berkas yang disetujui (ukuran atau SHA-256-nya berubah): "
        "kembalikan berkas yang disetujui, atau lampirkan yang baru dan minta persetujuan",
    ),
    # counts
    "n.releases": ("{n} release|{n} releases", "{n} siaran pers"),
    "n.files": ("{n} feed file|{n} feed files", "{n} berkas feed"),
    "n.errors": ("{n} error|{n} errors", "{n} kesalahan"),
    "n.warnings": ("{n} warning|{n} warnings", "{n} peringatan"),
}
