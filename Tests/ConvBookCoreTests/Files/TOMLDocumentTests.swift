import ConvBookCore
import Foundation
import Testing

/// ConvBook's TOML reader against Python's `tomllib` on the cases of `Tests/Fixtures/toml`
/// (`make_toml_fixtures.py`): the same values for valid documents, the same message at the same
/// line and column for invalid ones.
@Suite struct TOMLDocumentTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/toml")

  /// `=== NAME` blocks of a file: name -> text.
  static func blocks(_ file: String) -> [(name: String, text: String)] {
    let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
    var result: [(name: String, text: String)] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("=== ") {
        result.append((String(line.dropFirst(4)), ""))
      } else if !result.isEmpty {
        result[result.count - 1].text += line + "\n"
      }
    }
    return result
  }

  static let cases = blocks("cases.txt").map { block in
    // The file ends in one newline, which belongs to the last case only once.
    (block.name, block.text.hasSuffix("\n\n") ? String(block.text.dropLast()) : block.text)
  }
  static let expected = Dictionary(
    uniqueKeysWithValues: blocks("expected.txt").map {
      ($0.name, $0.text.trimmingCharacters(in: .newlines))
    })

  static func decode(_ text: String) -> String {
    var result = text.replacingOccurrences(of: "<CR>", with: "\r")
    while let range = result.range(of: #"<0x[0-9a-fA-F]{2}>"#, options: .regularExpression) {
      let code = UInt32(result[range].dropFirst(3).dropLast(), radix: 16)!
      result.replaceSubrange(range, with: String(Character(Unicode.Scalar(code)!)))
    }
    return result
  }

  static func keyText(_ parts: [String]) -> String {
    parts.map { part in
      !part.isEmpty
        && part.unicodeScalars.allSatisfy {
          ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
            || $0 == "-" || $0 == "_"
        } ? part : json(part)
    }.joined(separator: ".")
  }

  /// As Python's `json.dumps(text, ensure_ascii=False)`.
  static func json(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{8}": out += "\\b"
      case "\u{C}": out += "\\f"
      default:
        if scalar.value < 0x20 {
          out += String(format: "\\u%04x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  static func valueText(_ value: TOMLDocument.Value) -> String {
    switch value {
    case .bool(let flag): return "bool \(flag)"
    case .integer(let number): return "int \(number)"
    case .float(let number):
      if number.isNaN { return "float nan" }
      if number.isInfinite { return number < 0 ? "float -inf" : "float inf" }
      return "float \(number)"
    case .string(let text): return "str " + json(text)
    case .dateTime(let text): return "datetime " + text
    case .array(let items): return "[" + items.map(valueText).joined(separator: ", ") + "]"
    case .table(let entries):
      return "{"
        + sorted(entries).map { "\(keyText([$0.key])) = \(valueText($0.value))" }
        .joined(separator: ", ") + "}"
    }
  }

  static func sorted(_ entries: [(key: String, value: TOMLDocument.Value)]) -> [(
    key: String, value: TOMLDocument.Value
  )] {
    entries.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
  }

  static func dump(_ table: [(key: String, value: TOMLDocument.Value)], prefix: [String] = [])
    -> [String]
  {
    var lines: [String] = []
    for (key, value) in sorted(table) {
      if case .table(let inner) = value {
        let nested = dump(inner, prefix: prefix + [key])
        lines += nested.isEmpty ? ["\(keyText(prefix + [key])) = {}"] : nested
      } else {
        lines.append("\(keyText(prefix + [key])) = \(valueText(value))")
      }
    }
    return lines
  }

  @Test func everyCaseHasItsExpectation() {
    #expect(Self.cases.count >= 60)
    #expect(Set(Self.cases.map(\.0)) == Set(Self.expected.keys))
  }

  @Test(arguments: cases.map(\.0))
  func sameAsTomllib(name: String) throws {
    let source = Self.decode(try #require(Self.cases.first { $0.0 == name }).1)
    let expected = try #require(Self.expected[name])
    let actual: String
    do {
      actual = Self.dump(try TOMLDocument(parsing: source).root).joined(separator: "\n")
    } catch {
      actual =
        "error: \(error.message) @ \(error.atEnd ? "end" : "\(error.line):\(error.column)")"
    }
    #expect(actual == expected)
  }

  @Test func messagesReadAsTomllibWritesThem() throws {
    do {
      _ = try TOMLDocument(parsing: "a = 1\na = 2\n")
      Issue.record("a key set twice was accepted")
    } catch {
      #expect(error.description == "Cannot overwrite a value (at line 2, column 6)")
    }
    do {
      _ = try TOMLDocument(parsing: "a = [1, 2")
      Issue.record("an unclosed array was accepted")
    } catch {
      #expect(error.description == "Unclosed array (at end of document)")
    }
  }

  @Test func datesAndTimesAreKeptAsWritten() throws {
    let document = try TOMLDocument(
      parsing:
        "odt = 1979-05-27T07:32:00Z\nld = 1979-05-27\nlt = 07:32:00.999\nldt = 1979-05-27 07:32:00-07:00\n"
    )
    #expect(
      document.root.map(\.value) == [
        .dateTime("1979-05-27T07:32:00Z"), .dateTime("1979-05-27"), .dateTime("07:32:00.999"),
        .dateTime("1979-05-27 07:32:00-07:00"),
      ])
  }

  @Test func integersBeyond64BitsAreConvBooksLimit() {
    #expect(throws: TOMLDocument.ParseError.self) {
      try TOMLDocument(parsing: "big = 99999999999999999999\n")
    }
  }

  // Hostile answers files (hardening): 100,000 nested `[` or `{` overflowed the stack of
  // `convbook check --answers`; a key of 50,000 dotted parts, 200,000 one-line answers and 20,000
  // `[[tables]]` headers were
  // quadratic (minutes). Deep nesting and long keys are ConvBook's limit, at their place.
  @Test func deepNestingIsConvBooksLimit() {
    for (open, close) in [("[", "]"), ("{b=", "}")] {
      let source =
        "a = " + String(repeating: open, count: 100_000) + "1"
        + String(repeating: close, count: 100_000) + "\n"
      #expect {
        try TOMLDocument(parsing: source)
      } throws: { error in
        "\(error)"
          == "ConvBook reads arrays and inline tables nested at most 100 levels deep (at line 1, column \(5 + 100 * open.count))"
      }
    }
    let hundred =
      "a = " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
    #expect(throws: Never.self) { try TOMLDocument(parsing: hundred) }
  }

  @Test func longDottedKeysAreConvBooksLimit() {
    let source = String(repeating: "a.", count: 50_000) + "b = 1\n"
    #expect {
      try TOMLDocument(parsing: source)
    } throws: { error in
      "\(error)" == "ConvBook reads keys of at most 100 dotted parts (at line 1, column 200)"
    }
  }

  @Test func manyStatementsAreRead() throws {
    var source = ""
    for index in 0..<50_000 { source += "k\(index) = \(index)\n" }
    for _ in 0..<10_000 { source += "[[tables]]\nx = 1\n" }
    let document = try TOMLDocument(parsing: source)
    #expect(document.root.count == 50_001)
    guard case .array(let tables)? = document.root.last?.value else {
      Issue.record("no array of tables")
      return
    }
    #expect(tables.count == 10_000)
  }
}
