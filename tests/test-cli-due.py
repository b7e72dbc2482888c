#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`koers --due` as TAP: the real koers without a display on a demo
database.  Exit status 0 when nothing is due, 1 when something is, 2 on an
error; the text in both languages, --owner.  Needs KOERS_TODAY=2026-05-15
(a Friday; the check-in day, Monday, was 11 May) and LANGUAGE=en, as
tests/meson.build sets them.

Usage: test-cli-due.py KOERS_BINARY
"""

import os
import sqlite3
import subprocess
import sys
import tempfile

KOERS = sys.argv[1]
results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def run(*args, today=None):
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    if today is not None:
        env['KOERS_TODAY'] = today
    proc = subprocess.run([KOERS] + list(args), env=env, capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def describe(status, out, err):
    return 'status %d, stdout %r, stderr %r' % (status, out[:400], err)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'demo.db')
        status, out, err = run('--create-demo', db)
        check('the demo is written', status == 0, describe(status, out, err))

        # Something is due: 1, a heading with the counts and a group per
        # department and owner.
        status, out, err = run('--due', '--database', db)
        lines = out.splitlines()
        check('--due exits 1 when something is due', status == 1 and err == '', describe(status, out, err))
        check('--due starts with the check-in day and the counts',
              lines and lines[0].startswith('Due since the check-in day, Monday 11 May 2026: ')
              and 'key results wait for a check-in' in lines[0]
              and '1 KPI waits for a new value' in lines[0], lines[:1])
        check('--due groups by department and owner',
              'Finance — Finance director' in lines and 'Human Resources — HR manager' in lines, out)
        check('--due marks late key results and shows the last check-in',
              any(l.startswith('  Key result: ') and 'last check-in 23 April 2026 · late' in l for l in lines), out)
        check('--due lists a due KPI',
              any(l.startswith('  KPI: Days sales outstanding (DSO)') for l in lines), out)
        n_due = sum(1 for l in lines if l.startswith('  '))

        # Dutch.
        status, out_nl, err = run('--due', '--database', db, '--language', 'nl')
        check('--due --language nl writes Dutch',
              status == 1 and out_nl.startswith('Te doen sinds de check-indag, maandag 11 mei 2026: ')
              and 'sleutelresultaten wachten op een check-in' in out_nl
              and 'laatste check-in 23 april 2026 · te laat' in out_nl,
              describe(status, out_nl, err))

        # --owner: that person's only, whatever the case.
        status, out, err = run('--due', '--database', db, '--owner', 'finance DIRECTOR')
        groups = [l for l in out.splitlines() if l and not l.startswith('  ') and ' — ' in l]
        check('--due --owner keeps one owner', status == 1 and groups == ['Finance — Finance director'],
              describe(status, out, err))
        status, out, err = run('--due', '--database', db, '--owner', 'Nobody')
        check('--due --owner with nothing of theirs exits 0',
              status == 0 and out == 'Nothing is due since the check-in day, Monday 11 May 2026.\n',
              describe(status, out, err))

        # The check-in day itself: what was checked in on it is not due.
        status, out, err = run('--due', '--database', db, today='2026-05-11')
        n_monday = sum(1 for l in out.splitlines() if l.startswith('  '))
        check('on the check-in day the same key results are due',
              status == 1 and 'Monday 11 May 2026' in out and n_monday == n_due, describe(status, out, err))

        # The rhythm of the database: check-in day Wednesday 13 May.
        con = sqlite3.connect(db)
        con.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('checkin-day', '3')")
        con.commit()
        status, out, err = run('--due', '--database', db)
        check('--due follows the database\'s check-in day',
              status == 1 and out.startswith('Due since the check-in day, Wednesday 13 May 2026: '),
              describe(status, out, err))

        # The quarter's last two weeks add the quarterly review.
        status, out, err = run('--due', '--database', db, today='2026-06-22')
        check('--due adds the quarterly review in the last two weeks',
              status == 1 and 'the quarterly review' in out.splitlines()[0]
              and 'Quarterly review of Q2 2026: ' in out, describe(status, out, err))

        # Nothing due: 0.
        con.execute('PRAGMA foreign_keys = ON')  # their key results, check-ins and values go too
        con.execute('DELETE FROM kpis')
        con.execute('DELETE FROM objectives')
        con.commit()
        con.close()
        status, out, err = run('--due', '--database', db)
        check('--due exits 0 when nothing is due',
              status == 0 and out == 'Nothing is due since the check-in day, Wednesday 13 May 2026.\n'
              and err == '', describe(status, out, err))

        # Errors: 2, with a message and nothing written.
        missing = os.path.join(tmp, 'missing.db')
        status, out, err = run('--due', '--database', missing)
        check('--due on a missing database exits 2 and creates nothing',
              status == 2 and 'There is no database' in err and not os.path.exists(missing),
              describe(status, out, err))
        status, out, err = run('--due', '--database', db, '--period', '2026-Q1')
        check('--due refuses --period', status == 2 and '--period does not apply to --due' in err,
              describe(status, out, err))
        status, out, err = run('--owner', 'Anna')
        check('--owner needs --due', status == 2 and '--owner needs a command' in err, describe(status, out, err))
        status, out, err = run('--due', '--database', db, '--owner', '  ')
        check('--owner needs a name', status == 2 and '--owner needs a name' in err, describe(status, out, err))

        garbage = os.path.join(tmp, 'garbage.db')
        with open(garbage, 'wb') as f:
            f.write(b'not a database' * 100)
        status, out, err = run('--due', '--database', garbage)
        check('--due on a damaged file exits 2', status == 2 and err.startswith('koers: '),
              describe(status, out, err))

    print('1..%d' % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok and detail:
            for line in str(detail).splitlines():
                print('# ' + line)
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
