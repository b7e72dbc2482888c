#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the JSON import fuzzer (tests/fuzz/fuzz-json-import.c) with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer in a build folder of its
# own, and runs it for a bounded time on a copy of the seed corpus.
#
#   build-aux/run-fuzz.sh [SECONDS]      (default 60)
#
# KOERS_FUZZ_BUILDDIR: the build folder (default: build-fuzz in the source).
# Exits non-zero when the fuzzer finds a crash, a leak, undefined
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
ninja -C "$builddir" tests/fuzz/fuzz-json-import

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$srcdir"/tests/fuzz/corpus/* "$work"/
mkdir -p "$builddir/fuzz-artifacts"

# The seed corpus first, then -max_total_time of mutations.
"$builddir/tests/fuzz/fuzz-json-import" \
  -max_total_time="$seconds" \
  -max_len=16384 \
  -timeout=20 \
  -rss_limit_mb=2048 \
  -dict="$srcdir/tests/fuzz/json.dict" \
  -artifact_prefix="$builddir/fuzz-artifacts/" \
  -print_final_stats=1 \
  "$work"
