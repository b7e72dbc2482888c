#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line on the company server (issue 22), as TAP, under
run-with-postgresql.sh (KOERS_TEST_DATABASE: the throwaway server's URI).

* --server-setup, then --import-json of the demo's export fills the server;
  --export-json from the server gives back the same objectives, key
  results and check-ins (a round trip).
* --check and --export-pdf on the server say what they say on the file.
* A server without the schema is refused with a sentence, writing nothing.
* The server chosen in Preferences (GSettings use-server, server-uri) is
  what a command without --database opens.

Usage: test-server-cli.py KOERS_BINARY
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

from koers_tap import check, describe, headless_env, print_results

KOERS = sys.argv[1]
BASE = os.environ.get('KOERS_TEST_DATABASE')


def run(*args):
    proc = subprocess.run([KOERS] + list(args), env=headless_env(), capture_output=True,
                          text=True, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def psql(sql):
    subprocess.run(['psql', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], check=True,
                   capture_output=True)


def server_uri(schema):
    psql('CREATE SCHEMA %s' % schema)
    return BASE + '?options=-csearch_path%3D' + schema


def summary(path):
    """Objective titles with their key results' titles and check-in dates."""
    with open(path, encoding='utf-8') as f:
        doc = json.load(f)
    found = []

    def walk(node):
        if isinstance(node, dict):
            if 'key_results' in node and 'title' in node:
                krs = sorted((kr.get('title'), tuple(sorted(c.get('date') for c in kr.get('checkins', []))))
                             for kr in node['key_results'])
                found.append((node['title'], tuple(krs)))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    return sorted(found)


def pdf_text(path):
    return subprocess.run(['pdftotext', path, '-'], capture_output=True, text=True,
                          check=True).stdout


def main():
    if not BASE:
        print('1..0 # SKIP needs a server: KOERS_TEST_DATABASE (run-with-postgresql.sh)')
        return
    tmp = tempfile.mkdtemp(prefix='koers-server-cli-')
    try:
        db = os.path.join(tmp, 'demo.db')
        file_json = os.path.join(tmp, 'demo.json')
        status, out, err = run('--create-demo', db)
        check('create-demo exits 0', status == 0, describe(status, out, err))
        status, out, err = run('--database', db, '--export-json', file_json, '--period', '2026')
        check('the demo exports', status == 0, describe(status, out, err))

        empty = server_uri('empty')
        status, out, err = run('--database', empty, '--export-json', os.path.join(tmp, 'x.json'))
        check('a server without the schema is refused with a sentence',
              status != 0 and '--server-setup' in err and not os.path.exists(os.path.join(tmp, 'x.json')),
              describe(status, out, err))

        uri = server_uri('company')
        status, out, err = run('--database', uri, '--server-setup')
        check('server-setup exits 0', status == 0, describe(status, out, err))
        # The docs' next step: a head is granted a seed department before
        # anyone opened the database.
        status, out, err = run('--database', uri, '--grant', 'anna_head', '--role', 'head',
                               '--department', 'Sales')
        check('a head is granted a seed department right after server-setup',
              status == 0, describe(status, out, err))
        status, out, err = run('--database', uri, '--import-json', file_json)
        check('import-json into the server exits 0', status == 0, describe(status, out, err))

        server_json = os.path.join(tmp, 'server.json')
        status, out, err = run('--database', uri, '--export-json', server_json, '--period', '2026')
        check('export-json from the server exits 0', status == 0, describe(status, out, err))
        if status == 0:
            mine, theirs = summary(file_json), summary(server_json)
            check('the server gives back what was imported (%d objectives)' % len(mine),
                  len(mine) > 0 and mine == theirs, '%r\n!=\n%r' % (mine[:3], theirs[:3]))

        file_check = run('--database', db, '--check', '--period', '2026-Q2')
        server_check = run('--database', uri, '--check', '--period', '2026-Q2')
        check('check on the server says what it says on the file',
              server_check[0] == file_check[0] and server_check[1] == file_check[1],
              '%r\n!=\n%r' % (server_check, file_check))

        # Preferences' choice of the server (GSettings use-server and
        # server-uri) is what a start without --database opens.
        settings_env = headless_env(GSETTINGS_BACKEND='keyfile',
                                    XDG_CONFIG_HOME=os.path.join(tmp, 'config'),
                                    XDG_DATA_HOME=os.path.join(tmp, 'data'))
        settings_env.pop('KOERS_DATABASE', None)
        for key, value in (('server-uri', uri), ('use-server', 'true')):
            subprocess.run(['gsettings', 'set', 'io.github.koersapp.Koers', key, value],
                           env=settings_env, check=True, capture_output=True)
        chosen = subprocess.run([KOERS, '--check', '--period', '2026-Q2'], env=settings_env,
                                capture_output=True, text=True, timeout=120)
        check('without --database the server chosen in Preferences is opened',
              (chosen.returncode, chosen.stdout) == server_check[:2],
              '%r\n!=\n%r' % ((chosen.returncode, chosen.stdout, chosen.stderr), server_check))

        file_pdf = os.path.join(tmp, 'file.pdf')
        server_pdf = os.path.join(tmp, 'server.pdf')
        run('--database', db, '--export-pdf', file_pdf, '--period', '2026-Q2')
        status, out, err = run('--database', uri, '--export-pdf', server_pdf, '--period', '2026-Q2')
        check('export-pdf from the server exits 0', status == 0, describe(status, out, err))
        if status == 0:
            check('the server\'s report has the file\'s text',
                  pdf_text(server_pdf) == pdf_text(file_pdf))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print_results()


main()
