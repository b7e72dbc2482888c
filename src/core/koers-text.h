/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Control characters in text people typed or files brought: C0 (U+0000 to
 * U+001F), DEL and C1 (U+0080 to U+009F).  A terminal acts on them (clear
 * the screen, set the window title), a label shows them as boxes. */

/* The first control character in text that its kind of field may not hold,
 * or 0 when there is none.  Multi-line text (notes) may hold line feeds,
 * tabs and a CR right before a line feed; other text none at all.  Text
 * that is not valid UTF-8 has its valid characters checked. */
gunichar koers_text_find_control (const char *text,
                                  gboolean    multi_line);

/* text for a terminal: control characters but line feed and tab written
 * as \u001b, bytes that are not UTF-8 as \xff, the rest as it is. */
char *koers_text_escape_controls (const char *text);

/* text for a place among other text (a heading, a list of parts, a
 * message): one bidi isolate (U+2068 … U+2069), so that direction
 * controls in it (an RLO) cannot reorder what stands around it; an
 * override before the first letter gets a LEFT-TO-RIGHT MARK before it, so
 * that Pango does not make the whole line right-to-left.  Text that
 * is one isolate already is returned as it is; a PDI without its opening
 * is left out, as it would end the isolate early.  NULL or "" gives "".
 * For display only: files and the database keep the text as typed. */
char *koers_text_isolate (const char *text);

/* Appends text (NULL: nothing) on one line: line breaks and tabs become
 * spaces, for plain-text reports (titles may hold line breaks). */
void koers_text_append_one_line (GString    *out,
                                 const char *text);

G_END_DECLS
