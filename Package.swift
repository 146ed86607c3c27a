// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "strategyc",
    products: [
        .executable(name: "strategyc", targets: ["strategyc"]),
        .library(name: "StrategySupport", targets: ["StrategySupport"]),
        .library(name: "StrategyDiagnostics", targets: ["StrategyDiagnostics"]),
        .library(name: "StrategyModel", targets: ["StrategyModel"]),
        .library(name: "StrategyRules", targets: ["StrategyRules"]),
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
        // Small helpers with no knowledge of strategies: trimming, escaping, stable JSON, "did you mean",
        // column letters, an ordered concurrent map. One home each.
        .target(name: "StrategySupport"),
        // The diagnostics backbone: a diagnostic and its codes, source positions, fix-its, the one collector
        // every stage reports into, and the text, JSON and GitHub formats.
        .target(name: "StrategyDiagnostics", dependencies: ["StrategySupport"]),
        // The typed maturity model, and nothing else: no C, no YAML, no rendering. Its elements carry their
        // source positions, so it sees the diagnostics vocabulary.
        .target(name: "StrategyModel", dependencies: ["StrategyDiagnostics", "StrategySupport"]),
        // Every rule of the strategy, one per file, over one context (the model, the previous edition, the
        // templates, the resolved variant), listed in one registry.
        .target(name: "StrategyRules", dependencies: ["StrategyModel", "StrategyDiagnostics", "StrategySupport"]),
        // read -> parse -> build -> check: turns a Strategy/ folder into a model plus diagnostics.
        .target(
            name: "StrategyCompiler",
            dependencies: [
                "StrategyRules",
                "StrategyModel",
                "StrategyDiagnostics",
                "StrategySupport",
                "CMark",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The renderers: outputs made from the model alone (the site, toolkit.md, model.json, reports, the
        // benchmark) and the stamp every output carries, with what only they need: the edition diff behind
        // the changes page and `diff`, and the disclosure control behind the benchmark. Never imports CMark
        // or Yams.
        .target(
            name: "StrategyRender",
            dependencies: [
                "StrategyModel",
                "StrategyDiagnostics",
                "StrategySupport",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedTemplatesPlugin", "TemplateFieldsPlugin"]
        ),
        // The default templates built into the binary: the plugin runs the tool over Templates/ on every
        // build and compiles what it writes into StrategyRender (generated code never reaches git).
        .executableTarget(name: "EmbedTemplates"),
        .plugin(name: "EmbedTemplatesPlugin", capability: .buildTool(), dependencies: ["EmbedTemplates"]),
        // The views' field lists: the plugin runs the tool over StrategyRender's sources on every build, so a
        // view's stored properties are the one list of the fields its templates may name.
        .executableTarget(name: "ListTemplateFields"),
        .plugin(name: "TemplateFieldsPlugin", capability: .buildTool(), dependencies: ["ListTemplateFields"]),
        // The assessment workbook, the one home of its format: its layout, the writer (libxlsxwriter, reached
        // from one file) and its CSV twin, the reader of completed returns (ZIPFoundation and XMLParser, the
        // CSV twin through SwiftCSV), and the proof that a workbook is blank before it is replaced.
        .target(
            name: "StrategyWorkbook",
            dependencies: [
                "StrategyModel",
                "StrategyDiagnostics",
                "StrategySupport",
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
                "StrategyDiagnostics",
                "StrategySupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The publication pipeline: the named stages every command, the variant build and the preview
        // server call, the one diagnostics collector, the previous edition, and the output guard that never
        // replaces what strategyc did not write.
        .target(
            name: "StrategyPipeline",
            dependencies: [
                "StrategyRules",
                "StrategyModel",
                "StrategyDiagnostics",
                "StrategySupport",
                "StrategyCompiler",
                "StrategyRender",
                "StrategyWorkbook",
                "StrategyStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        // The editors' preview server: serves a build held in memory, rebuilds when the sources change and
        // tells open pages to reload. It is handed the build as a closure and never sees the compiler. It and
        // StrategyCollect are the only targets that import Hummingbird.
        .target(
            name: "StrategyServer",
            dependencies: [
                "StrategyModel",
                "StrategyDiagnostics",
                "StrategySupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The online diagnostic's server (`strategyc collect serve`): the respondents' pages over the store,
        // calling the pipeline's actions in-process. With StrategyServer, the only targets that import
        // Hummingbird.
        .target(
            name: "StrategyCollect",
            dependencies: [
                "StrategyModel",
                "StrategyDiagnostics",
                "StrategySupport",
                "StrategyRender",
                "StrategyStore",
                "StrategyPipeline",
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
                "StrategyDiagnostics",
                "StrategySupport",
                "StrategyCompiler",
                "StrategyRender",
                "StrategyPipeline",
                "StrategyStore",
                "StrategyServer",
                "StrategyCollect",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "strategyc", dependencies: ["StrategyCommands"]),
        // What every test target needs: the package's root and scratch folders (Tests/TestSupport).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "StrategyCompilerTests",
            dependencies: ["TestSupport", "StrategyCompiler", "StrategyRules", "StrategyModel", "StrategyDiagnostics",
                           "StrategySupport", "StrategyRender"],
            exclude: ["Fixtures", "Snapshots"]
        ),
        .testTarget(
            name: "StrategyRenderTests",
            dependencies: ["TestSupport", "StrategyRender", "StrategyRules", "StrategyCompiler", "StrategyModel",
                           "StrategyDiagnostics", "StrategySupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "StrategyPipelineTests",
            dependencies: ["TestSupport", "StrategyPipeline", "StrategyStore", "StrategyRender", "StrategyWorkbook", "StrategyModel", "StrategyDiagnostics",
                           "StrategySupport",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "StrategyWorkbookTests",
            dependencies: ["TestSupport", "StrategyWorkbook", "StrategyRender", "StrategyCompiler", "StrategyModel",
                           "StrategyDiagnostics", "StrategySupport",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "StrategyServerTests",
            dependencies: ["StrategyServer", "StrategyModel", "StrategySupport"]
        ),
        .testTarget(
            name: "BenchmarkTests",
            dependencies: ["TestSupport", "StrategyStore", "StrategyModel", "StrategyRender", "StrategyDiagnostics",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "StrategyCollectTests",
            dependencies: ["TestSupport", "StrategyCollect", "StrategyPipeline", "StrategyStore", "StrategyDiagnostics",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "NIOCore", package: "swift-nio")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TestSupport", "strategyc"]
        ),
    ]
)
