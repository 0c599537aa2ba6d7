// swift-tools-version: 6.0
import PackageDescription

// One library per pipeline stage; each depends only on the stages before it, so data
// can only flow forward: load → parse → extract → link → aggregate → render → write → index.
let package = Package(
    name: "samrad",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "samrad", targets: ["samrad"]),
        .library(name: "Samrad", targets: ["Samrad"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CSamradSys"),
        .target(
            name: "SamradCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            // The language catalogues (i18n/sv.yml, i18n/en.yml): every stage reports in the
            // site's language, so the words live in the first module (see Catalogue.swift).
            resources: [.embedInCode("i18n")]
        ),
        .target(name: "SamradLoad", dependencies: ["SamradCore"]),
        .target(name: "SamradParse", dependencies: ["SamradCore", "SamradLoad", "CCmarkGFM", "Yams"]),
        .target(name: "SamradExtract", dependencies: ["SamradCore", "SamradParse"]),
        .target(name: "SamradLink", dependencies: ["SamradCore", "SamradExtract"]),
        .target(name: "SamradAggregate", dependencies: ["SamradCore", "SamradExtract", "SamradLink"]),
        .target(
            name: "SamradRender",
            dependencies: [
                "SamradCore", "SamradLoad", "SamradParse", "SamradExtract", "SamradLink", "SamradAggregate",
                .product(name: "Mustache", package: "swift-mustache"),
                // The idea bank as an .xlsx workbook (a ZIP of XML parts).
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The default templates and assets, compiled into the binary so that it needs
            // no files beside it (see DEVELOPERS.md, "Templates").
            resources: [.embedInCode("Templates")]
        ),
        .target(name: "SamradWrite", dependencies: ["SamradCore", "CSamradSys"]),
        .target(name: "SamradIndex", dependencies: ["SamradCore", "SamradExtract", "SamradLink", "SamradAggregate"]),
        // `samrad import`: documents (PDF, Word, text) through external converters into draft
        // meetings. Beside the build pipeline, not part of it: it writes content, not output.
        .target(name: "SamradImport", dependencies: ["SamradCore", "Yams"]),
        .target(
            name: "Samrad",
            dependencies: [
                "SamradCore", "SamradLoad", "SamradParse", "SamradExtract", "SamradLink",
                "SamradAggregate", "SamradRender", "SamradWrite", "SamradIndex",
            ]
        ),
        .target(
            name: "SamradServe",
            dependencies: [
                "Samrad", "SamradCore", "SamradAggregate", "SamradRender", "SamradIndex", "CSamradSys",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "samrad",
            dependencies: ["Samrad", "SamradServe", "SamradImport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // jemalloc instead of glibc's malloc: a build makes millions of small strings,
            // arrays and dictionaries on two threads, and glibc's arenas were a tenth of
            // its CPU time (BENCHMARKS.md). Debian: libjemalloc-dev (scripts/setup.sh).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "SamradTests", dependencies: ["Samrad", "SamradServe", "SamradImport", "SamradCore", "SamradLoad", "SamradParse", "SamradExtract", "SamradLink", "SamradAggregate", "SamradRender"],
                    exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
