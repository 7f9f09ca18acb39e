import ConvBookCore
import Foundation
import Testing

/// Answers files as TOML: every kind of value an answer can be, keys under tables, and bad input
/// refused at its line and column in TOML's words, with ConvBook's hint where one helps.
@Suite struct AnswersFileTests {
  static func entries(_ source: String) throws -> [String: String] {
    let file = try AnswersFile.parse(source, path: "answers.toml").get()
    return Dictionary(uniqueKeysWithValues: file.entries.map { ($0.id, $0.text) })
  }

  static func failure(_ source: String) -> Diagnostic? {
    if case .failure(let diagnostic) = AnswersFile.parse(source, path: "answers.toml") {
      return diagnostic
    }
    return nil
  }

  @Test func valuesBecomeAnswerText() throws {
    let answers = try Self.entries(
      """
      # lesson 1
      wide-params = 231_562
      hex = 0xFF
      ratio = 374.7
      last-layer = 'dense_1'
      "quoted id" = "a \\"quoted\\" name"
      pool-shape = "(None, 15, 15, 16)"
      shape = [28, 28, 1]
      with-none = ["None", 15, 15, 16]
      one = [3]
      pair = [[1, 2], [3, 4]]
      names = ["conv2d", 'dense']
      flag = true
      poem = \"\"\"
      two \\
        lines\"\"\"
      spread = [
        1,  # first
        2,
      ]
      [conv]
      out-shape = "(None, 26, 26, 32)"
      lesson.part = 2
      """)
    #expect(answers["wide-params"] == "231562")
    #expect(answers["hex"] == "255")
    #expect(answers["ratio"] == "374.7")
    #expect(answers["last-layer"] == "dense_1")
    #expect(answers["quoted id"] == "a \"quoted\" name")
    #expect(answers["pool-shape"] == "(None, 15, 15, 16)")
    #expect(answers["shape"] == "(28, 28, 1)")
    #expect(answers["with-none"] == "(None, 15, 15, 16)")
    #expect(answers["one"] == "(3,)")
    #expect(answers["pair"] == "((1, 2), (3, 4))")
    #expect(answers["names"] == "('conv2d', 'dense')")
    #expect(answers["flag"] == "True")
    #expect(answers["poem"] == "two lines")
    #expect(answers["spread"] == "(1, 2)")
    #expect(answers["conv.out-shape"] == "(None, 26, 26, 32)")
    #expect(answers["conv.lesson.part"] == "2")
  }

  @Test func linesOfEntries() throws {
    let file = try AnswersFile.parse("a = 1\n\n[t]\nb = { c = 2 }\n", path: "x.toml").get()
    #expect(file.entries.map(\.line) == [1, 4])
    #expect(file.entries.map(\.id) == ["a", "t.b.c"])
  }

  @Test func badTOMLIsRefusedAtLineAndColumn() throws {
    let none = try #require(Self.failure("wide-params = 231562\npool-shape = [None, 15]\n"))
    #expect(none.line == 2 && none.column == 15 && none.message == "Invalid value")
    #expect(none.hint?.contains("TOML has no None") == true)
    #expect(none.excerpt?.caret == String(repeating: " ", count: 14) + "^")
    let comma = try #require(Self.failure("wide-params = 231,562\n"))
    #expect(comma.line == 1 && comma.column == 18)
    #expect(comma.message == "Expected newline or end of document after a statement")
    #expect(comma.hint?.contains("11_574_090") == true)
    let twice = try #require(Self.failure("a = 1\na = 2\n"))
    #expect(twice.line == 2 && twice.column == 6 && twice.message == "Cannot overwrite a value")
    let open = try #require(Self.failure("a = \"never closed"))
    #expect(open.line == 1 && open.column == 18 && open.message == "Unterminated string")
  }

  @Test func valuesThatAreNoAnswersAreConvBooksRefusal() throws {
    let date = try #require(Self.failure("when = 2024-01-01\n"))
    #expect(date.line == 1 && date.column == 1)
    // The refusal's own words, not its Swift description (hostile batch8).
    #expect(
      date.message
        == "the answer to 'when': ConvBook does not take dates or times as answers; write it as a string"
    )
    let tables = try #require(Self.failure("x = [{ a = 1 }]\n"))
    #expect(tables.message.contains("tables inside arrays"))
    let array = try #require(Self.failure("[[runs]]\nid = 1\n"))
    #expect(array.message.contains("the answer to 'runs'"))
  }

  /// A file that cannot be read says why, as a lesson does (hostile batch8).
  @Test func anUnreadableAnswersFileSaysWhy() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "answers-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let latin1 = folder.appendingPathComponent("answers.toml")
    try Data("name = \"caf".utf8 + [0xE9] + Array("\"\n".utf8)).write(to: latin1)
    guard case .failure(let bad) = AnswersFile.load(path: latin1.path) else {
      Issue.record("a Latin-1 file was read")
      return
    }
    #expect(bad.line == 0)
    #expect(
      bad.message.hasSuffix(
        "answers.toml:1:12': it is not valid UTF-8: byte 0xE9 at line 1, column 12 (byte offset 11); save it as UTF-8"
      ), "\(bad.message)")
    guard case .failure(let folderError) = AnswersFile.load(path: folder.path) else {
      Issue.record("a folder was read")
      return
    }
    #expect(
      folderError.message.hasSuffix("it is a folder, not a regular file"), "\(folderError.message)")
  }
}
