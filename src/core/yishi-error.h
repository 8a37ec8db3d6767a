#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define YISHI_ERROR (yishi_error_quark ())

/**
 * YishiErrorCode:
 * Every failure a user can cause or meet, each with its own code so tests
 * and callers can tell them apart without parsing messages.
 */
typedef enum
{
  YISHI_ERROR_INVALID_VALUE,      /* a field holds a value the rules refuse */
  YISHI_ERROR_ILLEGAL_TRANSITION, /* a status move the lifecycle forbids */
  YISHI_ERROR_NOT_FOUND,          /* a record named by id or name is missing */
  YISHI_ERROR_AMBIGUOUS,          /* a name matches more than one record */
  YISHI_ERROR_NOT_YISHI,          /* the file is not a Yishi database */
  YISHI_ERROR_CORRUPT,            /* the file is damaged */
  YISHI_ERROR_TOO_NEW,            /* written by a newer Yishi */
  YISHI_ERROR_DATABASE,           /* SQLite failed */
  YISHI_ERROR_IMPORT,             /* an import found bad rows */
  YISHI_ERROR_ENCODING,           /* text is not in a known encoding */
  YISHI_ERROR_IN_USE,             /* a record is still referenced */
} YishiErrorCode;

GQuark yishi_error_quark (void);

G_END_DECLS
