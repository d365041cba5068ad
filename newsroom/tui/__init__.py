"""The editors' TUI (Textual): screens, widgets, messages and commands over the core."""
