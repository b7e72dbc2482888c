#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The board report, timed: Koers writes the PDF of a demo company with about
# 200 key results RUNS times (tests/bench-report); when LibreOffice is
# installed (soffice), it converts the same rows, as CSV in the reporting
# template's columns, to PDF SOFFICE_RUNS times.  Prints the median wall
# time and the peak RSS of each, and the ratio of the two.  Targets for Koers:
# ≥ 20× faster than LibreOffice (same run), ≤ 40 MiB.
#
#   build-aux/bench-report.sh [BUILD_DIR]     (default: build-bench)
#   RUNS=10 SOFFICE_RUNS=5 REPORT_LANGUAGE=nl build-aux/bench-report.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${1:-build-bench}
runs=${RUNS:-10}
soffice_runs=${SOFFICE_RUNS:-5}
language=${REPORT_LANGUAGE:-en}

cd "$here"
if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" -Dbenchmarks=true --buildtype=release >/dev/null
fi
ninja -C "$build_dir" tests/bench-report src/koers >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build_dir/tests/bench-report" --runs "$runs" --language "$language" \
  --csv "$work/report.csv" --output "$work/koers.pdf" \
  --keep-database "$work/bench.db" >"$work/koers.txt"
value () { awk -v key="$1" '$1 == key { print $2 }' "$work/koers.txt"; }
koers_time=$(value median_seconds)
koers_cpu=$(value median_cpu_seconds)
koers_rss=$(value peak_rss_mib)
koers_pages=$(pdfinfo "$work/koers.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }' || true)

# The whole program, as a user runs it: `koers --export-pdf`, each run a
# new process (start-up, opening the database, the report, exit), and
# LibreOffice converting the same rows (one profile, made by its first run
# and reused after: the conservative comparison).  The two alternate, run by run,
# so that both meet the same load on a shared machine; the peak RSS of
# LibreOffice is that of its largest process (soffice.bin).
have_soffice=0
command -v soffice >/dev/null 2>&1 && have_soffice=1
read -r cli_time cli_rss peer_time peer_rss < <(KOERS_TODAY=2026-05-15 python3 - "$work" "$runs" \
    "$build_dir/src/koers" "$language" "$soffice_runs" "$have_soffice" <<'EOF'
import os, statistics, subprocess, sys, time
work, runs, koers, language, soffice_runs, have_soffice = sys.argv[1:7]
runs, soffice_runs, have_soffice = int(runs), int(soffice_runs), have_soffice == '1'
env = dict(os.environ)
env.pop('DISPLAY', None)
env.pop('WAYLAND_DISPLAY', None)


def run(command):
    start = time.monotonic()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit('failed: ' + ' '.join(command))
    return time.monotonic() - start, usage.ru_maxrss / 1024.0


koers_times, koers_peaks, peer_times, peer_peaks = [], [], [], []
for i in range(max(runs, soffice_runs if have_soffice else 0)):
    if i < runs:
        seconds, peak = run([koers, '--database', os.path.join(work, 'bench.db'),
                             '--export-pdf', os.path.join(work, 'cli.pdf'),
                             '--period', '2026-Q2', '--language', language])
        koers_times.append(seconds)
        koers_peaks.append(peak)
    if have_soffice and i < soffice_runs:
        out = os.path.join(work, 'soffice-%d' % i)
        os.mkdir(out)
        seconds, peak = run(['soffice', '-env:UserInstallation=file://' + os.path.join(work, 'profile'),
                             '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'pdf',
                             '--outdir', out, os.path.join(work, 'report.csv')])
        peer_times.append(seconds)
        peer_peaks.append(peak)
print('%.3f %.1f %s %s' % (statistics.median(koers_times), max(koers_peaks),
                           '%.3f' % statistics.median(peer_times) if peer_times else '-',
                           '%.1f' % max(peer_peaks) if peer_peaks else '-'))
EOF
)

peer_pages="-"
if [ "$peer_time" != "-" ]; then
  peer_pages=$(pdfinfo "$work/soffice-0/report.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }' || echo "-")
fi

printf '\nBoard report of %s key results (%s rows of CSV), language %s\n\n' \
  "$(value key_results)" "$(value csv_rows)" "$language"
printf '%-34s %6s %14s %13s %9s %6s\n' "Tool" "Runs" "Median wall s" "Median CPU s" "Peak MiB" "Pages"
printf '%-34s %6s %14s %13s %9s %6s\n' "koers --export-pdf (process)" "$runs" "$cli_time" "-" "$cli_rss" "${koers_pages:--}"
printf '%-34s %6s %14s %13s %9s %6s\n' "Koers report engine (in process)" "$runs" "$koers_time" "$koers_cpu" "$koers_rss" "${koers_pages:--}"
if [ "$peer_time" = "-" ]; then
  printf '%-34s %6s %14s %13s %9s %6s\n' "soffice --convert-to pdf (absent)" "-" "-" "-" "-" "-"
  printf '\nsoffice is not installed here; NOTES.md has it at 4.0 s and 208 MiB for 200 rows.\n'
else
  printf '%-34s %6s %14s %13s %9s %6s\n' "soffice --convert-to pdf (CSV)" "$soffice_runs" "$peer_time" "-" "$peer_rss" "$peer_pages"
fi
if [ "$peer_time" != "-" ]; then
  # The issue's target: the report ≥ 20× faster than LibreOffice converting
  # the same rows, both measured here, in this run; peak memory ≤ 40 MiB.
  python3 - "$peer_time" "$cli_time" "$koers_time" "$cli_rss" <<'EOF2'
import sys
peer, cli, engine, rss = (float(v) for v in sys.argv[1:5])
print('\nRatio (LibreOffice / koers --export-pdf): %.1f×  (target ≥ 20×)' % (peer / cli))
print('Ratio (LibreOffice / report engine in process): %.1f×' % (peer / engine))
print('Peak memory of koers --export-pdf: %.1f MiB  (target ≤ 40 MiB)' % rss)
EOF2
fi
