/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-store-private.h"

/* The time of the newest row of the change log: what a published page
 * calls "data as of", the same for the same data whenever it is written. */
gboolean
koers_store_get_last_change_time (KoersStore *self,
                                  gint64     *out_usec,
                                  GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_usec != NULL, FALSE);

  *out_usec = 0;
  stmt = koers_store_prepare (self, "SELECT at FROM changes ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;

  rc = koers_db_step (stmt);
  if (rc == KOERS_DB_ROW)
    *out_usec = koers_db_column_int64 (stmt, 0);
  else if (!koers_store_rows_ended (self, rc, error))
    return FALSE;

  return TRUE;
}
