"""The pure core: article model, workflow, store, feeds, config and clock.

Nothing here imports a UI library (textual, rich, click); import-linter and a
test enforce it, so cron's `newsroom publish` starts fast and headless.
"""
