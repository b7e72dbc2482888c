/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who this process writes into the change log (koers_store_set_author()):
 * the "author-name" setting when it is not empty, else the name of the
 * account (its real name, or its user name when the system has none). */

/* The account's real name, else its user name. */
char *koers_author_get_account_name (void);
/* setting: the "author-name" value ("" or NULL: the account's name). */
char *koers_author_resolve (const char *setting);
/* The author from the installed settings schema (the account's name when
 * the schema is not installed, as in an uninstalled build run by hand). */
char *koers_author_get_name (void);

G_END_DECLS
