/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-editor-fields.h"

typedef struct
{
  KoersEditorSession     *session;
  const KoersEditorField *field;
} FieldBinding;

static void
free_binding (gpointer  data,
              GClosure *closure)
{
  g_free (data);
}

static void
text_changed_cb (GtkEditable  *editable,
                 FieldBinding *binding)
{
  KoersEditorSession *session = binding->session;
  const char         *property = binding->field->property;
  g_autofree char    *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  g_autofree char    *old = NULL;

  if (session->updating)
    return;
  /* Emptying a title to retype it keeps the saved one meanwhile. */
  if (binding->field->kind == KOERS_EDITOR_FIELD_REQUIRED_TEXT && *text == '\0')
    return;

  g_object_get (session->entity, property, &old, NULL);
  g_object_set (session->entity, property, *text != '\0' ? text : NULL, NULL);
  if (!koers_editor_session_save (session))
    {
      g_object_set (session->entity, property, old, NULL);
      session->updating = TRUE;
      gtk_editable_set_text (editable, old != NULL ? old : "");
      session->updating = FALSE;
    }
}

void
koers_editor_session_set_spin (KoersEditorSession *session,
                               GtkSpinButton      *spin,
                               double              value)
{
  gboolean was_updating = session->updating;

  session->updating = TRUE;
  gtk_spin_button_set_value (spin, value);
  session->updating = was_updating;
}

static void
number_changed_cb (GtkSpinButton *spin,
                   FieldBinding  *binding)
{
  KoersEditorSession *session = binding->session;
  const char         *property = binding->field->property;
  double              value = gtk_spin_button_get_value (spin);
  double              old;

  if (session->updating)
    return;

  g_object_get (session->entity, property, &old, NULL);
  if (old == value)
    return;

  g_object_set (session->entity, property, value, NULL);
  if (!koers_editor_session_save (session))
    {
      g_object_set (session->entity, property, old, NULL);
      koers_editor_session_set_spin (session, spin, old);
    }
}

static void
choice_selected_cb (AdwComboRow  *row,
                    GParamSpec   *pspec,
                    FieldBinding *binding)
{
  KoersEditorSession *session = binding->session;
  const char         *property = binding->field->property;
  int                 old;

  if (session->updating)
    return;

  g_object_get (session->entity, property, &old, NULL);
  g_object_set (session->entity, property, (int) adw_combo_row_get_selected (row), NULL);
  if (!koers_editor_session_save (session))
    {
      g_object_set (session->entity, property, old, NULL);
      session->updating = TRUE;
      adw_combo_row_set_selected (row, (guint) old);
      session->updating = FALSE;
    }
}

void
koers_editor_session_connect_fields (KoersEditorSession     *session,
                                     const KoersEditorField *fields,
                                     guint                   n_fields)
{
  static const struct
  {
    const char *signal;
    GCallback   callback;
  } handlers[] = {
    [KOERS_EDITOR_FIELD_TEXT] = { "changed", G_CALLBACK (text_changed_cb) },
    [KOERS_EDITOR_FIELD_REQUIRED_TEXT] = { "changed", G_CALLBACK (text_changed_cb) },
    [KOERS_EDITOR_FIELD_NUMBER] = { "value-changed", G_CALLBACK (number_changed_cb) },
    [KOERS_EDITOR_FIELD_CHOICE] = { "notify::selected", G_CALLBACK (choice_selected_cb) },
  };

  g_return_if_fail (GTK_IS_WINDOW (session->editor));

  for (guint i = 0; i < n_fields; i++)
    {
      GObject      *widget = *(GObject **) (gpointer) ((guint8 *) session->editor + fields[i].widget_offset);
      FieldBinding *binding = g_new (FieldBinding, 1);

      binding->session = session;
      binding->field = &fields[i];
      g_signal_connect_data (widget, handlers[fields[i].kind].signal, handlers[fields[i].kind].callback,
                             binding, free_binding, 0);
    }
}
