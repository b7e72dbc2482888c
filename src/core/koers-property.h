/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The properties of the model's objects, from one table per class: each
 * is a field of the instance struct, read and written by its offset.  The
 * table's entry i is property id i + 1. */

typedef enum
{
  KOERS_PROPERTY_ID,    /* gint64, 0 and up */
  KOERS_PROPERTY_INT64, /* gint64, any (time stamps) */
  KOERS_PROPERTY_INT,
  KOERS_PROPERTY_UINT,
  KOERS_PROPERTY_BOOLEAN,
  KOERS_PROPERTY_DOUBLE, /* minimum, maximum, default_value; all 0: any, default 0 */
  KOERS_PROPERTY_GRADE,  /* double, the quarterly review's: 0 to 1, or -1 (the default):
                          * none, which any value below 0 (or NaN) sets */
  KOERS_PROPERTY_ENUM,   /* type, default_value */
  KOERS_PROPERTY_STRING, /* char *, never NULL: "" is unset */
  KOERS_PROPERTY_DATE,   /* char *, ISO 8601, NULL when unset */
  KOERS_PROPERTY_OBJECT, /* a reference to an object of type */
  KOERS_PROPERTY_BOXED,  /* a value of the boxed type, held in the field itself (its
                          * address is read); written only through the entry's set */
} KoersPropertyKind;

typedef struct _KoersProperty KoersProperty;

/* A setter that does more than store the value (clamps it, or updates
 * what follows from it); it may call koers_property_store(). */
typedef void (*KoersPropertySetter) (GObject      *object,
                                     GParamSpec   *pspec,
                                     const GValue *value);

/* A property that no field holds (the entry's offset is unused, and
 * nothing is freed for it): its value is computed on each read, from
 * what the object holds. */
typedef void (*KoersPropertyGetter) (GObject *object,
                                     GValue  *value);

/* What follows from a field: called after the field changed, whichever
 * way it was set (a key result's progress follows its values). */
typedef void (*KoersPropertyChanged) (GObject *object);

struct _KoersProperty
{
  const char       *name;
  KoersPropertyKind kind;
  gsize             offset;
  GType (*type) (void); /* ENUM, OBJECT */
  double               minimum;
  double               maximum;
  double               default_value;
  gboolean             read_only; /* derived: the class sets the field */
  gboolean             construct_only;
  KoersPropertySetter  set;     /* NULL: koers_property_store() */
  KoersPropertyChanged changed; /* NULL: nothing follows */
  KoersPropertyGetter  get;     /* NULL: read the field; set: read_only */
};

/* A construct-only property holding a reference to an object of
 * type_func's type in member of Struct: a widget's store and the object it
 * shows. */
#define KOERS_PROPERTY_CONSTRUCT_OBJECT(name, Struct, member, type_func)                    \
  {                                                                                         \
    (name), KOERS_PROPERTY_OBJECT, G_STRUCT_OFFSET (Struct, member), .type = (type_func),   \
                                                                     .construct_only = TRUE \
  }

/* The rows of the fields every stored entity has, in its property table:
 * its row id and uuid (the table's first two rows, PROP_ID and PROP_UUID)
 * and when it was created and last updated (two rows side by side).
 * Unformatted: clang-format would break the last row's braces apart. */
/* clang-format off */
#define KOERS_PROPERTY_IDENTITY(Struct)                           \
  { "id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (Struct, id) },      \
  { "uuid", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (Struct, uuid) }
#define KOERS_PROPERTY_TIMESTAMPS(Struct)                                 \
  { "created", KOERS_PROPERTY_INT64, G_STRUCT_OFFSET (Struct, created) }, \
  { "updated", KOERS_PROPERTY_INT64, G_STRUCT_OFFSET (Struct, updated) }
/* clang-format on */

/* The public getter and setter of a model class's field, one line each,
 * for the fields whose accessors do nothing else (a setter that clamps
 * or updates what follows from the value is written out):
 *
 *   KOERS_DEFINE_GETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, gint64, id, 0)
 *   KOERS_DEFINE_SETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, int64, gint64, id, PROP_ID)
 *
 * define koers_checkin_get_id(), which returns self->id (0 for anything
 * but a KoersCheckin), and koers_checkin_set_id(), which stores through
 * koers_property_set_int64() and the class's properties[PROP_ID]. */
#define KOERS_DEFINE_GETTER(Type, prefix, IS_TYPE, Value, member, fallback) \
  Value prefix##_get_##member (Type *self)                                  \
  {                                                                         \
    g_return_val_if_fail (IS_TYPE (self), fallback);                        \
    return self->member;                                                    \
  }

#define KOERS_DEFINE_SETTER(Type, prefix, IS_TYPE, kind, Value, member, prop_id) \
  void prefix##_set_##member (Type *self, Value member)                          \
  {                                                                              \
    g_return_if_fail (IS_TYPE (self));                                           \
    koers_property_set_##kind (G_OBJECT (self), properties[prop_id], member);    \
  }

/* Both of a field's accessors, for the fields that have the two. */
#define KOERS_DEFINE_ACCESSORS(Type, prefix, IS_TYPE, kind, Value, member, prop_id, fallback) \
  KOERS_DEFINE_GETTER (Type, prefix, IS_TYPE, Value, member, fallback)                        \
  KOERS_DEFINE_SETTER (Type, prefix, IS_TYPE, kind, Value, member, prop_id)

/* The accessors of the four fields every stored entity has (its row id,
 * its uuid, when it was created and last updated), whose property ids are
 * PROP_ID, PROP_UUID, PROP_CREATED and PROP_UPDATED. */
#define KOERS_DEFINE_RECORD_ACCESSORS(Type, prefix, IS_TYPE)                                  \
  KOERS_DEFINE_ACCESSORS (Type, prefix, IS_TYPE, int64, gint64, id, PROP_ID, 0)               \
  KOERS_DEFINE_ACCESSORS (Type, prefix, IS_TYPE, string, const char *, uuid, PROP_UUID, NULL) \
  KOERS_DEFINE_ACCESSORS (Type, prefix, IS_TYPE, int64, gint64, created, PROP_CREATED, 0)     \
  KOERS_DEFINE_ACCESSORS (Type, prefix, IS_TYPE, int64, gint64, updated, PROP_UPDATED, 0)

/* A model class that is its property table and nothing more: the type,
 * a class_init that installs property_table into properties[] (N_PROPS - 1
 * entries) and an instance init that gives every field its default.
 * Stands after the table. */
#define KOERS_DEFINE_MODEL_TYPE(Type, prefix)                                                       \
  G_STATIC_ASSERT (G_N_ELEMENTS (property_table) == N_PROPS - 1);                                   \
  G_DEFINE_FINAL_TYPE (Type, prefix, G_TYPE_OBJECT)                                                 \
  static void prefix##_class_init (Type##Class *klass)                                              \
  {                                                                                                 \
    koers_property_install_model (G_OBJECT_CLASS (klass), property_table, N_PROPS - 1, properties); \
  }                                                                                                 \
  static void prefix##_init (Type *self)                                                            \
  {                                                                                                 \
    koers_property_init_defaults (G_OBJECT (self));                                                 \
  }

/* Makes the param specs of the n_properties entries of table into
 * pspecs[1 .. n_properties], installs them, and makes the shared
 * get_property and set_property object_class's.  Writable properties
 * that are not construct-only are EXPLICIT_NOTIFY: they notify only when
 * the value changes. */
void koers_property_install (GObjectClass        *object_class,
                             const KoersProperty *table,
                             guint                n_properties,
                             GParamSpec         **pspecs);

/* koers_property_install() for a class that never notifies by param spec
 * (its properties are construct-only): the class alone keeps the specs. */
void koers_property_install_all (GObjectClass        *object_class,
                                 const KoersProperty *table,
                                 guint                n_properties);

/* Writes value into the field of pspec's entry and notifies when it
 * changed (a string is copied; NULL or "" is stored as the kind says),
 * then calls the entry's changed.  Returns whether it changed. */
gboolean koers_property_store (GObject      *object,
                               GParamSpec   *pspec,
                               const GValue *value);

/* Frees the strings and drops the objects that the n_properties entries
 * of table hold (the fields read NULL after), for a finalize or dispose:
 * what the table stores, the table frees. */
void koers_property_clear (GObject             *object,
                           const KoersProperty *table,
                           guint                n_properties);

/* koers_property_install() for a model class (a final GObject whose
 * fields the table describes): the class's finalize becomes one that
 * frees what the table holds and chains up, and the table is kept for
 * koers_property_init_defaults().  A class with more to free sets its own
 * finalize after this call and calls koers_property_clear() itself. */
void koers_property_install_model (GObjectClass        *object_class,
                                   const KoersProperty *table,
                                   guint                n_properties,
                                   GParamSpec         **pspecs);

/* For a model class's instance init: every field its table describes
 * starts at the table's default ("" for a STRING, default_value for a
 * DOUBLE or an ENUM, 0 or NULL for the rest). */
void koers_property_init_defaults (GObject *object);

/* The public setters of a model class: each writes value into the field
 * of pspec's entry, which must be of that kind, notifies and calls the
 * entry's changed when it changed, and returns whether it did (a string
 * or a date is copied; NULL or "" is stored as the kind says; a boolean
 * is stored as TRUE or FALSE). */
gboolean koers_property_set_int64 (GObject    *object,
                                   GParamSpec *pspec,
                                   gint64      value);
gboolean koers_property_set_int (GObject    *object,
                                 GParamSpec *pspec,
                                 int         value);
gboolean koers_property_set_uint (GObject    *object,
                                  GParamSpec *pspec,
                                  guint       value);
gboolean koers_property_set_boolean (GObject    *object,
                                     GParamSpec *pspec,
                                     gboolean    value);
/* A GRADE, too. */
gboolean koers_property_set_double (GObject    *object,
                                    GParamSpec *pspec,
                                    double      value);
gboolean koers_property_set_enum (GObject    *object,
                                  GParamSpec *pspec,
                                  int         value);
gboolean koers_property_set_string (GObject    *object,
                                    GParamSpec *pspec,
                                    const char *value);

G_END_DECLS
