/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A TCP proxy in a thread of its own, between a store and the test
 * server (PGHOST, PGPORT): it forwards, or it plays a server that does
 * not answer.  A test cuts a store's connection with it and makes the
 * store's next tries hang as on an unreachable host, which a test cannot
 * do to the real server without stopping it for every other test. */

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KoersTestProxy KoersTestProxy;

/* Listens on 127.0.0.1 (a port the kernel picks) and forwards. */
KoersTestProxy *koers_test_proxy_new (void);
void            koers_test_proxy_free (KoersTestProxy *proxy);
int             koers_test_proxy_get_port (KoersTestProxy *proxy);
/* Closes every connection it forwards, and from now on accepts new ones
 * without ever answering (each is closed after hold_ms, so a client that
 * waits for it blocked comes back). */
void koers_test_proxy_hold (KoersTestProxy *proxy,
                            guint           hold_ms);
/* Closes the connections it holds and forwards again. */
void koers_test_proxy_forward (KoersTestProxy *proxy);
/* How many connections it accepted while holding. */
guint koers_test_proxy_get_n_held (KoersTestProxy *proxy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersTestProxy, koers_test_proxy_free)

G_END_DECLS
