#pragma once

#include "yishi-test-util.h"

G_BEGIN_DECLS

/* A temporary database with a few people in it, for yishictl to work on. */
typedef struct
{
  YishiTestDir *dir;
  char         *db_path;
} YishiCliFixture;

/* What one run of yishictl printed, and how it ended. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} YishiCliResult;

void            yishi_cli_fixture_set_up     (YishiCliFixture    *fixture,
                                              const char * const *names,
                                              guint               n_names);
void            yishi_cli_fixture_tear_down  (YishiCliFixture    *fixture,
                                              gconstpointer       data);
/* Runs $YISHICTL --db FIXTURE'S-FILE FIRST …, up to a NULL. */
YishiCliResult *yishi_cli_run                (YishiCliFixture    *fixture,
                                              const char         *first,
                                              ...) G_GNUC_NULL_TERMINATED;
void            yishi_cli_result_free        (YishiCliResult     *result);
/* Fails with yishictl's error output unless it ended with @status, and
 * unless it printed exactly @out when @out is not NULL. */
void            yishi_cli_assert_status      (YishiCliResult     *result,
                                              int                 status,
                                              const char         *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiCliResult, yishi_cli_result_free)

#define YISHI_CLI_RUN(fixture, status, out, ...) \
  G_STMT_START { \
    g_autoptr(YishiCliResult) r_ = yishi_cli_run ((fixture), __VA_ARGS__, NULL); \
    yishi_cli_assert_status (r_, (status), (out)); \
  } G_STMT_END

G_END_DECLS
