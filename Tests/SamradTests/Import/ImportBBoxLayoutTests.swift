import Testing
@testable import SamradImport

/// pdftotext's `-bbox-layout` XHTML read without FoundationXML (BBoxLayout), as poppler
/// writes it: escaped words, two pages, blocks, line geometry.
@Suite("import: pdftotext layout")
struct ImportBBoxLayoutTests {
    /// The shape poppler 22 writes (taken from `pdftotext -bbox-layout` on a LibreOffice PDF).
    static let sample = """
    <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
    <head>
    <title>Not a word</title>
    <meta name="Producer" content="LibreOffice &amp; co"/>
    </head>
    <body>
    <doc>
      <page width="595.303937" height="841.889764">
        <flow>
          <block xMin="56.8" yMin="55.6" xMax="200.8" yMax="68.6">
            <line xMin="56.800000" yMin="55.600764" xMax="200.800000" yMax="68.600764">
              <word xMin="56.8" yMin="55.6" xMax="86.8" yMax="68.6">Frågor</word>
              <word xMin="92.8" yMin="55.6" xMax="98.8" yMax="68.6">&amp;</word>
              <word xMin="104.8" yMin="55.6" xMax="146.8" yMax="68.6">&lt;svar&gt;</word>
              <word xMin="152.8" yMin="55.6" xMax="170.8" yMax="68.6">&quot;q&quot;</word>
              <word xMin="176.8" yMin="55.6" xMax="200.8" yMax="68.6">it&apos;s&#233;&#xE9;&nbsp;</word>
            </line>
            <line xMin="60" yMin="70" xMax="100" yMax="80">
              <word xMin="60" yMin="70" xMax="100" yMax="80">andra</word>
            </line>
          </block>
        </flow>
      </page>
      <page width="595.303937" height="841.889764">
        <flow>
          <block xMin="56.8" yMin="55.6" xMax="200.8" yMax="68.6">
            <line xMin="56.8" yMin="100" xMax="200.8" yMax="124">
              <word xMin="56.8" yMin="100" xMax="86.8" yMax="124">Rubrik</word>
            </line>
          </block>
        </flow>
      </page>
    </doc>
    </body>
    </html>
    """

    @Test func wordsLinesPagesAndBlocks() throws {
        let lines = try BBoxLayout.lines(of: Array(Self.sample.utf8))
        #expect(lines.map(\.text) == [#"Frågor & <svar> "q" it's\#u{E9}\#u{E9}&nbsp;"#, "andra", "Rubrik"])
        #expect(lines.map(\.page) == [1, 1, 2])
        #expect(lines.map(\.block) == [1, 1, 2])
        #expect(abs(lines[0].height - 13) < 0.001)
        #expect(abs(lines[0].y - 55.600764) < 0.000001)
        #expect(lines[1].x == 60)
        #expect(lines[2].height == 24)
    }

    @Test func aBulletGivenApartFromItsTextSaysWhereTheTextBegins() {
        // Word's list in a PDF: poppler puts the bullet (x 84) and its text (x 108) in two blocks.
        let merged = PDFConverter.mergeSameBaseline([
            BBoxLayout.Line(text: "•", page: 1, block: 1, height: 15.6, y: 360.8, x: 84.1),
            BBoxLayout.Line(text: "Många samarbetar.", page: 1, block: 2, height: 15.6, y: 360.8, x: 108.1),
            BBoxLayout.Line(text: "Erfarenheterna är olika.", page: 1, block: 2, height: 15.6, y: 374.8, x: 108.1),
        ])
        #expect(merged.map(\.text) == ["• Många samarbetar.", "Erfarenheterna är olika."])
        #expect(merged[0].x == 84.1 && merged[0].secondPieceX == 108.1)
        #expect(merged[1].secondPieceX == nil)
    }

    @Test func outputCutOffInsideATagOrAWordIsUnreadable() {
        #expect(throws: BBoxLayout.Unreadable.self) { try BBoxLayout.lines(of: Array("<doc><page><line yMin=\"1\"".utf8)) }
        #expect(throws: BBoxLayout.Unreadable.self) { try BBoxLayout.lines(of: Array("<doc><page><line><word>half".utf8)) }
    }

    @Test func attributesAreDecoded() {
        let tag = Array(#"meta name="Producer" content="A &amp; B""#.utf8)
        #expect(BBoxLayout.attributes(of: tag[...]) == ["name": "Producer", "content": "A & B"])
    }
}
