/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "koers-property.h"
#include "koers-change.h"

typedef struct
{
  char *name;
  char *old_value;
  char *new_value;
} Field;

struct _KoersChange
{
  GObject parent_instance;

  gint64               seq;
  char                *key;
  gint64               at;
  char                *author;
  char                *entity;
  char                *uuid;
  char                *parent;
  KoersChangeOperation operation;
  char                *fields_json;
  GArray              *fields; /* Field */
};

G_DEFINE_FINAL_TYPE (KoersChange, koers_change, G_TYPE_OBJECT)

static void
clear_field (gpointer data)
{
  Field *field = data;

  g_free (field->name);
  g_free (field->old_value);
  g_free (field->new_value);
}

static void
koers_change_finalize (GObject *object)
{
  KoersChange *self = KOERS_CHANGE (object);

  g_free (self->key);
  g_free (self->author);
  g_free (self->entity);
  g_free (self->uuid);
  g_free (self->parent);
  g_free (self->fields_json);
  g_array_unref (self->fields);

  G_OBJECT_CLASS (koers_change_parent_class)->finalize (object);
}

static void
koers_change_class_init (KoersChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_change_finalize;
}

static void
koers_change_init (KoersChange *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_array_set_clear_func (self->fields, clear_field);
}

KoersChange *
koers_change_new (gint64               seq,
                  const char          *key,
                  gint64               at,
                  const char          *author,
                  const char          *entity,
                  const char          *uuid,
                  const char          *parent,
                  KoersChangeOperation operation,
                  const char          *fields_json)
{
  KoersChange *self = g_object_new (KOERS_TYPE_CHANGE, NULL);

  self->seq = seq;
  self->key = g_strdup (key);
  self->at = at;
  self->author = g_strdup (author != NULL ? author : "");
  self->entity = g_strdup (entity);
  self->uuid = g_strdup (uuid);
  self->parent = g_strdup (parent);
  self->operation = operation;
  self->fields_json = g_strdup (fields_json != NULL ? fields_json : "{}");
  return self;
}

KOERS_DEFINE_GETTER (KoersChange, koers_change, KOERS_IS_CHANGE, gint64, seq, 0)
KOERS_DEFINE_GETTER (KoersChange, koers_change, KOERS_IS_CHANGE, gint64, at, 0)
KOERS_DEFINE_GETTER (KoersChange, koers_change, KOERS_IS_CHANGE, const char *, author, NULL)
KOERS_DEFINE_GETTER (KoersChange, koers_change, KOERS_IS_CHANGE, const char *, entity, NULL)
KOERS_DEFINE_GETTER (KoersChange, koers_change, KOERS_IS_CHANGE, const char *, uuid, NULL)
KOERS_DEFINE_GETTER (KoersChange, koers_change, KOERS_IS_CHANGE, const char *, parent, NULL)
KOERS_DEFINE_GETTER (KoersChange, koers_change, KOERS_IS_CHANGE, KoersChangeOperation, operation, KOERS_CHANGE_UPDATE)
KOERS_DEFINE_GETTER (KoersChange, koers_change, KOERS_IS_CHANGE, const char *, fields_json, NULL)

void
koers_change_add_field (KoersChange *self,
                        const char  *name,
                        const char  *old_value,
                        const char  *new_value)
{
  Field field = { g_strdup (name), g_strdup (old_value), g_strdup (new_value) };

  g_return_if_fail (KOERS_IS_CHANGE (self));
  g_array_append_val (self->fields, field);
}

guint
koers_change_get_n_fields (KoersChange *self)
{
  g_return_val_if_fail (KOERS_IS_CHANGE (self), 0);
  return self->fields->len;
}

static Field *
get_field (KoersChange *self,
           guint        index)
{
  g_return_val_if_fail (KOERS_IS_CHANGE (self), NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);
  return &g_array_index (self->fields, Field, index);
}

const char *
koers_change_get_field_name (KoersChange *self,
                             guint        index)
{
  Field *field = get_field (self, index);

  return field != NULL ? field->name : NULL;
}

const char *
koers_change_get_field_old (KoersChange *self,
                            guint        index)
{
  Field *field = get_field (self, index);

  return field != NULL ? field->old_value : NULL;
}

const char *
koers_change_get_field_new (KoersChange *self,
                            guint        index)
{
  Field *field = get_field (self, index);

  return field != NULL ? field->new_value : NULL;
}

int
koers_change_find_field (KoersChange *self,
                         const char  *name)
{
  g_return_val_if_fail (KOERS_IS_CHANGE (self), -1);

  for (guint i = 0; i < self->fields->len; i++)
    if (g_strcmp0 (g_array_index (self->fields, Field, i).name, name) == 0)
      return (int) i;
  return -1;
}

static const char *const operation_names[] = { "insert", "update", "delete" };

const char *
koers_change_operation_to_string (KoersChangeOperation op)
{
  g_return_val_if_fail (op <= KOERS_CHANGE_DELETE, "update");
  return operation_names[op];
}

gboolean
koers_change_operation_from_string (const char           *str,
                                    KoersChangeOperation *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (operation_names); i++)
    if (g_strcmp0 (str, operation_names[i]) == 0)
      {
        *out = (KoersChangeOperation) i;
        return TRUE;
      }
  return FALSE;
}
