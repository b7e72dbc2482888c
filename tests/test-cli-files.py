#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The files the command line writes and reads, as TAP (issue 15): the real
koers, without a display.

* --create-demo killed (SIGKILL) at any moment leaves no database, or a
  whole one, at the target; a rerun works and leaves no temporary file.
* SIGTERM and SIGINT during an export leave no temporary file; one a
  SIGKILL left is removed by the next write to that target, and only
  Koers's own (a user's file of a similar name stays).
* An existing target keeps its mode; a new JSON export is 0600; a symbolic
  link stays a link and its target gets the text.
* A database in rollback-journal mode stays byte for byte the same through
  the commands that do not write it.
* A read-only command refuses a database that is not there, creating
  nothing.
* --import-json refuses a device or a pipe without reading it.

Usage: test-cli-files.py KOERS_BINARY LOCALEDIR
(LOCALEDIR: this build's catalogues, <builddir>/po)
"""

import hashlib
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time

from koers_tap import check, describe, headless_env, print_results

KOERS = sys.argv[1]
LOCALEDIR = sys.argv[2]
KILL_DELAYS = [0.0, 0.01, 0.02, 0.03, 0.05, 0.07, 0.09, 0.12, 0.16, 0.2, 0.3, 0.5]


def env():
    return headless_env(KOERS_LOCALEDIR=LOCALEDIR)


def run(*args, timeout=60):
    proc = subprocess.run([KOERS] + list(args), env=env(), capture_output=True, text=True,
                          timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


def start(*args):
    return subprocess.Popen([KOERS] + list(args), env=env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def digest(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def leftovers(folder, name):
    """Hidden files beside name that Koers made while writing it."""
    return [f for f in os.listdir(folder) if f.startswith('.' + name + '.')]


def n_objectives(db):
    con = sqlite3.connect('file:%s?mode=ro' % db, uri=True)
    try:
        return con.execute('SELECT count(*) FROM objectives').fetchone()[0]
    finally:
        con.close()


def test_create_demo_killed(tmp):
    folder = os.path.join(tmp, 'demo-kill')
    os.mkdir(folder)
    whole_db = os.path.join(folder, 'whole.db')
    status, out, err = run('--create-demo', whole_db)
    whole = n_objectives(whole_db) if status == 0 else -1
    check('create-demo writes a demo', status == 0 and whole > 0, describe(status, out, err))

    partial, absent = [], 0
    for i, delay in enumerate(KILL_DELAYS):
        db = os.path.join(folder, 'demo-%d.db' % i)
        proc = start('--create-demo', db)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        if not os.path.exists(db):
            absent += 1
        else:
            try:
                count = n_objectives(db)
            except sqlite3.Error as e:
                count = str(e)
            if count != whole:
                partial.append((delay, count))
        # The rerun after a kill: it works when there was nothing, and
        # leaves no temporary file either way.
        status, out, err = run('--create-demo', db)
        if status != 0 and 'already exists' not in err:
            partial.append((delay, 'rerun: ' + describe(status, out, err)))
        if leftovers(folder, 'demo-%d.db' % i):
            partial.append((delay, 'left %r' % leftovers(folder, 'demo-%d.db' % i)))
    check('create-demo killed at any moment: no part of a database at the target, '
          'and a rerun works', not partial, repr(partial))
    check('create-demo: some kills came before the end', absent > 0, 'absent %d' % absent)


def test_signals(tmp, db):
    folder = os.path.join(tmp, 'signals')
    os.mkdir(folder)
    found = []
    for command, name in (('--export-pdf', 'r.pdf'), ('--export-json', 'r.json'),
                          ('--export-csv', 'r.csv')):
        target = os.path.join(folder, name)
        t0 = time.monotonic()
        status, out, err = run(command, target, '--database', db)
        duration = time.monotonic() - t0
        os.unlink(target)
        for signum in (signal.SIGTERM, signal.SIGINT):
            for fraction in (0.2, 0.4, 0.6, 0.8):
                proc = start(command, target, '--database', db)
                time.sleep(duration * fraction)
                proc.send_signal(signum)
                proc.wait(timeout=60)
                if leftovers(folder, name):
                    found.append((command, signum, fraction, leftovers(folder, name)))
                if os.path.exists(target):
                    os.unlink(target)
    check('SIGTERM and SIGINT during an export leave no temporary file', not found, repr(found))

    # What a SIGKILL leaves (a file of Koers's pattern nobody holds) goes
    # with the next write to that target; the user's own files stay.
    target = os.path.join(folder, 'k.pdf')
    stale = os.path.join(folder, '.k.pdf.koers-Ab12Cd.tmp')
    users = [os.path.join(folder, n) for n in ('.k.pdf.backup', '.k.pdf.koers-old', 'k.pdf.tmp',
                                               '.other.pdf.koers-Ab12Cd.tmp')]
    for path in [stale] + users:
        with open(path, 'w') as f:
            f.write('x')
    status, out, err = run('--export-pdf', target, '--database', db)
    check('a temporary file a kill left is removed by the next export',
          status == 0 and not os.path.exists(stale), describe(status, out, err))
    check('files of the user beside the target stay', all(os.path.exists(p) for p in users))

    # The same after a real SIGKILL in the middle of a report.
    for delay in (0.03, 0.06, 0.1):
        proc = start('--export-pdf', target, '--database', db)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    status, out, err = run('--export-pdf', target, '--database', db)
    check('after SIGKILLs the next export leaves only the user\'s files',
          status == 0 and sorted(leftovers(folder, 'k.pdf')) == ['.k.pdf.backup', '.k.pdf.koers-old'],
          '%s; %r' % (describe(status, out, err), leftovers(folder, 'k.pdf')))


def test_permissions(tmp, db):
    folder = os.path.join(tmp, 'modes')
    os.mkdir(folder)
    for command, name in (('--export-pdf', 'p.pdf'), ('--export-json', 'p.json'),
                          ('--export-csv', 'p.csv')):
        target = os.path.join(folder, name)
        with open(target, 'w') as f:
            f.write('old')
        os.chmod(target, 0o600)
        status, out, err = run(command, target, '--database', db)
        check('%s over a 0600 file leaves it 0600' % command,
              status == 0 and mode(target) == 0o600 and os.path.getsize(target) > 3,
              '%s, mode %o' % (describe(status, out, err), mode(target)))

        os.chmod(target, 0o640)
        status, out, err = run(command, target, '--database', db)
        check('%s over a 0640 file leaves it 0640' % command, status == 0 and mode(target) == 0o640,
              'mode %o' % mode(target))

    fresh = os.path.join(folder, 'new.json')
    status, out, err = run('--export-json', fresh, '--database', db)
    check('a new JSON export is 0600', status == 0 and mode(fresh) == 0o600, 'mode %o' % mode(fresh))

    # A symbolic link stays one; its target gets the text.
    real = os.path.join(folder, 'real.csv')
    with open(real, 'w') as f:
        f.write('old')
    link = os.path.join(folder, 'link.csv')
    os.symlink('real.csv', link)
    status, out, err = run('--export-csv', link, '--database', db)
    check('export-csv to a symbolic link writes its target and keeps the link',
          status == 0 and os.path.islink(link) and os.readlink(link) == 'real.csv'
          and os.path.getsize(real) > 3, describe(status, out, err))
    check('nothing is left beside the link\'s target', not leftovers(folder, 'real.csv'))


def test_journal_mode(tmp, db):
    rollback = os.path.join(tmp, 'rollback.db')
    shutil.copy(db, rollback)
    con = sqlite3.connect(rollback)
    mode_now = con.execute('PRAGMA journal_mode = DELETE').fetchone()[0]
    con.close()
    check('the copy is in rollback-journal mode', mode_now == 'delete', mode_now)

    exported = os.path.join(tmp, 'all.json')
    status, out, err = run('--export-json', exported, '--database', db)
    before = digest(rollback)
    commands = [
        ('--export-pdf', os.path.join(tmp, 'j.pdf')),
        ('--export-json', os.path.join(tmp, 'j.json')),
        ('--export-csv', os.path.join(tmp, 'j.csv')),
        ('--check',),
        # Refused: the database has all of it already.
        ('--import-json', exported),
    ]
    for args in commands:
        status, out, err = run(*(list(args) + ['--database', rollback]))
        check('%s leaves a rollback-journal database byte-identical' % args[0],
              digest(rollback) == before and os.listdir(tmp).count('rollback.db-wal') == 0,
              describe(status, out, err))

    # A write is a write: the merge that changes something may switch it.
    check('a refused import says why', 'already' in err, err)


def test_missing_database(tmp):
    folder = os.path.join(tmp, 'typo')
    os.mkdir(folder)
    missing = os.path.join(folder, 'no-such-folder', 'tpyo.db')
    for args in (['--export-pdf', os.path.join(folder, 'x.pdf')],
                 ['--export-json', os.path.join(folder, 'x.json')],
                 ['--export-csv', os.path.join(folder, 'x.csv')],
                 ['--check']):
        status, out, err = run(*(args + ['--database', missing]))
        check('%s with a missing database exits 1 and names it' % args[0],
              status == 1 and 'tpyo.db' in err and out == '', describe(status, out, err))
        check('%s with a missing database creates nothing' % args[0], os.listdir(folder) == [],
              repr(os.listdir(folder)))

    # Dutch, as the catalogue says.
    e = env()
    e['LANGUAGE'] = 'nl'
    proc = subprocess.run([KOERS, '--check', '--database', missing], env=e, capture_output=True,
                          text=True, timeout=60)
    check('the message is translated', proc.returncode == 1 and 'tpyo.db' in proc.stderr
          and 'There is no database' not in proc.stderr, proc.stderr)


def test_import_special_files(tmp, db):
    for name, path in (('/dev/zero', '/dev/zero'), ('a FIFO', os.path.join(tmp, 'fifo'))):
        if name == 'a FIFO':
            os.mkfifo(path)
        try:
            status, out, err = run('--import-json', path, '--database', db, timeout=20)
        except subprocess.TimeoutExpired:
            status, out, err = -1, '', 'timed out'
        check('import-json of %s is refused at once' % name,
              status == 1 and 'not a regular file' in err and 'choose a JSON export file' in err,
              describe(status, out, err))


def main():
    tmp = tempfile.mkdtemp(prefix='koers-files-')
    old_umask = os.umask(0o022)
    try:
        db = os.path.join(tmp, 'demo.db')
        status, out, err = run('--create-demo', db)
        check('create-demo exits 0', status == 0, describe(status, out, err))
        test_create_demo_killed(tmp)
        test_signals(tmp, db)
        test_permissions(tmp, db)
        test_journal_mode(tmp, db)
        test_missing_database(tmp)
        test_import_special_files(tmp, db)
    finally:
        os.umask(old_umask)
        shutil.rmtree(tmp, ignore_errors=True)

    print_results()


main()
