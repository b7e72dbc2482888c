/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-field.h"

gboolean
koers_field_set_string (char      **field,
                        const char *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
koers_field_set_date (char      **field,
                      const char *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}
