/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "koers-json-private.h"
#include "store/koers-store-import.h"

/* Import: the whole file is read and checked, matched against the
 * database and every item given an outcome before anything is written;
 * then one bulk write (koers_store_write_batch) does it all or nothing.
 * The judging is in koers-json-match.c. */

static void
store_changed_cb (KoersStore      *store,
                  KoersImportPlan *plan)
{
  plan->stale = TRUE;
}

void
koers_import_plan_free (KoersImportPlan *plan)
{
  if (plan == NULL)
    return;

  if (plan->changed_id != 0)
    g_signal_handler_disconnect (plan->store, plan->changed_id);
  g_clear_object (&plan->store);
  koers_json_document_clear (&plan->doc);
  g_clear_pointer (&plan->by_uuid, g_hash_table_unref);
  g_clear_pointer (&plan->is_item, g_hash_table_unref);
  for (guint i = 0; i < KOERS_IMPORT_N_KINDS; i++)
    g_clear_pointer (&plan->stored[i], g_hash_table_unref);
  g_clear_pointer (&plan->writer, g_hash_table_unref);
  g_clear_pointer (&plan->checkin_owner, g_hash_table_unref);
  g_clear_pointer (&plan->kpi_value_owner, g_hash_table_unref);
  g_free (plan->organisation);
  g_clear_pointer (&plan->dismissals, g_ptr_array_unref);
  g_clear_pointer (&plan->conflicts, g_ptr_array_unref);
  g_clear_pointer (&plan->problems, g_ptr_array_unref);
  g_free (plan);
}

static void
count_outcomes (KoersImportPlan *plan)
{
  plan->conflicts = g_ptr_array_new_with_free_func (g_free);

  for (guint kind = 0; kind < KOERS_IMPORT_N_KINDS; kind++)
    {
      GPtrArray *items = plan->doc.items[kind];
      KoersImportCounts *counts = &plan->counts[kind];

      for (guint i = 0; i < items->len; i++)
        {
          KoersImportItem *item = g_ptr_array_index (items, i);

          switch (item->outcome)
            {
            case KOERS_IMPORT_OUTCOME_ADD:
              counts->added++;
              break;
            case KOERS_IMPORT_OUTCOME_UPDATE:
              counts->updated++;
              break;
            case KOERS_IMPORT_OUTCOME_UNCHANGED:
              counts->unchanged++;
              break;
            case KOERS_IMPORT_OUTCOME_CONFLICT:
              counts->conflicts++;
              g_ptr_array_add (plan->conflicts,
                               g_strdup_printf ("%s “%s”", item->path,
                                                koers_import_object_get_title (item->object)));
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }

  g_ptr_array_add (plan->conflicts, NULL);
}

KoersImportPlan *
koers_json_import_plan_from_data (KoersStore           *store,
                                  const char           *data,
                                  gsize                 length,
                                  KoersJsonImportMode   mode,
                                  GError              **error)
{
  g_autoptr(KoersImportPlan) plan = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *organisation;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > KOERS_JSON_MAX_FILE_SIZE)
    {
      g_set_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB"), KOERS_JSON_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  plan = g_new0 (KoersImportPlan, 1);
  plan->store = g_object_ref (store);
  plan->mode = mode;
  plan->problems = g_ptr_array_new_with_free_func (g_free);
  plan->writer = g_hash_table_new (NULL, NULL);
  koers_json_document_init (&plan->doc);

  if (!koers_json_check_syntax (data != NULL ? data : "", length, plan->problems) ||
      plan->problems->len > 0)
    {
      koers_json_set_problems_error (error, KOERS_JSON_ERROR_SYNTAX, plan->problems);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      /* The check above should have caught it. */
      g_set_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_SYNTAX, "%s", parse_error->message);
      return NULL;
    }

  koers_json_read_document (json_parser_get_root (parser), &plan->doc, plan->problems);
  if (plan->problems->len > 0)
    {
      koers_json_set_problems_error (error, KOERS_JSON_ERROR_INVALID, plan->problems);
      return NULL;
    }

  koers_import_plan_match (plan);

  if (plan->problems->len > 0)
    {
      koers_json_set_problems_error (error,
                                     plan->problems->len == plan->n_exists
                                       ? KOERS_JSON_ERROR_EXISTS : KOERS_JSON_ERROR_INVALID,
                                     plan->problems);
      return NULL;
    }

  organisation = koers_store_get_organisation (store);
  if ((organisation == NULL || organisation[0] == '\0') &&
      plan->doc.organisation != NULL && plan->doc.organisation[0] != '\0')
    plan->organisation = g_strdup (plan->doc.organisation);

  count_outcomes (plan);

  plan->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), plan);
  return g_steal_pointer (&plan);
}

KoersImportPlan *
koers_json_import_plan (KoersStore           *store,
                        const char           *path,
                        KoersJsonImportMode   mode,
                        GError              **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Not read at all when it is too large. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > KOERS_JSON_MAX_FILE_SIZE)
    {
      g_set_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB"), KOERS_JSON_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  return koers_json_import_plan_from_data (store, data, length, mode, error);
}

gboolean
koers_json_import_apply (KoersImportPlan  *plan,
                         GError          **error)
{
  g_autoptr(KoersStoreBatch) batch = NULL;
  GPtrArray *items;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (!plan->applied, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (plan->stale)
    {
      g_set_error_literal (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_STALE,
                           _("The database changed after the file was checked; check it again"));
      return FALSE;
    }

  batch = koers_store_batch_new ();
  if (plan->organisation != NULL)
    koers_store_batch_set_organisation (batch, plan->organisation);

  items = plan->doc.items[KOERS_IMPORT_DEPARTMENTS];
  for (guint i = 0; i < items->len; i++)
    {
      KoersImportItem *item = g_ptr_array_index (items, i);
      const char *replaces = NULL;
      const char *parent;

      if (!koers_import_item_is_written (item))
        continue;
      if (item->match != NULL)
        replaces = koers_department_get_uuid (KOERS_DEPARTMENT (item->match));
      parent = koers_import_plan_effective_uuid (plan, KOERS_IMPORT_DEPARTMENTS, item->owner_uuid);
      koers_store_batch_put_department (batch, KOERS_DEPARTMENT (item->object), parent, replaces);
    }

  items = plan->doc.items[KOERS_IMPORT_KPIS];
  for (guint i = 0; i < items->len; i++)
    {
      KoersImportItem *item = g_ptr_array_index (items, i);
      const char *dept;

      if (!koers_import_item_is_written (item))
        continue;
      dept = koers_import_plan_effective_uuid (plan, KOERS_IMPORT_DEPARTMENTS, item->owner_uuid);
      koers_store_batch_put_kpi (batch, KOERS_KPI (item->object), dept);
    }

  items = plan->doc.items[KOERS_IMPORT_KPI_VALUES];
  for (guint i = 0; i < items->len; i++)
    {
      KoersImportItem *item = g_ptr_array_index (items, i);

      if (koers_import_item_is_written (item))
        koers_store_batch_put_kpi_value (batch, KOERS_KPI_VALUE (item->object), item->owner_uuid);
    }

  items = plan->doc.items[KOERS_IMPORT_OBJECTIVES];
  for (guint i = 0; i < items->len; i++)
    {
      KoersImportItem *item = g_ptr_array_index (items, i);
      const char *dept;

      if (!koers_import_item_is_written (item))
        continue;
      dept = koers_import_plan_effective_uuid (plan, KOERS_IMPORT_DEPARTMENTS, item->owner_uuid);
      koers_store_batch_put_objective (batch, KOERS_OBJECTIVE (item->object), dept,
                                       item->aligned_uuid, item->carried_uuid);
    }

  items = plan->doc.items[KOERS_IMPORT_KEY_RESULTS];
  for (guint i = 0; i < items->len; i++)
    {
      KoersImportItem *item = g_ptr_array_index (items, i);

      if (koers_import_item_is_written (item))
        koers_store_batch_put_key_result_with_kpi (batch, KOERS_KEY_RESULT (item->object),
                                                   item->owner_uuid, item->kpi_uuid);
    }

  items = plan->doc.items[KOERS_IMPORT_CHECKINS];
  for (guint i = 0; i < items->len; i++)
    {
      KoersImportItem *item = g_ptr_array_index (items, i);

      if (koers_import_item_is_written (item))
        koers_store_batch_put_checkin (batch, KOERS_CHECKIN (item->object), item->owner_uuid);
    }

  for (guint i = 0; i < plan->dismissals->len; i++)
    {
      KoersImportDismissal *dismissal = g_ptr_array_index (plan->dismissals, i);

      koers_store_batch_put_dismissed_finding (batch, dismissal->key, dismissal->dismissed_at);
    }

  /* Our own write must not make the plan stale halfway. */
  g_signal_handler_block (plan->store, plan->changed_id);
  plan->applied = koers_store_write_batch (plan->store, batch, error);
  g_signal_handler_unblock (plan->store, plan->changed_id);

  if (plan->applied)
    plan->stale = TRUE;
  return plan->applied;
}

void
koers_import_plan_get_counts (KoersImportPlan   *plan,
                              KoersImportKind    kind,
                              KoersImportCounts *out)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (kind < KOERS_IMPORT_N_KINDS);
  g_return_if_fail (out != NULL);

  *out = plan->counts[kind];
}

void
koers_import_plan_get_totals (KoersImportPlan   *plan,
                              KoersImportCounts *out)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  for (guint kind = 0; kind < KOERS_IMPORT_N_KINDS; kind++)
    {
      out->added += plan->counts[kind].added;
      out->updated += plan->counts[kind].updated;
      out->unchanged += plan->counts[kind].unchanged;
      out->conflicts += plan->counts[kind].conflicts;
    }
}

const char * const *
koers_import_plan_get_conflicts (KoersImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return (const char * const *) plan->conflicts->pdata;
}

guint
koers_import_plan_get_n_dismissals (KoersImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->dismissals->len;
}

gboolean
koers_import_plan_sets_organisation (KoersImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, FALSE);

  return plan->organisation != NULL;
}

char *
koers_import_plan_describe (KoersImportPlan *plan)
{
  KoersImportCounts totals;
  g_autofree char *added = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *conflicts = NULL;

  g_return_val_if_fail (plan != NULL, NULL);

  koers_import_plan_get_totals (plan, &totals);
  added = g_strdup_printf (ngettext ("%u added", "%u added", totals.added), totals.added);
  updated = g_strdup_printf (ngettext ("%u updated", "%u updated", totals.updated), totals.updated);
  unchanged = g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", totals.unchanged),
                               totals.unchanged);
  conflicts = g_strdup_printf (ngettext ("%u conflict (the database’s copy kept)",
                                         "%u conflicts (the database’s copy kept)",
                                         totals.conflicts),
                               totals.conflicts);

  /* Translators: the parts are "3 added", "1 updated", "12 unchanged" and
   * "1 conflict (…)". */
  return g_strdup_printf (_("%s, %s, %s, %s"), added, updated, unchanged, conflicts);
}

gboolean
koers_json_import (KoersStore           *store,
                   const char           *path,
                   KoersJsonImportMode   mode,
                   KoersImportCounts    *totals,
                   GError              **error)
{
  g_autoptr(KoersImportPlan) plan = koers_json_import_plan (store, path, mode, error);

  if (plan == NULL || !koers_json_import_apply (plan, error))
    return FALSE;

  if (totals != NULL)
    koers_import_plan_get_totals (plan, totals);
  return TRUE;
}
