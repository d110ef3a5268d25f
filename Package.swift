// swift-tools-version:6.0
// The package reads like the pipeline: Inputs → Fetcher → Extractor → Scorecard → Renderer → Output.
import PackageDescription

let package = Package(
    name: "sovereignty",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sovereignty", targets: ["sovereignty"]),
        .executable(name: "sovereignty-bench", targets: ["ExtractionBench"]),
        .executable(name: "sovereignty-crawl-bench", targets: ["CrawlBench"]),
        .executable(name: "sovereignty-render-bench", targets: ["RenderBench"]),
        .executable(name: "sovereignty-scale-bench", targets: ["ScaleBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C bridges: thin typed shims over the variadic C APIs.
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        // renameat2(RENAME_EXCHANGE), for swapping the published site in one step.
        .target(name: "CFileSystem"),
        // mallopt(M_ARENA_MAX), so that memory freed by one thread is reused by the others.
        .target(name: "CMemory"),

        // Shared vocabulary: platforms, providers, fetches, findings, evidence, scorecards.
        .target(name: "SovereigntyModel"),

        // Inputs/ → model values, with file:line errors.
        .target(name: "InputFiles", dependencies: ["SovereigntyModel", "Yams"]),

        // Network: the only component that sees libcurl.
        .target(
            name: "Fetcher",
            dependencies: ["SovereigntyModel", "CCurl", .product(name: "Crypto", package: "swift-crypto")]),

        // Bytes → findings: the only component that sees libxml2.
        // Its rules are declared in Sources/Extractor/Rules; the word lists they share are data files (resources).
        .target(name: "Extractor", dependencies: ["SovereigntyModel", "CLibXML2", "ICURegex"], resources: [.copy("Lexicons")]),
        // ICU's regular expressions on UTF-16 text the caller keeps (the toolchain's `_FoundationICU`), for the rules.
        .target(name: "ICURegex", linkerSettings: [.linkedLibrary("_FoundationICU", .when(platforms: [.linux]))]),

        // Every fetch kept: WARC files (gzip per record) and a SQLite index of runs, fetches and findings.
        .target(
            name: "Archive",
            dependencies: [
                "SovereigntyModel", "CZlib", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // PDF → text through poppler's pdftotext (the one external program).
        .target(name: "PDFText"),

        // Findings + provider knowledge → levels and ranking. Pure.
        .target(name: "Scorecard", dependencies: ["SovereigntyModel"]),

        // What changed between runs, from the scorecards the archive keeps: pure.
        .target(name: "History", dependencies: ["SovereigntyModel", "Scorecard"]),

        // Scorecards and their history → site files through Templates/.
        .target(
            name: "Renderer",
            dependencies: [
                "SovereigntyModel", "Scorecard", "History", "Yams", .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // The named steps, in order; errors say which step, platform and URL.
        .target(
            name: "Pipeline",
            dependencies: [
                "SovereigntyModel", "InputFiles", "Fetcher", "Archive", "Extractor", "PDFText", "Scorecard", "History", "Renderer", "CFileSystem", "CMemory",
                .product(name: "Logging", package: "swift-log"),
            ]),

        // Thin command-line shell.
        .executableTarget(
            name: "sovereignty",
            dependencies: [
                "Pipeline", "InputFiles", "SovereigntyModel", "Fetcher", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // `make bench`: extraction throughput against libxml2's raw parse; time against input size (1×, 2×, 4×, 8×).
        .executableTarget(
            name: "ExtractionBench", dependencies: ["Extractor", "InputFiles", "CLibXML2", "SovereigntyModel", "TestSupport", "PDFText"],
            path: "Benchmarks/ExtractionBench"),
        // `make bench`: the crawler on 1 000 loopback documents with latency.
        .executableTarget(name: "CrawlBench", dependencies: ["Fetcher", "TestSupport"], path: "Benchmarks/CrawlBench"),
        // `make bench`: regenerating the site of 1 000 platforms with 10 runs of history.
        .executableTarget(
            name: "RenderBench", dependencies: ["Renderer", "History", "Scorecard", "SovereigntyModel"], path: "Benchmarks/RenderBench"),

        // `make bench-scale`: the release `sovereignty crawl` on a generated site of 10 000 loopback documents.
        .executableTarget(name: "ScaleBench", dependencies: ["TestSupport"], path: "Benchmarks/ScaleBench"),

        // Test support: real HTTP servers on 127.0.0.1 (fixture pages, hostile answers), on threads of their own.
        .target(
            name: "TestSupport", dependencies: ["SovereigntyModel"], path: "Tests/TestSupport",
            exclude: ["Fixtures"]),
        .testTarget(name: "InputFilesTests", dependencies: ["InputFiles", "TestSupport"]),
        .testTarget(name: "FetcherTests", dependencies: ["Fetcher", "TestSupport"]),
        .testTarget(name: "ExtractorTests", dependencies: ["Extractor", "ICURegex", "InputFiles", "TestSupport"]),
        .testTarget(name: "ScorecardTests", dependencies: ["Scorecard"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "Scorecard", "SovereigntyModel"]),
        .testTarget(name: "RendererTests", dependencies: ["Renderer", "History", "Scorecard", "SovereigntyModel"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "Pipeline", "InputFiles", "Archive", "Fetcher", "Extractor", "PDFText", "TestSupport", "CLibXML2",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(name: "AccuracyTests", dependencies: ["Pipeline", "TestSupport"]),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
