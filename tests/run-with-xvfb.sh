#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-with-xvfb.sh COMMAND [ARG…]
#
# Runs COMMAND with DISPLAY set to a private Xvfb.  Unlike `xvfb-run -a`,
# which picks the first display without a lock file and so races when
# meson runs several tests at once, Xvfb -displayfd lets the server take a
# free display number itself and tell it.  Without Xvfb the command runs as
# it is (a widget test then skips itself).
set -u

if ! command -v Xvfb >/dev/null; then
  exec "$@"
fi

tmp=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp -noreset \
  3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb=$!

for _ in $(seq 200); do
  [ -s "$tmp/display" ] && break
  kill -0 "$xvfb" 2>/dev/null || break
  sleep 0.05
done
display=$(head -n 1 "$tmp/display" 2>/dev/null)
if [ -z "$display" ]; then
  echo "run-with-xvfb: Xvfb did not start:" >&2
  cat "$tmp/xvfb.log" >&2
  kill "$xvfb" 2>/dev/null
  rm -rf "$tmp"
  exit 1
fi

DISPLAY=:$display "$@"
status=$?

kill "$xvfb" 2>/dev/null
wait "$xvfb" 2>/dev/null
rm -rf "$tmp"
exit $status
