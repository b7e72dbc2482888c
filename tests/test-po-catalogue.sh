#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The built Dutch catalogue translates through gettext the way the app asks for it:
# LANGUAGE=nl with LC_ALL=C.UTF-8 (LANGUAGE is ignored under plain C).
# Usage: test-po-catalogue.sh SOURCE_ROOT BUILD_ROOT
# Skips (77) only while po/nl.po has no translation for the probe string yet.
set -u

srcroot=$1
buildroot=$2
probe='Key result'
expected='Sleutelresultaat'
mo="$buildroot/po/nl/LC_MESSAGES/koers.mo"

if ! [ -s "$mo" ]; then
  echo "FAIL: $mo was not built" >&2
  exit 1
fi

# Is the probe translated (not fuzzy, without context) in the source catalogue?
translated=$(msgattrib --translated --no-fuzzy --no-obsolete --no-wrap "$srcroot/po/nl.po" |
             awk -v id="msgid \"$probe\"" '$0 == id && prev !~ /^msgctxt / { n++ } { prev = $0 } END { print n + 0 }')
if [ "$translated" -eq 0 ]; then
  echo "SKIP: po/nl.po has no translation for \"$probe\" yet"
  exit 77
fi

got=$(LANGUAGE=nl LC_ALL=C.UTF-8 TEXTDOMAINDIR="$buildroot/po" gettext -d koers "$probe")
if [ "$got" != "$expected" ]; then
  echo "FAIL: LANGUAGE=nl gettext \"$probe\" gave \"$got\", expected \"$expected\"" >&2
  exit 1
fi

# And the same catalogue leaves English alone.
got=$(LANGUAGE=en LC_ALL=C.UTF-8 TEXTDOMAINDIR="$buildroot/po" gettext -d koers "$probe")
if [ "$got" != "$probe" ]; then
  echo "FAIL: LANGUAGE=en gettext \"$probe\" gave \"$got\"" >&2
  exit 1
fi

echo "PASS: \"$probe\" -> \"$expected\""
exit 0
