#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two processes on one database, as TAP: the real koers, without a display.

* Two `koers --import-json FILE --merge` runs started together on one
  database, with different copies of the same objective, leave the newest
  copy, whichever starts or ends first; both exit 0, or one says the
  database is in use.
* A merge killed with SIGKILL at any moment leaves the database as it was
  before the merge or as the merge makes it, never a part of it.

Usage: test-concurrent-merge.py KOERS_BINARY
"""

import copy
import datetime
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid

KOERS = sys.argv[1]
# Enough new objectives that a merge takes a while (the window for a race).
N_BULK = 1200
TRIALS = 4
KILL_FRACTIONS = [0.02, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 1.2, 2.0]

results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def env():
    e = dict(os.environ)
    e.pop('DISPLAY', None)
    e.pop('WAYLAND_DISPLAY', None)
    return e


def run(*args):
    proc = subprocess.run([KOERS] + list(args), env=env(), capture_output=True, text=True,
                          timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def start(*args):
    return subprocess.Popen([KOERS] + list(args), env=env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def describe(status, out, err):
    return 'status %d, stdout %r, stderr %r' % (status, out, err)


def stamp(text, delta_seconds):
    """An export stamp ("2026-05-15T09:30:00.123456Z") moved by delta_seconds."""
    moved = datetime.datetime.strptime(text, '%Y-%m-%dT%H:%M:%S.%fZ') + \
        datetime.timedelta(seconds=delta_seconds)
    return moved.strftime('%Y-%m-%dT%H:%M:%S.%fZ')


def bulk_objectives(department):
    """New objectives, each with key results and check-ins (fixed uuids, so
    that both copies of the file hold the same ones)."""
    objectives = []
    for i in range(N_BULK):
        krs = []
        for k in range(3):
            checkins = [{
                'uuid': str(uuid.UUID(int=(3 << 120) + i * 100 + k * 10 + c, version=4)),
                'date': '2026-04-%02d' % (c + 1), 'value': c * 1.5, 'status': 'on-track',
                'note': 'Bulk check-in', 'author': 'Bulk',
                'created': '2026-04-01T08:00:00.000000Z', 'updated': '2026-04-01T08:00:00.000000Z',
            } for c in range(5)]
            krs.append({
                'uuid': str(uuid.UUID(int=(2 << 120) + i * 10 + k, version=4)),
                'title': 'Bulk key result %d.%d' % (i, k), 'metric_kind': 'number',
                'unit': 'things', 'start': 0, 'target': 10, 'current': 6, 'due_date': None,
                'owner': '', 'weight': 1, 'uses_personal_data': False, 'personal_data_note': '',
                'position': k, 'created': '2026-04-01T08:00:00.000000Z',
                'updated': '2026-04-01T08:00:00.000000Z', 'checkins': checkins,
            })
        objectives.append({
            'uuid': str(uuid.UUID(int=(1 << 120) + i, version=4)), 'department': department,
            'title': 'Bulk objective %d' % i, 'description': 'Made for the race', 'level': 'team',
            'kind': 'committed', 'period': '2026-Q2', 'owner': '', 'aligned_to': None,
            'state': 'active', 'carried_over_from': None, 'position': 100 + i,
            'created': '2026-04-01T08:00:00.000000Z', 'updated': '2026-04-01T08:00:00.000000Z',
            'key_results': krs,
        })
    return objectives


def make_copy(doc, victim_uuid, title, delta):
    other = copy.deepcopy(doc)
    for objective in other['objectives']:
        if objective['uuid'] == victim_uuid:
            objective['title'] = title
            objective['updated'] = stamp(objective['updated'], delta)
    return other


def victim_title(db, victim_uuid):
    con = sqlite3.connect(db)
    try:
        row = con.execute('SELECT title FROM objectives WHERE uuid = ?', (victim_uuid,)).fetchone()
        bulk = con.execute("SELECT count(*) FROM objectives WHERE title LIKE 'Bulk objective %'"
                           ).fetchone()[0]
    finally:
        con.close()
    return (row[0] if row else None), bulk


def locked(err):
    return 'in use by another program' in err


def test_concurrent(tmp, base_db, copy_a, copy_b, victim_uuid):
    for trial in range(TRIALS):
        db = os.path.join(tmp, 'race-%d.db' % trial)
        shutil.copy(base_db, db)
        # The older copy first in half of the trials, the newer in the other.
        order = [copy_a, copy_b] if trial % 2 == 0 else [copy_b, copy_a]
        procs = [start('--import-json', path, '--merge', '--database', db) for path in order]
        outcomes = {}
        for path, proc in zip(order, procs):
            out, err = proc.communicate(timeout=300)
            outcomes[path] = (proc.returncode, out, err)

        title, bulk = victim_title(db, victim_uuid)
        ok_a = outcomes[copy_a][0] == 0
        ok_b = outcomes[copy_b][0] == 0
        clear = all(status == 0 or (status == 1 and locked(err))
                    for status, out, err in outcomes.values())
        detail = '; '.join('%s: %s' % (os.path.basename(p), describe(*o)) for p, o in outcomes.items())
        check('race %d: both exit 0, or one says the database is in use' % trial, clear, detail)
        expected = 'Copy B' if ok_b else ('Copy A' if ok_a else None)
        check('race %d (%s first): the newest copy remains (%r)' % (trial, os.path.basename(order[0]),
                                                                    title),
              title == expected, detail)
        check('race %d: the new objectives are there once' % trial,
              bulk == (N_BULK if ok_a or ok_b else 0), 'bulk %d' % bulk)


TABLES = ['departments', 'objectives', 'key_results', 'checkins', 'kpis', 'kpi_values',
          'dismissed_findings', 'settings']


def state(db):
    """What the database holds: its rows (all columns) and how long its
    change log is; and whether SQLite finds it sound."""
    con = sqlite3.connect(db)
    try:
        digest = hashlib.sha256()
        for table in TABLES:
            for row in con.execute('SELECT * FROM %s ORDER BY 1' % table):
                digest.update(repr(row).encode())
        n_changes = con.execute('SELECT count(*) FROM changes').fetchone()[0]
        sound = con.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
    finally:
        con.close()
    return (digest.hexdigest(), n_changes), sound


def test_kill(tmp, base_db, path):
    before_db = os.path.join(tmp, 'kill-before.db')
    shutil.copy(base_db, before_db)
    before, _ = state(before_db)

    after_db = os.path.join(tmp, 'kill-after.db')
    shutil.copy(base_db, after_db)
    t0 = time.monotonic()
    status, out, err = run('--import-json', path, '--merge', '--database', after_db)
    duration = time.monotonic() - t0
    check('kill: the whole merge exits 0', status == 0, describe(status, out, err))
    after, _ = state(after_db)
    check('kill: the merge changes the database', after != before)

    seen = {'before': 0, 'after': 0}
    for fraction in KILL_FRACTIONS:
        db = os.path.join(tmp, 'kill-%d.db' % int(fraction * 100))
        shutil.copy(base_db, db)
        proc = start('--import-json', path, '--merge', '--database', db)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        now, sound = state(db)
        which = 'before' if now == before else ('after' if now == after else 'half')
        if which in seen:
            seen[which] += 1
        check('kill after %.2f s: the database is sound' % (duration * fraction), sound)
        check('kill after %.2f s: the old or the new content, never half (%s)'
              % (duration * fraction, which), which != 'half',
              'rows and log: %r, before %r, after %r' % (now, before, after))
    check('kill: some kills came before the commit', seen['before'] > 0, repr(seen))


def main():
    tmp = tempfile.mkdtemp(prefix='koers-race-')
    try:
        base_db = os.path.join(tmp, 'base.db')
        status, out, err = run('--create-demo', base_db)
        check('create-demo exits 0', status == 0, describe(status, out, err))
        exported = os.path.join(tmp, 'base.json')
        status, out, err = run('--export-json', exported, '--database', base_db)
        check('export-json exits 0', status == 0, describe(status, out, err))

        with open(exported, encoding='utf-8') as f:
            doc = json.load(f)
        check('the export is format version 2', doc['version'] == 2 and 'changes' in doc)
        victim = doc['objectives'][0]
        team = doc['departments'][-1]['uuid']
        doc['objectives'].extend(bulk_objectives(team))

        copy_a = os.path.join(tmp, 'copy-a.json')
        copy_b = os.path.join(tmp, 'copy-b.json')
        with open(copy_a, 'w', encoding='utf-8') as f:
            json.dump(make_copy(doc, victim['uuid'], 'Copy A', 1), f, indent=2, ensure_ascii=False)
        with open(copy_b, 'w', encoding='utf-8') as f:
            json.dump(make_copy(doc, victim['uuid'], 'Copy B', 2), f, indent=2, ensure_ascii=False)

        test_concurrent(tmp, base_db, copy_a, copy_b, victim['uuid'])
        test_kill(tmp, base_db, copy_b)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print('1..%d' % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok and detail:
            print('# %s' % str(detail).replace('\n', '\n# '))


main()
