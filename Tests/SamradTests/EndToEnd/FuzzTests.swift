import Foundation
import Testing
@testable import SamradCore
@testable import SamradExtract
@testable import SamradLoad
@testable import SamradParse

/// A seeded random generator that mutates real-shaped meeting files and feeds them
/// through load → parse → extract. A crash fails the run; the seed makes it repeatable.
@Suite("fuzzing the front half of the pipeline")
struct FuzzTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seedMeeting = """
    ---
    title: "Dialogmöte"
    date: 2023-09-14
    participants: [Fryshuset, Polisen]
    themes: [samverkan]
    ---

    Sammanfattning:

    - En punkt #samverkan

    ## Rundabordssamtal 1 #tillit

    ### Fråga 1 – Vad behövs?

    - Delfråga

    Sammanfattning:

    - Tid #samverkan #tillit
    - **Resurser** och [länk](../x/#fraga-1)

    **KARIN:** Hej.

    | a | b |
    |---|---|
    | 1 | 2 |

    > citat
    """

    static let fragments = ["#", "##", "### Fråga 2 – ", "Fråga", "Sammanfattning:", "- ", "  - ", "**", "*", "`", "```",
                            "---", "\n", "\n\n", "[", "](", ")", "<script>", "|", "#tag", "#1", "C#", "å", "\u{0}", "\r",
                            "\u{FEFF}", "&amp;", "> ", "1. ", ":", "–", "    ", "\\", "!["]

    @Test func mutatedMeetingsNeverCrash() throws {
        var rng = SplitMix(state: 20_231_114)
        let labels = Labels(question: ["Fråga", "Question"], summary: ["Sammanfattning"])
        let base = Array(Self.seedMeeting.utf8)
        let iterations = 3_000
        var extracted = 0
        for _ in 0..<iterations {
            var bytes = base
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: if !bytes.isEmpty { bytes[at] = UInt8.random(in: 0...255, using: &rng) }
                case 1: if !bytes.isEmpty { bytes.remove(at: at) }
                case 2: bytes.insert(contentsOf: Array((Self.fragments.randomElement(using: &rng) ?? "#").utf8), at: at)
                case 3:
                    let len = Int.random(in: 0...40, using: &rng)
                    let end = Swift.min(bytes.count, at + len)
                    bytes.insert(contentsOf: Array(bytes[at..<end]), at: at)
                default: if !bytes.isEmpty { bytes.removeSubrange(at..<Swift.min(bytes.count, at + Int.random(in: 1...30, using: &rng))) }
                }
            }
            guard case .success(let text) = TextDecoding.decode(bytes) else { continue }
            let file = SourceFile(path: "content/meetings/fuzz/index.md", absolutePath: "/nonexistent", text: text)
            var diagnostics = Diagnostics()
            guard let parsed = SiteParser.parseMeeting(MeetingSource(slug: "fuzz", main: file, appendices: [file], attachments: []), &diagnostics) else { continue }
            let (meeting, _) = MeetingExtractor.extract(parsed, labels: labels)
            if meeting != nil { extracted += 1 }
        }
        // Most mutations keep the front matter intact; if none got through, the fuzzer tests nothing.
        #expect(extracted > iterations / 10)
    }
}
