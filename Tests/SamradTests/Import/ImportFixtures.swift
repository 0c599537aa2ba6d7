import Foundation

/// Documents of our own in the shapes of the NOD records (not their prose), and the tools
/// that turn them into Word and PDF files the way staff would have them.
enum ImportFixtures {
    /// A dialogue meeting: participants, a session with two questions (one with a
    /// sub-prompt), summaries, a table, a footnote and a post-it appendix with nested
    /// categories.
    static let meeting = """
    # Dialogmöte om trygga mötesplatser

    Dokumentation från dialogmötet den 12 mars 2024 som arrangerades av NOD på uppdrag av Polismyndigheten.

    ## Deltagare

    - Fryshuset
    - Polisen
    - Idrottsföreningen Framåt
    - Läxhjälpen Norr

    ## Inledning

    Mötet samlade föreningar och myndigheter för att samtala om hur mötesplatser för unga kan bli tryggare.[^1]

    ## Rundabordssamtal 1

    ### Fråga 1 – Vad gör en mötesplats trygg?

    Sammanfattning:

    - Vuxna som finns på plats över tid
    - Tydliga regler som unga själva har varit med och formulerat

    Deltagarna beskrev hur kontinuitet skapar tillit. Flera föreningar berättade om ledare som funnits kvar i många år.

    ### Fråga 2 – Hur kan myndigheter stödja föreningarna?

    - Vilket stöd saknas i dag?

    Sammanfattning:

    - Fleråriga bidrag i stället för projektpengar
    - En fast kontaktperson hos kommunen

    | Aktör | Roll |
    |---|---|
    | Förening | Driver verksamheten |
    | Kommun | Ger lokaler |

    ## Bilaga: Post-its från workshopen

    ### Idéer

    #### Lokaler

    - Öppna skolgårdar på kvällarna
    - Dela lokaler mellan föreningar

    #### Personal

    - Fler fältassistenter på helgerna

    ### Hinder

    #### Ekonomi

    - Korta projektbidrag

    [^1]: Mötet hölls i Stockholm.
    """

    static let meetingQuestions = ["Vad gör en mötesplats trygg?", "Hur kan myndigheter stödja föreningarna?"]
    static let meetingSummaries = [
        ["Vuxna som finns på plats över tid", "Tydliga regler som unga själva har varit med och formulerat"],
        ["Fleråriga bidrag i stället för projektpengar", "En fast kontaktperson hos kommunen"],
    ]
    static let meetingPostIts: [(category: [String], text: String)] = [
        (["Idéer", "Lokaler"], "Öppna skolgårdar på kvällarna"),
        (["Idéer", "Lokaler"], "Dela lokaler mellan föreningar"),
        (["Idéer", "Personal"], "Fler fältassistenter på helgerna"),
        (["Hinder", "Ekonomi"], "Korta projektbidrag"),
    ]
    /// As organizations.yml of `site` names them (Polisen is an alias of Polismyndigheten).
    static let meetingParticipants = ["Fryshuset", "Polismyndigheten", "Idrottsföreningen Framåt", "Läxhjälpen Norr"]

    /// A podcast transcript with speaker turns.
    static let transcript = """
    # Samtal om föreningslivets roll

    Inspelat den 5 juni 2023 under en podd om föreningsliv.

    **LINNEA:** Välkomna till dagens samtal om föreningslivet och de unga.

    **OSKAR:** Tack, det är roligt att vara här.

    **LINNEA:** Vad är det viktigaste just nu, tycker du?

    **OSKAR:** Att fler unga hittar en plats där de känner sig hemma och blir sedda.
    """
    static let transcriptTurns = ["LINNEA", "OSKAR", "LINNEA", "OSKAR"]

    /// The site the drafts are imported into and built in.
    static var site: [String: String] {
        [
            "site.yml": "title: Testportalen\nbase_url: https://example.org/portal/\n",
            "content/themes.yml": "- slug: samverkan\n  name: Samverkan\n  description: Att arbeta tillsammans.\n  aliases: [samarbete]\n- slug: tillit\n  name: Tillit\n  description: Förtroende.\n",
            "content/organizations.yml": "- name: Fryshuset\n- name: Polismyndigheten\n  aliases: [Polisen]\n  kind: myndighet\n- name: NOD\n",
        ]
    }

    static func onPath(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    static var hasPandoc: Bool { onPath("pandoc") }
    static var hasPDFTools: Bool { onPath("pdftotext") && onPath("soffice") && onPath("pandoc") }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// Markdown → Word with pandoc, as a Word user would have written it (styles for headings).
    static func docx(_ markdown: String, in dir: URL, name: String) throws -> URL {
        let md = dir.appendingPathComponent("\(name).md")
        try Data(markdown.utf8).write(to: md)
        let out = dir.appendingPathComponent("\(name).docx")
        try run("pandoc", ["--from", "markdown", "--to", "docx", "-o", out.path, md.path])
        return out
    }

    /// Word → PDF with LibreOffice headless (its own profile, so parallel runs do not clash).
    static func pdf(fromDocx docx: URL, in dir: URL, exportFilter: String = "pdf") throws -> URL {
        let profile = dir.appendingPathComponent("lo-profile")
        try run("soffice", ["-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", exportFilter,
                            "--outdir", dir.path, docx.path])
        return dir.appendingPathComponent(docx.deletingPathExtension().lastPathComponent + ".pdf")
    }

    /// A one-page PDF that only draws a filled rectangle: what a scan looks like to pdftotext.
    static let imageOnlyPDF: String = {
        let stream = "0 0 0 rg 100 100 200 200 re f"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 400] /Contents 4 0 R >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { pdf += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return pdf
    }()

    /// The seeds beside the clone (../shared/seeds), when present.
    static var seeds: URL? {
        var dir = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { dir = dir.deletingLastPathComponent() }
        for candidate in [dir.appendingPathComponent("../shared/seeds"), dir.appendingPathComponent("../../shared/seeds")] {
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.standardizedFileURL }
        }
        return nil
    }

    static func seed(_ prefix: String) -> URL? {
        guard let dir = seeds, let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return nil }
        return names.sorted().first { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }.map { dir.appendingPathComponent($0) }
    }
}
