// swift-tools-version: 6.2
import PackageDescription

/// Compiler checks shared by every Swift target: a small, explicit public surface
/// (as Hummingbird does) and Swift 6 strict concurrency.
///
/// `NonisolatedNonsendingByDefault` (SE-0461): a nonisolated async function runs on its
/// caller's executor instead of hopping to the generic one. The node runs its tasks on
/// SwiftNIO's event loops, where each such hop re-enqueued the task on its loop; the
/// verification path crossed a dozen of ours per request (3% of its instructions, measured with
/// callgrind). Functions that must leave their caller's executor say `@concurrent`.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "Chancery",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "didctl", targets: ["didctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // Already in the graph through Hummingbird; named so HTTPServer can read the bound port
        // and peer address (NIOCore) and quiet the server's own logging (Logging).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // Also already in the graph through Hummingbird: the HTTP parts the server's own channel
        // handlers (read deadline, connections per client) see.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        // didctl's client of a running node (`--node URL`).
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // Metrics through the ecosystem's API (HTTPServer and Node emit through `Metrics` only),
        // exposed by the Prometheus backend that didctl chooses; start and graceful shutdown of
        // `didctl node start` through a service group.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // C libraries reach Swift only through these system-library targets, and only
        // Primitives and KeyCustody import them (DESIGN.md, "Modules").
        .systemLibrary(
            name: "CSecp256k1", pkgConfig: "libsecp256k1",
            providers: [.apt(["libsecp256k1-dev"])]),
        .systemLibrary(
            name: "CSodium", pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CPKCS11", pkgConfig: "p11-kit-1",
            providers: [.apt(["libp11-kit-dev"])]),

        .target(
            name: "Primitives",
            dependencies: [
                "CSecp256k1", "CSodium", "CZlib", "COpenSSL",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        // JSON-LD 1.1 expansion and toRdf over a bundled, read-only set of contexts, and RDF
        // Dataset Canonicalization (RDFC-1.0): the foundation of the Data Integrity RDFC suites.
        .target(
            name: "LinkedData",
            dependencies: ["Primitives", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings),
        .target(
            name: "KeyCustody",
            dependencies: ["Primitives", "CPKCS11"],
            swiftSettings: strictSettings),
        .target(
            name: "Chain",
            dependencies: ["KeyCustody", "Primitives", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            swiftSettings: strictSettings),
        .target(
            name: "DID",
            dependencies: ["Chain", "Primitives"],
            swiftSettings: strictSettings),
        .target(
            name: "Credentials",
            dependencies: ["DID", "Chain", "KeyCustody", "LinkedData", "Primitives"],
            swiftSettings: strictSettings),
        // The application layer: the node's use cases over the domain modules, with typed inputs
        // and results, called alike by HTTPServer's handlers, didctl and tests.
        .target(
            name: "Node",
            dependencies: ["Credentials", "DID", "Chain", "KeyCustody", "Primitives", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings),
        .target(
            name: "HTTPServer",
            dependencies: ["Node", "Credentials", "DID", "Chain", "Primitives",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdCore", package: "hummingbird"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOHTTP1", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                           .product(name: "Metrics", package: "swift-metrics"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           .product(name: "Logging", package: "swift-log")],
            resources: [.copy("Web")],
            swiftSettings: strictSettings),
        // The benchmark engines behind `didctl bench …`: what is timed and how medians are taken.
        // The primitives benchmark times the C libraries directly beside their wrappers, so this
        // is the one target besides Primitives and KeyCustody that imports them.
        .target(
            name: "Benchmarks",
            dependencies: ["HTTPServer", "Node", "Credentials", "DID", "Chain", "KeyCustody", "Primitives",
                           "CSecp256k1", "CSodium", "COpenSSL",
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOHTTP1", package: "swift-nio")],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "didctl",
            dependencies: [
                "Benchmarks", "HTTPServer", "Node", "Credentials", "DID", "Chain", "KeyCustody", "Primitives",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),

        .testTarget(name: "didctlTests", dependencies: ["didctl", "Node", "Chain", "Credentials", "DID", "KeyCustody", "Primitives"], swiftSettings: strictSettings),
        // The published-vector loader and seeded generator shared by the test targets.
        .target(name: "TestVectors", dependencies: ["Primitives"], path: "Tests/TestVectors", swiftSettings: strictSettings),
        // A chain fixture shared by the test targets of every module above Chain.
        .target(name: "ChainTestSupport", dependencies: ["Chain", "KeyCustody", "Primitives"], path: "Tests/ChainTestSupport",
                swiftSettings: strictSettings),
        .testTarget(name: "CredentialsTests", dependencies: ["Credentials", "DID", "Chain", "KeyCustody", "LinkedData", "Primitives", "TestVectors", "ChainTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "DIDTests", dependencies: ["DID", "Chain", "KeyCustody", "Primitives", "ChainTestSupport", "TestVectors"],
                    swiftSettings: strictSettings),
        .testTarget(name: "ChainTests", dependencies: ["Chain", "KeyCustody", "Primitives", "ChainTestSupport"],
                    swiftSettings: strictSettings),
        .testTarget(name: "KeyCustodyTests", dependencies: ["KeyCustody", "Primitives", "TestVectors", "Chain", "ChainTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "HTTPServerTests",
                    dependencies: ["HTTPServer", "Node", "Credentials", "DID", "Chain", "KeyCustody", "Primitives", "ChainTestSupport", "TestVectors",
                                   .product(name: "Hummingbird", package: "hummingbird"),
                                   .product(name: "HummingbirdTesting", package: "hummingbird"),
                                   .product(name: "Metrics", package: "swift-metrics"),
                                   .product(name: "Prometheus", package: "swift-prometheus"),
                                   .product(name: "NIOCore", package: "swift-nio"),
                                   .product(name: "NIOHTTP1", package: "swift-nio")],
                    swiftSettings: strictSettings),
        .testTarget(name: "NodeTests", dependencies: ["Node", "Credentials", "DID", "Chain", "KeyCustody", "Primitives", "ChainTestSupport", "TestVectors"],
                    swiftSettings: strictSettings),
        .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "Node", "DID", "Chain", "Primitives"], swiftSettings: strictSettings),
        .testTarget(name: "LinkedDataTests", dependencies: ["LinkedData", "Primitives"], exclude: ["Vectors"],
                    swiftSettings: strictSettings),
        .testTarget(name: "PrimitivesTests", dependencies: ["Primitives", "TestVectors", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: strictSettings),
    ]
)

// Node emits write metrics (transactions by type, refusals by code, commit latency) through the
// swift-metrics API only; the backend is chosen where the node is composed (didctl). Appended
// here rather than edited into the target's line, which other changes touch.
for target in package.targets where ["Node", "NodeTests"].contains(target.name) {
    target.dependencies.append(.product(name: "Metrics", package: "swift-metrics"))
}
// The lifecycle services of `node start` are tested in process, over the chain fixture.
package.targets.first { $0.name == "didctlTests" }?.dependencies += [
    "ChainTestSupport", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
    .product(name: "Logging", package: "swift-log"),
    // Damage tests alter a ledger's rows the way a disk or a person would.
    .product(name: "GRDB", package: "GRDB.swift"),
]
// The node tests read what was recorded through swift-metrics' own test factory.
package.targets.first { $0.name == "NodeTests" }?.dependencies.append(.product(name: "MetricsTestKit", package: "swift-metrics"))
// Consortium mode (specs/consortium.md): the etcd v3 client (its JSON gateway, over
// async-http-client) and the ordered log the nodes of a consortium share.
package.targets += [
    .target(name: "Consortium",
            dependencies: ["Primitives",
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOHTTP1", package: "swift-nio")],
            swiftSettings: strictSettings),
    .testTarget(name: "ConsortiumTests", dependencies: ["Consortium", "Benchmarks", "Primitives",
                                                        .product(name: "AsyncHTTPClient", package: "async-http-client"),
                                                        .product(name: "NIOCore", package: "swift-nio")],
                swiftSettings: strictSettings),
]

// Coverage-guided fuzzing (Fuzz/README.md). One library holds every harness; each libFuzzer
// target is one small executable over it, so a `-sanitize=fuzzer` build compiles the product
// modules once and only links per harness. In an ordinary build the executables replay files,
// and FuzzReplayTests replays the kept corpus through the same harnesses in `make test`.
let fuzzHarnesses = ["Transaction", "JSON", "Credential", "Presentation", "DID", "Schema", "Keystore", "VaultShare"]
package.targets += [
    .target(name: "FuzzHarnesses", dependencies: ["Credentials", "DID", "Chain", "KeyCustody", "Primitives"],
            path: "Fuzz/Harnesses", swiftSettings: strictSettings),
    .testTarget(name: "FuzzReplayTests", dependencies: ["FuzzHarnesses"], swiftSettings: strictSettings),
] + fuzzHarnesses.map { name in
    .executableTarget(name: "Fuzz\(name)", dependencies: ["FuzzHarnesses"], path: "Fuzz/Targets/Fuzz\(name)",
                      swiftSettings: strictSettings)
}
// The soak's load generator (Tests/didctlTests/Soak) speaks HTTP through async-http-client, its
// /healthz probe on an event loop of its own.
package.targets.first { $0.name == "didctlTests" }?.dependencies += [
    .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
]
// Consortium mode's orderer is in Chain behind `OrderedLog`; the etcd implementation of that
// protocol is here, and `node start --ordering etcd` composes them.
package.targets.first { $0.name == "Consortium" }?.dependencies.append("Chain")
// The consortium's process tests run `didctl` beside the tests and read node 0's data directory.
package.targets.first { $0.name == "ConsortiumTests" }?.dependencies += ["Chain", "Node", "didctl",
    .product(name: "NIOHTTP1", package: "swift-nio"),
    // The hand-edited-ledger test alters a row the way a person would.
    .product(name: "GRDB", package: "GRDB.swift")]
package.targets.first { $0.name == "didctl" }?.dependencies.append("Consortium")
