"""E-mail to journalists: every release version publish puts out, once per address.

- `recipients.py`: a list's file of addresses, read with line-numbered problems.
- `message.py`: the message of a release version (plain text and HTML, threading headers).
- `sendlog.py`: the send log under `.newsroom/mail/` (what is queued, sent, failed).
- `smtp.py`: talking to the office's server (one connection a batch; 4xx later, 5xx failed).
- `output.py`: the AFTER_LOCK output of publish: decides what is owed, then sends it
  after the publish lock is released, under a lock of its own.

Nothing here is imported by a publish with no `[[lists]]`: mail costs nothing until an
office sets it up.
"""
