# SPDX-License-Identifier: GPL-3.0-or-later
"""What the Python tests of the real koers share: results as TAP, and an
environment without a display (the command line needs none)."""

import os

results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def headless_env(**extra):
    e = dict(os.environ)
    e.pop('DISPLAY', None)
    e.pop('WAYLAND_DISPLAY', None)
    e.update(extra)
    return e


def describe(status, out, err):
    return 'status %d, stdout %r, stderr %r' % (status, out, err)


def print_results():
    print('1..%d' % len(results))
    for i, (name, ok, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok and detail:
            print('# %s' % str(detail).replace('\n', '\n# '))
