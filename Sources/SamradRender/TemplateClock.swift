import Foundation
import SamradCore

/// CPU time spent in each template, summed over all threads, when SAMRAD_TIMINGS is set:
/// which page kind or fragment a slow build spends its rendering on.
public enum TemplateClock {
    static let enabled = ProcessInfo.processInfo.environment["SAMRAD_TIMINGS"] != nil
    private static let totals = Locked<[String: (count: Int, nanoseconds: Int)]>([:])

    static func threadNanoseconds() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return t.tv_sec * 1_000_000_000 + t.tv_nsec
    }

    static func add(_ template: String, since start: Int) {
        let spent = threadNanoseconds() - start
        totals.withLock { $0[template, default: (0, 0)].count += 1; $0[template, default: (0, 0)].nanoseconds += spent }
    }

    /// "template: renders, CPU ms" lines, most expensive first; empty when not enabled.
    public static func report() -> String {
        guard enabled else { return "" }
        return totals.withLock { $0 }.sorted { $0.value.nanoseconds > $1.value.nanoseconds }
            .map { "timing:   template \($0.key): \($0.value.count) renders, CPU \($0.value.nanoseconds / 1_000_000) ms\n" }.joined()
    }
}
