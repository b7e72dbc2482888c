/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For tests that read this build's catalogue (bound to TEST_LOCALEDIR in
 * main): switches the language of messages and of formatting at once. */

#include <glib.h>
#include <libintl.h>

#include "core/koers-format.h"

static inline void
use_language (KoersLanguage language)
{
  g_setenv ("LANGUAGE", language == KOERS_LANGUAGE_NL ? "nl" : "en", TRUE);
  koers_format_set_language (language);
  /* glibc forgets the translations it looked up at a textdomain() call. */
  textdomain ("messages");
}
