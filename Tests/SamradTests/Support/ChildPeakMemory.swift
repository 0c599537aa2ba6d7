import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program as a child process and reports its exit status, its standard error and
/// its peak resident memory as the kernel counted it (`wait4`'s `ru_maxrss`, in KiB), so
/// a test can bound memory without timing anything. Only this child is counted, not the
/// test process or other tests' children.
enum ChildPeakMemory {
    struct Run { var status: Int32; var err: String; var maxRSSKiB: Int }

    static func run(_ executable: String, _ arguments: [String]) throws -> Run {
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-child-\(UUID().uuidString).err").path
        defer { try? FileManager.default.removeItem(atPath: errFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw CocoaError(.executableLoad) }
        }
        // WIFEXITED / WEXITSTATUS by hand: the macros are not imported into Swift.
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
        let err = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
        return Run(status: exit, err: err, maxRSSKiB: Int(usage.ru_maxrss))
    }
}
