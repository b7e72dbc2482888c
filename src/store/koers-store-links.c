/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "koers-store-private.h"

/* Writing whole trees (an objective with its key results and check-ins,
 * a KPI with its values), and the links between rows that a delete clears
 * and its undo puts back: an objective aligned to a deleted one loses that
 * alignment (ON DELETE SET NULL), and gets it back when the deleted one
 * returns; so does a key result that moved a deleted KPI. */

static gboolean
id_in_set (GHashTable *set,
           gint64      id)
{
  return id != 0 && set != NULL && g_hash_table_contains (set, &id);
}

/* Key results that keep pointing at a KPI that goes. */
static void
collect_kpi_links (KoersStore *self,
                   GHashTable *objective_ids,
                   GHashTable *kpi_ids,
                   GArray     *out)
{
  GHashTableIter iter;
  gpointer       value;

  if (kpi_ids == NULL || g_hash_table_size (kpi_ids) == 0)
    return;

  g_hash_table_iter_init (&iter, self->key_result_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      KoersKeyResult *kr = value;
      KoersObjective *owner = koers_store_get_key_result_objective (self, kr);
      gint64          kpi_id = koers_key_result_get_kpi_id (kr);

      /* Key results that go too keep their link, for their own undo. */
      if (owner != NULL && id_in_set (objective_ids, koers_objective_get_id (owner)))
        continue;

      if (id_in_set (kpi_ids, kpi_id))
        g_array_append_val (out, ((KoersClearedLink){ KOERS_LINK_KPI,
                                                      koers_key_result_get_id (kr), kpi_id }));
    }
}

void
koers_store_collect_links (KoersStore *self,
                           GHashTable *objective_ids,
                           GHashTable *kpi_ids,
                           gint64      department_id,
                           GArray     *out)
{
  GListModel *objectives = G_LIST_MODEL (self->objectives);
  GListModel *departments = G_LIST_MODEL (self->departments);
  guint       n;

  collect_kpi_links (self, objective_ids, kpi_ids, out);

  n = g_list_model_get_n_items (objectives);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      gint64 id = koers_objective_get_id (objective);
      gint64 aligned = koers_objective_get_aligned_to_id (objective);
      gint64 carried = koers_objective_get_carried_over_from_id (objective);

      /* Rows that go too keep their links, for their own undo. */
      if (id_in_set (objective_ids, id))
        continue;

      if (id_in_set (objective_ids, aligned))
        g_array_append_val (out, ((KoersClearedLink){ KOERS_LINK_ALIGNED_TO, id, aligned }));
      if (id_in_set (objective_ids, carried))
        g_array_append_val (out, ((KoersClearedLink){ KOERS_LINK_CARRIED_OVER_FROM, id, carried }));
    }

  if (department_id == 0)
    return;

  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);
      gint64 id = koers_department_get_id (dept);

      if (id != department_id && koers_department_get_parent_id (dept) == department_id)
        g_array_append_val (out, ((KoersClearedLink){ KOERS_LINK_PARENT, id, department_id }));
    }
}

static void
set_link (KoersStore             *self,
          const KoersClearedLink *link,
          gint64                  value)
{
  if (link->kind == KOERS_LINK_PARENT)
    {
      KoersDepartment *dept = koers_store_find_department (self, link->referrer_id);

      if (dept != NULL)
        koers_department_set_parent_id (dept, value);
    }
  else if (link->kind == KOERS_LINK_KPI)
    {
      KoersKeyResult *kr = koers_store_find_key_result (self, link->referrer_id);

      if (kr != NULL)
        koers_key_result_set_kpi_id (kr, value);
    }
  else
    {
      KoersObjective *objective = koers_store_find_objective (self, link->referrer_id);

      if (objective == NULL)
        return;

      if (link->kind == KOERS_LINK_ALIGNED_TO)
        koers_objective_set_aligned_to_id (objective, value);
      else
        koers_objective_set_carried_over_from_id (objective, value);
    }
}

/* After COMMIT: what the database did with ON DELETE SET NULL. */
void
koers_store_clear_links (KoersStore *self,
                         GArray     *links)
{
  for (guint i = 0; i < links->len; i++)
    {
      const KoersClearedLink *link = &g_array_index (links, KoersClearedLink, i);

      set_link (self, link, 0);
      g_array_append_val (self->cleared_links, *link);
    }
}

static gint64
get_link (KoersStore             *self,
          const KoersClearedLink *link,
          gboolean               *exists)
{
  if (link->kind == KOERS_LINK_PARENT)
    {
      KoersDepartment *dept = koers_store_find_department (self, link->referrer_id);

      *exists = dept != NULL;
      return dept != NULL ? koers_department_get_parent_id (dept) : 0;
    }
  else if (link->kind == KOERS_LINK_KPI)
    {
      KoersKeyResult *kr = koers_store_find_key_result (self, link->referrer_id);

      *exists = kr != NULL;
      return kr != NULL ? koers_key_result_get_kpi_id (kr) : 0;
    }
  else
    {
      KoersObjective *objective = koers_store_find_objective (self, link->referrer_id);

      *exists = objective != NULL;
      if (objective == NULL)
        return 0;
      if (link->kind == KOERS_LINK_ALIGNED_TO)
        return koers_objective_get_aligned_to_id (objective);
      return koers_objective_get_carried_over_from_id (objective);
    }
}

/* Inside the restore's transaction: points the rows that lost a link to
 * a restored row at it again, unless they got another link since. */
gboolean
koers_store_relink (KoersStore *self,
                    GHashTable *objective_ids,
                    GHashTable *kpi_ids,
                    gint64      department_id,
                    GArray     *out,
                    GError    **error)
{
  static const char *const sql[] = {
    [KOERS_LINK_ALIGNED_TO] =
      "UPDATE objectives SET aligned_to_id = ?1 WHERE id = ?2 AND aligned_to_id IS NULL",
    [KOERS_LINK_CARRIED_OVER_FROM] =
      ("UPDATE objectives SET carried_over_from_id = ?1"
       " WHERE id = ?2 AND carried_over_from_id IS NULL"),
    [KOERS_LINK_PARENT] =
      "UPDATE departments SET parent_id = ?1 WHERE id = ?2 AND parent_id IS NULL",
    [KOERS_LINK_KPI] =
      "UPDATE key_results SET kpi_id = ?1 WHERE id = ?2 AND kpi_id IS NULL",
  };

  for (guint i = 0; i < self->cleared_links->len; i++)
    {
      const KoersClearedLink *link = &g_array_index (self->cleared_links, KoersClearedLink, i);
      g_autoptr (KoersDbStmt) stmt = NULL;
      gboolean exists;
      gboolean restored;

      if (link->kind == KOERS_LINK_PARENT)
        restored = department_id != 0 && link->target_id == department_id;
      else if (link->kind == KOERS_LINK_KPI)
        restored = id_in_set (kpi_ids, link->target_id);
      else
        restored = id_in_set (objective_ids, link->target_id);

      if (!restored || get_link (self, link, &exists) != 0 || !exists)
        continue;

      stmt = koers_store_prepare (self, sql[link->kind], error);
      if (stmt == NULL)
        return FALSE;

      koers_db_bind_int64 (stmt, 1, link->target_id);
      koers_db_bind_int64 (stmt, 2, link->referrer_id);
      if (!koers_store_step_done (self, stmt, error))
        return FALSE;

      if (koers_db_changes (self->db) == 1)
        g_array_append_val (out, *link);
    }

  return TRUE;
}

static gboolean
same_link (const KoersClearedLink *a,
           const KoersClearedLink *b)
{
  return a->kind == b->kind && a->referrer_id == b->referrer_id && a->target_id == b->target_id;
}

/* After COMMIT of a restore. */
void
koers_store_apply_relinks (KoersStore *self,
                           GArray     *links)
{
  for (guint i = 0; i < links->len; i++)
    {
      const KoersClearedLink *link = &g_array_index (links, KoersClearedLink, i);

      set_link (self, link, link->target_id);

      for (guint j = self->cleared_links->len; j > 0; j--)
        {
          if (same_link (&g_array_index (self->cleared_links, KoersClearedLink, j - 1), link))
            g_array_remove_index (self->cleared_links, j - 1);
        }
    }
}

/* Asks the database, not the indexes: a department's restore writes its
 * KPIs earlier in the same transaction. */
static gboolean
kpi_row_exists (KoersStore *self,
                gint64      id,
                gboolean   *exists,
                GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  int rc;

  stmt = koers_store_prepare (self, "SELECT 1 FROM kpis WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  koers_db_bind_int64 (stmt, 1, id);
  rc = koers_db_step (stmt);
  if (rc != KOERS_DB_ROW && rc != KOERS_DB_DONE)
    {
      koers_store_set_db_error (self, rc, error);
      return FALSE;
    }

  *exists = rc == KOERS_DB_ROW;
  return TRUE;
}

/* A new key result may only name a KPI that exists; an undo cannot point
 * at one that is gone for good, so that link stays cleared. */
static gboolean
check_kpi_link (KoersStore *self,
                KoersRow   *row,
                gboolean    fresh,
                GError    **error)
{
  gboolean exists;

  if (row->kpi_id == 0)
    return TRUE;

  if (!kpi_row_exists (self, row->kpi_id, &exists, error))
    return FALSE;

  if (exists)
    return TRUE;

  if (!fresh)
    {
      row->kpi_id = 0;
      return TRUE;
    }

  g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                       _ ("The key result’s KPI does not exist"));
  return FALSE;
}

/* The check-ins of a key result or the values of a KPI, under the parent
 * row just written, oldest first: among those of one day, a newer one
 * gets the larger id, which is how the list already sorts them. */
static gboolean
insert_dated_children (KoersStore *self,
                       GListModel *children,
                       KoersRow   *parent,
                       gboolean    fresh,
                       GPtrArray  *pending,
                       GError    **error)
{
  for (guint i = g_list_model_get_n_items (children); i > 0; i--)
    {
      g_autoptr (GObject) child = g_list_model_get_item (children, i - 1);
      KoersRow *row = koers_row_new_from_object (child);

      g_ptr_array_add (pending, row);
      if (fresh)
        {
          /* New ids, with the parent row's stamps. */
          koers_row_make_fresh (row, parent->created);
          if (row->date == NULL)
            row->date = koers_date_today_iso ();
        }
      row->owner_id = parent->id;

      if (!koers_store_insert_row (self, row, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
koers_store_insert_key_result_tree (KoersStore     *self,
                                    KoersKeyResult *kr,
                                    KoersRow       *row,
                                    gboolean        fresh,
                                    GPtrArray      *pending,
                                    GError        **error)
{
  GListModel *checkins = koers_key_result_get_checkins (kr);

  g_ptr_array_add (pending, row);

  if (!check_kpi_link (self, row, fresh, error) ||
      !koers_store_insert_row (self, row, error) ||
      !insert_dated_children (self, checkins, row, fresh, pending, error))
    return FALSE;

  if (fresh && g_list_model_get_n_items (checkins) > 0)
    return koers_store_sync_current_value (self, row->id, &row->has_current,
                                           &row->current_value, error);

  return TRUE;
}

gboolean
koers_store_insert_objective_tree (KoersStore     *self,
                                   KoersObjective *objective,
                                   KoersRow       *row,
                                   gboolean        fresh,
                                   GHashTable     *restoring,
                                   GPtrArray      *pending,
                                   GError        **error)
{
  GListModel *krs = koers_objective_get_key_results (objective);
  guint       n = g_list_model_get_n_items (krs);

  g_ptr_array_add (pending, row);

  /* An undo cannot point at what is gone for good: such a link stays
   * cleared, as ON DELETE SET NULL left it. */
  if (!fresh)
    {
      if (row->aligned_to_id != 0 &&
          koers_store_find_objective (self, row->aligned_to_id) == NULL &&
          !id_in_set (restoring, row->aligned_to_id))
        row->aligned_to_id = 0;
      if (row->carried_over_from_id != 0 &&
          koers_store_find_objective (self, row->carried_over_from_id) == NULL &&
          !id_in_set (restoring, row->carried_over_from_id))
        row->carried_over_from_id = 0;
    }

  if (!koers_store_insert_row (self, row, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);
      KoersRow *krow = koers_row_new_from_object (G_OBJECT (kr));

      if (fresh)
        {
          /* The parent row's stamps; positions in list order. */
          koers_row_make_fresh (krow, row->created);
          krow->order = i;
        }
      krow->owner_id = row->id;

      if (!koers_store_insert_key_result_tree (self, kr, krow, fresh, pending, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
koers_store_insert_kpi_tree (KoersStore *self,
                             KoersKpi   *kpi,
                             KoersRow   *row,
                             gboolean    fresh,
                             GPtrArray  *pending,
                             GError    **error)
{
  g_ptr_array_add (pending, row);

  return koers_store_insert_row (self, row, error) &&
         insert_dated_children (self, koers_kpi_get_values (kpi), row, fresh, pending, error);
}

/* What a write of one new object inserts: its row, and under it what it
 * holds. */
static gboolean
insert_tree (KoersStore *self,
             GObject    *object,
             KoersRow   *row,
             gboolean    fresh,
             GPtrArray  *pending,
             GError    **error)
{
  if (KOERS_IS_OBJECTIVE (object))
    return koers_store_insert_objective_tree (self, KOERS_OBJECTIVE (object), row, fresh, NULL,
                                              pending, error);
  if (KOERS_IS_KEY_RESULT (object))
    return koers_store_insert_key_result_tree (self, KOERS_KEY_RESULT (object), row, fresh,
                                               pending, error);
  if (KOERS_IS_KPI (object))
    return koers_store_insert_kpi_tree (self, KOERS_KPI (object), row, fresh, pending, error);

  g_ptr_array_add (pending, row);
  return koers_store_insert_row (self, row, error);
}

gboolean
koers_store_write_tree (KoersStore *self,
                        GObject    *object,
                        KoersRow   *row,
                        gboolean    fresh,
                        GError    **error)
{
  g_autoptr (GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) koers_row_free);

  if (!koers_store_begin (self, error))
    {
      koers_row_free (row);
      return FALSE;
    }

  if (!insert_tree (self, object, row, fresh, pending, error) || !koers_store_commit (self, error))
    {
      koers_store_rollback (self);
      return FALSE;
    }

  koers_store_apply_rows (pending);
  return TRUE;
}
