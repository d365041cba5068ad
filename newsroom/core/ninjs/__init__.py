"""ninjs 2.1 (IPTC's news in JSON, what agencies exchange): an output of publish.

For each published release, beside its page in the public record (docs: decision 2):

- `siaran-pers/<slug>/v<N>.ninjs.json`: version N as it was published, written once (the
  first publication, each correction, the retraction);
- `siaran-pers/<slug>/ninjs.json`: the current version (what an agency polls).

A retraction withdraws the earlier versions' documents from the public folder, leaving the
canceled one (`pubstatus` canceled, the reason in `ednote`), as `ninjs.json` too. An
embargoed release is only in the private folder of each partner with `embargo_access`
(`private/<name>/ninjs/<slug>.json`, with `embargoed`), until the lift. `ninjs/index.json`
lists the newest documents (newest first: uri, version, pubstatus, versioncreated, headline,
href), and links the months before (`ninjs/archive/YYYY-MM.json`, each linking the one
before), paged like the feeds' archives: a month's page changes only when one of its
releases does. A partner subscribes in its own folder, beside its feeds: `partner/<name>/ninjs/`
(`private/<name>/ninjs/` with embargo access, its embargoed ones listed first) holds the index
of what its filters take and, when it filters, its own months.

The mapping is the way agencies read it: `uri` is the release's id (`urn:uuid:…`, stable
across versions, as in the feeds); `version` counts corrections from 1; `firstcreated` is
the first publication, `versioncreated` this version's; `ednote` the correction's note or
the retraction's reason; `headlines`, `bodies` (HTML as in the feeds, and plain text),
`descriptions` (the summary), `located` (the dateline), `by` (the sign-off),
`copyrightholder` (the office), `altids` (the release number), `subjects` (categories, and
tags as keywords), `language`, and the photo and attachments as `associations` with their
`renditions`. Versions come from versions.py, the one answer every output shares.
Incremental: a release's documents are rebuilt only when its record's digest moved.

`output.py` is the output (which releases, the index pages, the run's state); `releases.py`
one release's documents, as the reading workers make them, and who gets which;
`document.py` the mapping; `gone.py` the canceled documents of releases whose file went
away; `made.py` a first run's store of the documents made while reading.
"""
