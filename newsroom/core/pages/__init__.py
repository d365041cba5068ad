"""The public record: a page behind every link of the feeds (issue 13).

Publish writes, beside the feeds in feeds/, a static HTML page for each published release,
the index (newest first, then by month), an index per category (then by year), and the
lookup by number with its anti-hoax answer (urls.py has the layout). `output.py` is the
output; `source.py` reads a release for its page; `release.py`, `indexes.py` and
`lookup.py` make the HTML and JSON; `words.py` holds the chrome's words.
"""

# Bump when the bytes written for the same releases change: every page is made again.
PAGES_FORMAT = 10  # 3: a date is never broken across lines; 4: the lookup JSON in both
# languages; 5: an element for each notice a feed links to (`#ralat-1`, `#embargo`, ...);
# 6: the "not issued" page finds a number typed in another case (lookup.py); 7: it says
# the case does not matter (and must match without scripts), and a release page shows its
# lookup address with its `/` as written (urls.number_shown_url); 8: a release held under
# embargo again after a withdrawal at another lift says so (`#embargo-lagi-1`); 9: a
# retracted release without a number says only its title stays on record; 10: a retracted
# release's page keeps its corrections and embargo (the fragments partners' notices link),
# and "Cek keaslian" says to check the signature served now and links the list of keys
