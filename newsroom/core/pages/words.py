"""The words of the public record's pages around the releases (the chrome), in the
newsroom's language: Indonesian unless it is English. A release's own text keeps its
language; these are the labels, notices and navigation around it. One table, like the
feeds' (feeds/words.py); a test holds the two languages to the same keys and placeholders.
"""

from __future__ import annotations

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip

WORDS: dict[str, dict[str, str]] = {
    "id": {
        "skip": "Langsung ke isi",
        "translations": "Baca dalam bahasa lain",
        "original": "naskah asli",
        "site_nav": "Navigasi situs",
        "releases": "Siaran Pers",
        "release": "Siaran Pers",
        "klarifikasi": "Klarifikasi",
        "number": "Nomor",
        "published": "Terbit",
        "updated": "Diperbarui",
        "categories": "Kategori",
        "corrections": "Ralat",
        "correction": "Ralat",
        "retracted": "DICABUT",
        "retracted_on": "Siaran pers ini dicabut pada {when}.",
        "reason": "Alasan",
        "withdrawn": "Teksnya ditarik dari catatan publik; nomor dan judulnya tetap tercatat.",
        "withdrawn_unnumbered": "Teksnya ditarik dari catatan publik; judulnya tetap tercatat.",
        "attachments": "Lampiran",
        "embargo": "Embargo",
        "embargo_lifted": "Embargo berakhir {when}: siaran pers ini boleh disiarkan sejak saat "
        "itu.",
        "embargo_moved": "Embargo diubah {when}: kini hingga {after}, sebelumnya hingga {before}.",
        "embargo_withdrawn": "Embargo ditarik {when}: siaran pers yang diterima mitra dengan "
        "embargo hingga {lift} ditarik sebelum embargonya berakhir.",
        "embargo_again": "Embargo berlaku lagi {when}: siaran pers yang embargonya ditarik "
        "kembali diberikan kepada mitra dengan embargo hingga {lift}.",
        "embargo_again_moved": "Embargo berlaku lagi {when}: siaran pers yang embargonya "
        "ditarik kembali diberikan kepada mitra dengan embargo hingga {lift}, sebelumnya "
        "hingga {before}.",
        "contact": "Kontak",
        "photo": "Foto",
        "lookup": "Cek nomor siaran pers",
        "lookup_nav": "Cek nomor",
        "feed": "Umpan RSS",
        "latest": "Siaran pers terbaru",
        "months": "Arsip per bulan",
        "years": "Arsip per tahun",
        "month_title": "Siaran pers {month}",
        "year_title": "{category}: siaran pers {year}",
        "category_title": "Kategori: {category}",
        "none": "Belum ada siaran pers.",
        "count": "{n} siaran pers",
        "all_releases": "Semua siaran pers",
        "verify": "Cek keaslian nomor ini di",
        "denies": "Nomor yang tidak diterbitkan oleh {publisher}",
        "denies_text": "Siaran pers yang beredar dengan nomor berikut tidak berasal dari "
        "{publisher}:",
        "number_title": "Nomor {number}",
        "issued": "Nomor {number} diterbitkan oleh {publisher}.",
        "issued_retracted": "Siaran pers ini kemudian dicabut pada {when}.",
        "not_issued": "Nomor {number} tidak diterbitkan oleh {publisher}.",
        "forged": "Siaran pers yang beredar dengan nomor ini tidak berasal dari kami.",
        "also_forged": "Waspadai: beredar siaran pers palsu yang memakai nomor ini.",
        "see_klarifikasi": "Lihat klarifikasi",
        "unknown_title": "Nomor tidak terdaftar",
        "unknown": "Nomor yang Anda cari tidak diterbitkan oleh {publisher}: tidak ada siaran "
        "pers kami dengan nomor itu.",
        "unknown_check": "Periksa penulisannya: garis miring (/) dan tanda hubung (-) harus "
        "sama persis dengan nomor yang tertulis; huruf besar dan kecil tidak dibedakan.",
        "unknown_noscript": "Browser Anda tidak menjalankan JavaScript: ketik huruf besar dan "
        "kecil persis seperti pada nomor yang tertulis.",
        "unknown_contact": "Jika Anda menerima siaran pers dengan nomor itu, siaran pers "
        "tersebut tidak berasal dari kantor ini. Hubungi kami bila ragu.",
        "lookup_intro": "Setiap siaran pers {publisher} bernomor. Ketik nomor yang tertulis "
        "pada siaran pers untuk memastikan siaran pers itu asli.",
        "lookup_address": "Alamat pemeriksaan satu nomor:",
        "lookup_json": "Semua nomor untuk program (JSON)",
        "numbers_about": "Nomor siaran pers yang diterbitkan oleh {publisher}. Nomor yang tidak "
        "ada di `numbers` tidak diterbitkan oleh kantor ini; `not_issued` memuat nomor yang "
        "dibantah sebuah klarifikasi.",
        "unknown_message": "Nomor ini tidak diterbitkan oleh {publisher}.",
        "form_label": "Nomor siaran pers",
        "form_button": "Cek",
        "recent_numbers": "Nomor terbaru",
        "klarifikasi_list": "Klarifikasi",
        "auth_title": "Cek keaslian",
        "auth_version": "Versi {n}",
        "auth_current": "berlaku",
        "auth_superseded": "diganti ralat",
        "auth_withdrawn": "dicabut, teks ditarik",
        "auth_notice": "pemberitahuan pencabutan",
        "auth_text": "teks",
        "auth_signature": "tanda tangan",
        "auth_how": "Setiap versi siaran pers ini ditandatangani {publisher}. Unduh kunci publik "
        "kantor sekali saja ({key}), lalu periksa teks dan tanda tangannya dengan minisign:",
        "auth_status": 'Baris "Trusted comment" menyebut versi, nomor, dan status: current '
        "(berlaku), superseded (sudah diganti ralat) atau retracted (dicabut).",
        "auth_not_tte": "Ini membuktikan asal dan keutuhan teks, bukan tanda tangan elektronik "
        "(TTE) yang sah.",
        "auth_now": "Periksalah dengan tanda tangan yang disajikan kantor sekarang: salinan "
        "lama bisa menyebut status yang sudah berubah. Bila kantor mengganti kuncinya, daftar "
        "kuncinya ({keys}) menyebut kunci yang berlaku, dan kunci baru ditandatangani kunci "
        "lama.",
    },
    "en": {
        "skip": "Skip to content",
        "translations": "Read in another language",
        "original": "original",
        "site_nav": "Site navigation",
        "releases": "Press releases",
        "release": "Press release",
        "klarifikasi": "Clarification",
        "number": "Number",
        "published": "Published",
        "updated": "Updated",
        "categories": "Categories",
        "corrections": "Corrections",
        "correction": "Correction",
        "retracted": "RETRACTED",
        "retracted_on": "This release was retracted on {when}.",
        "reason": "Reason",
        "withdrawn": "Its text is withdrawn from the public record; its number and title "
        "stay on record.",
        "withdrawn_unnumbered": "Its text is withdrawn from the public record; its title stays "
        "on record.",
        "attachments": "Attachments",
        "embargo": "Embargo",
        "embargo_lifted": "Embargo lifted {when}: this release may be published from then on.",
        "embargo_moved": "Embargo changed {when}: now until {after}, previously until {before}.",
        "embargo_withdrawn": "Embargo withdrawn {when}: the release partners received under "
        "embargo until {lift} was withdrawn before its embargo lifted.",
        "embargo_again": "Under embargo again {when}: the release whose embargo was withdrawn "
        "was given to partners again under embargo until {lift}.",
        "embargo_again_moved": "Under embargo again {when}: the release whose embargo was "
        "withdrawn was given to partners again under embargo until {lift}, previously until "
        "{before}.",
        "contact": "Contact",
        "photo": "Photo",
        "lookup": "Check a release number",
        "lookup_nav": "Check a number",
        "feed": "RSS feed",
        "latest": "Latest releases",
        "months": "Archive by month",
        "years": "Archive by year",
        "month_title": "Releases of {month}",
        "year_title": "{category}: releases of {year}",
        "category_title": "Category: {category}",
        "none": "No releases yet.",
        "count": "{n} releases",
        "all_releases": "All releases",
        "verify": "Check this number at",
        "denies": "Numbers {publisher} did not issue",
        "denies_text": "Releases going round with these numbers do not come from {publisher}:",
        "number_title": "Number {number}",
        "issued": "Number {number} was issued by {publisher}.",
        "issued_retracted": "The release was later retracted, on {when}.",
        "not_issued": "Number {number} was not issued by {publisher}.",
        "forged": "A release going round with this number does not come from us.",
        "also_forged": "Beware: a forged release using this number is going round.",
        "see_klarifikasi": "See the clarification",
        "unknown_title": "Number not on record",
        "unknown": "The number you looked for was not issued by {publisher}: no release of "
        "ours has that number.",
        "unknown_check": "Check how it is written: slashes (/) and hyphens (-) must be "
        "exactly as printed; capitals and small letters may differ.",
        "unknown_noscript": "Your browser does not run JavaScript: type capitals and small "
        "letters exactly as printed.",
        "unknown_contact": "If you received a release with that number, it does not come from "
        "this office. Contact us when in doubt.",
        "lookup_intro": "Every release of {publisher} has a number. Type the number printed on "
        "a release to make sure it is genuine.",
        "lookup_address": "The address that checks one number:",
        "lookup_json": "Every number, for programs (JSON)",
        "numbers_about": "Release numbers issued by {publisher}. A number that is not in "
        "`numbers` was not issued by this office; `not_issued` lists those a klarifikasi denies.",
        "unknown_message": "This number was not issued by {publisher}.",
        "form_label": "Release number",
        "form_button": "Check",
        "recent_numbers": "Latest numbers",
        "klarifikasi_list": "Clarifications",
        "auth_title": "Check authenticity",
        "auth_version": "Version {n}",
        "auth_current": "current",
        "auth_superseded": "superseded by a correction",
        "auth_withdrawn": "retracted, text withdrawn",
        "auth_notice": "retraction notice",
        "auth_text": "text",
        "auth_signature": "signature",
        "auth_how": "Each version of this release is signed by {publisher}. Download the office's "
        "public key once ({key}), then check a text and its signature with minisign:",
        "auth_status": 'The "Trusted comment" line names the version, the number and the '
        "status: current, superseded (replaced by a correction) or retracted.",
        "auth_not_tte": "This proves the text's origin and integrity; it is not a legal "
        "electronic signature (TTE).",
        "auth_now": "Check against the signature the office serves now: a saved copy may "
        "state a standing that has since changed. If the office changes its key, its list of "
        "keys ({keys}) names the current one, and the new key is signed by the old one.",
    },
}


def language_of(site_language: str) -> str:
    """The chrome's language for a newsroom: English only for an English newsroom."""
    return "en" if site_language.lower().startswith("en") else "id"


def words(site_language: str) -> dict[str, str]:
    """The chrome's words for a newsroom whose releases are in `site_language`."""
    return WORDS[language_of(site_language)]


def month_name(month: str, site_language: str) -> str:
    """`2018-12` as `Desember 2018` (or `December 2018`)."""
    year, number = month.split("-")
    return f"{MONTHS[language_of(site_language)][int(number) - 1]} {year}"
