"""Sharing a newsroom through git: `newsroom sync`, the desk's sync key and its dialog."""

from __future__ import annotations

SHARING: dict[str, tuple[str, str]] = {
    "cli.init_git": (
        "Git is on: the feeds, .newsroom/ and keys stay out of it (.gitignore). Next:\n"
        "  git add -A && git commit -m 'Newsroom'\n"
        "  git remote add origin URL && git push -u origin main",
        "Git aktif: feed, .newsroom/ dan kunci tidak masuk git (.gitignore). Berikutnya:\n"
        "  git add -A && git commit -m 'Newsroom'\n"
        "  git remote add origin URL && git push -u origin main",
    ),
    "sync.done": (
        "Synced with {remote}: received {received}, sent {sent}.",
        "Tersinkron dengan {remote}: diterima {received}, dikirim {sent}.",
    ),
    "sync.same": (
        "Already in step with {remote}: nothing to receive or send.",
        "Sudah sama dengan {remote}: tidak ada yang diterima atau dikirim.",
    ),
    "n.commits": ("{n} commit|{n} commits", "{n} commit"),
    "desk.unshared": (
        "↑{n} not yet shared",
        "↑{n} belum dibagikan",
    ),
    "sync.retries": (
        "another office pushed first: tried again {n} time|another office pushed first: "
        "tried again {n} times",
        "kantor lain mengirim lebih dulu: dicoba lagi {n} kali",
    ),
    "sync.undone": (
        "A sync that stopped half way before was undone first.",
        "Sinkronisasi yang berhenti di tengah jalan sebelumnya dibatalkan lebih dulu.",
    ),
    "sync.kept_mine": ("{path}: your version stands", "{path}: versi Anda dipakai"),
    "sync.took_theirs": (
        "{path}: the other office's version stands",
        "{path}: versi kantor lain dipakai",
    ),
    "sync.kept_aside": (
        "your version is kept in {path}",
        "versi Anda disimpan di {path}",
    ),
    "sync.leases": (
        "edit leases not shared: {reason}",
        "tanda sedang disunting tidak terbagi: {reason}",
    ),
    "sync.stopped": (
        "sync stopped on {n} file; nothing was changed (your commits are as they were):|sync "
        "stopped on {n} files; nothing was changed (your commits are as they were):",
        "sinkronisasi berhenti pada {n} berkas; tidak ada yang berubah (commit Anda tetap "
        "seperti semula):",
    ),
    "sync.conflict": (
        "  {path} “{title}” ({ref}): {reason}",
        "  {path} “{title}” ({ref}): {reason}",
    ),
    "sync.not_release": ("not a release", "bukan siaran pers"),
    "sync.yours": ("    yours:  {commit}", "    milik Anda:  {commit}"),
    "sync.theirs": ("    theirs: {commit}", "    kantor lain: {commit}"),
    "sync.how": (
        "  keep yours:     newsroom sync --mine {ref}\n"
        "  take theirs:    newsroom sync --theirs {ref}   (yours is kept in .newsroom/unsaved/)\n"
        "  the difference: git diff HEAD {remote} -- {path}",
        "  pakai milik Anda:     newsroom sync --mine {ref}\n"
        "  pakai kantor lain:    newsroom sync --theirs {ref}   (milik Anda disimpan di "
        ".newsroom/unsaved/)\n"
        "  lihat perbedaannya:   git diff HEAD {remote} -- {path}",
    ),
    # errors of git, by their code
    "error.git_missing": (
        "git is not installed (apt-get install git), and [git] enabled = true in newsroom.toml",
        "git belum terpasang (apt-get install git), padahal [git] enabled = true di newsroom.toml",
    ),
    "error.git_timeout": (
        "{what}: git did not finish within {seconds} s (a slow or broken connection?); nothing "
        "was lost: try again, or raise [git] timeout in newsroom.toml",
        "{what}: git tidak selesai dalam {seconds} detik (koneksi lambat atau putus?); tidak "
        "ada yang hilang: coba lagi, atau naikkan [git] timeout di newsroom.toml",
    ),
    "error.not_committed": (
        "{action} of “{title}” is saved in {path}, but not yet committed: {detail} (it is "
        "committed with your next action or `newsroom sync`)",
        "{action} “{title}” tersimpan di {path}, tetapi belum di-commit: {detail} (akan "
        "di-commit bersama tindakan Anda berikutnya atau `newsroom sync`)",
    ),
    "error.not_a_clone": (
        "{root} is not a git clone, but [git] enabled = true in newsroom.toml (clone the "
        "office's repository here, or run `git init`)",
        "{root} bukan klon git, padahal [git] enabled = true di newsroom.toml (klon repositori "
        "kantor ke sini, atau jalankan `git init`)",
    ),
    "error.dirty": (
        "sync: uncommitted changes in {paths}: nothing was synced. Commit them (`git commit`), "
        "or put them away (`git stash`), then sync again",
        "sinkronisasi: ada perubahan yang belum di-commit di {paths}: tidak ada yang "
        "disinkronkan. Commit (`git commit`) atau simpan dulu (`git stash`), lalu sinkronkan "
        "lagi",
    ),
    "error.push_retries": (
        "sync: another office pushed first {tries} times in a row; nothing was lost (your "
        "commits are here): run `newsroom sync` again",
        "sinkronisasi: kantor lain mengirim lebih dulu {tries} kali berturut-turut; tidak ada "
        "yang hilang (commit Anda ada di sini): jalankan `newsroom sync` lagi",
    ),
    "error.no_branch": (
        "sync: this clone is not on a branch (a detached HEAD): `git switch main`, or set "
        "[git] branch in newsroom.toml",
        "sinkronisasi: klon ini tidak berada di cabang mana pun (detached HEAD): `git switch "
        "main`, atau isi [git] branch di newsroom.toml",
    ),
    "error.diverged": (
        "publish --pull: this clone has diverged from {remote}: {n} commit(s) here were not "
        "made by publish ({commits}). Nothing was published; the feeds are as they were. Look "
        "with `git log --oneline {remote}..HEAD`, then share them (`newsroom sync`) or drop "
        "them (`git reset --hard {remote}`)",
        "publish --pull: klon ini menyimpang dari {remote}: {n} commit di sini tidak dibuat "
        "oleh penerbitan ({commits}). Tidak ada yang diterbitkan; feed tetap seperti semula. "
        "Periksa dengan `git log --oneline {remote}..HEAD`, lalu bagikan (`newsroom sync`) "
        "atau buang (`git reset --hard {remote}`)",
    ),
    "error.mine_published": (
        "{path}: cannot keep yours: the other version was published meanwhile and partners "
        "have seen it. Take theirs (`newsroom sync --theirs REF`), then correct it (`newsroom "
        "correct REF`)",
        "{path}: versi Anda tidak bisa dipakai: versi lain sudah terbit dan dilihat mitra. "
        "Pakai versi kantor lain (`newsroom sync --theirs REF`), lalu ralat (`newsroom "
        "correct REF`)",
    ),
    "error.mine_published.tui": (
        "{path}: cannot keep yours: the other version was published meanwhile and partners "
        "have seen it. Take theirs (t), then correct it (K on the release)",
        "{path}: versi Anda tidak bisa dipakai: versi lain sudah terbit dan dilihat mitra. "
        "Pakai versi kantor lain (t), lalu ralat (K pada siaran)",
    ),
    "error.git_off": (
        "git is off in newsroom.toml: set [git] enabled = true in a git clone (docs/workflow.md, "
        "“Many offices”)",
        "git tidak aktif di newsroom.toml: isi [git] enabled = true di klon git "
        "(docs/workflow.md, “Many offices”)",
    ),
    "error.not_publisher": (
        "publish refused: with [git] publisher = {publisher} in newsroom.toml, only {publisher} "
        "publishes (the publishing server); share your work with `newsroom sync` and the "
        "server puts it out",
        "penerbitan ditolak: dengan [git] publisher = {publisher} di newsroom.toml, hanya "
        "{publisher} yang menerbitkan (server penerbitan); bagikan pekerjaan Anda dengan "
        "`newsroom sync` dan server yang menerbitkannya",
    ),
    # the desk
    "cmd.sync": ("Sync", "Sinkronkan"),
    "cmd.sync.help": (
        "Share with the other offices: receive their changes, send yours (git)",
        "Berbagi dengan kantor lain: terima perubahan mereka, kirim milik Anda (git)",
    ),
    "sync.running": ("Syncing with {remote}…", "Menyinkronkan dengan {remote}…"),
    "sync.off": (
        "Sync is off: this newsroom does not share through git (set [git] enabled = true in "
        "newsroom.toml, in a git clone; docs/workflow.md, “Many offices”)",
        "Sinkronisasi tidak aktif: newsroom ini tidak berbagi lewat git (isi [git] enabled = "
        "true di newsroom.toml, di klon git; docs/workflow.md, “Many offices”)",
    ),
    "modal.sync_conflict": (
        "{path} “{title}” was changed here and in another office: {reason}.\n"
        "Yours: {mine}\nTheirs: {theirs}\n"
        "Nothing was changed yet. Which version stands?",
        "{path} “{title}” diubah di sini dan di kantor lain: {reason}.\n"
        "Milik Anda: {mine}\nKantor lain: {theirs}\n"
        "Belum ada yang berubah. Versi mana yang dipakai?",
    ),
    "modal.keep_mine": ("Keep mine", "Pakai milik saya"),
    "modal.take_theirs": ("Take theirs", "Pakai milik mereka"),
    "modal.sync_later": ("Decide later", "Putuskan nanti"),
    "sync.later": (
        "Sync stopped: nothing was changed; press S again to choose",
        "Sinkronisasi berhenti: tidak ada yang berubah; tekan S lagi untuk memilih",
    ),
}
