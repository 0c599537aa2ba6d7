import Testing
import SamradIndex

/// Pagefind reads only the pages that carry an index body; the preview picks the same
/// pages to render for it.
@Suite("index: which pages Pagefind reads")
struct IndexGlobTests {
    @Test func globAndPreviewFilterAgree() {
        let slugs = ["om", "kontakt", "bad/slug", ""]
        #expect(SearchIndexer.glob(pageSlugs: slugs) == "{moten,teman,om,kontakt}/**/*.html")
        for path in ["moten/a/index.html", "moten/a/anteckningar/index.html", "teman/tillit/index.html", "om/index.html"] {
            #expect(SearchIndexer.isIndexed(path, pageSlugs: slugs), "\(path)")
        }
        for path in ["index.html", "idebank/index.html", "fragor/index.html", "moten/a/bild.png", "bad/slug/index.html", "organisationer/x/index.html"] {
            #expect(!SearchIndexer.isIndexed(path, pageSlugs: slugs), "\(path)")
        }
    }
}
