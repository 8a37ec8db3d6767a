#include "config.h"

#include "yishi-bulk-private.h"

#ifdef G_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

/* From this size on, a buffer is worth backing with huge pages. */
#define BULK_MIN_SIZE (4 * 1024 * 1024)

/**
 * _yishi_bulk_realloc:
 * g_realloc () for a large buffer, which asks the kernel to back it with
 * huge pages: filling 100 MB in pages of 4 KiB takes some 25,000 page
 * faults, and on some virtual machines these cost more than reading and
 * parsing the text in them. Only advice: where the kernel has no huge
 * pages, nothing changes. Freed with g_free ().
 */
gpointer
_yishi_bulk_realloc (gpointer mem,
                     gsize    size)
{
  mem = g_realloc (mem, size);

#if defined(G_OS_UNIX) && defined(MADV_HUGEPAGE)
  if (size >= BULK_MIN_SIZE)
    {
      gsize page = sysconf (_SC_PAGESIZE);
      guintptr start = ((guintptr) mem + page - 1) & ~(guintptr) (page - 1);
      guintptr end = ((guintptr) mem + size) & ~(guintptr) (page - 1);

      if (end > start)
        madvise ((gpointer) start, end - start, MADV_HUGEPAGE);
    }
#endif

  return mem;
}
