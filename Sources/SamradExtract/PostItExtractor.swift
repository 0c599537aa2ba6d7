import SamradCore
import SamradParse

/// Reads a post-it appendix: headings are categories (nested headings make a path),
/// every list item is one post-it.
struct PostItExtractor {
    let tags: TagStripper
    let inheritedThemes: [String]
    var ids: Slug.Registry
    private(set) var allTags: [TagRef] = []
    private(set) var diagnostics = Diagnostics()

    init(source: SourceLines, inheritedThemes: [String], ids: Slug.Registry) {
        self.tags = TagStripper(source: source)
        self.inheritedThemes = inheritedThemes
        self.ids = ids
    }

    mutating func run(slug: String, title: String, file: String, blocks: [MarkdownNode]) -> PostItBoard {
        var intro: [BodyBlock] = []
        var categories: [PostItCategory] = []
        var stack: [(level: Int, title: String, slug: String, tags: [String])] = []
        var usedCategoryKeys = Set<String>()

        for var block in blocks {
            switch block.kind {
            case .heading(let level):
                let at = SourceLocation(file: tags.source.file, line: block.line, column: block.column)
                var pinned = PinnedID.strip(&block.children, at: at, &diagnostics)
                let written = tags.stripInlines(&block)
                if pinned == nil { pinned = PinnedID.strip(&block.children, at: at, &diagnostics) }
                allTags += written
                while let last = stack.last, last.level >= level { stack.removeLast() }
                let title = block.plainText.trimmed
                stack.append((level, title, Slug.make(title, maxWords: 6), written.map(\.name)))
                // The leaf name is enough for an id unless another category already has it.
                // A category pinned with `{#key}` keeps its post-its' anchors when reworded.
                var key = pinned ?? stack.last?.slug ?? "kategori"
                if pinned == nil && usedCategoryKeys.contains(key) { key = stack.map(\.slug).joined(separator: "-") }
                usedCategoryKeys.insert(key)
                let id = ids.claim("kategori-\(key)")
                categories.append(PostItCategory(id: id, path: stack.map(\.title), depth: stack.count))
            case .list:
                if categories.isEmpty {
                    categories.append(PostItCategory(id: ids.claim("kategori-ovrigt"), path: [], depth: 0))
                }
                let c = categories.count - 1
                let scope = inheritedThemes + stack.flatMap(\.tags)
                var number = categories[c].postIts.count
                let key = categories[c].id.hasPrefix("kategori-") ? String(categories[c].id.dropFirst("kategori-".count)) : categories[c].id
                collect(block, into: &categories[c], scope: scope, key: key, number: &number)
            default:
                allTags += tags.stripAll(&block)
                if categories.isEmpty {
                    intro.append(.markdown(block))
                } else {
                    categories[categories.count - 1].notes.append(.markdown(block))
                }
            }
        }
        return PostItBoard(slug: slug, title: title, file: file, intro: intro, categories: categories)
    }

    private mutating func stripPinned(_ item: inout MarkdownNode, at location: SourceLocation) -> String? {
        guard let p = item.children.lastIndex(where: { !$0.isList && $0.isParagraph }) else { return nil }
        return PinnedID.strip(&item.children[p].children, at: location, &diagnostics)
    }

    private mutating func claimPinned(_ id: String, at location: SourceLocation) -> String {
        let taken = ids.isUsed(id)
        let got = ids.claim(id)
        if taken { diagnostics.warning(key: "diag_anchor_taken", ["id": id, "got": got], at: location) }
        return got
    }

    /// One post-it per item; nested items are post-its too and inherit their parent's tags.
    private mutating func collect(_ list: MarkdownNode, into category: inout PostItCategory, scope: [String], key: String, number: inout Int) {
        for var item in list.children {
            let at = SourceLocation(file: tags.source.file, line: item.line, column: item.column)
            var pinned = stripPinned(&item, at: at)
            let written = tags.stripItem(&item)
            if pinned == nil { pinned = stripPinned(&item, at: at) }
            allTags += written
            // Quotes or code inside a post-it: their tags are checked but do not tag the post-it.
            for idx in item.children.indices where !item.children[idx].isList && !item.children[idx].isParagraph {
                allTags += tags.stripAll(&item.children[idx])
            }
            let themes = unique(scope + written.map(\.name))
            let nested = item.children.filter(\.isList)
            let content = item.children.filter { !$0.isList }
            let text = content.map(\.plainText).joined(separator: " ").trimmed
            if !text.isEmpty {
                number += 1
                let id: String
                if let pinned { id = claimPinned(pinned, at: at) } else { id = ids.claim("postit-\(key)-\(number)") }
                category.postIts.append(PostIt(
                    id: id, number: number, content: content, text: text,
                    categoryPath: category.path, tags: written, themes: themes,
                    location: SourceLocation(file: tags.source.file, line: item.line, column: item.column)))
            }
            for sub in nested {
                collect(sub, into: &category, scope: themes, key: key, number: &number)
            }
        }
    }
}
