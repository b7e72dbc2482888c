#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""--import-csv through the real koers, as TAP (issue 17), without a display.

* Files as Excel and LibreOffice save them (semicolon or comma, BOM,
  Windows-1252, CRLF, a quoted line break) import; the window-less preview
  (--dry-run) says what would change and writes nothing.
* A file with a bad number names row and column, exits 1 and leaves the
  database byte for byte the same; a wrong option exits 2.
* --export-csv then --import-csv into a new database gives the same table.
* Dutch messages with --language-independent LANGUAGE=nl.

Usage: test-cli-csv.py KOERS_BINARY LOCALEDIR
"""

import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile

from koers_tap import check, describe, headless_env, print_results

KOERS = sys.argv[1]
LOCALEDIR = sys.argv[2]

DUTCH = ('\ufeffNiveau;Doelstelling;Sleutelresultaat (Key Result);Start;Doel;Huidig;Status;'
         'Verantwoordelijke;Opmerking\r\n'
         'Verkoop;Omzet groeit;Omzet naar 250k;€ 100.000;€ 250.000;€ 150.000;Op schema;An;x\r\n'
         ';;"Nieuwe\r\nklanten";0;50 klanten;20;Risico;An;\r\n'
         '\r\n'
         'Marketing;Merk;NPS;30;45;40;;Bo;\r\n')
ENGLISH = ('Key result,Objective,Level,Target,Start,Current,Owner\n'
           'Café visits,Grow,Sales,"1,200",0,"1,000",Zoë\n')


def run(*args, language='en'):
    env = headless_env(KOERS_LOCALEDIR=LOCALEDIR, LANGUAGE=language, LC_ALL='C.UTF-8')
    proc = subprocess.run([KOERS] + list(args), env=env, capture_output=True, text=True,
                          timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def digest(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def query(db, sql):
    con = sqlite3.connect('file:%s?mode=ro' % db, uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def write(path, text, encoding='utf-8'):
    with open(path, 'wb') as f:
        f.write(text.encode(encoding))


def main():
    tmp = tempfile.mkdtemp(prefix='koers-cli-csv-')
    db = os.path.join(tmp, 'k.db')
    status, out, err = run('--create-demo', db)
    check('a demo database to import into', status == 0, describe(status, out, err))

    nl = os.path.join(tmp, 'nl.csv')
    write(nl, DUTCH)
    before = digest(db)
    status, out, err = run('--database', db, '--import-csv', nl, '--period', '2026-Q2',
                           '--dry-run')
    check('--dry-run previews and exits 0',
          status == 0 and '+ Verkoop · Omzet groeit: new objective (2 key results added)' in out
          and 'Column “Opmerking” is not imported' in out
          and 'nothing written: 2 objectives added, 3 key results added' in out,
          describe(status, out, err))
    check('--dry-run writes nothing', digest(db) == before)

    status, out, err = run('--database', db, '--import-csv', nl, '--period', '2026-Q2')
    rows = query(db, "SELECT k.title, k.target_value, k.metric_kind FROM key_results k "
                     "JOIN objectives o ON o.id = k.objective_id "
                     "WHERE o.title = 'Omzet groeit' ORDER BY k.position")
    check('a Dutch semicolon file with a BOM and a quoted line break imports',
          status == 0 and rows == [('Omzet naar 250k', 250000.0, 'currency'),
                                   ('Nieuwe\r\nklanten', 50.0, 'number')],
          describe(status, out, err) + ' ' + repr(rows))

    status, out, err = run('--database', db, '--import-csv', nl, '--period', '2026-Q2',
                           '--dry-run')
    check('the same file again changes nothing',
          status == 0 and 'already there as in the file' in out
          and '0 objectives added, no key results added or updated' in out,
          describe(status, out, err))

    en = os.path.join(tmp, 'en-1252.csv')
    write(en, ENGLISH, 'cp1252')
    status, out, err = run('--database', db, '--import-csv', en, '--period', '2026-Q2')
    rows = query(db, "SELECT title, target_value, owner FROM key_results "
                     "WHERE title LIKE 'Caf%'")
    check('an English Windows-1252 comma file imports',
          status == 0 and rows == [('Café visits', 1200.0, '')], describe(status, out, err)
          + ' ' + repr(rows))

    bad = os.path.join(tmp, 'bad.csv')
    write(bad, 'Niveau;Doelstelling;Sleutelresultaat;Start;Doel\n'
               'Verkoop;Iets;KR;0;10\n;;Fout;0;veel\n')
    before = digest(db)
    status, out, err = run('--database', db, '--import-csv', bad, '--period', '2026-Q2')
    check('a bad number names row and column and exits 1',
          status == 1 and 'Row 3, Doel: “veel” is not a number' in err, describe(status, out, err))
    check('a refused file leaves the database byte-identical', digest(db) == before)
    status, out, err = run('--database', db, '--import-csv', bad, '--period', '2026-Q2',
                           language='nl')
    check('the problem in Dutch',
          status == 1 and 'Rij 3, Doel: “veel” is geen getal' in err, describe(status, out, err))
    status, out, err = run('--database', db, '--import-csv', bad, '--dry-run')
    check('--dry-run of a bad file lists the problem and exits 1',
          status == 1 and '! Row 3, Doel' in out, describe(status, out, err))

    status, out, err = run('--database', db, '--import-csv', nl, '--merge')
    check('--merge does not apply: exit 2', status == 2 and '--merge' in err,
          describe(status, out, err))
    status, out, err = run('--database', db, '--import-csv', nl, '--period', 'Q9')
    check('a bad period: exit 2', status == 2, describe(status, out, err))
    status, out, err = run('--database', db, '--import-csv', os.path.join(tmp, 'none.csv'))
    check('a missing file: exit 1', status == 1 and 'none.csv' in err, describe(status, out, err))
    status, out, err = run('--database', os.path.join(tmp, 'absent.db'), '--import-csv', nl,
                           '--dry-run')
    check('--dry-run creates no database',
          status == 1 and not os.path.exists(os.path.join(tmp, 'absent.db')),
          describe(status, out, err))

    # The round trip: a period's table, into a new database, and out again.
    for language in ('nl', 'en'):
        exported = os.path.join(tmp, 'q2-%s.csv' % language)
        status, out, err = run('--database', db, '--export-csv', exported, '--period', '2026-Q2',
                               '--language', language)
        new_db = os.path.join(tmp, 'new-%s.db' % language)
        status2, out2, err2 = run('--database', new_db, '--import-csv', exported,
                                  '--period', '2026-Q2', '--language', language)
        again = os.path.join(tmp, 'again-%s.csv' % language)
        run('--database', new_db, '--export-csv', again, '--period', '2026-Q2',
            '--language', language)
        with open(exported, 'rb') as a, open(again, 'rb') as b:
            same = a.read() == b.read()
        check('round trip in %s: export, import into a new database, export again' % language,
              status == 0 and status2 == 0 and same, describe(status2, out2, err2))

    # More than five key results: imported, and the quality check says so.
    many = os.path.join(tmp, 'many.csv')
    write(many, 'Level,Objective,Key result,Start,Target\n' +
          ''.join('Sales,Six of them,KR %d,0,10\n' % i for i in range(6)))
    status, out, err = run('--database', db, '--import-csv', many, '--period', '2026-Q2')
    status2, out2, err2 = run('--database', db, '--check', '--period', '2026-Q2',
                              '--departments', 'Sales')
    check('six key results import and --check names them',
          status == 0 and 'Six of them' in out2 and '6 key results' in out2,
          describe(status2, out2, err2))

    print_results()


main()
