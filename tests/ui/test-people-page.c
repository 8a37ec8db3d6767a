/* Adds, edits and removes residents on the People page. */
#include "config.h"

#include "yishi-people-page.h"
#include "yishi-person-store.h"
#include "yishi-ui-test-util.h"

typedef YishiUiFixture Fixture;

static GtkWidget *
people_page (Fixture *f)
{
  return yishi_ui_find_child (GTK_WIDGET (f->window), YISHI_TYPE_PEOPLE_PAGE);
}

static YishiPerson *
stored_named (Fixture    *f,
              const char *name)
{
  g_autoptr(YishiDatabase) db = yishi_ui_open_db (f);
  g_autoptr(GPtrArray) people = yishi_person_store_list (db, NULL);

  for (guint i = 0; people != NULL && i < people->len; i++)
    if (g_str_equal (yishi_person_get_name (people->pdata[i]), name))
      return g_object_ref (people->pdata[i]);

  return NULL;
}

typedef struct
{
  Fixture    *f;
  const char *name;
  gboolean    present;
} Named;

static gboolean
named_is (gpointer data)
{
  Named *named = data;
  g_autoptr(YishiPerson) person = stored_named (named->f, named->name);

  return (person != NULL) == named->present;
}

static gboolean
row_shows_new_person (gpointer data)
{
  return g_strcmp0 (gtk_editable_get_text (data), "New person") == 0;
}

static void
test_add_and_rename (Fixture       *f,
                     gconstpointer  user_data)
{
  Named added = { f, "New person", TRUE };
  Named renamed = { f, "杨丽萍", TRUE };
  GtkWidget *name_row;

  g_assert_true (gtk_widget_activate_action (people_page (f), "people.add", NULL));
  yishi_ui_wait_until (named_is, &added);

  /* the new person is selected and the form shows them */
  name_row = yishi_ui_find_named (people_page (f), ADW_TYPE_ENTRY_ROW, "Name");
  yishi_ui_wait_until (row_shows_new_person, name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  yishi_ui_type_text (GTK_EDITABLE (name_row), "杨丽萍");
  yishi_ui_wait_until (named_is, &renamed);
}

/* The directory has @named's name, or not: the reply to a save or a
 * removal has been taken in. */
static gboolean
directory_is (gpointer data)
{
  Named *named = data;
  GListModel *people = yishi_session_get_people (yishi_window_get_session (named->f->window));
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (people) && !found; i++)
    {
      g_autoptr(YishiPerson) person = g_list_model_get_item (people, i);

      found = g_str_equal (yishi_person_get_name (person), named->name);
    }
  return found == named->present;
}

/* Typing goes on in the form when a save's reply comes in: the stored
 * row replacing the edited one must not clear the form. */
static void
test_type_during_save (Fixture       *f,
                       gconstpointer  user_data)
{
  Named added = { f, "New person", TRUE };
  Named half = { f, "杨丽", TRUE };
  Named whole = { f, "杨丽萍", TRUE };
  GtkWidget *name_row;

  g_assert_true (gtk_widget_activate_action (people_page (f), "people.add", NULL));
  yishi_ui_wait_until (named_is, &added);
  name_row = yishi_ui_find_named (people_page (f), ADW_TYPE_ENTRY_ROW, "Name");
  yishi_ui_wait_until (row_shows_new_person, name_row);

  gtk_editable_set_text (GTK_EDITABLE (name_row), "杨丽");
  gtk_editable_set_position (GTK_EDITABLE (name_row), -1);
  yishi_ui_wait_until (directory_is, &half);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "杨丽");
  /* the form is still the one shown */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (name_row, GTK_TYPE_STACK))),
                   ==, "edit");

  yishi_ui_type_text (GTK_EDITABLE (name_row), "萍");
  yishi_ui_wait_until (named_is, &whole);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "杨丽萍");
}

/* The page shows the removal (and offers Undo) once the reply is in. */
static void
test_remove_and_undo (Fixture       *f,
                      gconstpointer  user_data)
{
  Named added = { f, "New person", TRUE };
  Named gone = { f, "New person", FALSE };
  g_autoptr(YishiPerson) person = NULL;
  g_autoptr(YishiPerson) back = NULL;

  g_assert_true (gtk_widget_activate_action (people_page (f), "people.add", NULL));
  yishi_ui_wait_until (named_is, &added);
  yishi_ui_wait_until (row_shows_new_person,
                       yishi_ui_find_named (people_page (f), ADW_TYPE_ENTRY_ROW, "Name"));
  person = stored_named (f, "New person");

  g_assert_true (gtk_widget_activate_action (people_page (f), "people.delete", NULL));
  yishi_ui_wait_until (named_is, &gone);
  yishi_ui_wait_until (directory_is, &gone);
  g_assert_true (gtk_widget_activate_action (people_page (f), "people.undo-delete", "x",
                                             yishi_person_get_id (person)));
  yishi_ui_wait_until (named_is, &added);

  back = stored_named (f, "New person");
  g_assert_cmpstr (yishi_person_get_uuid (back), ==, yishi_person_get_uuid (person));
}

int
main (int   argc,
      char *argv[])
{
  yishi_ui_test_init (&argc, &argv);

  g_test_add ("/ui/people/add-and-rename", Fixture, NULL,
              yishi_ui_fixture_set_up, test_add_and_rename, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/people/type-during-save", Fixture, NULL,
              yishi_ui_fixture_set_up, test_type_during_save, yishi_ui_fixture_tear_down);
  g_test_add ("/ui/people/remove-and-undo", Fixture, NULL,
              yishi_ui_fixture_set_up, test_remove_and_undo, yishi_ui_fixture_tear_down);

  return yishi_ui_test_run ();
}
