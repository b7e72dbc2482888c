#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end test: Koers started from the desktop on a default database it
cannot use explains that in a dialog instead of ending on stderr.

Run by run-e2e.sh like test-e2e.py, whose helpers it borrows.  The default
database (no --database, no KOERS_DATABASE: $XDG_DATA_HOME/koers/koers.db)
is, in turn:

  1. garbage: the dialog (role dialog, named by its title) says the file is
     not a database; "Start a New Database" gives a working window on a new
     file beside it, and the garbage stays byte-identical;
  2. the next start opens that new file straight away (the choice is kept);
  3. a database of a newer Koers (in fresh settings): the dialog says so;
     Quit ends the program with status 0 and the file unchanged.
"""

import argparse
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

Failure, log, find, wait_for, wait_node, press = (
    e2e.Failure, e2e.log, e2e.find, e2e.wait_for, e2e.wait_node, e2e.press)
TITLE = "Cannot Open Database"


def desktop_env(root):
    """The environment of a start from the desktop, with its own data and
    settings under root."""
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(root, "data"),
               XDG_CONFIG_HOME=os.path.join(root, "config"))
    env.pop("KOERS_DATABASE", None)
    return env


def default_path(env):
    return os.path.join(env["XDG_DATA_HOME"], "koers", "koers.db")


def write_default(env, data):
    path = default_path(env)
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def read(path):
    with open(path, "rb") as f:
        return f.read()


def button(root, label):
    """A button by its label (GTK 4.8 names AdwMessageDialog's buttons
    "_Quit Quit": the mnemonic's text, then the label's)."""
    return wait_node(f"the button “{label}”", lambda: root, "push button",
                     pred=lambda n: n.get_name().replace("_", "").split(" " + label)[0] == label
                     and Atspi.Action.get_n_actions(n) > 0)


class Start:
    """One start of koers that shows the dialog."""

    def __init__(self, env, words):
        self.process = subprocess.Popen([e2e.KOERS], env=env)
        self.app = wait_for("the koers application on the AT-SPI bus", e2e.find_app)
        self.dialog = wait_for("the dialog", lambda: e2e.frame_named(self.app, TITLE))
        if self.dialog.get_role_name() != "dialog":
            raise Failure(f"the window “{TITLE}” has the role {self.dialog.get_role_name()}")
        label = wait_node(f"the explanation “…{words}…”", lambda: self.dialog, "label",
                          pred=lambda n: words in n.get_name())
        log(f"the dialog says: {label.get_name()}")
        if "koers.db" not in label.get_name():
            raise Failure("the explanation does not name the file")

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def garbage_run(root):
    env = desktop_env(os.path.join(root, "garbage"))
    garbage = os.urandom(3000)
    old = write_default(env, garbage)
    start = Start(env, "not a database file")
    try:
        press(button(start.dialog, "Start a New Database"))
        main = wait_for("the main window", lambda: e2e.frame_named(start.app, "Koers"))
        wait_node("the department list", lambda: main, "list", "Departments")
        if read(old) != garbage:
            raise Failure("the garbage default database changed")
        new = os.path.join(os.path.dirname(old), "koers (2).db")
        con = sqlite3.connect(new)
        try:
            departments = con.execute("SELECT count(*) FROM departments").fetchone()[0]
        finally:
            con.close()
        log(f"a new database beside the old one: {new}, {departments} departments")
        if departments == 0:
            raise Failure("the new database has no departments")
        koers = e2e.Koers.__new__(e2e.Koers)
        koers.language, koers.process, koers.app, koers.main = "en", start.process, start.app, main
        koers.quit()
    finally:
        start.kill()

    log("starting again: the new database opens without a dialog")
    koers = e2e.Koers(env)
    try:
        if e2e.frame_named(koers.app, TITLE) is not None:
            raise Failure("the dialog shows again")
        koers.quit()
    finally:
        koers.kill()
    if read(old) != garbage:
        raise Failure("the garbage default database changed")


def newer_run(root):
    env = desktop_env(os.path.join(root, "newer"))
    path = default_path(env)
    os.makedirs(os.path.dirname(path), mode=0o700)
    subprocess.run([e2e.KOERS, "--create-demo", path], check=True, stdout=subprocess.DEVNULL,
                   env=env)
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 999")
    con.close()
    before = read(path)
    start = Start(env, "newer version of Koers")
    try:
        press(button(start.dialog, "Quit"))
        code = start.process.wait(timeout=e2e.TIMEOUT)
        if code != 0:
            raise Failure(f"koers exited with status {code} after Quit")
    finally:
        start.kill()
    if read(path) != before:
        raise Failure("the newer database changed")
    if os.listdir(os.path.dirname(path)) != ["koers.db"]:
        raise Failure(f"files beside it: {os.listdir(os.path.dirname(path))}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("koers")
    args = parser.parse_args()
    e2e.KOERS = args.koers
    Atspi.init()
    root = os.path.dirname(os.environ["KOERS_DATABASE"])
    try:
        garbage_run(root)
        newer_run(root)
    except Failure as error:
        print(f"FAIL: {error}", flush=True)
        app = e2e.find_app()
        if app is not None and os.environ.get("KOERS_E2E_DUMP"):
            e2e.dump_tree(app)
        return 1
    print("PASS: a default database Koers cannot use is explained in a dialog", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
