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
    "move.held_correction": (
        "correction held until {when}: {title} (its published version stays → {feeds})",
        "ralat ditahan hingga {when}: {title} (versi terbitnya tetap → {feeds})",
    ),
    "move.held_correction.dry": (
        "correction held until {when}: {title} (its published version stays → {feeds})",
        "ralat ditahan hingga {when}: {title} (versi terbitnya tetap → {feeds})",
    ),
    "move.held_correction_quiet": (
        "correction held until {when}: {title} (its published version stays in the feeds)",
        "ralat ditahan hingga {when}: {title} (versi terbitnya tetap di feed)",
    ),
    "move.held_early": (
        "held until {when}: {title} (early, under embargo: {feeds})",
        "ditahan hingga {when}: {title} (lebih awal, dengan embargo: {feeds})",
    ),
    "move.added": ("added: {title} → {feeds}", "masuk feed: {title} → {feeds}"),
    "move.added.dry": ("would add: {title} → {feeds}", "akan masuk feed: {title} → {feeds}"),
    "move.changed": ("changed: {title} → {feeds}", "berubah: {title} → {feeds}"),
    "move.changed.dry": ("would change: {title} → {feeds}", "akan berubah: {title} → {feeds}"),
    # partners held it under embargo: it leaves their feeds, a notice (EMBARGO DITARIK) goes in
    "move.withdrawn": (
        "embargo withdrawn, notice sent: {title} → {feeds}",
        "embargo ditarik, pemberitahuan dikirim: {title} → {feeds}",
    ),
    "move.withdrawn.dry": (
        "embargo withdrawn, notice would be sent: {title} → {feeds}",
        "embargo ditarik, pemberitahuan akan dikirim: {title} → {feeds}",
    ),
    "move.gone": ("left: {title} ← {feeds}", "keluar dari feed: {title} ← {feeds}"),
    "move.gone.dry": ("would leave: {title} ← {feeds}", "akan keluar dari feed: {title} ← {feeds}"),
    # a notice item (RALAT, DICABUT, EMBARGO BERAKHIR, EMBARGO DIUBAH) leaving, its release by
    # number or title
    "move.notice_gone": (
        "{notice} notice left: {title} ← {feeds}",
        "pemberitahuan {notice} keluar dari feed: {title} ← {feeds}",
    ),
    "move.notice_gone.dry": (
        "{notice} notice would leave: {title} ← {feeds}",
        "pemberitahuan {notice} akan keluar dari feed: {title} ← {feeds}",
    ),
    "notice.correction": ("correction {n}", "ralat {n}"),
    "notice.retraction": ("retraction", "pencabutan"),
    "notice.embargo_lifted": ("embargo lift", "embargo berakhir"),
    "notice.embargo_moved": ("embargo move {n}", "embargo diubah {n}"),
    "notice.embargo_withdrawn": ("embargo withdrawal {n}", "embargo ditarik {n}"),
    "notice.embargo_again": (
        "embargo again after withdrawal {n}",
        "embargo lagi setelah ditarik {n}",
    ),
    "feed.main": ("main", "utama"),
    "feed.more": ("{feeds} and {n} more", "{feeds} dan {n} lainnya"),
    # how the run ended
    "publish.count": (
        "{n} release published|{n} releases published",
        "{n} siaran pers terbit",
    ),
    "publish.count.corrected": (
        "{n} correction published|{n} corrections published",
        "{n} ralat terbit",
    ),
    "publish.count.retracted": (
        "{n} retraction told to partners|{n} retractions told to partners",
        "{n} pencabutan disampaikan ke mitra",
    ),
    "publish.written": (
        "{written} of {n} public file written|{written} of {n} public files written",
        "{written} dari {n} berkas publik ditulis",
    ),
    "publish.would_write": (
        "would write {n} public file: {files}|would write {n} public files: {files}",
        "akan menulis {n} berkas publik: {files}",
    ),
    "publish.would_write_at_most": (
        "would write at most {n} public file: {files} (no record here of what the last run "
        "wrote: a file already as it would be is left alone)|would write at most {n} public "
        "files: {files} (no record here of what the last run wrote: a file already as it "
        "would be is left alone)",
        "akan menulis paling banyak {n} berkas publik: {files} (belum ada catatan di sini "
        "tentang apa yang ditulis penerbitan sebelumnya: berkas yang sudah sama dibiarkan)",
    ),
    "publish.would_write_unchecked": (
        "would write at most {n} public file: {files} (too many to compare here: a file "
        "already as it would be is left alone)|would write at most {n} public files: {files} "
        "(too many to compare here: a file already as it would be is left alone)",
        "akan menulis paling banyak {n} berkas publik: {files} (terlalu banyak untuk "
        "dibandingkan di sini: berkas yang sudah sama dibiarkan)",
    ),
    "publish.would_remove": (
        "would remove {n} file: {files}|would remove {n} files: {files}",
        "akan menghapus {n} berkas: {files}",
    ),
    "publish.removed": (
        "{n} file removed: {files}|{n} files removed: {files}",
        "{n} berkas dihapus: {files}",
    ),
    "publish.written_private": (
        "{written} of {n} private file written (feeds for partners with embargo access)|"
        "{written} of {n} private files written (feeds for partners with embargo access)",
        "{written} dari {n} berkas privat ditulis (feed mitra dengan akses embargo)",
    ),
    "publish.would_write_private": (
        "would write {n} private file (feeds for partners with embargo access)|"
        "would write {n} private files (feeds for partners with embargo access)",
        "akan menulis {n} berkas privat (feed mitra dengan akses embargo)",
    ),
    "publish.would_write_private_at_most": (
        "would write at most {n} private file (feeds for partners with embargo access)|"
        "would write at most {n} private files (feeds for partners with embargo access)",
        "akan menulis paling banyak {n} berkas privat (feed mitra dengan akses embargo)",
    ),
    "publish.would_write_private_unchecked": (
        "would write at most {n} private file (feeds for partners with embargo access)|"
        "would write at most {n} private files (feeds for partners with embargo access)",
        "akan menulis paling banyak {n} berkas privat (feed mitra dengan akses embargo)",
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
    "publish.sign_required": (
        "not published: {reason}. [signing] required = true: nothing goes out unsigned",
        "tidak terbit: {reason}. [signing] required = true: tidak ada yang terbit tanpa tanda "
        "tangan",
    ),
    # a preview of a run that would stop before writing anything (the key, its passphrase)
    "publish.failed.dry": (
        "the run would stop, nothing published: {reason}",
        "penerbitan akan berhenti, tidak ada yang terbit: {reason}",
    ),
    "publish.sign_required.dry": (
        "the run would stop, nothing published: {reason}. [signing] required = true: nothing "
        "goes out unsigned",
        "penerbitan akan berhenti, tidak ada yang terbit: {reason}. [signing] required = true: "
        "tidak ada yang terbit tanpa tanda tangan",
    ),
    "publish.withheld": (
        "withheld from the feeds: {reason}",
        "ditahan dari semua feed: {reason}",
    ),
    "publish.broken": ("broken: {reason}", "rusak: {reason}"),
    # what a run could not do (PublishResult.fail's codes, with their facts; `reason`: the
    # error behind it, in its own words when it has a code: explain.failure_text)
    "failed.page_not_written": (
        "{path}: its page was not written: {reason} (the page partners have stays; the next "
        "run tries again)",
        "{path}: halamannya tidak ditulis: {reason} (halaman yang sudah diterima mitra tetap; "
        "penerbitan berikutnya mencoba lagi)",
    ),
    "failed.signed_not_written": (
        "{path}: its signed texts were not written: {reason} (the next run tries again)",
        "{path}: teks bertanda tangannya tidak ditulis: {reason} (penerbitan berikutnya "
        "mencoba lagi)",
    ),
    "failed.not_sealed": (
        "{path}: could not be sealed: {reason} (fix the file, then run publish again)",
        "{path}: tidak dapat disegel: {reason} (perbaiki berkasnya, lalu jalankan penerbitan lagi)",
    ),
    "failed.not_stamped": (
        "{path}: in the feeds, but the file could not be stamped published ({reason}); the "
        "next run stamps it",
        "{path}: sudah di feed, tetapi berkasnya tidak dapat dicap terbit ({reason}); "
        "penerbitan berikutnya mengecapnya",
    ),
    "failed.cannot_write": (
        "cannot write {file}: {reason}; nothing was published and the feeds are as they were "
        "(free some space or fix the folder's permissions, then run again)",
        "tidak dapat menulis {file}: {reason}; tidak ada yang terbit dan feed tetap seperti "
        "semula (kosongkan ruang disk atau perbaiki izin foldernya, lalu jalankan lagi)",
    ),
    "failed.stopped": (
        "publish stopped: {reason}; free some space or fix the permissions of {state} and "
        "{feeds}, then run again (the next run sweeps what this one staged)",
        "penerbitan berhenti: {reason}; kosongkan ruang disk atau perbaiki izin {state} dan "
        "{feeds}, lalu jalankan lagi (penerbitan berikutnya membersihkan yang disiapkan "
        "penerbitan ini)",
    ),
    "failed.mail_log_open": (
        "{path}: the mail log cannot be opened ({reason}): the feeds went out, the mailing "
        "lists were not told (free some space or fix the folder's permissions, then run again)",
        "{path}: log surat tidak dapat dibuka ({reason}): feed sudah terbit, milis belum "
        "diberi tahu (kosongkan ruang disk atau perbaiki izin foldernya, lalu jalankan lagi)",
    ),
    "failed.mail_log_write": (
        "{path}: the mail log could not be written: {reason}: the feeds went out, the mailing "
        "lists were not told (free some space or fix the folder's permissions, then run again)",
        "{path}: log surat tidak dapat ditulis: {reason}: feed sudah terbit, milis belum "
        "diberi tahu (kosongkan ruang disk atau perbaiki izin foldernya, lalu jalankan lagi)",
    ),
    "failed.publish_not_committed": (
        "{path}: published, but not committed: {reason} (the next action's commit takes it)",
        "{path}: sudah terbit, tetapi belum di-commit: {reason} (commit tindakan berikutnya "
        "ikut membawanya)",
    ),
    "failed.not_shared": (
        "published here, but not yet shared with the other offices: {reason} (the next "
        "`newsroom publish --pull` tries again)",
        "sudah terbit di sini, tetapi belum dibagikan ke kantor lain: {reason} (`newsroom "
        "publish --pull` berikutnya mencoba lagi)",
    ),
    "failed.translation_unknown": (
        "{path}: `translation_of` {original} names no release in this newsroom (set it to the "
        "id of the original: `newsroom show ORIGINAL` prints it; or remove it)",
        "{path}: `translation_of` {original} tidak menunjuk siaran pers mana pun di newsroom "
        "ini (isi dengan id naskah aslinya: `newsroom show ASLI` menampilkannya; atau hapus)",
    ),
    "failed.translation_of_translation": (
        "{path}: `translation_of` names {original}, itself a translation: a translation "
        "translates an original (set it to the original's id, {its_original})",
        "{path}: `translation_of` menunjuk {original}, yang sendiri sebuah terjemahan: "
        "terjemahan menerjemahkan naskah asli (isi dengan id naskah aslinya, {its_original})",
    ),
    "failed.translation_same_language": (
        "{path}: a translation in “{language}”, the language of its original {original} (set "
        "`language` to the language it is written in)",
        "{path}: terjemahan berbahasa “{language}”, sama dengan bahasa naskah aslinya "
        "{original} (isi `language` dengan bahasa tulisannya)",
    ),
    # a file that cannot be read (newsroom check, publish, the desk's broken rows)
    "problem.front_missing": (
        "{path}: no front matter (the file must start with a line `---`, then `key: value` "
        "lines, then `---`, then the Markdown body)",
        "{path}: tidak ada front matter (berkas harus diawali baris `---`, lalu baris "
        "`kunci: nilai`, lalu `---`, lalu isi Markdown)",
    ),
    "problem.front_unclosed": (
        "{path}: front matter is never closed (add a line `---` after the last key)",
        "{path}: front matter tidak pernah ditutup (tambahkan baris `---` setelah kunci terakhir)",
    ),
    "problem.yaml": (
        "{path}: bad YAML in front matter: {reason} (check quotes, colons and indentation "
        "on that line)",
        "{path}: YAML front matter rusak: {reason} (periksa tanda kutip, titik dua dan "
        "indentasi di baris itu)",
    ),
    "problem.yaml_quote": (
        "{path}: bad YAML in front matter: the quote opened on this line is never closed "
        "(close it with the same quote mark (\" or ') on that line)",
        "{path}: YAML front matter rusak: tanda kutip yang dibuka di baris ini tidak pernah "
        "ditutup (tutup dengan tanda kutip yang sama (\" atau ') di baris itu)",
    ),
    "problem.yaml_colon": (
        "{path}: bad YAML in front matter: a second colon on this line (a value holding "
        '": " must be quoted: title: "Menteri: ASN harus netral")',
        "{path}: YAML front matter rusak: titik dua kedua di baris ini (nilai yang memuat "
        '": " harus diberi tanda kutip: title: "Menteri: ASN harus netral")',
    ),
    "problem.yaml_tab": (
        "{path}: bad YAML in front matter: a tab character (indent with spaces, not tabs)",
        "{path}: YAML front matter rusak: karakter tab (buat indentasi dengan spasi, bukan tab)",
    ),
    "problem.yaml_flow": (
        "{path}: bad YAML in front matter: the {opening} opened on this line is never closed "
        "(close it with {closing} on that line)",
        "{path}: YAML front matter rusak: {opening} yang dibuka di baris ini tidak pernah "
        "ditutup (tutup dengan {closing} di baris itu)",
    ),
    "problem.id_bad": (
        "{path}: `id` {value} is not a UUID (write a UUID in lower case, like "
        "9ef7d5e6-e4d4-4ea9-a5b1-2018120700a1; the command `uuidgen` makes a new one)",
        "{path}: `id` {value} bukan UUID (tulis UUID dengan huruf kecil, seperti "
        "9ef7d5e6-e4d4-4ea9-a5b1-2018120700a1; perintah `uuidgen` membuat yang baru)",
    ),
    "problem.slug_bad": (
        "{path}: `slug` {value} is not a slug (use lower-case letters a-z, digits and single "
        "hyphens between words, e.g. humas-jaga-netralitas-asn)",
        "{path}: `slug` {value} bukan slug (pakai huruf kecil a-z, angka dan satu tanda "
        "hubung di antara kata, mis. humas-jaga-netralitas-asn)",
    ),
    "problem.slug_long": (
        "{path}: `slug` {value} is longer than {most} characters (use lower-case letters "
        "a-z, digits and single hyphens between words, e.g. humas-jaga-netralitas-asn)",
        "{path}: `slug` {value} lebih dari {most} karakter (pakai huruf kecil a-z, angka dan "
        "satu tanda hubung di antara kata, mis. humas-jaga-netralitas-asn)",
    ),
    "problem.language_bad": (
        "{path}: `language` {value} is not a language tag (write a BCP 47 tag such as id, "
        "en, id-ID or jv)",
        "{path}: `language` {value} bukan tanda bahasa (tulis tanda BCP 47 seperti id, en, "
        "id-ID atau jv)",
    ),
    "problem.words": (
        "{path}: `{name}` must be a list of words, e.g. `{name}: [a, b]`",
        "{path}: `{name}` harus berupa daftar kata, mis. `{name}: [a, b]`",
    ),
    "problem.field_missing": (
        "{path}: `{name}` is missing or empty; write it in the file with a text editor "
        "(`{name}: …`)",
        "{path}: `{name}` tidak ada atau kosong; tulis di berkasnya dengan penyunting teks "
        "(`{name}: …`)",
    ),
    "problem.status_unknown": (
        "{path}: unknown status {status!r}; use one of {known}",
        "{path}: status {status!r} tidak dikenal; pakai salah satu dari {known}",
    ),
    "problem.field_text": (
        "{path}: `{name}` must be text, not {kind}",
        "{path}: `{name}` harus berupa teks, bukan {kind}",
    ),
    "problem.field_time": (
        "{path}: `{name}` must be a date and time like 2026-12-07T09:00:00+07:00",
        "{path}: `{name}` harus berupa tanggal dan waktu seperti 2026-12-07T09:00:00+07:00",
    ),
    "problem.field_time_bad": (
        "{path}: `{name}`: {reason}",
        "{path}: `{name}` bukan tanggal dan waktu yang terbaca ({reason}); tulis seperti "
        "2026-12-07T09:00:00+07:00",
    ),
    "problem.field_mapping": (
        "{path}: `{name}` must be a set of `key: value` lines",
        "{path}: `{name}` harus berupa kumpulan baris `kunci: nilai`",
    ),
    "problem.image_key_near": (  # (a broken file: check, publish, the desk)
        "{path}: image: unknown key `{name}` (src, caption, credit, alt) (did you mean `{near}`?)",
        "{path}: image: kunci `{name}` tidak dikenal (src, caption, credit, alt) (maksudnya "
        "`{near}`?)",
    ),
    "problem.image_key": (
        "{path}: image: unknown key `{name}` (src, caption, credit, alt) (remove it, or move "
        "it out of `image`)",
        "{path}: image: kunci `{name}` tidak dikenal (src, caption, credit, alt) (hapus, atau "
        "pindahkan ke luar `image`)",
    ),
    "problem.translation_twice": (  # (newsroom check)
        "{path}: a second translation into '{language}' of one original (also {others}): one "
        "translation per language (delete the copy, or set another `language`)",
        "{path}: terjemahan kedua ke bahasa “{language}” dari satu naskah asli (juga "
        "{others}): satu terjemahan per bahasa (hapus salinannya, atau isi `language` "
        "dengan bahasa lain)",
    ),
    "failed.number_taken": (
        "{path}: release number “{number}” is already {others}'s: give this release another "
        "number, or none (publish gives one): `newsroom request-changes {ref}`, then "
        "`newsroom edit {ref}`",
        "{path}: nomor siaran pers “{number}” sudah dipakai {others}: beri siaran pers ini "
        "nomor lain, atau kosongkan (publish memberinya): `newsroom request-changes {ref}`, "
        "lalu `newsroom edit {ref}`",
    ),
    "failed.number_issued": (
        "{path}: release number “{number}” was already given to a release this server "
        "published before: give this release another number, or none (publish gives one): "
        "`newsroom request-changes {ref}`, then `newsroom edit {ref}`",
        "{path}: nomor siaran pers “{number}” sudah diberikan kepada siaran pers yang pernah "
        "diterbitkan server ini: beri siaran pers ini nomor lain, atau kosongkan (publish "
        "memberinya): `newsroom request-changes {ref}`, lalu `newsroom edit {ref}`",
    ),
    "failed.number_kept": (
        "{path}: the correction changes the release number, which a published release keeps "
        "for ever: put back release_number “{number}” and have it approved again "
        "(`newsroom request-changes {ref}`, then `newsroom edit {ref}`)",
        "{path}: ralat ini mengubah nomor siaran pers, yang dipakai siaran pers terbit "
        "selamanya: kembalikan release_number “{number}” dan minta persetujuan lagi "
        "(`newsroom request-changes {ref}`, lalu `newsroom edit {ref}`)",
    ),
    "failed.slug_kept": (
        "{path}: the correction changes the slug, its page's address (old links would "
        "break): put back slug “{slug}” and have it approved again (`newsroom request-changes "
        "{ref}`, then `newsroom edit {ref}`)",
        "{path}: ralat ini mengubah slug, alamat halamannya (tautan lama akan putus): "
        "kembalikan slug “{slug}” dan minta persetujuan lagi (`newsroom request-changes "
        "{ref}`, lalu `newsroom edit {ref}`)",
    ),
    "failed.state_not_written": (
        "cannot write {file}: {reason}; the feeds are written, but this run's record (its "
        "state) is not: the next run looks at every file again (free some space or fix the "
        "folder's permissions)",
        "tidak dapat menulis {file}: {reason}; feed sudah ditulis, tetapi catatan penerbitan "
        "ini (state) tidak: penerbitan berikutnya memeriksa lagi setiap berkas (kosongkan "
        "ruang disk atau perbaiki izin foldernya)",
    ),
    # what a run could not do though it did its work (PublishResult.warn and errors.Said's
    # codes, with their facts: explain.warning_text; `reason` as for failed.<code>)
    "warned.cache_unusable": (
        "{path}: not usable ({reason}); this run reads every file again (free some space)",
        "{path}: tidak dapat dipakai ({reason}); penerbitan ini membaca ulang setiap berkas "
        "(kosongkan ruang disk)",
    ),
    "warned.cache_busy": (
        "{path}: not usable ({reason}); this run reads every file again (another newsroom "
        "process was using it)",
        "{path}: tidak dapat dipakai ({reason}); penerbitan ini membaca ulang setiap berkas "
        "(proses newsroom lain sedang memakainya)",
    ),
    "warned.log_not_written": (
        "{path}: not written: {reason}; this run is not in the publish log (free some space "
        "or fix the folder's permissions)",
        "{path}: tidak ditulis: {reason}; penerbitan ini tidak tercatat di log penerbitan "
        "(kosongkan ruang disk atau perbaiki izin foldernya)",
    ),
    "warned.not_confirmed": (
        "{path}: this run's publications were not confirmed ({reason}); they are in the "
        "feeds and the next run confirms them (free some space or fix the folder's "
        "permissions)",
        "{path}: terbitan penerbitan ini belum dikonfirmasi ({reason}); semuanya sudah di feed "
        "dan penerbitan berikutnya mengonfirmasinya (kosongkan ruang disk atau perbaiki izin "
        "foldernya)",
    ),
    "warned.files_not_recorded": (
        "{path}: the files this run wrote were not recorded ({reason}); the next run "
        "compares every file with what it would write (free some space or fix the folder's "
        "permissions)",
        "{path}: berkas yang ditulis penerbitan ini tidak tercatat ({reason}); penerbitan "
        "berikutnya membandingkan setiap berkas dengan yang akan ditulisnya (kosongkan ruang "
        "disk atau perbaiki izin foldernya)",
    ),
    "warned.websub_given_up": (
        "WebSub hub {hub} failed {attempts} runs in a row ({reason}); its ping for {n} feed "
        "is given up (readers that poll still get everything; check [websub] hubs in "
        "newsroom.toml)|WebSub hub {hub} failed {attempts} runs in a row ({reason}); its ping "
        "for {n} feeds is given up (readers that poll still get everything; check [websub] "
        "hubs in newsroom.toml)",
        "hub WebSub {hub} gagal {attempts} kali berturut-turut ({reason}); pemberitahuan untuk "
        "{n} feed dihentikan (pembaca yang memeriksa sendiri tetap mendapat semuanya; periksa "
        "[websub] hubs di newsroom.toml)",
    ),
    "warned.websub_not_kept": (
        "{path}: not written ({reason}); a failed ping is lost (free some space or fix the "
        "folder's permissions)",
        "{path}: tidak ditulis ({reason}); pemberitahuan yang gagal tidak akan dicoba lagi "
        "(kosongkan ruang disk atau perbaiki izin foldernya)",
    ),
    "warned.changed_elsewhere": (
        "{path}: changed in another office while this server published it; the publication "
        "partners have seen stands, and that change is kept in git's history (`git log -p "
        "-- {path}`): correct the release if it still applies",
        "{path}: diubah di kantor lain saat server ini menerbitkannya; terbitan yang sudah "
        "dilihat mitra tetap berlaku, dan perubahan itu tersimpan di riwayat git (`git log -p "
        "-- {path}`): buat ralat bila perubahan itu masih perlu",
    ),
    "warned.control_characters": (
        "{path}: removed {n} control character that XML cannot carry (pasted from a word "
        "processor?)|{path}: removed {n} control characters that XML cannot carry (pasted "
        "from a word processor?)",
        "{path}: {n} karakter kendali yang tidak dapat dimuat XML dibuang (tertempel dari "
        "pengolah kata?)",
    ),
    "publish.note": ("note: {text}", "catatan: {text}"),
    "publish.warning": ("warning: {text}", "peringatan: {text}"),
    "publish.unsigned": (
        "warning: not signed: {reason}. SHA256SUMS, which partners check, is removed, and so "
        "are the signed texts of the releases this run changes, until a run with the key "
        "signs them again.",
        "peringatan: tidak ditandatangani: {reason}. SHA256SUMS yang diperiksa mitra dihapus, "
        "begitu pula teks bertanda tangan siaran pers yang diubah penerbitan ini, sampai "
        "penerbitan dengan kunci menandatanganinya lagi.",
    ),
    "publish.unsigned.dry": (
        "warning: would not be signed: {reason}. SHA256SUMS, which partners check, would be "
        "removed, and so would the signed texts of the releases this run changes, until a run "
        "with the key signs them again.",
        "peringatan: tidak akan ditandatangani: {reason}. SHA256SUMS yang diperiksa mitra akan "
        "dihapus, begitu pula teks bertanda tangan siaran pers yang diubah penerbitan ini, "
        "sampai penerbitan dengan kunci menandatanganinya lagi.",
    ),
    "noted.translation_waits": (
        "{n} approved translation waits for its original: it goes live with it|{n} approved "
        "translations wait for their originals: each goes live with its original",
        "{n} terjemahan yang disetujui menunggu naskah aslinya: masing-masing terbit "
        "bersama naskah aslinya",
    ),
    "noted.took_stock": (
        "took stock of {n} release published before this run: from now on a published file "
        "that changes outside the workflow is reported, not republished|took stock of {n} "
        "releases published before this run: from now on a published file that changes "
        "outside the workflow is reported, not republished",
        "{n} siaran pers yang terbit sebelum penerbitan ini dicatat: mulai sekarang berkas "
        "terbit yang berubah di luar alur kerja dilaporkan, tidak diterbitkan ulang",
    ),
    "noted.sealed_legacy": (
        "sealed {n} release published before publications were sealed, as it is now "
        "(history: adopt)|sealed {n} releases published before publications were sealed, "
        "as they are now (history: adopt)",
        "{n} siaran pers yang terbit sebelum penerbitan disegel kini disegel apa adanya "
        "(riwayat: adopt)",
    ),
    # WebSub hubs told of the public feeds that changed
    "websub.would": (
        "would ping the WebSub hub {hub}: {urls}",
        "akan memberi tahu hub WebSub {hub}: {urls}",
    ),
    "websub.sent": (
        "WebSub hub {hub} told of {n} feed|WebSub hub {hub} told of {n} feeds",
        "hub WebSub {hub} diberi tahu tentang {n} feed",
    ),
    "websub.failed": (
        "WebSub hub {hub} did not take the ping ({reason}); the next run tries again",
        "hub WebSub {hub} tidak menerima pemberitahuan ({reason}); penerbitan berikutnya "
        "mencoba lagi",
    ),
    "websub.given_up": (
        "WebSub hub {hub} did not take the ping ({reason}) after {attempts} runs: given up",
        "hub WebSub {hub} tidak menerima pemberitahuan ({reason}) setelah {attempts} kali: "
        "dihentikan",
    ),
    "publish.failures": (
        "publish has not succeeded for {n} runs in a row (`newsroom status` shows why)",
        "penerbitan belum berhasil {n} kali berturut-turut (`newsroom status` menunjukkan "
        "sebabnya)",
    ),
    # `newsroom publish --now` far from the real clock, without --dry-run or --force-clock
    "publish.now_off.past": (
        "{when} is in the past: releases would be stamped published at a time they were "
        "not (to see what a run then would do, add --dry-run; --force-clock is for tests, "
        "and logged)",
        "{when} sudah lewat: siaran pers akan dicap terbit pada waktu yang bukan waktu "
        "terbitnya (untuk melihat yang akan dilakukan penerbitan saat itu, tambahkan "
        "--dry-run; --force-clock untuk pengujian, dan dicatat)",
    ),
    "publish.now_off.future": (
        "{when} is in the future: releases would be stamped published at a time they were "
        "not (to see what a run then would do, add --dry-run; --force-clock is for tests, "
        "and logged)",
        "{when} belum tiba: siaran pers akan dicap terbit pada waktu yang bukan waktu "
        "terbitnya (untuk melihat yang akan dilakukan penerbitan saat itu, tambahkan "
        "--dry-run; --force-clock untuk pengujian, dan dicatat)",
    ),
}
