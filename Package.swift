// swift-tools-version:6.0
import PackageDescription

// No package dependencies on purpose: the toolchain (Swift standard library,
// Foundation, Dispatch, XCTest) is all this project may use.
let package = Package(
    name: "learning-themes",
    products: [
        .library(name: "LearningThemes", targets: ["LearningThemes"]),
        .executable(name: "learning-themes", targets: ["learning-themes"]),
    ],
    targets: [
        .target(name: "LearningThemes"),
        .executableTarget(name: "learning-themes", dependencies: ["LearningThemes"]),
        .testTarget(
            name: "LearningThemesTests",
            // The CLI tests run the built executable, so it is built with the tests.
            dependencies: ["LearningThemes", "learning-themes"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
