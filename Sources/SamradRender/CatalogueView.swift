import Mustache
import SamradCore

/// `{{t.key}}`: a text of the site's language catalogue, with what the site's documents
/// are called filled in (`{documents}` → "möten och rapporter"). The texts are filled
/// once per build; a key no catalogue has is nothing (the template check warns of it).
struct CatalogueView: MustacheParent, Sendable {
    let texts: [String: String]

    init(_ words: DocumentWords) {
        let placeholders = words.placeholders
        var texts: [String: String] = [:]
        for key in Catalogue.swedish.entries.keys {
            texts[key] = Catalogue.fill(words.catalogue[key], placeholders)
        }
        self.texts = texts
    }

    func child(named name: String) -> Any? { texts[name] }
}

/// A page's view model with `t` (the catalogue) beside its own names: every template and
/// partial, rendered whole or as a card on its own, reads its words as `{{t.key}}`.
struct Localized: MustacheParent {
    let view: any MustacheParent
    let words: CatalogueView

    func child(named name: String) -> Any? {
        name == "t" ? words : view.child(named: name)
    }
}
