import Foundation

/// A file-system error as a short phrase a user can act on ("permission denied", "the
/// disk is full"), never Foundation's "Error Domain=NSCocoaErrorDomain Code=…" text.
/// Callers put it after a sentence that names their file: "cannot write X: <phrase>".
///
/// `cause` gives it as values of a catalogue message whose text says `{cause}`: the
/// phrases samrad knows as a `cause_key` (said in the reader's language), any other
/// system text as `cause` itself (the system's words, English).
public enum FileErrorText {
    /// The phrase in English.
    public static func describe(_ error: Error) -> String {
        Catalogue.english.say("file_error", cause(error))
    }

    /// The phrase of an `errno` in English.
    public static func phrase(errno code: Int32) -> String {
        Catalogue.english.say("file_error", cause(errno: code))
    }

    /// `["cause_key": …]` or `["cause": …]` for a message that says `{cause}`.
    public static func cause(_ error: Error) -> [String: String] {
        if let posix = posixCode(of: error) { return cause(errno: posix) }
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return ["cause_key": "file_error_no_such_file"]
            case .fileWriteFileExists: return ["cause_key": "file_error_exists"]
            case .fileReadNoPermission, .fileWriteNoPermission: return ["cause_key": "file_error_permission"]
            case .fileWriteOutOfSpace: return ["cause_key": "file_error_disk_full"]
            case .fileWriteInvalidFileName, .fileReadInvalidFileName: return ["cause_key": "file_error_bad_name"]
            case .fileWriteVolumeReadOnly: return ["cause_key": "file_error_read_only"]
            case .fileLocking: return ["cause_key": "file_error_locked"]
            default: return ["cause_key": "file_error_refused", "code": String(ns.code)]
            }
        }
        // samrad's own errors are sentences already (English); Foundation's other errors
        // print as "Error Domain=…", for which its localised text is the better of two evils.
        let text = String(describing: error)
        return ["cause": text.hasPrefix("Error Domain=") ? ns.localizedDescription : text]
    }

    /// `strerror`'s text in lower case, with the few that need a hint spelled out (and
    /// said in the reader's language).
    public static func cause(errno code: Int32) -> [String: String] {
        switch code {
        case EACCES, EPERM: return ["cause_key": "file_error_permission"]
        case ENOSPC: return ["cause_key": "file_error_disk_full"]
        case EROFS: return ["cause_key": "file_error_read_only"]
        case EBUSY: return ["cause_key": "file_error_busy"]
        case ENAMETOOLONG: return ["cause_key": "file_error_name_too_long"]
        case EXDEV: return ["cause_key": "file_error_other_disk"]
        default:
            let text = String(cString: strerror(code))
            return ["cause": text.prefix(1).lowercased() + text.dropFirst()]
        }
    }

    /// The underlying POSIX error number, when Foundation wrapped one.
    static func posixCode(of error: Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        return nil
    }
}
