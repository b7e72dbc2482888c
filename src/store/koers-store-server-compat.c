/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-store-private.h"
#include "koers-store-server.h"

/* What the store's SQL (written once, in SQLite's dialect) needs on the
 * server besides the entities: SQLite's JSON functions under their own
 * names and with their meaning, the "=" between an id and the text
 * json_each () gives, and the tables of the file's settings.  The word
 * rewrites (?N, IS, INSERT OR IGNORE, BEGIN IMMEDIATE, PRAGMA) are
 * db/koers-db-dialect.c's. */

static const char compat_sql[] =
  /* json_each (doc): its members (key, value) or elements (index, value)
   * in the document's order; a value as text, a string without quotes,
   * JSON null as NULL. */
  "CREATE FUNCTION json_each (doc text) RETURNS TABLE (key text, value text, type text)\n"
  "  LANGUAGE plpgsql IMMUTABLE AS $$\n"
  "BEGIN\n"
  "  IF doc IS NULL THEN RETURN; END IF;\n"
  "  IF json_typeof (doc::json) = 'object' THEN\n"
  "    RETURN QUERY SELECT e.key, e.value #>> '{}', json_typeof (e.value)\n"
  "      FROM pg_catalog.json_each (doc::json) AS e;\n"
  "  ELSIF json_typeof (doc::json) = 'array' THEN\n"
  "    RETURN QUERY SELECT (a.n - 1)::text, a.v #>> '{}', json_typeof (a.v)\n"
  "      FROM json_array_elements (doc::json) WITH ORDINALITY AS a (v, n);\n"
  "  END IF;\n"
  "END $$;\n"
  /* '$.a[0].b' as the path {a,0,b} of #> and #>>. */
  "CREATE FUNCTION koers_json_path (path text) RETURNS text[]\n"
  "  LANGUAGE sql IMMUTABLE AS $$\n"
  "  SELECT coalesce (array_agg (m[1] ORDER BY n), '{}')\n"
  "    FROM regexp_matches (path, '(?:\\.|\\[)([^.\\[\\]]+)\\]?', 'g') WITH ORDINALITY AS r (m, n)\n"
  "$$;\n"
  "CREATE FUNCTION json_extract (doc text, path text) RETURNS text\n"
  "  LANGUAGE sql IMMUTABLE AS $$\n"
  "  SELECT doc::json #>> koers_json_path (path)\n"
  "$$;\n"
  /* SQLite's words for a JSON value's type. */
  "CREATE FUNCTION json_type (doc text, path text) RETURNS text\n"
  "  LANGUAGE sql IMMUTABLE AS $$\n"
  "  SELECT CASE json_typeof (j) WHEN 'string' THEN 'text' WHEN 'boolean' THEN j::text\n"
  "           WHEN 'number' THEN CASE WHEN j::text ~ '[.eE]' THEN 'real' ELSE 'integer' END\n"
  "           ELSE json_typeof (j) END\n"
  "    FROM (SELECT doc::json #> koers_json_path (path) AS j) AS x\n"
  "$$;\n"
  /* "id IN (SELECT value FROM json_each (?))": an id against json_each's
   * text, as SQLite compares them. */
  "CREATE FUNCTION koers_id_equals_text (bigint, text) RETURNS boolean\n"
  "  LANGUAGE sql IMMUTABLE AS 'SELECT $1 = CAST ($2 AS bigint)';\n"
  "CREATE OPERATOR = (LEFTARG = bigint, RIGHTARG = text, FUNCTION = koers_id_equals_text);\n"
  /* SQLite's group_concat (value, separator). */
  "CREATE FUNCTION koers_group_concat_step (acc text, value text, separator text) RETURNS text\n"
  "  LANGUAGE sql IMMUTABLE AS $$\n"
  "  SELECT CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value\n"
  "              ELSE acc || separator || value END\n"
  "$$;\n"
  "CREATE AGGREGATE group_concat (text, text) (SFUNC = koers_group_concat_step, STYPE = text);\n"
  /* SQLite's ifnull (a, b): coalesce of two. */
  "CREATE FUNCTION ifnull (anycompatible, anycompatible) RETURNS anycompatible\n"
  "  LANGUAGE sql IMMUTABLE AS 'SELECT coalesce ($1, $2)';\n"
  /* SQLite gives a row whose id is bound NULL the next id; an identity
   * column refuses the NULL.  Every table's insert fills it first. */
  "CREATE FUNCTION koers_row_id () RETURNS trigger\n"
  "  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
  "BEGIN\n"
  "  NEW.id := nextval (pg_get_serial_sequence (format ('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME),"
  " 'id'));\n"
  "  RETURN NEW;\n"
  "END $$;\n"
  "DO $$ DECLARE t text; BEGIN\n"
  "  FOR t IN SELECT table_name FROM information_schema.columns\n"
  "            WHERE table_schema = current_schema () AND column_name = 'id'\n"
  "              AND is_identity = 'YES' LOOP\n"
  "    EXECUTE format ('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW'\n"
  "                    ' WHEN (NEW.id IS NULL) EXECUTE FUNCTION koers_row_id ()', t || '_id', t);\n"
  "  END LOOP;\n"
  "END $$;\n"
  /* The rules of the file's schema (1 to 7), so that the server refuses
   * what the file refuses, with the same result. */
  "ALTER TABLE departments\n"
  "  ALTER name SET NOT NULL, ADD CHECK (name <> ''),\n"
  "  ALTER sort_order SET NOT NULL, ALTER sort_order SET DEFAULT 0,\n"
  "  ALTER is_company SET NOT NULL, ALTER is_company SET DEFAULT 0,\n"
  "  ADD CHECK (is_company IN (0, 1)),\n"
  "  ALTER created SET NOT NULL, ALTER updated SET NOT NULL,\n"
  "  ADD CHECK (parent_id IS NULL OR parent_id <> id),\n"
  "  ADD CHECK (is_company = 0 OR parent_id IS NULL);\n"
  "CREATE UNIQUE INDEX departments_one_company ON departments (is_company) WHERE is_company = 1;\n"
  "ALTER TABLE objectives\n"
  "  ALTER department_id SET NOT NULL, ALTER title SET NOT NULL, ADD CHECK (title <> ''),\n"
  "  ALTER period SET NOT NULL, ADD CHECK (period <> ''),\n"
  "  ADD CHECK (aligned_to_id IS NULL OR aligned_to_id <> id),\n"
  "  ADD CHECK (carried_over_from_id IS NULL OR carried_over_from_id <> id),\n"
  "  ADD CHECK (final_grade IS NULL OR (final_grade >= 0 AND final_grade <= 1)),\n"
  "  ADD CHECK (archived IN (0, 1)),\n"
  "  ALTER created SET NOT NULL, ALTER updated SET NOT NULL;\n"
  "CREATE INDEX objectives_department_period ON objectives (department_id, period, position);\n"
  "ALTER TABLE key_results\n"
  "  ALTER objective_id SET NOT NULL, ALTER title SET NOT NULL, ADD CHECK (title <> ''),\n"
  "  ALTER metric_kind SET NOT NULL,\n"
  "  ADD CHECK (due_date IS NULL OR due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),\n"
  "  ADD CHECK (weight >= 0), ADD CHECK (uses_personal_data IN (0, 1)),\n"
  "  ADD CHECK (final_score IS NULL OR (final_score >= 0 AND final_score <= 1)),\n"
  "  ALTER created SET NOT NULL, ALTER updated SET NOT NULL;\n"
  "ALTER TABLE checkins\n"
  "  ALTER key_result_id SET NOT NULL, ALTER date SET NOT NULL,\n"
  "  ADD CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),\n"
  "  ALTER value SET NOT NULL, ALTER status SET NOT NULL,\n"
  "  ALTER created SET NOT NULL, ALTER updated SET NOT NULL;\n"
  "ALTER TABLE kpis\n"
  "  ALTER department_id SET NOT NULL, ALTER name SET NOT NULL, ADD CHECK (name <> ''),\n"
  "  ALTER metric_kind SET NOT NULL, ALTER direction SET NOT NULL,\n"
  "  ALTER healthy SET NOT NULL, ALTER attention SET NOT NULL, ALTER frequency SET NOT NULL,\n"
  "  ALTER created SET NOT NULL, ALTER updated SET NOT NULL;\n"
  "ALTER TABLE kpi_values\n"
  "  ALTER kpi_id SET NOT NULL, ALTER date SET NOT NULL,\n"
  "  ADD CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'), ALTER value SET NOT NULL,\n"
  "  ALTER created SET NOT NULL, ALTER updated SET NOT NULL;\n"
  "ALTER TABLE capacities\n"
  "  ALTER department_id SET NOT NULL, ALTER period SET NOT NULL, ADD CHECK (period <> ''),\n"
  "  ALTER days SET NOT NULL, ADD CHECK (days >= 0), ADD CHECK (budget >= 0),\n"
  "  ADD UNIQUE (department_id, period);\n"
  "ALTER TABLE escalations\n"
  "  ALTER objective_id SET NOT NULL, ALTER reason SET NOT NULL, ADD CHECK (reason <> ''),\n"
  "  ALTER help SET NOT NULL, ALTER raised_by SET DEFAULT '',\n"
  "  ALTER resolved SET NOT NULL, ALTER resolved SET DEFAULT 0, ADD CHECK (resolved IN (0, 1)),\n"
  "  ALTER resolved_at SET NOT NULL, ALTER resolved_at SET DEFAULT 0;\n"
  /* The file's defaults, for a write that leaves a column out. */
  "ALTER TABLE objectives ALTER position SET DEFAULT 0, ALTER archived SET DEFAULT 0,\n"
  "  ALTER effort_days SET DEFAULT 0, ALTER request_days SET DEFAULT 0,\n"
  "  ALTER request_budget SET DEFAULT 0, ALTER request_state SET DEFAULT 'none';\n"
  "ALTER TABLE key_results ALTER start_value SET DEFAULT 0, ALTER target_value SET DEFAULT 0,\n"
  "  ALTER current_value SET DEFAULT 0, ALTER weight SET DEFAULT 1,\n"
  "  ALTER position SET DEFAULT 0, ALTER uses_personal_data SET DEFAULT 0;\n"
  "ALTER TABLE kpis ALTER position SET DEFAULT 0;\n"
  "ALTER TABLE capacities ALTER budget SET DEFAULT 0;\n"
  /* The settings, the dismissed findings and the change context of the
   * file's schema (2, 3 and 5).  The log's author on the server is the
   * database user; the context row is written and unused. */
  "CREATE TABLE settings (\n"
  "  key   TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT NOT NULL\n"
  ");\n"
  "INSERT INTO settings (key, value) VALUES ('" KOERS_STORE_SETTING_ORGANISATION "', '');\n"
  "CREATE TABLE dismissed_findings (\n"
  "  key          TEXT PRIMARY KEY NOT NULL CHECK (key <> ''),\n"
  "  dismissed_at BIGINT NOT NULL\n"
  ");\n"
  "CREATE TABLE change_context (\n"
  "  id     BIGINT PRIMARY KEY CHECK (id = 1),\n"
  "  author TEXT NOT NULL DEFAULT '',\n"
  "  at     BIGINT NOT NULL DEFAULT 0\n"
  ");\n"
  "INSERT INTO change_context (id) VALUES (1);\n"
  "GRANT SELECT ON settings, dismissed_findings, change_context\n"
  "  TO koers_admin, koers_head, koers_leader, koers_reader;\n"
  "GRANT INSERT, UPDATE, DELETE ON settings TO koers_admin;\n"
  "GRANT INSERT, UPDATE, DELETE ON dismissed_findings TO koers_admin, koers_head, koers_leader;\n"
  "GRANT UPDATE ON change_context TO koers_admin, koers_head, koers_leader;\n";

const char *
koers_store_server_get_compat_sql (void)
{
  return compat_sql;
}
