#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Running the tools that read what Yishi wrote (pdftotext, pdfinfo,
 * soffice…) and looking for text in what they print. */

/* Runs @argv (searched in PATH) with @envp (NULL: this program's) and
 * returns what it printed; fails the test when it cannot be run or does
 * not exit with 0. */
char     *yishi_test_run_in         (const char *const *argv,
                                     char             **envp);
char     *yishi_test_run            (const char *const *argv);

/* The text of @path's page @page, or of every page for 0. */
char     *yishi_test_pdf_text       (const char        *path,
                                     guint              page);
/* The value pdfinfo shows for @key ("Pages", "Title"…). */
char     *yishi_test_pdf_info       (const char        *path,
                                     const char        *key);

/* @text without any white space: lines wrap wherever the page needs. */
char     *yishi_test_squeeze        (const char        *text);
/* Whether @text holds @expected, white space aside. */
gboolean  yishi_test_says           (const char        *text,
                                     const char        *expected);
void      yishi_test_assert_says    (const char        *text,
                                     const char        *expected);

G_END_DECLS
