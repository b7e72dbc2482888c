/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core/koers-atomic-file.h"
#include "koers-store-private.h"

/* The store object: opening and the settings.  The in-memory model and
 * its indexes live in koers-store-model.c, the writes in
 * koers-store-departments.c and its siblings, the SQL plumbing in
 * koers-store-sql.c. */

G_DEFINE_FINAL_TYPE (KoersStore, koers_store, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PATH,
  PROP_SCHEMA_VERSION,
  PROP_ORGANISATION,
  N_PROPS
};

enum
{
  CHANGED,
  CONNECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static GHashTable *
new_id_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

static void
koers_store_finalize (GObject *object)
{
  KoersStore *self = (KoersStore *) object;

  g_clear_object (&self->departments);
  g_clear_object (&self->objectives);
  g_clear_object (&self->kpis);
  g_clear_pointer (&self->department_by_id, g_hash_table_unref);
  g_clear_pointer (&self->objective_by_id, g_hash_table_unref);
  g_clear_pointer (&self->key_result_by_id, g_hash_table_unref);
  g_clear_pointer (&self->checkin_by_id, g_hash_table_unref);
  g_clear_pointer (&self->key_result_owner, g_hash_table_unref);
  g_clear_pointer (&self->checkin_owner, g_hash_table_unref);
  g_clear_pointer (&self->kpi_by_id, g_hash_table_unref);
  g_clear_pointer (&self->kpi_value_by_id, g_hash_table_unref);
  g_clear_pointer (&self->kpi_value_owner, g_hash_table_unref);
  g_clear_pointer (&self->deleted_kpis, g_hash_table_unref);
  g_clear_pointer (&self->cleared_links, g_array_unref);
  g_clear_pointer (&self->dismissed, g_hash_table_unref);
  g_clear_pointer (&self->department_escalations, g_hash_table_unref);
  koers_store_clear_checkin_loader (self);

  /* The last connection checkpoints the WAL and removes -wal and -shm. */
  if (self->db != NULL)
    koers_db_close (self->db);
  self->db = NULL;

  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->loaded_periods, g_hash_table_unref);
  g_clear_pointer (&self->objectives_by_department, g_hash_table_unref);
  g_clear_pointer (&self->objective_department, g_hash_table_unref);
  g_clear_pointer (&self->requested_periods, g_array_unref);
  g_clear_pointer (&self->partial_departments, g_hash_table_unref);
  g_clear_pointer (&self->kpi_values_departments, g_hash_table_unref);
  koers_store_clear_summaries (self);
  g_clear_pointer (&self->own_changes, g_array_unref);
  koers_store_stop_watching (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->server_user, g_free);

  G_OBJECT_CLASS (koers_store_parent_class)->finalize (object);
}

static void
koers_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KoersStore *self = KOERS_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_SCHEMA_VERSION:
      g_value_set_int (value, self->schema_version);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_store_class_init (KoersStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = koers_store_finalize;
  object_class->get_property = koers_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_int ("schema-version", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KoersStore::changed:
   *
   * Emitted once after every successful write, when the objects already
   * show the change.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * KoersStore::connection-changed:
   *
   * Emitted when the company server's connection is lost or back
   * (koers_store_get_connected()).
   */
  signals[CONNECTION_CHANGED] =
    g_signal_new ("connection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
koers_store_init (KoersStore *self)
{
  self->objectives_by_department = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          g_object_unref);
  self->objective_department = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->loaded_periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->requested_periods = g_array_new (FALSE, FALSE, sizeof (KoersPeriod));
  self->partial_departments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->kpi_values_departments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->departments = g_list_store_new (KOERS_TYPE_DEPARTMENT);
  self->objectives = g_list_store_new (KOERS_TYPE_OBJECTIVE);
  self->kpis = g_list_store_new (KOERS_TYPE_KPI);
  self->department_by_id = new_id_table ();
  self->objective_by_id = new_id_table ();
  self->key_result_by_id = new_id_table ();
  self->checkin_by_id = new_id_table ();
  self->key_result_owner = new_id_table ();
  self->checkin_owner = new_id_table ();
  self->kpi_by_id = new_id_table ();
  self->kpi_value_by_id = new_id_table ();
  self->kpi_value_owner = new_id_table ();
  self->deleted_kpis = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  self->cleared_links = g_array_new (FALSE, FALSE, sizeof (KoersClearedLink));
  self->dismissed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  koers_store_init_checkin_loader (self, koers_store_read_checkin_list);
}

char *
koers_store_get_default_path (void)
{
  const char *env = g_getenv ("KOERS_DATABASE");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "koers", "koers.db", NULL);
}

/* Makes the folder (0700) of a new database, so no data is ever
 * readable by others. */
static gboolean
make_folder (const char *path,
             GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int              saved_errno = errno;
      g_autofree char *dir_display = g_filename_display_name (dir);

      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN,
                   _ ("Could not create the folder “%s”: %s"),
                   dir_display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Opens file, an existing file (a new database is an empty one), under
 * the name path. */
static KoersStore *
open_file (const char    *file,
           const char    *path,
           KoersLanguage  language,
           gboolean       lazy,
           KoersStoreKpis kpis,
           gboolean       thorough,
           GError       **error)
{
  g_autoptr (KoersStore) self = NULL;
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf         st;
  gboolean         new_file;
  int              rc;

  if (g_stat (file, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN,
                   _ ("Could not open the database “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  new_file = st.st_size == 0;
  if (!new_file)
    {
      /* Read-only first: a file that is not ours stays as it is. */
      if (!koers_store_check_file (file, thorough, error))
        return NULL;
    }
  else if (g_chmod (file, 0600) != 0)
    {
      /* An empty file becomes a new database: keep it private first. */
      int saved_errno = errno;

      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN,
                   _ ("Could not open the database “%s”: %s"),
                   display, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (KOERS_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->lazy = lazy;
  self->without_kpis = kpis == KOERS_STORE_KPIS_NONE;
  self->kpi_values_with_periods = kpis == KOERS_STORE_KPIS_VALUES_WITH_PERIODS;

  rc = koers_db_open_sqlite (file, KOERS_DB_OPEN_READWRITE, &self->db);
  if (rc != KOERS_DB_OK)
    {
      koers_store_set_sqlite_error (error, rc, path);
      return NULL;
    }

  /* SQLite opens a file it may not write read-only, without a word. */
  if (koers_db_is_readonly (self->db))
    {
      koers_store_set_sqlite_error (error, KOERS_DB_READONLY, path);
      return NULL;
    }

  if (!koers_store_configure (self, new_file, error) ||
      !koers_store_prepare_schema (self, language, error) ||
      !koers_store_load (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The store's errors are its own; "exists" says why a new database needs
 * a new name. */
static gboolean
propagate_create_error (GError    **error,
                        GError     *local_error,
                        const char *path)
{
  g_autoptr (GError) owned = local_error;
  g_autofree char *display = g_filename_display_name (path);

  if (g_error_matches (owned, G_FILE_ERROR, G_FILE_ERROR_EXIST))
    g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN,
                 _ ("“%s” already exists; Koers writes a new database only to a new file"),
                 display);
  else if (owned->domain == G_FILE_ERROR)
    g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN, owned->message);
  else
    g_propagate_error (error, g_steal_pointer (&owned));
  return FALSE;
}

gboolean
koers_store_create (const char        *path,
                    KoersLanguage      language,
                    KoersStoreFillFunc fill,
                    gpointer           user_data,
                    GError           **error)
{
  g_autoptr (KoersAtomicFile) file = NULL;
  g_autoptr (KoersStore) store = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!make_folder (path, error))
    return FALSE;

  /* Built under a temporary name and given its own when whole: a kill at
   * any moment leaves no part of a database at path. */
  file = koers_atomic_file_new (path,
                                KOERS_ATOMIC_FILE_PRIVATE | KOERS_ATOMIC_FILE_NO_REPLACE |
                                  KOERS_ATOMIC_FILE_DATABASE,
                                &local_error);
  if (file == NULL)
    return propagate_create_error (error, local_error, path);

  store = open_file (koers_atomic_file_get_temporary_path (file), path, language, FALSE, TRUE,
                     TRUE, error);
  if (store == NULL || (fill != NULL && !fill (store, user_data, error)))
    return FALSE;

  /* Closed first: the last connection folds the WAL into the file and
   * removes -wal and -shm, so the one file holds everything. */
  g_clear_object (&store);

  if (!koers_atomic_file_commit (file, &local_error))
    return propagate_create_error (error, local_error, path);
  return TRUE;
}

static KoersStore *
open_path (const char    *path,
           KoersLanguage  language,
           gboolean       create_only,
           gboolean       lazy,
           KoersStoreKpis kpis,
           gboolean       thorough,
           GError       **error)
{
  g_autofree char *display = NULL;
  GStatBuf         st;
  gboolean         exists;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (koers_db_is_server_uri (path))
    return koers_store_open_server (path, language, lazy, kpis, error);

  display = g_filename_display_name (path);
  exists = g_stat (path, &st) == 0;

  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN,
                   _ ("“%s” is a folder, not a database. Give the name of a database file, "
                      "or a new file name to start one."),
                   display);
      return NULL;
    }

  if (exists && create_only)
    {
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN,
                   _ ("“%s” already exists; Koers writes a new database only to a new file"),
                   display);
      return NULL;
    }

  /* What a killed Koers left while it created this database. */
  koers_atomic_file_sweep (path);

  if (!exists)
    {
      g_autoptr (GError) local_error = NULL;

      /* Another process may make it meanwhile: then that one is opened. */
      if (!koers_store_create (path, language, NULL, NULL, &local_error) &&
          (create_only || !g_file_test (path, G_FILE_TEST_EXISTS)))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return open_file (path, path, language, lazy, kpis, thorough, error);
}

KoersStore *
koers_store_open_full (const char   *path,
                       KoersLanguage language,
                       gboolean      create_only,
                       gboolean      lazy,
                       GError      **error)
{
  return open_path (path, language, create_only, lazy, KOERS_STORE_KPIS_ALL, TRUE, error);
}

KoersStore *
koers_store_open (const char *path,
                  GError    **error)
{
  return koers_store_open_full (path, koers_format_get_language (), FALSE, FALSE, error);
}

KoersStore *
koers_store_open_lazy (const char *path,
                       GError    **error)
{
  return koers_store_open_full (path, koers_format_get_language (), FALSE, TRUE, error);
}

KoersStore *
koers_store_open_without_kpis (const char *path,
                               GError    **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_path (path, koers_format_get_language (), FALSE, TRUE, KOERS_STORE_KPIS_NONE, TRUE, error);
}

KoersStore *
koers_store_open_to_read (const char *path,
                          gboolean    kpis,
                          GError    **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_path (path, koers_format_get_language (), FALSE, TRUE,
                    kpis ? KOERS_STORE_KPIS_ALL : KOERS_STORE_KPIS_NONE, FALSE, error);
}

KoersStore *
koers_store_open_for_window (const char *path,
                             GError    **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_path (path, koers_format_get_language (), FALSE, TRUE,
                    KOERS_STORE_KPIS_VALUES_WITH_PERIODS, TRUE, error);
}

const char *
koers_store_get_path (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return self->path;
}

int
koers_store_get_schema_version (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), 0);

  return self->schema_version;
}

const char *
koers_store_get_organisation (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return self->organisation;
}

gboolean
koers_store_set_organisation (KoersStore *self,
                              const char *name,
                              GError    **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  value = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (!koers_store_save_settings (self, error, KOERS_STORE_SETTING_ORGANISATION, value, NULL))
    return FALSE;

  if (g_strcmp0 (self->organisation, value) != 0)
    {
      g_free (self->organisation);
      self->organisation = g_steal_pointer (&value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
    }

  koers_store_emit_changed (self);
  return TRUE;
}

void
koers_store_emit_changed (KoersStore *self)
{
  /* Counted again when next asked: the write may have raised, resolved
   * or archived. */
  g_clear_pointer (&self->department_escalations, g_hash_table_unref);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
koers_store_emit_connection_changed (KoersStore *self)
{
  g_signal_emit (self, signals[CONNECTION_CHANGED], 0);
}
