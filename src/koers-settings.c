/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "core/koers-format.h"
#include "koers-settings.h"
#include "store/koers-store.h"

/* LANGUAGE as the environment gave it, before apply_language(). */
static char    *original_language;
static gboolean language_overridden;

/* g_settings_new() aborts on a missing schema; a build run by
 * hand has none. */
GSettings *
koers_settings_lookup (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

char *
koers_settings_get_default_database (void)
{
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *chosen = NULL;

  /* KOERS_DATABASE (tests, scripts) comes before what the person chose. */
  if (g_getenv ("KOERS_DATABASE") == NULL || g_getenv ("KOERS_DATABASE")[0] == '\0')
    settings = koers_settings_lookup ();
  /* The company server, when Preferences chose it. */
  if (settings != NULL && g_settings_get_boolean (settings, "use-server"))
    chosen = g_settings_get_string (settings, "server-uri");
  if (settings != NULL && (chosen == NULL || chosen[0] == '\0'))
    {
      g_clear_pointer (&chosen, g_free);
      g_settings_get (settings, "database-path", "^ay", &chosen);
    }
  if (chosen != NULL && chosen[0] != '\0')
    return g_steal_pointer (&chosen);

  return koers_store_get_default_path ();
}

char *
koers_settings_apply_language (void)
{
  g_autoptr (GSettings) settings = koers_settings_lookup ();
  g_autofree char *language = NULL;
  const char      *messages;

  /* Without the schema the system language applies; the window would
   * need the schema anyway. */
  if (settings == NULL)
    return g_strdup ("system");

  language = g_settings_get_string (settings, "language");
  if (g_strcmp0 (language, "nl") != 0 && g_strcmp0 (language, "en") != 0)
    return g_steal_pointer (&language);

  if (!language_overridden)
    {
      original_language = g_strdup (g_getenv ("LANGUAGE"));
      language_overridden = TRUE;
    }
  g_setenv ("LANGUAGE", language, TRUE);
  koers_format_set_language (koers_language_from_string (language));

  /* gettext ignores LANGUAGE in the C locale; C.UTF-8 is everywhere. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");

  return g_steal_pointer (&language);
}

void
koers_settings_restore_environment (void)
{
  if (!language_overridden)
    return;

  if (original_language != NULL)
    g_setenv ("LANGUAGE", original_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}
