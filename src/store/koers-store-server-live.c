/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>

#include "koers-store-private.h"
#include "koers-store-server.h"

/* Other writers on the company server.  A file is asked on a timer
 * whether someone committed (PRAGMA data_version); the server says so
 * itself: every write NOTIFYs KOERS_SERVER_CHANNEL (the change log's
 * trigger), and a source on the connection's socket in the main loop
 * wakes up for it and runs the same catch-up from the change log
 * (koers_store_catch_up()).  Notifications that libpq read while the
 * store ran its own statements wait in libpq's queue, where a short
 * timer finds them.  A lost connection is tried again with a growing
 * delay; once back, the store listens again and catches up with
 * everything it missed meanwhile.  Connecting again runs step by step
 * on the socket's readiness in the main loop: the window keeps drawing
 * while a server is down or unreachable. */

#define POLL_INTERVAL_MS 500
#define FIRST_RETRY_MS 250
#define LAST_RETRY_MS 16000
#define ATTEMPT_TIMEOUT_MS 10000

static void lose_connection (KoersStore *self);

static void
check_notifies (KoersStore *self)
{
  g_autoptr (GError) error = NULL;
  int n;

  if (self->reconnect_id != 0 || self->reconnecting)
    return;
  n = koers_db_pg_consume_notifies (self->db);
  if (n < 0)
    {
      lose_connection (self);
      return;
    }
  self->missed_notify |= n > 0;
  /* Not in the middle of one of our own transactions. */
  if (!self->missed_notify || !koers_db_get_autocommit (self->db))
    return;
  self->missed_notify = FALSE;
  if (!koers_store_catch_up (self, &error))
    g_debug ("Could not read the changes of others: %s", error->message);
}

static gboolean
socket_cb (int          fd,
           GIOCondition condition,
           gpointer     user_data)
{
  check_notifies (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
poll_cb (gpointer user_data)
{
  check_notifies (user_data);
  return G_SOURCE_CONTINUE;
}

/* LISTEN on the (new) connection, and its socket in the main loop. */
static gboolean
start_listening (KoersStore *self)
{
  g_autoptr (GError) error = NULL;

  if (!koers_store_exec (self, "LISTEN " KOERS_SERVER_CHANNEL, &error))
    {
      g_debug ("Could not listen to the server: %s", error->message);
      return FALSE;
    }
  g_clear_handle_id (&self->listen_id, g_source_remove);
  self->listen_id = g_unix_fd_add (koers_db_pg_get_socket (self->db),
                                   G_IO_IN | G_IO_HUP | G_IO_ERR, socket_cb, self);
  return TRUE;
}

static gboolean reconnect_cb (gpointer user_data);
static void     continue_attempt (KoersStore   *self,
                                  KoersDbPgPoll status);

/* The next try after a growing delay. */
static void
fail_attempt (KoersStore *self)
{
  g_clear_handle_id (&self->listen_id, g_source_remove);
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  self->reconnecting = FALSE;
  self->retry_ms = MIN (self->retry_ms * 2, LAST_RETRY_MS);
  g_debug ("The server is not back; trying again in %u ms", self->retry_ms);
  self->reconnect_id = g_timeout_add (self->retry_ms, reconnect_cb, self);
}

static void
finish_attempt (KoersStore *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  /* Still reconnecting while it listens: a failure here is this
   * attempt's, not a new loss. */
  if (self->watch_id != 0 && !start_listening (self))
    {
      fail_attempt (self);
      return;
    }
  self->reconnecting = FALSE;

  g_debug ("Connected to the server again; catching up from change %" G_GINT64_FORMAT,
           self->last_seq);
  if (!koers_store_catch_up (self, &error))
    g_debug ("Could not read the changes of others: %s", error->message);
  g_clear_error (&error);
  /* An administrator may have changed the person's role while the
   * connection was down: what the window offers follows the server's. */
  if (!koers_store_server_read_role (self, &error))
    g_debug ("Could not read the role again: %s", error->message);
  koers_store_emit_connection_changed (self);
}

static gboolean
attempt_socket_cb (int          fd,
                   GIOCondition condition,
                   gpointer     user_data)
{
  KoersStore *self = user_data;

  self->listen_id = 0;
  continue_attempt (self, koers_db_pg_reconnect_poll (self->db));
  return G_SOURCE_REMOVE;
}

/* libpq gives up on an unreachable host only when the system does (minutes
 * for a dropped TCP handshake); a try that has not finished by then counts
 * as failed. */
static gboolean
attempt_timeout_cb (gpointer user_data)
{
  KoersStore *self = user_data;

  self->reconnect_id = 0;
  fail_attempt (self);
  return G_SOURCE_REMOVE;
}

/* One step of a try: wait for the socket in the main loop, never in libpq. */
static void
continue_attempt (KoersStore   *self,
                  KoersDbPgPoll status)
{
  int fd = koers_db_pg_get_socket (self->db);

  g_clear_handle_id (&self->listen_id, g_source_remove);
  if (status == KOERS_DB_PG_OK)
    finish_attempt (self);
  else if (status == KOERS_DB_PG_FAILED || fd < 0)
    fail_attempt (self);
  else
    self->listen_id = g_unix_fd_add (fd,
                                     (status == KOERS_DB_PG_READING ? G_IO_IN : G_IO_OUT) | G_IO_HUP | G_IO_ERR,
                                     attempt_socket_cb, self);
}

static gboolean
reconnect_cb (gpointer user_data)
{
  KoersStore *self = user_data;

  self->reconnect_id = g_timeout_add (ATTEMPT_TIMEOUT_MS, attempt_timeout_cb, self);
  self->reconnecting = TRUE;
  continue_attempt (self, koers_db_pg_reconnect_start (self->db));
  return G_SOURCE_REMOVE;
}

static void
lose_connection (KoersStore *self)
{
  if (self->reconnect_id != 0 || self->reconnecting)
    return;
  g_debug ("Lost the connection to the server");
  g_clear_handle_id (&self->listen_id, g_source_remove);
  self->retry_ms = FIRST_RETRY_MS;
  self->reconnect_id = g_timeout_add (self->retry_ms, reconnect_cb, self);
  koers_store_emit_connection_changed (self);
}

void
koers_store_server_listen (KoersStore *self)
{
  if (self->watch_id != 0)
    return;
  self->watch_id = g_timeout_add (POLL_INTERVAL_MS, poll_cb, self);
  if (!start_listening (self))
    lose_connection (self);
}

void
koers_store_server_stop_listening (KoersStore *self)
{
  g_clear_handle_id (&self->listen_id, g_source_remove);
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  self->reconnecting = FALSE;
}

gboolean
koers_store_get_connected (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);

  return !koers_store_is_server (self) || (self->reconnect_id == 0 && !self->reconnecting);
}

gboolean
koers_store_server_explain_error (KoersStore *self,
                                  int         rc,
                                  GError    **error)
{
  g_autofree char *display = NULL;

  if (rc != KOERS_DB_CONNECTION && (rc & 0xff) != KOERS_DB_PERM)
    return FALSE;

  display = koers_store_server_display_uri (self->path);
  if (rc == KOERS_DB_CONNECTION)
    {
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                   /* Translators: %s is a connection address, postgresql://host/database. */
                   _ ("The connection to the server “%s” was lost; this change was not saved. "
                      "Koers connects again by itself: try again in a moment."),
                   display);
      lose_connection (self);
    }
  else
    g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                 /* Translators: %s is a connection address, postgresql://host/database. */
                 _ ("The server “%s” does not let your role change this; the change was not "
                    "saved. Ask a Koers administrator for the role you need."),
                 display);
  return TRUE;
}
