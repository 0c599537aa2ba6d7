import Mustache

/// A view model node as Mustache sees it. swift-mustache finds keys in a dictionary by
/// casting it to `MustacheParent`, a conditional conformance of Dictionary that is slow
/// to check at run time, once per key per context level. A final class with an
/// unconditional conformance makes those lookups cheap; view models are still written
/// as plain dictionaries and wrapped once before rendering.
final class ViewModel: MustacheParent, @unchecked Sendable {
    let values: [String: Any]

    init(_ values: [String: Any]) { self.values = values }

    func child(named name: String) -> Any? { values[name] }

    static func wrap(_ dictionary: [String: Any]) -> ViewModel {
        var out: [String: Any] = [:]
        out.reserveCapacity(dictionary.count)
        for (key, value) in dictionary { out[key] = wrapValue(value) }
        return ViewModel(out)
    }

    static func wrapValue(_ value: Any) -> Any {
        switch value {
        case let d as [String: Any]: return wrap(d)
        case let list as [[String: Any]]: return list.map(wrap)
        case let list as [Any]: return list.map(wrapValue)
        default: return value
        }
    }
}
