#include "config.h"

#include <string.h>

#include "yishi-csv-formula.h"

/* What a spreadsheet takes for the start of a formula (OWASP's list). */
static gboolean
starts_formula (const char *text)
{
  return *text != '\0' && strchr ("=+-@\t\r", *text) != NULL;
}

static const char *
skip_quotes (const char *text)
{
  while (*text == '\'')
    text++;
  return text;
}

/* Whether an exported text cell must start with YISHI_CSV_FORMULA_GUARD. */
gboolean
yishi_csv_formula_needs_guard (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return starts_formula (skip_quotes (text));
}

/* @text without the guard an export added, or @text itself; the result
 * points into @text. */
const char *
yishi_csv_formula_unguard (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (*text == '\'' && starts_formula (skip_quotes (text)))
    return text + 1;
  return text;
}
