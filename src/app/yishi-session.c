#include "config.h"

#include "yishi-person-store.h"
#include "yishi-session.h"
#include "yishi-store-task.h"

struct _YishiSession
{
  GObject        parent_instance;
  YishiDatabase *db;
  GListStore    *people;
  gboolean       people_asked; /* read once a page first asks for them */
  GCancellable  *cancellable;
};

G_DEFINE_FINAL_TYPE (YishiSession, yishi_session, G_TYPE_OBJECT)

enum {
  PROPOSALS_CHANGED,
  MEETINGS_CHANGED,
  CONTESTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gpointer
load_people_func (YishiDatabase   *db,
                  gpointer         data,
                  GCancellable    *cancellable,
                  GDestroyNotify  *out_free,
                  GError         **error)
{
  *out_free = (GDestroyNotify) g_ptr_array_unref;
  return yishi_person_store_list (db, error);
}

static void
people_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(YishiSession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = yishi_store_run_finish (YISHI_DATABASE (source), result, &error);

  if (people == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load people: %s", error->message);
      return;
    }

  g_list_store_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                       people->pdata, people->len);
}

void
yishi_session_reload_people (YishiSession *self)
{
  g_return_if_fail (YISHI_IS_SESSION (self));

  yishi_store_run_async (self->db, load_people_func, NULL, NULL, self->cancellable,
                         people_loaded_cb, g_object_ref (self));
}

/* Tells the Meetings page that another program changed the record. */
void
yishi_session_meetings_changed (YishiSession *self)
{
  g_return_if_fail (YISHI_IS_SESSION (self));

  g_signal_emit (self, signals[MEETINGS_CHANGED], 0);
}

/* Tells the Contests page that its contests changed behind its back:
 * another program, or a publication that moved proposals. */
void
yishi_session_contests_changed (YishiSession *self)
{
  g_return_if_fail (YISHI_IS_SESSION (self));

  g_signal_emit (self, signals[CONTESTS_CHANGED], 0);
}

/* Tells the pages that proposals changed behind their back (an import,
 * another program writing the same file) and should be read again. */
void
yishi_session_proposals_changed (YishiSession *self)
{
  g_return_if_fail (YISHI_IS_SESSION (self));

  g_signal_emit (self, signals[PROPOSALS_CHANGED], 0);
}

static void
yishi_session_dispose (GObject *object)
{
  YishiSession *self = YISHI_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->people);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (yishi_session_parent_class)->dispose (object);
}

static void
yishi_session_class_init (YishiSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = yishi_session_dispose;

  signals[PROPOSALS_CHANGED] =
    g_signal_new ("proposals-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MEETINGS_CHANGED] =
    g_signal_new ("meetings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CONTESTS_CHANGED] =
    g_signal_new ("contests-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
yishi_session_init (YishiSession *self)
{
  self->people = g_list_store_new (YISHI_TYPE_PERSON);
  self->cancellable = g_cancellable_new ();
}

YishiSession *
yishi_session_new (YishiDatabase *db)
{
  YishiSession *self = g_object_new (YISHI_TYPE_SESSION, NULL);

  self->db = g_object_ref (db);

  return self;
}

YishiDatabase *
yishi_session_get_database (YishiSession *self)
{
  g_return_val_if_fail (YISHI_IS_SESSION (self), NULL);

  return self->db;
}

GListModel *
yishi_session_get_people (YishiSession *self)
{
  g_return_val_if_fail (YISHI_IS_SESSION (self), NULL);

  /* Not when the session is made, before the window's first frame: the
   * directory can hold tens of thousands of people, and reading them
   * would take the processor from the frame. */
  if (!self->people_asked)
    {
      self->people_asked = TRUE;
      yishi_session_reload_people (self);
    }
  return G_LIST_MODEL (self->people);
}

YishiPerson *
yishi_session_find_person (YishiSession *self,
                           gint64        id,
                           guint        *out_position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(YishiPerson) person = g_list_model_get_item (G_LIST_MODEL (self->people), i);

      if (yishi_person_get_id (person) == id)
        {
          if (out_position != NULL)
            *out_position = i;
          return person;
        }
    }

  return NULL;
}

void
yishi_session_add_person (YishiSession *self,
                          YishiPerson  *person)
{
  g_return_if_fail (YISHI_IS_SESSION (self));

  g_list_store_append (self->people, person);
}

/* Puts @person in place of the stored person with the same id. */
void
yishi_session_replace_person (YishiSession *self,
                              YishiPerson  *person)
{
  guint position;

  g_return_if_fail (YISHI_IS_SESSION (self));

  if (yishi_session_find_person (self, yishi_person_get_id (person), &position) != NULL)
    g_list_store_splice (self->people, position, 1, (gpointer *) &person, 1);
  else
    g_list_store_append (self->people, person);
}

void
yishi_session_remove_person (YishiSession *self,
                             gint64        id)
{
  guint position;

  g_return_if_fail (YISHI_IS_SESSION (self));

  if (yishi_session_find_person (self, id, &position) != NULL)
    g_list_store_remove (self->people, position);
}
