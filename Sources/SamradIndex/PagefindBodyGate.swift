/// Which pages, handed over in order, Pagefind needs to be sent.
///
/// Once any page of a site has a `data-pagefind-body` element, Pagefind indexes only
/// pages that have one and drops the others after parsing and indexing them. samrad's
/// own templates mark meeting, appendix, theme and free pages, so the theme pages'
/// paginated lists (1,211 pages and 40 MB at 2,000 meetings) need not be sent at all.
/// A site's own templates may mark no page, and then every page counts, so a page
/// without a body is held until a page with one is handed over (then the held ones are
/// dropped) or the end (then they are sent, in their order). Held pages past
/// `holdLimit` bytes are sent instead of held, so a site that marks no page is not held
/// in memory whole; sending a page Pagefind then drops costs time, never a wrong index.
public struct PagefindBodyGate<Page> {
    public private(set) var sawBody = false
    private var held: [Page] = []
    private var heldBytes = 0
    private var gaveUpHolding = false
    let holdLimit: Int

    /// - Parameter holdLimit: bytes of pages without a body held before they are sent.
    public init(holdLimit: Int = 16 << 20) {
        self.holdLimit = holdLimit
    }

    /// Whether a page without a body, handed over now, would be sent at all (so the
    /// caller can skip encoding it).
    public var wantsPagesWithoutBody: Bool { !sawBody }

    /// The next page in order: what to send now (none, it, or held pages first).
    /// - Parameters:
    ///   - page: nil for a page without a body that the caller did not encode because
    ///     `wantsPagesWithoutBody` was false.
    ///   - body: whether the page has a `data-pagefind-body` element.
    ///   - bytes: the page's size, counted against `holdLimit`.
    public mutating func take(_ page: Page?, body: Bool, bytes: Int) -> [Page] {
        guard let page else { return [] }
        if body {
            if !sawBody {
                sawBody = true
                held = []
                heldBytes = 0
            }
            return [page]
        }
        if sawBody { return [] }
        if gaveUpHolding { return [page] }
        held.append(page)
        heldBytes += bytes
        guard heldBytes > holdLimit else { return [] }
        gaveUpHolding = true
        defer { held = [] }
        return held
    }

    /// At the end: the held pages when no page had a body, else none.
    public mutating func finish() -> [Page] {
        defer { held = [] }
        return sawBody ? [] : held
    }
}
