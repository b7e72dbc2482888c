# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of teams and three-level alignment, through the
accessibility tree (run by run-e2e.sh, as test-e2e.py):

  1. on the demo, Marketing's row menu: Add Team…, named "Growth";
  2. the team is selected: Add Objective, titled; it is aligned to a
     Marketing objective (written as another process, see below);
  3. the Alignment page lists the team objective after that Marketing
     objective;
  4. the PDF report (koers --export-pdf) lists it on its alignment page
     after the Marketing objective, and not as unaligned.
"""

import importlib.util
import os
import sqlite3
import subprocess
import sys

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "e2e", os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-e2e.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)
Failure, press, set_text, wait_for, wait_node = (
    e2e.Failure, e2e.press, e2e.set_text, e2e.wait_for, e2e.wait_node)

TEAM = "Growth"
OBJECTIVE = "Win two referral partners"


def can_act(node):
    return Atspi.Action.get_n_actions(node) > 0


def department_objective(demo):
    con = sqlite3.connect(demo)
    try:
        return con.execute(
            "SELECT o.title FROM objectives o JOIN departments d ON d.id = o.department_id"
            " WHERE d.name = 'Marketing' ORDER BY o.id LIMIT 1").fetchone()[0]
    finally:
        con.close()


def add_team(koers):
    e2e.log("adding the team Growth from Marketing's menu")
    row = koers.department_row("Marketing")
    menu = wait_node("Marketing's menu button", lambda: row, "push button", "Menu of Marketing",
                     pred=can_act)
    press(menu)
    item = wait_node("the Add Team item", lambda: koers.main, "menu item", "Add Team…",
                     pred=can_act)
    press(item)
    dialog = koers.window("New Team")
    name = wait_node("the team's name field", lambda: dialog, "text", "Name")
    set_text(name, TEAM)
    # GTK 4.8 names a response button "_Add Add" (label and text).
    press(wait_node("the Add button", lambda: dialog, "push button",
                    pred=lambda n: n.get_name().split(" ")[-1] == "Add" and can_act(n)))
    wait_node("the team in the sidebar", lambda: koers.main, "list item", TEAM)


def add_team_objective(koers, demo, supported):
    e2e.log("adding the team's objective, aligned to Marketing's")
    koers.select_department(TEAM)
    press(wait_node("the Add Objective button", lambda: koers.main, "push button",
                    pred=lambda n: "Add Objective" in n.get_name() and can_act(n)))
    editor = koers.window("Edit Objective")
    set_text(wait_node("the objective's title field", lambda: editor, "text", "Title"), OBJECTIVE)
    wait_node("the card with the new title", lambda: koers.main, "label", OBJECTIVE)
    wait_node("the Supports row", lambda: editor, "combo box", "Supports")
    e2e.close_editor(koers, editor)
    # GTK 4.8 gives an AdwComboRow no AT-SPI action that opens its list
    # (only clipboard and menu.popup), so this one step is written as
    # another process would: the window follows other writers.
    con = sqlite3.connect(demo)
    try:
        con.execute("UPDATE objectives SET aligned_to_id ="
                    " (SELECT id FROM objectives WHERE title = ?) WHERE title = ?",
                    (supported, OBJECTIVE))
        con.commit()
    finally:
        con.close()
    wait_for("the alignment in the database", lambda: e2e.db_rows(
        "SELECT count(*) FROM objectives t JOIN objectives d ON t.aligned_to_id = d.id"
        " WHERE t.title = ? AND d.title = ?", (OBJECTIVE, supported))[0][0] == 1)


def check_alignment_page(koers, supported):
    e2e.log("opening the Alignment page")
    tools = wait_node("the tools list", lambda: koers.main, "list", "Checks")
    for i in range(tools.get_child_count()):
        if tools.get_child_at_index(i).get_name() == "Alignment":
            Atspi.Selection.select_child(tools, i)
            break
    else:
        raise Failure("no Alignment row below the sidebar")
    tree = wait_node("the alignment list", lambda: koers.main, "list", "Alignment")
    names = wait_for("the team objective in the alignment", lambda: (
        lambda ns: ns if any(n.startswith(OBJECTIVE) for n in ns) else None)(
            [tree.get_child_at_index(i).get_name() for i in range(tree.get_child_count())]))
    team_index = next(i for i, n in enumerate(names) if n.startswith(OBJECTIVE))
    parent_index = next(i for i, n in enumerate(names) if n.startswith(supported))
    if not parent_index < team_index:
        raise Failure(f"the team objective is not under “{supported}”: {names}")
    if not names[team_index].startswith(f"{OBJECTIVE}, {TEAM}, score"):
        raise Failure(f"the alignment row reads “{names[team_index]}”")
    shot = os.environ.get("KOERS_E2E_SHOT")
    if shot:
        subprocess.run(["import", "-window", "root", shot], check=False)


def check_pdf(demo, supported):
    e2e.log("the PDF's alignment page")
    pdf = os.path.join(os.path.dirname(demo), "teams.pdf")
    subprocess.run([e2e.KOERS, "--database", demo, "--export-pdf", pdf, "--language", "en"],
                   check=True, stdout=subprocess.DEVNULL)
    text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout
    start = text.index("How team objectives support")
    end = text.index("\f", start)
    page = " ".join(text[start:end].split())
    if OBJECTIVE not in page or supported.rstrip(".") not in page:
        raise Failure("the alignment page lacks the team objective or the one it supports")
    if page.index(supported.rstrip(".")) > page.index(OBJECTIVE):
        raise Failure("the team objective comes before the objective it supports")
    unaligned = page.find("Not aligned to an objective one level up")
    if unaligned >= 0 and page.find(OBJECTIVE, unaligned) >= 0:
        raise Failure("the team objective is listed as not aligned")


def main():
    e2e.KOERS = sys.argv[1]
    Atspi.init()
    demo = os.path.join(os.path.dirname(e2e.DATABASE), "teams.db")
    subprocess.run([e2e.KOERS, "--create-demo", demo], check=True, stdout=subprocess.DEVNULL)
    e2e.DATABASE = demo
    supported = department_objective(demo)
    koers = e2e.Koers(dict(os.environ, KOERS_DATABASE=demo))
    try:
        add_team(koers)
        add_team_objective(koers, demo, supported)
        check_alignment_page(koers, supported)
    except Failure as error:
        print(f"FAIL: {error}", flush=True)
        return 1
    finally:
        koers.kill()
    try:
        check_pdf(demo, supported)
    except (Failure, ValueError) as error:
        print(f"FAIL: {error}", flush=True)
        return 1
    print("PASS: teams and alignment end to end", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
