/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-property.h"
#include "io/html/koers-html.h"
#include "koers-dashboard-publisher.h"
#include "widgets/koers-toasts.h"

#define DEBOUNCE_MS 3000
#define RETRY_MS 10000
#define MAX_BACKOFF_SHIFT 6

struct _KoersDashboardPublisher
{
  GObject parent_instance;

  KoersStore *store;
  GSettings  *settings;
  GtkWidget  *toast_widget; /* weak */
  guint       timeout_id;
  guint       debounce_ms;
  guint       retry_ms;
  guint       failures;
  guint       n_published;
};

G_DEFINE_FINAL_TYPE (KoersDashboardPublisher, koers_dashboard_publisher, G_TYPE_OBJECT)

/* The folder chosen in Preferences, or NULL. */
static char *
dup_folder (KoersDashboardPublisher *self)
{
  g_autofree char *folder = NULL;

  g_settings_get (self->settings, "dashboard-folder", "^ay", &folder);
  if (folder == NULL || folder[0] == '\0')
    return NULL;
  return g_steal_pointer (&folder);
}

static void schedule (KoersDashboardPublisher *self,
                      guint                    delay_ms);

static void
show_failure (KoersDashboardPublisher *self,
              const GError            *error)
{
  g_autoptr (GError) shown = NULL;

  if (self->toast_widget == NULL)
    return;
  /* Translators: %s is the reason, such as “Permission denied”. */
  shown = g_error_new (error->domain, error->code, _ ("Could not publish the dashboard: %s"),
                       error->message);
  koers_toasts_show_error (self->toast_widget, shown);
}

static gboolean
publish_cb (gpointer user_data)
{
  KoersDashboardPublisher *self = KOERS_DASHBOARD_PUBLISHER (user_data);
  g_autofree char         *folder = dup_folder (self);
  g_autofree char         *path = NULL;
  g_autoptr (GError) error = NULL;
  KoersReportOptions opts;
  KoersPeriod        quarter;
  GDate              today;

  self->timeout_id = 0;
  if (folder == NULL)
    return G_SOURCE_REMOVE;

  koers_date_today (&today);
  koers_period_init_for_date (&quarter, &today);
  koers_report_options_init (&opts, &quarter);
  path = g_build_filename (folder, KOERS_DASHBOARD_FILE_NAME, NULL);

  if (koers_html_write (self->store, &opts, path, &error))
    {
      self->failures = 0;
      self->n_published++;
      return G_SOURCE_REMOVE;
    }

  /* Once per run of failures: a share that is away for an hour shows one
   * toast, not one every few minutes. */
  if (self->failures == 0)
    show_failure (self, error);
  g_debug ("Dashboard not published to %s: %s", path, error->message);
  self->failures++;
  schedule (self, self->retry_ms << MIN (self->failures - 1, MAX_BACKOFF_SHIFT));
  return G_SOURCE_REMOVE;
}

static void
schedule (KoersDashboardPublisher *self,
          guint                    delay_ms)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (delay_ms, publish_cb, self);
}

static void
store_changed_cb (KoersDashboardPublisher *self)
{
  g_autofree char *folder = dup_folder (self);

  /* Each change starts the wait again: a burst is published once. */
  if (folder != NULL)
    schedule (self, self->debounce_ms);
}

static void
folder_changed_cb (KoersDashboardPublisher *self)
{
  g_autofree char *folder = dup_folder (self);

  self->failures = 0;
  if (folder != NULL)
    schedule (self, self->debounce_ms);
  else
    g_clear_handle_id (&self->timeout_id, g_source_remove);
}

static void
koers_dashboard_publisher_dispose (GObject *object)
{
  KoersDashboardPublisher *self = KOERS_DASHBOARD_PUBLISHER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_weak_pointer (&self->toast_widget);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (koers_dashboard_publisher_parent_class)->dispose (object);
}

static void
koers_dashboard_publisher_class_init (KoersDashboardPublisherClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = koers_dashboard_publisher_dispose;
}

static void
koers_dashboard_publisher_init (KoersDashboardPublisher *self)
{
  self->debounce_ms = DEBOUNCE_MS;
  self->retry_ms = RETRY_MS;
}

KoersDashboardPublisher *
koers_dashboard_publisher_new (KoersStore *store,
                               GSettings  *settings,
                               GtkWidget  *toast_widget)
{
  KoersDashboardPublisher *self;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (toast_widget == NULL || GTK_IS_WIDGET (toast_widget), NULL);

  self = g_object_new (KOERS_TYPE_DASHBOARD_PUBLISHER, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  g_set_weak_pointer (&self->toast_widget, toast_widget);

  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::dashboard-folder", G_CALLBACK (folder_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* What changed while Koers was closed is published at the start. */
  store_changed_cb (self);

  return self;
}

void
koers_dashboard_publisher_set_delays (KoersDashboardPublisher *self,
                                      guint                    debounce_ms,
                                      guint                    retry_ms)
{
  g_return_if_fail (KOERS_IS_DASHBOARD_PUBLISHER (self));

  self->debounce_ms = debounce_ms;
  self->retry_ms = MAX (retry_ms, 1);
  if (self->timeout_id != 0)
    schedule (self, debounce_ms);
}

KOERS_DEFINE_GETTER (KoersDashboardPublisher, koers_dashboard_publisher, KOERS_IS_DASHBOARD_PUBLISHER, guint, failures, 0)

KOERS_DEFINE_GETTER (KoersDashboardPublisher, koers_dashboard_publisher, KOERS_IS_DASHBOARD_PUBLISHER, guint, n_published, 0)
