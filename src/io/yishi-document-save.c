#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "yishi-document-save.h"

/**
 * yishi_document_save:
 * @data: (array length=length): the whole finished document
 *
 * Writes @data to @path under a temporary name in the same folder and
 * renames it into place when complete, so that a failure leaves an
 * existing file as it was and no partial file behind: what every export
 * of a document does. Errors are in the G_IO_ERROR domain and name the
 * file.
 */
gboolean
yishi_document_save (const char  *path,
                     const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_set_contents_full (path, data, length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                0666, &local_error))
    return TRUE;

  display_name = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
               /* Translators: %s is a file name, then the reason */
               _("Could not save the document as “%s”: %s"),
               display_name, local_error->message);
  return FALSE;
}
