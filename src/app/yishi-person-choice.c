#include "config.h"

#include <glib/gi18n.h>

#include "yishi-person.h"
#include "yishi-person-choice.h"

/* The label of an item, and what the search matches from its start: the
 * name (with grid and building, to tell namesakes apart), or “None”. */
static char *
choice_label (GObject  *item,
              gpointer  user_data)
{
  if (YISHI_IS_PERSON (item))
    return yishi_person_dup_display_name (YISHI_PERSON (item));

  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

void
yishi_person_choice_setup (GtkDropDown *drop_down,
                           GListModel  *people,
                           gboolean     allow_none)
{
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkFlattenListModel) flat = NULL;
  GtkExpression *expression;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (G_IS_LIST_MODEL (people));

  if (allow_none)
    {
      /* Translators: the choice of no person, e.g. for the chair */
      const char * const none[] = { C_("person", "None"), NULL };
      g_autoptr(GtkStringList) first = gtk_string_list_new (none);

      g_list_store_append (parts, first);
    }
  g_list_store_append (parts, people);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (choice_label), NULL, NULL);
  gtk_drop_down_set_expression (drop_down, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_enable_search (drop_down, TRUE);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (flat));
  gtk_drop_down_set_selected (drop_down, allow_none ? 0 : GTK_INVALID_LIST_POSITION);
}

gint64
yishi_person_choice_get_id (GtkDropDown *drop_down)
{
  GObject *item;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), 0);

  item = gtk_drop_down_get_selected_item (drop_down);
  return YISHI_IS_PERSON (item) ? yishi_person_get_id (YISHI_PERSON (item)) : 0;
}

gboolean
yishi_person_choice_set_id (GtkDropDown *drop_down,
                            gint64       id)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), FALSE);

  model = gtk_drop_down_get_model (drop_down);
  n = model ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 item_id = YISHI_IS_PERSON (item) ? yishi_person_get_id (YISHI_PERSON (item)) : 0;

      if (item_id == id)
        {
          gtk_drop_down_set_selected (drop_down, i);
          return TRUE;
        }
    }

  gtk_drop_down_set_selected (drop_down, GTK_INVALID_LIST_POSITION);
  return FALSE;
}
