#ifndef SAMRAD_SYS_H
#define SAMRAD_SYS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set when the kernel or file system cannot do it.
int samrad_exchange_paths(const char *a, const char *b);

/// The statfs f_type of the file system `path` is on (a magic number such as 0x01021997
/// for 9p), or 0 when it cannot be read. Swift's Glibc module does not export statfs.
long samrad_file_system_type(const char *path);

#endif
