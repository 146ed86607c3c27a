// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "strategyc",
    products: [
        .executable(name: "strategyc", targets: ["strategyc"]),
        .library(name: "StrategyModel", targets: ["StrategyModel"]),
        .library(name: "StrategyCompiler", targets: ["StrategyCompiler"]),
        .library(name: "StrategyRender", targets: ["StrategyRender"]),
        .library(name: "StrategyPipeline", targets: ["StrategyPipeline"]),
        .library(name: "StrategyWorkbook", targets: ["StrategyWorkbook"]),
        .library(name: "StrategyStore", targets: ["StrategyStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The preview server (`strategyc serve`); its optional configuration-file support is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // The C library, seen through pkg-config. Only Sources/StrategyCompiler/Parsing/CommonMarkParser.swift
        // imports it.
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libxlsxwriter, seen through pkg-config. Only Sources/StrategyRender/Workbook/XLSXWriter.swift imports it.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // The typed maturity model and the diagnostics vocabulary. No C, no YAML: renderers depend on this
        // alone.
        .target(name: "StrategyModel"),
        // read -> parse -> build -> check: turns a Strategy/ folder into a model plus diagnostics.
        .target(
            name: "StrategyCompiler",
            dependencies: [
                "StrategyModel",
                "CMark",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The renderers: outputs made from the model alone (the site, toolkit.md, model.json, reports, the
        // benchmark) and the stamp every output carries. Never imports CMark or Yams.
        .target(
            name: "StrategyRender",
            dependencies: [
                "StrategyModel",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedTemplatesPlugin"]
        ),
        // The default templates built into the binary: the plugin runs the tool over Templates/ on every
        // build and compiles what it writes into StrategyRender (generated code never reaches git).
        .executableTarget(name: "EmbedTemplates"),
        .plugin(name: "EmbedTemplatesPlugin", capability: .buildTool(), dependencies: ["EmbedTemplates"]),
        // The assessment workbook, the one home of its format: its layout, the writer (libxlsxwriter, reached
        // from one file) and its CSV twin, the reader of completed returns (ZIPFoundation and XMLParser, the
        // CSV twin through SwiftCSV), and the proof that a workbook is blank before it is replaced.
        .target(
            name: "StrategyWorkbook",
            dependencies: [
                "StrategyModel",
                "StrategyRender",
                "CXLSXWriter",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        // The store of record for the peer benchmark: returns kept in SQLite through GRDB, one transaction
        // per return, the schema versioned by GRDB's migrator. Only this target imports GRDB.
        .target(
            name: "StrategyStore",
            dependencies: [
                "StrategyModel",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The publication pipeline: the named stages every command, the variant build and the preview
        // server call, the one diagnostics collector, the previous edition, and the output guard that never
        // replaces what strategyc did not write.
        .target(
            name: "StrategyPipeline",
            dependencies: [
                "StrategyModel",
                "StrategyCompiler",
                "StrategyRender",
                "StrategyWorkbook",
                "StrategyStore",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The editors' preview server: serves a build held in memory, rebuilds when the sources change and
        // tells open pages to reload. Only this target imports Hummingbird; it is handed the build as a
        // closure and never sees the compiler.
        .target(
            name: "StrategyServer",
            dependencies: [
                "StrategyModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The command-line interface, kept in a library so tests can drive it.
        .target(
            name: "StrategyCommands",
            dependencies: [
                "StrategyModel",
                "StrategyCompiler",
                "StrategyRender",
                "StrategyPipeline",
                "StrategyStore",
                "StrategyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "strategyc", dependencies: ["StrategyCommands"]),
        // What every test target needs: the package's root and scratch folders (Tests/TestSupport).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "StrategyCompilerTests",
            dependencies: ["TestSupport", "StrategyCompiler", "StrategyModel", "StrategyRender"],
            exclude: ["Fixtures", "Snapshots"]
        ),
        .testTarget(
            name: "StrategyRenderTests",
            dependencies: ["TestSupport", "StrategyRender", "StrategyCompiler", "StrategyModel"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "StrategyPipelineTests",
            dependencies: ["TestSupport", "StrategyPipeline", "StrategyRender", "StrategyWorkbook", "StrategyModel",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "StrategyWorkbookTests",
            dependencies: ["TestSupport", "StrategyWorkbook", "StrategyRender", "StrategyCompiler", "StrategyModel",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "StrategyServerTests",
            dependencies: ["StrategyServer", "StrategyModel"]
        ),
        .testTarget(
            name: "BenchmarkTests",
            dependencies: ["TestSupport", "StrategyStore", "StrategyModel"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TestSupport", "strategyc"]
        ),
    ]
)
