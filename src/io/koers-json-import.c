/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "koers-json-capacity.h"
#include "koers-json-private.h"
#include "store/koers-store-import.h"

/* Import of files of any size, in two readings of the file.  The first
 * checks all of it and decides, for each entity, what becomes of it (the
 * judging is in koers-json-match.c), keeping only that decision (and the
 * departments and KPIs, which are few); the second, in the same write
 * transaction, writes what was decided while it reads.  So nothing is
 * written unless the whole file is right, the transaction holds all of it
 * or none, and memory does not grow with the size of the file.
 *
 * A plan that is only shown (the window's import dialog) is made in a read
 * snapshot; applying it plans again inside the write transaction and
 * refuses (KOERS_JSON_ERROR_STALE) when the database changed so that the
 * decisions differ: a merge never writes over what became newer. */

G_STATIC_ASSERT ((int) KOERS_IMPORT_DEPARTMENTS == (int) KOERS_BATCH_DEPARTMENT);
G_STATIC_ASSERT ((int) KOERS_IMPORT_OBJECTIVES == (int) KOERS_BATCH_OBJECTIVE);
G_STATIC_ASSERT ((int) KOERS_IMPORT_KEY_RESULTS == (int) KOERS_BATCH_KEY_RESULT);
G_STATIC_ASSERT ((int) KOERS_IMPORT_CHECKINS == (int) KOERS_BATCH_CHECKIN);
G_STATIC_ASSERT ((int) KOERS_IMPORT_KPIS == (int) KOERS_BATCH_KPI);
G_STATIC_ASSERT ((int) KOERS_IMPORT_KPI_VALUES == (int) KOERS_BATCH_KPI_VALUE);

/* Entries are allocated this many at a time. */
#define ENTRY_BLOCK 4096

static void
small_free (KoersPlanSmall *small)
{
  koers_import_item_free (small->item);
  /* A department's match is one of db_departments. */
  if (small->item != NULL && small->match != NULL && small->entry->kind != KOERS_IMPORT_DEPARTMENTS)
    koers_stored_row_free (small->match);
  g_free (small);
}

static void
objective_info_clear (KoersPlanObjective *info)
{
  g_clear_pointer (&info->title, g_free);
}

static KoersImportPlan *
plan_new (KoersStore         *store,
          KoersJsonImportMode mode)
{
  KoersImportPlan *plan = g_new0 (KoersImportPlan, 1);

  plan->store = g_object_ref (store);
  plan->mode = mode;
  plan->strings = g_string_chunk_new (64 * 1024);
  plan->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  plan->stream = g_ptr_array_new ();
  plan->entry_blocks = g_ptr_array_new_with_free_func (g_free);
  plan->objectives = g_array_new (FALSE, TRUE, sizeof (KoersPlanObjective));
  g_array_set_clear_func (plan->objectives, (GDestroyNotify) objective_info_clear);
  plan->kpi_links = g_array_new (FALSE, TRUE, sizeof (KoersPlanKpiLink));
  for (guint kind = 0; kind < KOERS_IMPORT_N_KINDS; kind++)
    {
      plan->small[kind] = g_ptr_array_new_with_free_func ((GDestroyNotify) small_free);
      plan->kind_conflicts[kind] = g_ptr_array_new_with_free_func (g_free);
    }
  plan->db_objective_links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  plan->all_dismissals = g_ptr_array_new_with_free_func ((GDestroyNotify) koers_import_dismissal_free);
  plan->dismissals = g_ptr_array_new ();
  plan->read_problems = g_ptr_array_new_with_free_func (g_free);
  plan->problems = g_ptr_array_new_with_free_func (g_free);
  plan->header.changes_offset = -1;
  return plan;
}

void
koers_import_plan_free (KoersImportPlan *plan)
{
  if (plan == NULL)
    return;

  if (plan->changed_id != 0)
    g_signal_handler_disconnect (plan->store, plan->changed_id);
  g_clear_object (&plan->store);
  g_clear_pointer (&plan->data, g_bytes_unref);
  g_clear_object (&plan->file);
  g_clear_object (&plan->input);
  g_clear_pointer (&plan->import, koers_store_import_free);
  g_clear_error (&plan->db_error);
  koers_json_header_clear (&plan->header);
  for (guint kind = 0; kind < KOERS_IMPORT_N_KINDS; kind++)
    {
      g_clear_pointer (&plan->small[kind], g_ptr_array_unref);
      g_clear_pointer (&plan->kind_conflicts[kind], g_ptr_array_unref);
    }
  g_clear_pointer (&plan->db_departments, g_ptr_array_unref);
  g_clear_pointer (&plan->by_uuid, g_hash_table_unref);
  g_clear_pointer (&plan->stream, g_ptr_array_unref);
  g_clear_pointer (&plan->entry_blocks, g_ptr_array_unref);
  g_clear_pointer (&plan->objectives, g_array_unref);
  g_clear_pointer (&plan->kpi_links, g_array_unref);
  g_clear_pointer (&plan->strings, g_string_chunk_free);
  g_clear_pointer (&plan->db_objective_links, g_hash_table_unref);
  g_clear_pointer (&plan->dismissals, g_ptr_array_unref);
  g_clear_pointer (&plan->all_dismissals, g_ptr_array_unref);
  g_free (plan->organisation);
  g_clear_pointer (&plan->conflicts, g_ptr_array_unref);
  g_clear_pointer (&plan->read_problems, g_ptr_array_unref);
  g_clear_pointer (&plan->problems, g_ptr_array_unref);
  g_clear_pointer (&plan->links, g_array_unref);
  g_clear_pointer (&plan->ids, g_hash_table_unref);
  g_clear_error (&plan->write_error);
  g_free (plan);
}

/* The same file, for a second plan (applying a shown one). */
static KoersImportPlan *
plan_new_like (KoersImportPlan *other)
{
  KoersImportPlan *plan = plan_new (other->store, other->mode);

  plan->data = other->data != NULL ? g_bytes_ref (other->data) : NULL;
  plan->file = other->file != NULL ? g_object_ref (other->file) : NULL;
  plan->input = other->input != NULL ? g_object_ref (other->input) : NULL;
  plan->file_size = other->file_size;
  plan->file_mtime = other->file_mtime;
  return plan;
}

static const char *
intern (KoersImportPlan *plan,
        const char      *text)
{
  return text != NULL ? g_string_chunk_insert_const (plan->strings, text) : NULL;
}

static KoersPlanEntry *
new_entry (KoersImportPlan *plan)
{
  KoersPlanEntry *block;

  if (plan->n_in_block == 0 || plan->n_in_block == ENTRY_BLOCK)
    {
      g_ptr_array_add (plan->entry_blocks, g_new0 (KoersPlanEntry, ENTRY_BLOCK));
      plan->n_in_block = 0;
    }

  block = g_ptr_array_index (plan->entry_blocks, plan->entry_blocks->len - 1);
  return &block[plan->n_in_block++];
}

/* The file. */

static gboolean
set_file_error (GError    **error,
                int         saved_errno,
                const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _ ("Could not read “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
set_too_large (GError **error,
               gint64   max)
{
  g_autofree char *limit = g_format_size_full ((guint64) max, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_TOO_LARGE,
               _ ("The file is larger than %s, more than any Koers export"), limit);
  return FALSE;
}

/* Size and modification time of the open file, to see that it stays the
 * file that was checked. */
static gboolean
query_file (GFileInputStream *input,
            gint64           *size,
            gint64           *mtime,
            GError          **error)
{
  g_autoptr (GFileInfo) info = g_file_input_stream_query_info (input,
                                                               G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                               NULL, error);

  if (info == NULL)
    return FALSE;

  *size = g_file_info_get_size (info);
  *mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) *
             G_USEC_PER_SEC +
           g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  return TRUE;
}

/* Only a regular file of a size an export can have; not read yet (a pipe
 * or a device would never end, or block). */
static gboolean
open_file (KoersImportPlan *plan,
           const char      *path,
           GError         **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return set_file_error (error, errno, path);

  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      koers_json_set_not_regular (error, display);
      return FALSE;
    }

  if (st.st_size > KOERS_JSON_MAX_IMPORT_SIZE)
    return set_too_large (error, KOERS_JSON_MAX_IMPORT_SIZE);

  plan->file = g_file_new_for_path (path);
  plan->input = g_file_read (plan->file, NULL, error);
  if (plan->input == NULL)
    return FALSE;

  if (!query_file (plan->input, &plan->file_size, &plan->file_mtime, error))
    return FALSE;

  /* Swapped for something larger between the look and the opening. */
  if (plan->file_size > KOERS_JSON_MAX_IMPORT_SIZE)
    return set_too_large (error, KOERS_JSON_MAX_IMPORT_SIZE);

  return TRUE;
}

/* The text from its start (or from offset). */
static GInputStream *
open_input (KoersImportPlan *plan,
            goffset          offset,
            GError         **error)
{
  if (plan->data != NULL)
    {
      GInputStream *input = g_memory_input_stream_new_from_bytes (plan->data);

      if (offset > 0 && !g_seekable_seek (G_SEEKABLE (input), offset, G_SEEK_SET, NULL, error))
        {
          g_object_unref (input);
          return NULL;
        }
      return input;
    }

  if (!g_seekable_seek (G_SEEKABLE (plan->input), offset, G_SEEK_SET, NULL, error))
    return NULL;
  return g_object_ref (G_INPUT_STREAM (plan->input));
}

gboolean
koers_json_set_file_changed_error (GError **error)
{
  g_set_error_literal (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_STALE,
                       _ ("The file changed while it was being imported; nothing was written"));
  return FALSE;
}

static gboolean
check_unchanged (KoersImportPlan *plan,
                 GError         **error)
{
  gint64 size, mtime;

  if (plan->input == NULL)
    return TRUE;

  if (!query_file (plan->input, &size, &mtime, error))
    return FALSE;

  if (size != plan->file_size || mtime != plan->file_mtime)
    return koers_json_set_file_changed_error (error);
  return TRUE;
}

/* The first reading: check and decide. */

static gboolean
plan_failing (KoersImportPlan *plan,
              KoersJsonStream *s)
{
  return plan->read_problems->len > 0 || koers_json_stream_get_problems (s)->len > 0 ||
         plan->db_error != NULL;
}

static void
plan_item_cb (KoersImportItem *item,
              gpointer         user_data)
{
  KoersImportPlan *plan = user_data;
  KoersPlanEntry  *entry = new_entry (plan);
  KoersPlanEntry  *first;
  g_autoptr (KoersStoredRow) row = NULL;

  entry->kind = item->kind;
  entry->uuid = intern (plan, item->uuid);
  entry->owner_uuid = intern (plan, item->owner_uuid);
  memcpy (entry->index, item->index, sizeof entry->index);
  entry->info = -1;

  first = g_hash_table_lookup (plan->by_uuid, entry->uuid);
  if (first != NULL)
    {
      g_autofree char *first_path = koers_import_kind_path (first->kind, first->index);
      g_autofree char *path = koers_json_path_member (item->path, "uuid");

      koers_json_add_problem (plan->read_problems, path, _ ("the uuid %s is also used at %s"), item->uuid, first_path);
    }
  else
    g_hash_table_insert (plan->by_uuid, (gpointer) entry->uuid, entry);

  switch (item->kind)
    {
    case KOERS_IMPORT_DEPARTMENTS:
    case KOERS_IMPORT_KPIS:
    case KOERS_IMPORT_KPI_VALUES:
    case KOERS_IMPORT_CAPACITIES:
    case KOERS_IMPORT_ESCALATIONS:
      {
        KoersPlanSmall *small = g_new0 (KoersPlanSmall, 1);

        small->item = item;
        small->entry = entry;
        g_ptr_array_add (plan->small[item->kind], small);
      }
      return;

    case KOERS_IMPORT_OBJECTIVES:
      {
        KoersPlanObjective info = {
          0,
        };

        info.entry = entry;
        info.aligned_uuid = intern (plan, item->aligned_uuid);
        info.carried_uuid = intern (plan, item->carried_uuid);
        entry->info = (int) plan->objectives->len;
        g_array_append_val (plan->objectives, info);
      }
      break;

    case KOERS_IMPORT_KEY_RESULTS:
      if (item->kpi_uuid != NULL)
        {
          KoersPlanKpiLink link = { entry, intern (plan, item->kpi_uuid) };

          entry->info = (int) plan->kpi_links->len;
          g_array_append_val (plan->kpi_links, link);
        }
      break;

    case KOERS_IMPORT_CHECKINS:
    case KOERS_IMPORT_N_KINDS:
    default:
      break;
    }

  g_ptr_array_add (plan->stream, entry);

  /* A file that fails already is only checked further. */
  if (!plan_failing (plan, plan->stream_reader))
    {
      GError *error = NULL;

      row = koers_store_import_find (plan->import, koers_import_kind_to_batch (item->kind),
                                     item->uuid, &error);
      if (error != NULL)
        {
          if (plan->db_error == NULL)
            plan->db_error = error;
          else
            g_error_free (error);
        }
      koers_import_plan_judge_item (plan, item, entry, row);
    }

  koers_import_item_free (item);
}

static void
plan_dismissal_cb (KoersImportDismissal *dismissal,
                   gpointer              user_data)
{
  KoersImportPlan *plan = user_data;

  g_ptr_array_add (plan->all_dismissals, dismissal);
}

static void
plan_change_cb (KoersImportChange *change,
                gpointer           user_data)
{
  KoersImportPlan *plan = user_data;
  GError          *error = NULL;
  gboolean         has = FALSE;

  plan->n_changes++;
  if (!plan_failing (plan, plan->stream_reader) &&
      !koers_store_import_has_change (plan->import, change->key, &has, &error))
    {
      if (plan->db_error == NULL)
        plan->db_error = error;
      else
        g_error_free (error);
    }
  if (!has)
    plan->n_new_changes++;
  koers_import_change_free (change);
}

static const KoersJsonReadFuncs plan_funcs = {
  plan_item_cb,
  plan_dismissal_cb,
  plan_change_cb,
};

static gboolean
take_db_error (KoersImportPlan *plan,
               GError         **error)
{
  if (plan->db_error == NULL)
    return FALSE;

  g_propagate_error (error, g_steal_pointer (&plan->db_error));
  return TRUE;
}

/* Reads and judges the whole file, plan->import being open. */
static gboolean
plan_read (KoersImportPlan *plan,
           GError         **error)
{
  g_autoptr (GInputStream) input = open_input (plan, 0, error);
  g_autoptr (KoersJsonStream) s = NULL;
  GPtrArray *syntax;
  gboolean   ok;

  if (input == NULL)
    return FALSE;

  s = koers_json_stream_new (input, NULL);
  plan->stream_reader = s;
  ok = koers_json_read_stream (s, KOERS_JSON_READ_ALL, &plan_funcs, plan, &plan->header,
                               plan->read_problems);
  plan->stream_reader = NULL;

  if (koers_json_stream_get_read_error (s) != NULL)
    {
      g_propagate_error (error, g_error_copy (koers_json_stream_get_read_error (s)));
      return FALSE;
    }

  /* Problems with the JSON itself first: nothing else counts then. */
  syntax = koers_json_stream_get_problems (s);
  if (syntax->len > 0)
    {
      koers_json_set_problems_error (error, KOERS_JSON_ERROR_SYNTAX, syntax);
      return FALSE;
    }

  if (!ok || plan->read_problems->len > 0)
    {
      koers_json_set_problems_error (error, KOERS_JSON_ERROR_INVALID, plan->read_problems);
      return FALSE;
    }

  if (take_db_error (plan, error))
    return FALSE;

  koers_import_plan_finish (plan);
  if (take_db_error (plan, error))
    return FALSE;

  if (plan->problems->len > 0)
    {
      koers_json_set_problems_error (error,
                                     plan->problems->len == plan->n_exists
                                       ? KOERS_JSON_ERROR_EXISTS
                                       : KOERS_JSON_ERROR_INVALID,
                                     plan->problems);
      return FALSE;
    }

  return TRUE;
}

/* The second reading: write. */

static gboolean
write_failed (KoersImportPlan *plan)
{
  return plan->write_error != NULL;
}

/* The row of a department or KPI of the batch or the database, looked up
 * once. */
static gint64
find_id (KoersImportPlan *plan,
         KoersImportKind  kind,
         const char      *uuid)
{
  g_autofree char *key = NULL;
  gpointer         cached;
  gint64           id = 0;

  if (uuid == NULL || write_failed (plan))
    return 0;

  key = g_strdup_printf ("%d:%s", kind, uuid);
  if (g_hash_table_lookup_extended (plan->ids, key, NULL, &cached))
    return *(gint64 *) cached;

  if (!koers_store_import_find_id (plan->writer, koers_import_kind_to_batch (kind), uuid, &id,
                                   &plan->write_error))
    return 0;

  g_hash_table_insert (plan->ids, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
  return id;
}

static void
set_changed_file_error (KoersImportPlan *plan)
{
  if (plan->write_error == NULL)
    koers_json_set_file_changed_error (&plan->write_error);
}

static void
write_item_cb (KoersImportItem *item,
               gpointer         user_data)
{
  KoersImportPlan *plan = user_data;
  KoersPlanEntry  *entry;
  gboolean         written;

  /* Kept whole by the plan: written after the objectives. */
  if (write_failed (plan) || item->kind == KOERS_IMPORT_ESCALATIONS)
    goto out;

  if (plan->next_stream >= plan->stream->len)
    {
      set_changed_file_error (plan);
      goto out;
    }

  entry = g_ptr_array_index (plan->stream, plan->next_stream++);
  if (entry->kind != item->kind || strcmp (entry->uuid, item->uuid) != 0)
    {
      set_changed_file_error (plan);
      goto out;
    }

  written = koers_import_outcome_is_written (entry->outcome);
  entry->id = entry->db_id;

  switch (item->kind)
    {
    case KOERS_IMPORT_OBJECTIVES:
      if (written)
        {
          const char         *dept = koers_import_plan_effective_department (plan, entry->owner_uuid);
          KoersPlanObjective *info = &g_array_index (plan->objectives, KoersPlanObjective,
                                                     entry->info);
          gint64              dept_id = find_id (plan, KOERS_IMPORT_DEPARTMENTS, dept);

          if (dept_id == 0 && !write_failed (plan))
            set_changed_file_error (plan);
          if (!write_failed (plan) &&
              koers_store_import_put_objective (plan->writer, KOERS_OBJECTIVE (item->object),
                                                entry->outcome == KOERS_IMPORT_OUTCOME_UPDATE
                                                  ? entry->db_id
                                                  : 0,
                                                dept_id, &entry->id, &plan->write_error) &&
              (info->aligned_uuid != NULL || info->carried_uuid != NULL))
            g_array_append_val (plan->links, entry->info);
        }
      plan->objective_id = entry->id;
      break;

    case KOERS_IMPORT_KEY_RESULTS:
      if (written)
        {
          gint64 kpi_id = 0;

          if (entry->info >= 0)
            kpi_id = find_id (plan, KOERS_IMPORT_KPIS,
                              g_array_index (plan->kpi_links, KoersPlanKpiLink, entry->info).kpi_uuid);
          if (!write_failed (plan))
            koers_store_import_put_key_result (plan->writer, KOERS_KEY_RESULT (item->object),
                                               entry->outcome == KOERS_IMPORT_OUTCOME_UPDATE
                                                 ? entry->db_id
                                                 : 0,
                                               plan->objective_id, kpi_id,
                                               entry->outcome == KOERS_IMPORT_OUTCOME_UPDATE
                                                 ? entry->db_owner_id
                                                 : 0,
                                               &entry->id, &plan->write_error);
        }
      plan->key_result_id = entry->id;
      break;

    case KOERS_IMPORT_CHECKINS:
      if (written)
        koers_store_import_put_checkin (plan->writer, KOERS_CHECKIN (item->object),
                                        entry->outcome == KOERS_IMPORT_OUTCOME_UPDATE
                                          ? entry->db_id
                                          : 0,
                                        plan->key_result_id,
                                        entry->outcome == KOERS_IMPORT_OUTCOME_UPDATE
                                          ? entry->db_owner_id
                                          : 0,
                                        &entry->id, &plan->write_error);
      break;

    case KOERS_IMPORT_DEPARTMENTS:
    case KOERS_IMPORT_KPIS:
    case KOERS_IMPORT_KPI_VALUES:
    case KOERS_IMPORT_CAPACITIES:
    case KOERS_IMPORT_ESCALATIONS:
    case KOERS_IMPORT_N_KINDS:
    default:
      break;
    }

out:
  koers_import_item_free (item);
}

static void
write_change_cb (KoersImportChange *change,
                 gpointer           user_data)
{
  KoersImportPlan         *plan = user_data;
  const KoersStoreLogEntry entry = { change->key, change->at, change->author, change->entity,
                                     change->uuid, change->parent, change->op, change->fields };
  gboolean                 added = FALSE;

  if (!write_failed (plan))
    koers_store_import_put_change (plan->writer, &entry, &added, &plan->write_error);
  koers_import_change_free (change);
}

static const KoersJsonReadFuncs write_funcs = {
  write_item_cb,
  NULL,
  NULL,
};

static const KoersJsonReadFuncs write_changes_funcs = {
  NULL,
  NULL,
  write_change_cb,
};

/* Puts a department, a KPI or a KPI's value that the plan writes into
 * batch, in the place of its database row when it matched one. */
static void
put_small (KoersImportPlan *plan,
           KoersStoreBatch *batch,
           KoersImportKind  kind,
           KoersPlanSmall  *small)
{
  GObject    *object = small->item->object;
  const char *owner_uuid = small->item->owner_uuid;
  const char *replaces = NULL;

  switch (kind)
    {
    case KOERS_IMPORT_DEPARTMENTS:
      if (small->match != NULL)
        replaces = koers_department_get_uuid (KOERS_DEPARTMENT (small->match->object));
      koers_store_batch_put_department (batch, KOERS_DEPARTMENT (object),
                                        koers_import_plan_effective_department (plan, owner_uuid),
                                        replaces);
      break;
    case KOERS_IMPORT_KPIS:
      koers_store_batch_put (batch, KOERS_BATCH_KPI, object,
                             koers_import_plan_effective_department (plan, owner_uuid));
      break;
    case KOERS_IMPORT_KPI_VALUES:
      koers_store_batch_put (batch, KOERS_BATCH_KPI_VALUE, object, owner_uuid);
      break;
    default:
      g_return_if_reached ();
    }
  koers_store_batch_set_last_row (batch, koers_import_kind_to_batch (kind),
                                  small->match != NULL ? small->match->id : 0);
}

/* Departments, KPIs and their values, the dismissals and the name: one
 * batch, kept whole since the first reading. */
static KoersStoreBatch *
build_batch (KoersImportPlan *plan)
{
  static const KoersImportKind small_kinds[] = {
    KOERS_IMPORT_DEPARTMENTS,
    KOERS_IMPORT_KPIS,
    KOERS_IMPORT_KPI_VALUES,
  };
  KoersStoreBatch *batch = koers_store_batch_new ();

  if (plan->organisation != NULL)
    koers_store_batch_set_organisation (batch, plan->organisation);

  for (guint k = 0; k < G_N_ELEMENTS (small_kinds); k++)
    {
      GPtrArray *items = plan->small[small_kinds[k]];

      for (guint i = 0; i < items->len; i++)
        {
          KoersPlanSmall *small = g_ptr_array_index (items, i);

          if (koers_import_outcome_is_written (small->entry->outcome))
            put_small (plan, batch, small_kinds[k], small);
        }
    }

  for (guint i = 0; i < plan->dismissals->len; i++)
    {
      KoersImportDismissal *dismissal = g_ptr_array_index (plan->dismissals, i);

      koers_store_batch_put_dismissed_finding (batch, dismissal->key, dismissal->dismissed_at);
    }

  return batch;
}

/* The objectives' links, once every objective has its row. */
static gboolean
write_links (KoersImportPlan *plan,
             GError         **error)
{
  for (guint i = 0; i < plan->links->len; i++)
    {
      KoersPlanObjective *info = &g_array_index (plan->objectives, KoersPlanObjective,
                                                 g_array_index (plan->links, int, i));
      const char         *links[] = { info->aligned_uuid, info->carried_uuid };
      gint64              ids[2] = { 0, 0 };

      for (guint j = 0; j < G_N_ELEMENTS (links); j++)
        {
          KoersPlanEntry *target = koers_import_plan_find_entry (plan, KOERS_IMPORT_OBJECTIVES,
                                                                 links[j]);

          if (target != NULL)
            ids[j] = target->id;
          else if (links[j] != NULL &&
                   !koers_store_import_find_id (plan->writer, KOERS_BATCH_OBJECTIVE, links[j],
                                                &ids[j], error))
            return FALSE;
        }

      if (!koers_store_import_link_objective (plan->writer, info->entry->id, ids[0], ids[1],
                                              error))
        return FALSE;
    }

  return TRUE;
}

static guint
count_written_stream (KoersImportPlan *plan)
{
  guint n = 0;

  for (guint i = 0; i < plan->stream->len; i++)
    if (koers_import_outcome_is_written (((KoersPlanEntry *) g_ptr_array_index (plan->stream, i))->outcome))
      n++;
  return n;
}

/* Writes what plan decided, through writer (its write transaction);
 * commits. */
static gboolean
plan_write (KoersImportPlan  *plan,
            KoersStoreImport *writer,
            GError          **error)
{
  g_autoptr (KoersStoreBatch) batch = build_batch (plan);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  KoersJsonHeader header = { 0, NULL, -1 };
  gboolean        ok;

  plan->writer = writer;
  plan->links = g_array_new (FALSE, FALSE, sizeof (int));
  plan->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!koers_store_import_write_batch (writer, batch, error))
    return FALSE;

  /* The history first, so that the log reads in order: what happened
   * before, then this import's own writes. */
  if (plan->n_new_changes > 0)
    {
      g_autoptr (GInputStream) input = open_input (plan, plan->header.changes_offset, error);
      g_autoptr (KoersJsonStream) s = NULL;

      if (input == NULL)
        return FALSE;
      s = koers_json_stream_new_at_member (input, plan->header.changes_offset, "changes");
      ok = koers_json_read_changes (s, &write_changes_funcs, plan, problems);
      if (!write_failed (plan) && (!ok || problems->len > 0 ||
                                   koers_json_stream_get_problems (s)->len > 0))
        set_changed_file_error (plan);
      if (write_failed (plan))
        {
          g_propagate_error (error, g_steal_pointer (&plan->write_error));
          return FALSE;
        }
    }

  /* Objectives, key results and check-ins, when any of them is written. */
  if (count_written_stream (plan) > 0)
    {
      g_autoptr (GInputStream) input = open_input (plan, 0, error);
      g_autoptr (KoersJsonStream) s = NULL;

      if (input == NULL)
        return FALSE;
      s = koers_json_stream_new (input, NULL);
      ok = koers_json_read_stream (s, KOERS_JSON_READ_SKIP_SMALL | KOERS_JSON_READ_SKIP_CHANGES,
                                   &write_funcs, plan, &header, problems);
      koers_json_header_clear (&header);
      if (!write_failed (plan) &&
          (!ok || problems->len > 0 || koers_json_stream_get_problems (s)->len > 0 ||
           plan->next_stream != plan->stream->len))
        set_changed_file_error (plan);
    }

  if (write_failed (plan))
    {
      g_propagate_error (error, g_steal_pointer (&plan->write_error));
      return FALSE;
    }

  return write_links (plan, error) &&
         koers_json_plan_write_capacity (plan, writer, error) &&
         check_unchanged (plan, error) &&
         koers_store_import_commit (writer, error);
}

/* The public face. */

static void
store_changed_cb (KoersStore      *store,
                  KoersImportPlan *plan)
{
  plan->stale = TRUE;
}

/* A shown plan: what this process writes meanwhile makes it stale at
 * once; what another process writes, applying finds by planning again. */
static void
watch_store (KoersImportPlan *plan)
{
  plan->changed_id = g_signal_connect (plan->store, "changed", G_CALLBACK (store_changed_cb), plan);
}

static gboolean
set_stale_error (GError **error)
{
  g_set_error_literal (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_STALE,
                       _ ("The database changed after the file was checked; check it again"));
  return FALSE;
}

static KoersImportPlan *
plan_in (KoersImportPlan *plan,
         gboolean         write,
         GError         **error)
{
  plan->import = koers_store_import_begin (plan->store, write, error);
  if (plan->import == NULL)
    return NULL;

  if (!plan_read (plan, error))
    return NULL;

  return plan;
}

/* Reads what plan (taken) holds, from the file at path when it is not
 * NULL, and with run writes it.  A plan made to be shown then watches
 * the store; a run one is applied. */
static KoersImportPlan *
plan_taken_in (KoersImportPlan *taken,
               const char      *path,
               gboolean         run,
               GError         **error)
{
  g_autoptr (KoersImportPlan) plan = taken;

  if ((path != NULL && !open_file (plan, path, error)) || plan_in (plan, run, error) == NULL ||
      (run && !plan_write (plan, plan->import, error)))
    return NULL;

  g_clear_pointer (&plan->import, koers_store_import_free);
  if (run)
    plan->applied = TRUE;
  else
    watch_store (plan);
  return g_steal_pointer (&plan);
}

KoersImportPlan *
koers_json_import_plan_from_data (KoersStore         *store,
                                  const char         *data,
                                  gsize               length,
                                  KoersJsonImportMode mode,
                                  GError            **error)
{
  g_autoptr (KoersImportPlan) plan = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > KOERS_JSON_MAX_FILE_SIZE)
    {
      set_too_large (error, KOERS_JSON_MAX_FILE_SIZE);
      return NULL;
    }

  plan = plan_new (store, mode);
  plan->data = g_bytes_new (data != NULL ? data : "", length);
  return plan_taken_in (g_steal_pointer (&plan), NULL, FALSE, error);
}

KoersImportPlan *
koers_json_import_plan (KoersStore         *store,
                        const char         *path,
                        KoersJsonImportMode mode,
                        GError            **error)
{
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return plan_taken_in (plan_new (store, mode), path, FALSE, error);
}

/* Planning in a thread of its own.  The thread opens a connection of its
 * own to the store's database (a second KoersStore, which reads only the
 * departments and KPIs and watches nothing): the caller's store, its
 * connection and its model objects belong to the main thread, which keeps
 * using them meanwhile.  The plan holds only what it read itself (rows as
 * new objects, uuids, row ids), so it can be handed to the caller's store
 * afterwards: the row ids are those of the same file. */

typedef struct
{
  KoersStore         *store; /* the caller's: only referenced in the thread */
  char               *db_path;
  GFile              *file;
  KoersJsonImportMode mode;
  gulong              changed_id;
  gboolean            changed; /* the caller's store wrote meanwhile */
} PlanTaskData;

static void
plan_task_data_free (PlanTaskData *data)
{
  if (data->changed_id != 0)
    g_signal_handler_disconnect (data->store, data->changed_id);
  g_clear_object (&data->store);
  g_clear_object (&data->file);
  g_free (data->db_path);
  g_free (data);
}

static void
plan_task_store_changed_cb (KoersStore   *store,
                            PlanTaskData *data)
{
  data->changed = TRUE;
}

/* A file with a local path (also what the document portal gives) is
 * streamed; one without (a remote location) is read whole, under
 * KOERS_JSON_MAX_FILE_SIZE, as before. */
static KoersImportPlan *
plan_file_in (KoersStore         *reader,
              GFile              *file,
              KoersJsonImportMode mode,
              GError            **error)
{
  g_autoptr (KoersImportPlan) plan = plan_new (reader, mode);
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    {
      if (!open_file (plan, path, error))
        return NULL;
    }
  else
    {
      plan->data = koers_json_load_file (file, error);
      if (plan->data == NULL)
        return NULL;
    }

  if (plan_in (plan, FALSE, error) == NULL)
    return NULL;

  g_clear_pointer (&plan->import, koers_store_import_free);
  return g_steal_pointer (&plan);
}

static void
plan_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  PlanTaskData *data = task_data;
  g_autoptr (KoersStore) reader = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  GError *error = NULL;

  reader = koers_store_open_lazy (data->db_path, &error);
  if (reader != NULL)
    plan = plan_file_in (reader, data->file, data->mode, &error);
  if (plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* From here on the plan is the caller's store's; the reader closes in
   * this thread. */
  g_set_object (&plan->store, data->store);
  g_task_return_pointer (task, g_steal_pointer (&plan), (GDestroyNotify) koers_import_plan_free);
}

void
koers_json_import_plan_file_async (KoersStore         *store,
                                   GFile              *file,
                                   KoersJsonImportMode mode,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  PlanTaskData *data;

  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, koers_json_import_plan_file_async);

  data = g_new0 (PlanTaskData, 1);
  data->store = g_object_ref (store);
  data->db_path = g_strdup (koers_store_get_path (store));
  data->file = g_object_ref (file);
  data->mode = mode;
  data->changed_id = g_signal_connect (store, "changed", G_CALLBACK (plan_task_store_changed_cb), data);
  g_task_set_task_data (task, data, (GDestroyNotify) plan_task_data_free);

  g_task_run_in_thread (task, plan_file_thread);
}

KoersImportPlan *
koers_json_import_plan_file_finish (KoersStore   *store,
                                    GAsyncResult *result,
                                    GError      **error)
{
  PlanTaskData    *data;
  KoersImportPlan *plan;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = g_task_propagate_pointer (G_TASK (result), error);
  if (plan == NULL)
    return NULL;

  /* What this process wrote while the thread read: the plan may not show
   * it; applying would find it too, but say so before. */
  data = g_task_get_task_data (G_TASK (result));
  plan->stale = data->changed;
  watch_store (plan);
  return plan;
}

/* Whether a plan made again decides as the shown one did. */
static gboolean
same_decisions (KoersImportPlan *a,
                KoersImportPlan *b)
{
  if (memcmp (a->counts, b->counts, sizeof a->counts) != 0 ||
      a->stream->len != b->stream->len ||
      (a->organisation == NULL) != (b->organisation == NULL) ||
      a->dismissals->len != b->dismissals->len ||
      a->n_new_changes != b->n_new_changes)
    return FALSE;

  for (guint i = 0; i < a->stream->len; i++)
    {
      KoersPlanEntry *ea = g_ptr_array_index (a->stream, i);
      KoersPlanEntry *eb = g_ptr_array_index (b->stream, i);

      if (ea->outcome != eb->outcome || ea->db_id != eb->db_id || ea->db_owner_id != eb->db_owner_id)
        return FALSE;
    }

  for (guint kind = 0; kind < KOERS_IMPORT_N_KINDS; kind++)
    {
      if (a->small[kind]->len != b->small[kind]->len)
        return FALSE;
      for (guint i = 0; i < a->small[kind]->len; i++)
        {
          KoersPlanSmall *sa = g_ptr_array_index (a->small[kind], i);
          KoersPlanSmall *sb = g_ptr_array_index (b->small[kind], i);

          if (sa->entry->outcome != sb->entry->outcome || sa->entry->db_id != sb->entry->db_id)
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
koers_json_import_apply (KoersImportPlan *plan,
                         GError         **error)
{
  g_autoptr (KoersImportPlan) again = NULL;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (!plan->applied, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (plan->stale)
    return set_stale_error (error);

  /* Planned again inside the write transaction: no other writer comes in
   * between this look and the writing. */
  again = plan_new_like (plan);
  if (plan_in (again, TRUE, error) == NULL)
    return FALSE;

  if (!same_decisions (plan, again))
    return set_stale_error (error);

  /* Our own write must not make the plan stale halfway. */
  g_signal_handler_block (plan->store, plan->changed_id);
  plan->applied = plan_write (again, again->import, error);
  g_signal_handler_unblock (plan->store, plan->changed_id);

  if (plan->applied)
    plan->stale = TRUE;
  return plan->applied;
}

KoersImportPlan *
koers_json_import_run (KoersStore         *store,
                       const char         *path,
                       KoersJsonImportMode mode,
                       GError            **error)
{
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return plan_taken_in (plan_new (store, mode), path, TRUE, error);
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

const char *const *
koers_import_plan_get_conflicts (KoersImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return (const char *const *) plan->conflicts->pdata;
}

guint
koers_import_plan_get_n_dismissals (KoersImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->dismissals->len;
}

guint
koers_import_plan_get_n_changes (KoersImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_new_changes;
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
  g_autofree char  *added = NULL;
  g_autofree char  *updated = NULL;
  g_autofree char  *unchanged = NULL;
  g_autofree char  *conflicts = NULL;

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
  return g_strdup_printf (_ ("%s, %s, %s, %s"), added, updated, unchanged, conflicts);
}

gboolean
koers_json_import (KoersStore         *store,
                   const char         *path,
                   KoersJsonImportMode mode,
                   KoersImportCounts  *totals,
                   GError            **error)
{
  g_autoptr (KoersImportPlan) plan = koers_json_import_run (store, path, mode, error);

  if (plan == NULL)
    return FALSE;

  if (totals != NULL)
    koers_import_plan_get_totals (plan, totals);
  return TRUE;
}
