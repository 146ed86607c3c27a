// swift-tools-version: 6.0
// libFuzzer targets for strategyc, kept in a package of their own because they are built with
// `-sanitize=fuzzer,address` and have no `main` (libFuzzer brings one). `make fuzz` builds and runs them;
// see docs/robustness.md.
import PackageDescription

let package = Package(
    name: "strategyc-fuzz",
    // `strategyc` is a link to the repository root, so the dependency has the same name in every clone.
    dependencies: [.package(path: "strategyc")],
    targets: [
        // Starts libFuzzer's driver from each target's entry point.
        .target(name: "FuzzSupport"),
        // One key-area file, with the strategy's own strategy.md and themes around it.
        .executableTarget(
            name: "FuzzStrategyFile",
            dependencies: ["FuzzSupport", .product(name: "StrategyCompiler", package: "strategyc")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        // A variant.md resolved onto the strategy, and an SVG logo checked for safety.
        .executableTarget(
            name: "FuzzVariant",
            dependencies: [
                "FuzzSupport",
                .product(name: "StrategyCompiler", package: "strategyc"),
                .product(name: "StrategyModel", package: "strategyc"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
