#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   run-with-postgresql.sh COMMAND [ARG…]
#
# Runs COMMAND against a throwaway PostgreSQL cluster of its own (Debian's
# pg_virtualenv, package postgresql-common: it creates the cluster, sets
# PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE, and drops it after;
# as root the server runs as the postgres user).  KOERS_TEST_DATABASE is
# the libpq URI of that server: the tests open it instead of a file.
# Without pg_virtualenv the test is skipped (exit 77).
set -u

if ! command -v pg_virtualenv >/dev/null; then
  echo "1..0 # SKIP pg_virtualenv (postgresql-common) is not installed"
  exit 77
fi

# As root pg_virtualenv names its cluster "regress" under /var/lib, and a
# second one at the same time (meson runs tests in parallel, other builds
# share the machine) fails on it: -t keeps the cluster in a temporary
# folder, and a port the kernel says is free keeps the servers apart.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# pg_virtualenv says what it does on stdout and stderr; the test's own
# output (TAP) is what meson reads, so its chatter goes to stderr.
exec pg_virtualenv -t -o "port=$port" -- bash -c 'KOERS_TEST_DATABASE=postgresql:// exec "$@" 2>&1 >&3 3>&-' \
  run-with-postgresql "$@" 3>&1 1>&2
