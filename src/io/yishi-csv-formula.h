#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * Formula injection: Excel and LibreOffice run a CSV cell that begins
 * with = + - @ (or a tab or carriage return before one of them) as a
 * formula, so text a resident typed, such as “=cmd|' /C calc'!A0”,
 * would run on the computer of whoever opens an export. Exported text
 * cells that could be read so get a leading single quote ('), which both
 * programs show as “treat as text” and do not display.
 *
 * The rule is one-to-one, so that export then import gives back the
 * exact text: a cell is guarded when, after any single quotes it begins
 * with, its first character is one of = + - @ TAB CR; import removes
 * one quote from a cell that reads so after at least one quote. Text
 * that begins with quotes followed by such a character (“'=x”) thus
 * gets one more quote, and a lone “'” or “'abc” is left alone both
 * ways. Numbers Yishi formats itself (amounts, counts) are written as
 * they are: they never start with a formula character, and a
 * spreadsheet must keep reading them as numbers.
 */
gboolean    yishi_csv_formula_needs_guard (const char *text);
const char *yishi_csv_formula_unguard     (const char *text);

#define YISHI_CSV_FORMULA_GUARD "'"

G_END_DECLS
