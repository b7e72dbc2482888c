/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-json-private.h"
#include "koers-json.h"

/* A file the window gets without a local path (a remote location; the
 * document portal does give a path, and such a file is streamed) is read
 * whole into memory: only a regular file, and never more than
 * KOERS_JSON_MAX_FILE_SIZE, so that /dev/zero, a pipe or a file that keeps
 * growing cannot fill the memory. */

#define READ_CHUNK (64 * 1024)

static GBytes *
set_too_large (GError **error)
{
  g_set_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_TOO_LARGE,
               _ ("The file is larger than %d MB"), KOERS_JSON_MAX_FILE_SIZE / (1024 * 1024));
  return NULL;
}

void
koers_json_set_not_regular (GError    **error,
                            const char *name)
{
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               _ ("“%s” is not a regular file. Koers imports from a file, not from a folder, a "
                  "device or a pipe: choose a JSON export file."),
               name);
}

GBytes *
koers_json_load_file (GFile   *file,
                      GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) input = NULL;
  g_autoptr (GByteArray) data = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Before it is opened: opening a pipe waits for a writer. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      koers_json_set_not_regular (error, name);
      return NULL;
    }
  if (g_file_info_get_size (info) > KOERS_JSON_MAX_FILE_SIZE)
    return set_too_large (error);

  input = g_file_read (file, NULL, error);
  if (input == NULL)
    return NULL;

  /* Read up to one byte beyond the limit: a file that grew past it since
   * the look is refused too. */
  data = g_byte_array_new ();
  for (;;)
    {
      gsize  offset = data->len;
      gssize n;

      g_byte_array_set_size (data, offset + READ_CHUNK);
      n = g_input_stream_read (G_INPUT_STREAM (input), data->data + offset, READ_CHUNK, NULL,
                               error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (data, offset + n);
      if (n == 0)
        break;
      if (data->len > KOERS_JSON_MAX_FILE_SIZE)
        return set_too_large (error);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
