"""The desk's dialogs: their fields and the buttons that confirm them."""

from __future__ import annotations

DIALOGS: dict[str, tuple[str, str]] = {
    # dialogs
    "modal.note": ("Note", "Catatan"),
    "modal.reason": ("Reason", "Alasan"),
    "modal.note_required": ("A note is required.", "Catatan wajib diisi."),
    "modal.reason_required": ("A reason is required.", "Alasan wajib diisi."),
    "modal.title_required": ("A title is required.", "Judul wajib diisi."),
    "modal.ok": ("OK", "OK"),
    "modal.cancel": ("Cancel", "Batal"),
    "modal.yes": ("Yes", "Ya"),
    "modal.no": ("No", "Tidak"),
    "modal.cancel_correction_confirm": (
        "Cancel the correction of “{title}”? Its changes are dropped and the published text "
        "comes back as it was; partners see nothing new.",
        "Batalkan ralat “{title}”? Perubahannya dibuang dan teks yang terbit kembali seperti "
        "semula; mitra tidak melihat apa pun yang baru.",
    ),
    "modal.delete_confirm": (
        "Delete “{title}” and its attachments? It was never published; this cannot be undone.",
        "Hapus “{title}” beserta lampirannya? Siaran ini belum pernah terbit; penghapusan tidak "
        "bisa dibatalkan.",
    ),
    "modal.retract_confirm": (
        "Retract “{title}”? Partners will see a retraction notice. A retraction needs no "
        "second approval (it is urgent): the next publish carries it.",
        "Cabut “{title}”? Mitra akan melihat pemberitahuan pencabutan. Pencabutan tidak perlu "
        "persetujuan kedua (mendesak): penerbitan berikutnya membawanya.",
    ),
    "modal.checklist": ("Pre-approval checklist", "Daftar periksa sebelum persetujuan"),
    "modal.checklist_submit": (
        "Checklist: what must pass before review",
        "Daftar periksa: yang harus lolos sebelum ditinjau",
    ),
    "modal.checklist_embargo": (
        "Move the embargo: the checklist with the new lift time",
        "Ubah embargo: daftar periksa dengan waktu embargo baru",
    ),
    "modal.embargo_note": (
        "Why it moves (e.g. the ministry asked for a delay; optional)",
        "Alasan (mis. kementerian meminta penundaan; boleh kosong)",
    ),
    "modal.embargo_same": (
        "The embargo is as it was: nothing moved.",
        "Embargo tetap seperti semula: tidak ada yang diubah.",
    ),
    "modal.approve_now": ("Approve", "Setujui"),
    "modal.approve_blocked": (
        "Approving waits until the required checks (✗) pass.",
        "Persetujuan menunggu sampai pemeriksaan wajib (✗) lolos.",
    ),
    "modal.embargo_blocked": (
        "Moving the embargo waits until the required checks (✗) pass.",
        "Perubahan embargo menunggu sampai pemeriksaan wajib (✗) lolos.",
    ),
    "modal.submit_blocked": (
        "Submitting waits until the required checks (✗) pass.",
        "Pengajuan menunggu sampai pemeriksaan wajib (✗) lolos.",
    ),
    "modal.embargo": (
        "Embargo ({zone}), e.g. 08-12-2026 09:00 (empty: none)",
        "Embargo ({zone}), mis. 08-12-2026 09:00 (kosong: tanpa)",
    ),
    "modal.discard": ("Discard", "Buang"),
    "modal.stay": ("Stay", "Tetap di sini"),
    "modal.quit_unsaved": (
        "Changes to “{title}” are not saved yet. Save them before quitting? A copy kept "
        "aside waits in .newsroom/unsaved/: the desk offers it back at every start.",
        "Perubahan pada “{title}” belum disimpan. Simpan sebelum keluar? Salinan yang "
        "disisihkan menunggu di .newsroom/unsaved/: meja redaksi menawarkannya lagi setiap "
        "kali dibuka.",
    ),
    "modal.leave_unsaved": (
        "Changes to “{title}” are not saved yet. Save them before leaving? A copy kept "
        "aside waits in .newsroom/unsaved/: the desk offers it back at every start.",
        "Perubahan pada “{title}” belum disimpan. Simpan sebelum meninggalkannya? Salinan "
        "yang disisihkan menunggu di .newsroom/unsaved/: meja redaksi menawarkannya lagi "
        "setiap kali dibuka.",
    ),
    "modal.save": ("Save", "Simpan"),
    "modal.save_draft": ("Save as draft", "Simpan sebagai draf"),
    "modal.keep_copy": ("Keep a copy aside", "Sisihkan salinan"),
    "modal.quit": ("Quit", "Keluar"),
    "modal.conflict": (
        "{path} changed on disk while you were editing (another editor, git pull or publish).",
        "{path} berubah di disk saat Anda menyunting (penyunting lain, git pull, atau penerbitan).",
    ),
    "modal.conflict_taken": (
        "{name} took over the editing of this release and changed {path} while you were editing.",
        "{name} mengambil alih penyuntingan siaran pers ini dan mengubah {path} saat Anda "
        "menyunting.",
    ),
    "modal.reload": ("Reload theirs", "Muat versi mereka"),
    "modal.keep": ("Keep mine", "Pertahankan milik saya"),
    "modal.diff": ("Show difference", "Lihat perbedaan"),
    "modal.no_difference": ("(no difference)", "(tidak ada perbedaan)"),
    "modal.take_over": (
        "{name} is editing this release. Take it over?",
        "{name} sedang menyunting siaran pers ini. Ambil alih?",
    ),
    "modal.take": ("Take over", "Ambil alih"),
    "modal.later": ("Decide later", "Putuskan nanti"),
    "modal.close": ("Close", "Tutup"),
    "modal.new_title": ("Title of the new release", "Judul siaran pers baru"),
    # the button that confirms a dialog names what it does
    "confirm.retract": ("Retract release", "Cabut siaran"),
    "confirm.cancel_correction": ("Cancel correction", "Batalkan ralat"),
    "confirm.delete": ("Delete release", "Hapus siaran"),
    "confirm.request_changes": ("Request changes", "Minta perbaikan"),
    "confirm.withdraw": ("Withdraw submission", "Tarik pengajuan"),
    "confirm.comment": ("Add comment", "Kirim komentar"),
    "confirm.correct": ("Start correction", "Mulai ralat"),
    "confirm.new": ("Create draft", "Buat draf"),
}
