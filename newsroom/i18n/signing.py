"""The words of signing: `newsroom keys`, `newsroom verify`, and a publish's signature."""

from __future__ import annotations

SIGNING: dict[str, tuple[str, str]] = {
    # newsroom keys
    "keys.passphrase": ("Passphrase for the secret key", "Frasa sandi untuk kunci rahasia"),
    "keys.passphrase_old": (
        "Passphrase of the current secret key ({key_id})",
        "Frasa sandi kunci rahasia saat ini ({key_id})",
    ),
    "keys.passphrase_again": ("Repeat it", "Ulangi"),
    "keys.passphrase_empty": (
        "an empty passphrase protects nothing: type one, or use --unencrypted for a key cron "
        "uses (then protect the file: mode 0600, a user of its own)",
        "frasa sandi kosong tidak melindungi apa pun: ketik satu, atau pakai --unencrypted untuk "
        "kunci yang dipakai cron (lalu lindungi berkasnya: mode 0600, pengguna tersendiri)",
    ),
    "keys.made": (
        "Signing key {key_id} made.\n"
        "  public key:  {public} (commit it with newsroom-keys.txt, its .minisig and "
        "newsroom-keys/; publish copies them into feeds/)\n"
        "  secret key:  {secret} ({protection}; keep it there, back it up offline; it never "
        "goes into the newsroom)\n"
        "The next `newsroom publish` signs feeds/ (SHA256SUMS.minisig). Partners check with:\n"
        "  minisign -Vm SHA256SUMS -p newsroom.pub && sha256sum -c --ignore-missing SHA256SUMS",
        "Kunci penanda tangan {key_id} dibuat.\n"
        "  kunci publik:  {public} (commit bersama newsroom-keys.txt, .minisig-nya, dan "
        "newsroom-keys/; publish menyalinnya ke feeds/)\n"
        "  kunci rahasia: {secret} ({protection}; simpan di sana, cadangkan secara luring; "
        "tidak pernah masuk ke newsroom)\n"
        "`newsroom publish` berikutnya menandatangani feeds/ (SHA256SUMS.minisig). Mitra "
        "memeriksa dengan:\n"
        "  minisign -Vm SHA256SUMS -p newsroom.pub && sha256sum -c --ignore-missing SHA256SUMS",
    ),
    "keys.not_required": (
        "A desk or machine without the secret key publishes unsigned: SHA256SUMS goes, and "
        "the signed texts of the releases it changes, until the next signed run. To have "
        "only the machine with the key publish, set "
        "`required = true` under [signing] in newsroom.toml.",
        "Meja atau mesin tanpa kunci rahasia menerbitkan tanpa tanda tangan: SHA256SUMS hilang, "
        "begitu pula teks bertanda tangan siaran pers yang diubahnya, sampai penerbitan "
        "bertanda tangan berikutnya. Agar hanya mesin yang memegang kunci "
        "yang menerbitkan, setel `required = true` di bawah [signing] pada newsroom.toml.",
    ),
    "keys.encrypted": ("encrypted with your passphrase", "terenkripsi dengan frasa sandi Anda"),
    "keys.unencrypted": (
        "NOT encrypted: for cron; readable by its owner only",
        "TIDAK terenkripsi: untuk cron; hanya dapat dibaca pemiliknya",
    ),
    "keys.none": (
        "No signing key: publish writes unsigned feeds. `newsroom keys init` makes one.",
        "Belum ada kunci penanda tangan: publish menulis feed tanpa tanda tangan. "
        "`newsroom keys init` membuatnya.",
    ),
    "keys.public": ("Public key {key_id}: {path}", "Kunci publik {key_id}: {path}"),
    "keys.secret_here": (
        "Secret key: {path} ({protection})",
        "Kunci rahasia: {path} ({protection})",
    ),
    "keys.secret_missing": (
        "Secret key: not on this machine (expected at {path}; NEWSROOM_SIGNING_KEY names "
        "another path)",
        "Kunci rahasia: tidak ada di mesin ini (diharapkan di {path}; NEWSROOM_SIGNING_KEY "
        "menunjuk jalur lain)",
    ),
    "keys.partners": (
        "Partners check a download of feeds/ with:\n"
        "  minisign -Vm SHA256SUMS -p newsroom.pub && sha256sum -c --ignore-missing SHA256SUMS",
        "Mitra memeriksa salinan feeds/ dengan:\n"
        "  minisign -Vm SHA256SUMS -p newsroom.pub && sha256sum -c --ignore-missing SHA256SUMS",
    ),
    "keys.history": ("Keys this office has used:", "Kunci yang pernah dipakai kantor ini:"),
    "keys.entry": (
        "  {key_id}  {status}  {since} – {until} {reason}",
        "  {key_id}  {status}  {since} – {until} {reason}",
    ),
    "keys.status.current": ("current", "berlaku"),
    "keys.status.retired": ("retired", "pensiun"),
    "keys.status.revoked": ("REVOKED", "DICABUT"),
    "keys.rotated": (
        "Signing key {new} replaces {old} ({status}).\n"
        "  newsroom-keys/{new}.pub.minisig: the new key signed by the old one, so partners "
        "holding the old key can follow\n"
        "  secret key:     {secret} ({protection})\n"
        "  old secret key: {kept}\n"
        "Commit newsroom.pub, newsroom-keys.txt(.minisig) and newsroom-keys/; the next "
        "publish signs everything again with the new key. Then delete the old secret key: "
        "key {old} must sign nothing again.",
        "Kunci penanda tangan {new} menggantikan {old} ({status}).\n"
        "  newsroom-keys/{new}.pub.minisig: kunci baru ditandatangani kunci lama, sehingga "
        "mitra yang memegang kunci lama dapat mengikutinya\n"
        "  kunci rahasia:      {secret} ({protection})\n"
        "  kunci rahasia lama: {kept}\n"
        "Commit newsroom.pub, newsroom-keys.txt(.minisig), dan newsroom-keys/; publish "
        "berikutnya menandatangani semuanya lagi dengan kunci baru. Sesudah itu hapus kunci "
        "rahasia lama: kunci {old} tidak boleh menandatangani apa pun lagi.",
    ),
    "keys.old_secret_left": (
        "warning: an earlier key's secret is still at {path}: delete it once the new key's "
        "files are committed and a publish has signed with it (it must sign nothing again)",
        "peringatan: kunci rahasia lama masih ada di {path}: hapus setelah berkas kunci baru "
        "di-commit dan publish sudah menandatangani dengannya (kunci itu tidak boleh "
        "menandatangani apa pun lagi)",
    ),
    "keys.revoked_old": (
        "Key {key_id} is REVOKED ({reason}); newsroom-keys.txt, signed again by key "
        "{current}, says so. Commit it; the next publish puts it out, and `newsroom verify` "
        "refuses whatever key {key_id} signed.",
        "Kunci {key_id} DICABUT ({reason}); newsroom-keys.txt, ditandatangani lagi oleh kunci "
        "{current}, menyatakannya. Commit berkas itu; publish berikutnya menerbitkannya, dan "
        "`newsroom verify` menolak apa pun yang ditandatangani kunci {key_id}.",
    ),
    "error.key_is_current": (
        "{key_id} is the current key: revoke it with `newsroom keys rotate --revoke --reason "
        '"…"`, which makes its successor',
        "{key_id} adalah kunci yang berlaku: cabut dengan `newsroom keys rotate --revoke "
        '--reason "…"`, yang sekaligus membuat penggantinya',
    ),
    "error.key_already_revoked": (
        "key {key_id} is revoked already ({reason})",
        "kunci {key_id} sudah dicabut ({reason})",
    ),
    "keys.revoke_reason_needed": (
        'say why (--reason "…"): partners read it in the list of keys',
        'sebutkan alasannya (--reason "…"): mitra membacanya di daftar kunci',
    ),
    "error.key_not_listed": (
        "{key_id}: no such key in newsroom-keys.txt (`newsroom keys show` lists them)",
        "{key_id}: tidak ada kunci itu di newsroom-keys.txt (`newsroom keys show` menampilkannya)",
    ),
    "keys.revoked_note": (
        "The old key is REVOKED: tell partners the new key id ({new}) through a channel they "
        "trust (your website, a letter, a phone call): whoever holds the old key could also "
        "sign a new one.",
        "Kunci lama DICABUT: beri tahu mitra id kunci baru ({new}) lewat saluran yang mereka "
        "percayai (situs web, surat, telepon): siapa pun yang memegang kunci lama juga dapat "
        "menandatangani kunci baru.",
    ),
    "keys.reason_needed": (
        "--revoke needs --reason (why the old key may no longer be trusted)",
        "--revoke perlu --reason (mengapa kunci lama tidak boleh dipercaya lagi)",
    ),
    "keys.no_terminal": (
        "no terminal to type a passphrase in: run it in a terminal, add --unencrypted for a "
        "key cron uses (then protect the file: mode 0600, a user of its own), or set the "
        "variable [signing] passphrase_env names",
        "tidak ada terminal untuk mengetik frasa sandi: jalankan di terminal, tambahkan "
        "--unencrypted untuk kunci yang dipakai cron (lalu lindungi berkasnya: mode 0600, "
        "pengguna tersendiri), atau isi variabel yang disebut [signing] passphrase_env",
    ),
    # a publish's signature
    "publish.signed": ("signed with key {key_id}", "ditandatangani dengan kunci {key_id}"),
    "publish.signed.dry": (
        "would sign with key {key_id}",
        "akan ditandatangani dengan kunci {key_id}",
    ),
    "publish.signed.dry.typed": (
        "would sign with key {key_id}, once its passphrase is typed below",
        "akan ditandatangani dengan kunci {key_id}, setelah frasa sandinya diketik di bawah",
    ),
    # the desk's publish dialog: the passphrase of an encrypted key, typed
    "publish.passphrase": ("Signing key passphrase", "Frasa sandi kunci penanda tangan"),
    "publish.passphrase.why": (
        "The key is encrypted; the passphrase is not kept. Cron: set {variable} or "
        "`newsroom keys rotate --unencrypted`.",
        "Kuncinya terenkripsi; frasa sandi tidak disimpan. Cron: setel {variable} atau "
        "`newsroom keys rotate --unencrypted`.",
    ),
    "publish.passphrase.empty": (
        "type the passphrase first: without it this run would go out unsigned",
        "ketik frasa sandinya dulu: tanpa itu penerbitan ini keluar tanpa tanda tangan",
    ),
    # newsroom verify
    "verify.good": (
        "✓ {path}: signed by key {key_id}{how}: {comment}",
        "✓ {path}: ditandatangani kunci {key_id}{how}: {comment}",
    ),
    "verify.how.endorsed": (
        ", which key {by} endorsed on {date}",
        ", yang disahkan kunci {by} pada {date}",
    ),
    "verify.how.listed": (
        ", a {status} key listed by key {by}",
        ", kunci {status} yang tercantum oleh kunci {by}",
    ),
    "verify.more_good": (
        "✓ … and {n} more signed file|✓ … and {n} more signed files",
        "✓ … dan {n} berkas bertanda tangan lainnya",
    ),
    "verify.listed": (
        "✓ {n} file matches its signed SHA256SUMS|✓ {n} files match their signed SHA256SUMS",
        "✓ {n} berkas cocok dengan SHA256SUMS bertanda tangan",
    ),
    "verify.bad.content": (
        "✗ {path}: does not match its signature: the file or its .minisig is from another "
        "publish, or the file was altered; download both again",
        "✗ {path}: tidak cocok dengan tanda tangannya: berkas atau .minisig-nya dari "
        "penerbitan lain, atau berkasnya diubah; unduh keduanya lagi",
    ),
    "verify.bad.comment": (
        "✗ {path}: its trusted comment was changed (the signature does not cover it)",
        "✗ {path}: komentar tepercayanya diubah (tanda tangan tidak mencakupnya)",
    ),
    "verify.bad.format": (
        "✗ {path}: not a valid minisign signature",
        "✗ {path}: bukan tanda tangan minisign yang sah",
    ),
    "verify.revoked": (
        "✗ {path}: signed by key {key_id}, which the office revoked ({date}{reason})",
        "✗ {path}: ditandatangani kunci {key_id}, yang sudah dicabut kantor ({date}{reason})",
    ),
    "verify.unknown_key": (
        "✗ {path}: signed by key {signed_by}: not the key you trust ({key_id}) nor one it "
        "vouched for",
        "✗ {path}: ditandatangani kunci {signed_by}: bukan kunci yang Anda percayai ({key_id}) "
        "ataupun kunci yang disahkannya",
    ),
    "verify.forked": (
        "✗ {path}: signed by key {key_id}, which endorsed two successors ({new} and {other}): "
        "the office replaces a key once, so whoever holds it made one; get the office's "
        "current key through a channel you trust",
        "✗ {path}: ditandatangani kunci {key_id}, yang mengesahkan dua pengganti ({new} dan "
        "{other}): kantor mengganti kunci sekali saja, jadi orang lain memegangnya; dapatkan "
        "kunci kantor yang berlaku lewat saluran tepercaya",
    ),
    "verify.mismatch_other": (
        "✗ {path}: not the file {list} lists under this name: its bytes are those of "
        "{listed_as} (saved under another file's name? save it as {listed_as})",
        "✗ {path}: bukan berkas yang dicantumkan {list} dengan nama ini: isinya sama dengan "
        "{listed_as} (tersimpan dengan nama berkas lain? simpan sebagai {listed_as})",
    ),
    "verify.listed_as": (
        "✓ {path}: its bytes are those of {listed_as} in {list} (saved under another name)",
        "✓ {path}: isinya sama dengan {listed_as} di {list} (disimpan dengan nama lain)",
    ),
    "verify.retired_key": (
        "✗ {path}: signed by key {key_id}, retired on {until}, but dated {said}: after its "
        "retirement the office signs with its new key only; not from the office",
        "✗ {path}: ditandatangani kunci {key_id}, yang dipensiunkan pada {until}, tetapi "
        "bertanggal {said}: setelah itu kantor hanya menandatangani dengan kunci barunya; "
        "bukan dari kantor",
    ),
    "verify.not_signed": (
        "✗ {path}: no signature (no .minisig beside it, no signed SHA256SUMS lists it)",
        "✗ {path}: tidak bertanda tangan (tidak ada .minisig di sampingnya, tidak tercantum "
        "di SHA256SUMS bertanda tangan)",
    ),
    "verify.mismatch": (
        "✗ {path}: does not match {list}: an older or altered copy; download it again with "
        "its SHA256SUMS",
        "✗ {path}: tidak cocok dengan {list}: salinan lama atau yang diubah; unduh lagi "
        "bersama SHA256SUMS-nya",
    ),
    "verify.unlisted": (
        "? {path}: NOT verified: no SHA256SUMS lists it (newer than the list, or not from the "
        "office); do not rely on it: download it again with its SHA256SUMS",
        "? {path}: TIDAK terverifikasi: tidak tercantum di SHA256SUMS mana pun (lebih baru "
        "daripada daftarnya, atau bukan dari kantor); jangan diandalkan: unduh lagi bersama "
        "SHA256SUMS-nya",
    ),
    "verify.more_unlisted": (
        "? … and {n} more file NOT verified (in no SHA256SUMS)|? … and {n} more files NOT "
        "verified (in no SHA256SUMS)",
        "? … dan {n} berkas lain TIDAK terverifikasi (tidak tercantum di SHA256SUMS)",
    ),
    "verify.unreadable": ("✗ {path}: cannot be read", "✗ {path}: tidak dapat dibaca"),
    "verify.missing": ("✗ {path}: no such file", "✗ {path}: berkas tidak ada"),
    "verify.no_file": (
        "✗ {path}: the file it signs is not beside it",
        "✗ {path}: berkas yang ditandatanganinya tidak ada di sampingnya",
    ),
    "verify.no_sums": (
        "✗ {path}: no SHA256SUMS in this folder",
        "✗ {path}: tidak ada SHA256SUMS di folder ini",
    ),
    "verify.rotated": (
        "note: the key you trust ({key_id}) was replaced by {new} on {date}, signed by it; keep "
        "newsroom-keys/{new}.pub as your copy from now on",
        "catatan: kunci yang Anda percayai ({key_id}) diganti {new} pada {date}, ditandatangani "
        "olehnya; simpan newsroom-keys/{new}.pub sebagai salinan Anda mulai sekarang",
    ),
    "verify.rotated_revoked": (
        "warning: the key you trust ({key_id}) was replaced by {new} on {date}, but the office "
        "has since revoked {new}: do not keep it; get the office's current key through a "
        "channel you trust (its website, a letter)",
        "peringatan: kunci yang Anda percayai ({key_id}) diganti {new} pada {date}, tetapi "
        "kantor kemudian mencabut {new}: jangan disimpan; dapatkan kunci kantor yang berlaku "
        "lewat saluran tepercaya (situs webnya, surat)",
    ),
    "verify.superseded": (
        "note: {path} is version {version} of release {number} ({id}), SUPERSEDED by a later "
        "version on {superseded}: authentic, but not the office's current text",
        "catatan: {path} adalah versi {version} siaran pers {number} ({id}), sudah DIGANTI versi "
        "yang lebih baru pada {superseded}: asli, tetapi bukan teks kantor yang berlaku",
    ),
    "verify.retracted": (
        "warning: {path} is version {version} of release {number} ({id}), which the office "
        "RETRACTED: the release is void (its signature says so)",
        "peringatan: {path} adalah versi {version} siaran pers {number} ({id}) yang DICABUT "
        "kantor: siaran pers itu tidak berlaku lagi (tanda tangannya menyatakannya)",
    ),
    "verify.trusted_revoked_list": (
        "warning: the office revoked the key you trust ({key_id}) on {date}; get its current "
        "key through a channel you trust before relying on anything it signed",
        "peringatan: kantor mencabut kunci yang Anda percayai ({key_id}) pada {date}; "
        "dapatkan kunci yang berlaku lewat saluran tepercaya sebelum mengandalkan tanda "
        "tangannya",
    ),
    "verify.trusted_revoked": (
        "warning: the office revoked the key you trust ({key_id}) on {date}; get its new key "
        "({new}) through a channel you trust before relying on anything it signed",
        "peringatan: kantor mencabut kunci yang Anda percayai ({key_id}) pada {date}; dapatkan "
        "kunci barunya ({new}) lewat saluran tepercaya sebelum mengandalkan tanda tangannya",
    ),
    "verify.missing_count": (
        "{n} file listed in SHA256SUMS is not here (not checked)|{n} files listed in "
        "SHA256SUMS are not here (not checked)",
        "{n} berkas tercantum di SHA256SUMS tidak ada di sini (tidak diperiksa)",
    ),
    "verify.ok": (
        "VERIFIED with key {key_id} ({source}): {n} check, authentic and unaltered. This proves "
        "origin and integrity, not a legal electronic signature (TTE).|VERIFIED with key "
        "{key_id} ({source}): {n} checks, all authentic and unaltered. This proves origin and "
        "integrity, not a legal electronic signature (TTE).",
        "TERVERIFIKASI dengan kunci {key_id} ({source}): {n} pemeriksaan, semuanya asli dan "
        "tidak diubah. Ini membuktikan asal dan keutuhan, bukan tanda tangan elektronik (TTE).",
    ),
    "verify.ok_unlisted": (
        "VERIFIED with key {key_id} ({source}): {n} check, authentic and unaltered. Files "
        "here in no SHA256SUMS, NOT verified: {others} (named above). This proves origin and "
        "integrity, not a legal electronic signature (TTE).|VERIFIED with key {key_id} "
        "({source}): {n} checks, all authentic and unaltered. Files here in no SHA256SUMS, "
        "NOT verified: {others} (named above). This proves origin and integrity, not a legal "
        "electronic signature (TTE).",
        "TERVERIFIKASI dengan kunci {key_id} ({source}): {n} pemeriksaan, semuanya asli dan "
        "tidak diubah. Berkas di sini yang tidak tercantum di SHA256SUMS, TIDAK terverifikasi: "
        "{others} (disebut di atas). Ini membuktikan asal dan keutuhan, bukan tanda tangan "
        "elektronik (TTE).",
    ),
    "verify.failed": (
        "NOT VERIFIED with key {key_id} ({source}): {bad} of {n} check failed|NOT VERIFIED with "
        "key {key_id} ({source}): {bad} of {n} checks failed",
        "TIDAK TERVERIFIKASI dengan kunci {key_id} ({source}): {bad} dari {n} pemeriksaan gagal",
    ),
    "verify.no_paths": (
        "name what to verify: a file, its .minisig, a SHA256SUMS or a downloaded folder of "
        "feeds (in a newsroom, no name verifies its feeds/)",
        "sebutkan yang diperiksa: berkas, .minisig-nya, SHA256SUMS atau folder feed yang "
        "diunduh (di dalam newsroom, tanpa nama memeriksa feeds/ miliknya)",
    ),
    "verify.no_key": (
        "no public key to trust: {reason} (give --key newsroom.pub, the office's key as you "
        "downloaded it once)",
        "tidak ada kunci publik untuk dipercaya: {reason} (berikan --key newsroom.pub, kunci "
        "kantor yang pernah Anda unduh)",
    ),
    "verify.key_missing": ("{path} does not exist", "{path} tidak ada"),
    "verify.key_not_key": (
        "{path} is not a minisign public key",
        "{path} bukan kunci publik minisign",
    ),
    "verify.key_unreadable": (
        "{path} cannot be read ({reason})",
        "{path} tidak bisa dibaca ({reason})",
    ),
    # errors of signing (the core's codes)
    "error.sign_no_key": (
        "no signing key ({path} is missing): run `newsroom keys init`, or set [signing] "
        "required = false",
        "tidak ada kunci penanda tangan ({path} tidak ada): jalankan `newsroom keys init`, "
        "atau setel [signing] required = false",
    ),
    "error.sign_rotate_failed": (
        "key not rotated: {path}: {reason}; nothing changed (the key {key_id} is still "
        "current): free some space or fix the permissions, then run it again",
        "kunci tidak diganti: {path}: {reason}; tidak ada yang berubah (kunci {key_id} masih "
        "yang berlaku): kosongkan ruang disk atau perbaiki izinnya, lalu jalankan lagi",
    ),
    "error.sign_rotate_halfway": (
        "key rotation stopped halfway: {path}: {reason}; {files} could not be put back and "
        "may name the new key {new_id}, whose secret is kept at {secret}: free some space, "
        "then put those files back from git (git checkout -- FILE) to keep the key {key_id}",
        "penggantian kunci berhenti di tengah jalan: {path}: {reason}; {files} tidak dapat "
        "dikembalikan dan mungkin menyebut kunci baru {new_id}, yang kunci rahasianya "
        "disimpan di {secret}: kosongkan ruang disk, lalu kembalikan berkas itu dari git "
        "(git checkout -- BERKAS) agar tetap memakai kunci {key_id}",
    ),
    "error.sign_no_secret": (
        "the secret key is not at {path}: set NEWSROOM_SIGNING_KEY to its path",
        "kunci rahasia tidak ada di {path}: setel NEWSROOM_SIGNING_KEY ke jalurnya",
    ),
    "error.sign_key_inside": (
        "the secret key path {path} is inside the newsroom ({root}): it could reach git or "
        "feeds/; keep it outside (NEWSROOM_SIGNING_KEY=/etc/newsroom/humas.key, or unset for "
        "~/.config/newsroom/keys/)",
        "jalur kunci rahasia {path} ada di dalam newsroom ({root}): bisa masuk ke git atau "
        "feeds/; simpan di luar (NEWSROOM_SIGNING_KEY=/etc/newsroom/humas.key, atau kosongkan "
        "untuk ~/.config/newsroom/keys/)",
    ),
    "error.sign_has_key": (
        "this newsroom has a signing key already ({key_id}): `newsroom keys rotate` replaces it",
        "newsroom ini sudah punya kunci penanda tangan ({key_id}): `newsroom keys rotate` "
        "menggantinya",
    ),
    "error.sign_exists": (
        "{path} already exists: a secret key is never overwritten (move it away first)",
        "{path} sudah ada: kunci rahasia tidak pernah ditimpa (pindahkan dulu)",
    ),
    "error.sign_passphrase": (
        "the secret key {path} is encrypted and there is no passphrase: run publish in a "
        "terminal or on the desk (P), set {variable}, or make a key for cron (`newsroom keys "
        "rotate --unencrypted`)",
        "kunci rahasia {path} terenkripsi dan tidak ada frasa sandi: jalankan publish di "
        "terminal atau di meja (P), setel {variable}, atau buat kunci untuk cron (`newsroom "
        "keys rotate --unencrypted`)",
    ),
    "error.sign_wrong_passphrase": (
        "wrong passphrase for the secret key {path}: type it again",
        "frasa sandi salah untuk kunci rahasia {path}: ketik lagi",
    ),
    "error.sign_env_passphrase": (
        "the passphrase in {variable} does not unlock the secret key {path}: set {variable} "
        "to its passphrase",
        "frasa sandi di {variable} tidak membuka kunci rahasia {path}: setel {variable} ke "
        "frasa sandinya",
    ),
    "error.sign_key_damaged": (
        "the secret key {path} is damaged: restore it from its backup",
        "kunci rahasia {path} rusak: pulihkan dari cadangannya",
    ),
    "error.sign_key_format": (
        "{path} is not a minisign secret key: set NEWSROOM_SIGNING_KEY to the right file",
        "{path} bukan kunci rahasia minisign: setel NEWSROOM_SIGNING_KEY ke berkas yang benar",
    ),
    "error.sign_key_open": (
        "{path} can be read by every user of this machine: `chmod 600 {path}` first",
        "{path} dapat dibaca semua pengguna mesin ini: jalankan `chmod 600 {path}` dulu",
    ),
    "error.sign_mismatch": (
        "{path} holds key {secret}, but newsroom.pub is key {key_id}: set NEWSROOM_SIGNING_KEY to "
        "the right secret key",
        "{path} berisi kunci {secret}, padahal newsroom.pub adalah kunci {key_id}: setel "
        "NEWSROOM_SIGNING_KEY ke kunci rahasia yang benar",
    ),
}
