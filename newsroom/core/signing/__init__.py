"""Signatures anyone can check with the stock `minisign`: the office's key pair, a signed
`SHA256SUMS` over every public file of a run, and a signed text of each release version.

`minisign.py` reads and writes minisign's formats; `keys.py` keeps the office's keys
(`newsroom keys`); `sums.py` builds the checksum lists; `output.py` is publish's SEAL
output; `verify.py` is `newsroom verify`. Nothing here is imported by a publish with
nothing to do, and `cryptography` loads only when something is signed or checked.
"""
