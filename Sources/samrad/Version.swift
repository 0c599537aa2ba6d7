/// What `samrad --version` prints.
enum Version {
    /// The version of the next release; raise it before running scripts/release.sh.
    static let number = "0.1.0"

    /// `samrad 0.1.0 (commit 1a2b3c4d5e6f, 2026-11-30)` for a release;
    /// a development build says that it is one.
    static var text: String {
        if let commit = ReleaseStamp.commit {
            return "samrad \(number) (commit \(commit), \(ReleaseStamp.date))"
        }
        return "samrad \(number)-dev (a development build, not a release: scripts/release.sh makes those)"
    }
}

#if !SAMRAD_RELEASE
/// A development build has no stamp. scripts/release.sh builds with `-DSAMRAD_RELEASE` and
/// writes ReleaseStamp.generated.swift (not committed) with the commit and the date.
enum ReleaseStamp {
    static let commit: String? = nil
    static let date = ""
}
#endif
