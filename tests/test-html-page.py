#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The intranet dashboard (issue 20), as TAP: `koers --export-html` of the
demo, with a hostile department name, read by a strict HTML parser and
rendered by a real browser.

* The page parses with html5lib in strict mode (any parse error fails);
  it has lang, one h1, the four sections' h2, table headers with scope,
  alt text on every chart, no script, no src, no link or url() leaving the
  page, unique ids, and the hostile name as literal text.
* Two exports of the same data are byte-identical.
* Bad input (a missing folder, an unknown language) is refused with a
  message and writes nothing.
* chromium --headless screenshots at 1280x800 and 390x844 are not blank;
  the page does not scroll sideways at 390 px (a test copy with a tiny
  script, and without the CSP that would stop it, writes scrollWidth into
  the DOM); with a dark colour scheme the background is dark.

Usage: test-html-page.py KOERS_BINARY
"""

import html
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

# html5lib and PIL are Debian packages: a python3 of its own (pyenv) may
# lack them where the system's has them.
try:
    import html5lib
    from PIL import Image
except ImportError:
    if os.path.exists('/usr/bin/python3') and os.path.realpath(sys.executable) != os.path.realpath('/usr/bin/python3'):
        os.execv('/usr/bin/python3', ['/usr/bin/python3'] + sys.argv)
    print('1..0 # SKIP python3-html5lib or python3-pil is not installed')
    sys.exit(0)

from koers_tap import check, describe, headless_env, print_results

KOERS = sys.argv[1]
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
HOSTILE = '<script>alert("x")</script> & \'Q\' \u202eevil'
XHTML = '{http://www.w3.org/1999/xhtml}'
SVG = '{http://www.w3.org/2000/svg}'


def run(*args):
    proc = subprocess.run([KOERS] + list(args), env=headless_env(), capture_output=True, text=True,
                          timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def text_of(element):
    return ''.join(element.itertext())


def check_structure(page):
    try:
        doc = html5lib.HTMLParser(strict=True).parse(page)
    except Exception as error:  # html5lib raises ParseError on the first error
        check('the page parses in strict mode', False, error)
        return
    check('the page parses in strict mode', True)
    check('html has lang="nl"', doc.get('lang') == 'nl', doc.get('lang'))
    h1 = doc.findall('.//%sh1' % XHTML)
    check('one h1', len(h1) == 1, len(h1))
    h2_ids = [h.get('id') for h in doc.iter('%sh2' % XHTML)]
    check('the four sections have headings', h2_ids == ['summary', 'attention', 'alignment', 'departments'],
          h2_ids)
    tables = doc.findall('.//%stable' % XHTML)
    check('tables', len(tables) >= 10, len(tables))
    ths = list(doc.iter('%sth' % XHTML))
    check('every th has a scope', ths and all(th.get('scope') in ('col', 'row', 'rowgroup') for th in ths),
          [th.get('scope') for th in ths if th.get('scope') is None][:3])
    heads = [text_of(th).replace('\u00ad', '') for th in tables[-1].find('%sthead' % XHTML).iter('%sth' % XHTML)]
    template = None
    for table in tables:
        head = table.find('%sthead' % XHTML)
        names = [text_of(th).replace('\u00ad', '') for th in head.iter('%sth' % XHTML)] if head is not None else []
        if names and names[0] == 'Niveau':
            template = names
            break
    check('the reporting template columns', template == ['Niveau', 'Doelstelling', 'Sleutelresultaat',
                                                         'Startwaarde', 'Doelwaarde', 'Huidig', 'Status',
                                                         'Verantwoordelijke'], template or heads)
    svgs = list(doc.iter('%ssvg' % SVG))
    check('charts are inline SVG', len(svgs) >= 5, len(svgs))
    check('every chart has alt text', all(s.get('role') == 'img' and len(s.get('aria-label') or '') > 10
                                          for s in svgs))
    check('no script', not list(doc.iter('%sscript' % XHTML)) and not list(doc.iter('%sscript' % SVG)))
    outside = []
    ids = []
    for element in doc.iter():
        for name, value in element.attrib.items():
            local = name.split('}')[-1]
            if local == 'src':
                outside.append((name, value))
            if local == 'href' and not value.startswith('#'):
                outside.append((name, value))
            if local == 'id':
                ids.append(value)
            if 'url(' in value and not re.fullmatch(r'.*url\(#[^)]*\).*', value):
                outside.append((name, value))
    for style in doc.iter('%sstyle' % XHTML):
        for url in re.findall(r'url\(([^)]*)\)', style.text or ''):
            if not url.startswith('#'):
                outside.append(('style', url))
        if '@import' in (style.text or ''):
            outside.append(('style', '@import'))
    check('nothing refers outside the page', not outside, outside[:5])
    check('ids are unique', len(ids) == len(set(ids)) and len(ids) > 50,
          sorted(i for i in set(ids) if ids.count(i) > 1)[:5])
    csp = [m.get('content') for m in doc.iter('%smeta' % XHTML) if m.get('http-equiv') == 'Content-Security-Policy']
    check('a CSP that loads nothing', csp and csp[0].startswith("default-src 'none'"), csp)
    check_no_repeated_heading(doc)
    body = text_of(doc.find('%sbody' % XHTML))
    check('the hostile name shows literally',
          body.count(HOSTILE.replace('\u202e', '[U+202E]')) >= 2 and '\u202e' not in body,
          [line for line in body.split('\n') if 'evil' in line][:3])


HEADINGS = tuple('%sh%d' % (XHTML, level) for level in range(1, 7))


def normalized(element):
    return ' '.join(text_of(element).replace('\u00ad', '').split()).casefold()


def repeated_headings(doc):
    """Each heading and what follows it (the next heading or table
    caption) where that says the heading again ("KPIs" over "Sales:
    KPIs", "Top risks" over a caption "Top risks")."""
    marks = [e for e in doc.iter() if e.tag in HEADINGS or e.tag == '%scaption' % XHTML]
    return [(normalized(a), normalized(b)) for a, b in zip(marks, marks[1:])
            if a.tag in HEADINGS and normalized(a) and normalized(a) in normalized(b)]


def check_no_repeated_heading(doc):
    repeats = repeated_headings(doc)
    check('no heading is said again by the next heading or caption', not repeats, repeats[:3])
    # The check finds what it looks for.
    sample = html5lib.HTMLParser(strict=True).parse(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><h3>KPIs</h3>'
        '<table><caption>Sales: KPIs</caption><tr><td>1</td></tr></table></body></html>')
    check('a heading said again by a caption is found', repeated_headings(sample) == [('kpis', 'sales: kpis')],
          repeated_headings(sample))
    named = [t for t in doc.iter('%stable' % XHTML) if t.find('%scaption' % XHTML) is None]
    ids = {e.get('id') for e in doc.iter() if e.get('id')}
    check('a table without caption is named by headings on the page',
          named and all(t.get('aria-labelledby') and all(i in ids for i in t.get('aria-labelledby').split())
                        for t in named if t.get('class') != 'counts'),
          [t.get('class') for t in named if not t.get('aria-labelledby')][:3])


def shoot(page, size, *extra):
    png = page + '-%s.png' % size.replace(',', 'x')
    subprocess.run([CHROMIUM, '--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
                    '--window-size=' + size, '--screenshot=' + png] + list(extra) + ['file://' + page],
                   capture_output=True, timeout=120)
    return Image.open(png).convert('RGB') if os.path.exists(png) else None


def ink_fraction(image):
    background = image.getpixel((0, 0))
    pixels = image.getdata()
    ink = sum(1 for p in pixels if sum(abs(a - b) for a, b in zip(p, background)) > 60)
    return ink / len(pixels)


def scroll_width(page, width):
    """The page's scrollWidth in a frame width px wide.  Headless chromium
    will not make its window narrower than 500 px, a frame can be; the
    probe (only in this test copy) sits in the parent page, outside the
    page's CSP."""
    with open(page, encoding='utf-8') as f:
        text = f.read()
    probe = page + '-probe-%d.html' % width
    with open(probe, 'w', encoding='utf-8') as f:
        f.write('<!DOCTYPE html><html><body style="margin:0"><iframe id="f" style="border:0;width:%dpx;'
                'height:844px" srcdoc="%s"></iframe><script>var f = document.getElementById("f");'
                'f.onload = function () { document.body.setAttribute("data-scroll-width", '
                'f.contentDocument.documentElement.scrollWidth); };</script></body></html>'
                % (width, html.escape(text, quote=True)))
    proc = subprocess.run([CHROMIUM, '--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
                           '--window-size=1280,900', '--dump-dom', 'file://' + probe],
                          capture_output=True, text=True, timeout=120)
    match = re.search(r'data-scroll-width="(\d+)"', proc.stdout)
    return int(match.group(1)) if match else None


def main():
    work = tempfile.mkdtemp(prefix='koers-html-')
    try:
        db = os.path.join(work, 'demo.db')
        status, out, err = run('--create-demo', db)
        check('the demo is created', status == 0, describe(status, out, err))
        with sqlite3.connect(db) as connection:
            connection.execute("UPDATE departments SET name = ? WHERE id = "
                               "(SELECT id FROM departments WHERE name = 'Marketing')", (HOSTILE,))

        page = os.path.join(work, 'dashboard.html')
        status, out, err = run('--database', db, '--export-html', page, '--period', '2026-Q2',
                               '--language', 'nl')
        check('--export-html writes the page', status == 0 and os.path.exists(page), describe(status, out, err))
        with open(page, 'rb') as f:
            first = f.read()
        check_structure(first)
        check('the page ends whole', first.endswith(b'</html>\n'))

        again = os.path.join(work, 'again.html')
        status, out, err = run('--database', db, '--export-html', again, '--period', '2026-Q2',
                               '--language', 'nl')
        with open(again, 'rb') as f:
            check('the same data gives the same bytes', status == 0 and f.read() == first)

        missing = os.path.join(work, 'no-such-folder', 'dashboard.html')
        status, out, err = run('--database', db, '--export-html', missing)
        check('a missing folder is refused, nothing written',
              status != 0 and err.strip() and not os.path.exists(os.path.dirname(missing)),
              describe(status, out, err))
        wrong = os.path.join(work, 'wrong.html')
        status, out, err = run('--database', db, '--export-html', wrong, '--language', 'xx')
        check('an unknown language is refused, nothing written',
              status != 0 and 'xx' in err and not os.path.exists(wrong), describe(status, out, err))

        if CHROMIUM is None:
            check('chromium is installed (the browser checks need it)', False)
            return
        for size in ('1280,800', '390,844'):
            image = shoot(page, size)
            fraction = ink_fraction(image) if image else 0
            check('the screenshot at %s is not blank' % size,
                  image is not None and image.size == tuple(int(v) for v in size.split(',')) and fraction > 0.03,
                  fraction)
        dark = shoot(page, '390,844', '--force-dark-mode', '--blink-settings=preferredColorScheme=0')
        check('dark colour scheme gives a dark page', dark is not None and sum(dark.getpixel((2, 2))) < 150,
              dark.getpixel((2, 2)) if dark else None)
        wide = os.path.join(work, 'wide.html')
        with open(wide, 'w', encoding='utf-8') as f:
            f.write('<!DOCTYPE html><html><body><div style="width:600px">wide</div></body></html>')
        measured = scroll_width(wide, 390)
        check('the probe sees a page that is too wide', measured is not None and measured > 390, measured)
        for width in (390, 1280):
            measured = scroll_width(page, width)
            check('no sideways scrolling at %d px' % width, measured is not None and measured <= width, measured)
    finally:
        shutil.rmtree(work, ignore_errors=True)


main()
print_results()
sys.exit(0 if all(ok for _, ok, _ in __import__('koers_tap').results) else 1)
