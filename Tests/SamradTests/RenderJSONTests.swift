import Foundation
import Testing
@testable import SamradRender

@Suite("render: JSON writers")
struct RenderJSONTests {
    static let tricky = "Citat \"så\" & <b>\\ – rad\nny\ttab\u{01} \u{2028}slut"

    /// The open data files are streamed; the tree writer is used for the rest. Both must
    /// give the same bytes for the same value, nested and empty containers included.
    @Test func streamedJSONMatchesTheTreeWriter() {
        let tree = JSON.array([
            .object([("id", .string("a")), ("tomma", .array([])), ("text", .string(Self.tricky)),
                     ("n", .int(3)), ("ja", .bool(true)), ("inget", .null),
                     ("lista", .array([.string("x"), .string("y")])),
                     ("under", .array([.object([("k", .string("v"))]), .object([])]))]),
            .object([]),
        ])
        var json = JSONStream()
        json.beginArray()
        json.beginObject()
        json.field("id", "a"); json.field("tomma", [String]()); json.field("text", Self.tricky)
        json.field("n", 3); json.field("ja", true); json.field("inget", nil as String?)
        json.field("lista", ["x", "y"])
        json.key("under")
        json.beginArray()
        json.beginObject(); json.field("k", "v"); json.endObject()
        json.beginObject(); json.endObject()
        json.endArray()
        json.endObject()
        json.beginObject(); json.endObject()
        json.endArray()
        #expect(String(decoding: json.bytes, as: UTF8.self) == tree.serialized())
    }

    /// The open data files: one record a line and no spaces inside a record, the same
    /// value as the indented layout, and far fewer bytes.
    @Test func recordPerLineIsTheSameValueInFewerBytes() throws {
        func write(_ layout: JSONStream.Layout) -> String {
            var json = JSONStream(layout: layout)
            json.beginArray()
            for id in ["a", "b"] {
                json.beginObject()
                json.field("id", id); json.field("text", Self.tricky); json.field("tomma", [String]())
                json.field("lista", ["x", "y"]); json.field("inget", nil as String?)
                json.key("under")
                json.beginArray()
                json.beginObject(); json.field("k", 1); json.endObject()
                json.endArray()
                json.endObject()
            }
            json.endArray()
            return String(decoding: json.bytes, as: UTF8.self)
        }
        let pretty = write(.pretty), compact = write(.recordPerLine)
        #expect(compact.split(separator: "\n").map(String.init) == [
            "[",
            "{\"id\":\"a\",\"text\":\(JSON.string(Self.tricky).serialized()),\"tomma\":[],\"lista\":[\"x\",\"y\"],\"inget\":null,\"under\":[{\"k\":1}]},",
            "{\"id\":\"b\",\"text\":\(JSON.string(Self.tricky).serialized()),\"tomma\":[],\"lista\":[\"x\",\"y\"],\"inget\":null,\"under\":[{\"k\":1}]}",
            "]",
        ])
        let a = try JSONSerialization.jsonObject(with: Data(pretty.utf8)) as? NSArray
        let b = try JSONSerialization.jsonObject(with: Data(compact.utf8)) as? NSArray
        #expect(a != nil && a == b)
        #expect(compact.utf8.count * 10 < pretty.utf8.count * 9)
    }

    @Test func escapingKeepsScriptsClosedAndRoundTrips() throws {
        let text = JSON.string(Self.tricky).serialized()
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        #expect(text.contains("\\u2028") && text.contains("\\u0001") && text.contains("\\n"))
        let decoded = try JSONDecoder().decode(String.self, from: Data(text.utf8))
        #expect(decoded == Self.tricky)
    }
}

@Suite("render: CSV rows")
struct RenderCSVTests {
    /// Quoting per RFC 4180 (commas, quotes, line breaks, and semicolons for Swedish
    /// Excel), and a leading apostrophe that keeps spreadsheet formulas as text.
    @Test func fieldsAreQuotedAndFormulasDefused() {
        var out: [UInt8] = []
        OpenData.appendCSVRow(["a,b", "\"q\"", "=1+1", "-x;y", "å", "rad\nny"], to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"a,b\",\"\"\"q\"\"\",'=1+1,\"'-x;y\",å,\"rad\nny\"\r\n")
    }
}
