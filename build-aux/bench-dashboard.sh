#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The intranet dashboard, timed (issue 20), each run a new process as cron
# or a user runs it:
#
# 1. `koers --export-html` of the demo company (Q2 2026) RUNS times, and,
#    when LibreOffice is installed (soffice), `soffice --convert-to html`
#    of the same key results as CSV (the reporting template's columns,
#    `koers --export-csv`) SOFFICE_RUNS times: median wall time, peak RSS
#    and their ratio.  Target: Koers >= 20x faster.
# 2. `koers --export-html` of the large organisation of build-aux/bench-scale
#    (6,000 objectives, 300,000 check-ins), the current quarter, the whole
#    company, SCALE_RUNS times.  Target: <= 1.5 s.
#
#   build-aux/bench-dashboard.sh [BUILD_DIR]    (default: build-bench)
#   RUNS=10 SOFFICE_RUNS=5 SCALE_RUNS=5 SCALE_DB_DIR=~/koers-bench build-aux/bench-dashboard.sh
#
# SCALE_DB_DIR keeps the generated large database (bench-scale's --keep
# folder works: the database is reused while its stamp matches).  A
# benchmark, not a test: it never fails on a slow figure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${1:-build-bench}
runs=${RUNS:-10}
soffice_runs=${SOFFICE_RUNS:-5}
scale_runs=${SCALE_RUNS:-5}

cd "$here"
if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" -Dbenchmarks=true --buildtype=release >/dev/null
fi
ninja -C "$build_dir" src/koers data/gschemas.compiled >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scale_dir=${SCALE_DB_DIR:-$work/scale}
mkdir -p "$scale_dir"

python3 - "$here" "$build_dir" "$work" "$scale_dir" "$runs" "$soffice_runs" "$scale_runs" <<'PYTHON'
import datetime, importlib.machinery, importlib.util, os, resource, shutil, statistics, subprocess, sys, time

here, build_dir, work, scale_dir = sys.argv[1:5]
runs, soffice_runs, scale_runs = (int(v) for v in sys.argv[5:8])
koers = os.path.join(here, build_dir, 'src', 'koers')

# The large organisation comes from bench-scale's own generator.
loader = importlib.machinery.SourceFileLoader('bench_scale', os.path.join(here, 'build-aux', 'bench-scale'))
spec = importlib.util.spec_from_loader('bench_scale', loader)
bench_scale = importlib.util.module_from_spec(spec)
loader.exec_module(bench_scale)


def environment(today):
    env = bench_scale.environment(os.path.join(here, build_dir), today)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    return env


def timed(command, env, n):
    """Median wall seconds, median CPU seconds (user + system) and the peak
    RSS (MiB) of n runs of command."""
    times, cpus, peaks = [], [], []
    for i in range(n):
        start = time.monotonic()
        child = subprocess.Popen([part.replace('{i}', str(i)) for part in command], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        times.append(time.monotonic() - start)
        if status != 0:
            sys.exit('failed: %s' % ' '.join(command))
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024.0)
    return statistics.median(times), statistics.median(cpus), max(peaks)


# 1. The demo against LibreOffice.
demo_env = environment(datetime.date(2026, 5, 15))
demo = os.path.join(work, 'demo.db')
subprocess.run([koers, '--create-demo', demo], env=demo_env, check=True, stdout=subprocess.DEVNULL)
csv = os.path.join(work, 'demo.csv')
subprocess.run([koers, '--database', demo, '--export-csv', csv, '--period', '2026-Q2'], env=demo_env,
               check=True, stdout=subprocess.DEVNULL)
with open(csv, encoding='utf-8') as f:
    csv_rows = sum(1 for _ in f) - 1
page = os.path.join(work, 'demo.html')
koers_command = [koers, '--database', demo, '--export-html', page, '--period', '2026-Q2']
peer_command = None
if shutil.which('soffice'):
    profile = 'file://' + os.path.join(work, 'profile')
    for i in range(soffice_runs):
        os.mkdir(os.path.join(work, 'soffice-%d' % i))
    peer_command = ['soffice', '-env:UserInstallation=' + profile, '--headless',
                    '--infilter=CSV:44,34,76,1', '--convert-to', 'html',
                    '--outdir', os.path.join(work, 'soffice-{i}'), csv]

# Koers and LibreOffice alternate, run by run, so that both meet the same
# load on a shared machine.
koers_runs, peer_runs = [], []
for i in range(max(runs, soffice_runs if peer_command else 0)):
    if i < runs:
        koers_runs.append(timed(koers_command, demo_env, 1))
    if peer_command and i < soffice_runs:
        peer_runs.append(timed([part.replace('{i}', str(i)) for part in peer_command], demo_env, 1))
demo_time = statistics.median(r[0] for r in koers_runs)
demo_cpu = statistics.median(r[1] for r in koers_runs)
demo_rss = max(r[2] for r in koers_runs)
demo_bytes = os.path.getsize(page)

peer_time = peer_cpu = peer_rss = None
if peer_runs:
    peer_time = statistics.median(r[0] for r in peer_runs)
    peer_cpu = statistics.median(r[1] for r in peer_runs)
    peer_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0

# 2. The large organisation, this quarter, the whole company.
today = bench_scale.parse_today()
scale_env = environment(today)
databases = bench_scale.Databases(scale_dir, bench_scale.Koers(os.path.join(here, build_dir), scale_env), today)
large = databases.get('large-q8')
quarter = bench_scale.quarter_key(*bench_scale.quarter_of(today))
large_page = os.path.join(work, 'large.html')
scale_time, scale_cpu, scale_rss = timed([koers, '--database', large, '--export-html', large_page, '--period', quarter],
                              scale_env, scale_runs)
scale_bytes = os.path.getsize(large_page)

row = '%-44s %5s %14s %13s %9s %10s'
print()
print('Intranet dashboard (koers --export-html, a new process each run), %s, %s'
      % (datetime.date.today().isoformat(), build_dir))
print()
print(row % ('Tool', 'Runs', 'Median wall s', 'Median CPU s', 'Peak MiB', 'Output KiB'))
print(row % ('koers --export-html, demo Q2 2026', runs, '%.3f' % demo_time, '%.3f' % demo_cpu, '%.1f' % demo_rss,
             '%.0f' % (demo_bytes / 1024)))
if peer_time is not None:
    print(row % ('soffice --convert-to html, %d CSV rows' % csv_rows, soffice_runs, '%.3f' % peer_time,
                 '%.3f' % peer_cpu, '%.1f' % peer_rss, '-'))
else:
    print(row % ('soffice --convert-to html (absent)', '-', '-', '-', '-', '-'))
print(row % ('koers --export-html, large org %s' % quarter, scale_runs, '%.3f' % scale_time,
             '%.3f' % scale_cpu, '%.1f' % scale_rss, '%.0f' % (scale_bytes / 1024)))
print()
if peer_time is not None:
    ratio = peer_time / demo_time
    print('Demo: Koers %.1fx faster than LibreOffice (target >= 20x): %s'
          % (ratio, 'PASS' if ratio >= 20 else 'MISS'))
print('Large organisation, one quarter, whole company: %.2f s wall, %.2f s CPU (target <= 1.5 s): %s'
      % (scale_time, scale_cpu, 'PASS' if scale_time <= 1.5 else 'MISS'))
print('Load average now: %.2f %.2f %.2f (2 cores are shared: wall times wait for the CPU)' % os.getloadavg())
PYTHON
