# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test of escalation and capacity, through the accessibility
tree (run by run-e2e.sh, as test-e2e.py):

  1. on the demo, a committed key result of Marketing: its row's
     "Escalate to management" button, the reason and the help asked;
  2. the escalation is in the database with who and when, and the
     Escalations page lists it (and the sidebar row counts it);
  3. the Capacity page shows each department's words;
  4. the PDF report (koers --export-pdf) names it among the open
     escalations.
"""

import importlib.util
import os
import subprocess
import sqlite3
import sys

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "e2e", os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-e2e.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)
Failure, press, set_text, wait_for, wait_node, find = (
    e2e.Failure, e2e.press, e2e.set_text, e2e.wait_for, e2e.wait_node, e2e.find)

REASON = "The payment provider blocks the new checkout"
HELP = "A decision on a second provider this week"


def can_act(node):
    return Atspi.Action.get_n_actions(node) > 0


def committed_key_result(demo):
    """Marketing's first committed key result of the current quarter without an escalation."""
    con = sqlite3.connect(demo)
    try:
        return con.execute(
            "SELECT k.title, o.title FROM key_results k JOIN objectives o ON o.id = k.objective_id"
            " JOIN departments d ON d.id = o.department_id"
            " WHERE d.name = 'Marketing' AND o.kind = 'committed' AND o.period LIKE '%-Q%'"
            " AND k.id NOT IN (SELECT coalesce (key_result_id, 0) FROM escalations)"
            " ORDER BY o.position, k.position LIMIT 1").fetchone()
    finally:
        con.close()


def select_tool(koers, name):
    tools = wait_node("the tools list", lambda: koers.main, "list", "Checks")
    for i in range(tools.get_child_count()):
        if tools.get_child_at_index(i).get_name() == name:
            Atspi.Selection.select_child(tools, i)
            return
    raise Failure(f"no {name} row below the sidebar")


def escalate(koers, kr_title):
    e2e.log(f"escalating “{kr_title}” from its row")
    koers.select_department("Marketing")
    row = e2e.kr_row(koers, kr_title)
    press(wait_node("the row's Escalate button", lambda: row, "push button",
                    "Escalate to management", pred=can_act))
    dialog = koers.window("Escalate to Management")
    set_text(wait_node("the reason field", lambda: dialog, "text", "Why it is at risk"), REASON)
    set_text(wait_node("the help field", lambda: dialog, "text", "Help asked of management"), HELP)
    press(wait_node("an enabled Escalate button", lambda: dialog, "push button",
                    pred=lambda n: n.get_name().split(" ")[-1] == "Escalate"
                    and n.get_state_set().contains(Atspi.StateType.SENSITIVE) and can_act(n)))
    wait_for("the dialog to close",
             lambda: e2e.frame_named(koers.app, "Escalate to Management") is None)
    rows = wait_for("the escalation in the database", lambda: e2e.db_rows(
        "SELECT e.reason, e.help, e.raised_at FROM escalations e JOIN key_results k"
        " ON k.id = e.key_result_id WHERE k.title = ? AND e.resolved = 0", (kr_title,)))
    if rows[0][0] != REASON or rows[0][1] != HELP or rows[0][2] <= 0:
        raise Failure(f"the escalation reads {rows}")


def check_pages(koers, kr_title, objective_title):
    e2e.log("the Escalations page")
    select_tool(koers, "Escalations")
    listing = wait_node("the escalations list", lambda: koers.main, "list", "Escalations")
    wait_node("the escalation in the list", lambda: listing, "list item",
              pred=lambda n: n.get_name().startswith(f"{objective_title} › {kr_title}"))
    shot = os.environ.get("KOERS_E2E_SHOT")
    if shot:
        subprocess.run(["import", "-window", "root", shot + "-escalations.png"], check=False)

    e2e.log("the Capacity page")
    select_tool(koers, "Capacity")
    departments = wait_node("the capacity list", lambda: koers.main, "list", "Capacity per department")
    wait_node("Marketing's capacity in words", lambda: departments, "list item",
              pred=lambda n: n.get_name().startswith("Marketing: Committed work uses"))
    if shot:
        subprocess.run(["import", "-window", "root", shot + "-capacity.png"], check=False)


def check_pdf(demo, kr_title):
    e2e.log("the PDF's open escalations")
    pdf = os.path.join(os.path.dirname(demo), "capacity.pdf")
    subprocess.run([e2e.KOERS, "--database", demo, "--export-pdf", pdf, "--language", "en"],
                   check=True, stdout=subprocess.DEVNULL)
    text = " ".join(subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    start = text.find("Open escalations")
    if start < 0:
        raise Failure("the report has no open escalations")
    if REASON not in text[start:] or kr_title.rstrip(".") not in text[start:]:
        raise Failure("the report's open escalations lack the new one")
    if "Capacity per department" not in text:
        raise Failure("the report has no capacity page")


def main():
    e2e.KOERS = sys.argv[1]
    Atspi.init()
    demo = os.path.join(os.path.dirname(e2e.DATABASE), "capacity.db")
    subprocess.run([e2e.KOERS, "--create-demo", demo], check=True, stdout=subprocess.DEVNULL)
    e2e.DATABASE = demo
    kr_title, objective_title = committed_key_result(demo)
    koers = e2e.Koers(dict(os.environ, KOERS_DATABASE=demo))
    try:
        escalate(koers, kr_title)
        check_pages(koers, kr_title, objective_title)
    except Failure as error:
        print(f"FAIL: {error}", flush=True)
        return 1
    finally:
        koers.kill()
    try:
        check_pdf(demo, kr_title)
    except (Failure, ValueError) as error:
        print(f"FAIL: {error}", flush=True)
        return 1
    print("PASS: escalation and capacity end to end", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
