#ifndef SAMRAD_SYS_H
#define SAMRAD_SYS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set when the kernel or file system cannot do it.
int samrad_exchange_paths(const char *a, const char *b);

#endif
