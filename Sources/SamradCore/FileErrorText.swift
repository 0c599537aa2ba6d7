import Foundation

/// A file-system error as a short phrase a user can act on ("permission denied", "the
/// disk is full"), never Foundation's "Error Domain=NSCocoaErrorDomain Code=…" text.
/// Callers put it after a sentence that names their file: "cannot write X: <phrase>".
public enum FileErrorText {
    public static func describe(_ error: Error) -> String {
        if let posix = posixCode(of: error) { return phrase(errno: posix) }
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
            case .fileWriteFileExists: return "something with that name already exists"
            case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "the disk is full"
            case .fileWriteInvalidFileName, .fileReadInvalidFileName: return "the name is too long or not allowed here"
            case .fileWriteVolumeReadOnly: return "the disk is read-only"
            case .fileLocking: return "the file is locked"
            default: return "the file system refused (code \(ns.code))"
            }
        }
        // samrad's own errors are sentences already; Foundation's other errors print as
        // "Error Domain=…", for which its localised text is the better of two evils.
        let text = String(describing: error)
        return text.hasPrefix("Error Domain=") ? ns.localizedDescription : text
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

    /// `strerror`'s text in lower case, with the few that need a hint spelled out.
    public static func phrase(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "the disk is full"
        case EROFS: return "the disk is read-only"
        case EBUSY: return "it is in use (a mount point?)"
        case ENAMETOOLONG: return "the name is too long"
        case EXDEV: return "it is on another disk than its parent folder"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }
}
