/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For tests that read this build's catalogue (bound to TEST_LOCALEDIR in
 * main): switches the language of messages and of formatting at once. */

#include <glib.h>
#include <libintl.h>
#include <locale.h>

#include "core/koers-format.h"

static inline void
use_language (KoersLanguage language)
{
  g_setenv ("LANGUAGE", language == KOERS_LANGUAGE_NL ? "nl" : "en", TRUE);
  koers_format_set_language (language);
  /* glibc forgets the translations it looked up at a textdomain() call. */
  textdomain ("messages");
}

/* As main() does, with the catalogue in localedir: gettext() is the app's
 * domain.  GLib decides once, at the first g_dgettext(), whether to
 * translate at all; in the app's domain it only does when that domain has
 * a catalogue for the language of that moment, so the first look-up
 * happens here, in Dutch: probe must translate to dutch.  Leaves the
 * language English and gettext() in the app's domain. */
static inline void
use_catalogue (const char *localedir,
               const char *probe,
               const char *dutch)
{
  g_setenv ("LANGUAGE", "nl", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, probe), ==, dutch);
  g_setenv ("LANGUAGE", "en", TRUE);
  koers_format_set_language (KOERS_LANGUAGE_EN);
  textdomain (GETTEXT_PACKAGE);
}
