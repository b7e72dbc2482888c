# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end on the company server (suite server): two real koers
processes, each with its window, on one PostgreSQL database, driven
through the accessibility tree.  Run by run-with-postgresql.sh (a throwaway
server: PGHOST, PGPORT, …) around run-e2e.sh (Xvfb, D-Bus, AT-SPI).

  1. `koers --server-setup` prepares a new database; window A (English)
     and window B (Dutch) open it and both show Marketing;
  2. an objective added in A, and then its new title, show in B within
     1 s (measured; 2 s asserted, for a loaded machine);
  3. a conflicting edit: B edits the title A has just changed, before B
     has heard of A's change.  B gets the conflict sentence in Dutch, the
     server keeps A's title, B shows it; typed again, B's title is saved
     and shows in A.

GApplication is single-instance: a second `koers` on the same session bus
would only raise the first window.  B runs on a session bus of its own
(dbus-run-session) and finds the accessibility bus through
AT_SPI_BUS_ADDRESS, so both are on the tree this script reads.

B reaches the server through a small proxy of this script.  Without it B
would hear of A's change within milliseconds and never edit a stale
title: the proxy holds back what the server sends B while A saves and B
types, which is what a slow network does.
"""

import importlib.util
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "e2e", os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-e2e.py"))
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)
Failure, press, set_text, wait_for, wait_node, find, log = (
    e2e.Failure, e2e.press, e2e.set_text, e2e.wait_for, e2e.wait_node, e2e.find, e2e.log)

DATABASE = "koers_e2e_windows"
DEPARTMENT = "Marketing"
NEW = "Open the Ghent office"
RENAMED = "Open the Ghent office by June"
THEIRS = "Open the Ghent office by May"
MINE = "Open the Antwerp office by May"
# The conflict sentence of src/store/koers-store-watch.c in po/nl.po.
CONFLICT_NL = "nadat u het opende"
LIVE_ALLOWED_S = 2.0


class Proxy:
    """Forwards TCP connections to the test server; hold() keeps what the
    server sends back until release()."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port = self.listener.getsockname()[1]
        self.lock = threading.Lock()
        self.holding = False
        self.held = {}            # client socket -> bytes the server sent meanwhile
        self.sent_while_held = 0  # bytes clients sent meanwhile
        self.pairs = {}           # socket -> its other end
        threading.Thread(target=self.run, daemon=True).start()

    def upstream(self):
        host = os.environ.get("PGHOST", "localhost")
        port = int(os.environ.get("PGPORT", "5432"))
        if host.startswith("/"):
            s = socket.socket(socket.AF_UNIX)
            s.connect(f"{host}/.s.PGSQL.{port}")
            return s
        return socket.create_connection((host, port))

    def run(self):
        clients = set()
        while True:
            readable, _, _ = select.select([self.listener] + list(self.pairs), [], [], 0.05)
            for s in readable:
                if s is self.listener:
                    client, _ = self.listener.accept()
                    server = self.upstream()
                    self.pairs[client], self.pairs[server] = server, client
                    clients.add(client)
                    continue
                if s not in self.pairs:
                    continue
                data = s.recv(65536)
                other = self.pairs[s]
                if not data:
                    for end in (s, other):
                        self.pairs.pop(end, None)
                        end.close()
                    continue
                with self.lock:
                    if s in clients:
                        if self.holding:
                            self.sent_while_held += len(data)
                        other.sendall(data)
                    elif self.holding:
                        self.held[other] = self.held.get(other, b"") + data
                    else:
                        other.sendall(data)

    def hold(self):
        with self.lock:
            self.holding = True
            self.sent_while_held = 0

    def client_sent(self):
        with self.lock:
            return self.sent_while_held

    def release(self):
        with self.lock:
            self.holding = False
            for client, data in self.held.items():
                client.sendall(data)
            self.held = {}


def psql(sql, database=DATABASE):
    return subprocess.run(["psql", "-X", "-q", "-At", "-d", database, "-c", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


def a11y_bus_address():
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)
    reply = bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", None,
                          GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, 5000)
    return reply.unpack()[0]


def koers_apps():
    desktop = Atspi.get_desktop(0)
    apps = []
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        try:
            if app is not None and app.get_name() == "koers":
                apps.append(app)
        except GLib.GError:
            continue
    return apps


class Window(e2e.Koers):
    """One koers process and its main window, found among others."""

    def __init__(self, command, env, known, language):
        self.language = language
        self.process = subprocess.Popen(command, env=env)
        pids = {app.get_process_id() for app in known}
        self.app = wait_for("a new koers on the AT-SPI bus", lambda: next(
            (a for a in koers_apps() if a.get_process_id() not in pids), None))
        # B's process is dbus-run-session's child: ended by its own id.
        self.pid = self.app.get_process_id()
        self.main = wait_for("its main window", lambda: e2e.frame_named(self.app, "Koers"))
        wait_node("its department list", lambda: self.main, "list", self.text("Departments"))

    def card(self, title):
        return wait_node(f"the card of “{title}”", lambda: self.main, "panel",
                         pred=lambda n: find(n, "label", title) is not None
                         and "card.edit" in [Atspi.Action.get_action_name(n, i)
                                             for i in range(Atspi.Action.get_n_actions(n))])

    def kill(self):
        if self.process.poll() is None:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def shows(window, title, timeout):
    """Seconds until a label reads title in window (looked for every 20 ms)."""
    start = time.monotonic()
    while find(window.main, "label", title) is None:
        if time.monotonic() - start > timeout:
            raise Failure(f"“{title}” did not show in the other window in {timeout} s")
        time.sleep(0.02)
    return time.monotonic() - start


def live(a, b):
    log("adding an objective in A")
    press(find(a.main, "push button", pred=lambda n: "Add Objective" in n.get_name()
               and Atspi.Action.get_n_actions(n) > 0))
    editor = a.window("Edit Objective")
    title = wait_node("the title field", lambda: editor, "text", "Title")
    set_text(title, NEW)
    figures = [shows(b, NEW, 10)]
    log(f"the new objective showed in B after {figures[0]:.2f} s")
    set_text(title, RENAMED)
    figures.append(shows(b, RENAMED, 10))
    log(f"its new title showed in B after {figures[1]:.2f} s")
    e2e.close_editor(a, editor)
    for what, seconds in zip(("the new objective", "the new title"), figures):
        if seconds > LIVE_ALLOWED_S:
            raise Failure(f"{what} took {seconds:.2f} s to show in the other window "
                          f"({LIVE_ALLOWED_S} s allowed)")


def conflict(a, b, proxy):
    log("both open the objective's editor")
    press(b.card(RENAMED), "card.edit")
    b_editor = b.window("Doelstelling bewerken")
    b_title = wait_node("B's title field", lambda: b_editor, "text", "Titel")
    press(a.card(RENAMED), "card.edit")
    a_editor = a.window("Edit Objective")
    a_title = wait_node("A's title field", lambda: a_editor, "text", "Title")

    proxy.hold()
    log("A changes the title while B hears nothing from the server")
    set_text(a_title, THEIRS)
    wait_for("A's title on the server", lambda: psql(
        f"SELECT count(*) FROM objectives WHERE title = '{THEIRS}'") == "1")

    # B saves as it types: its save waits for the server's answer, which
    # the proxy holds until the save has reached the server.
    typing = threading.Thread(target=set_text, args=(b_title, MINE))
    typing.start()
    wait_for("B's save to reach the server", lambda: proxy.client_sent() > 0)
    time.sleep(0.3)
    proxy.release()
    typing.join(timeout=30)

    toast = wait_node("the conflict sentence in Dutch in B's editor", lambda: b_editor, "label",
                      pred=lambda n: CONFLICT_NL in n.get_name())
    log(f"B says: {toast.get_name()}")
    stored = psql("SELECT title FROM objectives WHERE title LIKE 'Open the%'")
    if stored != THEIRS:
        raise Failure(f"the server holds “{stored}” after the refused save, not A's “{THEIRS}”")
    wait_node("A's title in B's window", lambda: b.main, "label", THEIRS)

    log("B makes its change again")
    set_text(b_title, MINE)
    wait_for("B's title on the server", lambda: psql(
        "SELECT title FROM objectives WHERE title LIKE 'Open the%'") == MINE)
    seconds = shows(a, MINE, 10)
    log(f"B's title showed in A after {seconds:.2f} s")
    for window, editor in ((a, a_editor), (b, b_editor)):
        e2e.close_editor(window, editor)


def main():
    if not os.environ.get("KOERS_TEST_DATABASE"):
        print("SKIP: needs a server (run-with-postgresql.sh)")
        return 77
    e2e.KOERS = sys.argv[1]
    psql(f"DROP DATABASE IF EXISTS {DATABASE}", "postgres")
    psql(f"CREATE DATABASE {DATABASE}", "postgres")
    uri = f"postgresql:///{DATABASE}"
    subprocess.run([e2e.KOERS, "--server-setup", "--database", uri], check=True,
                   stdout=subprocess.DEVNULL)
    Atspi.init()
    proxy = Proxy()
    windows = []
    try:
        env = dict(os.environ)
        env.pop("KOERS_DATABASE", None)
        a = Window([e2e.KOERS, "--database", uri], env, [], "en")
        windows.append(a)
        env_b = dict(env, LANGUAGE="nl", LC_ALL="C.UTF-8", AT_SPI_BUS_ADDRESS=a11y_bus_address())
        b = Window(["dbus-run-session", "--", e2e.KOERS, "--database",
                    f"postgresql://127.0.0.1:{proxy.port}/{DATABASE}"], env_b, [a.app], "nl")
        windows.append(b)
        for window in windows:
            window.select_department(DEPARTMENT)
        live(a, b)
        conflict(a, b, proxy)
    except Failure as error:
        print(f"FAIL: {error}", flush=True)
        return 1
    finally:
        for window in windows:
            window.kill()
    print("PASS: two windows on one server", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
