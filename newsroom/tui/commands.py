"""One catalog of commands: it feeds the key bindings, the command palette and the help screen.

Each command has an id (users remap keys by id in their settings), a default key, an
action, and where it applies. Workflow keys are single letters on the desk and the
release screen; every command is also in the palette (ctrl+p).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class Command:
    id: str
    key: str
    action: str
    label: str  # catalog key; help is label + ".help"
    where: str  # app, desk, release, edit
    show: bool = True
    key_display: str | None = None
    priority: bool = False  # before the focused widget's own use of the key


COMMANDS: tuple[Command, ...] = (
    # priority: ctrl+q quits (asking first when text is not saved) from a dialog too
    Command("quit", "ctrl+q", "app.quit", "cmd.quit", "app", priority=True),
    Command("help", "question_mark,f1", "app.help", "cmd.help", "app", key_display="?"),
    Command("palette", "ctrl+p", "app.command_palette", "cmd.palette", "app", show=False),
    Command("language", "ctrl+l", "app.switch_language", "cmd.language", "app", show=False),
    Command("filter", "slash", "filter", "cmd.filter", "desk", key_display="/"),
    Command("clear", "escape", "clear_filter", "cmd.clear", "desk", show=False),
    Command("sort", "o", "sort", "cmd.sort", "desk"),
    Command("open", "enter", "open", "cmd.open", "desk", show=False),
    Command("new", "n", "new", "cmd.new", "desk"),
    Command("publish", "P", "publish", "cmd.publish", "desk"),
    Command("sync", "S", "sync", "cmd.sync", "desk"),
    # shown only while copies of the person's text wait in .newsroom/unsaved/
    Command("unsaved", "u", "unsaved", "cmd.unsaved", "desk"),  # shown only with [git] on
    *(
        Command(f"view_{n}", str(n), f"view({n - 1})", "cmd.view", "desk", show=False)
        for n in range(1, 10)
    ),
    Command("top", "g,home", "top", "cmd.top", "desk", show=False),
    Command("bottom", "G,end", "bottom", "cmd.bottom", "desk", show=False),
    Command("back", "escape", "back", "cmd.back", "release"),
    Command("edit", "e", "edit", "cmd.edit", "release"),
    Command("submit", "s", "submit", "cmd.submit", "release"),
    Command("approve", "a", "approve", "cmd.approve", "release"),
    # An approved release's lift time, moved (a ministry asks to delay): a reviewer's act.
    Command("embargo", "E", "embargo", "cmd.embargo", "release"),
    # The footer lists the keys in this order, the workflow's next steps first: at 80
    # columns what is cut short is the rarest. Publish is there whatever the release's
    # status, as on the desk's list: the run is newsroom-wide (a draft's screen included).
    Command("release_publish", "P", "publish", "cmd.publish", "release"),
    Command("request_changes", "r", "request_changes", "cmd.request_changes", "release"),
    Command("comment", "c", "comment", "cmd.comment", "release"),
    Command("copy_text", "w", "copy_text", "cmd.copy_text", "release"),
    Command("correct", "K", "correct", "cmd.correct", "release"),
    Command("retract", "X", "retract", "cmd.retract", "release"),
    # Undoing what was started: a correction not wanted, a release never published.
    Command(
        "cancel_correction",
        "U",
        "cancel_correction",
        "cmd.cancel_correction",
        "release",
        show=False,
    ),
    Command("delete", "D", "delete", "cmd.delete", "release", show=False),
    Command("published", "v", "toggle_published", "cmd.published", "release"),
    Command("attach", "f", "attach", "cmd.attach", "release", show=False),
    Command("detach", "F", "detach", "cmd.detach", "release", show=False),
    Command("translate", "t", "translate", "cmd.translate", "release", show=False),
    Command("save", "ctrl+s", "save", "cmd.save", "edit"),
    # from the title (where a new release opens) to the text without walking every field
    Command("to_text", "ctrl+t", "to_text", "cmd.to_text", "edit"),
    # in a field of the form (the text keeps Enter for its lines): taken in the order typed,
    # so what follows a fast Enter lands in the next field
    Command(
        "next_field", "enter", "next_field", "cmd.next_field", "edit", show=False, priority=True
    ),
    Command("external", "f4", "external", "cmd.external", "edit"),
    Command("edit_back", "escape", "back", "cmd.back", "edit"),
)

# Workflow actions on the release screen, by their action name (the core's action ids).
WORKFLOW = ("edit", "submit", "approve", "embargo", "request_changes", "comment", "correct",
            "retract", "cancel_correction", "delete")  # fmt: skip


def bindings(where: str) -> list[BindingType]:
    """Textual bindings for one place, with ids so the user's keymap can remap them."""
    return [
        Binding(
            c.key,
            c.action,
            c.label,
            show=c.show,
            key_display=c.key_display,
            id=c.id,
            priority=c.priority,
        )
        for c in COMMANDS
        if c.where == where
    ]


def desk_hints() -> list[BindingType]:
    """On the desk, a key that acts on one release (`s`, `a`, `c`...) says where it works:
    on the release's own screen (it did nothing, silently: a fresh-clone walk)."""
    return [
        Binding(c.key, f"on_release_screen({c.key!r}, {c.label!r})", show=False, id=f"desk_{c.id}")
        for c in COMMANDS
        if c.where == "release" and c.action not in ("back", "publish")
    ]


def for_place(where: str) -> list[Command]:
    return [c for c in COMMANDS if c.where in (where, "app")]
