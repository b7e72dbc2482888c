/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* Preferences → Database: the choice between the file on this computer
 * and the company server, the server's address in fields (host, port,
 * database, user, TLS), "Test" (whether it connects, and as which role,
 * in a sentence) and "Open This Database".  Nothing is kept until Open:
 * then GSettings "use-server" and "server-uri" remember the choice for
 * the next start, and ::open asks for the database in the window (the
 * server's password is asked first when it wants one).  store: the
 * database open now. */
#define KOERS_TYPE_SERVER_PAGE (koers_server_page_get_type ())
G_DECLARE_FINAL_TYPE (KoersServerPage, koers_server_page, KOERS, SERVER_PAGE, AdwPreferencesPage)

GtkWidget *koers_server_page_new (KoersStore *store,
                                  GSettings  *settings);
/* The address the fields make (postgresql://…). */
char *koers_server_page_get_uri (KoersServerPage *self);

G_END_DECLS
