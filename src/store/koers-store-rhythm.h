/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "core/koers-due.h"
#include "koers-store.h"

G_BEGIN_DECLS

/* The company's check-in rhythm (the check-in day, late after so many
 * days), kept in the database's settings so a team shares it.  A database
 * that never set it has the defaults (koers_rhythm_init()); a stored value
 * out of range reads as its default. */
gboolean koers_store_read_rhythm (KoersStore  *self,
                                  KoersRhythm *out,
                                  GError     **error);
/* One transaction; ends with "changed".  KOERS_STORE_ERROR_CONSTRAINT for a
 * rhythm out of range (nothing written). */
gboolean koers_store_write_rhythm (KoersStore        *self,
                                   const KoersRhythm *rhythm,
                                   GError           **error);

/* What is due on today (NULL: koers_date_today()) in the model as it is:
 * see koers_due_collect().  The caller reads the period of today first. */
GPtrArray *koers_store_collect_due (KoersStore        *self,
                                    const KoersRhythm *rhythm,
                                    const GDate       *today);

G_END_DECLS
