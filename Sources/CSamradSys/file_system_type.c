#include <sys/vfs.h>
#include "samrad_sys.h"

long samrad_file_system_type(const char *path) {
    struct statfs info;
    if (statfs(path, &info) != 0) return 0;
    return (long)info.f_type;
}
