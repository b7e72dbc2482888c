#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets under tests/fuzz/ with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer in a build folder of its
# own, and runs each for its share of a bounded time on a copy of its seed
# corpus:
#   fuzz-json-import  half the time   corpus/       (with json.dict)
#   fuzz-csv-field    an eighth       corpus-csv/   the CSV writer's quoting and formula guard
#   fuzz-csv-import   an eighth       corpus-csv-import/ the spreadsheet import (read, map, plan)
#   fuzz-parse        a quarter       corpus-parse/ number, period and date parsers
#
#   build-aux/run-fuzz.sh [SECONDS]      (default 60, for all targets together)
#
# KOERS_FUZZ_BUILDDIR: the build folder (default: build-fuzz in the source).
# Exits non-zero when a fuzzer finds a crash, a leak, undefined
# behaviour, a GLib warning or a timeout; the input is kept in
# $KOERS_FUZZ_BUILDDIR/fuzz-artifacts/.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${KOERS_FUZZ_BUILDDIR:-$srcdir/build-fuzz}
seconds=${1:-60}

if ! command -v clang >/dev/null 2>&1; then
  echo "run-fuzz.sh: clang is needed" >&2
  exit 1
fi

if [ ! -f "$builddir/build.ninja" ]; then
  # fuzzer-no-link: the libraries get coverage counters too, not only the
  # target; UB stops the run instead of printing and going on.
  CC=clang CFLAGS="-fsanitize=fuzzer-no-link -fno-sanitize-recover=all" \
    meson setup "$builddir" "$srcdir" \
      -Db_sanitize=address,undefined -Db_lundef=false -Dbenchmarks=false
fi
ninja -C "$builddir" tests/fuzz/fuzz-json-import tests/fuzz/fuzz-csv-field tests/fuzz/fuzz-csv-import \
  tests/fuzz/fuzz-parse

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$builddir/fuzz-artifacts"

# run TARGET CORPUS SECONDS [OPTIONS…]: the seed corpus first, then
# SECONDS of mutations (at least one).
run () {
  target=$1 corpus=$2 budget=$3
  shift 3
  [ "$budget" -ge 1 ] || budget=1
  mkdir -p "$work/$target"
  cp "$srcdir/tests/fuzz/$corpus"/* "$work/$target"/
  echo "run-fuzz.sh: $target for $budget s"
  "$builddir/tests/fuzz/$target" \
    -max_total_time="$budget" \
    -timeout=20 \
    -rss_limit_mb=2048 \
    -artifact_prefix="$builddir/fuzz-artifacts/$target-" \
    -print_final_stats=1 \
    "$@" \
    "$work/$target"
}

run fuzz-json-import corpus $((seconds / 2)) \
  -max_len=16384 -dict="$srcdir/tests/fuzz/json.dict"
run fuzz-csv-field corpus-csv $((seconds / 8)) -max_len=4096
run fuzz-csv-import corpus-csv-import $((seconds / 4 - seconds / 8)) -max_len=4096
run fuzz-parse corpus-parse $((seconds - seconds / 2 - seconds / 4)) -max_len=256
