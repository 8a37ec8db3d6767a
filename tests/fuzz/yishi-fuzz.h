#pragma once

#include <stddef.h>
#include <stdint.h>

#include "yishi-database.h"

G_BEGIN_DECLS

/* Shared by the libFuzzer harnesses: each hands the input to the same
 * function the window and yishictl call, through a real file. */

/* The entry points libFuzzer calls; each harness defines the second. */
int            LLVMFuzzerInitialize   (int            *argc,
                                       char         ***argv);
int            LLVMFuzzerTestOneInput (const uint8_t  *data,
                                       size_t          size);

/* A file called @name in this process's temporary folder, which is made
 * on first use and removed when the process exits. */
char          *yishi_fuzz_path        (const char     *name);
/* Writes @data to @path as it is, replacing what was there. */
void           yishi_fuzz_write       (const char     *path,
                                       const uint8_t  *data,
                                       size_t          size);
/* A new database at @path with Yishi's whole schema and nothing in it:
 * a copy of one made once per process, so each input starts from the
 * same state without paying for the migrations again. */
YishiDatabase *yishi_fuzz_empty_db    (const char     *path);
/* Closes @db and removes its file and side files. */
void           yishi_fuzz_drop_db     (YishiDatabase  *db,
                                       const char     *path);

G_END_DECLS
