/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The declarations, for a model class's public header, of the accessors
 * that KOERS_DEFINE_ACCESSORS and KOERS_DEFINE_RECORD_ACCESSORS define
 * (koers-property.h): one line a field, so that header and source name
 * the same fields in the same way.
 *
 *   KOERS_DECLARE_ACCESSORS (KoersCheckin, koers_checkin, const char *, note)
 *
 * declares koers_checkin_get_note() and koers_checkin_set_note(). */
#define KOERS_DECLARE_ACCESSORS(Type, prefix, Value, member) \
  Value prefix##_get_##member (Type *self);                  \
  void  prefix##_set_##member (Type *self, Value member);

/* The accessors of the four fields every stored entity has: its row id,
 * its uuid, when it was created and last updated (µs since the epoch). */
#define KOERS_DECLARE_RECORD_ACCESSORS(Type, prefix)         \
  KOERS_DECLARE_ACCESSORS (Type, prefix, gint64, id)         \
  KOERS_DECLARE_ACCESSORS (Type, prefix, const char *, uuid) \
  KOERS_DECLARE_ACCESSORS (Type, prefix, gint64, created)    \
  KOERS_DECLARE_ACCESSORS (Type, prefix, gint64, updated)

G_END_DECLS
