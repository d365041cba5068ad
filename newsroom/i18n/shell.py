"""The command line's words (`newsroom ...`); the workflow's and publishing's are shared."""

from __future__ import annotations

SHELL: dict[str, tuple[str, str]] = {
    "cli.init": (
        "Made a newsroom in {target}\n  edit {config} (base_url, credit, partners, [people]), "
        "then:\n"
        "  newsroom --root {target} new --title 'Judul siaran pers'",
        "Newsroom dibuat di {target}\n  sunting {config} (base_url, credit, mitra, [people]), "
        "lalu:\n"
        "  newsroom --root {target} new --title 'Judul siaran pers'",
    ),
    "cli.done": ("{action}: {title} → {status} ({path})", "{action}: {title} → {status} ({path})"),
    "cli.would": (
        "{action} would go through (dry run, nothing changed): {title} → {status} ({path})",
        "{action} akan berhasil (uji coba, tidak ada yang diubah): {title} → {status} ({path})",
    ),
    "cli.delete_confirm": (
        "Delete “{title}” ({path}) and its attachments? This cannot be undone",
        "Hapus “{title}” ({path}) beserta lampirannya? Ini tidak bisa dibatalkan",
    ),
    "cli.yes_no": ("[y/N]", "[y/T]"),
    "cli.yes_no_again": ("answer y (yes) or n (no)", "jawab y (ya) atau t (tidak)"),
    "cli.not_done": ("nothing was done", "tidak ada yang dilakukan"),
    "cli.deleted": ("deleted: {title} ({path})", "dihapus: {title} ({path})"),
    "unsaved.none": ("No copies kept aside.", "Tidak ada salinan yang disisihkan."),
    "unsaved.form": ("(a form kept as typed)", "(formulir seperti diketik)"),
    "unsaved.new": ("{title} (new, never saved)", "{title} (baru, belum pernah disimpan)"),
    "unsaved.how": (
        "`newsroom unsaved show NAME` prints one; `restore NAME` saves it through the normal "
        "save; `discard NAME` removes it (the desk: u)",
        "`newsroom unsaved show NAMA` menampilkan satu; `restore NAMA` menyimpannya seperti "
        "biasa; `discard NAMA` membuangnya (di meja redaksi: u)",
    ),
    "unsaved.changed": (
        "{name}: the release changed after this copy was kept; compare (`newsroom unsaved "
        "show {name}`, `newsroom show {ref}`), then restore with --keep-mine to save the "
        "copy's text over it, or discard the copy",
        "{name}: siaran pers berubah setelah salinan ini disisihkan; bandingkan (`newsroom "
        "unsaved show {name}`, `newsroom show {ref}`), lalu pulihkan dengan --keep-mine untuk "
        "menyimpan teks salinan di atasnya, atau buang salinannya",
    ),
    "unsaved.restored": ("restored {name}: saved {path}", "{name} dipulihkan: tersimpan {path}"),
    "unsaved.discard_confirm": (
        "Discard {name}? Its text is lost.",
        "Buang {name}? Teksnya akan hilang.",
    ),
    "unsaved.discarded": ("discarded {name}", "{name} dibuang"),
    "cli.commented": ("comment added: {title} ({path})", "komentar ditambahkan: {title} ({path})"),
    "cli.warning": ("warning: {text}", "peringatan: {text}"),
    "cli.lang_unknown": (
        "NEWSROOM_LANG={asked}: not a language newsroom speaks ({known}); using {used}",
        "NEWSROOM_LANG={asked}: bukan bahasa yang dikenal newsroom ({known}); memakai {used}",
    ),
    "cli.no_change": ("No change.", "Tidak ada perubahan."),
    "cli.saved": ("Saved {path}", "Tersimpan {path}"),
    "cli.kept": (
        "{reason}\nNothing was saved; your text is kept in {path}",
        "{reason}\nTidak ada yang disimpan; teks Anda disimpan di {path}",
    ),
    "cli.bad_status": (
        "“{value}” is not a status; use one of: {statuses}",
        "“{value}” bukan status; pakai salah satu: {statuses}",
    ),
    "cli.translated": (
        "started the {language} translation of {original}: {path} (a draft: translate its "
        "text, then submit it for its own review)",
        "terjemahan {language} dari {original} dimulai: {path} (draf: terjemahkan isinya, "
        "lalu ajukan untuk ditinjau tersendiri)",
    ),
    "cli.attached": (
        "attached {file} ({title}; {type}, {size} bytes) to {path}: {approval}",
        "{file} dilampirkan ({title}; {type}, {size} bita) ke {path}: {approval}",
    ),
    # what an edit by attach or detach leaves the release needing (workflow: four eyes)
    "cli.approval.first": ("the release needs approval", "siaran pers perlu disetujui"),
    "cli.approval.again": (
        "the release needs a new approval",
        "siaran pers perlu disetujui lagi",
    ),
    "cli.attached_url": (
        "  partners will find it at {url} once the release is published",
        "  mitra menemukannya di {url} setelah siaran pers terbit",
    ),
    "cli.detached": (
        "detached {file} from {path}: {approval}",
        "lampiran {file} dilepas dari {path}: {approval}",
    ),
    "cli.bad_time": (
        "not a date and time: {value} (write it as 07-12-2026 09:00 or 2026-12-07T09:00+07:00)",
        "bukan tanggal dan waktu: {value} (tulis seperti 07-12-2026 09:00 atau "
        "2026-12-07T09:00+07:00)",
    ),
    "cli.time_out_of_range": (
        "{value} is outside the years releases are dated in: is it a typo? (write a time "
        "like 2026-12-07T09:00+07:00)",
        "{value} di luar tahun yang dipakai siaran pers: salah ketik? (tulis waktu seperti "
        "2026-12-07T09:00+07:00)",
    ),
    "cli.until_or_none": ("give either --until ISO or --none", "berikan --until ISO atau --none"),
    # what `newsroom serve` answers when it cannot give the file (each body in both
    # languages, Indonesian first: server.py)
    "serve.not_yet": (
        "This release page is not out yet, or no longer here. A release under embargo "
        "appears at this address when its embargo lifts: try again then. Every release "
        "out now: /siaran-pers/",
        "Halaman siaran pers ini belum terbit, atau sudah tidak ada. Siaran pers yang masih "
        "diembargo tampil di alamat ini saat embargonya berakhir: coba lagi nanti. Semua "
        "siaran pers yang sudah terbit: /siaran-pers/",
    ),
    "serve.not_found": (
        "Nothing at this address. The releases: /siaran-pers/ · the feed: /rss.xml",
        "Tidak ada apa pun di alamat ini. Siaran pers: /siaran-pers/ · feed: /rss.xml",
    ),
    "serve.token": (
        "This feed is for a partner of the press office: ask the office for your partner "
        "token, then send it with each request as the header `Authorization: Bearer TOKEN` "
        "(or add `?token=TOKEN` to the address).",
        "Feed ini khusus mitra kantor humas: mintalah token mitra Anda kepada kantor humas, "
        "lalu kirim bersama setiap permintaan sebagai header `Authorization: Bearer TOKEN` "
        "(atau tambahkan `?token=TOKEN` pada alamatnya).",
    ),
    "serve.bad_path": (
        "An address cannot hold control characters: check the link.",
        "Alamat tidak boleh berisi karakter kendali: periksa tautannya.",
    ),
    "serve.busy": (
        "Too many connections at once: try again in a moment.",
        "Terlalu banyak sambungan sekaligus: coba lagi sebentar lagi.",
    ),
    "error.no_newsroom": (
        "no newsroom here: no newsroom.toml in this folder or above it (run `newsroom init`, "
        "or pass --root DIR)",
        "tidak ada newsroom di sini: tidak ada newsroom.toml di folder ini atau di atasnya "
        "(jalankan `newsroom init`, atau berikan --root FOLDER)",
    ),
    "error.no_config": (
        "{path}: no such file (run `newsroom init {root}` to make one)",
        "{path} tidak ada (jalankan `newsroom init {root}` untuk membuatnya)",
    ),
    "error.serve_in_use": (
        "cannot listen on {host}:{port}: another program is using that port (choose another "
        "with --port)",
        "tidak dapat menyajikan di {host}:{port}: port itu sedang dipakai program lain "
        "(pilih yang lain dengan --port)",
    ),
    "error.serve_denied": (
        "cannot listen on {host}:{port}: not allowed (a port below 1024 needs the "
        "administrator; choose another with --port)",
        "tidak dapat menyajikan di {host}:{port}: tidak diizinkan (port di bawah 1024 perlu "
        "administrator; pilih yang lain dengan --port)",
    ),
    "error.serve_no_address": (
        "cannot listen on {host}:{port}: {host} is not an address of this machine (choose "
        "another with --host)",
        "tidak dapat menyajikan di {host}:{port}: {host} bukan alamat mesin ini (pilih yang "
        "lain dengan --host)",
    ),
    "error.serve_listen": (
        "cannot listen on {host}:{port}: {detail} (choose another with --port or --host)",
        "tidak dapat menyajikan di {host}:{port}: sistem menolak ({detail}; pilih yang lain "
        "dengan --port atau --host)",
    ),
    "cli.serving": (
        "Serving {folder} at {url} (ctrl+c stops)",
        "Menyajikan {folder} di {url} (ctrl+c menghentikan)",
    ),
    # newsroom check
    "report.heading": ("{status} ({n})", "{status} ({n})"),
    "report.line": ("  {path}: {severity}: {text}", "  {path}: {severity}: {text}"),
    "report.error": ("error", "kesalahan"),
    "report.warning": ("warning", "peringatan"),
    "report.broken": ("Files and seals", "Berkas dan segel"),
    "report.summary": (
        "{releases} checked: {errors}, {warnings}",
        "{releases} diperiksa: {errors}, {warnings}",
    ),
    "report.clean": (
        "{releases} checked: every check passes, no broken file.",
        "{releases} diperiksa: semua pemeriksaan lolos, tidak ada berkas rusak.",
    ),
    "report.no_people": (
        "note: newsroom.toml has no [people]: identities are free text (four eyes compares "
        "names, folded); add [people] to tie actions to logins",
        "catatan: newsroom.toml tidak punya [people]: identitas berupa teks bebas (empat mata "
        "membandingkan nama); tambahkan [people] untuk mengikat tindakan ke login",
    ),
    "report.failed": ("{errors} found", "{errors} ditemukan"),
    # newsroom list and show
    "list.title": ("{title}: {releases}", "{title}: {releases}"),
    "list.embargo_until": ("embargo until", "embargo hingga"),  # then the lift, on its line
    "col.id": ("id", "id"),
    "show.history": (
        "history and comments (oldest first)",
        "riwayat dan komentar (terlama di atas)",
    ),
    "show.may": ("what {name} may do", "yang boleh dilakukan {name}"),
    "show.yes": ("yes", "ya"),
    "show.no": ("no: {reason}", "tidak: {reason}"),
    "show.comment": ("comment", "komentar"),
    "show.via": ("via {login}", "lewat {login}"),
    "show.correction_empty": (
        "(nothing changed yet: edit the text, then submit it)",
        "(belum ada yang berubah: sunting teksnya, lalu ajukan)",
    ),
    "show.correction": (
        "Correction {n} under way ({note}): what changes against the published version",
        "Ralat {n} berjalan ({note}): yang berubah dibanding versi terbit",
    ),
    # newsroom import
    "import.missing.dateline": (
        "no dateline found (a paragraph opening with `CITY – `): set Dateline in the editor "
        "or `newsroom edit {ref}`",
        "kota tidak ditemukan (paragraf yang dibuka `KOTA – `): isi Kota di penyunting atau "
        "`newsroom edit {ref}`",
    ),
    "import.missing.caption": (
        "no photo caption found (the line above the dateline): if the release has a photo, "
        "add it and its caption in the editor",
        "keterangan foto tidak ditemukan (baris di atas kota): bila siaran pers punya foto, "
        "tambahkan foto dan keterangannya di penyunting",
    ),
    # newsroom status
    "health.last": ("last successful publish: {when}", "penerbitan terakhir yang berhasil: {when}"),
    "health.never": (
        "none on this machine yet (feeds/ may have been published elsewhere)",
        "belum ada di mesin ini (feeds/ mungkin diterbitkan di tempat lain)",
    ),
    "health.failing": (
        "publish has failed {n} run in a row|publish has failed {n} runs in a row",
        "penerbitan gagal {n} kali berturut-turut",
    ),
    # the last run published what it could and refused the rest ('held back' lines follow)
    "health.partial": (
        "last run, {when}: published {n}, refused {refused} (why: 'held back' below)",
        "penerbitan terakhir, {when}: {n} terbit, {refused} ditolak (alasannya: 'ditahan' di "
        "bawah)",
    ),
    "health.held": ("held back: {path}: {reason}", "ditahan: {path}: {reason}"),
    "health.waiting": (
        "waiting for its embargo until {when}: {title}",
        "menunggu embargo hingga {when}: {title}",
    ),
    "health.broken": ("broken: {text}", "rusak: {text}"),
    "health.unsigned": (
        "the last publish was not signed ({why}): partners cannot check SHA256SUMS until a "
        "run with the key signs again ({fix})",
        "penerbitan terakhir tidak ditandatangani ({why}): mitra tidak dapat memeriksa "
        "SHA256SUMS sampai penerbitan dengan kunci menandatanganinya lagi ({fix})",
    ),
    # why the last run could not sign (by its code), and what lets the next run sign
    "health.why.sign_no_secret": (
        "its machine had no secret key",
        "mesinnya tidak punya kunci rahasia",
    ),
    "health.fix.sign_no_secret": ("cron's NEWSROOM_SIGNING_KEY", "NEWSROOM_SIGNING_KEY milik cron"),
    "health.why.sign_passphrase": (
        "its key is encrypted and no passphrase was given",
        "kuncinya terenkripsi dan tidak ada frasa sandi",
    ),
    "health.fix.sign_passphrase": (
        "publish in a terminal or on the desk (P asks for it), set the variable [signing] "
        "passphrase_env names, or `newsroom keys rotate --unencrypted` for cron",
        "terbitkan di terminal atau di meja (P memintanya), setel variabel yang dinamai "
        "[signing] passphrase_env, atau `newsroom keys rotate --unencrypted` untuk cron",
    ),
    "health.why.sign_env_passphrase": (
        "the passphrase in the variable [signing] passphrase_env names does not unlock its key",
        "frasa sandi di variabel yang dinamai [signing] passphrase_env tidak membuka kuncinya",
    ),
    "health.fix.sign_env_passphrase": (
        "cron's variable, set to the key's passphrase",
        "variabel milik cron, disetel ke frasa sandi kuncinya",
    ),
    "health.why.other": ("its key could not be used", "kuncinya tidak dapat dipakai"),
    "health.fix.other": (
        "fix what .newsroom/publish.log says",
        "perbaiki yang disebut .newsroom/publish.log",
    ),
    "health.no_key": (
        "releases are not signed: partners cannot check that the feeds and pages are the "
        'office\'s (`newsroom keys init` makes a key; docs/deploy.md, "Cek keaslian")',
        "siaran pers tidak ditandatangani: mitra tidak dapat memeriksa bahwa feed dan "
        "halaman berasal dari kantor ini (`newsroom keys init` membuat kunci; "
        'docs/deploy.md, "Cek keaslian")',
    ),
    "health.ok": ("publishing is healthy", "penerbitan sehat"),
    # newsroom adopt and embargo
    "adopt.sealed": ("sealed: {path}\t{title}", "disegel: {path}\t{title}"),
    "adopt.sealed.dry": ("would seal: {path}\t{title}", "akan disegel: {path}\t{title}"),
    "adopt.count": ("{n} release sealed|{n} releases sealed", "{n} siaran pers disegel"),
    "adopt.count.dry": (
        "{n} release would be sealed|{n} releases would be sealed",
        "{n} siaran pers akan disegel",
    ),
    "adopt.nothing": ("nothing to seal", "tidak ada yang perlu disegel"),
    "embargo.moved": ("embargo: {title} → {lift} ({path})", "embargo: {title} → {lift} ({path})"),
    "embargo.none": ("none", "tanpa embargo"),
}
