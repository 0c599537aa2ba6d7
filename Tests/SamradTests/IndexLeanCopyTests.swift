import Foundation
import Testing
import SamradIndex

/// The copy of a page Pagefind reads (`IndexedCopy`): Pagefind's words, headings,
/// anchors and data, without the markup it only parses to skip.
@Suite("index stage: the lean copy Pagefind reads")
struct IndexLeanCopyTests {
    @Test func markupIsDroppedAndTextStays() {
        #expect(IndexedCopy.lean(#"<div class="notes" data-x="1"><p class="a">Hej <a href="/x/" rel="next">där</a>, <em>du</em>.</p></div>"#)
                == "<div><p>Hej där, du.</p></div>")
        // Runs of white space are one character (Pagefind collapses them as well), never none.
        #expect(IndexedCopy.lean("<p>ett \n\n  två</p>\n\n\n<p>tre</p>") == "<p>ett\ntvå</p>\n<p>tre</p>")
        #expect(IndexedCopy.lean("<p>a<br/>b<!-- en kommentar -->c</p>") == "<p>a<br>bc</p>")
    }

    @Test func idsAndPagefindDataAreKept() {
        #expect(IndexedCopy.lean(#"<h2 class="t" id="fraga-1"><span class="label">Fråga 1</span> Vad?</h2>"#)
                == #"<h2 id="fraga-1">Fråga 1 Vad?</h2>"#)
        #expect(IndexedCopy.lean(#"<h6 class="x" id='a"b'>x</h6>"#) == #"<h6 id="a&quot;b">x</h6>"#)
        let body = #"<article class="wrap" data-pagefind-body data-pagefind-meta="datum:1 maj"><span hidden data-pagefind-meta="date:2024-05-01"></span><h1>T</h1></article>"#
        #expect(IndexedCopy.lean(body) == #"<article data-pagefind-body data-pagefind-meta="datum:1 maj"><span data-pagefind-meta="date:2024-05-01"></span><h1>T</h1></article>"#)
        // A value that reads another attribute keeps them all.
        let reads = #"<div class="x" data-pagefind-meta="image[data-src]" data-src="/a.png"></div>"#
        #expect(IndexedCopy.lean(reads) == reads)
        #expect(IndexedCopy.hasBody(body) && !IndexedCopy.hasBody("<p>x</p>"))
        // Pagefind takes the first image as the result's image.
        #expect(IndexedCopy.lean(#"<figure class="f"><img src="/a.png" alt="Bild"></figure>"#) == #"<img src="/a.png" alt="Bild">"#)
    }

    @Test func partsPagefindSkipsAreDropped() {
        let page = """
        <nav class="toc" id="innehall"><h2 id="innehall-rubrik">Innehåll</h2><ol><li><a href="#a">A</a></li></ol></nav>
        <ul class="tag-list" data-pagefind-ignore><li><a class="tag" href="/teman/x/">Tema X</a></li></ul>
        <aside data-pagefind-ignore="all"><span data-pagefind-filter="tema:Y"></span>Bort</aside>
        <svg viewBox="0 0 1 1"><svg><text>inre</text></svg><title>ritning</title></svg>
        <form><label>Sök</label><input name="q"><button>Sök</button></form>
        <span hidden>dold</span><span aria-hidden="true">†</span><script>let a = "<p>";</script>
        <p>Kvar</p>
        """
        #expect(IndexedCopy.lean(page).trimmingCharacters(in: .whitespacesAndNewlines) == "<p>Kvar</p>")
    }

    @Test func filtersInsideSkippedPartsStillCount() {
        // Pagefind reads filters and meta inside an ignored element: it is kept as written.
        let ignored = #"<section class="s" data-pagefind-ignore><span data-pagefind-filter="tema:Y"></span>Text</section>"#
        #expect(IndexedCopy.lean(ignored) == ignored)
        let nav = #"<nav><span data-pagefind-meta="x:y"></span></nav>"#
        #expect(IndexedCopy.lean(nav) == nav)
        // An ignored element's own filter counts as well.
        let own = #"<div data-pagefind-ignore data-pagefind-filter="år:2024">x</div>"#
        #expect(IndexedCopy.lean(own) == own)
    }

    @Test func onlyHeadingsKeepTheirAnchors() {
        // Pagefind's search script makes sub-results only from heading anchors; any other
        // element's id would be an anchor (with a copy of its text) in the fragment that no
        // result shows. The words stay where they were.
        #expect(IndexedCopy.lean(#"<p class="x" id="stycke-a">Ett <b id="b">två</b>.</p>"#) == "<p>Ett två.</p>")
        #expect(IndexedCopy.lean(#"<section id="deltagare"><h2 id="deltagare-rubrik">Deltagare</h2><ul><li>A</li></ul></section>"#)
                == #"<section><h2 id="deltagare-rubrik">Deltagare</h2><ul><li>A</li></ul></section>"#)
        #expect(IndexedCopy.lean(#"<span id="s" data-pagefind-filter="tema:X"></span>"#) == #"<span data-pagefind-filter="tema:X"></span>"#)
        #expect(IndexedCopy.lean(#"<h3 data-pagefind-weight="2" id="f">F</h3>"#) == #"<h3 data-pagefind-weight="2" id="f">F</h3>"#)
        for level in 1...6 {
            #expect(IndexedCopy.lean("<h\(level) class=\"c\" id=\"x\">X</h\(level)>") == "<h\(level) id=\"x\">X</h\(level)>")
        }
    }

    @Test func anchorTextStaysAsPagefindReadsIt() {
        // Text of a block inside a heading with an id is not that anchor's text in
        // Pagefind (only inline children's is), so the block's tag stays.
        #expect(IndexedCopy.lean(#"<h4 id="p"><dl class="d"><dt>A</dt><dd>B</dd></dl> <b>C</b></h4>"#)
                == #"<h4 id="p"><dl>AB</dl> C</h4>"#)
        #expect(IndexedCopy.lean("<dl><dt>A</dt><dd>B</dd></dl>") == "AB")
    }

    @Test func unclosedAndStrayTagsKeepTheCopyWellFormed() {
        #expect(IndexedCopy.lean("<div><p>ett<p>två</div></span>") == "<div><p>ett<p>två</p></p></div>")
        #expect(IndexedCopy.lean("<section><h2 id=\"x\">Rubrik") == "<section><h2 id=\"x\">Rubrik</h2></section>")
        #expect(IndexedCopy.lean("a < b & c") == "a < b & c")
    }

    @Test func aBodyPageStopsThePagesWithoutOne() {
        var gate = PagefindBodyGate<String>()
        #expect(gate.take("lista-1", body: false, bytes: 10).isEmpty, "held until a body page is seen")
        #expect(gate.take("möte", body: true, bytes: 10) == ["möte"])
        #expect(!gate.wantsPagesWithoutBody)
        #expect(gate.take("lista-2", body: false, bytes: 10).isEmpty)
        #expect(gate.finish().isEmpty, "lista-1 was dropped: Pagefind would not index it")
    }

    @Test func aSiteWithoutBodiesSendsEveryPage() {
        var gate = PagefindBodyGate<String>(holdLimit: 25)
        #expect(gate.take("a", body: false, bytes: 10).isEmpty)
        #expect(gate.take("b", body: false, bytes: 10).isEmpty)
        #expect(gate.take("c", body: false, bytes: 10) == ["a", "b", "c"], "past the limit the held pages go, in order")
        #expect(gate.take("d", body: false, bytes: 10) == ["d"])
        var small = PagefindBodyGate<String>()
        _ = small.take("a", body: false, bytes: 10)
        _ = small.take("b", body: false, bytes: 10)
        #expect(small.finish() == ["a", "b"])
    }
}
