/// Which `Host` names the preview answers to.
///
/// The preview serves drafts, and a web page the editor visits could read it through
/// DNS rebinding: its own name, re-pointed to 127.0.0.1, reaches the preview with that
/// name in `Host`. A rebound name is never an IP address or "localhost", so those are
/// answered, and the address given with `--host` and names given with `--allow-host`;
/// everything else gets 421 Misdirected Request.
public struct HostCheck: Sendable {
    /// Lower-case names (no port) answered besides IP addresses and localhost.
    public var names: Set<String>

    /// - Parameters:
    ///   - bound: the `--host` the server listens on.
    ///   - allowed: further names (`--allow-host`), for a preview reached by name.
    public init(bound: String, allowed: [String] = []) {
        names = Set(([bound] + allowed).map { Self.hostName($0.lowercased()) })
        names.insert("localhost")
    }

    /// Whether a request with this `Host` (or absolute-form authority) is answered.
    public func allows(_ authority: String?) -> Bool {
        guard let authority, !authority.isEmpty else { return false }
        let host = Self.hostName(authority.lowercased())
        if host.isEmpty { return false }
        return names.contains(host) || Self.isIPv4(host) || Self.isIPv6Literal(host)
    }

    /// `authority` without its port; an IPv6 literal keeps its brackets.
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return "" }
            return String(authority[...close])
        }
        if let colon = authority.firstIndex(of: ":") { return String(authority[..<colon]) }
        return authority.hasSuffix(".") ? String(authority.dropLast()) : authority
    }

    static func isIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigitCharacter) && (Int(part) ?? 256) <= 255
        }
    }

    static func isIPv6Literal(_ host: String) -> Bool {
        guard host.hasPrefix("["), host.hasSuffix("]"), host.count > 2 else { return false }
        return host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
