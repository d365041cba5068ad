"""Sharing a newsroom through git ([git] in newsroom.toml; docs/workflow.md, "Many offices").

git.py runs git (no shell, a timeout, errors that say what to do); record.py makes one
commit per workflow action by the person who took it (the door calls it); merge.py is
git's merge driver for release files (append-only changes merge); sync.py is `newsroom
sync` and the publishing server's pull and push; leases.py shares edit leases as refs;
setup.py makes a clone ready; publishing.py is publish's side of it. Nothing here is
imported, and git is never run, while [git] is off.
"""
