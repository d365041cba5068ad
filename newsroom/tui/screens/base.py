"""What every screen shares: translated bindings (remappable by id) and helpers to the app."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, cast

from textual.await_complete import AwaitComplete
from textual.binding import BindingsMap
from textual.screen import ModalScreen, Screen

from ..widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from ..app import NewsroomApp


def translate_bindings(node: Any, app: NewsroomApp) -> None:
    """Replace the node's binding descriptions (catalog keys) with text in the UI language;
    an action in the node's `relabel` takes the catalog key given there."""
    original = getattr(node, "_original_bindings", None)
    if original is None:
        original = node._bindings
        node._original_bindings = original
    relabel = getattr(node, "relabel", {})
    translated = BindingsMap()
    for key, bindings in original.key_to_bindings.items():
        for binding in bindings:
            label = relabel.get(binding.action, binding.description)
            short = label + ".short"  # the footer's word when the full one would not fit at 80
            if label.startswith("cmd.") and app.t.has(short):
                text = app.t(short)
            elif label.startswith(("cmd.", "modal.")):
                text = app.t(label, n=binding.key)
            else:
                text = label
            tip = app.t(label + ".help") if label.startswith("cmd.") else binding.tooltip
            translated.key_to_bindings.setdefault(key, []).append(
                dataclasses.replace(binding, description=text, tooltip=tip)
            )
    node._bindings = translated


class AppScreen(Screen[None]):
    """A full screen of the newsroom app."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.relabel: dict[str, str] = {}  # action -> the catalog key its key is labelled by
        translate_bindings(self, self.nr_app)

    def on_mount(self) -> None:
        """Built (Textual runs this after the screen's own on_mount, which set its focus):
        the keys typed meanwhile go to it now (see NewsroomApp.hold_keys)."""
        self.nr_app.built(self)

    @property
    def nr_app(self) -> NewsroomApp:
        return cast("NewsroomApp", self.app)

    def leave(self) -> None:
        """Close this screen, if it is still the one on top (a queued key never closes the
        screen under it)."""
        if self.app.screen is self:
            self.app.pop_screen()

    def retranslate(self) -> None:
        """After a language switch."""
        translate_bindings(self, self.nr_app)
        self.refresh_bindings()


class AppModal(ModalScreen[Any]):
    """A dialog of the newsroom app, with a footer of its own: while it is open only its
    keys work (Textual stops the key chain at a modal), so only those are shown.

    A dialog answers once: a second Enter typed before it closed (or a click) is ignored,
    never taken for an answer to the screen under it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        translate_bindings(self, self.nr_app)
        self.answered = False
        self.below: Screen[Any] | None = None  # the screen it opened over

    def on_mount(self) -> None:
        from textual.widgets import Input

        self.mount(KeysFooter())
        # Where a person types (the embargo, a note, a passphrase), the notices stand at the
        # top: at 80x24 the fields and buttons are at the dialog's foot, where a notice
        # would hide what is typed (newsroom.tcss, `.-typing`).
        self.set_class(bool(self.query(Input)), "-typing")
        # The screen under it shows through the dim, its scrollbars too: beside a dialog
        # that scrolls (help, the checklist) they read as a second scrollbar of the dialog.
        stack = self.app.screen_stack
        self.below = stack[-2] if len(stack) > 1 and stack[-1] is self else None
        if self.below is not None:
            self.below.add_class("-under-dialog")
        self.nr_app.built(self)

    def on_unmount(self) -> None:
        if self.below is not None:
            self.below.remove_class("-under-dialog")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self.answered

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self.answered or self.app.screen is not self:
            return cast(AwaitComplete, AwaitComplete.nothing())  # type: ignore[no-untyped-call]
        self.answered = True
        # The keys typed after the answer wait for what it opens (see NewsroomApp.answered).
        self.nr_app.hold_keys(self)
        done = super().dismiss(result)
        self.nr_app.answered(self)
        return done

    @property
    def nr_app(self) -> NewsroomApp:
        return cast("NewsroomApp", self.app)
