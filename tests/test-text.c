/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-text.h"

/* Control characters: found where a field may not hold them, escaped for
 * a terminal. */

static void
test_find_control (void)
{
  static const struct
  {
    const char *text;
    gunichar    single_line;
    gunichar    multi_line;
  } cases[] = {
    { "plain € text 🚀", 0, 0 },
    { "", 0, 0 },
    { "clear\x1b[2J", 0x1b, 0x1b },
    { "bell\a", 0x07, 0x07 },
    { "two\nlines", '\n', 0 },
    { "a\ttab", '\t', 0 },
    { "windows\r\nline", '\r', 0 },
    { "bare\rreturn", '\r', '\r' },
    { "end\r", '\r', '\r' },
    { "delete\x7f", 0x7f, 0x7f },
    { "c1 \xc2\x9b"
      "31m",
      0x9b, 0x9b },             /* U+009B, CSI */
    { "nbsp\xc2\xa0ok", 0, 0 }, /* U+00A0 is no control */
    { "broken \xff utf-8", 0, 0 },
    { "broken \xff then \x1b", 0x1b, 0x1b },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpuint (koers_text_find_control (cases[i].text, FALSE), ==, cases[i].single_line);
      g_assert_cmpuint (koers_text_find_control (cases[i].text, TRUE), ==, cases[i].multi_line);
    }
  g_assert_cmpuint (koers_text_find_control (NULL, FALSE), ==, 0);
}

static void
test_escape_controls (void)
{
  static const struct
  {
    const char *text;
    const char *escaped;
  } cases[] = {
    { "plain “quoted” € 🚀", "plain “quoted” € 🚀" },
    { "line\n\tindented", "line\n\tindented" },
    { "title\x1b]0;owned\a", "title\\u001b]0;owned\\u0007" },
    { "over\rwrite", "over\\u000dwrite" },
    { "del\x7f", "del\\u007f" },
    { "csi\xc2\x9b"
      "2J",
      "csi\\u009b2J" },
    { "bad\xff\xfe", "bad\\xff\\xfe" },
    { "cut \xe2\x82", "cut \\xe2\\x82" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = koers_text_escape_controls (cases[i].text);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
      g_assert_true (g_utf8_validate (escaped, -1, NULL));
      g_assert_cmpuint (koers_text_find_control (escaped, TRUE), ==, 0);
    }
}

#define FSI "\xe2\x81\xa8" /* U+2068 FIRST STRONG ISOLATE */
#define PDI "\xe2\x81\xa9" /* U+2069 POP DIRECTIONAL ISOLATE */
#define RLO "\xe2\x80\xae" /* U+202E RIGHT-TO-LEFT OVERRIDE */
#define RLI "\xe2\x81\xa7" /* U+2067 RIGHT-TO-LEFT ISOLATE */
#define LRM "\xe2\x80\x8e" /* U+200E LEFT-TO-RIGHT MARK */

/* User text placed among other text is one isolate: its direction
 * controls (an RLO) end where it ends. */
static void
test_isolate (void)
{
  static const struct
  {
    const char *text;
    const char *isolated;
  } cases[] = {
    { "Sales", FSI "Sales" PDI },
    /* A mark before an override that comes first: Pango would take the
     * override for the line's direction. */
    { RLO "Sales", FSI LRM RLO "Sales" PDI },
    { "Sales " RLO "team", FSI "Sales " RLO "team" PDI },
    /* Already one isolate: not wrapped twice. */
    { FSI "Sales" PDI, FSI "Sales" PDI },
    { RLI "Sales" PDI, RLI "Sales" PDI },
    /* Two isolates side by side are not one: wrapped. */
    { FSI "a" PDI " " FSI "b" PDI, FSI FSI "a" PDI " " FSI "b" PDI PDI },
    /* A PDI of its own would end the isolate early: left out. */
    { "a" PDI RLO "b", FSI "a" RLO "b" PDI },
    { "1 " RLO "b", FSI LRM "1 " RLO "b" PDI },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *isolated = koers_text_isolate (cases[i].text);

      g_assert_cmpstr (isolated, ==, cases[i].isolated);
    }

  {
    g_autofree char *none = koers_text_isolate (NULL);

    g_assert_cmpstr (none, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/find-control", test_find_control);
  g_test_add_func ("/text/escape-controls", test_escape_controls);
  g_test_add_func ("/text/isolate", test_isolate);

  return g_test_run ();
}
