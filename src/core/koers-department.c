/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-department.h"
#include "koers-field.h"
#include "koers-property.h"

struct _KoersDepartment
{
  GObject parent_instance;

  gint64   id;
  char    *uuid;
  char    *name;
  char    *emoji;
  int      sort_order;
  gint64   parent_id;
  gboolean is_company;
  gint64   created;
  gint64   updated;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_EMOJI,
  PROP_SORT_ORDER,
  PROP_PARENT_ID,
  PROP_IS_COMPANY,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the property ids above. */
static const KoersProperty property_table[] = {
  KOERS_PROPERTY_IDENTITY (KoersDepartment),
  { "name", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersDepartment, name) },
  { "emoji", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersDepartment, emoji) },
  { "sort-order", KOERS_PROPERTY_INT, G_STRUCT_OFFSET (KoersDepartment, sort_order) },
  { "parent-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersDepartment, parent_id) },
  { "is-company", KOERS_PROPERTY_BOOLEAN, G_STRUCT_OFFSET (KoersDepartment, is_company) },
  KOERS_PROPERTY_TIMESTAMPS (KoersDepartment),
};

KOERS_DEFINE_MODEL_TYPE (KoersDepartment, koers_department)

KoersDepartment *
koers_department_new (const char *name,
                      const char *emoji)
{
  return g_object_new (KOERS_TYPE_DEPARTMENT,
                       "name", name,
                       "emoji", emoji,
                       NULL);
}

KOERS_DEFINE_RECORD_ACCESSORS (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT)
KOERS_DEFINE_ACCESSORS (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, string, const char *, name, PROP_NAME, NULL)
KOERS_DEFINE_ACCESSORS (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, string, const char *, emoji, PROP_EMOJI, NULL)
KOERS_DEFINE_ACCESSORS (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, int, int, sort_order, PROP_SORT_ORDER, 0)
KOERS_DEFINE_ACCESSORS (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, int64, gint64, parent_id, PROP_PARENT_ID, 0)
KOERS_DEFINE_ACCESSORS (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, boolean, gboolean, is_company, PROP_IS_COMPANY, FALSE)

KoersLevel
koers_department_get_level (KoersDepartment *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (self), KOERS_LEVEL_DEPARTMENT);

  if (self->is_company)
    return KOERS_LEVEL_COMPANY;
  if (self->parent_id != 0)
    return KOERS_LEVEL_TEAM;
  return KOERS_LEVEL_DEPARTMENT;
}
