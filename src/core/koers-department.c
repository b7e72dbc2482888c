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

KOERS_DEFINE_GETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, gint64, id, 0)
KOERS_DEFINE_SETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, int64, gint64, id, PROP_ID)
KOERS_DEFINE_GETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, const char *, uuid, NULL)
KOERS_DEFINE_SETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, string, const char *, uuid, PROP_UUID)
KOERS_DEFINE_GETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, const char *, name, NULL)
KOERS_DEFINE_SETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, string, const char *, name, PROP_NAME)
KOERS_DEFINE_GETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, const char *, emoji, NULL)
KOERS_DEFINE_SETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, string, const char *, emoji, PROP_EMOJI)
KOERS_DEFINE_GETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, int, sort_order, 0)
KOERS_DEFINE_SETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, int, int, sort_order, PROP_SORT_ORDER)
KOERS_DEFINE_GETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, gint64, parent_id, 0)
KOERS_DEFINE_SETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, int64, gint64, parent_id, PROP_PARENT_ID)
KOERS_DEFINE_GETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, gboolean, is_company, FALSE)
KOERS_DEFINE_SETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, boolean, gboolean, is_company, PROP_IS_COMPANY)
KOERS_DEFINE_GETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, gint64, created, 0)
KOERS_DEFINE_SETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, int64, gint64, created, PROP_CREATED)
KOERS_DEFINE_GETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, gint64, updated, 0)
KOERS_DEFINE_SETTER (KoersDepartment, koers_department, KOERS_IS_DEPARTMENT, int64, gint64, updated, PROP_UPDATED)
