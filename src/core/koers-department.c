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

G_DEFINE_FINAL_TYPE (KoersDepartment, koers_department, G_TYPE_OBJECT)

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
  { "id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersDepartment, id) },
  { "uuid", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersDepartment, uuid) },
  { "name", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersDepartment, name) },
  { "emoji", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersDepartment, emoji) },
  { "sort-order", KOERS_PROPERTY_INT, G_STRUCT_OFFSET (KoersDepartment, sort_order) },
  { "parent-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersDepartment, parent_id) },
  { "is-company", KOERS_PROPERTY_BOOLEAN, G_STRUCT_OFFSET (KoersDepartment, is_company) },
  { "created", KOERS_PROPERTY_INT64, G_STRUCT_OFFSET (KoersDepartment, created) },
  { "updated", KOERS_PROPERTY_INT64, G_STRUCT_OFFSET (KoersDepartment, updated) },
};

static void
koers_department_class_init (KoersDepartmentClass *klass)
{
  koers_property_install_model (G_OBJECT_CLASS (klass), property_table, N_PROPS - 1, properties);
}

static void
koers_department_init (KoersDepartment *self)
{
  koers_property_init_defaults (G_OBJECT (self));
}

KoersDepartment *
koers_department_new (const char *name,
                      const char *emoji)
{
  return g_object_new (KOERS_TYPE_DEPARTMENT,
                       "name", name,
                       "emoji", emoji,
                       NULL);
}

gint64
koers_department_get_id (KoersDepartment *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (self), 0);

  return self->id;
}

void
koers_department_set_id (KoersDepartment *self,
                         gint64           id)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT (self));

  koers_property_set_int64 (G_OBJECT (self), properties[PROP_ID], id);
}

const char *
koers_department_get_uuid (KoersDepartment *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (self), NULL);

  return self->uuid;
}

void
koers_department_set_uuid (KoersDepartment *self,
                           const char      *uuid)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT (self));

  koers_property_set_string (G_OBJECT (self), properties[PROP_UUID], uuid);
}

const char *
koers_department_get_name (KoersDepartment *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (self), NULL);

  return self->name;
}

void
koers_department_set_name (KoersDepartment *self,
                           const char      *name)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT (self));

  koers_property_set_string (G_OBJECT (self), properties[PROP_NAME], name);
}

const char *
koers_department_get_emoji (KoersDepartment *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (self), NULL);

  return self->emoji;
}

void
koers_department_set_emoji (KoersDepartment *self,
                            const char      *emoji)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT (self));

  koers_property_set_string (G_OBJECT (self), properties[PROP_EMOJI], emoji);
}

int
koers_department_get_sort_order (KoersDepartment *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (self), 0);

  return self->sort_order;
}

void
koers_department_set_sort_order (KoersDepartment *self,
                                 int              sort_order)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT (self));

  koers_property_set_int (G_OBJECT (self), properties[PROP_SORT_ORDER], sort_order);
}

gint64
koers_department_get_parent_id (KoersDepartment *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (self), 0);

  return self->parent_id;
}

void
koers_department_set_parent_id (KoersDepartment *self,
                                gint64           parent_id)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT (self));

  koers_property_set_int64 (G_OBJECT (self), properties[PROP_PARENT_ID], parent_id);
}

gboolean
koers_department_get_is_company (KoersDepartment *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (self), FALSE);

  return self->is_company;
}

void
koers_department_set_is_company (KoersDepartment *self,
                                 gboolean         is_company)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT (self));

  koers_property_set_boolean (G_OBJECT (self), properties[PROP_IS_COMPANY], is_company);
}

gint64
koers_department_get_created (KoersDepartment *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (self), 0);

  return self->created;
}

void
koers_department_set_created (KoersDepartment *self,
                              gint64           created)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT (self));

  koers_property_set_int64 (G_OBJECT (self), properties[PROP_CREATED], created);
}

gint64
koers_department_get_updated (KoersDepartment *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (self), 0);

  return self->updated;
}

void
koers_department_set_updated (KoersDepartment *self,
                              gint64           updated)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT (self));

  koers_property_set_int64 (G_OBJECT (self), properties[PROP_UPDATED], updated);
}
