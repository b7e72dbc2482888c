/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "koers-store-capacity.h"
#include "koers-store-private.h"

/* Escalations of a committed objective or key result (schema 7): raised
 * with a reason and the help asked, resolved with a note; who and when
 * come from the store's author (the change log's) and the clock. */

static GPtrArray *
query_escalations (KoersStore *self,
                   const char *where,
                   gint64      id,
                   GError    **error)
{
  g_autofree char *rest = g_strdup_printf ("FROM escalations %s ORDER BY raised_at DESC, id DESC",
                                           where);
  g_autoptr (KoersDbStmt) stmt = koers_store_prepare_select (self, &koers_entity_escalation, rest,
                                                             error);

  if (stmt == NULL)
    return NULL;
  if (id != 0)
    koers_db_bind_int64 (stmt, 1, id);
  return koers_store_read_objects (self, &koers_entity_escalation, stmt, error);
}

GPtrArray *
koers_store_list_escalations (KoersStore *self,
                              gboolean    open_only,
                              GError    **error)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return query_escalations (self, open_only ? "WHERE resolved = 0" : "", 0, error);
}

static const char *
get_author (KoersStore *self)
{
  return koers_store_get_author (self);
}

gboolean
koers_store_escalate (KoersStore       *self,
                      KoersObjective   *objective,
                      KoersKeyResult   *kr,
                      const char       *reason,
                      const char       *help,
                      KoersEscalation **escalation,
                      GError          **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) added = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *reason_text = NULL;
  g_autofree char *help_text = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);
  g_return_val_if_fail (kr == NULL || KOERS_IS_KEY_RESULT (kr), FALSE);

  if (!koers_escalation_validate (reason, help, error))
    return FALSE;
  if (koers_store_find_objective (self, koers_objective_get_id (objective)) != objective ||
      (kr != NULL && koers_store_get_key_result_objective (self, kr) != objective))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                           _ ("The objective is not in this database"));
      return FALSE;
    }
  if (koers_objective_get_kind (objective) != KOERS_OBJECTIVE_KIND_COMMITTED)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("Only committed objectives are escalated to management"));
      return FALSE;
    }

  uuid = koers_uuid_new ();
  reason_text = g_strstrip (g_strdup (reason));
  help_text = g_strstrip (g_strdup (help));
  stmt = koers_store_begin_write (self,
                                  "INSERT INTO escalations (uuid, objective_id, key_result_id, reason,"
                                  " help, raised_by, raised_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  koers_store_bind_text (stmt, 1, uuid);
  koers_db_bind_int64 (stmt, 2, koers_objective_get_id (objective));
  koers_store_bind_link (stmt, 3, kr != NULL ? koers_key_result_get_id (kr) : 0);
  koers_store_bind_text (stmt, 4, reason_text);
  koers_store_bind_text (stmt, 5, help_text);
  koers_db_bind_text (stmt, 6, get_author (self));
  koers_db_bind_int64 (stmt, 7, koers_now_usec ());
  if (!koers_store_end_write (self, stmt, error))
    return FALSE;

  if (escalation != NULL)
    {
      added = query_escalations (self, "WHERE id = ?1", koers_db_last_insert_id (self->db), NULL);
      *escalation = added != NULL && added->len == 1 ? g_object_ref (g_ptr_array_index (added, 0)) : NULL;
    }
  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_resolve_escalation (KoersStore *self,
                                gint64      escalation_id,
                                const char *resolution,
                                GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autofree char *note = g_strstrip (g_strdup (resolution != NULL ? resolution : ""));

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);

  if (*note == '\0')
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("Say how it was resolved"));
      return FALSE;
    }

  stmt = koers_store_begin_write (self,
                                  "UPDATE escalations SET resolved = 1, resolution = ?1, resolved_by = ?2,"
                                  " resolved_at = ?3 WHERE id = ?4 AND resolved = 0",
                                  error);
  if (stmt == NULL)
    return FALSE;
  koers_store_bind_text (stmt, 1, note);
  koers_db_bind_text (stmt, 2, get_author (self));
  koers_db_bind_int64 (stmt, 3, koers_now_usec ());
  koers_db_bind_int64 (stmt, 4, escalation_id);
  if (!koers_store_step_done (self, stmt, error))
    goto rollback;
  if (koers_db_changes (self->db) != 1)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                           _ ("The escalation is not open in this database"));
      goto rollback;
    }
  if (!koers_store_commit (self, error))
    goto rollback;

  koers_store_emit_changed (self);
  return TRUE;

rollback:
  koers_store_rollback (self);
  return FALSE;
}

static guint
count (KoersStore *self,
       const char *sql,
       gint64      a,
       gint64      b)
{
  g_autoptr (KoersDbStmt) stmt = koers_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return 0;
  koers_db_bind_int64 (stmt, 1, a);
  koers_db_bind_int64 (stmt, 2, b);
  return koers_db_step (stmt) == KOERS_DB_ROW ? (guint) koers_db_column_int64 (stmt, 0) : 0;
}

guint
koers_store_count_open_escalations (KoersStore *self,
                                    gint64      objective_id,
                                    gint64      kr_id)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), 0);

  if (kr_id != 0)
    return count (self, "SELECT count(*) FROM escalations WHERE key_result_id = ?2 AND resolved = 0",
                  objective_id, kr_id);
  return count (self, "SELECT count(*) FROM escalations WHERE objective_id = ?1 AND resolved = 0",
                objective_id, kr_id);
}

/* Every department's count in one query, kept until the next change: a
 * sidebar row asks for its own at every period switch. */
static GHashTable *
count_by_department (KoersStore *self)
{
  g_autoptr (GHashTable) counts = NULL;
  g_autoptr (KoersDbStmt) stmt = NULL;
  int rc;

  if (self->department_escalations != NULL)
    return self->department_escalations;

  stmt = koers_store_prepare (self,
                              "SELECT o.department_id, count(*) FROM escalations AS e"
                              " JOIN objectives AS o ON o.id = e.objective_id"
                              " WHERE e.resolved = 0 AND o.archived = 0 GROUP BY o.department_id",
                              NULL);
  if (stmt == NULL)
    return NULL;

  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      gint64 id = koers_db_column_int64 (stmt, 0);

      g_hash_table_insert (counts, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER ((guint) koers_db_column_int64 (stmt, 1)));
    }
  if (rc != KOERS_DB_DONE)
    return NULL;

  self->department_escalations = g_steal_pointer (&counts);
  return self->department_escalations;
}

guint
koers_store_count_department_escalations (KoersStore *self,
                                          gint64      department_id)
{
  GHashTable *counts;

  g_return_val_if_fail (KOERS_IS_STORE (self), 0);

  counts = count_by_department (self);
  return counts != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, &department_id)) : 0;
}

GHashTable *
koers_store_get_escalated_uuids (KoersStore *self)
{
  GHashTable *uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (KoersDbStmt) stmt = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (self), uuids);

  stmt = koers_store_prepare (self,
                              "SELECT o.uuid FROM escalations AS e JOIN objectives AS o"
                              " ON o.id = e.objective_id WHERE e.key_result_id IS NULL"
                              " UNION SELECT k.uuid FROM escalations AS e JOIN key_results AS k"
                              " ON k.id = e.key_result_id",
                              NULL);
  while (stmt != NULL && koers_db_step (stmt) == KOERS_DB_ROW)
    g_hash_table_add (uuids, g_strdup (koers_store_column_text (stmt, 0)));
  return uuids;
}
