/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-capacity.h"
#include "core/koers-department.h"
#include "core/koers-resource-request.h"
#include "io/koers-capacity-csv.h"
#include "koers-capacity-page.h"
#include "store/koers-store-capacity.h"
#include "widgets/koers-form-dialog.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-template.h"
#include "widgets/koers-toasts.h"

struct _KoersCapacityPage
{
  AdwBin parent_instance;

  KoersStore           *store;
  KoersPeriod           period;
  gboolean              has_period;
  GHashTable           *words; /* gint64 * department id -> GtkLabel (borrowed) */
  GPtrArray            *requests;
  GtkFileChooserNative *chooser;

  GtkLabel   *heading_label;
  GtkListBox *departments_list;
  GtkListBox *requests_list;
  GtkLabel   *no_requests_label;
  GtkButton  *export_button;
};

G_DEFINE_FINAL_TYPE (KoersCapacityPage, koers_capacity_page, ADW_TYPE_BIN)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersCapacityPage, heading_label),
  KOERS_TEMPLATE_CHILD (KoersCapacityPage, departments_list),
  KOERS_TEMPLATE_CHILD (KoersCapacityPage, requests_list),
  KOERS_TEMPLATE_CHILD (KoersCapacityPage, no_requests_label),
  KOERS_TEMPLATE_CHILD (KoersCapacityPage, export_button),
};

static void rebuild (KoersCapacityPage *self);

/* The bar: committed effort (accent), aspirational after it (lighter),
 * on a track that is the capacity; past 100 % it runs to the end, red,
 * and a line marks where capacity ends. */
static void
draw_bar (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  KoersCapacityUse *use = user_data;
  double            committed = koers_capacity_use_get_committed_share (use);
  double            total = koers_capacity_use_get_total_share (use);
  double            scale = MAX (1.0, total) * 1.0;
  double            end = width / scale;

  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.25);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  if (!use->has_capacity || use->available <= 0.0)
    return;

  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.45);
  cairo_rectangle (cr, 0, 0, total * end, height);
  cairo_fill (cr);
  if (committed > 1.0)
    cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
  else
    cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_rectangle (cr, 0, 0, MIN (committed, scale) * end, height);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_rectangle (cr, end - 1, 0, 2, height);
  cairo_fill (cr);
}

typedef struct
{
  KoersCapacityPage *page;
  gint64             department_id;
  AdwEntryRow       *days_row;
  AdwEntryRow       *fte_row;
  AdwEntryRow       *budget_row;
  GtkLabel          *error_label;
  AdwMessageDialog  *dialog; /* owns the form */
} CapacityForm;

static void
capacity_form_free (CapacityForm *form)
{
  g_object_unref (form->page);
  g_free (form);
}

/* Reads the form: days (or FTE × days per FTE) and budget.  The first
 * field that does not parse is marked and named in the error label. */
static gboolean
read_capacity_form (CapacityForm *form,
                    double       *days,
                    double       *budget)
{
  g_autoptr (GError) error = NULL;
  AdwEntryRow *bad = NULL;
  double       fte = 0;

  gtk_widget_remove_css_class (GTK_WIDGET (form->days_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (form->fte_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (form->budget_row), "error");

  if (!koers_capacity_parse_amount (gtk_editable_get_text (GTK_EDITABLE (form->days_row)),
                                    KOERS_CAPACITY_MAX_DAYS, days, &error))
    bad = form->days_row;
  else if (!koers_capacity_parse_amount (gtk_editable_get_text (GTK_EDITABLE (form->fte_row)),
                                         KOERS_CAPACITY_MAX_DAYS / 366, &fte, &error))
    bad = form->fte_row;
  else if (!koers_capacity_parse_amount (gtk_editable_get_text (GTK_EDITABLE (form->budget_row)),
                                         KOERS_CAPACITY_MAX_BUDGET, budget, &error))
    bad = form->budget_row;

  if (bad != NULL)
    {
      g_autofree char *text = g_strdup_printf (_ ("%s: %s"),
                                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (bad)),
                                               error->message);

      gtk_widget_add_css_class (GTK_WIDGET (bad), "error");
      gtk_label_set_text (form->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (form->error_label), TRUE);
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (form->error_label), FALSE);
  if (fte > 0.0)
    *days = koers_capacity_fte_to_days (fte, koers_store_get_days_per_fte (form->page->store));
  return TRUE;
}

static void
capacity_form_changed_cb (GtkEditable  *editable,
                          CapacityForm *form)
{
  double days, budget;

  adw_message_dialog_set_response_enabled (form->dialog, "save",
                                           read_capacity_form (form, &days, &budget));
}

static gboolean
save_capacity (CapacityForm *form,
               GError      **error)
{
  double days = 0, budget = 0;

  /* Save is insensitive while the form does not read; it says why. */
  if (!read_capacity_form (form, &days, &budget))
    return TRUE;
  return koers_store_set_capacity (form->page->store, form->department_id, &form->page->period,
                                   days, budget, error);
}

static char *
format_amount (double value)
{
  return value > 0.0 ? koers_format_number (koers_format_get_language (), value, 2) : g_strdup ("");
}

static void
set_capacity_clicked_cb (GtkButton         *button,
                         KoersCapacityPage *self)
{
  CapacityForm *form = g_new0 (CapacityForm, 1);
  GtkWidget    *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkListBox   *list = koers_form_dialog_new_list ();
  g_autoptr (KoersCapacity) capacity = NULL;
  g_autofree char *days = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *per_fte = NULL;
  g_autofree char *fte_title = NULL;
  KoersDepartment *department;

  form->page = g_object_ref (self);
  form->department_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "department-id"));
  department = koers_store_find_department (self->store, form->department_id);
  capacity = koers_store_get_capacity (self->store, form->department_id, &self->period);
  days = format_amount (capacity != NULL ? koers_capacity_get_days (capacity) : 0);
  budget = format_amount (capacity != NULL ? koers_capacity_get_budget (capacity) : 0);
  per_fte = koers_format_number (koers_format_get_language (), koers_store_get_days_per_fte (self->store), 1);
  /* Translators: %s is the number of person-days in one FTE. */
  fte_title = g_strdup_printf (_ ("Or in FTE (%s person-days each)"), per_fte);

  form->days_row = koers_form_dialog_add_entry (list, _ ("Capacity (person-days)"), days);
  form->fte_row = koers_form_dialog_add_entry (list, fte_title, NULL);
  form->budget_row = koers_form_dialog_add_entry (list, _ ("Budget (€)"), budget);
  form->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (form->error_label, TRUE);
  gtk_label_set_xalign (form->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (form->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (form->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->error_label));

  form->dialog = koers_form_dialog_new (GTK_WIDGET (self), _ ("Set Capacity"),
                                        department != NULL ? koers_department_get_name (department) : NULL,
                                        box, "save", _ ("_Save"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect (form->days_row, "changed", G_CALLBACK (capacity_form_changed_cb), form);
  g_signal_connect (form->fte_row, "changed", G_CALLBACK (capacity_form_changed_cb), form);
  g_signal_connect (form->budget_row, "changed", G_CALLBACK (capacity_form_changed_cb), form);
  koers_form_dialog_present (form->dialog, "save", GTK_WIDGET (self),
                             (KoersFormDialogFunc) save_capacity, form,
                             (GDestroyNotify) capacity_form_free);
}

/* NULL for the company when it has neither a capacity nor an objective
 * in the quarter (its objectives run the year): nothing to show.  Every
 * department has its row, to set a capacity before its objectives come. */
static GtkWidget *
make_department_row (KoersCapacityPage *self,
                     KoersDepartment   *department)
{
  gint64 id = koers_department_get_id (department);
  g_autoptr (KoersCapacity) capacity = koers_store_get_capacity (self->store, id, &self->period);
  KoersCapacityUse *use = g_new0 (KoersCapacityUse, 1);
  GtkWidget        *row, *box, *top, *name, *button, *bar;
  g_autofree char  *words = NULL;
  g_autofree char  *figures = NULL;
  GtkWidget        *words_label;
  g_autofree char  *available = NULL;
  g_autofree char  *needed = NULL;

  koers_capacity_use_compute (use, koers_store_get_objectives (self->store), id, &self->period, capacity);
  if (koers_department_get_is_company (department) && !use->has_capacity && use->n_objectives == 0)
    {
      g_free (use);
      return NULL;
    }
  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  name = gtk_label_new (koers_department_get_name (department));
  button = gtk_button_new_with_label (_ ("Set Capacity…"));
  bar = gtk_drawing_area_new ();
  words = koers_capacity_use_describe (use);
  available = koers_format_number (koers_format_get_language (), use->available, 1);
  needed = koers_format_number (koers_format_get_language (), use->committed + use->aspirational, 1);
  if (use->has_capacity)
    /* Translators: needed and available person-days. */
    figures = g_strdup_printf (_ ("%s of %s person-days"), needed, available);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "department-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (button, "clicked", G_CALLBACK (set_capacity_clicked_cb), self);
  gtk_box_append (GTK_BOX (top), name);
  if (figures != NULL)
    {
      GtkWidget *label = gtk_label_new (figures);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (top), label);
    }
  gtk_box_append (GTK_BOX (top), button);

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (bar), 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bar), draw_bar, use, g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);

  words_label = gtk_label_new (words);
  gtk_label_set_xalign (GTK_LABEL (words_label), 0);
  gtk_label_set_wrap (GTK_LABEL (words_label), TRUE);
  g_hash_table_insert (self->words, g_memdup2 (&id, sizeof id), words_label);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), words_label);
  koers_form_set_margins (box, 12, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  {
    g_autofree char *label = g_strdup_printf ("%s: %s", koers_department_get_name (department), words);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  return row;
}

typedef struct
{
  KoersCapacityPage *page;
  KoersObjective    *objective;
  KoersRequestState  state;
  AdwEntryRow       *note_row;
} Answer;

static void
answer_free (Answer *answer)
{
  g_object_unref (answer->page);
  g_object_unref (answer->objective);
  g_free (answer);
}

static gboolean
answer_request (Answer  *answer,
                GError **error)
{
  return koers_store_answer_request (answer->page->store, answer->objective, answer->state,
                                     gtk_editable_get_text (GTK_EDITABLE (answer->note_row)), error);
}

static void
answer_clicked_cb (GtkButton         *button,
                   KoersCapacityPage *self)
{
  Answer           *answer = g_new0 (Answer, 1);
  GtkListBox       *list = koers_form_dialog_new_list ();
  AdwMessageDialog *dialog;
  gboolean          approve = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "approve"));

  answer->page = g_object_ref (self);
  answer->objective = g_object_ref (g_object_get_data (G_OBJECT (button), "objective"));
  answer->state = approve ? KOERS_REQUEST_STATE_APPROVED : KOERS_REQUEST_STATE_DECLINED;
  answer->note_row = koers_form_dialog_add_entry (list, _ ("Note"),
                                                  koers_objective_get_request_note (answer->objective));

  dialog = koers_form_dialog_new (GTK_WIDGET (self),
                                  approve ? _ ("Approve Request") : _ ("Decline Request"),
                                  koers_objective_get_title (answer->objective), GTK_WIDGET (list),
                                  "answer", approve ? _ ("_Approve") : _ ("_Decline"),
                                  approve ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  koers_form_dialog_present (dialog, "answer", GTK_WIDGET (self), (KoersFormDialogFunc) answer_request,
                             answer, (GDestroyNotify) answer_free);
}

static GtkWidget *
make_request_row (KoersCapacityPage *self,
                  KoersObjective    *objective)
{
  GtkWidget       *row = adw_action_row_new ();
  KoersDepartment *department = koers_store_find_department (self->store,
                                                             koers_objective_get_department_id (objective));
  g_autofree char *asked = koers_resource_request_describe (objective);
  const char      *state = koers_request_state_get_label (koers_objective_get_request_state (objective));
  const char      *reason = koers_objective_get_request_reason (objective);
  const char      *note = koers_objective_get_request_note (objective);
  g_autofree char *subtitle = NULL;

  /* Translators: department · what is asked · the reason · the answer (and its note). */
  subtitle = g_strdup_printf ("%s · %s%s%s · %s%s%s", department != NULL ? koers_department_get_name (department) : "",
                              asked, *reason != '\0' ? " · " : "", reason, state,
                              note != NULL && *note != '\0' ? ": " : "", note != NULL ? note : "");
  koers_form_set_plain_title (row, koers_objective_get_title (objective));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  for (int approve = 1; approve >= 0; approve--)
    {
      GtkWidget *button = koers_form_add_row_button (ADW_ACTION_ROW (row),
                                                     approve ? _ ("Approve…") : _ ("Decline…"), NULL,
                                                     G_CALLBACK (answer_clicked_cb), self);

      g_object_set_data (G_OBJECT (button), "approve", GINT_TO_POINTER (approve));
      g_object_set_data (G_OBJECT (button), "objective", objective);
    }
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
rebuild (KoersCapacityPage *self)
{
  GListModel      *departments;
  g_autofree char *period = NULL;
  g_autofree char *heading = NULL;

  if (!self->has_period)
    return;

  clear_list (self->departments_list);
  clear_list (self->requests_list);
  g_hash_table_remove_all (self->words);

  period = koers_format_period (koers_format_get_language (), &self->period);
  /* Translators: %s is a quarter, "Q2 2026". */
  heading = g_strdup_printf (_ ("Capacity in %s"), period);
  gtk_label_set_text (self->heading_label, heading);

  departments = koers_store_get_departments (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (KoersDepartment) department = g_list_model_get_item (departments, i);
      GtkWidget *row = make_department_row (self, department);

      if (row != NULL)
        gtk_list_box_append (self->departments_list, row);
    }

  g_clear_pointer (&self->requests, g_ptr_array_unref);
  self->requests = koers_store_list_requests (self->store, &self->period);
  for (guint i = 0; i < self->requests->len; i++)
    gtk_list_box_append (self->requests_list, make_request_row (self, g_ptr_array_index (self->requests, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->requests_list), self->requests->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_requests_label), self->requests->len == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), self->requests->len > 0);
}

static void
export_response_cb (GtkNativeDialog   *chooser,
                    int                response,
                    KoersCapacityPage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL && !koers_capacity_requests_export (self->store, self->requests, file, &error))
        koers_toasts_show_error (GTK_WIDGET (self), error);
    }
  g_clear_object (&self->chooser);
}

static void
export_clicked_cb (KoersCapacityPage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *key = koers_period_to_string (&self->period);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_ ("Export Resource Requests"),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  /* Translators: a file name; %s is the quarter, "2026-Q2". */
  name = g_strdup_printf (_ ("resource-requests-%s.csv"), key);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
koers_capacity_page_set_period (KoersCapacityPage *self,
                                const KoersPeriod *period)
{
  g_return_if_fail (KOERS_IS_CAPACITY_PAGE (self));
  g_return_if_fail (period != NULL);

  self->period = *period;
  self->has_period = TRUE;
  rebuild (self);
}

const char *
koers_capacity_page_get_words (KoersCapacityPage *self,
                               gint64             department_id)
{
  GtkLabel *label;

  g_return_val_if_fail (KOERS_IS_CAPACITY_PAGE (self), NULL);

  label = g_hash_table_lookup (self->words, &department_id);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}

guint
koers_capacity_page_get_n_requests (KoersCapacityPage *self)
{
  g_return_val_if_fail (KOERS_IS_CAPACITY_PAGE (self), 0);

  return self->requests != NULL ? self->requests->len : 0;
}

static void
koers_capacity_page_dispose (GObject *object)
{
  KoersCapacityPage *self = KOERS_CAPACITY_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->words, g_hash_table_unref);

  G_OBJECT_CLASS (koers_capacity_page_parent_class)->dispose (object);
}

KOERS_DEFINE_TEMPLATE_CLASS_INIT (KoersCapacityPage, koers_capacity_page, "capacity/koers-capacity-page.ui", 0, NULL, 0)

static void
koers_capacity_page_init (KoersCapacityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->words = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
}

GtkWidget *
koers_capacity_page_new (KoersStore *store)
{
  KoersCapacityPage *self = g_object_new (KOERS_TYPE_CAPACITY_PAGE, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
