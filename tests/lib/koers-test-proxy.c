/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "koers-test-proxy.h"

typedef struct
{
  int client;
  int upstream;
} Pair;

typedef struct
{
  int    fd;
  gint64 until; /* monotonic µs */
} Held;

struct _KoersTestProxy
{
  GThread *thread;
  int      listen_fd;
  int      wake[2]; /* a byte wakes the thread for a command */
  int      port;

  GMutex   lock; /* the fields below */
  gboolean holding;
  guint    hold_ms;
  guint    n_held;
  gboolean cut;     /* close the forwarded connections */
  gboolean release; /* close the held ones */
  gboolean quit;

  /* The thread's own. */
  GArray *pairs; /* Pair */
  GArray *held;  /* Held */
};

static void
wake_thread (KoersTestProxy *self)
{
  char byte = 0;

  while (write (self->wake[1], &byte, 1) < 0 && errno == EINTR)
    ;
}

/* Connects fd to address; closes it (-1) when that fails. */
static int
connect_or_close (int                    fd,
                  const struct sockaddr *address,
                  socklen_t              length)
{
  if (fd >= 0 && connect (fd, address, length) != 0)
    {
      close (fd);
      return -1;
    }
  return fd;
}

static int
connect_upstream (void)
{
  const char      *host = g_getenv ("PGHOST") != NULL ? g_getenv ("PGHOST") : "localhost";
  const char      *port = g_getenv ("PGPORT") != NULL ? g_getenv ("PGPORT") : "5432";
  struct addrinfo  hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM };
  struct addrinfo *found = NULL;
  int              fd = -1;

  if (host[0] == '/')
    {
      struct sockaddr_un address = { .sun_family = AF_UNIX };

      g_snprintf (address.sun_path, sizeof address.sun_path, "%s/.s.PGSQL.%s", host, port);
      return connect_or_close (socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0),
                               (struct sockaddr *) &address, sizeof address);
    }
  if (getaddrinfo (host, port, &hints, &found) != 0)
    return -1;
  for (struct addrinfo *a = found; a != NULL && fd < 0; a = a->ai_next)
    {
      fd = connect_or_close (socket (a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol),
                             a->ai_addr, a->ai_addrlen);
    }
  freeaddrinfo (found);
  return fd;
}

static gboolean
write_all (int         fd,
           const char *data,
           gssize      size)
{
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      size -= n;
    }
  return TRUE;
}

/* Copies what from has to to; FALSE when either side is gone. */
static gboolean
pass_on (int from,
         int to)
{
  char   buffer[16384];
  gssize n = read (from, buffer, sizeof buffer);

  return n > 0 && write_all (to, buffer, n);
}

static void
close_pairs (KoersTestProxy *self)
{
  for (guint i = 0; i < self->pairs->len; i++)
    {
      Pair *pair = &g_array_index (self->pairs, Pair, i);

      close (pair->client);
      close (pair->upstream);
    }
  g_array_set_size (self->pairs, 0);
}

static void
close_held (KoersTestProxy *self,
            gint64          now)
{
  for (guint i = self->held->len; i-- > 0;)
    if (now < 0 || g_array_index (self->held, Held, i).until <= now)
      {
        close (g_array_index (self->held, Held, i).fd);
        g_array_remove_index (self->held, i);
      }
}

static void
accept_client (KoersTestProxy *self,
               gboolean        holding,
               guint           hold_ms)
{
  int fd = accept (self->listen_fd, NULL, NULL);

  if (fd < 0)
    return;
  if (holding)
    {
      Held held = { fd, g_get_monotonic_time () + hold_ms * G_GINT64_CONSTANT (1000) };

      g_array_append_val (self->held, held);
      g_mutex_lock (&self->lock);
      self->n_held++;
      g_mutex_unlock (&self->lock);
    }
  else
    {
      Pair pair = { fd, connect_upstream () };

      if (pair.upstream < 0)
        close (fd);
      else
        g_array_append_val (self->pairs, pair);
    }
}

static gpointer
run_proxy (gpointer data)
{
  KoersTestProxy *self = data;
  g_autoptr (GArray) fds = g_array_new (FALSE, TRUE, sizeof (struct pollfd));

  for (;;)
    {
      gboolean holding;
      guint    hold_ms;
      int      timeout = -1;
      char     drained[64];

      g_mutex_lock (&self->lock);
      if (self->cut || self->quit)
        close_pairs (self);
      if (self->release || self->quit)
        close_held (self, -1);
      self->cut = self->release = FALSE;
      holding = self->holding;
      hold_ms = self->hold_ms;
      g_mutex_unlock (&self->lock);
      if (self->quit)
        return NULL;

      g_array_set_size (fds, 2 + 2 * self->pairs->len);
      g_array_index (fds, struct pollfd, 0) = (struct pollfd){ self->listen_fd, POLLIN, 0 };
      g_array_index (fds, struct pollfd, 1) = (struct pollfd){ self->wake[0], POLLIN, 0 };
      for (guint i = 0; i < self->pairs->len; i++)
        {
          Pair *pair = &g_array_index (self->pairs, Pair, i);

          g_array_index (fds, struct pollfd, 2 + 2 * i) = (struct pollfd){ pair->client, POLLIN, 0 };
          g_array_index (fds, struct pollfd, 3 + 2 * i) = (struct pollfd){ pair->upstream, POLLIN, 0 };
        }
      for (guint i = 0; i < self->held->len; i++)
        {
          gint64 left = g_array_index (self->held, Held, i).until - g_get_monotonic_time ();

          left = MAX (left / 1000, 0) + 1;
          timeout = timeout < 0 ? (int) left : MIN (timeout, (int) left);
        }

      if (poll ((struct pollfd *) fds->data, fds->len, timeout) < 0 && errno != EINTR)
        g_error ("proxy: poll: %s", g_strerror (errno));

      if (g_array_index (fds, struct pollfd, 1).revents != 0)
        while (read (self->wake[0], drained, sizeof drained) < 0 && errno == EINTR)
          ;
      close_held (self, g_get_monotonic_time ());
      /* Back to front: a closed pair is removed without moving the
       * ones still to look at. */
      for (guint i = self->pairs->len; i-- > 0;)
        {
          Pair    *pair = &g_array_index (self->pairs, Pair, i);
          short    from_client = g_array_index (fds, struct pollfd, 2 + 2 * i).revents;
          short    from_server = g_array_index (fds, struct pollfd, 3 + 2 * i).revents;
          gboolean open = TRUE;

          if (from_client != 0)
            open = pass_on (pair->client, pair->upstream);
          if (open && from_server != 0)
            open = pass_on (pair->upstream, pair->client);
          if (!open)
            {
              close (pair->client);
              close (pair->upstream);
              g_array_remove_index (self->pairs, i);
            }
        }
      if (g_array_index (fds, struct pollfd, 0).revents != 0)
        accept_client (self, holding, hold_ms);
    }
}

KoersTestProxy *
koers_test_proxy_new (void)
{
  KoersTestProxy    *self = g_new0 (KoersTestProxy, 1);
  struct sockaddr_in address = { .sin_family = AF_INET, .sin_addr.s_addr = htonl (INADDR_LOOPBACK) };
  socklen_t          length = sizeof address;
  g_autoptr (GError) error = NULL;

  self->listen_fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  g_assert_cmpint (self->listen_fd, >=, 0);
  g_assert_cmpint (bind (self->listen_fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  g_assert_cmpint (listen (self->listen_fd, 16), ==, 0);
  g_assert_cmpint (getsockname (self->listen_fd, (struct sockaddr *) &address, &length), ==, 0);
  self->port = ntohs (address.sin_port);
  g_assert_true (g_unix_open_pipe (self->wake, FD_CLOEXEC, &error));
  g_assert_no_error (error);
  g_mutex_init (&self->lock);
  self->pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  self->held = g_array_new (FALSE, FALSE, sizeof (Held));
  self->thread = g_thread_new ("koers-test-proxy", run_proxy, self);
  return self;
}

void
koers_test_proxy_free (KoersTestProxy *self)
{
  g_mutex_lock (&self->lock);
  self->quit = TRUE;
  g_mutex_unlock (&self->lock);
  wake_thread (self);
  g_thread_join (self->thread);
  close (self->listen_fd);
  close (self->wake[0]);
  close (self->wake[1]);
  g_array_unref (self->pairs);
  g_array_unref (self->held);
  g_mutex_clear (&self->lock);
  g_free (self);
}

int
koers_test_proxy_get_port (KoersTestProxy *self)
{
  return self->port;
}

void
koers_test_proxy_hold (KoersTestProxy *self,
                       guint           hold_ms)
{
  g_mutex_lock (&self->lock);
  self->holding = TRUE;
  self->hold_ms = hold_ms;
  self->cut = TRUE;
  g_mutex_unlock (&self->lock);
  wake_thread (self);
}

void
koers_test_proxy_forward (KoersTestProxy *self)
{
  g_mutex_lock (&self->lock);
  self->holding = FALSE;
  self->release = TRUE;
  g_mutex_unlock (&self->lock);
  wake_thread (self);
}

guint
koers_test_proxy_get_n_held (KoersTestProxy *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->n_held;
  g_mutex_unlock (&self->lock);
  return n;
}
