/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A department, a team under one (parent-id), or the company itself
 * (is-company: the strategic level, always present, sorted first). */
#define KOERS_TYPE_DEPARTMENT (koers_department_get_type ())
G_DECLARE_FINAL_TYPE (KoersDepartment, koers_department, KOERS, DEPARTMENT, GObject)

KoersDepartment *koers_department_new (const char *name,
                                       const char *emoji);
gint64           koers_department_get_id (KoersDepartment *self);
void             koers_department_set_id (KoersDepartment *self, gint64 id);
const char      *koers_department_get_uuid (KoersDepartment *self);
void             koers_department_set_uuid (KoersDepartment *self, const char *uuid);
const char      *koers_department_get_name (KoersDepartment *self);
void             koers_department_set_name (KoersDepartment *self, const char *name);
const char      *koers_department_get_emoji (KoersDepartment *self);
void             koers_department_set_emoji (KoersDepartment *self, const char *emoji);
int              koers_department_get_sort_order (KoersDepartment *self);
void             koers_department_set_sort_order (KoersDepartment *self, int sort_order);
gint64           koers_department_get_parent_id (KoersDepartment *self);
void             koers_department_set_parent_id (KoersDepartment *self, gint64 parent_id);
gboolean         koers_department_get_is_company (KoersDepartment *self);
void             koers_department_set_is_company (KoersDepartment *self, gboolean is_company);
gint64           koers_department_get_created (KoersDepartment *self);
void             koers_department_set_created (KoersDepartment *self, gint64 usec);
gint64           koers_department_get_updated (KoersDepartment *self);
void             koers_department_set_updated (KoersDepartment *self, gint64 usec);

G_END_DECLS
