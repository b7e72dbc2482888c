#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the app icons: well-formed SVG, the sizes GNOME expects, no text,
a single-colour symbolic icon, and names that match the desktop entry's Icon.

Usage: test-data-icons.py SOURCE_DATA_DIR DESKTOP_FILE APP_ID
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
COLOUR = re.compile(r'#[0-9a-fA-F]{3,8}\b|rgba?\(')

problems = []


def check_svg(path, viewbox, single_colour=None):
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        problems.append('%s: %s' % (path, e))
        return
    if root.tag != SVG + 'svg':
        problems.append('%s: root is %s, not svg' % (path, root.tag))
    if root.get('viewBox') != viewbox:
        problems.append('%s: viewBox %r, expected %r' % (path, root.get('viewBox'), viewbox))
    for el in root.iter():
        if el.tag in (SVG + 'text', SVG + 'image'):
            problems.append('%s: contains <%s>' % (path, el.tag.replace(SVG, '')))
        if single_colour is None:
            continue
        for attr in ('fill', 'stroke', 'style', 'stop-color', 'color'):
            value = el.get(attr)
            if value is None:
                continue
            for colour in COLOUR.findall(value):
                if colour.lower() != single_colour:
                    problems.append('%s: colour %s in <%s %s>' % (path, colour, el.tag.replace(SVG, ''), attr))


def main():
    if len(sys.argv) != 4:
        print('usage: test-data-icons.py SOURCE_DATA_DIR DESKTOP_FILE APP_ID', file=sys.stderr)
        return 2
    datadir, desktop, app_id = sys.argv[1:]
    icons = os.path.join(datadir, 'icons', 'hicolor')
    check_svg(os.path.join(icons, 'scalable', 'apps', app_id + '.svg'), '0 0 128 128')
    check_svg(os.path.join(icons, 'symbolic', 'apps', app_id + '-symbolic.svg'), '0 0 16 16', '#2e3436')
    with open(desktop, encoding='utf-8') as f:
        icon = [l.split('=', 1)[1].strip() for l in f if l.startswith('Icon=')]
    if icon != [app_id]:
        problems.append('%s: Icon=%s, expected %s' % (desktop, icon, app_id))
    if problems:
        print('FAIL:\n  ' + '\n  '.join(problems))
        return 1
    print('PASS')
    return 0


if __name__ == '__main__':
    sys.exit(main())
