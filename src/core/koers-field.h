/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Setters for the string fields of the model's objects.  Each returns
 * TRUE when the value really changed, so that a caller notifies only
 * then. */

/* Strings are never NULL: NULL is stored as "" (unset), so views can
 * bind them without checks. */
gboolean koers_field_set_string (char      **field,
                                 const char *value);

/* Dates (ISO 8601) are NULL when unset; "" means the same. */
gboolean koers_field_set_date (char      **field,
                               const char *value);

G_END_DECLS
