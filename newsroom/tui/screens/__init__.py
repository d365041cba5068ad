"""The TUI's screens: the desk, a release, the editor, and the modal dialogs."""
