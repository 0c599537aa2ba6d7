import SamradCore

/// A note the importer leaves for the reviewer: a `<!-- samrad: … -->` comment in the
/// draft and a line of the report. A catalogue key with its values (`import_note_…`),
/// said in the site's language when the draft is written, since the draft is the site's
/// content and its reviewer reads the site's language.
struct ImportNote: Sendable, Equatable {
    var key: String
    var values: [String: String] = [:]

    init(_ key: String, _ values: [String: String] = [:]) {
        self.key = key
        self.values = values
    }

    func said(in words: Catalogue) -> String { words.say(key, values) }
}
