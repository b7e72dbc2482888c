/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-json-private.h"
#include "koers-store-private.h"
#include "koers-test-io.h"

/* The JSON members of each entity come from its column table
 * (koers-store-columns.c): this test walks every column a file carries,
 * so a column added there is covered without a new line here.  One row of
 * each entity gets a value in every such column that is not what it held;
 * the database exported and imported into a new one gives each value
 * back. */

/* The row of a table to change: the company among the departments (its
 * own in the other database too), a key result without check-ins (whose
 * current value is its own, not its latest check-in's). */
static gint64
pick_row (const char        *path,
          const KoersEntity *entity)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT id FROM %s ORDER BY %s id LIMIT 1", entity->table,
    entity == &koers_entity_department ? "is_company DESC,"
    : entity == &koers_entity_key_result
      ? "(SELECT count(*) FROM checkins c WHERE c.key_result_id = key_results.id),"
      : "");
  gint64 id = koers_test_query_int (path, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

/* A value, as SQL, that the column's checks accept and that differs per
 * column; NULL to leave the column as it is (the uuid, the links). */
static char *
make_value (const KoersEntity *entity,
            guint              i)
{
  const KoersColumn *column = &entity->columns[i];
  GParamSpec        *pspec = koers_entity_get_pspec (entity, i);
  GEnumClass        *enums;

  switch (column->json)
    {
    case KOERS_JSON_DATE:
      return g_strdup_printf ("'2026-05-%02u'", 1 + i % 28);
    case KOERS_JSON_PERIOD:
      return g_strdup ("'2027-Q3'");
    case KOERS_JSON_ORDER:
      return g_strdup_printf ("%u", 70 + i);
    case KOERS_JSON_WEIGHT:
      return g_strdup_printf ("%u.25", 2 + i);
    case KOERS_JSON_NONE:
      return NULL;
    case KOERS_JSON_PLAIN:
    case KOERS_JSON_NAME:
    case KOERS_JSON_NOTE:
    default:
      break;
    }

  switch (column->kind)
    {
    case KOERS_COLUMN_TEXT:
      return g_strdup_printf ("'%s “%u” ✓%s'", column->column, i,
                              column->json == KOERS_JSON_NOTE ? "\nline two" : "");
    case KOERS_COLUMN_INT:
      return g_strdup_printf ("%u", 7 + i);
    case KOERS_COLUMN_STAMP:
      /* Newer than anything in the other database, so the file's copy
       * of a department matched there is the one kept. */
      return g_strdup_printf ("%" G_GINT64_FORMAT, G_GINT64_CONSTANT (4102444800123456) + i);
    case KOERS_COLUMN_DOUBLE:
      return g_strdup_printf ("%u.125", 3 + i);
    case KOERS_COLUMN_GRADE:
      return g_strdup_printf ("0.%02u", 5 + i);
    case KOERS_COLUMN_BOOL:
      /* The company stays the company. */
      return g_strdup ("1");
    case KOERS_COLUMN_ENUM:
      enums = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      return g_strdup_printf ("'%s'", enums->values[enums->n_values - 1].value_nick);
    case KOERS_COLUMN_UUID:
    case KOERS_COLUMN_LINK:
      return NULL;
    case KOERS_COLUMN_ID:
    case KOERS_COLUMN_VERSION:
    default:
      g_assert_not_reached ();
    }
}

/* A column of the row with uuid, as text; a link as the uuid it points at. */
static char *
query_column (const char        *path,
              const KoersEntity *entity,
              const KoersColumn *column,
              const char        *uuid)
{
  g_autofree char *expr = column->kind == KOERS_COLUMN_LINK
                            ? g_strdup_printf ("(SELECT uuid FROM %s WHERE id = t.%s)", column->link_table, column->column)
                            : g_strdup_printf ("t.%s", column->column);
  g_autofree char *sql = g_strdup_printf ("SELECT quote (%s) FROM %s AS t WHERE uuid = '%s'", expr,
                                          entity->table, uuid);

  return koers_test_query_text (path, sql);
}

static void
test_columns_round_trip (KoersTestDir *fixture,
                         gconstpointer data)
{
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uuids[8] = {
    NULL,
  };
  const KoersEntity *const *entities;
  guint                     n_entities;

  entities = koers_entity_get_all (&n_entities);
  g_assert_cmpuint (n_entities, <=, G_N_ELEMENTS (uuids));

  {
    g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);

    KoersKpi *kpi;

    koers_test_populate_store (store);
    kpi = koers_test_add_kpi (store, koers_test_find_department (store, "Marketing"), "Leads",
                              KOERS_KPI_DIRECTION_HIGHER, 10, 5);
    koers_test_add_kpi_value (store, kpi, "2026-04-30", 12.5);
  }

  /* Every carried column of one row of each entity, changed. */
  for (guint e = 0; e < n_entities; e++)
    {
      const KoersEntity *entity = entities[e];
      gint64             id = pick_row (fixture->path, entity);
      g_autoptr (GString) sql = g_string_new (NULL);
      g_autofree char *uuid_sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = %" G_GINT64_FORMAT,
                                                   entity->table, id);

      g_string_append_printf (sql, "UPDATE %s SET ", entity->table);
      for (guint i = 0; i < entity->n_columns; i++)
        {
          g_autofree char *value = make_value (entity, i);

          if (value != NULL)
            g_string_append_printf (sql, "%s = %s, ", entity->columns[i].column, value);
        }
      g_string_truncate (sql, sql->len - 2);
      g_string_append_printf (sql, " WHERE id = %" G_GINT64_FORMAT, id);
      koers_test_exec_raw (fixture->path, sql->str);
      uuids[e] = koers_test_query_text (fixture->path, uuid_sql);
    }

  {
    g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);

    text = koers_test_export_full_text (store);
  }
  {
    g_autoptr (KoersStore) copy = koers_test_open_store (copy_path);
    g_autoptr (KoersImportPlan) plan = NULL;

    plan = koers_json_import_plan_from_data (copy, text, strlen (text), KOERS_JSON_IMPORT_ADD,
                                             &error);
    g_assert_no_error (error);
    g_assert_true (koers_json_import_apply (plan, &error));
    g_assert_no_error (error);
  }

  for (guint e = 0; e < n_entities; e++)
    {
      const KoersEntity *entity = entities[e];

      for (guint i = 0; i < entity->n_columns; i++)
        {
          const KoersColumn *column = &entity->columns[i];
          g_autofree char   *written = NULL;
          g_autofree char   *read = NULL;

          if (column->json == KOERS_JSON_NONE)
            continue;
          written = query_column (fixture->path, entity, column, uuids[e]);
          read = query_column (copy_path, entity, column, uuids[e]);
          g_test_message ("%s.%s: %s", entity->table, column->column, written);
          g_assert_nonnull (read);
          if (g_strcmp0 (written, read) != 0)
            g_error ("%s.%s: exported %s, imported %s", entity->table, column->column, written, read);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/json-columns/round-trip", KoersTestDir, NULL, koers_test_dir_setup,
              test_columns_round_trip, koers_test_dir_teardown);

  return g_test_run ();
}
