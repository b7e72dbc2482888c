/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "koers-store-columns.h"
#include "koers-store-private.h"

/* Check-ins on demand.  A lazily opened store gives each key result of a
 * period a summary of its check-ins (how many, the latest, the first date,
 * a sparkline's points) from one indexed query, and reads a key result's
 * full list when something asks for it (koers_key_result_get_checkins():
 * the history window, the details pane, the check-in dialog).  Creating,
 * sorting and watching every check-in of a large company's quarter was a
 * quarter of the window's start.  Whole-company commands read every list
 * of what they loaded in one query (koers_store_load_checkins()). */

/* The check-ins of the key results of a period (?1) and, when ?2 is not
 * NULL, only of the departments in that JSON array, as load_key_results()
 * reads those key results. */
#define PERIOD_CHECKINS                  \
  "FROM checkins WHERE key_result_id IN" \
  " (SELECT id FROM key_results WHERE objective_id IN (" KOERS_STORE_PERIOD_OBJECTIVES "))"

/* A point of a sparkline, and what orders check-ins of one day. */
typedef struct
{
  KoersCheckinPoint point;
  gint64            created;
  gint64            id;
} RankedPoint;

/* A summary being gathered from rows newest day first. */
typedef struct
{
  KoersKeyResult *kr; /* NULL: rows of a key result to skip */
  gint64          kr_id;
  guint           n;
  KoersCheckin   *latest;
  GString        *latest_date;
  gint64          latest_created;
  gint64          latest_id;
  GString        *first_date;
  GArray         *ranked; /* RankedPoint, in the order of the rows */
  GArray         *points; /* KoersCheckinPoint, oldest first */
  guint           n_flushed;
  /* With at_risk (KOERS_STORE_CHECKINS_SUMMARIES_AT_RISK): every row of
   * the newest day, then, once the latest is known to be at risk, every
   * row after, as check-ins; list is NULL without at_risk. */
  gboolean   at_risk;
  GPtrArray *list;
  int        keep; /* -1: the latest is not known yet; 0 no; 1 yes */
} SummaryReader;

/* Oldest first, as give_checkins() takes them. */
static int
compare_oldest_first (gconstpointer a,
                      gconstpointer b)
{
  return koers_checkin_compare_newest_first (*(gpointer *) b, *(gpointer *) a, NULL);
}

static void give_checkins (KoersStore     *self,
                           KoersKeyResult *kr,
                           GPtrArray      *oldest_first);

/* Once the latest is known: the list gathered is kept when it is at risk
 * and the key result's objective committed (the rule passes over the
 * others). */
static void
decide_list (KoersStore    *self,
             SummaryReader *r)
{
  KoersObjective *objective;

  if (r->list == NULL || r->keep >= 0)
    return;

  objective = r->kr != NULL ? koers_store_find_objective (self, koers_key_result_get_objective_id (r->kr)) : NULL;
  r->keep = r->latest != NULL && koers_checkin_is_at_risk (r->latest) && objective != NULL &&
            koers_objective_get_kind (objective) == KOERS_OBJECTIVE_KIND_COMMITTED;
  if (!r->keep)
    g_ptr_array_set_size (r->list, 0);
}

/* Oldest first, as a key result's list is: by day, then creation, then id. */
static int
compare_ranked_points (gconstpointer a,
                       gconstpointer b)
{
  const RankedPoint *pa = a;
  const RankedPoint *pb = b;

  if (pa->point.julian_day != pb->point.julian_day)
    return pa->point.julian_day < pb->point.julian_day ? -1 : 1;
  if (pa->created != pb->created)
    return pa->created < pb->created ? -1 : 1;
  if (pa->id != pb->id)
    return pa->id < pb->id ? -1 : 1;
  return 0;
}

static void
flush_summary (KoersStore    *self,
               SummaryReader *r)
{
  decide_list (self, r);
  if (r->kr != NULL)
    {
      /* The sparkline reads left to right. */
      g_array_sort (r->ranked, compare_ranked_points);
      g_array_set_size (r->points, 0);
      for (guint i = 0; i < r->ranked->len; i++)
        g_array_append_val (r->points, g_array_index (r->ranked, RankedPoint, i).point);
      koers_key_result_set_checkin_summary (r->kr, r->n, r->latest,
                                            r->n > 0 ? r->first_date->str : NULL,
                                            (KoersCheckinPoint *) (gpointer) r->points->data,
                                            r->points->len);
      r->n_flushed++;
      /* The whole list, as koers_store_read_checkin_list() reads it. */
      if (r->keep > 0 && r->list->len > 0)
        {
          g_ptr_array_sort (r->list, compare_oldest_first);
          give_checkins (self, r->kr, r->list);
        }
    }

  if (r->list != NULL)
    g_ptr_array_set_size (r->list, 0);
  r->keep = -1;
  r->kr = NULL;
  r->n = 0;
  g_clear_object (&r->latest);
  g_array_set_size (r->ranked, 0);
}

/* The row as the key result's latest check-in. */
static void
take_latest (SummaryReader *r,
             KoersDbStmt   *stmt,
             const char    *date,
             gint64         created,
             gint64         id)
{
  g_clear_object (&r->latest);
  r->latest = g_object_new (KOERS_TYPE_CHECKIN, NULL);
  koers_entity_read_row (&koers_entity_checkin, stmt, 0, G_OBJECT (r->latest));
  if (r->list != NULL)
    g_ptr_array_add (r->list, g_object_ref (r->latest));
  g_string_assign (r->latest_date, date);
  r->latest_created = created;
  r->latest_id = id;
}

/* The row as a check-in of the list being gathered. */
static void
add_row (SummaryReader *r,
         KoersDbStmt   *stmt)
{
  KoersCheckin *checkin = g_object_new (KOERS_TYPE_CHECKIN, NULL);

  koers_entity_read_row (&koers_entity_checkin, stmt, 0, G_OBJECT (checkin));
  g_ptr_array_add (r->list, checkin);
}

/* Rows by key result, newest day first; check-ins of one day in any
 * order (the index on (key_result_id, date) read backwards, without a
 * sort of every row: that sort was a third of the query).  The latest
 * check-in, the newest day's last made, is the only one made into an
 * object; every row gives a point. */
static gboolean
read_summaries (KoersStore  *self,
                KoersDbStmt *stmt,
                gboolean     at_risk,
                guint       *n_flushed,
                GError     **error)
{
  SummaryReader r = { 0 };
  int           rc;

  r.kr_id = -1;
  r.keep = -1;
  if (at_risk)
    r.list = g_ptr_array_new_with_free_func (g_object_unref);
  r.first_date = g_string_new (NULL);
  r.latest_date = g_string_new (NULL);
  r.ranked = g_array_new (FALSE, FALSE, sizeof (RankedPoint));
  r.points = g_array_new (FALSE, FALSE, sizeof (KoersCheckinPoint));

  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      gint64      id = koers_db_column_int64 (stmt, 0);
      gint64      kr_id = koers_db_column_int64 (stmt, 2);
      const char *date = koers_store_column_text (stmt, 3);
      gint64      created = koers_db_column_int64 (stmt, 8);
      RankedPoint ranked;

      if (kr_id != r.kr_id)
        {
          KoersKeyResult *kr = koers_store_find_key_result (self, kr_id);

          flush_summary (self, &r);
          r.kr_id = kr_id;
          /* A list read already is the truth. */
          if (kr == NULL || koers_key_result_get_checkins_loaded (kr))
            continue;
          r.kr = kr;
          take_latest (&r, stmt, date, created, id);
        }
      else if (r.kr != NULL && strcmp (date, r.latest_date->str) == 0)
        {
          if (created > r.latest_created || (created == r.latest_created && id > r.latest_id))
            take_latest (&r, stmt, date, created, id);
          else if (r.list != NULL)
            add_row (&r, stmt);
        }
      else if (r.kr != NULL)
        {
          /* An older day: the latest is known. */
          decide_list (self, &r);
          if (r.keep > 0)
            add_row (&r, stmt);
        }
      if (r.kr == NULL)
        continue;

      r.n++;
      /* The oldest day comes last. */
      g_string_assign (r.first_date, date);
      /* The quality check draws no sparkline: parsing every row's date
       * for one was a tenth of its load. */
      if (at_risk)
        continue;
      ranked.created = created;
      ranked.id = id;
      if (koers_checkin_point_init (&ranked.point, date, koers_db_column_double (stmt, 4)))
        g_array_append_val (r.ranked, ranked);
    }
  flush_summary (self, &r);

  g_clear_pointer (&r.list, g_ptr_array_unref);
  g_string_free (r.first_date, TRUE);
  g_string_free (r.latest_date, TRUE);
  g_array_unref (r.ranked);
  g_array_unref (r.points);
  if (n_flushed != NULL)
    *n_flushed = r.n_flushed;

  return koers_store_rows_ended (self, rc, error);
}

/* Hands a key result the check-ins gathered for it (oldest first), newest
 * first and indexed, in one splice. */
static void
give_checkins (KoersStore     *self,
               KoersKeyResult *kr,
               GPtrArray      *oldest_first)
{
  g_autoptr (GPtrArray) newest_first = g_ptr_array_new_full (oldest_first->len, NULL);

  for (guint i = oldest_first->len; i > 0; i--)
    {
      KoersCheckin *checkin = g_ptr_array_index (oldest_first, i - 1);

      g_ptr_array_add (newest_first, checkin);
      koers_store_index (self, checkin, kr);
    }
  koers_key_result_splice_checkins (kr, newest_first);
  g_ptr_array_set_size (oldest_first, 0);
}

/* Rows oldest first, by key result: each key result's list in one splice
 * (one at a time would cost time quadratic in its number of check-ins).
 * Key results whose list is read already keep it. */
static gboolean
read_lists (KoersStore  *self,
            KoersDbStmt *stmt,
            GError     **error)
{
  g_autoptr (GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  KoersKeyResult *kr = NULL;
  int             rc;

  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      KoersCheckin   *checkin;
      KoersKeyResult *owner;

      if (koers_store_find_checkin (self, koers_db_column_int64 (stmt, 0)) != NULL)
        continue;
      owner = koers_store_find_key_result (self, koers_db_column_int64 (stmt, 2));
      if (owner == NULL)
        return koers_store_set_orphan_error (self, error);
      if (owner != kr && batch->len > 0)
        give_checkins (self, kr, batch);
      kr = owner;
      if (koers_key_result_get_checkins_loaded (owner) &&
          g_list_model_get_n_items (koers_key_result_peek_checkins (owner)) > 0)
        continue;

      checkin = g_object_new (KOERS_TYPE_CHECKIN, NULL);
      koers_entity_read_row (&koers_entity_checkin, stmt, 0, G_OBJECT (checkin));
      g_ptr_array_add (batch, checkin);
    }

  if (!koers_store_rows_ended (self, rc, error))
    return FALSE;

  if (batch->len > 0)
    give_checkins (self, kr, batch);
  return TRUE;
}

gboolean
koers_store_load_period_checkins (KoersStore *self,
                                  const char *period,
                                  GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;

  /* A store opened whole holds every list, as it always did. */
  if (!self->lazy)
    {
      stmt = koers_store_prepare_load (self, &koers_entity_checkin, period,
                                       PERIOD_CHECKINS " ORDER BY key_result_id, date, created, id",
                                       "FROM checkins ORDER BY key_result_id, date, created, id",
                                       error);
      return stmt != NULL && read_lists (self, stmt, error);
    }

  g_return_val_if_fail (period != NULL, FALSE);

  if (self->period_checkins == KOERS_STORE_CHECKINS_NONE)
    return TRUE;
  /* The lists at once, rather than summaries first and the lists after. */
  if (self->period_checkins == KOERS_STORE_CHECKINS_LISTS)
    {
      stmt = koers_store_prepare_load (self, &koers_entity_checkin, period,
                                       PERIOD_CHECKINS " ORDER BY key_result_id, date, created, id",
                                       NULL, error);
      return stmt != NULL && read_lists (self, stmt, error);
    }

  /* The index on (key_result_id, date) read backwards: read_summaries()
   * orders the check-ins of one day itself. */
  stmt = koers_store_prepare_load (self, &koers_entity_checkin, period,
                                   PERIOD_CHECKINS " ORDER BY key_result_id DESC, date DESC", NULL,
                                   error);
  return stmt != NULL &&
         read_summaries (self, stmt, self->period_checkins == KOERS_STORE_CHECKINS_SUMMARIES_AT_RISK,
                         NULL, error);
}

KoersStoreCheckins
koers_store_set_period_checkins (KoersStore        *self,
                                 KoersStoreCheckins what)
{
  KoersStoreCheckins old;

  g_return_val_if_fail (KOERS_IS_STORE (self), KOERS_STORE_CHECKINS_SUMMARIES);

  old = self->period_checkins;
  self->period_checkins = what;
  return old;
}

/* A key result's check-ins, newest first: one indexed query. */
static KoersDbStmt *
prepare_checkins_of (KoersStore     *self,
                     KoersKeyResult *kr,
                     GError        **error)
{
  KoersDbStmt *stmt = koers_store_prepare_select (self, &koers_entity_checkin,
                                                  "FROM checkins WHERE key_result_id = ?1"
                                                  " ORDER BY date DESC, created DESC, id DESC",
                                                  error);

  if (stmt != NULL)
    koers_db_bind_int64 (stmt, 1, koers_key_result_get_id (kr));
  return stmt;
}

gboolean
koers_store_refresh_checkin_summary (KoersStore     *self,
                                     KoersKeyResult *kr,
                                     GError        **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  guint n_flushed = 0;

  if (koers_key_result_get_checkins_loaded (kr))
    return TRUE;

  stmt = prepare_checkins_of (self, kr, error);
  if (stmt == NULL)
    return FALSE;
  if (!read_summaries (self, stmt, FALSE, &n_flushed, error))
    return FALSE;

  /* No rows: none left. */
  if (n_flushed == 0)
    koers_key_result_set_checkin_summary (kr, 0, NULL, NULL, NULL, 0);
  return TRUE;
}

/* The loader each key result of the store gets: one indexed query for
 * its list, the check-ins indexed as a period's load indexes them. */
GPtrArray *
koers_store_read_checkin_list (KoersKeyResult *kr,
                               gpointer        user_data,
                               GError        **error)
{
  g_autoptr (KoersStore) self = g_weak_ref_get (user_data);
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) newest_first = NULL;
  int rc;

  /* Gone: the key result keeps its summary. */
  if (self == NULL || self->db == NULL)
    return NULL;

  stmt = prepare_checkins_of (self, kr, error);
  if (stmt == NULL)
    return NULL;

  newest_first = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      KoersCheckin *checkin = koers_store_find_checkin (self, koers_db_column_int64 (stmt, 0));

      if (checkin != NULL)
        g_object_ref (checkin);
      else
        {
          checkin = g_object_new (KOERS_TYPE_CHECKIN, NULL);
          koers_entity_read_row (&koers_entity_checkin, stmt, 0, G_OBJECT (checkin));
          koers_store_index (self, checkin, kr);
        }
      g_ptr_array_add (newest_first, checkin);
    }

  return koers_store_rows_ended (self, rc, error) ? g_steal_pointer (&newest_first) : NULL;
}

gboolean
koers_store_load_checkins (KoersStore *self,
                           GError    **error)
{
  g_autoptr (GPtrArray) unread = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GString) ids = g_string_new ("[");
  g_autoptr (KoersDbStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer       value;
  gboolean       ok;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);

  g_hash_table_iter_init (&iter, self->key_result_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!koers_key_result_get_checkins_loaded (value))
      {
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, unread->len > 0 ? "," : "",
                                koers_key_result_get_id (value));
        g_ptr_array_add (unread, g_object_ref (value));
      }
  g_string_append_c (ids, ']');
  if (unread->len == 0)
    return TRUE;

  stmt = koers_store_prepare_select (self, &koers_entity_checkin,
                                     "FROM checkins WHERE key_result_id IN (SELECT value FROM json_each (?1))"
                                     " ORDER BY key_result_id, date, created, id",
                                     error);
  if (stmt == NULL)
    return FALSE;
  koers_store_bind_text (stmt, 1, ids->str);

  if (!koers_store_begin_read (self, error))
    return FALSE;
  ok = read_lists (self, stmt, error);
  koers_store_end_read (self);
  if (!ok)
    return FALSE;

  /* Those without a row have none: an empty list, read. */
  for (guint i = 0; i < unread->len; i++)
    {
      KoersKeyResult *kr = g_ptr_array_index (unread, i);
      g_autoptr (GPtrArray) none = g_ptr_array_new ();

      if (!koers_key_result_get_checkins_loaded (kr))
        koers_key_result_splice_checkins (kr, none);
    }
  return TRUE;
}

void
koers_store_read_checkins_of (KoersObjective *objective)
{
  GListModel *krs = koers_objective_get_key_results (objective);
  guint       n = g_list_model_get_n_items (krs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      koers_key_result_get_checkins (kr);
    }
}
