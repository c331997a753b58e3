// swift-tools-version: 6.0
import PackageDescription

/// Lab's topic modules: one per post whose experiments only that notebook uses.
///
/// Each depends on the core (`Lab`) alone; a notebook imports the ones it uses (`import LabFlyHash`). The notebook runner builds them
/// from this description (read with `swift package dump-package`), so it is the only one.
let labTopics = [
  "LabAquarium", "LabFlyHash", "LabKernelMachine", "LabMCMC", "LabPositions", "LabRNN", "LabSparseSoftmax",
  "LabSummarization",
]

let package = Package(
  name: "SwiftNotebooks",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "notebook", targets: ["notebook"]),
    // What notebooks can import: the core (imported into every notebook) and the topics.
    .library(name: "Lab", targets: ["Lab"] + labTopics),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
  ],
  targets: [
    // MARK: - C libraries from Debian
    .systemLibrary(
      name: "CCmark", pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]),
    .systemLibrary(
      name: "CBLAS", pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),

    // MARK: - What every notebook program links
    // The record kinds and framing the runtime writes and the runner reads.
    .target(name: "NotebookWire"),
    .target(name: "NotebookRuntime", dependencies: ["NotebookWire"], swiftSettings: [.swiftLanguageMode(.v5)]),
    .target(name: "Lab", dependencies: ["NotebookRuntime", "CBLAS"]),
  ] + labTopics.map { Target.target(name: $0, dependencies: ["Lab"]) } + [

    // MARK: - The notebook system
    .target(
      name: "NotebookCore",
      dependencies: ["CCmark", "NotebookWire", .product(name: "Yams", package: "Yams")],
      swiftSettings: [.unsafeFlags(["-O"])]),
    // Hashing, atomic writes, the build lock and a parallel map, shared by the runner, the site and the CLI.
    .target(name: "NotebookSupport", swiftSettings: [.unsafeFlags(["-O"])]),
    .target(
      name: "NotebookRunner",
      dependencies: [
        "NotebookCore", "NotebookSupport", "NotebookWire", .product(name: "SwiftParser", package: "swift-syntax"),
      ],
      // Hashing sources and inputs is the whole cost of a no-change rebuild: optimise it even in debug builds.
      swiftSettings: [.unsafeFlags(["-O"])]),
    .target(
      name: "NotebookHighlight",
      dependencies: [
        .product(name: "SwiftIDEUtils", package: "swift-syntax"),
        .product(name: "SwiftParser", package: "swift-syntax"),
      ]),
    .target(
      name: "NotebookSite", dependencies: ["NotebookCore", "NotebookHighlight", "NotebookSupport", "NotebookWire"]),
    // The pipeline from sources to the written site, over the runner and the renderer.
    .target(
      name: "NotebookBuild", dependencies: ["NotebookCore", "NotebookRunner", "NotebookSite", "NotebookSupport"]),
    .executableTarget(
      name: "notebook",
      dependencies: [
        "NotebookBuild", "NotebookCore", "NotebookRunner", "NotebookSite", "NotebookSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // MARK: - Benchmarks
    .executableTarget(name: "lab-bench", dependencies: ["Lab"], path: "bench/lab/Sources"),
    .executableTarget(name: "flyhash-bench", dependencies: ["Lab", "LabFlyHash"], path: "bench/flyhash/Sources"),
    .executableTarget(name: "bench-figure", dependencies: ["Lab"], path: "bench/runner/figure"),

    // MARK: - Tests
    .testTarget(name: "NotebookCoreTests", dependencies: ["NotebookCore"]),
    .testTarget(name: "NotebookRuntimeTests", dependencies: ["NotebookRuntime"]),
    .testTarget(name: "NotebookWireTests", dependencies: ["NotebookWire"]),
    .testTarget(name: "NotebookRunnerTests", dependencies: ["NotebookRunner", "NotebookCore", "NotebookSupport"]),
    .testTarget(
      name: "NotebookSiteTests", dependencies: ["NotebookSite", "NotebookCore"],
      exclude: ["Snapshots", "CommonMarkSpec"]),
    .testTarget(
      name: "LabTests",
      dependencies: ["Lab", "NotebookRuntime"] + labTopics.map { Target.Dependency.target(name: $0) },
      exclude: ["Plot/Snapshots", "Summarization/Fixtures"]),
    .testTarget(
      name: "NotebookBuildTests", dependencies: ["NotebookBuild", "NotebookCore", "NotebookRunner", "NotebookSite"]),
    .testTarget(name: "notebookTests", dependencies: ["notebook"]),
  ]
)
