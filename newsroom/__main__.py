"""`python -m newsroom`: the same as the `newsroom` command."""

from newsroom.cli import main

main()
