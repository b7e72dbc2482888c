/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* Reminders of what is due (the check-in rhythm): a desktop notification
 * (GNotification, action app.show-due) when Koers starts with something
 * due and on the check-in day, at most once a day; and "Remind me when
 * Koers is closed": autostart at login with --hidden, through the
 * Background portal in a sandbox (org.freedesktop.portal.Background over
 * D-Bus), else an XDG autostart entry in ~/.config/autostart. */
#define KOERS_TYPE_REMINDERS (koers_reminders_get_type ())
G_DECLARE_FINAL_TYPE (KoersReminders, koers_reminders, KOERS, REMINDERS, GObject)

/* settings (nullable): remembers the day of the last reminder. */
KoersReminders *koers_reminders_new (GApplication *application,
                                     GSettings    *settings);
/* The database whose due items it counts (read on a connection of its own). */
void koers_reminders_set_database (KoersReminders *self,
                                   const char     *path);
/* The store to count in instead (the application's; NULL: none). */
void koers_reminders_set_store (KoersReminders *self,
                                KoersStore     *store);
/* Counts what is due today and notifies when something is and no reminder
 * came today; any_day FALSE: only on the check-in day.  TRUE when sent. */
gboolean koers_reminders_check (KoersReminders *self,
                                gboolean        any_day);
/* Checks (any day) after delay_seconds, then every hour (check-in day). */
void koers_reminders_start (KoersReminders *self,
                            guint           delay_seconds);
/* Asks for autostart at login (or withdraws it). */
void koers_reminders_set_autostart (KoersReminders *self,
                                    gboolean        enabled);
/* Follows "remind-when-closed": asks for the autostart when it changes,
 * and while it is on the application stays when its last window closes. */
void koers_reminders_follow_settings (KoersReminders *self);
/* --hidden: no window; the application stays, checks at once and then
 * every hour. */
void koers_reminders_run_hidden (KoersReminders *self);
/* The autostart entry outside a sandbox (newly allocated). */
char *koers_reminders_get_autostart_path (void);

G_END_DECLS
