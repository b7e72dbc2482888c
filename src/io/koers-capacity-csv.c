/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/koers-department.h"
#include "core/koers-enums.h"
#include "core/koers-resource-request.h"
#include "koers-capacity-csv.h"
#include "koers-csv.h"

static void
format_number (char  *buffer,
               gsize  size,
               double value)
{
  g_ascii_formatd (buffer, size, "%.2f", value);
  /* 12.00 -> 12, 12.50 -> 12.5 */
  if (strchr (buffer, '.') != NULL)
    {
      gsize n = strlen (buffer);

      while (n > 0 && buffer[n - 1] == '0')
        buffer[--n] = '\0';
      if (n > 0 && buffer[n - 1] == '.')
        buffer[--n] = '\0';
    }
}

char *
koers_capacity_requests_to_csv (KoersStore *store,
                                GPtrArray  *objectives)
{
  GString    *out = g_string_new (NULL);
  const char *heading[] = {
    _ ("Department"),
    _ ("Objective"),
    _ ("Kind"),
    _ ("Effort (person-days)"),
    _ ("Requested person-days"),
    _ ("Requested budget (EUR)"),
    _ ("Reason"),
    _ ("Answer"),
    _ ("Note"),
  };

  koers_csv_append_row (out, heading, G_N_ELEMENTS (heading));
  for (guint i = 0; i < objectives->len; i++)
    {
      KoersObjective   *objective = g_ptr_array_index (objectives, i);
      KoersDepartment  *department = koers_store_find_department (store,
                                                                  koers_objective_get_department_id (objective));
      char              effort[G_ASCII_DTOSTR_BUF_SIZE];
      char              days[G_ASCII_DTOSTR_BUF_SIZE];
      char              budget[G_ASCII_DTOSTR_BUF_SIZE];
      KoersRequestState state = koers_objective_get_request_state (objective);
      const char       *fields[9];

      format_number (effort, sizeof effort, koers_objective_get_effort_days (objective));
      format_number (days, sizeof days, koers_objective_get_request_days (objective));
      format_number (budget, sizeof budget, koers_objective_get_request_budget (objective));
      fields[0] = department != NULL ? koers_department_get_name (department) : "";
      fields[1] = koers_objective_get_title (objective);
      fields[2] = koers_objective_kind_get_label (koers_objective_get_kind (objective));
      fields[3] = effort;
      fields[4] = days;
      fields[5] = budget;
      fields[6] = koers_objective_get_request_reason (objective);
      fields[7] = koers_request_state_get_label (state);
      fields[8] = koers_objective_get_request_note (objective);
      koers_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return g_string_free (out, FALSE);
}

gboolean
koers_capacity_requests_export (KoersStore *store,
                                GPtrArray  *objectives,
                                GFile      *file,
                                GError    **error)
{
  g_autofree char *csv = koers_capacity_requests_to_csv (store, objectives);

  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                  error);
}
