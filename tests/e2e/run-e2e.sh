#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs test-e2e.py against the built koers in a sandbox of its own: Xvfb, a
# private D-Bus session with the AT-SPI bus, GTK_A11Y=atspi, a fresh
# database and settings in a temporary folder, LANGUAGE=en, and the
# catalogues of the build tree (KOERS_LOCALEDIR, read by src/main.c).
#
#   run-e2e.sh KOERS_BINARY SCHEMA_DIR LOCALE_DIR TEST_SCRIPT [SCRIPT_ARG…]
#
# LOCALE_DIR holds <lang>/LC_MESSAGES/koers.mo (<builddir>/po).
# Exit status 77 (skipped) when a tool it needs is missing.
set -u

koers=$1
schema_dir=$2
locale_dir=$3
script=$4
shift 4

skip () {
  echo "run-e2e: skipped: $1"
  exit 77
}

command -v Xvfb >/dev/null || skip "no Xvfb"
command -v dbus-run-session >/dev/null || skip "no dbus-run-session"
launcher=/usr/libexec/at-spi-bus-launcher
[ -x "$launcher" ] || launcher=/usr/lib/at-spi2-core/at-spi-bus-launcher
[ -x "$launcher" ] || skip "no at-spi-bus-launcher"

# The Python that has PyGObject and Atspi (a pyenv python3 may not).
python=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import gi; gi.require_version("Atspi", "2.0"); from gi.repository import Atspi' 2>/dev/null; then
    python=$candidate
    break
  fi
done
[ -n "$python" ] || skip "no python3 with gi and Atspi 2.0"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The meson test environment is not wanted here: the app runs as a user's.
unset G_DEBUG GSETTINGS_BACKEND NO_AT_BRIDGE
export KOERS_DATABASE=$tmp/koers.db
export KOERS_TODAY=${KOERS_TODAY:-2026-05-15}
export LANGUAGE=en LC_ALL=C.UTF-8
export GTK_A11Y=atspi GDK_BACKEND=x11 GSK_RENDERER=cairo
export GSETTINGS_SCHEMA_DIR=$schema_dir
export KOERS_LOCALEDIR=$locale_dir
# Settings in a keyfile of this run: the second start finds the department
# the first one left.
export GSETTINGS_BACKEND=keyfile
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data XDG_CACHE_HOME=$tmp/cache
export XDG_RUNTIME_DIR=$tmp/runtime
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# The inner script expands its own arguments: single quotes on purpose.
# shellcheck disable=SC2016
"$(dirname "$0")/../run-with-xvfb.sh" \
  dbus-run-session -- bash -c '
    "$0" --launch-immediately &
    launcher=$!
    python=$1
    shift
    "$python" -W ignore::DeprecationWarning "$@"
    status=$?
    kill "$launcher" 2>/dev/null
    exit $status
  ' "$launcher" "$python" "$script" "$koers" "$@"
