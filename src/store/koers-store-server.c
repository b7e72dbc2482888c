/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-store-columns.h"
#include "koers-store-server.h"
#include "koers-store.h"

/* The company server's schema, from the same column tables as the SQLite
 * file's.  What PostgreSQL does differently from SQLite lives here and in
 * db/koers-db-dialect.c: identity columns, PL/pgSQL triggers, NOTIFY,
 * roles and row-level security. */

static const char *const role_words[] = { "admin", "head", "leader", "reader" };

gboolean
koers_server_role_from_string (const char      *word,
                               KoersServerRole *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_words); i++)
    if (g_strcmp0 (word, role_words[i]) == 0)
      {
        *role = (KoersServerRole) i;
        return TRUE;
      }
  return FALSE;
}

const char *
koers_server_role_to_string (KoersServerRole role)
{
  g_return_val_if_fail (role < G_N_ELEMENTS (role_words), NULL);
  return role_words[role];
}

/* The change log, its author the person logged in (session_user: the
 * trigger runs as the schema's owner).  Nobody but the owner writes it
 * directly, so its rows say who really wrote. */
static const char changes_sql[] =
  "CREATE TABLE changes (\n"
  "  seq     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
  "  key     TEXT NOT NULL UNIQUE DEFAULT md5 (random ()::text || clock_timestamp ()::text),\n"
  "  at      BIGINT NOT NULL,\n"
  "  author  TEXT NOT NULL DEFAULT session_user,\n"
  "  entity  TEXT NOT NULL,\n"
  "  uuid    TEXT NOT NULL,\n"
  "  parent  TEXT,\n"
  "  op      TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),\n"
  "  version BIGINT NOT NULL DEFAULT 0,\n"
  "  fields  TEXT NOT NULL DEFAULT '{}'\n"
  ");\n"
  "CREATE INDEX changes_uuid ON changes (uuid, seq);\n"
  "CREATE INDEX changes_parent ON changes (parent, seq) WHERE parent IS NOT NULL;\n"
  "CREATE TABLE people (\n"
  "  name          TEXT PRIMARY KEY,\n"
  "  role          TEXT NOT NULL CHECK (role IN ('admin', 'head', 'leader', 'reader')),\n"
  "  department_id BIGINT REFERENCES departments (id) ON DELETE SET NULL\n"
  ");\n";

/* A row's version rises with every update, whoever writes it. */
static const char version_sql[] =
  "CREATE FUNCTION koers_raise_version () RETURNS trigger LANGUAGE plpgsql AS $$\n"
  "BEGIN\n"
  "  NEW.version := OLD.version + 1;\n"
  "  RETURN NEW;\n"
  "END $$;\n";

/* One function logs every entity: the trigger's arguments name the
 * entity, its parent link ("column:table", or "" for none) and then each
 * logged column (a link as "column:table", logged as the uuid it points
 * at). */
static const char log_sql[] =
  "CREATE FUNCTION koers_log_uuid (link_table text, id bigint) RETURNS text\n"
  "  LANGUAGE plpgsql STABLE SET search_path FROM CURRENT AS $$\n"
  "DECLARE result text;\n"
  "BEGIN\n"
  "  IF id IS NULL THEN RETURN NULL; END IF;\n"
  "  EXECUTE format ('SELECT uuid FROM %I WHERE id = $1', link_table) INTO result USING id;\n"
  "  RETURN result;\n"
  "END $$;\n"
  "CREATE FUNCTION koers_log () RETURNS trigger\n"
  "  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
  "DECLARE\n"
  "  o jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb (OLD) END;\n"
  "  n jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb (NEW) END;\n"
  "  r jsonb := coalesce (n, o);\n"
  "  fields jsonb := '{}';\n"
  "  parent text;\n"
  "  column_name text;\n"
  "  link_table text;\n"
  "  ov jsonb;\n"
  "  nv jsonb;\n"
  "  new_seq bigint;\n"
  "BEGIN\n"
  "  IF TG_ARGV[1] <> '' THEN\n"
  "    parent := koers_log_uuid (split_part (TG_ARGV[1], ':', 2),\n"
  "                              (r ->> split_part (TG_ARGV[1], ':', 1))::bigint);\n"
  "  END IF;\n"
  "  FOR i IN 2 .. TG_NARGS - 1 LOOP\n"
  "    column_name := split_part (TG_ARGV[i], ':', 1);\n"
  "    link_table := nullif (split_part (TG_ARGV[i], ':', 2), '');\n"
  "    ov := o -> column_name;\n"
  "    nv := n -> column_name;\n"
  "    IF link_table IS NOT NULL THEN\n"
  "      ov := to_jsonb (koers_log_uuid (link_table, (o ->> column_name)::bigint));\n"
  "      nv := to_jsonb (koers_log_uuid (link_table, (n ->> column_name)::bigint));\n"
  "    END IF;\n"

  "    IF coalesce (ov, 'null') IS DISTINCT FROM coalesce (nv, 'null') THEN\n"
  "      fields := fields || jsonb_build_object (column_name,\n"
  "                                              jsonb_build_array (ov, nv));\n"
  "    END IF;\n"
  "  END LOOP;\n"
  "  IF TG_OP = 'UPDATE' AND fields = '{}' THEN\n"
  "    RETURN NULL;\n"
  "  END IF;\n"
  "  INSERT INTO changes (at, author, entity, uuid, parent, op, version, fields)\n"
  "    VALUES ((extract (epoch FROM clock_timestamp ()) * 1000000)::bigint, session_user,\n"
  "            TG_ARGV[0], r ->> 'uuid', parent, lower (TG_OP), (r ->> 'version')::bigint,\n"
  "            fields::text)\n"
  "    RETURNING seq INTO new_seq;\n"
  "  PERFORM pg_notify ('" KOERS_SERVER_CHANNEL "', new_seq::text);\n"
  "  RETURN NULL;\n"
  "END $$;\n";

/* Who may write a department's rows: an administrator any; a head their
 * department and its teams; a leader their team.  A reader none. */
static const char roles_sql[] =
  "DO $$ BEGIN\n"
  "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'koers_admin') THEN\n"
  "    CREATE ROLE koers_admin NOLOGIN;\n"
  "  END IF;\n"
  "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'koers_head') THEN\n"
  "    CREATE ROLE koers_head NOLOGIN;\n"
  "  END IF;\n"
  "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'koers_leader') THEN\n"
  "    CREATE ROLE koers_leader NOLOGIN;\n"
  "  END IF;\n"
  "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'koers_reader') THEN\n"
  "    CREATE ROLE koers_reader NOLOGIN;\n"
  "  END IF;\n"
  "END $$;\n"
  "CREATE FUNCTION koers_is_admin () RETURNS boolean\n"
  "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
  "  SELECT EXISTS (SELECT FROM people WHERE name = session_user AND role = 'admin')\n"
  "$$;\n"
  "CREATE FUNCTION koers_may_write (department bigint) RETURNS boolean\n"
  "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
  "  SELECT EXISTS (SELECT FROM people AS p WHERE p.name = session_user AND (\n"
  "    p.role = 'admin'\n"
  "    OR (p.role IN ('head', 'leader') AND p.department_id = department)\n"
  "    OR (p.role = 'head' AND p.department_id =\n"
  "        (SELECT parent_id FROM departments WHERE id = department))))\n"
  "$$;\n"
  "CREATE FUNCTION koers_objective_department (objective bigint) RETURNS bigint\n"
  "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
  "  SELECT department_id FROM objectives WHERE id = objective\n"
  "$$;\n";

/* How each table's rows reach their department, for its policy. */
typedef struct
{
  const char *table;
  const char *department; /* an expression over the row */
} Owner;

static const Owner owners[] = {
  { "departments", NULL },
  { "objectives", "department_id" },
  { "kpis", "department_id" },
  { "key_results", "koers_objective_department (objective_id)" },
  { "checkins", "koers_objective_department ((SELECT objective_id FROM key_results"
                " AS k WHERE k.id = key_result_id))" },
  { "kpi_values", "(SELECT department_id FROM kpis AS k WHERE k.id = kpi_id)" },
  { "capacities", "department_id" },
  { "escalations", "koers_objective_department (objective_id)" },
};

static const char *
get_type (const KoersColumn *column)
{
  switch (column->kind)
    {
    case KOERS_COLUMN_ID:
      return "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    case KOERS_COLUMN_UUID:
      return "TEXT NOT NULL UNIQUE";
    case KOERS_COLUMN_TEXT:
    case KOERS_COLUMN_ENUM:
      return "TEXT";
    case KOERS_COLUMN_DOUBLE:
    case KOERS_COLUMN_GRADE:
      return "DOUBLE PRECISION";
    case KOERS_COLUMN_VERSION:
      return "BIGINT NOT NULL DEFAULT 1";
    case KOERS_COLUMN_INT:
    case KOERS_COLUMN_STAMP:
    case KOERS_COLUMN_BOOL:
    case KOERS_COLUMN_LINK:
    default:
      return "BIGINT";
    }
}

static void
append_table (GString           *s,
              const KoersEntity *entity)
{
  g_string_append_printf (s, "CREATE TABLE %s (\n", entity->table);
  for (guint i = 0; i < entity->n_columns; i++)
    g_string_append_printf (s, "  %s %s%s\n", entity->columns[i].column,
                            get_type (&entity->columns[i]), i + 1 < entity->n_columns ? "," : "");
  g_string_append (s, ");\n");
}

/* What a link does when the row it points at goes, as in the file's
 * schema: a child goes with its parent, except a team, which stays
 * without its department; an escalation goes with its key result. */
static const char *
get_on_delete (const KoersEntity *entity,
               const KoersColumn *column)
{
  if (g_str_equal (entity->table, "departments"))
    return "SET NULL";
  if (g_str_equal (entity->table, "escalations"))
    return "CASCADE";
  return column->flags & KOERS_COLUMN_PARENT ? "CASCADE" : "SET NULL";
}

/* After every table exists: the links, whichever order the tables came. */
static void
append_links (GString           *s,
              const KoersEntity *entity)
{
  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn *column = &entity->columns[i];

      if (column->kind != KOERS_COLUMN_LINK)
        continue;
      g_string_append_printf (s,
                              "ALTER TABLE %s ADD FOREIGN KEY (%s) REFERENCES %s (id)"
                              " ON DELETE %s DEFERRABLE;\n"
                              "CREATE INDEX %s_%s ON %s (%s);\n",
                              entity->table, column->column, column->link_table,
                              get_on_delete (entity, column),
                              entity->table, column->column, entity->table, column->column);
    }
}

static void
append_triggers (GString           *s,
                 const KoersEntity *entity)
{
  const KoersColumn *parent = koers_entity_get_parent (entity);

  g_string_append_printf (s,
                          "CREATE TRIGGER %s_version BEFORE UPDATE ON %s FOR EACH ROW"
                          " EXECUTE FUNCTION koers_raise_version ();\n"
                          "CREATE TRIGGER %s_log AFTER INSERT OR UPDATE OR DELETE ON %s"
                          " FOR EACH ROW EXECUTE FUNCTION koers_log ('%s', '%s%s%s'",
                          entity->table, entity->table, entity->table, entity->table,
                          entity->entity, parent != NULL ? parent->column : "",
                          parent != NULL ? ":" : "", parent != NULL ? parent->link_table : "");
  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn *column = &entity->columns[i];

      if (!(column->flags & KOERS_COLUMN_LOGGED))
        continue;
      if (column->kind == KOERS_COLUMN_LINK)
        g_string_append_printf (s, ", '%s:%s'", column->column, column->link_table);
      else
        g_string_append_printf (s, ", '%s'", column->column);
    }
  g_string_append (s, ");\n");
}

static void
append_policies (GString     *s,
                 const Owner *owner)
{
  g_string_append_printf (s,
                          "ALTER TABLE %s ENABLE ROW LEVEL SECURITY;\n"
                          "CREATE POLICY %s_read ON %s FOR SELECT USING (true);\n",
                          owner->table, owner->table, owner->table);
  if (owner->department == NULL)
    g_string_append_printf (s,
                            "CREATE POLICY %s_write ON %s FOR ALL USING (koers_is_admin ())"
                            " WITH CHECK (koers_is_admin ());\n"
                            "GRANT INSERT, UPDATE, DELETE ON %s TO koers_admin;\n",
                            owner->table, owner->table, owner->table);
  else
    g_string_append_printf (s,
                            "CREATE POLICY %s_write ON %s FOR ALL USING (koers_may_write (%s))"
                            " WITH CHECK (koers_may_write (%s));\n"
                            "GRANT INSERT, UPDATE, DELETE ON %s TO koers_admin, koers_head,"
                            " koers_leader;\n",
                            owner->table, owner->table, owner->department, owner->department,
                            owner->table);
}

char *
koers_store_server_get_setup_sql (void)
{
  const KoersEntity        *entities[G_N_ELEMENTS (owners)];
  GString                  *s = g_string_new (NULL);
  guint                     n_entities;
  const KoersEntity *const *all = koers_entity_get_all (&n_entities);

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      entities[i] = NULL;
      for (guint j = 0; j < n_entities; j++)
        if (g_str_equal (all[j]->table, owners[i].table))
          entities[i] = all[j];
    }
  entities[6] = &koers_entity_capacity;
  entities[7] = &koers_entity_escalation;

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      g_assert (entities[i] != NULL && g_str_equal (entities[i]->table, owners[i].table));
      append_table (s, entities[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    append_links (s, entities[i]);
  g_string_append (s, changes_sql);
  g_string_append (s, version_sql);
  g_string_append (s, log_sql);
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    append_triggers (s, entities[i]);

  g_string_append (s, roles_sql);
  g_string_append (s,
                   "DO $$ BEGIN\n"
                   "  EXECUTE format ('GRANT USAGE ON SCHEMA %I TO koers_admin, koers_head,"
                   " koers_leader, koers_reader', current_schema ());\n"
                   "END $$;\n");
  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      g_string_append_printf (s,
                              "GRANT SELECT ON %s TO koers_admin, koers_head, koers_leader,"
                              " koers_reader;\n",
                              owners[i].table);
      append_policies (s, &owners[i]);
    }
  g_string_append (s, "GRANT SELECT ON changes, people TO koers_admin, koers_head, koers_leader,"
                      " koers_reader;\n"
                      "GRANT INSERT, UPDATE, DELETE ON people TO koers_admin;\n");
  g_string_append (s, koers_store_server_get_compat_sql ());
  return g_string_free (s, FALSE);
}

/* The address as people may see it: without a password in it. */
char *
koers_store_server_display_uri (const char *uri)
{
  g_autoptr (GRegex) in_uri = g_regex_new ("^(postgres(?:ql)?://[^:/@]*):[^@]*@", 0, 0, NULL);
  g_autoptr (GRegex) in_pairs = g_regex_new ("password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S+)", 0,
                                             0, NULL);
  g_autofree char *masked = g_regex_replace (in_uri, uri, -1, 0, "\\1:***@", 0, NULL);

  return g_regex_replace_literal (in_pairs, masked, -1, 0, "password=***", 0, NULL);
}

/* A translated sentence for a server that did not do what was asked;
 * libpq's and PostgreSQL's own text is English and goes to the debug log. */
gboolean
koers_store_server_set_error (GError    **error,
                              KoersDb    *db,
                              int         rc,
                              const char *given)
{
  g_autofree char *uri = koers_store_server_display_uri (given);
  g_autofree char *password = NULL;

  g_debug ("%s: %s", uri, db != NULL ? koers_db_errmsg (db) : "");
  if (rc == KOERS_DB_NEEDS_PASSWORD)
    g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_NEEDS_PASSWORD,
                 /* Translators: %s is a connection address, postgresql://host/database. */
                 _ ("The server “%s” asks for your password."), uri);
  else if (rc == KOERS_DB_AUTH && (password = koers_store_server_dup_password (given)) != NULL)
    g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_NEEDS_PASSWORD,
                 /* Translators: %s is a connection address, postgresql://host/database. */
                 _ ("The server “%s” refused the user name or password. Check them and "
                    "try again."),
                 uri);
  else if (rc == KOERS_DB_AUTH)
    g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN,
                 /* Translators: %s is a connection address, postgresql://host/database. */
                 _ ("The server “%s” refused the user name or password. Check them, or set "
                    "the password in ~/.pgpass."),
                 uri);
  else if (rc == KOERS_DB_CANTOPEN || rc == KOERS_DB_CONNECTION)
    g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN,
                 /* Translators: %s is a connection address, postgresql://host/database. */
                 _ ("Koers could not connect to the server “%s”. Check the address, that the "
                    "server runs and that the network lets you reach it."),
                 uri);
  else if (rc == KOERS_DB_PERM)
    g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                 /* Translators: %s is a connection address, postgresql://host/database. */
                 _ ("Setting up needs the owner of the database “%s” (a user who may create "
                    "tables and roles); nothing was changed."),
                 uri);
  else
    g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                 /* Translators: %1$s is a connection address, %2$d the error code. */
                 _ ("The server “%1$s” could not set up the Koers schema (error %2$d); "
                    "nothing was changed."),
                 uri, rc);
  return FALSE;
}

KoersDb *
koers_store_server_connect (const char *uri,
                            GError    **error)
{
  g_autoptr (KoersDb) db = NULL;
  g_autofree char *password = NULL;
  int              rc;

  if (!koers_db_is_server_uri (uri))
    {
      g_autofree char *display = koers_store_server_display_uri (uri);

      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN,
                   /* Translators: %s is what was given with --database. */
                   _ ("“%s” is not the address of a server; give one such as "
                      "postgresql://server/koers"),
                   display);
      return NULL;
    }
  password = koers_store_server_dup_password (uri);
  rc = koers_db_open_postgresql_with_password (uri, password, &db);
  if (rc != KOERS_DB_OK)
    {
      koers_store_server_set_error (error, db, rc, uri);
      return NULL;
    }
  return g_steal_pointer (&db);
}

gboolean
koers_store_server_check_schema (KoersDb    *db,
                                 const char *uri,
                                 GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  int rc = koers_db_prepare (db, "SELECT to_regclass ('changes') IS NOT NULL", &stmt);

  if (rc == KOERS_DB_OK)
    rc = koers_db_step (stmt);
  if (rc != KOERS_DB_ROW)
    return koers_store_server_set_error (error, db, rc, uri);
  if (koers_db_column_int (stmt, 0) == 0)
    {
      g_autofree char *display = koers_store_server_display_uri (uri);

      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FOREIGN,
                   /* Translators: %s is a connection address, postgresql://host/database. */
                   _ ("The database “%s” has no Koers schema yet: its owner sets it up with "
                      "koers --server-setup."),
                   display);
      return FALSE;
    }
  return TRUE;
}

gboolean
koers_store_server_setup (const char *uri,
                          GError    **error)
{
  g_autoptr (KoersDb) db = koers_store_server_connect (uri, error);
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autofree char *setup = NULL;
  int              rc;

  if (db == NULL)
    return FALSE;
  rc = koers_db_prepare (db, "SELECT to_regclass ('departments') IS NOT NULL", &stmt);
  if (rc == KOERS_DB_OK)
    rc = koers_db_step (stmt);
  if (rc != KOERS_DB_ROW)
    return koers_store_server_set_error (error, db, rc, uri);
  if (koers_db_column_int (stmt, 0) != 0)
    {
      g_autofree char *display = koers_store_server_display_uri (uri);

      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FOREIGN,
                   /* Translators: %s is a connection address, postgresql://host/database. */
                   _ ("The database “%s” holds a Koers schema already; nothing was changed."),
                   display);
      return FALSE;
    }

  setup = koers_store_server_get_setup_sql ();
  rc = koers_db_exec (db, "BEGIN");
  if (rc == KOERS_DB_OK)
    rc = koers_db_exec (db, setup);
  if (rc == KOERS_DB_OK)
    rc = koers_db_exec (db, "COMMIT");
  if (rc != KOERS_DB_OK)
    {
      int failed = rc;

      koers_db_exec (db, "ROLLBACK");
      return koers_store_server_set_error (error, db, failed, uri);
    }
  return TRUE;
}

/* Runs sql with the texts bound to ?1, ?2…; for a statement that builds
 * a command (format ('… %I', ?1)), runs the command it returns too.  The
 * parameters travel as text of no type: format () needs a CAST. */
static int
run_bound (KoersDb           *db,
           const char        *sql,
           const char *const *texts,
           gboolean           returns_command)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  int rc = koers_db_prepare (db, sql, &stmt);

  if (rc != KOERS_DB_OK)
    return rc;
  for (guint i = 0; texts[i] != NULL; i++)
    koers_db_bind_text (stmt, i + 1, texts[i]);
  rc = koers_db_step (stmt);
  if (returns_command && rc == KOERS_DB_ROW)
    return koers_db_exec (db, koers_db_column_text (stmt, 0));
  return rc == KOERS_DB_ROW ? KOERS_DB_DONE : rc;
}

static gboolean
finish (KoersDb    *db,
        int         rc,
        const char *uri,
        GError    **error)
{
  if (rc == KOERS_DB_DONE || rc == KOERS_DB_OK)
    rc = koers_db_exec (db, "COMMIT");
  if (rc == KOERS_DB_OK)
    return TRUE;
  koers_store_server_set_error (error, db, rc, uri);
  koers_db_exec (db, "ROLLBACK");
  return FALSE;
}

static const char revoke_sql[] =
  "SELECT format ('REVOKE koers_admin, koers_head, koers_leader, koers_reader FROM %I',"
  " CAST (?1 AS TEXT))";

gboolean
koers_store_server_grant (const char *uri,
                          const char *person,
                          const char *role,
                          const char *department,
                          GError    **error)
{
  g_autoptr (KoersDb) db = NULL;
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autofree char *department_id = NULL;
  KoersServerRole  kind;
  int              rc;

  if (!koers_server_role_from_string (role, &kind))
    {
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                   /* Translators: %s is what was given with --role; keep the role words. */
                   _ ("“%s” is not a role; give admin, head, leader or reader"), role);
      return FALSE;
    }
  if ((kind == KOERS_SERVER_ROLE_HEAD || kind == KOERS_SERVER_ROLE_LEADER) && (department == NULL || department[0] == '\0'))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                           _ ("A head or a team leader needs the department they lead: give it "
                              "with --department"));
      return FALSE;
    }

  db = koers_store_server_connect (uri, error);
  if (db == NULL)
    return FALSE;
  rc = koers_db_exec (db, "BEGIN");
  if (rc != KOERS_DB_OK)
    return finish (db, rc, uri, error);

  if (kind == KOERS_SERVER_ROLE_HEAD || kind == KOERS_SERVER_ROLE_LEADER)
    {
      rc = koers_db_prepare (db, "SELECT id FROM departments WHERE name = ?1", &stmt);
      if (rc == KOERS_DB_OK)
        {
          koers_db_bind_text (stmt, 1, department);
          rc = koers_db_step (stmt);
        }
      if (rc == KOERS_DB_ROW)
        department_id = g_strdup (koers_db_column_text (stmt, 0));
      else if (rc == KOERS_DB_DONE)
        {
          koers_db_exec (db, "ROLLBACK");
          g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                       /* Translators: %s is a department name. */
                       _ ("There is no department “%s” on the server; nothing was changed."),
                       department);
          return FALSE;
        }
      else
        return finish (db, rc, uri, error);
    }

  {
    const char *const create[] = { person, NULL };
    const char *const grant[] = { role, person, NULL };
    const char *const row[] = { person, role, department_id, NULL };

    rc = run_bound (db,
                    "SELECT format ('CREATE ROLE %I LOGIN', CAST (?1 AS TEXT))"
                    " WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ?1)",
                    create, TRUE);
    if (rc == KOERS_DB_DONE || rc == KOERS_DB_OK)
      rc = run_bound (db, revoke_sql, create, TRUE);
    if (rc == KOERS_DB_OK)
      rc = run_bound (db, "SELECT format ('GRANT %I TO %I', 'koers_' || CAST (?1 AS TEXT),"
                          " CAST (?2 AS TEXT))",
                      grant, TRUE);
    if (rc == KOERS_DB_OK)
      rc = run_bound (db,
                      "INSERT INTO people (name, role, department_id)"
                      " VALUES (?1, ?2, CAST (?3 AS BIGINT)) ON CONFLICT (name) DO UPDATE"
                      " SET role = excluded.role, department_id = excluded.department_id",
                      row, FALSE);
  }
  return finish (db, rc, uri, error);
}

gboolean
koers_store_server_revoke (const char *uri,
                           const char *person,
                           GError    **error)
{
  g_autoptr (KoersDb) db = koers_store_server_connect (uri, error);
  const char *const texts[] = { person, NULL };
  int               rc;

  if (db == NULL)
    return FALSE;
  rc = koers_db_exec (db, "BEGIN");
  if (rc == KOERS_DB_OK)
    rc = run_bound (db, "DELETE FROM people WHERE name = ?1", texts, FALSE);
  if (rc == KOERS_DB_DONE && koers_db_changes (db) == 0)
    {
      koers_db_exec (db, "ROLLBACK");
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                   /* Translators: %s is a person's user name on the server. */
                   _ ("“%s” has no role in Koers on this server; nothing was changed."),
                   person);
      return FALSE;
    }
  if (rc == KOERS_DB_DONE)
    rc = run_bound (db, revoke_sql, texts, TRUE);
  return finish (db, rc, uri, error);
}
