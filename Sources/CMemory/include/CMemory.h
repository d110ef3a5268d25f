// glibc's allocator settings, which Swift's Glibc module does not export.
#ifndef SOVEREIGNTY_CMEMORY_H
#define SOVEREIGNTY_CMEMORY_H

/// Caps the number of malloc arenas (mallopt M_ARENA_MAX). Returns 1 on success, 0 otherwise.
int sov_limit_malloc_arenas(int count);

/// Returns the allocator's free pages, in every arena, to the system (malloc_trim(0)). Returns 1 when some were.
int sov_release_free_memory(void);

#endif
