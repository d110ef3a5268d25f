// Linux file-system calls that Swift's Glibc module does not export.
#ifndef SOVEREIGNTY_CFILESYSTEM_H
#define SOVEREIGNTY_CFILESYSTEM_H

/// Atomically exchanges two paths (renameat2 with RENAME_EXCHANGE). Returns 0, or -1 with errno set.
int sov_rename_exchange(const char *first, const char *second);

#endif
