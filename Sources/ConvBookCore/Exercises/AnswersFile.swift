import Foundation

/// A student's answers to every exercise of a lesson (`convbook check LESSON --answers
/// answers.toml`), in the part of TOML that such a file needs: one `id = value` line per exercise,
/// `#` comments, and values that are numbers (`11_508_170`), strings (`"(None, 53, 53, 64)"`,
/// `'dense_1'`, a model file `"model.py"` or `"model.ipynb"` for a design exercise, relative to
/// the answers file) or `true`/`false`. Values are read as literals by ``StudentAnswer``, never
/// evaluated. Anything else (tables, arrays, multi-line strings) is refused at its line and column.
public struct AnswersFile {
  public struct Entry {
    public var id: String
    /// The answer as the student wrote it: a string's contents, or a bare value's text.
    public var text: String
    public var line: Int
    /// In a notebook: the code cells up to the one that answers, for a design exercise.
    public var script: ScriptFile?
  }

  public var path: String
  public var entries: [Entry]

  public func entry(for id: String) -> Entry? { entries.first { $0.id == id } }

  /// The file's folder, against which model file paths are resolved.
  public var directory: String { (path as NSString).deletingLastPathComponent }

  /// An answers file, or a notebook whose cells answer (see ``notebook(cells:path:)``).
  public static func load(path: String) -> Result<AnswersFile, Diagnostic> {
    if ScriptFile.isNotebook(path) {
      switch ScriptFile.notebookCells(path: path) {
      case .failure(let error):
        return .failure(Diagnostic(file: path, line: 0, column: 0, message: error.message()))
      case .success(let cells): return notebook(cells: cells, path: path)
      }
    }
    guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
      return .failure(
        Diagnostic(
          file: path, line: 0, column: 0, message: "cannot read the answers file '\(path)'"))
    }
    return parse(source, path: path)
  }

  public static func parse(_ source: String, path: String) -> Result<AnswersFile, Diagnostic> {
    var entries: [Entry] = []
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    for (index, line) in lines.enumerated() {
      let number = index + 1
      func failure(_ column: Int, _ message: String) -> Result<AnswersFile, Diagnostic> {
        .failure(
          Diagnostic(
            file: path, line: number, column: column, message: message,
            excerpt: (line, String(repeating: " ", count: max(column - 1, 0)) + "^")))
      }
      let characters = Array(line)
      var position = 0
      func skipBlanks() {
        while position < characters.count,
          characters[position] == " " || characters[position] == "\t"
        {
          position += 1
        }
      }
      skipBlanks()
      if position == characters.count || characters[position] == "#" { continue }
      if characters[position] == "[" {
        return failure(
          position + 1,
          "answers files are flat: one 'exercise-id = answer' line per exercise, without [tables]")
      }
      // The key: bare (letters, digits, '-', '_') or quoted.
      var key = ""
      let keyColumn = position + 1
      if characters[position] == "\"" || characters[position] == "'" {
        guard let (text, end) = quoted(characters, from: position) else {
          return failure(keyColumn, "this quoted exercise id is not closed")
        }
        key = text
        position = end
      } else {
        while position < characters.count,
          characters[position].isASCII
            && (characters[position].isLetter || characters[position].isNumber
              || "-_".contains(characters[position]))
        {
          key.append(characters[position])
          position += 1
        }
      }
      if key.isEmpty {
        return failure(keyColumn, "expected an exercise id, then '=' and the answer")
      }
      skipBlanks()
      guard position < characters.count, characters[position] == "=" else {
        return failure(position + 1, "expected '=' after the exercise id '\(key)'")
      }
      position += 1
      skipBlanks()
      let valueColumn = position + 1
      guard position < characters.count, characters[position] != "#" else {
        return failure(valueColumn, "'\(key) =' has no answer")
      }
      var value: String
      if characters[position] == "\"" || characters[position] == "'" {
        if characters[position...].starts(with: Array("\"\"\""))
          || characters[position...].starts(with: Array("'''"))
        {
          return failure(
            valueColumn,
            "multi-line strings are not supported in answers files; keep each answer on one line")
        }
        guard let (text, end) = quoted(characters, from: position) else {
          return failure(valueColumn, "this string is not closed: add the closing quote")
        }
        value = text
        position = end
      } else if characters[position] == "[" || characters[position] == "{" {
        return failure(
          valueColumn,
          "write a shape or tuple as a string, e.g. \(key) = \"(None, 53, 53, 64)\" (TOML arrays cannot hold None)"
        )
      } else {
        value = ""
        while position < characters.count, characters[position] != "#" {
          value.append(characters[position])
          position += 1
        }
        value = value.trimmingCharacters(in: .whitespaces)
        if value == "true" { value = "True" }
        if value == "false" { value = "False" }
      }
      skipBlanks()
      if position < characters.count, characters[position] != "#" {
        return failure(position + 1, "unexpected text after the answer to '\(key)'")
      }
      if let first = entries.first(where: { $0.id == key }) {
        return failure(keyColumn, "'\(key)' is answered twice (first at line \(first.line))")
      }
      entries.append(Entry(id: key, text: value, line: number))
    }
    return .success(AnswersFile(path: path, entries: entries))
  }

  /// The answers of a notebook: a code cell whose first line is `# convbook: ID` answers exercise
  /// ID. For a value exercise, its other lines (blank and `#` lines left out) are the answer, a
  /// literal as on the command line (`11508138`, `"(None, 53, 53, 64)"`); for a design exercise,
  /// the notebook's code cells up to and including it run as the model script, without the cells
  /// that answer value exercises.
  public static func notebook(cells: [ScriptFile.NotebookCell], path: String) -> Result<
    AnswersFile, Diagnostic
  > {
    var entries: [Entry] = []
    var answerCells: Set<Int> = []
    var tagged: [(id: String, cell: ScriptFile.NotebookCell)] = []
    for cell in cells where cell.isCode {
      guard let first = cell.lines.first?.trimmingCharacters(in: .whitespaces),
        first.hasPrefix("#")
      else { continue }
      let comment = first.dropFirst().trimmingCharacters(in: .whitespaces)
      guard comment.hasPrefix("convbook:") else { continue }
      let id = comment.dropFirst("convbook:".count).trimmingCharacters(in: .whitespaces)
      if let previous = tagged.first(where: { $0.id == id }) {
        return .failure(
          Diagnostic(
            file: "\(path) (cell \(cell.number))", line: 1, column: 1,
            message: "'\(id)' is answered twice (first in cell \(previous.cell.number))"))
      }
      tagged.append((id, cell))
    }
    for (_, cell) in tagged {
      let body = cell.lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }
      // A cell of one literal line answers a value exercise and is no part of a model script.
      if body.count == 1, !body[0].contains("=") || body[0].hasPrefix("(") {
        answerCells.insert(cell.number)
      }
    }
    for (id, cell) in tagged {
      let body = cell.lines.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }
      let scriptCells = cells.filter {
        $0.number <= cell.number && ($0.number == cell.number || !answerCells.contains($0.number))
      }
      entries.append(
        Entry(
          id: id, text: body.joined(separator: " "), line: cell.number,
          script: ScriptFile.notebook(cells: scriptCells, path: path)))
    }
    return .success(AnswersFile(path: path, entries: entries))
  }

  /// A TOML string starting at `start` (basic with escapes, or literal): its text and the index
  /// after its closing quote.
  private static func quoted(_ characters: [Character], from start: Int) -> (String, Int)? {
    let quote = characters[start]
    var text = ""
    var position = start + 1
    while position < characters.count {
      let character = characters[position]
      if character == quote { return (text, position + 1) }
      if quote == "\"", character == "\\", position + 1 < characters.count {
        let escaped = characters[position + 1]
        let map: [Character: String] = [
          "n": "\n", "t": "\t", "\\": "\\", "\"": "\"", "r": "\r", "b": "\u{8}", "f": "\u{c}",
        ]
        guard let replacement = map[escaped] else { return nil }
        text += replacement
        position += 2
        continue
      }
      text.append(character)
      position += 1
    }
    return nil
  }
}
