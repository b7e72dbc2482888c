/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "koers-date.h"
#include "koers-key-result-private.h"
#include "koers-list-watch.h"

/* A key result's check-ins: its full list, or until something needs that
 * list, the summary the store read with the key result.  A window shows a
 * quarter's thousands of key results as rows that need the latest value
 * and a sparkline's points only; creating, sorting and watching every
 * check-in object for them was a quarter of the window's start. */

static void
clear_summary (KoersKeyResult *self)
{
  self->n_checkins = 0;
  g_clear_object (&self->summary_latest);
  g_clear_pointer (&self->first_checkin_date, g_free);
  g_clear_pointer (&self->points, g_array_unref);
}

/* After any change of the read list: the points are drawn again when
 * asked for, the rest reads the list. */
static void
list_changed (KoersKeyResult *self)
{
  KoersCheckin *latest = koers_key_result_get_latest_checkin (self);

  g_clear_pointer (&self->points, g_array_unref);
  koers_key_result_update_last_checkin_date (self, latest != NULL
                                                     ? koers_checkin_get_date (latest)
                                                     : NULL);
  koers_key_result_emit_checkins_changed (self);
}

static void
resort_or_update (KoersKeyResult *self)
{
  /* The sort says items-changed, which updates the rest. */
  if (!koers_list_sort_if_unsorted (self->checkins, koers_checkin_compare_newest_first))
    list_changed (self);
}

/* A check-in edited in place: its date or stamp may move it; its value
 * and status are what rows and sparklines show. */
static void
checkin_notify_cb (KoersKeyResult *self,
                   GParamSpec     *pspec,
                   KoersCheckin   *checkin)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "date") || g_str_equal (name, "created"))
    resort_or_update (self);
  else if (g_str_equal (name, "value") || g_str_equal (name, "status"))
    list_changed (self);
}

/* One handler per check-in: the notify names are told apart above. */
static const char *const watched_signals[] = { "notify", NULL };

/* Whoever changes the list, connect to what arrived and disconnect from
 * what left. */
static void
checkins_changed_cb (KoersKeyResult *self,
                     guint           position,
                     guint           removed,
                     guint           added,
                     GListModel     *model)
{
  koers_list_watch_sync (self->watched, model, watched_signals,
                         G_CALLBACK (checkin_notify_cb), self);
  list_changed (self);
}

void
koers_key_result_init_checkins (KoersKeyResult *self)
{
  self->checkins = koers_list_watch_new_list (KOERS_TYPE_CHECKIN, &self->watched,
                                              G_CALLBACK (checkins_changed_cb), self);
  self->checkins_loaded = TRUE;
}

void
koers_key_result_dispose_checkins (KoersKeyResult *self)
{
  koers_list_watch_clear_list (&self->checkins, &self->watched, G_CALLBACK (checkins_changed_cb),
                               G_CALLBACK (checkin_notify_cb), self);
  g_clear_object (&self->summary_latest);
  if (self->loader_destroy != NULL)
    self->loader_destroy (self->loader_data);
  self->loader = NULL;
  self->loader_data = NULL;
  self->loader_destroy = NULL;
}

void
koers_key_result_finalize_checkins (KoersKeyResult *self)
{
  clear_summary (self);
}

/* From now on the list is the truth. */
static void
take_list (KoersKeyResult *self,
           GPtrArray      *newest_first)
{
  self->checkins_loaded = TRUE;
  clear_summary (self);

  g_list_store_splice (self->checkins, 0, 0, newest_first->pdata, newest_first->len);
  /* An empty splice says nothing, but the summary may have said more. */
  if (newest_first->len == 0)
    list_changed (self);
}

static void
fill_checkins (KoersKeyResult *self)
{
  g_autoptr (GPtrArray) newest_first = NULL;
  g_autoptr (GError) error = NULL;

  /* loading: a handler of the splice below may ask for the list again. */
  if (self->checkins_loaded || self->loading || self->loader == NULL)
    return;

  self->loading = TRUE;
  newest_first = self->loader (self, self->loader_data, &error);
  self->loading = FALSE;

  if (newest_first == NULL)
    {
      /* Without an error the store is gone: the summary is all there is. */
      if (error != NULL)
        g_warning ("Cannot read the check-ins of “%s”: %s", self->title, error->message);
      return;
    }

  take_list (self, newest_first);
}

GListModel *
koers_key_result_get_checkins (KoersKeyResult *self)
{
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (self), NULL);

  fill_checkins (self);
  return G_LIST_MODEL (self->checkins);
}

GListModel *
koers_key_result_peek_checkins (KoersKeyResult *self)
{
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (self), NULL);

  return G_LIST_MODEL (self->checkins);
}

gboolean
koers_key_result_get_checkins_loaded (KoersKeyResult *self)
{
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (self), FALSE);

  return self->checkins_loaded;
}

/* The list's check-in with that id (a copy read by someone else, say the
 * list read from the database after the write that added it). */
static gboolean
find_checkin (KoersKeyResult *self,
              KoersCheckin   *checkin,
              guint          *position)
{
  gint64 id = koers_checkin_get_id (checkin);
  guint  n;

  if (g_list_store_find (self->checkins, checkin, position))
    return TRUE;
  if (id == 0)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->checkins));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersCheckin) other = g_list_model_get_item (G_LIST_MODEL (self->checkins), i);

      if (koers_checkin_get_id (other) == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

void
koers_key_result_add_checkin (KoersKeyResult *self,
                              KoersCheckin   *checkin)
{
  guint position;

  g_return_if_fail (KOERS_IS_KEY_RESULT (self));
  g_return_if_fail (KOERS_IS_CHECKIN (checkin));

  fill_checkins (self);

  if (find_checkin (self, checkin, &position))
    {
      g_autoptr (KoersCheckin) held = g_list_model_get_item (G_LIST_MODEL (self->checkins),
                                                             position);

      if (held == checkin)
        {
          resort_or_update (self);
          return;
        }
      g_list_store_remove (self->checkins, position);
    }

  g_list_store_insert_sorted (self->checkins, checkin,
                              koers_checkin_compare_newest_first, NULL);
}

void
koers_key_result_splice_checkins (KoersKeyResult *self,
                                  GPtrArray      *newest_first)
{
  g_return_if_fail (KOERS_IS_KEY_RESULT (self));
  g_return_if_fail (g_list_model_get_n_items (G_LIST_MODEL (self->checkins)) == 0);

  take_list (self, newest_first);
}

void
koers_key_result_remove_checkin (KoersKeyResult *self,
                                 KoersCheckin   *checkin)
{
  guint position;

  g_return_if_fail (KOERS_IS_KEY_RESULT (self));
  g_return_if_fail (KOERS_IS_CHECKIN (checkin));

  fill_checkins (self);

  if (find_checkin (self, checkin, &position))
    g_list_store_remove (self->checkins, position);
}

guint
koers_key_result_get_n_checkins (KoersKeyResult *self)
{
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (self), 0);

  if (!self->checkins_loaded)
    return self->n_checkins;
  return g_list_model_get_n_items (G_LIST_MODEL (self->checkins));
}

/* Returns: (transfer none) (nullable): the newest check-in; the list (or
 * the summary) holds a reference, so there is nothing to unref. */
KoersCheckin *
koers_key_result_get_latest_checkin (KoersKeyResult *self)
{
  g_autoptr (KoersCheckin) latest = NULL;

  g_return_val_if_fail (KOERS_IS_KEY_RESULT (self), NULL);

  if (!self->checkins_loaded)
    return self->summary_latest;

  latest = g_list_model_get_item (G_LIST_MODEL (self->checkins), 0);
  return latest;
}

const char *
koers_key_result_get_first_checkin_date (KoersKeyResult *self)
{
  g_autoptr (KoersCheckin) first = NULL;
  guint n;

  g_return_val_if_fail (KOERS_IS_KEY_RESULT (self), NULL);

  if (!self->checkins_loaded)
    return self->first_checkin_date;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->checkins));
  if (n == 0)
    return NULL;
  /* The list holds it, and so its date. */
  first = g_list_model_get_item (G_LIST_MODEL (self->checkins), n - 1);
  return koers_checkin_get_date (first);
}

gboolean
koers_checkin_point_init (KoersCheckinPoint *point,
                          const char        *date_iso,
                          double             value)
{
  GDate date;

  g_return_val_if_fail (point != NULL, FALSE);

  if (!isfinite (value) || !koers_date_parse (date_iso, &date))
    return FALSE;

  point->julian_day = g_date_get_julian (&date);
  point->value = value;
  return TRUE;
}

const KoersCheckinPoint *
koers_key_result_get_checkin_points (KoersKeyResult *self,
                                     guint          *n_points)
{
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  if (self->points == NULL)
    {
      GListModel *list = G_LIST_MODEL (self->checkins);
      guint       n = self->checkins_loaded ? g_list_model_get_n_items (list) : 0;

      self->points = g_array_sized_new (FALSE, FALSE, sizeof (KoersCheckinPoint), n);
      for (guint i = n; i > 0; i--)
        {
          g_autoptr (KoersCheckin) checkin = g_list_model_get_item (list, i - 1);
          KoersCheckinPoint point;

          if (koers_checkin_point_init (&point, koers_checkin_get_date (checkin),
                                        koers_checkin_get_value (checkin)))
            g_array_append_val (self->points, point);
        }
    }

  *n_points = self->points->len;
  return (const KoersCheckinPoint *) (gpointer) self->points->data;
}

void
koers_key_result_set_checkin_loader (KoersKeyResult    *self,
                                     KoersCheckinLoader loader,
                                     gpointer           user_data,
                                     GDestroyNotify     destroy)
{
  g_return_if_fail (KOERS_IS_KEY_RESULT (self));

  if (self->loader_destroy != NULL)
    self->loader_destroy (self->loader_data);

  self->loader = loader;
  self->loader_data = user_data;
  self->loader_destroy = destroy;

  /* An empty list may just not be read yet: from now on it can be. */
  if (loader != NULL && self->checkins_loaded &&
      g_list_model_get_n_items (G_LIST_MODEL (self->checkins)) == 0)
    self->checkins_loaded = FALSE;
}

void
koers_key_result_set_checkin_summary (KoersKeyResult          *self,
                                      guint                    n_checkins,
                                      KoersCheckin            *latest,
                                      const char              *first_date,
                                      const KoersCheckinPoint *points,
                                      guint                    n_points)
{
  g_return_if_fail (KOERS_IS_KEY_RESULT (self));
  g_return_if_fail (latest == NULL || KOERS_IS_CHECKIN (latest));

  if (self->checkins_loaded)
    return;

  clear_summary (self);
  self->n_checkins = n_checkins;
  self->summary_latest = latest != NULL ? g_object_ref (latest) : NULL;
  self->first_checkin_date = g_strdup (first_date);
  self->points = g_array_sized_new (FALSE, FALSE, sizeof (KoersCheckinPoint), n_points);
  g_array_append_vals (self->points, points, n_points);

  koers_key_result_update_last_checkin_date (self, latest != NULL
                                                     ? koers_checkin_get_date (latest)
                                                     : NULL);
  koers_key_result_emit_checkins_changed (self);
}
