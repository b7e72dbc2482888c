/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row of the change log: who changed which entity how, and when.
 * Every write to the database adds these in its own transaction (see the
 * store's `changes` table), so they are the audit history, the feed that
 * tells a window what another process wrote, and what "History" lists.
 *
 * entity: "department", "objective", "key_result", "checkin", "kpi",
 *         "kpi_value".
 * fields: the database columns that changed, each with its old and new
 *         value as text (NULL: SQL NULL; an insert has no old values, a
 *         delete no new ones).  Links (department_id, aligned_to_id, …)
 *         hold the uuid of what they point at, not the local row id. */
typedef enum
{
  KOERS_CHANGE_INSERT,
  KOERS_CHANGE_UPDATE,
  KOERS_CHANGE_DELETE,
} KoersChangeOperation;

#define KOERS_TYPE_CHANGE (koers_change_get_type ())
G_DECLARE_FINAL_TYPE (KoersChange, koers_change, KOERS, CHANGE, GObject)

KoersChange *koers_change_new (gint64               seq,
                               const char          *key,
                               gint64               at,
                               const char          *author,
                               const char          *entity,
                               const char          *uuid,
                               const char          *parent,
                               KoersChangeOperation operation,
                               const char          *fields_json);
/* Position in this database's log (grows with every write). */
gint64 koers_change_get_seq (KoersChange *self);
/* µs since the Unix epoch, UTC. */
gint64      koers_change_get_at (KoersChange *self);
const char *koers_change_get_author (KoersChange *self);
const char *koers_change_get_entity (KoersChange *self);
const char *koers_change_get_uuid (KoersChange *self);
/* The uuid of what the entity belongs to (a key result's objective, a
 * check-in's key result, …), or NULL. */
const char          *koers_change_get_parent (KoersChange *self);
KoersChangeOperation koers_change_get_operation (KoersChange *self);
/* The fields as the log holds them: a JSON object, column → [old, new]. */
const char *koers_change_get_fields_json (KoersChange *self);

/* The changed fields, in column order, as parsed by the store. */
void        koers_change_add_field (KoersChange *self,
                                    const char  *name,
                                    const char  *old_value,
                                    const char  *new_value);
guint       koers_change_get_n_fields (KoersChange *self);
const char *koers_change_get_field_name (KoersChange *self,
                                         guint        index);
const char *koers_change_get_field_old (KoersChange *self,
                                        guint        index);
const char *koers_change_get_field_new (KoersChange *self,
                                        guint        index);
/* The field's index, or -1 when the change does not touch it. */
int koers_change_find_field (KoersChange *self,
                             const char  *name);

const char *koers_change_operation_to_string (KoersChangeOperation op);
gboolean    koers_change_operation_from_string (const char           *str,
                                                KoersChangeOperation *out);

G_END_DECLS
