/* validate-ui.c — "gtk4-builder-tool validate" for Yishi's templates
 *
 * Copyright Yishi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk4-builder-tool (GTK 4.8) cannot check these files: it never loads
 * libadwaita, so a template whose parent is AdwApplicationWindow fails, and
 * it does not know the store's row types used in <lookup type="YishiProposal">.
 * This program checks each file the way the tool does, and in addition:
 *
 *  - calls adw_init (), so every Adw type resolves;
 *  - is linked with the whole store library (and the app's widget library
 *    when meson has one) and exports their symbols, so GtkBuilder resolves
 *    YishiProposal, YishiPersonForm & co. to the real types, with their own
 *    properties and signals;
 *  - checks each template against an empty subclass of its parent, as the
 *    tool does, even when the real class exists (the real one would build
 *    its template from the resource first): under the template's own name
 *    when no real class exists, so that other templates can use it, or else
 *    under NAME__validate, with the file's <template class> renamed;
 *  - checks the inline interface of every GtkBuilderListItemFactory, which
 *    GTK only parses when the list shows its first row.
 *
 * Signal handlers and closures are not looked up (as in the tool).
 * Usage: validate-ui FILE.ui...   (needs a display: run it under Xvfb)
 */

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <gtk/gtk.h>

/* A builder scope that accepts any handler name, like the tool's. */

#define VALIDATE_TYPE_SCOPE (validate_scope_get_type ())
G_DECLARE_FINAL_TYPE (ValidateScope, validate_scope, VALIDATE, SCOPE, GtkBuilderCScope)

struct _ValidateScope
{
  GtkBuilderCScope parent_instance;
};

static void validate_scope_scope_init (GtkBuilderScopeInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ValidateScope, validate_scope, GTK_TYPE_BUILDER_CSCOPE,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDER_SCOPE,
                                                      validate_scope_scope_init))

typedef struct
{
  char  *file;
  int    line;
  char  *class_name;
  char  *parent_name;
  char  *fake_name;     /* NULL when class_name itself is the fake */
} Template;

typedef struct
{
  char  *file;
  int    line;
  char  *ui;
} Factory;

typedef struct
{
  const char *file;
  GPtrArray  *templates;    /* Template, for all files */
  GPtrArray  *factories;    /* Factory, for all files */
  GPtrArray  *classes;      /* class of each open <object>, innermost last */
  GString    *bytes;        /* set inside a factory's "bytes" property */
  int         bytes_line;
} Scan;

static void
template_free (gpointer data)
{
  Template *t = data;

  g_free (t->file);
  g_free (t->class_name);
  g_free (t->parent_name);
  g_free (t->fake_name);
  g_free (t);
}

static void
factory_free (gpointer data)
{
  Factory *f = data;

  g_free (f->file);
  g_free (f->ui);
  g_free (f);
}

static void
noop_marshal (GClosure     *closure,
              GValue       *return_value,
              guint         n_param_values,
              const GValue *param_values,
              gpointer      invocation_hint,
              gpointer      marshal_data)
{
}

static GClosure *
validate_scope_create_closure (GtkBuilderScope        *scope,
                               GtkBuilder             *builder,
                               const char             *function_name,
                               GtkBuilderClosureFlags  flags,
                               GObject                *object,
                               GError                **error)
{
  GClosure *closure = g_closure_new_simple (sizeof (GClosure), NULL);

  g_closure_set_marshal (closure, noop_marshal);
  return closure;
}

static void
validate_scope_scope_init (GtkBuilderScopeInterface *iface)
{
  iface->create_closure = validate_scope_create_closure;
}

static void
validate_scope_class_init (ValidateScopeClass *klass)
{
}

static void
validate_scope_init (ValidateScope *self)
{
}

static GtkBuilder *
new_builder (void)
{
  GtkBuilder *builder = gtk_builder_new ();
  g_autoptr(GtkBuilderScope) scope = g_object_new (VALIDATE_TYPE_SCOPE, NULL);

  gtk_builder_set_scope (builder, scope);
  return builder;
}

/* Scanning: find templates and list item factories. */

static const char *
find_attribute (const char  *name,
                const char **names,
                const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static void
scan_start_element (GMarkupParseContext  *context,
                    const char           *element,
                    const char          **names,
                    const char          **values,
                    gpointer              user_data,
                    GError              **error)
{
  Scan *scan = user_data;
  int line = 0;

  g_markup_parse_context_get_position (context, &line, NULL);

  if (strcmp (element, "object") == 0)
    {
      g_ptr_array_add (scan->classes, g_strdup (find_attribute ("class", names, values)));
    }
  else if (strcmp (element, "template") == 0)
    {
      Template *t = g_new0 (Template, 1);

      t->file = g_strdup (scan->file);
      t->line = line;
      t->class_name = g_strdup (find_attribute ("class", names, values));
      t->parent_name = g_strdup (find_attribute ("parent", names, values));
      g_ptr_array_add (scan->templates, t);
      g_ptr_array_add (scan->classes, g_strdup (t->class_name));
    }
  else if (strcmp (element, "property") == 0 && scan->classes->len > 0)
    {
      const char *klass = g_ptr_array_index (scan->classes, scan->classes->len - 1);

      if (g_strcmp0 (klass, "GtkBuilderListItemFactory") == 0 &&
          g_strcmp0 (find_attribute ("name", names, values), "bytes") == 0)
        {
          scan->bytes = g_string_new (NULL);
          scan->bytes_line = line;
        }
    }
}

static void
scan_end_element (GMarkupParseContext  *context,
                  const char           *element,
                  gpointer              user_data,
                  GError              **error)
{
  Scan *scan = user_data;

  if ((strcmp (element, "object") == 0 || strcmp (element, "template") == 0) &&
      scan->classes->len > 0)
    {
      g_ptr_array_remove_index (scan->classes, scan->classes->len - 1);
    }
  else if (strcmp (element, "property") == 0 && scan->bytes != NULL)
    {
      Factory *f = g_new0 (Factory, 1);

      f->file = g_strdup (scan->file);
      f->line = scan->bytes_line;
      f->ui = g_string_free (g_steal_pointer (&scan->bytes), FALSE);
      g_ptr_array_add (scan->factories, f);
    }
}

static void
scan_text (GMarkupParseContext  *context,
           const char           *text,
           gsize                 len,
           gpointer              user_data,
           GError              **error)
{
  Scan *scan = user_data;

  if (scan->bytes != NULL)
    g_string_append_len (scan->bytes, text, len);
}

/* GMarkup hands CDATA sections, markers included, to passthrough. */
static void
scan_passthrough (GMarkupParseContext  *context,
                  const char           *text,
                  gsize                 len,
                  gpointer              user_data,
                  GError              **error)
{
  Scan *scan = user_data;
  const gsize open = strlen ("<![CDATA["), close = strlen ("]]>");

  if (scan->bytes != NULL && len >= open + close &&
      strncmp (text, "<![CDATA[", open) == 0 &&
      strncmp (text + len - close, "]]>", close) == 0)
    g_string_append_len (scan->bytes, text + open, len - open - close);
}

static gboolean
scan_file (Scan        *scan,
           const char  *file,
           GError     **error)
{
  static const GMarkupParser parser = {
    scan_start_element, scan_end_element, scan_text, scan_passthrough, NULL,
  };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (file, &contents, &len, error))
    return FALSE;

  scan->file = file;
  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, scan, NULL);
  if (!g_markup_parse_context_parse (context, contents, len, error) ||
      !g_markup_parse_context_end_parse (context, error))
    {
      g_prefix_error (error, "%s: ", file);
      return FALSE;
    }
  return TRUE;
}

/* Fake template types, registered parents first. */

static GType
register_fake (const char *name,
               GType       parent)
{
  GTypeQuery query;

  g_type_query (parent, &query);
  return g_type_register_static_simple (parent, name,
                                        query.class_size, NULL,
                                        query.instance_size, NULL, 0);
}

static gboolean
register_templates (GPtrArray  *templates,
                    GError    **error)
{
  g_autoptr(GtkBuilder) builder = new_builder ();
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);
  gboolean progress = TRUE;

  for (guint i = 0; i < templates->len; i++)
    {
      Template *t = g_ptr_array_index (templates, i);

      if (t->class_name == NULL || t->parent_name == NULL)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_MISSING_ATTRIBUTE,
                       "%s:%d: <template> needs a class and a parent", t->file, t->line);
          return FALSE;
        }
    }

  while (progress)
    {
      progress = FALSE;
      for (guint i = 0; i < templates->len; i++)
        {
          Template *t = g_ptr_array_index (templates, i);
          GType parent;

          if (g_hash_table_contains (done, t))
            continue;
          parent = gtk_builder_get_type_from_name (builder, t->parent_name);
          if (parent == G_TYPE_INVALID)
            continue;
          if (G_TYPE_IS_FINAL (parent))
            {
              g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           "%s:%d: template parent %s is a final type",
                           t->file, t->line, t->parent_name);
              return FALSE;
            }

          if (gtk_builder_get_type_from_name (builder, t->class_name) == G_TYPE_INVALID)
            {
              register_fake (t->class_name, parent);
            }
          else
            {
              t->fake_name = g_strconcat (t->class_name, "__validate", NULL);
              if (g_type_from_name (t->fake_name) == G_TYPE_INVALID)
                register_fake (t->fake_name, parent);
            }
          g_hash_table_add (done, t);
          progress = TRUE;
        }
    }

  for (guint i = 0; i < templates->len; i++)
    {
      Template *t = g_ptr_array_index (templates, i);

      if (!g_hash_table_contains (done, t))
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                       "%s:%d: unknown template parent type %s",
                       t->file, t->line, t->parent_name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Checking */

static void
discard_object (GObject *object)
{
  if (GTK_IS_WINDOW (object))
    {
      gtk_window_destroy (GTK_WINDOW (object));
      return;
    }

  /* A fake subclass of GtkWidget has no dispose of its own to unparent
   * the children its template gave it. */
  if (GTK_IS_WIDGET (object) && g_type_parent (G_OBJECT_TYPE (object)) == GTK_TYPE_WIDGET)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
        gtk_widget_unparent (child);
    }
  g_object_unref (object);
}

static void
destroy_windows (GtkBuilder *builder,
                 GObject    *except)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_WINDOW (l->data) && l->data != except)
      gtk_window_destroy (GTK_WINDOW (l->data));
}

static const Template *
find_template (GPtrArray  *templates,
               const char *file)
{
  for (guint i = 0; i < templates->len; i++)
    {
      const Template *t = g_ptr_array_index (templates, i);

      if (strcmp (t->file, file) == 0)
        return t;
    }
  return NULL;
}

/* Errors from a string read ".:LINE:COL message": put the file name in. */
static void
name_file_in_error (GError     **error,
                    const char  *file)
{
  if (g_str_has_prefix ((*error)->message, ".:"))
    {
      char *message = g_strconcat (file, (*error)->message + 1, NULL);

      g_free ((*error)->message);
      (*error)->message = message;
    }
  else
    {
      g_prefix_error (error, "%s: ", file);
    }
}

/* The file, with its <template class="NAME"> renamed to NAME__validate. */
static char *
load_renamed (const Template  *template,
              GError         **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *quoted = g_regex_escape_string (template->class_name, -1);
  g_autofree char *pattern = g_strdup_printf ("(<template\\s[^>]*class=\")%s\"", quoted);
  g_autofree char *replacement = g_strdup_printf ("\\1%s\"", template->fake_name);
  g_autoptr(GRegex) regex = NULL;

  if (!g_file_get_contents (template->file, &contents, NULL, error))
    return NULL;
  regex = g_regex_new (pattern, 0, 0, error);
  if (regex == NULL)
    return NULL;
  return g_regex_replace (regex, contents, -1, 0, replacement, 0, error);
}

static gboolean
validate_file (const char      *file,
               const Template  *template,
               GError         **error)
{
  g_autoptr(GtkBuilder) builder = new_builder ();
  GObject *object = NULL;
  gboolean ok;

  if (template == NULL)
    {
      ok = gtk_builder_add_from_file (builder, file, error);
    }
  else
    {
      const char *name = template->fake_name ? template->fake_name : template->class_name;
      GType type = g_type_from_name (name);
      g_autofree char *renamed = NULL;

      g_assert (type != G_TYPE_INVALID);

      /* A window belongs to GTK; any other widget is ours once sunk. */
      object = g_object_new (type, NULL);
      if (g_object_is_floating (object))
        g_object_ref_sink (object);

      ok = gtk_builder_extend_with_template (builder, object, type, " ", 1, error);
      if (ok && template->fake_name == NULL)
        {
          ok = gtk_builder_add_from_file (builder, file, error);
        }
      else if (ok)
        {
          renamed = load_renamed (template, error);
          ok = renamed != NULL &&
               gtk_builder_add_from_string (builder, renamed, -1, error);
          if (!ok)
            name_file_in_error (error, file);
        }
    }

  destroy_windows (builder, object);
  g_clear_object (&builder);
  if (object != NULL)
    discard_object (object);
  return ok;
}

static gboolean
validate_factory (const Factory  *factory,
                  GError        **error)
{
  g_autoptr(GtkBuilder) builder = new_builder ();
  g_autoptr(GObject) item = g_object_new (GTK_TYPE_LIST_ITEM, NULL);

  if (factory->ui[strspn (factory->ui, " \t\r\n")] == '\0')
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_EMPTY,
                   "%s:%d: the list item factory has no interface", factory->file, factory->line);
      return FALSE;
    }
  if (!gtk_builder_extend_with_template (builder, item, GTK_TYPE_LIST_ITEM,
                                         factory->ui, -1, error))
    {
      if (g_str_has_prefix ((*error)->message, ".:"))
        {
          char *message = g_strconcat ("line ", (*error)->message + 2, NULL);

          g_free ((*error)->message);
          (*error)->message = message;
        }
      g_prefix_error (error, "%s:%d: in this list item factory, ", factory->file, factory->line);
      return FALSE;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (template_free);
  g_autoptr(GPtrArray) factories = g_ptr_array_new_with_free_func (factory_free);
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  Scan scan = { NULL, templates, factories, classes, NULL, 0 };
  int status = EXIT_SUCCESS;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE.ui...\n", argv[0]);
      return EXIT_FAILURE;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("%s: cannot open a display; run it under xvfb-run\n", argv[0]);
      return EXIT_FAILURE;
    }
  adw_init ();

  for (int i = 1; i < argc; i++)
    {
      if (!scan_file (&scan, argv[i], &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
    }
  if (!register_templates (templates, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  for (int i = 1; i < argc; i++)
    {
      if (validate_file (argv[i], find_template (templates, argv[i]), &error))
        {
          g_print ("ok %s\n", argv[i]);
        }
      else
        {
          g_printerr ("%s\n", error->message);
          g_clear_error (&error);
          status = EXIT_FAILURE;
        }
    }

  for (guint i = 0; i < factories->len; i++)
    {
      if (!validate_factory (g_ptr_array_index (factories, i), &error))
        {
          g_printerr ("%s\n", error->message);
          g_clear_error (&error);
          status = EXIT_FAILURE;
        }
    }
  if (status == EXIT_SUCCESS)
    g_print ("ok %u list item factories\n", factories->len);

  return status;
}
