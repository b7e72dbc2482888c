/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "koers-accessors.h"
#include "koers-enums.h"

G_BEGIN_DECLS

/* A department, a team under one (parent-id), or the company itself
 * (is-company: the strategic level, always present, sorted first). */
#define KOERS_TYPE_DEPARTMENT (koers_department_get_type ())
G_DECLARE_FINAL_TYPE (KoersDepartment, koers_department, KOERS, DEPARTMENT, GObject)

KoersDepartment *koers_department_new (const char *name,
                                       const char *emoji);
KOERS_DECLARE_RECORD_ACCESSORS (KoersDepartment, koers_department)
KOERS_DECLARE_ACCESSORS (KoersDepartment, koers_department, const char *, name)
KOERS_DECLARE_ACCESSORS (KoersDepartment, koers_department, const char *, emoji)
KOERS_DECLARE_ACCESSORS (KoersDepartment, koers_department, int, sort_order)
KOERS_DECLARE_ACCESSORS (KoersDepartment, koers_department, gint64, parent_id)
KOERS_DECLARE_ACCESSORS (KoersDepartment, koers_department, gboolean, is_company)
/* The level of its objectives: the company's are the strategic level, a
 * department with a parent is a team (the seed's three levels). */
KoersLevel koers_department_get_level (KoersDepartment *self);

G_END_DECLS
