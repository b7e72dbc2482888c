/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-store-columns.h"

/* The column tables are the one description of each entity: these tests
 * walk every row of every table, so a column added there is covered
 * here without a new line of test code.  For each entity: writing an
 * object's row and reading it back gives every property back; a copy
 * takes every property; the comparison sees a change in any of them. */

/* A value for the column that is not the property's default and differs
 * per column, so that a column read into or copied from another shows. */
static void
make_value (const KoersColumn *column,
            GParamSpec        *pspec,
            guint              i,
            GValue            *value)
{
  g_autofree char *text = NULL;
  GEnumClass      *enums;

  g_value_init (value, pspec->value_type);
  switch (column->kind)
    {
    case KOERS_COLUMN_ID:
    case KOERS_COLUMN_LINK:
    case KOERS_COLUMN_STAMP:
      g_value_set_int64 (value, 1000 + i);
      break;
    case KOERS_COLUMN_INT:
      g_value_set_int (value, 7 + (int) i);
      break;
    case KOERS_COLUMN_BOOL:
      g_value_set_boolean (value, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
      break;
    case KOERS_COLUMN_DOUBLE:
      g_value_set_double (value, 2.5 + i);
      break;
    case KOERS_COLUMN_GRADE:
      g_value_set_double (value, 0.05 * (i % 20));
      break;
    case KOERS_COLUMN_ENUM:
      enums = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      g_assert_cmpuint (enums->n_values, >=, 2);
      g_value_set_enum (value, enums->values[enums->n_values - 1].value !=
                                   G_PARAM_SPEC_ENUM (pspec)->default_value
                                 ? enums->values[enums->n_values - 1].value
                                 : enums->values[0].value);
      break;
    case KOERS_COLUMN_UUID:
    case KOERS_COLUMN_TEXT:
      /* Dates must read as dates where a setter checks them. */
      text = g_str_has_suffix (column->column, "date")
               ? g_strdup_printf ("2026-05-%02u", 1 + i % 28)
               : g_strdup_printf ("%s “%u” ✓", column->column, i);
      g_value_set_string (value, text);
      break;
    case KOERS_COLUMN_VERSION:
    default:
      g_assert_not_reached ();
    }
  g_assert_false (g_param_value_validate (pspec, value));
}

static GObject *
new_filled (const KoersEntity *entity)
{
  GObject *object = koers_entity_new_object (entity);

  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn *column = &entity->columns[i];
      g_auto (GValue) value = G_VALUE_INIT;
      GParamSpec *pspec;

      if (column->kind == KOERS_COLUMN_VERSION)
        continue;
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), column->property);
      g_assert_nonnull (pspec);
      make_value (column, pspec, i, &value);
      g_object_set_property (object, column->property, &value);
    }
  return object;
}

static void
assert_same_property (GObject           *a,
                      GObject           *b,
                      const KoersColumn *column)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (a), column->property);
  g_auto (GValue) va = G_VALUE_INIT;
  g_auto (GValue) vb = G_VALUE_INIT;

  g_value_init (&va, pspec->value_type);
  g_value_init (&vb, pspec->value_type);
  g_object_get_property (a, column->property, &va);
  g_object_get_property (b, column->property, &vb);
  if (g_param_values_cmp (pspec, &va, &vb) != 0)
    {
      g_autofree char *sa = g_strdup_value_contents (&va);
      g_autofree char *sb = g_strdup_value_contents (&vb);

      g_error ("%s: %s differs: %s against %s", G_OBJECT_TYPE_NAME (a), column->column, sa, sb);
    }
}

static void
assert_all_same (const KoersEntity *entity,
                 GObject           *a,
                 GObject           *b)
{
  for (guint i = 0; i < entity->n_columns; i++)
    if (entity->columns[i].kind != KOERS_COLUMN_VERSION)
      assert_same_property (a, b, &entity->columns[i]);
}

/* The entity's table without constraints: what the generated INSERT and
 * SELECT need, whatever the real schema's checks and keys. */
static KoersDb *
open_table (const KoersEntity *entity)
{
  g_autoptr (GString) ddl = g_string_new (NULL);
  KoersDb *db = NULL;

  g_assert_cmpint (koers_db_open_sqlite (":memory:", KOERS_DB_OPEN_READWRITE | KOERS_DB_OPEN_CREATE, &db), ==, KOERS_DB_OK);
  g_string_append_printf (ddl, "CREATE TABLE %s (", entity->table);
  for (guint i = 0; i < entity->n_columns; i++)
    g_string_append_printf (ddl, "%s%s%s", i > 0 ? ", " : "", entity->columns[i].column,
                            entity->columns[i].kind == KOERS_COLUMN_VERSION
                              ? " INTEGER NOT NULL DEFAULT 1"
                              : "");
  g_string_append (ddl, ")");
  g_assert_cmpint (koers_db_exec (db, ddl->str), ==, KOERS_DB_OK);
  return db;
}

static void
test_row_round_trip (gconstpointer data)
{
  const KoersEntity *entity = data;
  g_autoptr (GObject) written = new_filled (entity);
  g_autoptr (GObject) read = koers_entity_new_object (entity);
  g_autofree char *select = g_strdup_printf ("SELECT %s FROM %s",
                                             koers_entity_get_select_list (entity),
                                             entity->table);
  KoersDb         *db = open_table (entity);
  KoersDbStmt     *stmt = NULL;
  int              index = 0;

  g_assert_cmpint (koers_db_prepare (db, koers_entity_get_insert_sql (entity), &stmt),
                   ==, KOERS_DB_OK);
  for (guint i = 0; i < entity->n_columns; i++)
    if (entity->columns[i].kind != KOERS_COLUMN_VERSION)
      koers_entity_bind_column (&entity->columns[i], stmt, ++index, written);
  g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_DONE);
  koers_db_finalize (stmt);

  g_assert_cmpint (koers_db_prepare (db, select, &stmt), ==, KOERS_DB_OK);
  g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_ROW);
  g_assert_cmpint (koers_entity_read_row (entity, stmt, 0, read), ==, 1);
  koers_db_finalize (stmt);
  koers_db_close (db);

  assert_all_same (entity, written, read);
}

static void
test_copy (gconstpointer data)
{
  const KoersEntity       *entity = data;
  static const char *const except[] = { "created", NULL };
  g_autoptr (GObject) from = new_filled (entity);
  g_autoptr (GObject) to = koers_entity_new_object (entity);

  koers_entity_copy (entity, to, from, except);
  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn *column = &entity->columns[i];
      gint64             stamp = -1;

      if (column->kind == KOERS_COLUMN_VERSION)
        continue;
      if (column->kind == KOERS_COLUMN_ID || g_str_equal (column->column, "created"))
        {
          /* Not taken: the id is the row's, and "created" was named. */
          g_object_get (to, column->property, &stamp, NULL);
          g_assert_cmpint (stamp, ==, 0);
          continue;
        }
      assert_same_property (from, to, column);
    }
}

static void
test_equal (gconstpointer data)
{
  const KoersEntity *entity = data;
  g_autoptr (GObject) a = new_filled (entity);

  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn *column = &entity->columns[i];
      g_autoptr (GObject) b = new_filled (entity);
      const char *except[] = { column->column, NULL };
      g_auto (GValue) value = G_VALUE_INIT;
      GParamSpec *pspec;

      if (column->kind == KOERS_COLUMN_VERSION)
        continue;
      g_assert_true (koers_entity_equal (entity, a, b, NULL));

      /* Another value in this column only: the value of another column. */
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (b), column->property);
      make_value (column, pspec, i + 1, &value);
      if (column->kind == KOERS_COLUMN_BOOL)
        g_value_set_boolean (&value, G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
      if (column->kind == KOERS_COLUMN_ENUM)
        g_value_set_enum (&value, G_PARAM_SPEC_ENUM (pspec)->default_value);
      g_object_set_property (b, column->property, &value);

      /* The id, the uuid and the links are each database's own. */
      if (column->kind == KOERS_COLUMN_ID || column->kind == KOERS_COLUMN_UUID ||
          column->kind == KOERS_COLUMN_LINK)
        g_assert_true (koers_entity_equal (entity, a, b, NULL));
      else
        {
          g_assert_false (koers_entity_equal (entity, a, b, NULL));
          g_assert_true (koers_entity_equal (entity, a, b, except));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  const KoersEntity *const *entities;
  guint                     n;

  g_test_init (&argc, &argv, NULL);

  entities = koers_entity_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *round_trip = g_strdup_printf ("/columns/%s/row-round-trip",
                                                     entities[i]->entity);
      g_autofree char *copy = g_strdup_printf ("/columns/%s/copy", entities[i]->entity);
      g_autofree char *equal = g_strdup_printf ("/columns/%s/equal", entities[i]->entity);

      g_test_add_data_func (round_trip, entities[i], test_row_round_trip);
      g_test_add_data_func (copy, entities[i], test_copy);
      g_test_add_data_func (equal, entities[i], test_equal);
    }

  return g_test_run ();
}
