/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core/koers-atomic-file.h"
#include "core/koers-date.h"
#include "koers-json-capacity.h"
#include "koers-json-private.h"
#include "store/koers-store-columns.h"
#include "store/koers-store-import.h"
#include "store/koers-store-review.h"

/* Export as a stream: the text is written while the database is read, one
 * objective at a time, so memory stays flat however large the database
 * is.  Departments and KPIs come from the model (they are few), the
 * objectives (with their key results and check-ins) and the change log
 * straight from the database, all in one read snapshot.
 *
 * The text is the one json-glib's generator wrote before (pretty, two
 * spaces, " : "), with numbers in their shortest form, so that a file
 * reads as it always did.  The order depends on nothing a database
 * chooses (ids), so that an export imported into another database exports
 * the same again. */

/* Written to the stream in pieces of about this size. */
#define FLUSH_SIZE (64 * 1024)
/* The deepest a Koers document nests (a check-in in a key result in an
 * objective in the list in the document). */
#define MAX_WRITER_DEPTH 8

typedef struct
{
  GOutputStream *out;
  GString       *buf;
  GError        *error; /* the first write error; later writes do nothing */
  guint          depth;
  gboolean       first[MAX_WRITER_DEPTH]; /* no member or element yet at that depth */
} Writer;

typedef struct
{
  KoersStore *store;
  Writer      w;
  gboolean    filtered;
  GArray     *periods;          /* KoersPeriod: the filter's, plus those of linked objectives */
  GHashTable *dept_ids;         /* the filter's departments (gint64 set), or NULL: all */
  GPtrArray  *departments;      /* KoersDepartment, in file order */
  GHashTable *dept_rank;        /* department id -> position in the file + 1 */
  GPtrArray  *kpis;             /* KoersKpi, in file order */
  GArray     *refs;             /* KoersObjectiveRef, by id */
  GHashTable *ref_by_id;        /* objective id -> KoersObjectiveRef */
  GHashTable *selected;         /* filtered: the objective ids the file holds */
  GHashTable *exported;         /* filtered: uuids of what the file holds */
  guint       n_filter_periods; /* the first of periods are the filter's */
  GHashTable *capacities;       /* department id -> its capacities (koers-json-capacity.h) */
  GHashTable *escalations;      /* objective id -> its escalations */
  GHashTable *kr_uuids;         /* key result id -> uuid, of the objective being written */
  gint64      objective_id;     /* the objective being written */
} Export;

/* The writer: json-glib's pretty layout. */

static void
writer_flush (Writer *w)
{
  gsize written = 0;

  if (w->error == NULL && w->buf->len > 0)
    g_output_stream_write_all (w->out, w->buf->str, w->buf->len, &written, NULL, &w->error);
  g_string_truncate (w->buf, 0);
}

static void
writer_maybe_flush (Writer *w)
{
  if (w->buf->len >= FLUSH_SIZE)
    writer_flush (w);
}

/* Spaces for the deepest indentation a document has. */
static const char spaces[2 * MAX_WRITER_DEPTH + 1] = "                ";

/* Before a member or an element: the separator and the indentation. */
static void
writer_next (Writer *w)
{
  if (w->first[w->depth])
    {
      g_string_append_c (w->buf, '\n');
      w->first[w->depth] = FALSE;
    }
  else
    koers_json_append_len (w->buf, ",\n", 2);
  koers_json_append_len (w->buf, spaces, 2 * w->depth);
}

/* name: a member name of the format, which needs no escaping. */
static void
writer_member (Writer     *w,
               const char *name)
{
  writer_next (w);
  g_string_append_c (w->buf, '"');
  koers_json_append_len (w->buf, name, strlen (name));
  koers_json_append_len (w->buf, "\" : ", 4);
}

static void
writer_element (Writer *w)
{
  writer_next (w);
}

static void
writer_open (Writer *w,
             char    bracket)
{
  g_assert (w->depth + 1 < MAX_WRITER_DEPTH);

  g_string_append_c (w->buf, bracket);
  w->depth++;
  w->first[w->depth] = TRUE;
}

static void
writer_close (Writer *w,
              char    bracket)
{
  gboolean empty = w->first[w->depth];

  w->depth--;
  if (empty)
    {
      /* As json-glib writes an empty list, and an empty object. */
      g_string_append (w->buf, bracket == ']' ? "]" : "  }");
      return;
    }

  g_string_append_c (w->buf, '\n');
  koers_json_append_len (w->buf, spaces, 2 * w->depth);
  g_string_append_c (w->buf, bracket);
  writer_maybe_flush (w);
}

static void
add_string (Writer     *w,
            const char *name,
            const char *value)
{
  writer_member (w, name);
  koers_json_append_string (w->buf, value != NULL ? value : "");
}

static void
add_nullable (Writer     *w,
              const char *name,
              const char *value)
{
  writer_member (w, name);
  if (value != NULL && value[0] != '\0')
    koers_json_append_string (w->buf, value);
  else
    g_string_append (w->buf, "null");
}

static void
add_number (Writer     *w,
            const char *name,
            double      value)
{
  writer_member (w, name);
  koers_json_append_number (w->buf, value);
}

static void
add_int (Writer     *w,
         const char *name,
         gint64      value)
{
  char digits[24];

  writer_member (w, name);
  koers_json_append_len (w->buf, digits, g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, value));
}

static void
add_bool (Writer     *w,
          const char *name,
          gboolean    value)
{
  writer_member (w, name);
  g_string_append (w->buf, value ? "true" : "false");
}

static void
add_stamp (Writer     *w,
           const char *name,
           gint64      usec)
{
  writer_member (w, name);
  g_string_append_c (w->buf, '"');
  koers_json_append_stamp (w->buf, usec);
  g_string_append_c (w->buf, '"');
}

/* Review members are written only when they hold something: a file
 * without a review reads as it did before there were reviews. */
static void
add_optional_text (Writer     *w,
                   const char *name,
                   const char *value)
{
  if (value != NULL && value[0] != '\0')
    add_string (w, name, value);
}

static void
begin_list (Writer     *w,
            const char *name)
{
  writer_member (w, name);
  writer_open (w, '[');
}

/* The order. */

static int
compare_uuids (const char *a,
               const char *b)
{
  return g_strcmp0 (a, b);
}

static int
compare_departments (gconstpointer a,
                     gconstpointer b)
{
  KoersDepartment *da = *(KoersDepartment **) a;
  KoersDepartment *db = *(KoersDepartment **) b;
  gboolean         ca = koers_department_get_is_company (da);
  gboolean         cb = koers_department_get_is_company (db);
  int              sa = koers_department_get_sort_order (da);
  int              sb = koers_department_get_sort_order (db);

  if (ca != cb)
    return ca ? -1 : 1;
  if (sa != sb)
    return sa < sb ? -1 : 1;
  return compare_uuids (koers_department_get_uuid (da), koers_department_get_uuid (db));
}

/* A department's place in the file (1 on), 0 for one that is not in it. */
static guint
get_department_rank (Export *e,
                     gint64  department_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (e->dept_rank, &department_id));
}

/* Oldest first, as a history reads: by date, then created, then uuid. */
static int
compare_history (const char *date_a,
                 const char *date_b,
                 gint64      created_a,
                 gint64      created_b,
                 const char *uuid_a,
                 const char *uuid_b)
{
  int cmp = g_strcmp0 (date_a, date_b);

  if (cmp != 0)
    return cmp;
  if (created_a != created_b)
    return created_a < created_b ? -1 : 1;
  return compare_uuids (uuid_a, uuid_b);
}

static int
compare_kpis (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  Export   *e = user_data;
  KoersKpi *ka = *(KoersKpi **) a;
  KoersKpi *kb = *(KoersKpi **) b;
  guint     ia = get_department_rank (e, koers_kpi_get_department_id (ka));
  guint     ib = get_department_rank (e, koers_kpi_get_department_id (kb));
  int       pa = koers_kpi_get_position (ka);
  int       pb = koers_kpi_get_position (kb);

  if (ia != ib)
    return ia < ib ? -1 : 1;
  if (pa != pb)
    return pa < pb ? -1 : 1;
  return compare_uuids (koers_kpi_get_uuid (ka), koers_kpi_get_uuid (kb));
}

static int
compare_kpi_values (gconstpointer a,
                    gconstpointer b)
{
  KoersKpiValue *va = *(KoersKpiValue **) a;
  KoersKpiValue *vb = *(KoersKpiValue **) b;

  return compare_history (koers_kpi_value_get_date (va), koers_kpi_value_get_date (vb),
                          koers_kpi_value_get_created (va), koers_kpi_value_get_created (vb),
                          koers_kpi_value_get_uuid (va), koers_kpi_value_get_uuid (vb));
}

static GPtrArray *
list_to_array (GListModel *model)
{
  guint      n = g_list_model_get_n_items (model);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));

  return array;
}

static gboolean
array_has (GPtrArray *array,
           gpointer   item)
{
  return g_ptr_array_find (array, item, NULL);
}

static void
add_exported_uuid (Export     *e,
                   const char *uuid)
{
  if (e->exported != NULL && uuid != NULL && uuid[0] != '\0')
    g_hash_table_add (e->exported, g_ascii_strdown (uuid, -1));
}

/* What the file holds. */

static KoersObjectiveRef *
find_ref (Export *e,
          gint64  id)
{
  return id != 0 ? g_hash_table_lookup (e->ref_by_id, &id) : NULL;
}

static gboolean
read_refs (Export  *e,
           GError **error)
{
  e->refs = koers_store_list_objective_refs (e->store, error);
  if (e->refs == NULL)
    return FALSE;

  e->ref_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < e->refs->len; i++)
    {
      KoersObjectiveRef *ref = &g_array_index (e->refs, KoersObjectiveRef, i);

      g_hash_table_insert (e->ref_by_id, &ref->id, ref);
    }
  return TRUE;
}

static gboolean
ref_in_periods (const KoersObjectiveRef *ref,
                GArray                  *periods,
                guint                    n_periods)
{
  KoersPeriod own;

  if (n_periods == 0)
    return TRUE;
  if (!koers_period_parse (ref->period, &own, NULL))
    return FALSE;

  for (guint i = 0; i < n_periods; i++)
    if (koers_period_overlaps (&own, &g_array_index (periods, KoersPeriod, i)))
      return TRUE;
  return FALSE;
}

static void
take_department (Export *e,
                 gint64  id)
{
  KoersDepartment *dept = id != 0 ? koers_store_find_department (e->store, id) : NULL;

  if (dept != NULL && !array_has (e->departments, dept))
    g_ptr_array_add (e->departments, g_object_ref (dept));
}

/* The KPIs of the departments taken (all of them when the file is not
 * filtered by department), and the ones the exported key results move,
 * whose departments come along. */
static gboolean
select_kpis (Export  *e,
             GError **error)
{
  GListModel *all = koers_store_get_kpis (e->store);
  g_autoptr (GHashTable) taken = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) pairs = NULL;

  e->kpis = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (KoersKpi) kpi = g_list_model_get_item (all, i);
      gint64 id = koers_kpi_get_department_id (kpi);

      if (e->dept_ids == NULL || g_hash_table_contains (e->dept_ids, &id))
        {
          g_hash_table_add (taken, kpi);
          g_ptr_array_add (e->kpis, g_steal_pointer (&kpi));
        }
    }

  if (e->selected != NULL)
    {
      pairs = koers_store_list_key_result_kpis (e->store, error);
      if (pairs == NULL)
        return FALSE;

      for (guint i = 0; i < pairs->len; i++)
        {
          KoersKeyResultKpi *pair = &g_array_index (pairs, KoersKeyResultKpi, i);
          KoersKpi          *kpi;

          if (!g_hash_table_contains (e->selected, &pair->objective_id))
            continue;
          kpi = koers_store_find_kpi (e->store, pair->kpi_id);
          if (kpi != NULL && g_hash_table_add (taken, kpi))
            g_ptr_array_add (e->kpis, g_object_ref (kpi));
        }
    }

  for (guint i = 0; i < e->kpis->len; i++)
    take_department (e, koers_kpi_get_department_id (g_ptr_array_index (e->kpis, i)));
  return TRUE;
}

/* A filtered export also holds what its objectives point at (the
 * objectives they align to or were carried over from, the KPIs their key
 * results move, their departments and those departments' parents), so
 * every file imports on its own. */
static gboolean
select_content (Export                  *e,
                const KoersExportFilter *filter,
                GError                 **error)
{
  GError *local_error = NULL;
  g_autoptr (GArray) pending = NULL;
  guint n_filter_periods;

  e->periods = koers_export_filter_parse_periods (filter, error);
  if (e->periods == NULL)
    return FALSE;
  n_filter_periods = e->periods->len;
  e->n_filter_periods = n_filter_periods;

  e->dept_ids = koers_export_filter_select_departments (filter, e->store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  e->filtered = n_filter_periods > 0 || e->dept_ids != NULL;

  if (!read_refs (e, error))
    return FALSE;

  if (!e->filtered)
    {
      e->departments = list_to_array (koers_store_get_departments (e->store));
      return select_kpis (e, error);
    }

  /* The objectives the filter takes, then what they link to (and what
   * that links to, and so on). */
  e->selected = g_hash_table_new (g_int64_hash, g_int64_equal);
  e->exported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pending = g_array_new (FALSE, FALSE, sizeof (KoersObjectiveRef *));

  for (guint i = 0; i < e->refs->len; i++)
    {
      KoersObjectiveRef *ref = &g_array_index (e->refs, KoersObjectiveRef, i);

      if (e->dept_ids != NULL && !g_hash_table_contains (e->dept_ids, &ref->department_id))
        continue;
      if (!ref_in_periods (ref, e->periods, n_filter_periods))
        continue;

      g_hash_table_add (e->selected, &ref->id);
      g_array_append_val (pending, ref);
    }

  for (guint i = 0; i < pending->len; i++)
    {
      KoersObjectiveRef *ref = g_array_index (pending, KoersObjectiveRef *, i);
      gint64             links[] = { ref->aligned_to_id, ref->carried_over_from_id };

      for (guint j = 0; j < G_N_ELEMENTS (links); j++)
        {
          KoersObjectiveRef *target = find_ref (e, links[j]);

          if (target == NULL || !g_hash_table_add (e->selected, &target->id))
            continue;
          g_array_append_val (pending, target);

          /* The objectives are read by period: its period too. */
          if (n_filter_periods > 0)
            {
              KoersPeriod period;

              if (koers_period_parse (target->period, &period, NULL))
                g_array_append_val (e->periods, period);
            }
        }
    }

  e->departments = g_ptr_array_new_with_free_func (g_object_unref);
  if (e->dept_ids == NULL)
    {
      g_ptr_array_unref (e->departments);
      e->departments = list_to_array (koers_store_get_departments (e->store));
    }
  else
    {
      GListModel *all = koers_store_get_departments (e->store);

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr (KoersDepartment) dept = g_list_model_get_item (all, i);
          gint64 id = koers_department_get_id (dept);

          if (g_hash_table_contains (e->dept_ids, &id))
            g_ptr_array_add (e->departments, g_steal_pointer (&dept));
        }

      for (guint i = 0; i < pending->len; i++)
        take_department (e, g_array_index (pending, KoersObjectiveRef *, i)->department_id);
    }

  if (!select_kpis (e, error))
    return FALSE;

  /* Appended, so the loop reaches their parents too. */
  for (guint i = 0; i < e->departments->len; i++)
    take_department (e, koers_department_get_parent_id (g_ptr_array_index (e->departments, i)));

  return TRUE;
}

/* The entities. */

/* The members of one row, from its entity's column table: in table order,
 * the stamps last, as the format always had them. */

/* The uuid a link points at, NULL for none. */
static const char *
get_link_uuid (Export            *e,
               const KoersColumn *column,
               gint64             id)
{
  const char *table = column->link_table;

  if (strcmp (table, "departments") == 0)
    {
      KoersDepartment *dept = id != 0 ? koers_store_find_department (e->store, id) : NULL;

      return dept != NULL ? koers_department_get_uuid (dept) : NULL;
    }
  if (strcmp (table, "objectives") == 0)
    {
      KoersObjectiveRef *ref = find_ref (e, id);

      return ref != NULL ? ref->uuid : NULL;
    }
  if (strcmp (table, "kpis") == 0)
    {
      KoersKpi *kpi = id != 0 ? koers_store_find_kpi (e->store, id) : NULL;

      return kpi != NULL ? koers_kpi_get_uuid (kpi) : NULL;
    }
  if (strcmp (table, "key_results") == 0)
    return id != 0 ? g_hash_table_lookup (e->kr_uuids, &id) : NULL;
  g_return_val_if_reached (NULL);
}

static void
write_text (Writer            *w,
            const KoersColumn *column,
            const char        *name,
            const char        *text)
{
  if (column->json_flags & KOERS_JSON_OPTIONAL)
    add_optional_text (w, name, text);
  else if (column->json_flags & KOERS_JSON_REQUIRED)
    add_string (w, name, text);
  else if (column->json == KOERS_JSON_DATE || column->kind == KOERS_COLUMN_LINK)
    add_nullable (w, name, text);
  else
    add_string (w, name, text);
}

static void
write_member (Export            *e,
              const KoersEntity *entity,
              guint              i,
              const GValue      *value)
{
  const KoersColumn *column = &entity->columns[i];
  const char        *name = koers_column_get_json_name (column);
  Writer            *w = &e->w;
  GEnumValue        *nick;

  switch (column->kind)
    {
    case KOERS_COLUMN_UUID:
    case KOERS_COLUMN_TEXT:
      write_text (w, column, name, g_value_get_string (value));
      break;
    case KOERS_COLUMN_LINK:
      write_text (w, column, name, get_link_uuid (e, column, g_value_get_int64 (value)));
      break;
    case KOERS_COLUMN_INT:
      add_int (w, name, g_value_get_int (value));
      break;
    case KOERS_COLUMN_STAMP:
      /* An optional one is left out unset (an open escalation's). */
      if (g_value_get_int64 (value) != 0 || !(column->json_flags & KOERS_JSON_OPTIONAL))
        add_stamp (w, name, g_value_get_int64 (value));
      break;
    case KOERS_COLUMN_DOUBLE:
      /* An optional number is left out at 0 (an effort not estimated). */
      if (g_value_get_double (value) != 0.0 || !(column->json_flags & KOERS_JSON_OPTIONAL))
        add_number (w, name, g_value_get_double (value));
      break;
    case KOERS_COLUMN_GRADE:
      if (g_value_get_double (value) >= 0.0)
        add_number (w, name, g_value_get_double (value));
      else if (!(column->json_flags & KOERS_JSON_OPTIONAL))
        add_nullable (w, name, NULL);
      break;
    case KOERS_COLUMN_BOOL:
      if (g_value_get_boolean (value) || !(column->json_flags & KOERS_JSON_OPTIONAL))
        add_bool (w, name, g_value_get_boolean (value));
      break;
    case KOERS_COLUMN_ENUM:
      nick = g_enum_get_value (G_PARAM_SPEC_ENUM (koers_entity_get_pspec (entity, i))->enum_class,
                               g_value_get_enum (value));
      /* An optional one is left out at its default (no request). */
      if (!(column->json_flags & KOERS_JSON_OPTIONAL) ||
          g_value_get_enum (value) != G_PARAM_SPEC_ENUM (koers_entity_get_pspec (entity, i))->default_value)
        add_string (w, name, nick != NULL ? nick->value_nick : NULL);
      break;
    case KOERS_COLUMN_ID:
    case KOERS_COLUMN_VERSION:
    default:
      g_assert_not_reached ();
    }
}

/* values: every column's (koers_entity_get_values()). */
static void
write_members (Export            *e,
               const KoersEntity *entity,
               const GValue      *values)
{
  for (int stamps = 0; stamps < 2; stamps++)
    for (guint i = 0; i < entity->n_columns; i++)
      if (entity->columns[i].json != KOERS_JSON_NONE &&
          (entity->columns[i].kind == KOERS_COLUMN_STAMP) == stamps)
        write_member (e, entity, i, &values[i]);
}

/* An entity's object, opened and with its members: its list, if it has
 * one, follows. */
static void
write_object_members (Export            *e,
                      const KoersEntity *entity,
                      GObject           *object)
{
  GValue values[KOERS_ENTITY_MAX_COLUMNS] = { G_VALUE_INIT };

  writer_element (&e->w);
  writer_open (&e->w, '{');
  koers_entity_get_values (entity, object, values);
  write_members (e, entity, values);
  koers_entity_clear_values (entity, values);
}

/* Schema 7: a department's capacities, an objective's escalations. */
static void
write_owned (Export            *e,
             const char        *list,
             const KoersEntity *entity,
             GHashTable        *groups,
             gint64             owner_id)
{
  GPtrArray *group = g_hash_table_lookup (groups, &owner_id);

  if (group == NULL)
    return;
  begin_list (&e->w, list);
  for (guint i = 0; i < group->len; i++)
    {
      GObject         *object = g_ptr_array_index (group, i);
      g_autofree char *uuid = NULL;

      write_object_members (e, entity, object);
      writer_close (&e->w, '}');
      g_object_get (object, "uuid", &uuid, NULL);
      add_exported_uuid (e, uuid);
    }
  writer_close (&e->w, ']');
}

static void
write_department (Export          *e,
                  KoersDepartment *dept)
{
  write_object_members (e, &koers_entity_department, G_OBJECT (dept));
  write_owned (e, "capacities", &koers_entity_capacity, e->capacities,
               koers_department_get_id (dept));
  writer_close (&e->w, '}');
}

/* The objectives, key results and check-ins come as rows, in the file's
 * order (koers_store_foreach_objective_row()), and are written as they
 * come. */

/* The member that lists what a row of entity owns, or NULL. */
static const char *
get_owned_list (const KoersEntity *entity)
{
  if (entity == &koers_entity_objective)
    return "key_results";
  if (entity == &koers_entity_key_result)
    return "checkins";
  return NULL;
}

static gboolean
propagate_write_error (Export  *e,
                       GError **error)
{
  if (e->w.error == NULL)
    return TRUE;
  g_propagate_error (error, g_error_copy (e->w.error));
  return FALSE;
}

static gboolean
row_cb (const KoersEntity *entity,
        const GValue      *values,
        gpointer           user_data,
        GError           **error)
{
  Export     *e = user_data;
  const char *list = get_owned_list (entity);

  /* Column 0 is the id, 1 the uuid (koers-store-columns.c). */
  if (entity == &koers_entity_objective && e->selected != NULL)
    {
      gint64 id = g_value_get_int64 (&values[0]);

      if (!g_hash_table_contains (e->selected, &id))
        return FALSE;
    }
  if (list != NULL)
    add_exported_uuid (e, g_value_get_string (&values[1]));
  if (entity == &koers_entity_objective)
    {
      e->objective_id = g_value_get_int64 (&values[0]);
      g_hash_table_remove_all (e->kr_uuids);
    }
  else if (entity == &koers_entity_key_result)
    {
      gint64 id = g_value_get_int64 (&values[0]);

      g_hash_table_insert (e->kr_uuids, g_memdup2 (&id, sizeof id),
                           g_strdup (g_value_get_string (&values[1])));
    }

  writer_element (&e->w);
  writer_open (&e->w, '{');
  write_members (e, entity, values);
  if (list != NULL)
    begin_list (&e->w, list);
  return propagate_write_error (e, error);
}

static gboolean
row_end_cb (const KoersEntity *entity,
            gpointer           user_data,
            GError           **error)
{
  Export *e = user_data;

  if (get_owned_list (entity) != NULL)
    writer_close (&e->w, ']');
  if (entity == &koers_entity_objective)
    write_owned (e, "escalations", &koers_entity_escalation, e->escalations, e->objective_id);
  writer_close (&e->w, '}');
  return propagate_write_error (e, error);
}

static gboolean
write_objectives (Export  *e,
                  GError **error)
{
  static const KoersStoreRowFuncs funcs = { row_cb, row_end_cb };
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) holding = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* Only the departments that hold an objective of the file are read. */
  for (guint i = 0; i < e->refs->len; i++)
    {
      KoersObjectiveRef *ref = &g_array_index (e->refs, KoersObjectiveRef, i);

      if (e->selected == NULL || g_hash_table_contains (e->selected, &ref->id))
        g_hash_table_add (holding, &ref->department_id);
    }

  for (guint i = 0; i < e->departments->len; i++)
    {
      gint64 id = koers_department_get_id (g_ptr_array_index (e->departments, i));

      if (g_hash_table_contains (holding, &id))
        g_array_append_val (ids, id);
    }

  begin_list (&e->w, "objectives");
  if (!koers_store_foreach_objective_row (e->store, (gint64 *) ids->data, ids->len, &funcs, e,
                                          error))
    return FALSE;
  writer_close (&e->w, ']');
  return TRUE;
}

static void
write_kpi_value (Export        *e,
                 KoersKpiValue *value)
{
  write_object_members (e, &koers_entity_kpi_value, G_OBJECT (value));
  writer_close (&e->w, '}');
}

static void
write_kpi (Export   *e,
           KoersKpi *kpi)
{
  Writer *w = &e->w;
  g_autoptr (GPtrArray) values = list_to_array (koers_kpi_get_values (kpi));

  add_exported_uuid (e, koers_kpi_get_uuid (kpi));

  write_object_members (e, &koers_entity_kpi, G_OBJECT (kpi));
  g_ptr_array_sort (values, compare_kpi_values);
  begin_list (w, "values");
  for (guint i = 0; i < values->len; i++)
    write_kpi_value (e, g_ptr_array_index (values, i));
  writer_close (w, ']');

  writer_close (w, '}');
}

/* Left out when there are none, as a file from before KPIs. */
static void
write_kpis (Export *e)
{
  if (e->kpis->len == 0)
    return;

  begin_list (&e->w, "kpis");
  for (guint i = 0; i < e->kpis->len; i++)
    write_kpi (e, g_ptr_array_index (e->kpis, i));
  writer_close (&e->w, ']');
}

/* What a finding key ("rule-id:uuid" or "rule-id:uuid@period") is
 * about: the uuid. */
static char *
get_finding_subject (const char *key)
{
  const char *start = strchr (key, ':');
  const char *end;

  if (start == NULL)
    return NULL;
  start++;
  end = strchr (start, '@');
  return g_ascii_strdown (start, end != NULL ? end - start : -1);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* By key; left out when there are none, as a file from before reviews.  A
 * filtered file holds those about a department, objective or key result
 * it holds. */
static void
write_dismissed_findings (Export *e)
{
  GHashTable *dismissed = koers_store_get_dismissed_findings (e->store);
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer       key;

  g_hash_table_iter_init (&iter, dismissed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *subject = e->exported != NULL ? get_finding_subject (key) : NULL;

      if (e->exported == NULL || (subject != NULL && g_hash_table_contains (e->exported, subject)))
        g_ptr_array_add (keys, key);
    }

  if (keys->len == 0)
    return;

  g_ptr_array_sort (keys, compare_strings);
  begin_list (&e->w, "dismissed_findings");
  for (guint i = 0; i < keys->len; i++)
    {
      const char *k = g_ptr_array_index (keys, i);

      writer_element (&e->w);
      writer_open (&e->w, '{');
      add_string (&e->w, "key", k);
      add_stamp (&e->w, "dismissed", koers_store_get_finding_dismissed_at (e->store, k));
      writer_close (&e->w, '}');
    }
  writer_close (&e->w, ']');
}

static gboolean
is_exported (Export     *e,
             const char *uuid)
{
  g_autofree char *lower = NULL;

  if (uuid == NULL)
    return FALSE;
  lower = g_ascii_strdown (uuid, -1);
  return g_hash_table_contains (e->exported, lower);
}

/* Capacities and escalations, written inside their department and
 * objective (write_owned). */
static gboolean
is_owned_entity (const char *entity)
{
  return g_strcmp0 (entity, koers_entity_capacity.entity) == 0 ||
         g_strcmp0 (entity, koers_entity_escalation.entity) == 0;
}

static gboolean
change_cb (const KoersChangeRow *change,
           gpointer              user_data,
           GError              **error)
{
  Export *e = user_data;
  Writer *w = &e->w;

  /* A filtered file: the history of what it holds (a check-in's and a
   * KPI value's go along with their key result and KPI; a capacity's and
   * an escalation's only when the file holds them). */
  if (e->exported != NULL && !is_exported (e, change->uuid) &&
      (!is_exported (e, change->parent) || is_owned_entity (change->entity)))
    return TRUE;
  if (!koers_json_change_entity_known (change->entity))
    return TRUE;

  writer_element (w);
  writer_open (w, '{');
  add_string (w, "key", change->key);
  add_stamp (w, "at", change->at);
  add_string (w, "author", change->author);
  add_string (w, "entity", change->entity);
  add_string (w, "uuid", change->uuid);
  add_nullable (w, "parent", change->parent);
  add_string (w, "op", change->op);
  writer_member (w, "fields");
  /* The log's own text, written compactly; an entry the log could not
   * make sense of itself keeps its place, without fields. */
  if (change->fields == NULL || !koers_json_append_compact (w->buf, change->fields))
    g_string_append (w->buf, "{}");
  writer_close (w, '}');

  if (w->error != NULL)
    {
      g_propagate_error (error, g_error_copy (w->error));
      return FALSE;
    }
  return TRUE;
}

/* After everything else: the history, oldest first. */
static gboolean
write_changes (Export  *e,
               GError **error)
{
  begin_list (&e->w, "changes");
  /* Rows, their fields as the log's text: copied, not looked into. */
  if (!koers_store_foreach_change_row (e->store, 0, change_cb, e, error))
    return FALSE;
  writer_close (&e->w, ']');
  return TRUE;
}

static void
export_clear (Export *e)
{
  g_clear_pointer (&e->periods, g_array_unref);
  g_clear_pointer (&e->dept_ids, g_hash_table_unref);
  g_clear_pointer (&e->departments, g_ptr_array_unref);
  g_clear_pointer (&e->dept_rank, g_hash_table_unref);
  g_clear_pointer (&e->kpis, g_ptr_array_unref);
  g_clear_pointer (&e->ref_by_id, g_hash_table_unref);
  g_clear_pointer (&e->refs, g_array_unref);
  g_clear_pointer (&e->selected, g_hash_table_unref);
  g_clear_pointer (&e->exported, g_hash_table_unref);
  g_clear_pointer (&e->capacities, g_hash_table_unref);
  g_clear_pointer (&e->escalations, g_hash_table_unref);
  g_clear_pointer (&e->kr_uuids, g_hash_table_unref);
  if (e->w.buf != NULL)
    g_string_free (e->w.buf, TRUE);
  e->w.buf = NULL;
  g_clear_error (&e->w.error);
}

static gboolean
write_document (Export                  *e,
                const KoersExportFilter *filter,
                gint64                   exported_usec,
                GError                 **error)
{
  Writer *w = &e->w;

  if (!select_content (e, filter, error))
    return FALSE;

  g_ptr_array_sort (e->departments, compare_departments);
  e->dept_rank = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < e->departments->len; i++)
    {
      gint64 id = koers_department_get_id (g_ptr_array_index (e->departments, i));

      g_hash_table_insert (e->dept_rank, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
    }
  g_ptr_array_sort_with_data (e->kpis, compare_kpis, e);
  e->capacities = koers_json_group_capacities (e->store, (KoersPeriod *) e->periods->data,
                                               e->n_filter_periods, e->dept_ids, error);
  e->escalations = e->capacities != NULL ? koers_json_group_escalations (e->store, error) : NULL;
  if (e->escalations == NULL)
    return FALSE;
  e->kr_uuids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  w->buf = g_string_sized_new (FLUSH_SIZE + 4096);
  w->depth = 0;
  w->first[0] = TRUE;
  writer_open (w, '{');
  add_string (w, "format", KOERS_JSON_FORMAT);
  add_int (w, "version", KOERS_JSON_FORMAT_VERSION);
  add_stamp (w, "exported", exported_usec != 0 ? exported_usec : koers_now_usec ());
  add_string (w, "organisation", koers_store_get_organisation (e->store));

  begin_list (w, "departments");
  for (guint i = 0; i < e->departments->len; i++)
    {
      KoersDepartment *dept = g_ptr_array_index (e->departments, i);

      add_exported_uuid (e, koers_department_get_uuid (dept));
      write_department (e, dept);
    }
  writer_close (w, ']');

  if (!write_objectives (e, error))
    return FALSE;

  write_kpis (e);
  write_dismissed_findings (e);

  if (!write_changes (e, error))
    return FALSE;

  writer_close (w, '}');
  g_string_append_c (w->buf, '\n');
  writer_flush (w);

  if (w->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&w->error));
      return FALSE;
    }
  return TRUE;
}

/* One export to out, in one read snapshot. */
static gboolean
export_to_stream (KoersStore              *store,
                  const KoersExportFilter *filter,
                  gint64                   exported_usec,
                  GOutputStream           *out,
                  GError                 **error)
{
  Export e = {
    0,
  };
  gboolean ok;

  e.store = store;
  e.w.out = out;

  if (!koers_store_begin_snapshot (store, error))
    return FALSE;

  ok = write_document (&e, filter, exported_usec, error);
  koers_store_end_snapshot (store);

  export_clear (&e);
  return ok;
}

char *
koers_json_export_to_string (KoersStore              *store,
                             const KoersExportFilter *filter,
                             gint64                   exported_usec,
                             GError                 **error)
{
  g_autoptr (GOutputStream) out = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  out = g_memory_output_stream_new_resizable ();
  /* The text ends with a NUL, as a string. */
  if (!export_to_stream (store, filter, exported_usec, out, error) ||
      !g_output_stream_write_all (out, "", 1, NULL, NULL, error) ||
      !g_output_stream_close (out, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

gboolean
koers_json_export (KoersStore              *store,
                   const KoersExportFilter *filter,
                   const char              *path,
                   GError                 **error)
{
  g_autoptr (KoersAtomicFile) file = NULL;
  g_autoptr (GFile) tmp = NULL;
  g_autoptr (GFileOutputStream) out = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Private when new: an export holds check-in notes and the
   * personal-data notes of the review. */
  file = koers_atomic_file_new (path, KOERS_ATOMIC_FILE_PRIVATE, error);
  if (file == NULL)
    return FALSE;

  tmp = g_file_new_for_path (koers_atomic_file_get_temporary_path (file));
  out = g_file_append_to (tmp, G_FILE_CREATE_NONE, NULL, error);
  return out != NULL &&
         export_to_stream (store, filter, 0, G_OUTPUT_STREAM (out), error) &&
         g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error) &&
         koers_atomic_file_commit (file, error);
}
