#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The reminders, as TAP: the real `koers --hidden` on a private session bus
(python-dbusmock) with a mocked org.freedesktop.Notifications server and a
mocked Background portal.  Checks that the notification is sent with the
plural text (English and Dutch), at most once a day, and that "Remind me
when Koers is closed" writes and removes the XDG autostart entry outside a
sandbox, or asks the Background portal (KOERS_BACKGROUND_PORTAL=1) for
autostart with `koers --hidden`.  Needs a display (run-with-xvfb.sh) and
KOERS_TODAY=2026-05-15 as tests/meson.build sets it.

Usage: test-reminders.py KOERS_BINARY LOCALE_DIR
"""

import os
import subprocess
import sys
import tempfile
import time

# The Python with python3-dbusmock (a pyenv python3 may not have it).
try:
    import dbus
    import dbusmock
    from dbusmock import DBusTestCase
except ImportError:
    if os.path.realpath(sys.executable) != os.path.realpath('/usr/bin/python3') and \
            os.path.exists('/usr/bin/python3'):
        os.execv('/usr/bin/python3', ['/usr/bin/python3'] + sys.argv)
    print('1..0 # SKIP python3-dbusmock is not installed')
    sys.exit(77)

KOERS = sys.argv[1]
LOCALE_DIR = sys.argv[2]
APP_ID = 'io.github.koersapp.Koers'
results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def wait_for(predicate, seconds=20):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    return predicate()


def koers_env(config, language='en'):
    env = dict(os.environ)
    env.update({
        'GSETTINGS_BACKEND': 'keyfile',
        'XDG_CONFIG_HOME': config,
        'LANGUAGE': language,
        'LC_ALL': 'C.UTF-8',
        'KOERS_LOCALEDIR': LOCALE_DIR,
        'GTK_A11Y': 'none',
        'NO_AT_BRIDGE': '1',
    })
    return env


def start_hidden(db, config, language='en', extra=None):
    env = koers_env(config, language)
    env.update(extra or {})
    return subprocess.Popen([KOERS, '--hidden', '--database', db], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stop(proc):
    proc.terminate()
    try:
        out, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    return err


def notify_calls(mock):
    return [c for c in mock.GetCalls(dbus_interface=dbusmock.MOCK_IFACE) if c[1] == 'Notify']


def set_setting(config, key, value):
    """Writes one key into GLib's keyfile backend, keeping the others."""
    path = os.path.join(config, 'glib-2.0', 'settings', 'keyfile')
    group = '[io/github/koersapp/Koers]'
    lines = open(path).read().splitlines() if os.path.exists(path) else []
    if group not in lines:
        lines += [group]
    lines = [l for l in lines if not l.startswith(key + '=')]
    lines.insert(lines.index(group) + 1, '%s=%s' % (key, value))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + '.new', 'w') as f:
        f.write('\n'.join(lines) + '\n')
    os.replace(path + '.new', path)


def test_notification(tmp, db, mock):
    config = os.path.join(tmp, 'config-en')
    proc = start_hidden(db, config)
    calls = wait_for(lambda: notify_calls(mock))
    check('--hidden sends one notification', len(calls) == 1, calls)
    if calls:
        args = calls[0][2]
        summary, body, actions = str(args[3]), str(args[4]), [str(a) for a in args[5]]
        check('the notification counts what is due (plural)', summary == '27 items are due', summary)
        check('the notification says what waits (plural)',
              body == '26 key results wait for a check-in; 1 KPI waits for a new value', body)
        check('the notification offers Show Due', 'Show Due' in actions, actions)
    check('--hidden stays running to remind', proc.poll() is None)

    # A second --hidden while one runs ends at once and notifies nothing.
    second = subprocess.run([KOERS, '--hidden', '--database', db], env=koers_env(config),
                            capture_output=True, text=True, timeout=30)
    check('a second --hidden ends with 0', second.returncode == 0, second.stderr)
    err = stop(proc)
    check('no warnings', 'WARNING' not in err and 'CRITICAL' not in err, err)

    # The same day again: no second reminder.
    proc = start_hidden(db, config)
    time.sleep(3)
    check('at most one reminder a day', len(notify_calls(mock)) == 1, notify_calls(mock))
    stop(proc)

    # Dutch, in a new settings folder.
    mock.ClearCalls(dbus_interface=dbusmock.MOCK_IFACE)
    proc = start_hidden(db, os.path.join(tmp, 'config-nl'), language='nl')
    calls = wait_for(lambda: notify_calls(mock))
    stop(proc)
    check('the Dutch notification', len(calls) == 1 and str(calls[0][2][3]) == '27 items zijn aan de beurt'
          and str(calls[0][2][4]) == '26 sleutelresultaten wachten op een check-in; '
                                     '1 KPI wacht op een nieuwe waarde', calls)


def test_autostart_file(tmp, db):
    config = os.path.join(tmp, 'config-autostart')
    entry = os.path.join(config, 'autostart', APP_ID + '.desktop')
    proc = start_hidden(db, config)
    time.sleep(2)
    check('no autostart entry by default', not os.path.exists(entry))
    set_setting(config, 'remind-when-closed', 'true')
    check('switched on: an autostart entry', wait_for(lambda: os.path.exists(entry)))
    text = open(entry).read() if os.path.exists(entry) else ''
    exec_lines = [l for l in text.splitlines() if l.startswith('Exec=')]
    check('it starts koers hidden',
          len(exec_lines) == 1 and exec_lines[0].endswith(' --hidden') and 'Type=Application' in text, text)
    set_setting(config, 'remind-when-closed', 'false')
    check('switched off: the entry is removed', wait_for(lambda: not os.path.exists(entry)))
    stop(proc)


def test_portal(tmp, db, bus):
    portal = DBusTestCase.spawn_server('org.freedesktop.portal.Desktop', '/org/freedesktop/portal/desktop',
                                       'org.freedesktop.portal.Background', stdout=subprocess.DEVNULL)
    try:
        mock = dbus.Interface(bus.get_object('org.freedesktop.portal.Desktop', '/org/freedesktop/portal/desktop'),
                              dbusmock.MOCK_IFACE)
        mock.AddMethod('org.freedesktop.portal.Background', 'RequestBackground', 'sa{sv}', 'o',
                       'ret = dbus.ObjectPath("/org/freedesktop/portal/desktop/request/1_1/koers")')
        config = os.path.join(tmp, 'config-portal')
        proc = start_hidden(db, config, extra={'KOERS_BACKGROUND_PORTAL': '1'})
        time.sleep(2)
        set_setting(config, 'remind-when-closed', 'true')
        calls = wait_for(lambda: [c for c in mock.GetCalls() if c[1] == 'RequestBackground'])
        stop(proc)
        check('the Background portal is asked', len(calls) == 1, calls)
        if calls:
            options = calls[0][2][1]
            check('for autostart with koers --hidden',
                  bool(options.get('autostart')) and [str(a) for a in options.get('commandline', [])]
                  == ['koers', '--hidden'] and str(options.get('handle_token', '')) != '', options)
        check('without an autostart file',
              not os.path.exists(os.path.join(config, 'autostart', APP_ID + '.desktop')))
    finally:
        portal.terminate()
        portal.wait()


def main():
    if not os.environ.get('DISPLAY'):
        print('1..0 # SKIP no display')
        return 77
    DBusTestCase.start_session_bus()
    bus = DBusTestCase.get_dbus(system_bus=False)
    daemon, mock = DBusTestCase.spawn_server_template('notification_daemon', {}, stdout=subprocess.DEVNULL)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, 'demo.db')
            subprocess.run([KOERS, '--create-demo', db], env=koers_env(os.path.join(tmp, 'c')),
                           check=True, capture_output=True, timeout=60)
            test_notification(tmp, db, mock)
            test_autostart_file(tmp, db)
            test_portal(tmp, db, bus)
    finally:
        daemon.terminate()
        daemon.wait()
        DBusTestCase.stop_dbus(DBusTestCase.session_bus_pid)

    print('1..%d' % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok and detail:
            for line in str(detail).splitlines():
                print('# ' + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
