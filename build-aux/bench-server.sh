#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   build-aux/bench-server.sh [--rounds N] [--quick] [--keep DIR]
#
# The company server at company scale (issue #22's targets): the large
# organisation of build-aux/bench-scale on a throwaway local PostgreSQL
# (pg_virtualenv), each figure next to the same one on the local SQLite
# file, measured in the same run:
#
#   window first frame             server ≤ 1.5 × file
#   department and period switch   server ≤ 2 × file (to the next frame)
#   a check-in's round trip        server ≤ 10 ms
#   a change seen by a 2nd client  server ≤ 1 s
#
# It measures with bench-scale's own code: its generator and its Runner
# (the first frame through the bench hook, src/koers-bench-hook.c), and
# the programs of tests/bench (bench-scale-window for the switches,
# bench-second-client for the check-in and the second client).  The
# server gets the organisation table by table with COPY from the
# generated file (the rows as they are, the change log included; an
# --import-json of 300,000 check-ins takes many minutes, and is bench-scale's
# figure).  A benchmark, not a test: it exits 0 whether targets are met.
#
# BUILD_DIR (default build-release) is set up with --buildtype=release
# -Dbenchmarks=true when missing.  --keep DIR keeps bench-scale's
# generated databases there (reused while they match).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/${BUILD_DIR:-build-release}

for tool in pg_virtualenv psql xvfb-run dbus-run-session meson /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench-server: $tool is missing" >&2; exit 1; }
done

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$root" --buildtype=release -Dbenchmarks=true >/dev/null
fi
meson compile -C "$build" >/dev/null

work=$(mktemp -d /tmp/koers-bench-server-XXXXXX)
trap 'rm -rf "$work"' EXIT
load=$(cut -d' ' -f1-3 /proc/loadavg)

# The measuring part, run inside the server's and the display's sandboxes.
cat >"$work/measure.py" <<'PY'
import argparse
import datetime
import os
import re
import sqlite3
import subprocess
import sys
from importlib.machinery import SourceFileLoader

root, build_dir, work, load = sys.argv[1:5]
parser = argparse.ArgumentParser(prog='bench-server.sh')
parser.add_argument('--rounds', type=int, default=None)
parser.add_argument('--quick', action='store_true')
parser.add_argument('--keep', metavar='DIR')
args = parser.parse_args(sys.argv[5:])
rounds = args.rounds or (1 if args.quick else 5)

bench = SourceFileLoader('bench_scale', os.path.join(root, 'build-aux', 'bench-scale')).load_module()
log = bench.log
today = bench.parse_today()
env = bench.environment(build_dir, today)
koers = bench.Koers(build_dir, env)
db_dir = os.path.abspath(args.keep) if args.keep else os.path.join(work, 'databases')
os.makedirs(db_dir, exist_ok=True)
DATABASE = 'koers_bench'
URI = 'postgresql:///' + DATABASE


def psql(*args, database=DATABASE, **kwargs):
    return subprocess.run(['psql', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-d', database] + list(args),
                          check=True, capture_output=True, text=True, **kwargs).stdout


def copy_text(value):
    if value is None:
        return '\\N'
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    return (text.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')
            .replace('\r', '\\r'))


def fill_server(large):
    """The large file's rows into a new server database, table by table."""
    psql('-c', 'CREATE DATABASE ' + DATABASE, database='postgres')
    koers.run('--server-setup', '--database', URI)
    server_columns = {}
    for line in psql('-c', "SELECT table_name, column_name FROM information_schema.columns"
                           " WHERE table_schema = 'public'").splitlines():
        table, column = line.split('|')
        server_columns.setdefault(table, set()).add(column)
    db = sqlite3.connect(large)
    script = [
        # The rows are copied as they are, change log included: no
        # trigger writes a second log, no check refuses an order.
        'SET session_replication_role = replica;',
    ]
    copied = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                               " AND name NOT LIKE 'sqlite%' ORDER BY name"):
        if table not in server_columns:
            continue
        if psql('-c', 'SELECT count(*) FROM %s' % table).strip() != '0':
            continue
        columns = [r[1] for r in db.execute('PRAGMA table_info(%s)' % table) if r[1] in server_columns[table]]
        rows = db.execute('SELECT %s FROM %s' % (', '.join(columns), table))
        script.append('COPY %s (%s) FROM STDIN;' % (table, ', '.join(columns)))
        n = 0
        for row in rows:
            script.append('\t'.join(copy_text(v) for v in row))
            n += 1
        script.append('\\.')
        copied.append('%s %d' % (table, n))
    db.close()
    # Identity columns go on after the copied ids.
    for line in psql('-c', "SELECT table_name, column_name FROM information_schema.columns"
                           " WHERE table_schema = 'public' AND is_identity = 'YES'").splitlines():
        table, column = line.split('|')
        script.append("SELECT setval (pg_get_serial_sequence ('%s', '%s'),"
                      " (SELECT coalesce (max (%s), 0) + 1 FROM %s), false);" % (table, column, column, table))
    script.append('ANALYZE;')
    psql(input='\n'.join(script) + '\n')
    log('  server filled: ' + ', '.join(copied))
    # Opened once, untimed: whatever a first open does happens here.
    koers.check_database(URI)


def run_program(program, database, repetitions):
    result = subprocess.run([program, '--database', database, '--repetitions', str(repetitions)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            timeout=3600)
    if result.returncode != 0:
        raise bench.BenchError('%s on %s failed (exit %d): %s' % (os.path.basename(program), database,
                                                                  result.returncode,
                                                                  (result.stdout + result.stderr)[-2000:]))
    values = {}
    for line in result.stdout.splitlines():
        key, _, rest = line.partition(':')
        try:
            values.setdefault(key.strip(), []).extend(float(v) for v in rest.split())
        except ValueError:
            pass
    return values


def median_of(values, key):
    if not values.get(key):
        raise bench.BenchError('no %s figures' % key)
    return bench.median(values[key])


def main():
    table = bench.Table()
    runner = bench.Runner(build_dir, env, work, rounds, args.quick)
    dbs = bench.Databases(db_dir, koers, today)
    large = dbs.get('large-q8')
    log('filling the server …')
    fill_server(large)
    local = os.path.join(work, 'local.db')
    bench.copy_database(large, local)

    log('measuring the first frame …')
    frames = runner.interleaved({
        'file': lambda: runner.first_frame(runner.koers_cmd(local)),
        'server': lambda: runner.first_frame(runner.koers_cmd(URI)),
    })
    file_s = bench.median([r[0] for r in frames['file']])
    server_s = bench.median([r[0] for r in frames['server']])
    r = bench.ratio(server_s, file_s)
    table.add('window first frame, server vs file', '%.2f× (%.3f s vs %.3f s, median of %d)'
              % (r, server_s, file_s, rounds), '≤ 1.5×', r <= 1.5)

    # The window and the second client, file and server in turn (ABBA
    # when there is more than one round).
    repetitions = 3 if args.quick else 10
    order = ['file', 'server'] if rounds == 1 else ['file', 'server', 'server', 'file']
    databases = {'file': local, 'server': URI}
    window = {'file': {}, 'server': {}}
    clients = {'file': {}, 'server': {}}
    for which in order:
        log('measuring the window and a second client on the %s …' % which)
        for results, program in ((window, runner.window),
                                 (clients, os.path.join(build_dir, 'tests', 'bench', 'bench-second-client'))):
            for key, values in run_program(program, databases[which], repetitions).items():
                results[which].setdefault(key, []).extend(values)

    for key, label in (('department-switch-next-ms', 'department switch (sidebar), to the next frame'),
                       ('period-switch-next-ms', 'period switch, to the next frame')):
        server_ms = median_of(window['server'], key)
        file_ms = median_of(window['file'], key)
        r = bench.ratio(server_ms, file_ms)
        table.add(label + ', server vs file', '%.2f× (median %.1f ms vs %.1f ms, max %.1f ms, n=%d)'
                  % (r, server_ms, file_ms, max(window['server'][key]), len(window['server'][key])),
                  '≤ 2×', r <= 2)
    server_ms = median_of(clients['server'], 'checkin-call-ms')
    file_ms = median_of(clients['file'], 'checkin-call-ms')
    table.add('a check-in\'s round trip (koers_store_add_checkin), server',
              'median %.1f ms, min %.1f ms, max %.1f ms (file %.1f ms: %.2f×)'
              % (server_ms, min(clients['server']['checkin-call-ms']), max(clients['server']['checkin-call-ms']),
                 file_ms, bench.ratio(server_ms, file_ms)),
              '≤ 10 ms', server_ms <= 10)
    server_ms = median_of(clients['server'], 'second-client-ms')
    file_ms = median_of(clients['file'], 'second-client-ms')
    worst = max(clients['server']['second-client-ms'])
    table.add('a check-in seen by a second client, server',
              'median %.0f ms, max %.0f ms (file %.0f ms: %.2f×)'
              % (server_ms, worst, file_ms, bench.ratio(server_ms, file_ms)),
              '≤ 1 s', worst <= 1000)
    for which in ('file', 'server'):
        table.info('  (window on the %s: store open; window to first frame)' % which,
                   '%.0f ms; %.0f ms' % (median_of(window[which], 'open-store-ms'),
                                        median_of(window[which], 'window-first-frame-ms')))

    print()
    print('Koers on the company server — %s, today %s, %s, %d round(s)%s; load average at start %s'
          % (datetime.datetime.now().strftime('%Y-%m-%d %H:%M'), today.isoformat(),
             os.path.relpath(build_dir, root), rounds, ', quick' if args.quick else '', load))
    print('Large organisation of bench-scale (%d objectives, %d check-ins); server: local PostgreSQL'
          ' (pg_virtualenv, over TCP to localhost), connected as its superuser'
          % (bench.N_OBJECTIVES, bench.N_OBJECTIVES * bench.KRS_PER_OBJECTIVE * bench.CHECKINS_PER_KR))
    print()
    table.print()
    return 0


try:
    sys.exit(main())
except (bench.BenchError, subprocess.CalledProcessError) as error:
    print('bench-server: %s' % (getattr(error, 'stderr', None) or error), file=sys.stderr)
    sys.exit(1)
PY

# A port the kernel says is free: other sessions run servers too.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# pg_virtualenv and the sandboxes talk on stderr; the figures come on stdout.
pg_virtualenv -t -o "port=$port" -- \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
  python3 "$work/measure.py" "$root" "$build" "$work" "$load" "$@"
