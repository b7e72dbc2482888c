/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "koers-author.h"

/* The GSettings key, in the schema under data/. */
#define AUTHOR_KEY "author-name"

char *
koers_author_get_account_name (void)
{
  const char      *real_name = g_get_real_name ();
  g_autofree char *stripped = g_strstrip (g_strdup (real_name != NULL ? real_name : ""));

  /* GLib says "Unknown" when the account has no real name. */
  if (*stripped == '\0' || g_str_equal (stripped, "Unknown"))
    return g_strdup (g_get_user_name ());

  return g_steal_pointer (&stripped);
}

char *
koers_author_resolve (const char *setting)
{
  g_autofree char *stripped = g_strstrip (g_strdup (setting != NULL ? setting : ""));

  if (*stripped == '\0')
    return koers_author_get_account_name ();

  return g_steal_pointer (&stripped);
}

char *
koers_author_get_name (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *setting = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, AUTHOR_KEY))
    return koers_author_get_account_name ();

  settings = g_settings_new_full (schema, NULL, NULL);
  setting = g_settings_get_string (settings, AUTHOR_KEY);
  return koers_author_resolve (setting);
}
