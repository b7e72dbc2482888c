#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates the merged metainfo with appstreamcli, pedantic, without network.

Fails on any error, warning or info.  Two findings are accepted:
- pedantic hints (the component ID io.github.koersapp.Koers has capitals by
  design, as every reverse-DNS ID with a CamelCase app name does);
- 'unknown-tag developer' from AppStream before 1.0, which does not know the
  <developer> element yet (AppStream 1.0 requires it instead of the
  deprecated <developer_name>).

Usage: test-data-appstream.py METAINFO
"""

import re
import shutil
import subprocess
import sys

ISSUE = re.compile(r'^([EWIP]): (\S+?):(?:(\d+):)? (\S+)(.*)$')
ACCEPTED = {('I', 'unknown-tag', 'developer')}


def main():
    if len(sys.argv) != 2:
        print('usage: test-data-appstream.py METAINFO', file=sys.stderr)
        return 2
    tool = shutil.which('appstreamcli')
    if tool is None:
        print('appstreamcli is not installed')
        return 77
    res = subprocess.run([tool, 'validate', '--no-net', '--pedantic', sys.argv[1]],
                         capture_output=True, text=True)
    print(res.stdout + res.stderr)
    bad = []
    for line in res.stdout.splitlines():
        m = ISSUE.match(line.strip())
        if not m:
            continue
        severity, _cid, _line, tag, rest = m.groups()
        if severity == 'P':
            continue
        if (severity, tag, rest.strip()) in ACCEPTED:
            continue
        bad.append(line.strip())
    if res.returncode != 0:
        print('FAIL: appstreamcli exited with %d' % res.returncode)
        return 1
    if bad:
        print('FAIL: unexpected findings:\n  ' + '\n  '.join(bad))
        return 1
    print('PASS')
    return 0


if __name__ == '__main__':
    sys.exit(main())
