/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sidebar's tree: the store keeps departments and teams in one list
 * (by sort order); the sidebar shows each team under its department, and
 * hides the teams of a collapsed department.  Which ones are collapsed is
 * remembered (GSettings "collapsed-departments", by UUID). */
#include "config.h"

#include "koers-window-private.h"

/* A team's department, or NULL for the company and departments (and a
 * team whose department is not there). */
static KoersDepartment *
find_parent (KoersWindow     *self,
             KoersDepartment *dept)
{
  gint64 parent_id = koers_department_get_parent_id (dept);

  return parent_id != 0 ? koers_store_find_department (self->store, parent_id) : NULL;
}

static int
compare_siblings (KoersDepartment *a,
                  KoersDepartment *b)
{
  int    oa = koers_department_get_sort_order (a);
  int    ob = koers_department_get_sort_order (b);
  gint64 ia = koers_department_get_id (a);
  gint64 ib = koers_department_get_id (b);

  if (oa != ob)
    return oa < ob ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* The company first; then each department by its order, followed by its
 * teams by theirs. */
static int
compare_tree_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  KoersWindow     *self = user_data;
  KoersDepartment *da = KOERS_DEPARTMENT ((gpointer) a);
  KoersDepartment *db = KOERS_DEPARTMENT ((gpointer) b);
  KoersDepartment *pa = find_parent (self, da);
  KoersDepartment *pb = find_parent (self, db);
  KoersDepartment *ra = pa != NULL ? pa : da;
  KoersDepartment *rb = pb != NULL ? pb : db;

  if (koers_department_get_is_company (ra) != koers_department_get_is_company (rb))
    return koers_department_get_is_company (ra) ? -1 : 1;
  if (ra != rb)
    return compare_siblings (ra, rb);
  /* One department: itself before its teams. */
  if ((pa == NULL) != (pb == NULL))
    return pa == NULL ? -1 : 1;
  return compare_siblings (da, db);
}

gboolean
koers_window_get_teams_expanded (KoersWindow     *self,
                                 KoersDepartment *department)
{
  return !g_hash_table_contains (self->collapsed, koers_department_get_uuid (department));
}

static gboolean
filter_shown_cb (gpointer item,
                 gpointer user_data)
{
  KoersWindow     *self = user_data;
  KoersDepartment *parent = find_parent (self, KOERS_DEPARTMENT (item));

  return parent == NULL || koers_window_get_teams_expanded (self, parent);
}

/* What the order and nesting depend on; NULL-free, compared as a whole. */
static char *
dup_tree_key (KoersWindow *self)
{
  GListModel *departments = koers_store_get_departments (self->store);
  guint       n = g_list_model_get_n_items (departments);
  GString    *key = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      g_string_append_printf (key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d;",
                              koers_department_get_id (dept),
                              koers_department_get_parent_id (dept),
                              koers_department_get_sort_order (dept));
    }

  return g_string_free (key, FALSE);
}

static void
update_row_expanded (KoersWindow *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->department_list, i)) != NULL; i++)
    {
      KoersDepartment *dept = koers_department_row_get_department (KOERS_DEPARTMENT_ROW (row));

      koers_department_row_set_expanded (KOERS_DEPARTMENT_ROW (row),
                                         koers_window_get_teams_expanded (self, dept));
    }
}

/* A team moved to another department, a department added or moved: the
 * sidebar sorts and filters again.  Most writes (a check-in) change
 * nothing of that, and leave the rows alone. */
static void
tree_maybe_changed_cb (KoersWindow *self)
{
  g_autofree char *key = dup_tree_key (self);

  if (g_strcmp0 (key, self->tree_key) == 0)
    return;

  g_free (self->tree_key);
  self->tree_key = g_steal_pointer (&key);
  gtk_sorter_changed (self->tree_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_filter_changed (self->tree_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

GListModel *
koers_window_create_department_tree (KoersWindow *self)
{
  GListModel *departments = koers_store_get_departments (self->store);
  g_auto (GStrv) collapsed = g_settings_get_strv (self->settings, "collapsed-departments");
  GtkSortListModel *sorted;

  self->collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; collapsed[i] != NULL; i++)
    g_hash_table_add (self->collapsed, g_strdup (collapsed[i]));

  self->tree_key = dup_tree_key (self);
  self->tree_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_tree_cb, self, NULL));
  self->tree_filter = GTK_FILTER (gtk_custom_filter_new (filter_shown_cb, self, NULL));
  sorted = gtk_sort_list_model_new (g_object_ref (departments), g_object_ref (self->tree_sorter));
  self->tree = G_LIST_MODEL (sorted);
  self->shown_departments = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (self->tree),
                                                                     g_object_ref (self->tree_filter)));

  /* After the sort model's own handler: it has the new item by then. */
  g_signal_connect_object (departments, "items-changed",
                           G_CALLBACK (tree_maybe_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (tree_maybe_changed_cb), self, G_CONNECT_SWAPPED);

  return self->shown_departments;
}

void
koers_window_dispose_department_tree (KoersWindow *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, tree_maybe_changed_cb, self);
  g_clear_object (&self->shown_departments);
  g_clear_object (&self->tree);
  g_clear_object (&self->tree_filter);
  g_clear_object (&self->tree_sorter);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->tree_key, g_free);
}

void
koers_window_set_teams_expanded (KoersWindow     *self,
                                 KoersDepartment *department,
                                 gboolean         expanded)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) uuids = NULL;
  GHashTableIter iter;
  gpointer       uuid;

  if (koers_window_get_teams_expanded (self, department) == expanded)
    return;

  if (expanded)
    g_hash_table_remove (self->collapsed, koers_department_get_uuid (department));
  else
    g_hash_table_add (self->collapsed, g_strdup (koers_department_get_uuid (department)));

  g_hash_table_iter_init (&iter, self->collapsed);
  while (g_hash_table_iter_next (&iter, &uuid, NULL))
    g_strv_builder_add (builder, uuid);
  uuids = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "collapsed-departments", (const char *const *) uuids);

  gtk_filter_changed (self->tree_filter,
                      expanded ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  update_row_expanded (self);
  /* The selected team went out of sight: its department takes over. */
  koers_window_reselect_department (self);
}

/* The store index (koers_store_move_department()) of the department's
 * neighbour delta places away among its siblings (the departments, or the
 * teams of one department), in the sidebar's order; -1 when there is none. */
int
koers_window_find_sibling_index (KoersWindow     *self,
                                 KoersDepartment *department,
                                 int              delta)
{
  guint n = g_list_model_get_n_items (self->tree);
  g_autoptr (GPtrArray) siblings = g_ptr_array_new_with_free_func (g_object_unref);
  guint  index = 0;
  gint64 parent_id = koers_department_get_parent_id (department);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (self->tree, i);

      if (koers_department_get_is_company (dept) || koers_department_get_parent_id (dept) != parent_id)
        continue;
      if (dept == department)
        index = siblings->len;
      g_ptr_array_add (siblings, g_steal_pointer (&dept));
    }

  if ((int) index + delta < 0 || (int) index + delta >= (int) siblings->len)
    return -1;

  return koers_window_find_department_index (self, g_ptr_array_index (siblings, index + delta));
}

static void
expand_teams (KoersWindow     *self,
              KoersDepartment *department)
{
  koers_window_set_teams_expanded (self, department, TRUE);
}

/* On a team: its department closes, and takes the selection. */
static void
collapse_teams (KoersWindow     *self,
                KoersDepartment *department)
{
  if (find_parent (self, department) != NULL)
    department = find_parent (self, department);
  koers_window_set_teams_expanded (self, department, FALSE);
  koers_window_select_department (self, department);
  koers_window_focus_department_row (self, department);
}

static const KoersDepartmentAction team_actions[] = {
  { "expand-teams", expand_teams },
  { "collapse-teams", collapse_teams },
};

void
koers_window_init_teams (KoersWindow *self)
{
  koers_window_add_department_actions (self, team_actions, G_N_ELEMENTS (team_actions));
}
