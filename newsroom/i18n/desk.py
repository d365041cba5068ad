"""The desk's words (the TUI): its screens, keys and the editor (its dialogs: dialogs.py)."""

from __future__ import annotations

DESK: dict[str, tuple[str, str]] = {
    # the app and the desk
    "app.title": ("newsroom", "newsroom"),
    "app.unsaved": (
        "{n} copy of your text is kept aside, not saved: {path}. Press u to restore or discard "
        "it.|{n} copies of your text are kept aside, not saved (the latest: {path}). Press u to "
        "restore or discard them.",
        "{n} salinan teks Anda disisihkan, belum disimpan (terakhir: {path}). Tekan u untuk "
        "memulihkan atau membuangnya.",
    ),
    "cmd.unsaved": ("Unsaved copies", "Salinan tersisih"),
    "cmd.unsaved.help": (
        "Copies of text kept aside, not saved: restore one in the editor, or discard it",
        "Salinan teks yang disisihkan, belum disimpan: pulihkan di penyunting, atau buang",
    ),
    "unsaved.title": (
        "Text kept aside, not saved (.newsroom/unsaved/)",
        "Teks yang disisihkan, belum disimpan (.newsroom/unsaved/)",
    ),
    "unsaved.hint": (
        "Enter opens one in the editor (ctrl+s saves it as any edit); d discards one.",
        "Enter membukanya di penyunting (ctrl+s menyimpannya seperti suntingan biasa); d "
        "membuangnya.",
    ),
    "modal.restore": ("Restore", "Pulihkan"),
    "edit.restored": (
        "The copy kept aside is in the form, not saved yet: ctrl+s saves it (the copy then goes).",
        "Salinan yang disisihkan sudah di formulir, belum disimpan: ctrl+s menyimpannya "
        "(salinannya lalu dihapus).",
    ),
    "edit.restored_changed": (
        "The release changed after this copy was kept: compare before saving.",
        "Siaran pers berubah setelah salinan ini disisihkan: bandingkan sebelum menyimpan.",
    ),
    "app.not_done": (
        "{action} on “{title}” was not done: the desk was closed while it waited for a "
        "publish run. Nothing was changed; take the action again.",
        "{action} pada “{title}” tidak dilakukan: desk ditutup saat menunggu proses terbit. "
        "Tidak ada yang diubah; lakukan tindakan itu lagi.",
    ),
    "app.done_after": (
        "{action} on “{title}” was done as the desk closed: it is now {status}.",
        "{action} pada “{title}” dilakukan saat desk ditutup: statusnya kini {status}.",
    ),
    "app.failed_after": (
        "{action} on “{title}” failed as the desk closed: {error}",
        "{action} pada “{title}” gagal saat desk ditutup: {error}",
    ),
    "app.check_release": (
        "Check the release: it may have been changed.",
        "Periksa siaran pers itu: mungkin sudah berubah.",
    ),
    "app.act_unknown": (
        "{action} on “{title}” was still being written when the desk closed. Check the "
        "release: it may have been changed.",
        "{action} pada “{title}” masih ditulis saat desk ditutup. Periksa siaran pers itu: "
        "mungkin sudah berubah.",
    ),
    "app.language": ("Language: English ({where})", "Bahasa: Indonesia ({where})"),
    "app.language_kept": ("remembered", "diingat"),
    "app.language_session": ("for this session", "untuk sesi ini"),
    "desk.loading": ("Loading the desk…", "Memuat meja redaksi…"),
    "desk.reading": (
        "Reading the newsroom for the first time: {done} of {total} files…",
        "Membaca berkas untuk pertama kali: {done} dari {total}…",
    ),
    "desk.empty": (
        "No releases yet: press n to start one.",
        "Belum ada siaran pers: tekan n untuk membuat.",
    ),
    "desk.on_release_screen": (
        "{letter} ({action}) acts on one release: open it with enter, then press {letter}",
        "{letter} ({action}) untuk satu siaran pers: buka dengan enter, lalu tekan {letter}",
    ),
    "desk.empty_view": ("No releases in this view.", "Tidak ada siaran pers di tampilan ini."),
    "desk.no_match": (
        "Nothing matches “{query}” (escape clears the filter).",
        "Tidak ada yang cocok dengan “{query}” (escape menghapus saringan).",
    ),
    "desk.filter": ("Filter: title, summary, text, tags", "Saring: judul, ringkasan, isi, tag"),
    "desk.sorted": ("sorted by {sort}", "urut menurut {sort}"),
    "desk.count": ("{shown} of {total}", "{shown} dari {total}"),
    "desk.sorted_short": ("sorted: {sort}", "urut: {sort}"),  # where the long cuts the title
    "desk.count_short": ("{shown}/{total}", "{shown}/{total}"),
    "desk.held": (
        "publish holds back {n} release: newsroom status says why|publish holds back {n} "
        "releases: newsroom status says why",
        "{n} siaran pers ditahan penerbitan: lihat newsroom status",
    ),
    "desk.unsigned": (
        "the last publish was not signed: partners cannot check SHA256SUMS until a run with "
        "the key (newsroom status)",
        "penerbitan terakhir tidak ditandatangani: mitra tidak dapat memeriksa SHA256SUMS "
        "sampai penerbitan dengan kunci (lihat newsroom status)",
    ),
    "desk.failing": (
        "publish has failed {n} run in a row: newsroom status says why|publish has failed "
        "{n} runs in a row: newsroom status says why",
        "penerbitan gagal {n} kali berturut-turut: lihat newsroom status",
    ),
    "desk.editing": ("being edited by {name}", "sedang disunting {name}"),
    "desk.broken": ("BROKEN", "RUSAK"),
    "desk.changed": ("The desk was updated from disk.", "Meja redaksi diperbarui dari disk."),
    "col.status": ("Status", "Status"),
    "col.title": ("Title", "Judul"),
    "col.number": ("Number", "Nomor"),
    "col.dateline": ("Dateline", "Kota"),
    "col.author": ("Author", "Penulis"),
    "col.updated": ("Updated ({zone})", "Diubah ({zone})"),
    "col.embargo": ("Embargo ({zone})", "Embargo ({zone})"),
    "sort.updated": ("last change", "perubahan terakhir"),
    "sort.title": ("title", "judul"),
    "sort.status": ("status", "status"),
    "sort.updated.short": ("updated", "diubah"),  # as the column is headed
    "sort.title.short": ("title", "judul"),
    "sort.status.short": ("status", "status"),
    # views (the tab line, then its narrow form: a status is a state, in the words of its
    # full name, never an action's: Ditinjau, not Tinjau; Diralat, not Ralat)
    "view.all": ("All", "Semua"),
    "view.mine": ("My review", "Tinjauan saya"),
    "short.all": ("All", "Semua"),
    "short.mine": ("For me", "Untuk saya"),  # (waiting for my review: not "my releases")
    "short.draft": ("Draft", "Draf"),
    "short.in_review": ("In review", "Ditinjau"),
    "short.changes_requested": ("Changes", "Perbaikan"),
    "short.approved": ("Approved", "Disetujui"),
    "short.published": ("Published", "Terbit"),
    "short.correcting": ("Correcting", "Diralat"),
    "short.retracted": ("Retracted", "Dicabut"),
    # the short names abbreviated (the tab line at 80 columns with many views holding
    # something: only as many as it takes, the current view's last). Three letters, as
    # the days are (Sen, Sel; Mon, Tue): all nine views then keep a name at 80 columns.
    "tiny.all": ("All", "Semua"),
    "tiny.mine": ("Me", "Saya"),
    "tiny.draft": ("Draft", "Draf"),
    "tiny.in_review": ("Rev", "Tnj"),
    "tiny.changes_requested": ("Chg", "Prb"),
    "tiny.approved": ("Appr", "Stj"),
    "tiny.published": ("Pub", "Trb"),
    "tiny.correcting": ("Corr", "Rlt"),
    "tiny.retracted": ("Retr", "Cbt"),
    # commands (label, then help)
    "cmd.quit": ("Quit", "Keluar"),
    "cmd.quit.help": ("Leave newsroom", "Keluar dari newsroom"),
    "cmd.help": ("Help", "Bantuan"),
    "cmd.help.help": ("Show every key and command", "Tampilkan semua tombol dan perintah"),
    "cmd.palette": ("Commands", "Perintah"),
    "cmd.palette.help": ("Search every command", "Cari semua perintah"),
    "palette.search": ("Search for commands…", "Cari perintah…"),
    "palette.no_matches": ("No command matches", "Tidak ada perintah yang cocok"),
    # a command found that does not apply here, its reason below (translate on a translation)
    "palette.not_here": ("not for this release", "tidak untuk siaran pers ini"),
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
        "Tampilkan satu status (1 semua, 2 tinjauan saya, 3 draf …)",
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
    "cmd.submit.help": (
        "Send for review (after the checklist)",
        "Kirim untuk ditinjau (setelah daftar periksa)",
    ),
    "cmd.approve": ("Approve", "Setujui"),
    "cmd.embargo": ("Move the embargo", "Ubah embargo"),
    "cmd.embargo.help": (
        "An approved release: the checklist with a new lift time (empty: lift it now); the "
        "move is recorded",
        "Siaran pers yang sudah disetujui: daftar periksa dengan waktu embargo baru (kosong: "
        "cabut embargo sekarang); perubahannya tercatat",
    ),
    "cmd.approve.help": (
        "The checklist, then approve (with an embargo if you set one)",
        "Daftar periksa, lalu setujui (dengan embargo bila diisi)",
    ),
    "cmd.request_changes": ("Request changes", "Minta perbaikan"),
    "cmd.request_changes.help": (
        "Send back to the writer with a note",
        "Kembalikan ke penulis dengan catatan",
    ),
    # request changes, by the one who submitted the text: it takes the submission back
    "cmd.withdraw": ("Withdraw", "Tarik kembali"),
    "cmd.withdraw.help": (
        "Take back the text you submitted, to change it (a note says why): it comes back to "
        "you as changes requested",
        "Tarik kembali teks yang Anda ajukan untuk diubah (dengan catatan alasannya): kembali "
        "ke Anda sebagai perlu perbaikan",
    ),
    "cmd.comment": ("Comment", "Komentari"),
    "cmd.comment.help": ("Add a comment", "Tambahkan komentar"),
    "cmd.correct": ("Correct", "Ralat"),
    "cmd.correct.help": (
        "Start a numbered correction of a published release",
        "Mulai ralat bernomor untuk siaran pers yang sudah terbit",
    ),
    "cmd.retract": ("Retract", "Cabut"),
    "cmd.retract.help": (
        "Retract a published release, with a reason",
        "Cabut siaran pers yang sudah terbit, dengan alasan",
    ),
    "cmd.cancel_correction": ("Cancel correction", "Batalkan ralat"),
    "cmd.cancel_correction.help": (
        "Drop a correction not wanted: the published text comes back as it was",
        "Buang ralat yang tidak jadi: teks yang terbit kembali seperti semula",
    ),
    "cmd.delete": ("Delete", "Hapus"),
    "cmd.delete.help": (
        "Delete a release never published (a draft), with its attachments",
        "Hapus siaran pers yang belum pernah terbit (draf), beserta lampirannya",
    ),
    "cmd.translate": ("Translate", "Terjemahkan"),
    "cmd.translate.help": (
        "Start a translation of the release: a draft holding its text to translate, with its "
        "own review; it shares the original's number with a language mark",
        "Mulai terjemahan siaran pers: draf berisi teksnya untuk diterjemahkan, ditinjau "
        "tersendiri; nomornya nomor naskah asli dengan tanda bahasa",
    ),
    "modal.translate_language": ("the language", "bahasanya"),
    "modal.translate_prompt": (
        "The translation's language as a code: en (English), id (Indonesian), jv (Javanese)...",
        "Bahasa terjemahan sebagai kode: en (Inggris), id (Indonesia), jv (Jawa)...",
    ),
    "confirm.translate": ("Start the translation", "Mulai terjemahan"),
    "release.translated": (
        "Started the {language} translation: {path}. Translate its text, then submit it.",
        "Terjemahan {language} dimulai: {path}. Terjemahkan isinya, lalu ajukan.",
    ),
    "release.pair": ("Languages", "Bahasa"),
    "release.pair_original": ("original", "naskah asli"),
    "release.pair_this": ("this one", "yang ini"),
    "release.original_corrected": (
        "The original was corrected on {when}; this translation may need the same correction.",
        "Naskah asli diralat pada {when}; terjemahan ini mungkin perlu ralat yang sama.",
    ),
    "cmd.attach": ("Attach a file", "Lampirkan berkas"),
    "cmd.attach.help": (
        "Attach a file to the release (the signed PDF, a data sheet, a photo): an edit",
        "Lampirkan berkas ke siaran pers (PDF bertanda tangan, data, foto): sebuah suntingan",
    ),
    "cmd.detach": ("Remove an attachment", "Lepas lampiran"),
    "cmd.detach.help": (
        "Remove one of the release's attachments: an edit",
        "Lepas salah satu lampiran siaran pers: sebuah suntingan",
    ),
    "modal.attach_path": ("the file's path", "path berkas"),
    "modal.attach_prompt": (
        "The file to attach (PDF, photo, office document, CSV), e.g. "
        "~/Unduhan/siaran-pers-ttd.pdf. It is copied beside the release. {approval}",
        "Berkas yang dilampirkan (PDF, foto, dokumen kantor, CSV), mis. "
        "~/Unduhan/siaran-pers-ttd.pdf. Berkas disalin ke samping siaran pers. {approval}",
    ),
    "modal.detach_file": ("the attachment's file name", "nama berkas lampiran"),
    "modal.detach_prompt": ("Attached: {names}", "Terlampir: {names}"),
    "confirm.attach": ("Attach", "Lampirkan"),
    "confirm.detach": ("Remove", "Lepas"),
    "release.attached": (
        "Attached {file}: partners will find it at {url} once published. {approval}",
        "{file} dilampirkan: mitra menemukannya di {url} setelah terbit. {approval}",
    ),
    "release.detached": (
        "Removed {file}. {approval}",
        "Lampiran {file} dilepas. {approval}",
    ),
    "release.approval.first": ("The release needs approval.", "Siaran pers perlu disetujui."),
    "release.approval.again": (
        "The release needs a new approval.",
        "Siaran pers perlu disetujui lagi.",
    ),
    "cmd.published": ("Published version", "Versi terbit"),
    "cmd.published.help": (
        "Switch between the version under review and the one partners see now",
        "Beralih antara versi yang ditinjau dan versi yang kini dilihat mitra",
    ),
    "cmd.copy_text": ("Copy for WhatsApp", "Salin untuk WhatsApp"),
    "cmd.copy_text.short": ("WhatsApp", "WhatsApp"),
    "cmd.copy_text.help": (
        "Copy the release as text for WhatsApp to the clipboard (OSC 52: over SSH too; in "
        "tmux with set-clipboard on)",
        "Salin siaran pers sebagai teks WhatsApp ke papan klip (OSC 52: lewat SSH juga; di "
        "tmux dengan set-clipboard on)",
    ),
    "cmd.save": ("Save", "Simpan"),
    "cmd.next_field": ("Next field", "Isian berikutnya"),
    "cmd.next_field.help": (
        "In the form: on to the next field, then to the text (as Tab)",
        "Di formulir: ke isian berikutnya, lalu ke isi (seperti Tab)",
    ),
    "cmd.save.help": ("Save the release", "Simpan siaran pers"),
    "cmd.to_text": ("Go to text", "Ke isi"),
    "cmd.to_field": ("Back to the field", "Ke isian"),  # ctrl+t, from the text
    "cmd.to_field.help": (
        "Back to the field of the form you left for the text",
        "Kembali ke isian yang ditinggalkan untuk menulis isi",
    ),
    "cmd.to_text.help": (
        "Straight to the text from any field of the form, and back to the field you left "
        "(Enter walks through every field)",
        "Langsung ke isi dari isian mana pun, lalu kembali ke isian yang ditinggalkan (Enter "
        "melewati setiap isian)",
    ),
    "cmd.external": ("$EDITOR", "$EDITOR"),
    "cmd.external.help": ("Open the file in your $EDITOR", "Buka berkas di $EDITOR Anda"),
    "cmd.top": ("Top", "Atas"),
    "cmd.top.help": ("First row", "Baris pertama"),
    "cmd.bottom": ("Bottom", "Bawah"),
    "cmd.bottom.help": ("Last row", "Baris terakhir"),
    "cmd.language": ("Language", "Bahasa"),
    "cmd.language.help": (
        "Switch between Indonesian and English (remembered)",
        "Ganti antara bahasa Indonesia dan Inggris (diingat)",
    ),
    # the release screen
    "release.meta": ("Details", "Rincian"),
    "release.timeline": (
        "History and comments (latest first)",
        "Riwayat dan komentar (terbaru di atas)",
    ),
    "release.retracted": (
        "RETRACTED {when} by {name}: {reason}",
        "DICABUT {when} oleh {name}: {reason}",
    ),
    "release.retracted_by": ("{when} by {name}: {reason}", "{when} oleh {name}: {reason}"),
    "release.embargo": ("Embargo until {when}", "Embargo hingga {when}"),
    "release.under_review": (
        "The version under review, as partners will see it once approved (v: the "
        "published version)",
        "Versi yang ditinjau, seperti akan dilihat mitra setelah disetujui (v: versi terbit)",
    ),
    "release.approved_correction": (
        "The approved correction, as partners will see it once published (v: the published "
        "version)",
        "Ralat yang disetujui, seperti akan dilihat mitra setelah terbit (v: versi terbit)",
    ),
    "release.one_version": (
        "no correction under way: partners see this text (v shows the published version "
        "beside a correction)",
        "tidak ada ralat yang sedang dikerjakan: mitra melihat teks ini (v menampilkan versi "
        "terbit selama ada ralat)",
    ),
    "release.one_version.retracted": (
        "retracted: partners see only its retraction",
        "dicabut: mitra hanya melihat pencabutannya",
    ),
    "release.never_out": (
        "not published yet: partners see nothing of it",
        "belum terbit: mitra belum melihat apa pun darinya",
    ),
    "release.showing_published": (
        "The published version: what partners see now (v: the version under review)",
        "Versi terbit: yang kini dilihat mitra (v: versi yang ditinjau)",
    ),
    "release.correction": ("Correction {n}", "Ralat {n}"),
    "release.correction_by": ("started by {name}, {when}", "dimulai {name}, {when}"),
    "release.changes": (
        "What changes against the published version",
        "Yang berubah dibanding versi terbit",
    ),
    "release.no_changes": (
        "No change to the text yet.",
        "Belum ada perubahan teks.",
    ),
    "release.refused": ("{action}: {reason}", "{action}: {reason}"),
    "release.done": ("{action}: now {status}", "{action}: kini {status}"),
    "release.deleted": ("Deleted: {title}", "Dihapus: {title}"),
    "release.waiting_publish": (
        "{action}: waiting for the publish run under way to end (at most {seconds} seconds); "
        "the desk stays open meanwhile…",
        "{action}: menunggu proses terbit yang sedang berjalan selesai (paling lama "
        "{seconds} detik); desk tetap bisa dipakai…",
    ),
    "release.still_waiting": (
        "{action} on this release is still waiting for the publish run: one action at a "
        "time on a release; try again once it is done.",
        "{action} pada rilis ini masih menunggu proses terbit: satu tindakan dalam satu "
        "waktu pada satu rilis; coba lagi setelah selesai.",
    ),
    "release.commented": ("Comment added.", "Komentar ditambahkan."),
    "release.copied": (
        "Copied for WhatsApp: {n} characters on the clipboard (OSC 52). Paste it into the chat.",
        "Disalin untuk WhatsApp: {n} karakter di papan klip (OSC 52). Tempel di obrolan.",
    ),
    "release.warning": ("Recommended: {text}", "Disarankan: {text}"),
    # the editor
    "edit.saved": ("Saved {path}", "Tersimpan {path}"),
    "edit.nochange": ("No change to save.", "Tidak ada perubahan."),
    "edit.invalid": ("Fix the marked fields first.", "Perbaiki isian yang ditandai dahulu."),
    "edit.bad_time": (
        "Write it as 08-12-2026 09:00 (day first) or 2026-12-08 09:00",
        "Tulis seperti 08-12-2026 09:00 (tanggal dulu) atau 2026-12-08 09:00",
    ),
    "edit.required": ("Required", "Wajib diisi"),
    "edit.state_new": ("New: not saved yet", "Baru: belum disimpan"),
    "edit.state_dirty": ("● Unsaved changes", "● Ada perubahan belum disimpan"),
    "edit.state_saved": ("Saved", "Tersimpan"),
    "edit.notes": ("What reviewers said", "Catatan peninjau"),
    "edit.notes_correct": ("Correction note", "Catatan ralat"),
    "edit.notes_both": ("Correction note and comments", "Catatan ralat dan komentar"),
    "note.request_changes": ("sent back", "dikembalikan"),
    "note.correct": ("correction", "ralat"),
    "note.comment": ("comment", "komentar"),
    "edit.external_back": (
        "The text from $EDITOR is in the form, not saved yet: ctrl+s saves it.",
        "Teks dari $EDITOR sudah di formulir, belum disimpan: ctrl+s untuk menyimpan.",
    ),
    "edit.external_same": (
        "No change in $EDITOR.",
        "Tidak ada perubahan di $EDITOR.",
    ),
    "edit.external_refused": (
        "$EDITOR: {reason}. Nothing was brought back; your text is kept in {path}",
        "$EDITOR: {reason}. Tidak ada yang dimuat; teks Anda disimpan di {path}",
    ),
    "edit.kept_aside": (
        "Not saved to the release; your text is kept in {path}",
        "Tidak disimpan ke siaran pers; teks Anda disimpan di {path}",
    ),
    "edit.taken_kept": (
        "{name} took this release over, so it was not saved; your text is kept in {path}",
        "{name} mengambil alih siaran pers ini, jadi tidak tersimpan; teks Anda disimpan di {path}",
    ),
    "edit.lease_lost": (
        "{name} took over this release; your text is kept here, unsaved.",
        "{name} mengambil alih; teks Anda tetap di sini, belum tersimpan.",
    ),
    "edit.reloaded": ("Reloaded the version on disk.", "Versi di disk dimuat ulang."),
    "edit.kept": (
        "Keeping your version: saving will replace theirs.",
        "Versi Anda dipertahankan: menyimpan akan menggantikan versi mereka.",
    ),
    # help
    "help.title": ("Keys and commands", "Tombol dan perintah"),
    "help.key": ("Key", "Tombol"),
    "help.move_rows": ("Next and previous release", "Siaran pers berikut dan sebelumnya"),
    "help.move_pages": ("A page down and up", "Satu halaman ke bawah dan ke atas"),
    "help.text_ends": (
        "In the text: its start and end (shift selects)",
        "Di isi: awal dan akhirnya (shift memilih)",
    ),
    "help.where": ("Where", "Di mana"),
    "help.what": ("What it does", "Gunanya"),
    "where.app": ("everywhere", "di mana saja"),
    "where.desk": ("desk", "meja redaksi"),
    "where.release": ("release", "siaran pers"),
    "where.edit": ("editor", "penyunting"),
}
