/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "koers-editing.h"
#include "koers-key-result-editor.h"
#include "koers-objective-editor.h"

#define OBJECTIVE_EDITOR_KEY "koers-objective-editor"
#define KEY_RESULT_EDITOR_KEY "koers-key-result-editor"
#define UNDO_TABLE_KEY "koers-undo-table"

void
koers_editing_load_style (GdkDisplay **styled_display,
                          const char  *resource)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr (GtkCssProvider) provider = NULL;

  /* One provider per display: widgets call this from init, which runs for
   * every card and row, so the common case must be a pointer comparison. */
  if (display == NULL || display == *styled_display)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource);
  gtk_style_context_add_provider_for_display (display,
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  *styled_display = display;
}

void
koers_editing_ensure_style (void)
{
  static GdkDisplay *styled_display = NULL;

  koers_editing_load_style (&styled_display, "/io/github/koersapp/Koers/ui/objectives/editor.css");
}

static AdwToastOverlay *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_overlay_below (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

AdwToastOverlay *
koers_editing_find_toast_overlay (GtkWidget *widget)
{
  GtkWidget *ancestor;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  ancestor = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (ancestor != NULL)
    return ADW_TOAST_OVERLAY (ancestor);

  /* A window shows its own toasts somewhere inside. */
  if (GTK_IS_WINDOW (widget))
    return find_overlay_below (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    return find_overlay_below (GTK_WIDGET (root));

  return NULL;
}

static void
add_toast (GtkWidget *widget,
           AdwToast  *toast)
{
  AdwToastOverlay *overlay = koers_editing_find_toast_overlay (widget);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (toast);
}

void
koers_editing_show_error (GtkWidget    *widget,
                          const GError *error)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  escaped = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  add_toast (widget, toast);
}

static GtkWindow *
get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
forget_editor_cb (gpointer  data,
                  GObject  *where_the_editor_was)
{
  GObject *entity = data;

  /* Both keys: one entity is never both an objective and a key result. */
  if (g_object_get_data (entity, OBJECTIVE_EDITOR_KEY) == (gpointer) where_the_editor_was)
    g_object_steal_data (entity, OBJECTIVE_EDITOR_KEY);
  if (g_object_get_data (entity, KEY_RESULT_EDITOR_KEY) == (gpointer) where_the_editor_was)
    g_object_steal_data (entity, KEY_RESULT_EDITOR_KEY);
  g_object_unref (entity);
}

/* One editor per entity: a second request raises the open one.  new_editor
 * is NULL when the caller saw that one is open. */
static void
open_editor (GtkWidget  *widget,
             GObject    *entity,
             const char *key,
             GtkWidget  *new_editor)
{
  GtkWindow *editor = g_object_get_data (entity, key);

  if (editor == NULL)
    {
      editor = GTK_WINDOW (new_editor);
      gtk_window_set_transient_for (editor, get_window (widget));
      g_object_set_data (entity, key, editor);
      /* The reference keeps entity alive until the editor is gone, so the
       * notify can always clear the pointer. */
      g_object_weak_ref (G_OBJECT (editor), forget_editor_cb, g_object_ref (entity));
    }

  gtk_window_present (editor);
}

void
koers_editing_open_objective (GtkWidget      *widget,
                              KoersStore     *store,
                              KoersObjective *objective)
{
  GtkWidget *editor = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (KOERS_IS_OBJECTIVE (objective));

  if (g_object_get_data (G_OBJECT (objective), OBJECTIVE_EDITOR_KEY) == NULL)
    editor = koers_objective_editor_new (store, objective);
  open_editor (widget, G_OBJECT (objective), OBJECTIVE_EDITOR_KEY, editor);
}

void
koers_editing_open_key_result (GtkWidget      *widget,
                               KoersStore     *store,
                               KoersKeyResult *kr)
{
  GtkWidget *editor = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (KOERS_IS_KEY_RESULT (kr));

  if (g_object_get_data (G_OBJECT (kr), KEY_RESULT_EDITOR_KEY) == NULL)
    editor = koers_key_result_editor_new (store, kr);
  open_editor (widget, G_OBJECT (kr), KEY_RESULT_EDITOR_KEY, editor);
}

gboolean
koers_editing_add_key_result (GtkWidget      *widget,
                              KoersStore     *store,
                              KoersObjective *objective)
{
  g_autoptr (KoersKeyResult) kr = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);

  kr = koers_key_result_new (_("New key result"), KOERS_METRIC_KIND_NUMBER, 0, 100, NULL);
  if (!koers_store_add_key_result (store, objective, kr, &error))
    {
      koers_editing_show_error (widget, error);
      return FALSE;
    }

  koers_editing_open_key_result (widget, store, kr);
  return TRUE;
}

/* Undo: the toast's button activates koers-undo.undo(id) on the overlay;
 * the entry for id lives until the toast is dismissed. */
typedef struct
{
  KoersStore     *store;
  KoersObjective *objective;
  KoersKeyResult *kr; /* NULL when the objective was deleted */
} UndoEntry;

static void
undo_entry_free (gpointer data)
{
  UndoEntry *entry = data;

  g_clear_object (&entry->store);
  g_clear_object (&entry->objective);
  g_clear_object (&entry->kr);
  g_free (entry);
}

static void
undo_activate_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AdwToastOverlay *overlay = user_data;
  GHashTable *table = g_object_get_data (G_OBJECT (overlay), UNDO_TABLE_KEY);
  gpointer key = GSIZE_TO_POINTER ((gsize) g_variant_get_uint64 (parameter));
  UndoEntry *entry = g_hash_table_lookup (table, key);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (entry == NULL)
    return;

  if (entry->kr != NULL)
    ok = koers_store_restore_key_result (entry->store, entry->objective, entry->kr, &error);
  else
    ok = koers_store_restore_objective (entry->store, entry->objective, &error);

  g_hash_table_remove (table, key);

  if (!ok)
    koers_editing_show_error (GTK_WIDGET (overlay), error);
}

static GHashTable *
ensure_undo_table (AdwToastOverlay *overlay)
{
  GHashTable *table = g_object_get_data (G_OBJECT (overlay), UNDO_TABLE_KEY);
  g_autoptr (GSimpleActionGroup) group = NULL;
  g_autoptr (GSimpleAction) action = NULL;

  if (table != NULL)
    return table;

  table = g_hash_table_new_full (NULL, NULL, NULL, undo_entry_free);
  g_object_set_data_full (G_OBJECT (overlay), UNDO_TABLE_KEY, table,
                          (GDestroyNotify) g_hash_table_unref);

  group = g_simple_action_group_new ();
  action = g_simple_action_new ("undo", G_VARIANT_TYPE_UINT64);
  g_signal_connect_object (action, "activate", G_CALLBACK (undo_activate_cb), overlay, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (overlay), "koers-undo", G_ACTION_GROUP (group));

  return table;
}

static void
toast_dismissed_cb (AdwToast *toast,
                    gpointer  user_data)
{
  GHashTable *table = user_data;
  gpointer key = g_object_get_data (G_OBJECT (toast), "koers-undo-id");

  g_hash_table_remove (table, key);
}

static void
offer_undo (GtkWidget  *widget,
            const char *title,
            UndoEntry  *entry)
{
  static gsize last_id = 0;
  AdwToastOverlay *overlay = koers_editing_find_toast_overlay (widget);
  g_autofree char *message = NULL;
  GHashTable *table;
  AdwToast *toast;
  gsize id;

  if (overlay == NULL)
    {
      undo_entry_free (entry);
      return;
    }

  table = ensure_undo_table (overlay);
  id = ++last_id;
  g_hash_table_insert (table, GSIZE_TO_POINTER (id), entry);

  message = g_markup_printf_escaped (_("“%s” deleted"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "koers-undo.undo");
  adw_toast_set_action_target_value (toast, g_variant_new_uint64 (id));
  g_object_set_data (G_OBJECT (toast), "koers-undo-id", GSIZE_TO_POINTER (id));
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (toast_dismissed_cb),
                         g_hash_table_ref (table), (GClosureNotify) g_hash_table_unref, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

gboolean
koers_editing_delete_objective (GtkWidget      *widget,
                                KoersStore     *store,
                                KoersObjective *objective)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  UndoEntry *entry;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);

  /* Keep it alive: the store drops its reference when it deletes. */
  g_object_ref (objective);
  title = g_strdup (koers_objective_get_title (objective));

  if (!koers_store_delete_objective (store, objective, &error))
    {
      koers_editing_show_error (widget, error);
      g_object_unref (objective);
      return FALSE;
    }

  entry = g_new0 (UndoEntry, 1);
  entry->store = g_object_ref (store);
  entry->objective = objective;
  offer_undo (widget, title, entry);

  return TRUE;
}

gboolean
koers_editing_delete_key_result (GtkWidget      *widget,
                                 KoersStore     *store,
                                 KoersKeyResult *kr)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  KoersObjective *objective;
  UndoEntry *entry;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), FALSE);

  objective = koers_store_get_key_result_objective (store, kr);
  if (objective == NULL)
    return FALSE;

  g_object_ref (objective);
  g_object_ref (kr);
  title = g_strdup (koers_key_result_get_title (kr));

  if (!koers_store_delete_key_result (store, kr, &error))
    {
      koers_editing_show_error (widget, error);
      g_object_unref (objective);
      g_object_unref (kr);
      return FALSE;
    }

  entry = g_new0 (UndoEntry, 1);
  entry->store = g_object_ref (store);
  entry->objective = objective;
  entry->kr = kr;
  offer_undo (widget, title, entry);

  return TRUE;
}

gboolean
koers_editing_is_near_view (GtkWidget *widget,
                            int        height)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t point;
  int view_height;

  if (scrolled == NULL || !gtk_widget_compute_point (widget, scrolled, &origin, &point))
    return TRUE;

  view_height = gtk_widget_get_height (scrolled);
  return point.y + height >= -view_height && point.y <= 2 * view_height;
}

typedef struct
{
  GWeakRef               widget;
  KoersEditingLayoutFunc func;
} LayoutRequest;

typedef struct
{
  gint64     round_frame; /* the frame whose round has run, or -1 */
  gulong     handler_id;
  GPtrArray *requests;    /* LayoutRequest */
} LayoutRounds;

static void
layout_request_free (gpointer data)
{
  LayoutRequest *request = data;

  g_weak_ref_clear (&request->widget);
  g_free (request);
}

static void
layout_rounds_free (gpointer data)
{
  LayoutRounds *rounds = data;

  g_ptr_array_unref (rounds->requests);
  g_free (rounds);
}

static void
run_layout_round_cb (GdkFrameClock *clock,
                     LayoutRounds  *rounds)
{
  g_autoptr (GPtrArray) requests = rounds->requests;

  g_signal_handler_disconnect (clock, rounds->handler_id);
  rounds->handler_id = 0;
  rounds->round_frame = gdk_frame_clock_get_frame_counter (clock);
  rounds->requests = g_ptr_array_new_with_free_func (layout_request_free);

  for (guint i = 0; i < requests->len; i++)
    {
      LayoutRequest *request = g_ptr_array_index (requests, i);
      g_autoptr (GtkWidget) widget = g_weak_ref_get (&request->widget);

      if (widget != NULL)
        request->func (widget);
    }
}

static gboolean
run_in_update_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  KoersEditingLayoutFunc func = (KoersEditingLayoutFunc) user_data;

  func (widget);
  return G_SOURCE_REMOVE;
}

void
koers_editing_defer_to_layout (GtkWidget             *widget,
                               KoersEditingLayoutFunc func)
{
  static GQuark rounds_quark;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  LayoutRounds *rounds;
  LayoutRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  if (clock == NULL)
    return;

  if (rounds_quark == 0)
    rounds_quark = g_quark_from_static_string ("koers-editing-layout-rounds");

  rounds = g_object_get_qdata (G_OBJECT (clock), rounds_quark);
  if (rounds == NULL)
    {
      rounds = g_new0 (LayoutRounds, 1);
      rounds->round_frame = -1;
      rounds->requests = g_ptr_array_new_with_free_func (layout_request_free);
      g_object_set_qdata_full (G_OBJECT (clock), rounds_quark, rounds, layout_rounds_free);
    }

  if (rounds->round_frame == gdk_frame_clock_get_frame_counter (clock))
    {
      gtk_widget_add_tick_callback (widget, run_in_update_cb, (gpointer) func, NULL);
      return;
    }

  request = g_new0 (LayoutRequest, 1);
  g_weak_ref_init (&request->widget, widget);
  request->func = func;
  g_ptr_array_add (rounds->requests, request);

  /* Handlers connected while "layout" is being emitted wait for its next
   * emission, which asking for the layout phase again brings. */
  if (rounds->handler_id == 0)
    {
      rounds->handler_id = g_signal_connect (clock, "layout", G_CALLBACK (run_layout_round_cb), rounds);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
    }
}

char *
koers_editing_fold_text (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  /* Decompose, drop the accents, then fold case: "enquête" matches
   * "enquete" and "ENQUÊTE". */
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }

  folded = g_string_free (out, FALSE);
  return g_utf8_casefold (folded, -1);
}

void
koers_editing_clean_button_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* The label widget names the button through labelled-by already. */
  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root))
      && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    koers_editing_clean_button_names (child);
}

const char *
koers_editing_get_status_icon (KoersKrStatus status)
{
  switch (status)
    {
    case KOERS_KR_STATUS_ON_TRACK:
      return "go-next-symbolic";
    case KOERS_KR_STATUS_ACHIEVED:
      return "emblem-ok-symbolic";
    case KOERS_KR_STATUS_AT_RISK:
      return "dialog-warning-symbolic";
    case KOERS_KR_STATUS_OFF_TRACK:
      return "dialog-error-symbolic";
    case KOERS_KR_STATUS_IN_PROGRESS:
    default:
      return "emblem-synchronizing-symbolic";
    }
}

const char *
koers_editing_get_status_css_class (KoersKrStatus status)
{
  switch (status)
    {
    case KOERS_KR_STATUS_ON_TRACK:
      return "status-on-track";
    case KOERS_KR_STATUS_ACHIEVED:
      return "status-achieved";
    case KOERS_KR_STATUS_AT_RISK:
      return "status-at-risk";
    case KOERS_KR_STATUS_OFF_TRACK:
      return "status-off-track";
    case KOERS_KR_STATUS_IN_PROGRESS:
    default:
      return "status-in-progress";
    }
}

const char *
koers_editing_get_severity_icon (KoersQualitySeverity severity)
{
  switch (severity)
    {
    case KOERS_QUALITY_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case KOERS_QUALITY_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case KOERS_QUALITY_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}
