#include <malloc.h>
#include "CMemory.h"

int sov_limit_malloc_arenas(int count) {
    return mallopt(M_ARENA_MAX, count);
}
