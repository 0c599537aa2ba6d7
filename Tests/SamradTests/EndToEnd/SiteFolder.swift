import Foundation
@testable import Samrad

/// A throwaway site folder for end-to-end builds.
struct SiteFolder {
    let root: URL

    init(_ files: [String: String] = SiteFolder.minimal) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    /// A copy of a `../shared/cases` site kept in `Fixtures/cases/<name>`, file names
    /// byte for byte (some are NFD on purpose).
    init(case name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("samrad-case-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: SiteFolder.cases.appendingPathComponent(name), to: root)
    }

    static let cases = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cases")

    /// `samrad check` on the folder.
    func check() -> BuildReport {
        Pipeline.check(BuildOptions(site: path, output: nil, includeDrafts: false, search: false))
    }

    var path: String { root.path }
    var output: String { root.appendingPathComponent("public").path }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }

    func read(_ outputPath: String) -> String? {
        guard let data = FileManager.default.contents(atPath: output + "/" + outputPath) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func exists(_ outputPath: String) -> Bool { FileManager.default.fileExists(atPath: output + "/" + outputPath) }

    func build(drafts: Bool = false, output: String? = nil) -> BuildReport {
        Pipeline.build(BuildOptions(site: path, output: output, includeDrafts: drafts, search: false))
    }

    /// Every file of the output with its bytes, for comparing builds.
    func snapshot(_ folder: String? = nil) -> [String: Data] {
        let base = folder ?? output
        var result: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(atPath: base) else { return result }
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                result[rel] = FileManager.default.contents(atPath: base + "/" + rel)
            }
        }
        return result
    }

    func cleanup() { try? FileManager.default.removeItem(at: root) }

    static let minimal: [String: String] = [
        "site.yml": "title: Testportalen\nbase_url: https://example.org/portal/\n",
        "content/themes.yml": "- slug: samverkan\n  name: Samverkan\n  description: Att arbeta tillsammans.\n  aliases: [samarbete]\n- slug: tillit\n  name: Tillit\n  description: Förtroende.\n",
        "content/organizations.yml": "- name: Fryshuset\n- name: Polismyndigheten\n  aliases: [Polisen]\n  kind: myndighet\n",
        "content/meetings/2023-09-14-mote/index.md": """
        ---
        title: Dialogmöte om samverkan
        date: 2023-09-14
        kind: dialogmöte
        organizer: Dialogrådet
        location: Malmö
        participants: [Fryshuset, Polisen]
        themes: [tillit]
        summary: Ett möte om samverkan.
        ---

        ## Rundabordssamtal 1

        ### Fråga 1 – Vad behövs? #samverkan

        Sammanfattning:

        - Tid och resurser
        - Tillit mellan parterna

        Diskussionen handlade om tid.
        """,
        "content/meetings/2024-02-01-seminarium.md": """
        ---
        title: Seminarium i Almedalen
        date: 2024-02-01
        kind: seminarium
        ---

        **KARIN:** Välkomna hit.

        **OLLE:** Tack.
        """,
    ]
}
