/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-settings.h"
#include "store/koers-store.h"

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
