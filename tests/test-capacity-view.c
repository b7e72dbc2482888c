/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-test-ui.h"
#include "store/koers-store-capacity.h"
#include "ui/capacity/koers-capacity-page.h"
#include "ui/capacity/koers-escalate-dialog.h"
#include "ui/capacity/koers-escalations-page.h"
#include "ui/capacity/koers-resource-form.h"

/* The capacity view (one bar and the words per department, the requests of
 * the quarter), the escalate dialog, the Escalations list and the
 * objective editor's resource form, on a real store. */

static KoersPeriod
q2 (void)
{
  KoersPeriod period;

  g_assert_true (koers_period_parse ("2026-Q2", &period, NULL));
  return period;
}

/* Sales in Q2: a capacity of 100 days, a committed objective of 85 and an
 * aspirational one of 33 that asks for 10 more.  Returns Sales. */
static KoersDepartment *
add_sales_okrs (KoersStore      *store,
                KoersObjective **committed,
                KoersObjective **dream)
{
  KoersPeriod      period = q2 ();
  KoersDepartment *sales = koers_test_find_department (store, "Sales");

  *committed = koers_test_add_objective (store, sales, "Win ten new accounts", "2026-Q2");
  *dream = koers_test_add_objective (store, sales, "Open an office in Lyon", "2026-Q2");
  g_object_set (*committed, "effort-days", 85.0, NULL);
  g_assert_true (koers_store_save_objective (store, *committed, NULL));
  g_object_set (*dream, "kind", KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "effort-days", 33.0, "request-days", 10.0,
                "request-reason", "A French speaker", "request-state", KOERS_REQUEST_STATE_REQUESTED, NULL);
  g_assert_true (koers_store_save_objective (store, *dream, NULL));
  g_assert_true (koers_store_set_capacity (store, koers_department_get_id (sales), &period, 100, 0, NULL));
  return sales;
}

/* The capacity page of Q2 in a window of its own. */
static GtkWidget *
open_page (KoersStore *store,
           GtkWindow **window)
{
  KoersPeriod period = q2 ();
  GtkWidget  *page = koers_capacity_page_new (store);

  *window = koers_test_ui_window_new (page, 900, 700);
  koers_capacity_page_set_period (KOERS_CAPACITY_PAGE (page), &period);
  koers_test_ui_iterate ();
  return page;
}

static void
test_capacity_page (void)
{
  KoersTestUiDb    db = { 0 };
  KoersDepartment *sales;
  KoersObjective  *committed, *dream;
  GtkWidget       *page;
  GtkWindow       *window;

  koers_test_ui_db_open (&db);
  koers_format_set_language (KOERS_LANGUAGE_EN);
  sales = add_sales_okrs (db.store, &committed, &dream);
  page = open_page (db.store, &window);

  g_assert_cmpstr (koers_capacity_page_get_words (KOERS_CAPACITY_PAGE (page), koers_department_get_id (sales)), ==,
                   "Committed work uses 85% of capacity; with aspirational work 118%.");
  g_assert_cmpuint (koers_capacity_page_get_n_requests (KOERS_CAPACITY_PAGE (page)), ==, 1);
  g_assert_true (koers_test_ui_has_label_containing (page, "85 of 100 person-days") ||
                 koers_test_ui_has_label_containing (page, "118 of 100 person-days"));

  /* Approved, the request's days count as capacity: the page follows. */
  g_assert_true (koers_store_answer_request (db.store, dream, KOERS_REQUEST_STATE_APPROVED, "Go", NULL));
  koers_test_ui_iterate ();
  g_assert_cmpstr (koers_capacity_page_get_words (KOERS_CAPACITY_PAGE (page), koers_department_get_id (sales)), ==,
                   "Committed work uses 77% of capacity; with aspirational work 107%.");

  gtk_window_destroy (window);
  koers_test_ui_db_close (&db);
}

static void
test_escalate_dialog (void)
{
  KoersTestUiDb db = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) open = NULL;
  KoersDepartment *sales;
  KoersObjective  *objective;
  KoersKeyResult  *kr;
  GtkWidget       *dialog;
  GtkWidget       *list;
  GtkWindow       *window;

  koers_test_ui_db_open (&db);
  koers_store_set_author (db.store, "Ann Peeters");
  sales = koers_test_find_department (db.store, "Sales");
  objective = koers_test_add_objective (db.store, sales, "Keep churn under 2%", "2026-Q2");
  kr = koers_test_add_key_result (db.store, objective, "Call every churned customer", 0, 40, 10);

  dialog = koers_escalate_dialog_new (NULL, db.store, objective, kr);
  /* Nothing typed: Escalate is off and nothing can be written. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "escalate"));
  koers_escalate_dialog_set_texts (KOERS_ESCALATE_DIALOG (dialog), "Supplier six weeks late", "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "escalate"));
  g_assert_false (koers_escalate_dialog_escalate (KOERS_ESCALATE_DIALOG (dialog), &error));
  g_clear_error (&error);
  g_assert_cmpint (koers_test_query_int (db.path, "SELECT count(*) FROM escalations"), ==, 0);

  koers_escalate_dialog_set_texts (KOERS_ESCALATE_DIALOG (dialog), "Supplier six weeks late",
                                   "A second supplier");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "escalate"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "escalate");
  koers_test_ui_iterate ();

  open = koers_store_list_escalations (db.store, TRUE, NULL);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (koers_escalation_get_key_result_id (g_ptr_array_index (open, 0)), ==,
                   koers_key_result_get_id (kr));
  g_assert_cmpstr (koers_escalation_get_raised_by (g_ptr_array_index (open, 0)), ==, "Ann Peeters");

  /* The Escalations list has it, open; resolved, it moves. */
  list = koers_escalations_page_new (db.store);
  window = koers_test_ui_window_new (list, 800, 600);
  koers_test_ui_iterate ();
  g_assert_cmpuint (koers_escalations_page_get_n_rows (KOERS_ESCALATIONS_PAGE (list)), ==, 1);
  g_assert_cmpstr (koers_escalations_page_get_row_title (KOERS_ESCALATIONS_PAGE (list), 0), ==,
                   "Keep churn under 2% › Call every churned customer");
  g_assert_true (koers_test_ui_has_label_containing (list, "Escalated by Ann Peeters"));
  g_assert_true (koers_store_resolve_escalation (db.store, koers_escalation_get_id (g_ptr_array_index (open, 0)),
                                                 "Second supplier signed", NULL));
  koers_test_ui_iterate ();
  g_assert_cmpuint (koers_escalations_page_get_n_rows (KOERS_ESCALATIONS_PAGE (list)), ==, 0);
  koers_escalations_page_set_show_resolved (KOERS_ESCALATIONS_PAGE (list), TRUE);
  koers_test_ui_iterate ();
  g_assert_cmpuint (koers_escalations_page_get_n_rows (KOERS_ESCALATIONS_PAGE (list)), ==, 1);
  g_assert_true (koers_test_ui_has_label_containing (list, "Second supplier signed"));

  gtk_window_destroy (window);
  koers_test_ui_db_close (&db);
}

/* The store refuses the escalation after the dialog has closed (the
 * objective became aspirational meanwhile): the window says why in a
 * toast, and nothing is written. */
static void
test_escalate_refused (void)
{
  KoersTestUiDb   db = { 0 };
  KoersObjective *objective;
  GtkWidget      *dialog;
  GtkWidget      *content;
  GtkWindow      *window;

  koers_test_ui_db_open (&db);
  koers_format_set_language (KOERS_LANGUAGE_EN);
  objective = koers_test_add_objective (db.store, koers_test_find_department (db.store, "Sales"),
                                        "Keep churn under 2%", "2026-Q2");
  /* The test window has a toast overlay around its content, as the
   * app's window has. */
  window = koers_test_ui_window_new (gtk_label_new ("OKRs"), 800, 600);
  content = GTK_WIDGET (window);
  dialog = koers_escalate_dialog_new (window, db.store, objective, NULL);
  koers_escalate_dialog_set_texts (KOERS_ESCALATE_DIALOG (dialog), "Supplier six weeks late", "A second supplier");
  gtk_window_present (GTK_WINDOW (dialog));
  koers_test_ui_iterate ();

  g_object_set (objective, "kind", KOERS_OBJECTIVE_KIND_ASPIRATIONAL, NULL);
  g_assert_true (koers_store_save_objective (db.store, objective, NULL));
  g_assert_false (koers_test_ui_has_label_containing (content, "Only committed objectives"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "escalate");
  koers_test_ui_iterate ();

  {
    gint64 until = g_get_monotonic_time () + G_TIME_SPAN_SECOND;

    /* The toast is shown from the main loop. */
    while (!koers_test_ui_has_label_containing (content, "Only committed objectives") &&
           g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_true (koers_test_ui_has_label_containing (content, "Only committed objectives are escalated"));
  g_assert_cmpint (koers_test_query_int (db.path, "SELECT count(*) FROM escalations"), ==, 0);

  gtk_window_destroy (window);
  koers_test_ui_db_close (&db);
}

static void
test_resource_form (void)
{
  KoersTestUiDb   db = { 0 };
  KoersObjective *objective;
  GtkWidget      *form;
  GtkWindow      *window;
  AdwEntryRow    *effort, *budget;
  gint64          changes;

  koers_test_ui_db_open (&db);
  koers_format_set_language (KOERS_LANGUAGE_NL);
  objective = koers_test_add_objective (db.store, koers_test_find_department (db.store, "Sales"),
                                        "Win ten new accounts", "2026-Q2");
  form = g_object_new (KOERS_TYPE_RESOURCE_FORM, NULL);
  window = koers_test_ui_window_new (form, 600, 500);
  koers_resource_form_set_objective (KOERS_RESOURCE_FORM (form), db.store, objective);
  effort = koers_test_ui_find_entry_row (form, "Effort (person-days)");
  budget = koers_test_ui_find_entry_row (form, "Budget requested (€)");

  /* Belgian Dutch: "8,5" is eight and a half. */
  gtk_editable_set_text (GTK_EDITABLE (effort), "8,5");
  g_assert_cmpfloat (koers_objective_get_effort_days (objective), ==, 8.5);
  g_assert_cmpint (koers_test_query_int (db.path, "SELECT effort_days * 10 FROM objectives"
                                                  " WHERE title = 'Win ten new accounts'"),
                   ==, 85);

  /* Bad input: a message next to the fields, nothing written (replacing
   * the text clears it first, which is "no estimate"). */
  gtk_editable_set_text (GTK_EDITABLE (effort), "veel");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (effort), "error"));
  g_assert_true (koers_test_ui_has_label_containing (form, "Effort (person-days): Not a number"));
  gtk_editable_set_text (GTK_EDITABLE (effort), "-3");
  g_assert_true (koers_test_ui_has_label_containing (form, "Must be 0 or more"));
  g_assert_cmpint (koers_test_query_int (db.path, "SELECT count(*) FROM objectives WHERE effort_days < 0"), ==, 0);
  g_assert_cmpfloat (koers_objective_get_effort_days (objective), >=, 0.0);
  gtk_editable_set_text (GTK_EDITABLE (effort), "8,5");
  changes = koers_test_query_int (db.path, "SELECT count(*) FROM changes");
  gtk_editable_set_text (GTK_EDITABLE (budget), "10000000000000000");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (budget), "error"));
  g_assert_true (koers_test_ui_has_label_containing (form, "Too large"));
  g_assert_cmpfloat (koers_objective_get_request_budget (objective), ==, 0.0);
  g_assert_cmpint (koers_test_query_int (db.path, "SELECT count(*) FROM changes"), ==, changes);

  /* A request is a question for management. */
  gtk_editable_set_text (GTK_EDITABLE (budget), "€ 25.000");
  g_assert_cmpfloat (koers_objective_get_request_budget (objective), ==, 25000.0);
  g_assert_cmpint (koers_objective_get_request_state (objective), ==, KOERS_REQUEST_STATE_REQUESTED);

  koers_format_set_language (KOERS_LANGUAGE_EN);
  gtk_window_destroy (window);
  koers_test_ui_db_close (&db);
}

/* The page's small forms (koers_form_dialog_*): "Set Capacity…", the
 * answer to a request and the resolution of an escalation each ask in a
 * message dialog, write through the store on their response, and Cancel
 * writes nothing. */
static AdwMessageDialog *
click_for_dialog (GtkWidget  *root,
                  const char *label)
{
  GtkWidget *button = koers_test_ui_find_button (root, label);
  GtkWindow *dialog;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  koers_test_ui_iterate ();
  dialog = koers_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  return ADW_MESSAGE_DIALOG (dialog);
}

/* As the dialog's button would: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  koers_test_ui_iterate ();
}

static void
test_form_dialogs (void)
{
  KoersTestUiDb db = { 0 };
  g_autoptr (GPtrArray) open = NULL;
  KoersObjective   *dream, *committed;
  AdwMessageDialog *dialog;
  GtkWidget        *page, *list;
  GtkWindow        *window, *list_window;

  koers_test_ui_db_open (&db);
  koers_format_set_language (KOERS_LANGUAGE_EN);
  add_sales_okrs (db.store, &committed, &dream);
  page = open_page (db.store, &window);

  /* Decline, with a note: the request is answered. */
  dialog = click_for_dialog (page, "Decline…");
  gtk_editable_set_text (GTK_EDITABLE (koers_test_ui_find_entry_row (GTK_WIDGET (dialog), "Note")),
                         "Not this year");
  respond (dialog, "answer");
  g_assert_cmpint (koers_objective_get_request_state (dream), ==, KOERS_REQUEST_STATE_DECLINED);
  g_assert_cmpstr (koers_objective_get_request_note (dream), ==, "Not this year");

  /* Set Capacity (the first row's): Cancel writes nothing, Save writes
   * the days typed. */
  dialog = click_for_dialog (page, "Set Capacity…");
  gtk_editable_set_text (GTK_EDITABLE (koers_test_ui_find_entry_row (GTK_WIDGET (dialog),
                                                                     "Capacity (person-days)")),
                         "120");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  respond (dialog, "cancel");
  g_assert_cmpint (koers_test_query_int (db.path, "SELECT count(*) FROM capacities WHERE days = 120"), ==, 0);
  dialog = click_for_dialog (page, "Set Capacity…");
  gtk_editable_set_text (GTK_EDITABLE (koers_test_ui_find_entry_row (GTK_WIDGET (dialog),
                                                                     "Capacity (person-days)")),
                         "120");
  respond (dialog, "save");
  g_assert_cmpint (koers_test_query_int (db.path, "SELECT count(*) FROM capacities WHERE days = 120"), ==, 1);

  /* Resolve: not without saying how; then the escalation is resolved. */
  g_assert_true (koers_store_escalate (db.store, committed, NULL, "Nobody speaks French", "A hire", NULL,
                                       NULL));
  list = koers_escalations_page_new (db.store);
  list_window = koers_test_ui_window_new (list, 800, 600);
  koers_test_ui_iterate ();
  dialog = click_for_dialog (list, "Resolve…");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "resolve"));
  gtk_editable_set_text (GTK_EDITABLE (koers_test_ui_find_entry_row (GTK_WIDGET (dialog),
                                                                     "How it was resolved")),
                         "Hired Amélie");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "resolve"));
  respond (dialog, "resolve");
  open = koers_store_list_escalations (db.store, TRUE, NULL);
  g_assert_cmpuint (open != NULL ? open->len : 0, ==, 0);
  g_assert_cmpuint (koers_escalations_page_get_n_rows (KOERS_ESCALATIONS_PAGE (list)), ==, 0);

  gtk_window_destroy (list_window);
  gtk_window_destroy (window);
  koers_test_ui_db_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/capacity-view/page", test_capacity_page);
  g_test_add_func ("/capacity-view/escalate-dialog", test_escalate_dialog);
  g_test_add_func ("/capacity-view/escalate-refused", test_escalate_refused);
  g_test_add_func ("/capacity-view/resource-form", test_resource_form);
  g_test_add_func ("/capacity-view/form-dialogs", test_form_dialogs);

  return g_test_run ();
}
