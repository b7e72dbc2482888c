/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <unistd.h>

#include "core/koers-date.h"
#include "koers-test-server.h"
#include "koers-test-ui.h"
#include "store/koers-store-server.h"
#include "ui/server/koers-password-dialog.h"
#include "ui/server/koers-server-keyring.h"
#include "ui/server/koers-server-page.h"
#include "ui/window/koers-preferences-window.h"
#include "ui/window/koers-window-private.h"

/* The window on a real company server (suite server, under
 * run-with-postgresql.sh and Xvfb): Preferences' Database page (its
 * fields, Test against the server and against a port where none
 * listens, Open, and closing that keeps everything as it was); a
 * reader's and a head's window, whose edit actions are off where the
 * role may not write, with the sentence that says why; and the password
 * dialog, asked again after a wrong password. */

typedef struct
{
  char *dbname; /* a database of its own, its Koers schema in public */
  char *owner;  /* its address as the cluster's superuser */
} Server;

static gboolean
set_up_server (Server *server)
{
  const char *base = g_getenv ("KOERS_TEST_DATABASE");
  g_autoptr (GError) error = NULL;
  g_autofree char *create = NULL;

  if (base == NULL || base[0] == '\0')
    {
      g_test_skip ("needs a server: KOERS_TEST_DATABASE (run-with-postgresql.sh)");
      return FALSE;
    }
  server->dbname = g_strdup_printf ("koers_ui_%d_%u", (int) getpid (), g_random_int ());
  create = g_strdup_printf ("CREATE DATABASE %s", server->dbname);
  koers_test_server_exec (base, create);
  server->owner = g_strdup_printf ("postgresql:///%s", server->dbname);
  if (!koers_store_server_setup (server->owner, &error))
    g_error ("%s", error->message);
  return TRUE;
}

static void
tear_down_server (Server *server)
{
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", server->dbname);

  koers_test_server_exec (g_getenv ("KOERS_TEST_DATABASE"), drop);
  g_free (server->dbname);
  g_free (server->owner);
}

/* person's address on server, with a password of its own. */
static char *
add_person (Server     *server,
            const char *person,
            const char *role,
            const char *department)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *password = g_strdup_printf ("ALTER ROLE \"%s\" PASSWORD 'secret'", person);
  char            *uri = NULL;

  if (!koers_store_server_grant (server->owner, person, role, department, &error))
    g_error ("%s", error->message);
  koers_test_server_exec (server->owner, password);
  uri = g_strdup_printf ("postgresql://%s@/%s", person, server->dbname);
  return uri;
}

static gpointer
find_child (GtkWidget  *root,
            GType       type,
            const char *name)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  koers_test_ui_collect (root, type, found);
  g_assert_cmpuint (found->len, >, 0);
  return name != NULL ? gtk_widget_get_template_child (found->pdata[0], type, name) : found->pdata[0];
}

static gpointer
page_child (KoersServerPage *page,
            const char      *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (page), KOERS_TYPE_SERVER_PAGE, name);
}

static void
set_text (KoersServerPage *page,
          const char      *row,
          const char      *text)
{
  gtk_editable_set_text (page_child (page, row), text != NULL ? text : "");
}

static const char *
get_result (KoersServerPage *page)
{
  return adw_action_row_get_subtitle (page_child (page, "test_row"));
}

/* Clicks Test and waits (at most 20 s) for its sentence. */
static const char *
run_test (KoersServerPage *page)
{
  GtkWidget *button = page_child (page, "test_button");
  gint64     end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (get_result (page), ==, "Connecting…");
  while (g_strcmp0 (get_result (page), "Connecting…") == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return get_result (page);
}

static void
open_cb (KoersServerPage *page,
         const char      *path,
         char           **opened)
{
  g_free (*opened);
  *opened = g_strdup (path);
}

/* The fields, Test as the superuser and against a closed port, Open,
 * and Cancel. */
static void
test_preferences (void)
{
  Server        server = { 0 };
  KoersTestUiDb db = { 0 };
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *opened = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *saved = NULL;
  KoersServerPage *page;
  GtkWidget       *window;
  GtkWidget       *open_button;
  const char      *result;

  if (!set_up_server (&server))
    return;
  g_settings_reset (settings, "use-server");
  g_settings_reset (settings, "server-uri");
  koers_test_ui_db_open (&db);

  /* Closed without Open: nothing is kept. */
  window = koers_preferences_window_new (NULL, db.store, settings, "system");
  gtk_window_present (GTK_WINDOW (window));
  koers_test_ui_iterate ();
  page = find_child (window, KOERS_TYPE_SERVER_PAGE, NULL);
  g_assert_true (gtk_check_button_get_active (
    page_child (page, "local_check")));
  open_button = page_child (page, "open_button");
  /* The file open now needs no Open. */
  g_assert_false (gtk_widget_get_sensitive (open_button));
  gtk_check_button_set_active (
    page_child (page, "server_check"), TRUE);
  set_text (page, "host_row", g_getenv ("PGHOST"));
  set_text (page, "port_row", g_getenv ("PGPORT"));
  set_text (page, "dbname_row", server.dbname);
  set_text (page, "user_row", g_getenv ("PGUSER"));
  g_assert_true (gtk_widget_get_sensitive (open_button));
  gtk_window_close (GTK_WINDOW (window));
  koers_test_ui_iterate ();
  g_assert_false (g_settings_get_boolean (settings, "use-server"));
  saved = g_settings_get_string (settings, "server-uri");
  g_assert_cmpstr (saved, ==, "");
  g_clear_pointer (&saved, g_free);

  window = koers_preferences_window_new (NULL, db.store, settings, "system");
  gtk_window_present (GTK_WINDOW (window));
  koers_test_ui_iterate ();
  page = find_child (window, KOERS_TYPE_SERVER_PAGE, NULL);
  g_signal_connect (page, "open", G_CALLBACK (open_cb), &opened);
  open_button = page_child (page, "open_button");
  gtk_check_button_set_active (
    page_child (page, "server_check"), TRUE);
  set_text (page, "host_row", g_getenv ("PGHOST"));
  set_text (page, "dbname_row", server.dbname);
  set_text (page, "user_row", g_getenv ("PGUSER"));

  /* A port where no server listens: a clear sentence. */
  set_text (page, "port_row", "1");
  result = run_test (page);
  g_test_message ("closed port: %s", result);
  g_assert_true (g_str_has_prefix (result, "Koers could not connect to the server"));
  set_text (page, "port_row", "54x");
  g_assert_false (gtk_widget_get_sensitive (open_button));

  /* The real server: connected, and as whom. */
  set_text (page, "port_row", g_getenv ("PGPORT"));
  result = run_test (page);
  g_test_message ("server: %s", result);
  uri = g_strdup_printf ("Connected as “%s”, an administrator", g_getenv ("PGUSER"));
  g_assert_true (g_str_has_prefix (result, uri));
  g_clear_pointer (&uri, g_free);
  /* Test keeps nothing either. */
  g_assert_false (g_settings_get_boolean (settings, "use-server"));
  g_assert_null (opened);

  /* Open: tested, kept for the next start, and asked for. */
  uri = koers_server_page_get_uri (page);
  g_assert_true (g_str_has_prefix (uri, "postgresql://"));
  g_assert_nonnull (strstr (uri, server.dbname));
  g_signal_emit_by_name (open_button, "clicked");
  for (gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
       opened == NULL && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (opened, ==, uri);
  g_assert_true (g_settings_get_boolean (settings, "use-server"));
  saved = g_settings_get_string (settings, "server-uri");
  g_assert_cmpstr (saved, ==, uri);
  /* The file is still what this store is. */
  g_assert_cmpstr (koers_store_get_path (db.store), ==, db.path);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "use-server");
  g_settings_reset (settings, "server-uri");
  koers_test_ui_db_close (&db);
  tear_down_server (&server);
}

static gboolean
is_action_button (GtkWidget  *widget,
                  const char *action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Whether every button for action under root is sensitive; how many
 * there are in n. */
static gboolean
are_buttons_sensitive (GtkWidget  *root,
                       const char *action,
                       guint      *n)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  gboolean sensitive = TRUE;

  koers_test_ui_collect (root, GTK_TYPE_BUTTON, buttons);
  *n = 0;
  for (guint i = 0; i < buttons->len; i++)
    if (is_action_button (buttons->pdata[i], action))
      {
        (*n)++;
        sensitive &= gtk_widget_is_sensitive (buttons->pdata[i]);
      }
  return sensitive;
}

/* An objective with a key result in department, this quarter. */
static void
add_okr (KoersStore      *store,
         KoersDepartment *department,
         const char      *period)
{
  g_autoptr (KoersObjective) objective = koers_objective_new ("Grow", KOERS_LEVEL_DEPARTMENT,
                                                              KOERS_OBJECTIVE_KIND_COMMITTED, period);
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Customers", KOERS_METRIC_KIND_NUMBER, 0, 10, NULL);
  g_autoptr (GError) error = NULL;

  koers_objective_set_department_id (objective, koers_department_get_id (department));
  g_assert_true (koers_store_add_objective (store, objective, &error));
  g_assert_true (koers_store_add_key_result (store, objective, kr, &error));
  g_assert_no_error (error);
}

/* The owner's store on server (its first opening brings the seed's
 * departments), and the current quarter's key in period. */
static KoersStore *
open_owner (Server *server,
            char  **period)
{
  g_autoptr (GError) error = NULL;
  KoersStore *owner;
  GDate       today;
  KoersPeriod quarter;

  koers_date_today (&today);
  koers_period_init_for_date (&quarter, &today);
  *period = koers_period_to_string (&quarter);
  owner = koers_store_open_lazy (server->owner, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koers_store_get_server_role (owner), ==, KOERS_SERVER_ROLE_ADMIN);
  return owner;
}

static KoersWindow *
open_window (KoersStore *store)
{
  KoersWindow *window = koers_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  koers_test_ui_spin (200);
  return window;
}

static void
show_department (KoersWindow     *window,
                 KoersDepartment *department)
{
  koers_window_select_department (window, department);
  koers_test_ui_spin (200);
}

/* Shows department (of the store's model) in window and checks that its
 * OKRs are writable or not, and the role bar's sentence (NULL: none). */
static void
assert_department_writes (KoersWindow     *window,
                          KoersStore      *store,
                          KoersDepartment *department,
                          gboolean         writes,
                          const char      *notice)
{
  guint n;

  show_department (window, koers_store_find_department (store, koers_department_get_id (department)));
  g_assert_cmpint (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-objective"), ==, writes);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-department"));
  g_assert_cmpint (are_buttons_sensitive (GTK_WIDGET (window), "card.edit", &n), ==, writes);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpint (are_buttons_sensitive (GTK_WIDGET (window), "kr-row.check-in", &n), ==, writes);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (koers_window_server_get_role_notice (window), ==, notice);
}

/* A reader's window: no add, edit, delete or check-in anywhere, and the
 * sentence that says why; a head's: only in their department and its
 * teams. */
static void
test_roles (void)
{
  Server server = { 0 };
  g_autoptr (KoersStore) owner = NULL;
  g_autoptr (KoersStore) reader = NULL;
  g_autoptr (KoersStore) head = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *reader_uri = NULL;
  g_autofree char *head_uri = NULL;
  g_autofree char *period = NULL;
  KoersDepartment *sales;
  KoersDepartment *finance;
  KoersWindow     *window;
  guint            n;

  if (!set_up_server (&server))
    return;
  owner = open_owner (&server, &period);
  sales = g_list_model_get_item (koers_store_get_departments (owner), 1);
  finance = g_list_model_get_item (koers_store_get_departments (owner), 2);
  add_okr (owner, sales, period);
  add_okr (owner, finance, period);
  reader_uri = add_person (&server, "rita", "reader", NULL);
  head_uri = add_person (&server, "hugo", "head", koers_department_get_name (sales));
  koers_store_server_set_password (reader_uri, "secret");
  koers_store_server_set_password (head_uri, "secret");

  reader = koers_store_open_lazy (reader_uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koers_store_get_server_role (reader), ==, KOERS_SERVER_ROLE_READER);
  g_assert_cmpstr (koers_store_get_server_user (reader), ==, "rita");
  g_assert_false (koers_store_may_write_department (reader, koers_department_get_id (sales)));
  g_assert_false (koers_store_may_manage_departments (reader));
  window = open_window (reader);
  show_department (window, koers_store_find_department (reader, koers_department_get_id (sales)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-objective"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-department"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "import-data"));
  g_assert_false (are_buttons_sensitive (GTK_WIDGET (window), "card.edit", &n));
  g_assert_cmpuint (n, >, 0);
  g_assert_false (are_buttons_sensitive (GTK_WIDGET (window), "kr-row.check-in", &n));
  g_assert_cmpuint (n, >, 0);
  g_assert_false (are_buttons_sensitive (GTK_WIDGET (window), "editor.add-objective", &n));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (koers_window_server_get_role_notice (window), ==,
                   "You are a reader on this server: you see every OKR and change none.");
  gtk_window_destroy (GTK_WINDOW (window));

  head = koers_store_open_lazy (head_uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koers_store_get_server_role (head), ==, KOERS_SERVER_ROLE_HEAD);
  g_assert_cmpint (koers_store_get_role_department_id (head), ==, koers_department_get_id (sales));
  window = open_window (head);
  assert_department_writes (window, head, sales, TRUE, NULL);
  {
    g_autofree char *notice = g_strdup_printf ("As head of %s you change that department and its "
                                               "teams; this one you only read.",
                                               koers_department_get_name (sales));

    assert_department_writes (window, head, finance, FALSE, notice);
  }

  /* Made a reader while the connection was down: on reconnecting, the
   * store reads the role again and the window follows it. */
  show_department (window, koers_store_find_department (head, koers_department_get_id (sales)));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-objective"));
  koers_store_watch_other_writers (head);
  {
    g_autoptr (GError) grant_error = NULL;
    gint64   deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
    gboolean was_lost = FALSE;

    g_assert_true (koers_store_server_grant (server.owner, "hugo", "reader", NULL, &grant_error));
    g_assert_no_error (grant_error);
    koers_test_server_exec (server.owner, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity"
                                          " WHERE usename = 'hugo'");
    while (g_get_monotonic_time () < deadline && !(was_lost && koers_store_get_connected (head)))
      {
        koers_test_ui_spin (20);
        /* While it is lost, the banner says so. */
        if (!was_lost && !koers_store_get_connected (head))
          {
            was_lost = TRUE;
            g_assert_cmpstr (koers_window_server_get_connection_notice (window), ==,
                             "The connection to the server is lost. Koers connects again by "
                             "itself; until then, what you see may be out of date and changes "
                             "are not saved.");
          }
      }
    g_assert_true (was_lost);
    g_assert_true (koers_store_get_connected (head));
    g_assert_null (koers_window_server_get_connection_notice (window));
  }
  g_assert_cmpint (koers_store_get_server_role (head), ==, KOERS_SERVER_ROLE_READER);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-objective"));
  g_assert_cmpstr (koers_window_server_get_role_notice (window), ==,
                   "You are a reader on this server: you see every OKR and change none.");
  gtk_window_destroy (GTK_WINDOW (window));

  g_object_unref (sales);
  g_object_unref (finance);
  g_clear_object (&owner);
  g_clear_object (&reader);
  g_clear_object (&head);
  tear_down_server (&server);
}

/* A team leader's window: their team's OKRs are theirs to change, the
 * department above it they only read, and the bar says so. */
static void
test_leader (void)
{
  Server server = { 0 };
  g_autoptr (KoersStore) owner = NULL;
  g_autoptr (KoersStore) leader = NULL;
  g_autoptr (KoersDepartment) team = koers_department_new ("Inside Sales", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *period = NULL;
  g_autofree char *leader_uri = NULL;
  KoersDepartment *sales;
  KoersWindow     *window;

  if (!set_up_server (&server))
    return;
  owner = open_owner (&server, &period);
  sales = g_list_model_get_item (koers_store_get_departments (owner), 1);
  koers_department_set_parent_id (team, koers_department_get_id (sales));
  g_assert_true (koers_store_add_department (owner, team, &error));
  g_assert_no_error (error);
  add_okr (owner, sales, period);
  add_okr (owner, team, period);
  leader_uri = add_person (&server, "lea", "leader", "Inside Sales");
  koers_store_server_set_password (leader_uri, "secret");

  leader = koers_store_open_lazy (leader_uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koers_store_get_server_role (leader), ==, KOERS_SERVER_ROLE_LEADER);
  window = open_window (leader);
  assert_department_writes (window, leader, team, TRUE, NULL);
  assert_department_writes (window, leader, sales, FALSE,
                            "As team leader of Inside Sales you change that team; this one you only read.");
  gtk_window_destroy (GTK_WINDOW (window));

  g_object_unref (sales);
  g_clear_object (&owner);
  g_clear_object (&leader);
  tear_down_server (&server);
}

typedef struct
{
  guint    tries;
  gboolean done;
  gboolean connected;
} Asking;

static gboolean
try_cb (const char *uri,
        gpointer    user_data,
        GError    **error)
{
  Asking *asking = user_data;
  g_autoptr (KoersServerIdentity) identity = NULL;

  asking->tries++;
  identity = koers_store_server_test (uri, error);
  return identity != NULL;
}

static void
done_cb (gboolean      connected,
         const GError *error,
         gpointer      user_data)
{
  Asking *asking = user_data;

  g_assert_no_error ((GError *) error);
  asking->done = TRUE;
  asking->connected = connected;
}

static KoersPasswordDialog *
find_password_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (KOERS_IS_PASSWORD_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Without ~/.pgpass or PGPASSWORD the store says the server asks for a
 * password; the dialog asks, asks again after a wrong one (saying so),
 * and connects with the right one.  The keyring's storage itself needs
 * a Secret Service, which the test machine has not. */
static void
test_password (void)
{
  Server server = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char     *uri = NULL;
  g_autofree char     *password = NULL;
  g_autofree char     *saved_password = g_strdup (g_getenv ("PGPASSWORD"));
  KoersStore          *store;
  KoersPasswordDialog *dialog;
  Asking               asking = { 0 };

  if (!set_up_server (&server))
    return;
  /* The owner's first opening brings the seed's departments: a reader
   * could not write them. */
  store = koers_store_open_lazy (server.owner, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  uri = add_person (&server, "pia", "reader", NULL);
  koers_store_server_set_password (uri, NULL);
  g_unsetenv ("PGPASSWORD");

  store = koers_server_open_store (uri, &error);
  g_assert_null (store);
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_NEEDS_PASSWORD);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "asks for your password"));

  koers_password_dialog_ask (NULL, uri, error, try_cb, done_cb, &asking);
  koers_test_ui_iterate ();
  dialog = find_password_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "“pia”"));

  koers_password_dialog_connect (dialog, "wrong", FALSE);
  koers_test_ui_iterate ();
  g_assert_cmpuint (asking.tries, ==, 1);
  g_assert_false (asking.done);
  /* A wrong password is not kept. */
  g_assert_null (koers_store_server_dup_password (uri));
  dialog = find_password_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "refused"));

  g_test_message ("Remember in Keyring: without a Secret Service here the keyring's storage "
                  "is not checked, only that connecting does not wait for it");
  koers_password_dialog_connect (dialog, "secret", TRUE);
  koers_test_ui_iterate ();
  g_assert_cmpuint (asking.tries, ==, 2);
  g_assert_true (asking.done);
  g_assert_true (asking.connected);
  password = koers_store_server_dup_password (uri);
  g_assert_cmpstr (password, ==, "secret");

  /* The store opens with it now, as a reader. */
  g_clear_error (&error);
  store = koers_server_open_store (uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koers_store_get_server_role (store), ==, KOERS_SERVER_ROLE_READER);
  g_object_unref (store);

  g_setenv ("PGPASSWORD", saved_password, TRUE);
  tear_down_server (&server);
}

int
main (int   argc,
      char *argv[])
{
  /* No keyring daemon is started for the test (libsecret would ask the
   * session bus for one). */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/koers-test-bus", TRUE);
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/server-ui/preferences", test_preferences);
  g_test_add_func ("/server-ui/roles", test_roles);
  g_test_add_func ("/server-ui/leader", test_leader);
  g_test_add_func ("/server-ui/password", test_password);

  return g_test_run ();
}
