#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Screenshots for the README and the AppStream metainfo.
#
#   build-aux/take-screenshots.sh [BUILDDIR] [OUTDIR]
#
# Writes a demo database (koers --create-demo, with KOERS_TODAY fixed so the
# content is the same each time), runs the built koers on it under Xvfb at a
# set size with a department selected (through a throw-away GSettings
# keyfile), and takes `import -window root` screenshots:
#   main-window.png   1200x800, Marketing, the demo's current quarter
# The app is ended through its app.quit action over D-Bus, as a user's
# Ctrl+Q would.
#
# Needs: xvfb-run, dbus-run-session, imagemagick (import), gdbus, sqlite3
# or python3.
set -euo pipefail

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=$(cd "${1:-$srcdir/build}" && pwd)
outdir=${2:-$srcdir/data/screenshots}
koers=$builddir/src/koers
department=${KOERS_SCREENSHOT_DEPARTMENT:-Marketing}

for tool in xvfb-run dbus-run-session import gdbus; do
  command -v "$tool" >/dev/null || { echo "take-screenshots: $tool not found" >&2; exit 1; }
done
[ -x "$koers" ] || { echo "take-screenshots: build $koers first" >&2; exit 1; }
[ -f "$builddir/data/gschemas.compiled" ] || { echo "take-screenshots: no compiled schema in $builddir/data" >&2; exit 1; }

# Department emoji need a colour emoji font (Debian: fonts-noto-color-emoji).
if command -v fc-list >/dev/null && [ -z "$(fc-list ':charset=1f4c8' family)" ]; then
  echo "take-screenshots: warning: no emoji font; department emoji show as boxes" >&2
fi

mkdir -p "$outdir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

export KOERS_TODAY=${KOERS_TODAY:-2026-05-15}
export LC_ALL=C.UTF-8 LANGUAGE=${LANGUAGE:-en}
export GSETTINGS_SCHEMA_DIR=$builddir/data
export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME=$tmp/config
export XDG_DATA_HOME=$tmp/data XDG_CACHE_HOME=$tmp/cache
export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none

db=$tmp/demo.db
"$koers" --create-demo "$db" >/dev/null

uuid=$(python3 - "$db" "$department" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
row = con.execute("SELECT uuid FROM departments WHERE name = ?", (sys.argv[2],)).fetchone()
print(row[0] if row else "")
PY
)
[ -n "$uuid" ] || { echo "take-screenshots: no department “$department” in the demo" >&2; exit 1; }

# One run: window size and department come from the keyfile backend.
# $1 width, $2 height, $3 output file.
shoot () {
  local width=$1 height=$2 out=$3

  rm -rf "$XDG_CONFIG_HOME"
  mkdir -p "$XDG_CONFIG_HOME/glib-2.0/settings"
  cat > "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" <<KEYFILE
[io/github/koersapp/Koers]
window-width=$width
window-height=$height
last-department='$uuid'
KEYFILE

  # Twice as tall as the window: the pointer, which Xvfb puts in the middle
  # of the screen, is then just below the window and shows no tooltip.
  xvfb-run -a -s "-screen 0 ${width}x$((height * 2))x24 -nolisten tcp" \
    dbus-run-session -- bash -c '
      set -e
      "$0" --database "$1" &
      pid=$!
      # Wait for the first frame (the window maps, then settles).
      for _ in $(seq 50); do
        if gdbus introspect --session --dest io.github.koersapp.Koers \
             --object-path /io/github/koersapp/Koers >/dev/null 2>&1; then break; fi
        sleep 0.2
      done
      sleep 2
      import -window root -crop "$3" +repage "$2"
      gdbus call --session --dest io.github.koersapp.Koers \
        --object-path /io/github/koersapp/Koers \
        --method org.gtk.Actions.Activate quit "[]" "{}" >/dev/null
      wait "$pid"
    ' "$koers" "$db" "$out" "${width}x${height}+0+0"
}

shoot 1200 800 "$outdir/main-window.png"
echo "take-screenshots: wrote $outdir/main-window.png"
