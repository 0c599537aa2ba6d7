import Foundation

/// `{{#empty(tags)}}`, `{{count(items)}}`, `{{#first()}}`: the transforms swift-mustache
/// offers, so templates written for it keep working. An unknown transform, or one that
/// does not apply to the value, gives nil: the tag renders nothing.
enum MustacheTransforms {
    static func apply(_ name: String, to value: Any) -> Any? {
        if let list = value as? [[String: Any]] { return array(name, list) }
        if let text = value as? String { return string(name, text) }
        if let position = value as? MustacheRenderer.SequencePosition { return sequence(name, position) }
        if let number = value as? Int { return integer(name, number) }
        if let list = value as? [String] { return array(name, list) ?? sorted(name, list) }
        if let list = value as? [Int] { return array(name, list) ?? sorted(name, list) }
        if let list = value as? [Any] { return array(name, list) }
        if let object = value as? [String: Any] { return dictionary(name, object) }
        if let text = value as? Substring { return string(name, String(text)) }
        if let list = MustacheRenderer.anySequence(value) { return array(name, list) }
        return nil
    }

    static func string(_ name: String, _ text: String) -> Any? {
        switch name {
        case "empty": return text.isEmpty
        case "capitalized": return text.capitalized
        case "lowercased": return text.lowercased()
        case "uppercased": return text.uppercased()
        case "reversed": return String(text.reversed())
        default: return nil
        }
    }

    static func array<T>(_ name: String, _ list: [T]) -> Any? {
        switch name {
        case "first": return list.first
        case "last": return list.last
        case "reversed": return Array(list.reversed())
        case "count": return list.count
        case "empty": return list.isEmpty
        default: return nil
        }
    }

    static func sorted<T: Comparable>(_ name: String, _ list: [T]) -> Any? {
        name == "sorted" ? list.sorted() : nil
    }

    static func dictionary(_ name: String, _ object: [String: Any]) -> Any? {
        switch name {
        case "count": return object.count
        case "empty": return object.isEmpty
        case "enumerated": return object.map { ["key": $0.key, "value": $0.value] as [String: Any] }
        case "sorted": return object.keys.sorted().map { ["key": $0, "value": object[$0] as Any] as [String: Any] }
        default: return nil
        }
    }

    static func integer(_ name: String, _ number: Int) -> Any? {
        switch name {
        case "equalzero": return number == 0
        case "plusone": return number + 1
        case "minusone": return number - 1
        case "even": return number & 1 == 0
        case "odd": return number & 1 == 1
        default: return nil
        }
    }

    static func sequence(_ name: String, _ position: MustacheRenderer.SequencePosition) -> Any? {
        switch name {
        case "first": return position.first
        case "last": return position.last
        case "index": return position.index
        case "even": return position.index & 1 == 0
        case "odd": return position.index & 1 == 1
        default: return nil
        }
    }
}
