#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every C file of src/ and tests/ is as the top .clang-format formats it.
# Formatters of other versions break lines differently, so the check is
# made with the one of the platform floor (Debian 12's clang-format 14),
# and skipped, saying why, with another.
set -u
root="$1"
format="${CLANG_FORMAT:-clang-format}"
version=$("$format" --version 2>/dev/null | sed -n 's/.*version \([0-9]*\)\..*/\1/p')
if [ -z "$version" ]; then
  echo "no $format: install clang-format (build-aux/dev deps)" >&2
  exit 1
fi
if [ "$version" != 14 ]; then
  echo "skipped: $format is version $version; the files are formatted by version 14" >&2
  exit 77
fi
cd "$root" || exit 1
files=$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h' 2>/dev/null || find src tests -name '*.[ch]')
# One run for all files: it names each file and line that differs.
if ! "$format" --dry-run --Werror $files; then
  echo "not formatted as .clang-format says: run clang-format -i on the files above" >&2
  exit 1
fi
