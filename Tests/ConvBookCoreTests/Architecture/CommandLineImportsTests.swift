import Foundation
import Testing

/// The CLI parses arguments and turns results into output and exit codes; everything else lives in
/// ConvBookCore. So its files import ConvBookCore, ArgumentParser and Foundation only, and
/// ConvBookServer only where `serve` starts the server.
@Suite struct CommandLineImportsTests {
  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/convbook")

  static let allowed: Set<String> = ["ArgumentParser", "ConvBookCore", "Foundation"]
  static let allowedIn: [String: Set<String>] = ["ServeCommand.swift": ["ConvBookServer"]]

  /// The modules `source` imports, whatever the import's form (`@testable`, `import struct X.Y`).
  static func imports(_ source: String) -> [String] {
    source.split(whereSeparator: \.isNewline).compactMap { line in
      let words = line.split(whereSeparator: \.isWhitespace).filter { !$0.hasPrefix("@") }
      guard words.first == "import", words.count >= 2 else { return nil }
      let path = words.count >= 3 && !words[1].contains(".") ? words[2] : words[1]
      return String(path.split(separator: ".").first ?? path)
    }
  }

  @Test func importsAreFoundOnlyOnImportLines() {
    #expect(
      Self.imports(
        "import ArgumentParser\n@testable import CNNEngine\nimport struct KerasCells.X\n")
        == ["ArgumentParser", "CNNEngine", "KerasCells"])
    #expect(Self.imports("// import CNNEngine\nlet importer = 1\n").isEmpty)
  }

  @Test func commandLineImportsOnlyConvBookCoreArgumentParserAndFoundation() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
      .filter { $0.hasSuffix(".swift") }.sorted()
    #expect(files.contains("ConvBookCommand.swift"))
    for file in files {
      let source = try String(
        contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
      let allowed = Self.allowed.union(Self.allowedIn[file] ?? [])
      for module in Self.imports(source) where !allowed.contains(module) {
        Issue.record("Sources/convbook/\(file) imports \(module); move that code into ConvBookCore")
      }
    }
  }
}
