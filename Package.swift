// swift-tools-version: 6.0
import PackageDescription

// SIMD kernels need AVX2/FMA enabled at compile time: without it a SIMD8<Float>
// multiply-add lowers to scalar fmaf() calls (~150x slower). `SIMDBuildCheck`
// and the benchmark verify the fast path is really compiled in.
let simdFlags: [SwiftSetting] = [
  .unsafeFlags(["-Xcc", "-march=x86-64-v3"], .when(platforms: [.linux]))
]
// Every target, the kernels included, keeps Swift's overflow and bounds checks: compiling the
// kernels with checks off was measured to gain nothing (convbook bench on the seed models, checked vs
// unchecked median 0.92-0.99), so no code runs without them.
// The kernels are optimised in debug builds too (`-O` after SwiftPM's `-Onone`; the last one
// counts): unoptimised, every SIMD8 operation is a call. Measured in `swift build`'s binary, a U-Net
// predict (real-BM bm89, `convbook run`) took 16.6 s of processor time, past the 10 s cell budget,
// and takes 0.89 s; the bundled-course, answer-leak and Keras corpus suites went from 92 s to 16 s
// of processor time, for 38 s more to compile the kernels (17 s -> 55 s). Results do not depend on
// it: Swift does no fast-math, and release builds have always compiled the kernels `-O`.
let kernelFlags = simdFlags + [.unsafeFlags(["-O"], .when(configuration: .debug))]
// Release optimisation by module, for a student's first build (measured in a fresh clone on an idle
// 2-core machine, `CONVBOOK_WITHOUT_SERVE=1 swift build -c release --product convbook`: 135 s wall
// with -O everywhere, 119 s with -Osize above the kernels, 93 s as below). The kernels keep -O.
// The engine (weight preparation, training glue, data file readers) gets -Osize: summary latency,
// lesson builds and training measured the same within 5%. The cell language (KerasCells) holds no
// element loops of its own (NumPy arrays run on CNNKernels' `NumPyKernel`, data files are read in
// CNNEngine) and takes -Onone, as do rendering, commands and the CLI, which do no heavy arithmetic
// (a cold `convbook build Lessons`: 0.62 s instead of 0.54 s); SIL optimisation and LLVM were
// ~54 of KerasCells' ~64 s of CPU.
let sizeFlags: [SwiftSetting] = [.unsafeFlags(["-Osize"], .when(configuration: .release))]
let noneFlags: [SwiftSetting] = [.unsafeFlags(["-Onone"], .when(configuration: .release))]

// `CONVBOOK_WITHOUT_SERVE=1` builds convbook without `serve` and its HTTP server (FlyingFox), as
// `scripts/install` builds it for students, who never need `serve`: FlyingFox and FlyingSocks
// are ~25 s of a clean release build's CPU and ConvBookServer one more module on the chain. The
// self-contained binary of `scripts/install --static` must leave it out: the server pulls in
// Foundation's networking, which a static link cannot take without libcurl.
let withServe = Context.environment["CONVBOOK_WITHOUT_SERVE"] == nil

let package = Package(
  name: "ConvBook",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "convbook", targets: ["convbook"]),
    .library(name: "ConvBookCore", targets: ["ConvBookCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // Python's integers of any size in the cell language.
    .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    // Course settings (`course.yml`): libyaml in C plus a small Swift layer, quick to build.
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // `convbook serve`: a small HTTP server on Swift concurrency and BSD sockets, no SwiftNIO.
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CCmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]
    ),
    // AVX-512 register tiles in C, compiled per function for AVX-512 and chosen at run time.
    .target(name: "CNNKernelsX86"),
    .target(name: "CNNKernels", dependencies: ["CNNKernelsX86"], swiftSettings: kernelFlags),
    .target(name: "CNNEngine", dependencies: ["CNNKernels"], swiftSettings: sizeFlags),
    .target(
      name: "KerasCells",
      dependencies: ["CNNEngine", .product(name: "BigInt", package: "BigInt")],
      swiftSettings: noneFlags),
    .target(name: "LessonKit", dependencies: ["CCmark"], swiftSettings: sizeFlags),
    .target(
      name: "LessonRender", dependencies: ["CNNEngine", "KerasCells", "LessonKit"],
      swiftSettings: noneFlags),
    .target(
      name: "ConvBookCore",
      dependencies: [
        "CNNEngine", "KerasCells", "LessonKit", "LessonRender",
        .product(name: "Yams", package: "Yams"),
      ], swiftSettings: noneFlags),
    .target(
      name: "ConvBookServer",
      dependencies: ["ConvBookCore", .product(name: "FlyingFox", package: "FlyingFox")],
      swiftSettings: noneFlags),
    .executableTarget(
      name: "convbook",
      dependencies: [
        "ConvBookCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ] + (withServe ? ["ConvBookServer"] : []),
      swiftSettings: noneFlags + (withServe ? [.define("CONVBOOK_SERVE")] : [])
    ),
    // Fixture and golden files are read through #filePath, so they are excluded, not resources.
    // `TestSupport`: what several test targets share (golden files).
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "CNNEngineTests", dependencies: ["CNNEngine", "CNNKernels"],
      exclude: ["Kernels/Fixtures/make_kernel_fixtures.py"],
      swiftSettings: simdFlags),
    .testTarget(name: "KerasCellsTests", dependencies: ["KerasCells"]),
    .testTarget(name: "LessonKitTests", dependencies: ["LessonKit"]),
    .testTarget(
      name: "LessonRenderTests", dependencies: ["LessonRender", "TestSupport"],
      exclude: ["Markdown/Fixtures", "Figures/Golden"]),
    .testTarget(name: "ConvBookServerTests", dependencies: ["ConvBookServer", "ConvBookCore"]),
    .testTarget(
      name: "ConvBookCoreTests", dependencies: ["ConvBookCore", "TestSupport"],
      exclude: ["Exercises/Fixtures", "Figures/Golden"]),
  ],
  swiftLanguageModes: [.v6]
)
