/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-field.h"
#include "koers-property.h"

#include <string.h>

/* Each param spec carries its table entry, so that one get_property and
 * one set_property serve every class. */
/* clang-format would read the dashed name as a subtraction. */
/* clang-format off */
static G_DEFINE_QUARK (koers-property-entry, entry)
/* clang-format on */

/* The tables by class, in a small open hash: a param spec's entry is its
 * class's table at its id.  Reading a period sets every property of
 * thousands of objects, and the param spec's qdata takes a lock each time.
 * A class registers once, in its class_init (GType runs one at a time);
 * a slot is written before the count that makes it visible, and never
 * again, so a lookup needs no lock.  A class that finds no free slot
 * keeps to the qdata. */
#define N_CLASS_SLOTS 256

typedef struct
{
  GType                owner_type;
  const KoersProperty *table;
  guint                n_properties;
} ClassTable;

static ClassTable class_tables[N_CLASS_SLOTS];

static guint
class_slot (GType type)
{
  return (guint) ((type >> 3) ^ (type >> 11)) % N_CLASS_SLOTS;
}

static void
register_class_table (GType                type,
                      const KoersProperty *table,
                      guint                n_properties)
{
  for (guint i = 0, slot = class_slot (type); i < N_CLASS_SLOTS; i++, slot = (slot + 1) % N_CLASS_SLOTS)
    if (g_atomic_pointer_get (&class_tables[slot].table) == NULL)
      {
        class_tables[slot].owner_type = type;
        class_tables[slot].n_properties = n_properties;
        g_atomic_pointer_set (&class_tables[slot].table, table);
        return;
      }
}

static const KoersProperty *
lookup_entry (GParamSpec *pspec)
{
  for (guint i = 0, slot = class_slot (pspec->owner_type); i < N_CLASS_SLOTS;
       i++, slot = (slot + 1) % N_CLASS_SLOTS)
    {
      const KoersProperty *table = g_atomic_pointer_get (&class_tables[slot].table);

      if (table == NULL)
        break;
      if (class_tables[slot].owner_type == pspec->owner_type && pspec->param_id >= 1 &&
          pspec->param_id <= class_tables[slot].n_properties)
        return &table[pspec->param_id - 1];
    }

  return g_param_spec_get_qdata (pspec, entry_quark ());
}

#define FIELD(object, property, type) ((type *) (gpointer) ((guint8 *) (object) + (property)->offset))

static GParamSpec *
create_pspec (const KoersProperty *property)
{
  GParamFlags flags = G_PARAM_STATIC_STRINGS;
  const char *name = property->name;
  double      minimum = -G_MAXDOUBLE;
  double      maximum = G_MAXDOUBLE;

  if (property->construct_only)
    flags |= G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY;
  else
    flags |= G_PARAM_EXPLICIT_NOTIFY | (property->read_only ? G_PARAM_READABLE : G_PARAM_READWRITE);

  switch (property->kind)
    {
    case KOERS_PROPERTY_ID:
      return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, flags);
    case KOERS_PROPERTY_INT64:
      return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case KOERS_PROPERTY_INT:
      return g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
    case KOERS_PROPERTY_UINT:
      return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, flags);
    case KOERS_PROPERTY_BOOLEAN:
      return g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
    case KOERS_PROPERTY_DOUBLE:
      if (property->minimum != 0.0 || property->maximum != 0.0)
        {
          minimum = property->minimum;
          maximum = property->maximum;
        }
      return g_param_spec_double (name, NULL, NULL, minimum, maximum,
                                  property->default_value, flags);
    case KOERS_PROPERTY_GRADE:
      return g_param_spec_double (name, NULL, NULL, -1.0, 1.0, -1.0, flags);
    case KOERS_PROPERTY_ENUM:
      return g_param_spec_enum (name, NULL, NULL, property->type (),
                                (int) property->default_value, flags);
    case KOERS_PROPERTY_OBJECT:
      return g_param_spec_object (name, NULL, NULL, property->type (), flags);
    case KOERS_PROPERTY_BOXED:
      return g_param_spec_boxed (name, NULL, NULL, property->type (), flags);
    case KOERS_PROPERTY_STRING:
      return g_param_spec_string (name, NULL, NULL, "", flags);
    case KOERS_PROPERTY_DATE:
    default:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    }
}

static void
get_property (GObject    *object,
              guint       prop_id,
              GValue     *value,
              GParamSpec *pspec)
{
  const KoersProperty *property = lookup_entry (pspec);

  if (property == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (property->get != NULL)
    {
      property->get (object, value);
      return;
    }

  switch (property->kind)
    {
    case KOERS_PROPERTY_ID:
    case KOERS_PROPERTY_INT64:
      g_value_set_int64 (value, *FIELD (object, property, gint64));
      break;
    case KOERS_PROPERTY_INT:
      g_value_set_int (value, *FIELD (object, property, int));
      break;
    case KOERS_PROPERTY_UINT:
      g_value_set_uint (value, *FIELD (object, property, guint));
      break;
    case KOERS_PROPERTY_BOOLEAN:
      g_value_set_boolean (value, *FIELD (object, property, gboolean));
      break;
    case KOERS_PROPERTY_DOUBLE:
    case KOERS_PROPERTY_GRADE:
      g_value_set_double (value, *FIELD (object, property, double));
      break;
    case KOERS_PROPERTY_ENUM:
      g_value_set_enum (value, *FIELD (object, property, int));
      break;
    case KOERS_PROPERTY_OBJECT:
      g_value_set_object (value, *FIELD (object, property, GObject *));
      break;
    case KOERS_PROPERTY_BOXED:
      g_value_set_boxed (value, FIELD (object, property, guint8));
      break;
    case KOERS_PROPERTY_STRING:
    case KOERS_PROPERTY_DATE:
    default:
      g_value_set_string (value, *FIELD (object, property, char *));
      break;
    }
}

/* A GRADE's value: below 0 (or NaN) is none. */
static double
normalize_grade (double value)
{
  return value >= 0.0 ? MIN (value, 1.0) : -1.0;
}

/* Stores a number if it differs; a macro, as the types differ. */
#define STORE_NUMBER(type, new_value)             \
  G_STMT_START                                    \
  {                                               \
    type *field = FIELD (object, property, type); \
    type  wanted = (new_value);                   \
    changed = *field != wanted;                   \
    *field = wanted;                              \
  }                                               \
  G_STMT_END

/* koers_property_store() of the entry found already: a read sets every
 * property of thousands of objects, and each lookup takes a lock. */
static gboolean
store_entry (GObject             *object,
             const KoersProperty *property,
             GParamSpec          *pspec,
             const GValue        *value)
{
  gboolean changed = FALSE;

  switch (property->kind)
    {
    case KOERS_PROPERTY_ID:
    case KOERS_PROPERTY_INT64:
      STORE_NUMBER (gint64, g_value_get_int64 (value));
      break;
    case KOERS_PROPERTY_INT:
      STORE_NUMBER (int, g_value_get_int (value));
      break;
    case KOERS_PROPERTY_UINT:
      STORE_NUMBER (guint, g_value_get_uint (value));
      break;
    case KOERS_PROPERTY_BOOLEAN:
      STORE_NUMBER (gboolean, !!g_value_get_boolean (value));
      break;
    case KOERS_PROPERTY_DOUBLE:
      STORE_NUMBER (double, g_value_get_double (value));
      break;
    case KOERS_PROPERTY_GRADE:
      STORE_NUMBER (double, normalize_grade (g_value_get_double (value)));
      break;
    case KOERS_PROPERTY_ENUM:
      STORE_NUMBER (int, g_value_get_enum (value));
      break;
    case KOERS_PROPERTY_OBJECT:
      changed = g_set_object (FIELD (object, property, GObject *), g_value_get_object (value));
      break;
    case KOERS_PROPERTY_BOXED:
      /* Its size and equality are the type's: the entry's set writes it. */
      g_critical ("property '%s' is written only through its setter", property->name);
      break;
    case KOERS_PROPERTY_STRING:
      changed = koers_field_set_string (FIELD (object, property, char *),
                                        g_value_get_string (value));
      break;
    case KOERS_PROPERTY_DATE:
    default:
      changed = koers_field_set_date (FIELD (object, property, char *),
                                      g_value_get_string (value));
      break;
    }

  /* GObject notifies the others itself (a construct-only property). */
  if (changed && (pspec->flags & G_PARAM_EXPLICIT_NOTIFY) != 0)
    g_object_notify_by_pspec (object, pspec);
  if (changed && property->changed != NULL)
    property->changed (object);
  return changed;
}

gboolean
koers_property_store (GObject      *object,
                      GParamSpec   *pspec,
                      const GValue *value)
{
  const KoersProperty *property;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), FALSE);

  property = lookup_entry (pspec);
  g_return_val_if_fail (property != NULL, FALSE);

  return store_entry (object, property, pspec, value);
}

static void
set_property (GObject      *object,
              guint         prop_id,
              const GValue *value,
              GParamSpec   *pspec)
{
  const KoersProperty *property = lookup_entry (pspec);

  if (property == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (property->set != NULL)
    property->set (object, pspec, value);
  else
    store_entry (object, property, pspec, value);
}

void
koers_property_install (GObjectClass        *object_class,
                        const KoersProperty *table,
                        guint                n_properties,
                        GParamSpec         **pspecs)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (object_class));
  g_return_if_fail (table != NULL);
  g_return_if_fail (pspecs != NULL);

  object_class->get_property = get_property;
  object_class->set_property = set_property;

  pspecs[0] = NULL;
  for (guint i = 0; i < n_properties; i++)
    {
      pspecs[i + 1] = create_pspec (&table[i]);
      g_param_spec_set_qdata (pspecs[i + 1], entry_quark (), (gpointer) &table[i]);
    }

  g_object_class_install_properties (object_class, n_properties + 1, pspecs);
  /* GObject gave pspecs[i] the id i: table[i - 1]'s. */
  register_class_table (G_OBJECT_CLASS_TYPE (object_class), table, n_properties);
}

void
koers_property_install_all (GObjectClass        *object_class,
                            const KoersProperty *table,
                            guint                n_properties)
{
  g_autofree GParamSpec **pspecs = g_new0 (GParamSpec *, n_properties + 1);

  koers_property_install (object_class, table, n_properties, pspecs);
}

void
koers_property_clear (GObject             *object,
                      const KoersProperty *table,
                      guint                n_properties)
{
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (table != NULL);

  for (guint i = 0; i < n_properties; i++)
    {
      const KoersProperty *property = &table[i];

      if (property->get != NULL)
        continue;
      if (property->kind == KOERS_PROPERTY_OBJECT)
        g_clear_object (FIELD (object, property, GObject *));
      else if (property->kind == KOERS_PROPERTY_STRING || property->kind == KOERS_PROPERTY_DATE)
        g_clear_pointer (FIELD (object, property, char *), g_free);
    }
}

/* What koers_property_install_model() keeps of a class. */
typedef struct
{
  const KoersProperty *table;
  guint                n_properties;
  void (*parent_finalize) (GObject *object);
} ModelClass;

/* clang-format would read the dashed name as a subtraction. */
/* clang-format off */
static G_DEFINE_QUARK (koers-property-model, model)
/* clang-format on */

/* The final type's own entry; its parents have none. */
static const ModelClass *
lookup_model (GObject *object)
{
  const ModelClass *model = g_type_get_qdata (G_OBJECT_TYPE (object), model_quark ());

  g_return_val_if_fail (model != NULL, NULL);
  return model;
}

static void
finalize_model (GObject *object)
{
  const ModelClass *model = lookup_model (object);

  koers_property_clear (object, model->table, model->n_properties);
  model->parent_finalize (object);
}

void
koers_property_install_model (GObjectClass        *object_class,
                              const KoersProperty *table,
                              guint                n_properties,
                              GParamSpec         **pspecs)
{
  ModelClass *model = g_new0 (ModelClass, 1); /* lives as long as the class: for ever */

  koers_property_install (object_class, table, n_properties, pspecs);

  model->table = table;
  model->n_properties = n_properties;
  model->parent_finalize = G_OBJECT_CLASS (g_type_class_peek_parent (object_class))->finalize;
  g_type_set_qdata (G_TYPE_FROM_CLASS (object_class), model_quark (), model);

  object_class->finalize = finalize_model;
}

void
koers_property_init_defaults (GObject *object)
{
  const ModelClass *model = lookup_model (object);

  for (guint i = 0; i < model->n_properties; i++)
    {
      const KoersProperty *property = &model->table[i];

      if (property->get != NULL)
        continue;
      if (property->kind == KOERS_PROPERTY_STRING)
        *FIELD (object, property, char *) = g_strdup ("");
      else if (property->kind == KOERS_PROPERTY_DOUBLE)
        *FIELD (object, property, double) = property->default_value;
      else if (property->kind == KOERS_PROPERTY_GRADE)
        *FIELD (object, property, double) = -1.0;
      else if (property->kind == KOERS_PROPERTY_ENUM)
        *FIELD (object, property, int) = (int) property->default_value;
    }
}

/* The field that pspec's entry describes, when it is of kind a or b. */
static gpointer
lookup_field (GObject          *object,
              GParamSpec       *pspec,
              KoersPropertyKind a,
              KoersPropertyKind b)
{
  const KoersProperty *property;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), NULL);

  property = lookup_entry (pspec);
  g_return_val_if_fail (property != NULL, NULL);
  g_return_val_if_fail (property->kind == a || property->kind == b, NULL);

  return FIELD (object, property, guint8);
}

static gboolean
notify_changed (GObject    *object,
                GParamSpec *pspec,
                gboolean    changed)
{
  const KoersProperty *property;

  if (!changed)
    return FALSE;

  g_object_notify_by_pspec (object, pspec);
  property = lookup_entry (pspec);
  if (property->changed != NULL)
    property->changed (object);
  return TRUE;
}

/* Stores a number of size bytes when its bytes differ (the integer
 * kinds; a double compares as a number, below). */
static gboolean
store_number (GObject          *object,
              GParamSpec       *pspec,
              KoersPropertyKind a,
              KoersPropertyKind b,
              gconstpointer     value,
              gsize             size)
{
  gpointer field = lookup_field (object, pspec, a, b);
  gboolean changed = field != NULL && memcmp (field, value, size) != 0;

  if (changed)
    memcpy (field, value, size);
  return notify_changed (object, pspec, changed);
}

gboolean
koers_property_set_int64 (GObject    *object,
                          GParamSpec *pspec,
                          gint64      value)
{
  return store_number (object, pspec, KOERS_PROPERTY_ID, KOERS_PROPERTY_INT64, &value, sizeof value);
}

gboolean
koers_property_set_int (GObject    *object,
                        GParamSpec *pspec,
                        int         value)
{
  return store_number (object, pspec, KOERS_PROPERTY_INT, KOERS_PROPERTY_INT, &value, sizeof value);
}

gboolean
koers_property_set_boolean (GObject    *object,
                            GParamSpec *pspec,
                            gboolean    value)
{
  gboolean normal = !!value;

  return store_number (object, pspec, KOERS_PROPERTY_BOOLEAN, KOERS_PROPERTY_BOOLEAN, &normal,
                       sizeof normal);
}

gboolean
koers_property_set_uint (GObject    *object,
                         GParamSpec *pspec,
                         guint       value)
{
  return store_number (object, pspec, KOERS_PROPERTY_UINT, KOERS_PROPERTY_UINT, &value, sizeof value);
}

gboolean
koers_property_set_enum (GObject    *object,
                         GParamSpec *pspec,
                         int         value)
{
  return store_number (object, pspec, KOERS_PROPERTY_ENUM, KOERS_PROPERTY_ENUM, &value, sizeof value);
}

gboolean
koers_property_set_double (GObject    *object,
                           GParamSpec *pspec,
                           double      value)
{
  double  *field = lookup_field (object, pspec, KOERS_PROPERTY_DOUBLE, KOERS_PROPERTY_GRADE);
  gboolean changed;

  if (field != NULL && lookup_entry (pspec)->kind == KOERS_PROPERTY_GRADE)
    value = normalize_grade (value);
  changed = field != NULL && *field != value;

  if (changed)
    *field = value;
  return notify_changed (object, pspec, changed);
}

gboolean
koers_property_set_string (GObject    *object,
                           GParamSpec *pspec,
                           const char *value)
{
  char   **field = lookup_field (object, pspec, KOERS_PROPERTY_STRING, KOERS_PROPERTY_DATE);
  gboolean changed = FALSE;

  if (field != NULL && lookup_entry (pspec)->kind == KOERS_PROPERTY_STRING)
    changed = koers_field_set_string (field, value);
  else if (field != NULL)
    changed = koers_field_set_date (field, value);
  return notify_changed (object, pspec, changed);
}
