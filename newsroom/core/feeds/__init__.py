"""Partner-grade feeds: RSS 2.0, Atom (with RFC 5005 archives and RFC 6721 tombstones), JSON Feed.

`content` renders a release to the HTML partners see; `records` keeps what the
planner needs per file (cached by size and mtime); `plan` decides which documents
exist and which entries each holds; `writers` turns a document into bytes.
"""

# Bump when the bytes written for the same input change: it invalidates caches and signatures.
FEED_FORMAT = 8
