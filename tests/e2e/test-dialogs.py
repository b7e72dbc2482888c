#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test: every modal window of the real koers is a dialog to a
screen reader, named by its title.

Orca announces a window that opens as "<title> dialog" only when AT-SPI
gives it the dialog role; a window with another role ("filler", "frame")
opens in silence.  Run by run-e2e.sh like test-e2e.py, whose helpers it
uses: koers starts on a demo database, opens each modal window as a user
does (a row's, a card's or the window's action, a menu item, a button in
another dialog), and checks the role and the name of the window that
appears, then closes it.  Every wrong window is reported, not just the
first.

The Import Data and Import Spreadsheet dialogs are not among them (their
roles are checked in test-dialog-roles.c): it opens after a file chooser,
and GTK 4.8's own file chooser does not expose its file list through
AT-SPI, so a test cannot pick a file.
"""

import argparse
import importlib.util
import os
import subprocess
import sys

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "e2e", os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-e2e.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)
Failure, find_app, press, wait_for, wait_node = (
    e2e.Failure, e2e.find_app, e2e.press, e2e.wait_for, e2e.wait_node)


def isolated(text):
    """User text inside a title is a bidi isolate (koers_text_isolate())."""
    return "\u2068" + text + "\u2069"


def action_names(node):
    try:
        return [Atspi.Action.get_action_name(node, i)
                for i in range(Atspi.Action.get_n_actions(node))]
    except Exception:
        return []


def can_act(node):
    return Atspi.Action.get_n_actions(node) > 0


def toplevel_paths(koers):
    return {f.path for f in e2e.frames(koers.app) if f is not None}


def open_modal(koers, opener, title, problems):
    """Runs OPENER and checks the window it opens: the dialog role and
    TITLE as its name; what is wrong goes to PROBLEMS."""
    before = toplevel_paths(koers)
    opener()
    window = wait_for(f"the window “{title}”", lambda: next(
        (f for f in e2e.frames(koers.app) if f is not None and f.path not in before), None))
    # A dialog may set its title just after it is shown.
    try:
        wait_for(f"the name “{title}”", lambda: window.get_name() == title, timeout=2.0)
    except Failure:
        pass
    role, name = window.get_role_name(), window.get_name()
    e2e.log(f"{role} “{name}”")
    if role != "dialog":
        problems.append(f"“{title}” has the role “{role}”, not dialog")
    if name != title:
        problems.append(f"the dialog “{title}” is named “{name}”")
    return window


def close(koers, window):
    path = window.path
    press(window, "window.close")
    wait_for("the window to close", lambda: path not in toplevel_paths(koers))


def dialogs_run():
    folder = os.path.dirname(e2e.DATABASE)
    demo = os.path.join(folder, "dialogs.db")
    subprocess.run([e2e.KOERS, "--create-demo", demo], check=True, stdout=subprocess.DEVNULL)
    koers = e2e.Koers(dict(os.environ, KOERS_DATABASE=demo))
    problems = []
    try:
        koers.select_department("Marketing")
        main = koers.main
        pane = wait_node("the editor pane", lambda: main, "filler", "KoersEditorPane")
        card = wait_node("an objective card", lambda: main, "panel",
                         pred=lambda n: "card.edit" in action_names(n))
        kr = wait_node("a key result row", lambda: main, "list item",
                       pred=lambda n: "kr-row.check-in" in action_names(n))
        # Only a committed objective's card offers "Escalate to Management…".
        committed_card = wait_node("a committed objective's card", lambda: main, "panel",
                                   pred=lambda n: "card.escalate" in action_names(n))
        # The KPI rows are made when their page first shows.
        press(wait_node("the KPIs page switch", lambda: main, None, "KPIs", pred=can_act))
        kpi = wait_node("a KPI row", lambda: main, "list item",
                        pred=lambda n: "kpi-row.update" in action_names(n))
        # Back to the objectives: the Archived list's buttons below act only
        # where they show.
        press(wait_node("the Objectives page switch", lambda: main, None, "Objectives", pred=can_act))

        def menu_item(name):
            def opener():
                koers.open_main_menu()
                press(wait_node(f"the {name} menu item", lambda: main, "menu item", name,
                                pred=can_act))
            return opener

        def button_in(window, what, pred):
            return lambda: press(wait_node(what, lambda: window, "push button",
                                           pred=lambda n: pred(n) and can_act(n)))

        # (whose action opens it, the action, its title)
        for node, action, title in [
                (kr, "kr-row.check-in", "Check In"),
                (kr, "kr-row.edit", "Edit Key Result"),
                (kr, "kr-row.history", "History"),
                (card, "card.edit", "Edit Objective"),
                (committed_card, "card.escalate", "Escalate to Management"),
                (kr, "kr-row.escalate", "Escalate to Management"),
                (kpi, "kpi-row.update", "Update KPI"),
                (kpi, "kpi-row.edit", "Edit KPI"),
                (pane, "editor.add-from-template", "Start from a Template"),
                (main, "win.quarterly-review", "Quarterly Review"),
                (main, "win.export-report", "Export Report"),
                (main, "win.print-report", "Print Report"),
                (main, "win.export-data", "Export Data"),
                (main, "win.export-csv", "Export CSV"),
                (main, "win.add-department", "New Department"),
                (main, "win.show-help-overlay", "Keyboard Shortcuts")]:
            close(koers, open_modal(koers, lambda: press(node, action), title, problems))
        # The About window is libadwaita's, with libadwaita's title.
        for item, title in [("Preferences", "Preferences"), ("About Koers", "About")]:
            close(koers, open_modal(koers, menu_item(item), title, problems))

        # Over another dialog: the objective's history over its editor, a
        # check-in's editor over the key result's history.
        editor = open_modal(koers, lambda: press(card, "card.edit"), "Edit Objective", problems)
        close(koers, open_modal(koers, button_in(editor, "the History button",
                                                 lambda n: n.get_name() == "History"),
                                f"History of “{isolated(card.get_name())}”", problems))
        close(koers, editor)
        details = open_modal(koers, lambda: press(kr, "kr-row.history"), "History", problems)
        close(koers, open_modal(koers, button_in(
            details, "an Edit Check-In button",
            lambda n: n.get_name().startswith("Edit the check-in of")), "Edit Check-In", problems))
        close(koers, details)

        # A message dialog: deleting a department that has objectives.
        menu = wait_node("the Marketing row's menu button", lambda: main, "push button",
                         "Menu of Marketing", pred=can_act)

        def delete_department():
            press(menu)
            press(wait_node("the Delete… menu item", lambda: main, None,
                            pred=lambda n: n.get_name().replace("_", "") == "Delete…"
                            and can_act(n)))
        close(koers, open_modal(koers, delete_department, f"Delete “{isolated('Marketing')}”?", problems))

        # A message dialog: deleting for good an archived objective without
        # check-ins (a new one, archived from its editor), from the Archived list.
        editor = open_modal(koers, lambda: press(pane, "editor.add-objective"), "Edit Objective", problems)
        press(wait_node("the Archive Objective button", lambda: editor, "push button",
                        pred=lambda n: n.get_name().replace("_", "") == "Archive Objective"
                        and can_act(n)))
        wait_for("the editor to close", lambda: editor.path not in toplevel_paths(koers))
        delete = wait_node("its Delete button", lambda: main, "push button",
                           pred=lambda n: n.get_name().startswith(
                               f"Delete “{isolated('New objective')}” for good") and can_act(n))
        close(koers, open_modal(koers, lambda: press(delete), "Delete Objective for Good?", problems))
        # Closed, the dialog deleted nothing: Restore brings the objective back
        # to the cards, and the Archived list goes.
        restore = wait_node("its Restore button", lambda: main, "push button",
                            pred=lambda n: n.get_name().startswith(
                                f"Restore “{isolated('New objective')}”") and can_act(n))
        press(restore)
        wait_for("the Archived list to go", lambda: e2e.find(
            main, "push button", None,
            lambda n: n.get_name().startswith(f"Restore “{isolated('New objective')}”")) is None)

        # Message dialogs of the Capacity page: a department's capacity.
        press(main, "win.show-capacity")
        close(koers, open_modal(koers, button_in(main, "a Set Capacity… button",
                                                 lambda n: n.get_name() == "Set Capacity…"),
                                "Set Capacity", problems))
        press(main, "win.show-escalations")
        wait_node("the Escalations list", lambda: main, "list", "Escalations")
    finally:
        koers.kill()
    if problems:
        raise Failure("; ".join(problems))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("koers")
    e2e.KOERS = parser.parse_args().koers
    Atspi.init()
    try:
        dialogs_run()
    except Failure as error:
        print(f"FAIL: {error}", flush=True)
        app = find_app()
        if app is not None and os.environ.get("KOERS_E2E_DUMP"):
            e2e.dump_tree(app)
        return 1
    print("PASS: every modal window is a dialog named by its title", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
