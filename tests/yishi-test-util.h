#pragma once

#include "yishi-database.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed with yishi_test_dir_free (). */
typedef struct
{
  char *path;
} YishiTestDir;

YishiTestDir  *yishi_test_dir_new      (void);
void           yishi_test_dir_free     (YishiTestDir *dir);
char          *yishi_test_dir_file     (YishiTestDir *dir,
                                        const char   *name);
YishiDatabase *yishi_test_open_db      (YishiTestDir *dir);
void           yishi_test_write_file   (const char   *path,
                                        const void   *contents,
                                        gssize        length);
/* The SHA-256 of the file at @path, in hex; "a folder" for a folder. */
char          *yishi_test_file_checksum (const char  *path);
/* Every proposal of @db (YishiProposal), as the store lists them. */
GPtrArray     *yishi_test_list_proposals (YishiDatabase *db);
/* A person of that name in the directory; returns their id. */
gint64         yishi_test_add_person   (YishiDatabase *db,
                                        const char    *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (YishiTestDir, yishi_test_dir_free)

G_END_DECLS
