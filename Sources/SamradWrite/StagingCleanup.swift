import Dispatch
import Foundation
import SamradCore

/// A build interrupted with Ctrl-C or `kill` removes its staging folder on the way out,
/// so that no half-written site is left beside the output. (A build killed outright,
/// which cannot clean up, has its folder removed by the next build of that output.)
public enum StagingCleanup {
    /// The staging folder of the build in progress, if any.
    static let current = Locked<String?>(nil)
    private static let sources = Locked<[DispatchSourceSignal]>([])

    /// For a command that builds and exits: from now on SIGINT, SIGTERM and SIGHUP remove
    /// the staging folder of a build in progress, then end the process (exit 128 + signal).
    public static func removeOnSignals() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                if let path = current.withLock({ $0 }) {
                    // Rendering threads may still be adding files: try a few times.
                    for _ in 0..<3 where FileManager.default.fileExists(atPath: path) {
                        try? FileManager.default.removeItem(atPath: path)
                    }
                }
                exit(128 + sig)
            }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }
}
