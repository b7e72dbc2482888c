#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   test-second-launch.sh KOERS SCHEMA_DIR
#
# Single instance: a second `koers` with the same database only raises the
# first one's window; with another database the first instance opens that
# one in a second window (and the second process exits 0 at once).
# GtkApplication exports each window's actions at <app path>/window/<id>,
# so the windows can be counted over D-Bus without a screen reader.
set -u
koers=$1
schema_dir=$2

for tool in Xvfb dbus-run-session gdbus; do
  command -v "$tool" >/dev/null || { echo "1..0 # SKIP no $tool"; exit 77; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$schema_dir GDK_BACKEND=x11 \
       GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 LC_ALL=C.UTF-8 LANGUAGE=en
unset KOERS_DATABASE

here=$(cd "$(dirname "$0")" && pwd)
exec "$here/run-with-xvfb.sh" dbus-run-session -- bash -c '
koers=$1; work=$2
path=/io/github/koersapp/Koers
has_window () {
  gdbus introspect --session --dest io.github.koersapp.Koers --object-path "$path/window/$1" \
    2>/dev/null | grep -q org.gtk.Actions
}
wait_for () {
  for _ in $(seq 100); do "$@" && return 0; sleep 0.1; done
  return 1
}
fail () { echo "not ok - $1"; kill "$first" 2>/dev/null; exit 1; }

echo "1..3"
"$koers" --database "$work/a.db" & first=$!
wait_for has_window 1 || fail "the first instance shows a window"
echo "ok 1 - the first instance shows a window"

"$koers" --database "$work/a.db" || fail "a second launch on the same database exits 0"
sleep 1
has_window 2 && fail "the same database opens no second window"
echo "ok 2 - the same database only raises the window"

"$koers" --database "$work/b.db" || fail "a second launch on another database exits 0"
wait_for has_window 2 || fail "another database opens in a second window"
kill -0 "$first" || fail "the first instance still runs"
echo "ok 3 - another database opens in a second window of the first instance"
kill "$first"
' _ "$koers" "$work"
