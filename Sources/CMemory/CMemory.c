#include <malloc.h>
#include "CMemory.h"

int sov_limit_malloc_arenas(int count) {
    return mallopt(M_ARENA_MAX, count);
}

int sov_release_free_memory(void) {
    return malloc_trim(0);
}
