#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parses the Flatpak manifest with flatpak-builder --show-manifest and checks
what the app relies on: the ID, the command, the sandbox permissions and one
catalogue set for all languages (the in-app language choice needs them all).
The GNOME runtime cannot be fetched on the build machines, so the manifest is
parsed, not built.  Skips (77) without flatpak-builder.

Usage: test-data-flatpak.py MANIFEST APP_ID
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

FINISH_ARGS = ['--share=ipc', '--share=network', '--socket=wayland', '--socket=fallback-x11', '--device=dri']


def main():
    if len(sys.argv) != 3:
        print('usage: test-data-flatpak.py MANIFEST APP_ID', file=sys.stderr)
        return 2
    manifest, app_id = os.path.abspath(sys.argv[1]), sys.argv[2]
    tool = shutil.which('flatpak-builder')
    if tool is None:
        print('SKIP: flatpak-builder is not installed')
        return 77
    # flatpak-builder leaves a .flatpak-builder state directory in its working
    # directory, and --show-manifest takes no --state-dir: run it elsewhere.
    with tempfile.TemporaryDirectory(prefix='koers-flatpak-') as tmp:
        res = subprocess.run([tool, '--show-manifest', manifest],
                             cwd=tmp, capture_output=True, text=True)
    if res.returncode != 0:
        print('FAIL: flatpak-builder could not parse %s:\n%s' % (manifest, res.stderr))
        return 1
    data = json.loads(res.stdout)
    problems = []

    def expect(what, got, want):
        if got != want:
            problems.append('%s is %r, expected %r' % (what, got, want))

    expect('id', data.get('id'), app_id)
    expect('runtime', data.get('runtime'), 'org.gnome.Platform')
    expect('sdk', data.get('sdk'), 'org.gnome.Sdk')
    expect('command', data.get('command'), 'koers')
    expect('finish-args', data.get('finish-args'), FINISH_ARGS)
    expect('separate-locales', data.get('separate-locales'), False)
    modules = data.get('modules', [])
    expect('last module', modules[-1].get('name') if modules else None, 'koers')
    if modules:
        expect('koers buildsystem', modules[-1].get('buildsystem'), 'meson')
        sources = modules[-1].get('sources', [])
        expect('koers sources', [(s.get('type'), s.get('path')) for s in sources], [('dir', '..')])
    if problems:
        print('FAIL:\n  ' + '\n  '.join(problems))
        return 1
    print('PASS')
    return 0


if __name__ == '__main__':
    sys.exit(main())
