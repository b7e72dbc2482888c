#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the gettext setup, as TAP.

1. every file under src/ and data/ with translatable strings is listed in
   po/POTFILES.in, and every listed file exists;
2. po/nl.po has no untranslated or fuzzy entry against a fresh template
   made from POTFILES.in with the same xgettext arguments as meson's
   'glib' preset;
3. po/nl.po passes msgfmt --check.

Usage: test-po.py SOURCE_ROOT
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

PACKAGE = 'koers'

# The same arguments meson's i18n.gettext(preset: 'glib') gives xgettext.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

# What marks a string for translation in code and in GtkBuilder files.
MARKER = re.compile(r'(?<![\w])(?:N|C|NC|Q)?_\s*\(\s*"'
                    r'|\b(?:g_d)?n?gettext\s*\('
                    r'|\bg_dngettext\b'
                    r'|translatable\s*=\s*["\']yes["\']')
SCANNED_SUFFIXES = ('.c', '.h', '.ui', '.in', '.xml')
# Files that are translated whole (desktop entry, metainfo, schema).
ALWAYS_TRANSLATABLE = re.compile(r'^data/[^/]+\.(?:desktop\.in|metainfo\.xml\.in|gschema\.xml)$')

tap_count = 0
failed = False


def tap(ok, name, diagnostics=()):
    global tap_count, failed
    tap_count += 1
    print(('ok' if ok else 'not ok') + ' %d - %s' % (tap_count, name))
    for line in diagnostics:
        print('# ' + line)
    if not ok:
        failed = True


def read_potfiles(srcroot):
    listed = []
    with open(os.path.join(srcroot, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#') and not line.startswith('['):
                listed.append(line)
    return listed


def find_translatable(srcroot):
    found = []
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(srcroot, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(SCANNED_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, srcroot).replace(os.sep, '/')
                if ALWAYS_TRANSLATABLE.match(rel):
                    found.append(rel)
                    continue
                with open(path, encoding='utf-8', errors='replace') as f:
                    if MARKER.search(f.read()):
                        found.append(rel)
    return found


def check_potfiles(srcroot, listed):
    missing = [p for p in find_translatable(srcroot) if p not in listed]
    tap(not missing, 'every file with translatable strings is in po/POTFILES.in',
        ['not listed: ' + p for p in missing])
    absent = [p for p in listed if not os.path.isfile(os.path.join(srcroot, p))]
    tap(not absent, 'every file in po/POTFILES.in exists',
        ['listed but absent: ' + p for p in absent])
    dupes = sorted({p for p in listed if listed.count(p) > 1})
    tap(not dupes, 'po/POTFILES.in lists each file once',
        ['listed twice: ' + p for p in dupes])
    return not absent


STAT = re.compile(r'(\d+) (translated|fuzzy|untranslated)')


def statistics(pofile):
    """msgfmt --statistics counts of one catalogue."""
    res = subprocess.run(['msgfmt', '--statistics', '-o', os.devnull, pofile],
                         capture_output=True, text=True)
    counts = {'translated': 0, 'fuzzy': 0, 'untranslated': 0}
    for number, kind in STAT.findall(res.stderr):
        counts[kind] = int(number)
    return res.returncode, counts, res.stderr.strip()


def unfinished_msgids(pofile):
    """The msgids that are fuzzy or untranslated, for the diagnostics."""
    res = subprocess.run(['msgattrib', '--only-fuzzy', pofile], capture_output=True, text=True)
    fuzzy = res.stdout
    res = subprocess.run(['msgattrib', '--untranslated', pofile], capture_output=True, text=True)
    ids = []
    for block in re.findall(r'^msgid ((?:".*"\n)+)', fuzzy + res.stdout, re.M):
        text = ''.join(re.findall(r'"(.*)"', block))
        if text:
            ids.append(text)
    return ids


def check_translation(srcroot, tmp):
    pot = os.path.join(tmp, PACKAGE + '.pot')
    res = subprocess.run(['xgettext', '--package-name=' + PACKAGE,
                          '-f', os.path.join(srcroot, 'po', 'POTFILES.in'),
                          '-D', srcroot, '-o', pot] + XGETTEXT_ARGS,
                         capture_output=True, text=True)
    diag = res.stderr.strip().splitlines()
    tap(res.returncode == 0 and os.path.exists(pot), 'xgettext makes a template from POTFILES.in', diag)
    if res.returncode != 0 or not os.path.exists(pot):
        tap(False, 'po/nl.po is complete against a fresh template', ['no template'])
        return

    merged = os.path.join(tmp, 'nl.po')
    shutil.copy(os.path.join(srcroot, 'po', 'nl.po'), merged)
    res = subprocess.run(['msgmerge', '--quiet', '--update', '--backup=off', merged, pot],
                         capture_output=True, text=True)
    if res.returncode != 0:
        tap(False, 'po/nl.po is complete against a fresh template',
            ['msgmerge failed:'] + res.stderr.strip().splitlines())
        return

    rc, counts, text = statistics(merged)
    ok = rc == 0 and counts['fuzzy'] == 0 and counts['untranslated'] == 0 and counts['translated'] > 0
    diag = [text]
    if not ok:
        ids = unfinished_msgids(merged)
        diag += ['unfinished: ' + i for i in ids[:40]]
        if len(ids) > 40:
            diag.append('… and %d more' % (len(ids) - 40))
    tap(ok, 'po/nl.po has no untranslated or fuzzy entries', diag)


def check_msgfmt(srcroot):
    res = subprocess.run(['msgfmt', '--check', '-o', os.devnull,
                          os.path.join(srcroot, 'po', 'nl.po')],
                         capture_output=True, text=True)
    tap(res.returncode == 0, 'msgfmt --check po/nl.po', res.stderr.strip().splitlines())


def main():
    if len(sys.argv) != 2:
        print('usage: test-po.py SOURCE_ROOT', file=sys.stderr)
        return 2
    srcroot = os.path.abspath(sys.argv[1])
    print('1..6')
    listed = read_potfiles(srcroot)
    all_exist = check_potfiles(srcroot, listed)
    with tempfile.TemporaryDirectory(prefix='koers-test-po-') as tmp:
        if all_exist:
            check_translation(srcroot, tmp)
        else:
            tap(False, 'xgettext makes a template from POTFILES.in', ['POTFILES.in lists absent files'])
            tap(False, 'po/nl.po has no untranslated or fuzzy entries', ['no template'])
    check_msgfmt(srcroot)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
