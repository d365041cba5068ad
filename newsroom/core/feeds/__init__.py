"""Partner-grade feeds: RSS 2.0, Atom (with RFC 5005 archives and RFC 6721 tombstones), JSON Feed.

`content` renders a release to the HTML partners see; `records` keeps what the
planner needs per file (cached by size and mtime); `plan` decides which documents
exist and which entries each holds; `writers` turns a document into bytes.
"""

# Bump when the bytes written for the same input change: it invalidates caches and signatures.
FEED_FORMAT = 9  # 9: release numbers, attachments, klarifikasi


def render_key() -> str:
    """What feed content depends on besides the config: the format and the Markdown renderer
    (part of the cache's key, so cached content never outlives either)."""
    from .markdown import renderer_name

    return f"{FEED_FORMAT}:{renderer_name()}"
