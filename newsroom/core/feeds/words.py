"""The words feeds put in front of partners, in the feed's language: one table.

Indonesian unless the language is English; every notice, mark and title part the feeds
write comes from here (a release's words by its own language, a feed's by the site's).
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "id": {
        "correction": "Ralat",
        "retracted": "DICABUT",
        "retraction": "Siaran pers ini dicabut",
        "photo": "Foto",
        "embargo": "EMBARGO hingga",
        "correction_notice": "RALAT",
        "lift_notice": "EMBARGO BERAKHIR",
        "lifted": "Embargo berakhir",
        "lifted_text": "siaran pers ini kini boleh disiarkan",
        "moved_notice": "EMBARGO DIUBAH",
        "moved": "Embargo diubah",
        "moved_to": "kini hingga",
        "moved_from": "sebelumnya hingga",
        "withdrawn_notice": "EMBARGO DITARIK",
        "withdrawn": "Embargo ditarik",
        "withdrawn_text": "siaran pers yang Anda terima dengan embargo hingga {lift} ditarik "
        "sebelum embargonya berakhir dan tidak boleh disiarkan",
        "again_notice": "EMBARGO BERLAKU LAGI",
        "again": "Embargo berlaku lagi",
        "again_text": "siaran pers yang embargonya ditarik kini kembali diberikan dengan embargo "
        "hingga {lift} dan tidak boleh disiarkan sebelum waktu itu",
        "replaces": "Versi ini menggantikan versi sebelumnya",
        "again_before": "embargo yang ditarik berlaku hingga",
        "again_changed": "Teksnya dapat berbeda dari yang Anda terima sebelumnya: siarkan hanya "
        "teks terbarunya",
        "release": "Siaran pers",
        "number": "nomor",
        "published": "terbit",
        "for": "untuk",
        "archive": "arsip",
        "part": "bagian",
        "number_label": "Nomor",
        "attachments": "Lampiran",
        "klarifikasi": "Klarifikasi atas siaran pers palsu bernomor",
        "draft": "DRAF: belum disetujui, jangan disebarkan",
        "verify": "Cek keaslian (minisign)",
        "public_key": "Kunci publik",
        "how": "cara",
    },
    "en": {
        "correction": "Correction",
        "retracted": "RETRACTED",
        "retraction": "This release was retracted",
        "photo": "Photo",
        "embargo": "EMBARGOED until",
        "correction_notice": "CORRECTION",
        "lift_notice": "EMBARGO LIFTED",
        "lifted": "Embargo lifted",
        "lifted_text": "this release may now be published",
        "moved_notice": "EMBARGO CHANGED",
        "moved": "Embargo changed",
        "moved_to": "now until",
        "moved_from": "previously until",
        "withdrawn_notice": "EMBARGO WITHDRAWN",
        "withdrawn": "Embargo withdrawn",
        "withdrawn_text": "the release you received under embargo until {lift} was withdrawn "
        "before its embargo lifted and must not be published",
        "again_notice": "EMBARGOED AGAIN",
        "again": "Under embargo again",
        "again_text": "the release whose embargo was withdrawn is again under embargo until "
        "{lift} and must not be published before then",
        "replaces": "This version replaces the earlier ones",
        "again_before": "the embargo withdrawn was until",
        "again_changed": "Its text may differ from the one you received before: publish only "
        "its latest text",
        "release": "Release",
        "number": "number",
        "published": "published",
        "for": "for",
        "archive": "archive",
        "part": "part",
        "number_label": "Number",
        "attachments": "Attachments",
        "klarifikasi": "Clarification of forged releases numbered",
        "draft": "DRAFT: not approved, do not share",
        "verify": "Check it is authentic (minisign)",
        "public_key": "Public key",
        "how": "how",
    },
}


def words(language: str) -> dict[str, str]:
    """Notice words in a language (Indonesian unless it is English)."""
    return WORDS["en" if language.startswith("en") else "id"]


def correction_head(language: str, number: int) -> str:
    """How every notice of a correction is titled (a feed's notice item, a mail's subject):
    `RALAT` for the first, `RALAT 2` from the second on (the text itself says `Ralat 1`)."""
    return words(language)["correction_notice"] + (f" {number}" if number > 1 else "")
