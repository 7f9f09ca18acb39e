import Foundation

/// A student's answers to every exercise of a lesson (`convbook check LESSON --answers
/// answers.toml`): a TOML document (read by `TOMLDocument`, all of TOML 1.0) whose keys are
/// exercise ids (`id = value`; a key under a table or a dotted key answers the id with its path,
/// `conv.out-shape`) and whose values are numbers (`11_508_170`), strings (`"(None, 53, 53, 64)"`,
/// `'dense_1'`, a model file `"model.py"` or `"model.ipynb"` for a design exercise, relative to
/// the answers file), `true`/`false`, or arrays for shapes and tuples (`[28, 28, 1]`, with
/// `"None"` for None). Values are read as literals by ``StudentAnswer``, never evaluated.
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
    // Why it cannot be read, in the words lessons get: missing, not a regular file, not UTF-8 (with
    // the line, column and byte offset of the first bad byte), ... (hostile batch8).
    let source: String
    do {
      source = try TextFile.read(path)
    } catch {
      return .failure(
        Diagnostic(file: path, line: 0, column: 0, message: error.message(what: "the answers file"))
      )
    }
    return parse(source, path: path)
  }

  /// Reads an answers file as TOML (`TOMLDocument`): a bad document is refused at its line and
  /// column in TOML's words (`tomllib`'s); then each value becomes an answer (`answer(for:)`).
  public static func parse(_ source: String, path: String) -> Result<AnswersFile, Diagnostic> {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    func failure(line: Int, column: Int, _ message: String, hint: String? = nil) -> Result<
      AnswersFile, Diagnostic
    > {
      let text = line >= 1 && line <= lines.count ? lines[line - 1] : ""
      return .failure(
        Diagnostic(
          file: path, line: line, column: column, message: message,
          excerpt: (text, String(repeating: " ", count: max(column - 1, 0)) + "^"), hint: hint))
    }
    let document: TOMLDocument
    do {
      document = try TOMLDocument(parsing: source)
    } catch {
      // "At end of document" points just after the last character.
      var line = error.line
      var column = error.column
      if error.atEnd {
        let content = lines.last == "" ? lines.dropLast() : lines[...]
        line = max(content.count, 1)
        column = (content.last?.count ?? 0) + 1
      }
      let text = line >= 1 && line <= lines.count ? lines[line - 1] : ""
      let rest = text.dropFirst(max(column - 1, 0))
      var hint: String?
      if rest.hasPrefix("None") {
        hint = "TOML has no None: write a shape with None as a string, e.g. \"(None, 15, 15, 16)\""
      } else if error.message.hasPrefix("Expected newline"), text.contains(",") {
        hint = "numbers in TOML group digits with _, as in 11_574_090"
      }
      return failure(line: line, column: column, error.message, hint: hint)
    }
    var entries: [Entry] = []
    var refusal: Result<AnswersFile, Diagnostic>?
    func collect(_ table: [(key: String, value: TOMLDocument.Value)], prefix: [String]) {
      for (key, value) in table where refusal == nil {
        let path = prefix + [key]
        let line = document.lines[path] ?? document.lines[prefix] ?? 0
        if case .table(let inner) = value {
          collect(inner, prefix: path)
          continue
        }
        let id = path.joined(separator: ".")
        switch answer(for: value) {
        case .success(let text): entries.append(Entry(id: id, text: text, line: line))
        case .failure(let answerRefusal):
          // The key's column on its line (where the value is, TOML has no other record).
          let text = line >= 1 && line <= lines.count ? lines[line - 1] : ""
          let column =
            text.firstRange(of: key).map {
              text.distance(from: text.startIndex, to: $0.lowerBound) + 1
            }
            ?? 1
          refusal = failure(
            line: line, column: column, "the answer to '\(id)': \(answerRefusal.message)")
        }
      }
    }
    collect(document.root, prefix: [])
    if let refusal { return refusal }
    return .success(AnswersFile(path: path, entries: entries))
  }

  /// A TOML value as the answer text `StudentAnswer` reads: a string's contents; a number as
  /// Python writes it; `true`/`false` as `True`/`False`; an array as a Python tuple, in which the
  /// string `"None"` stands for None (`[ "None", 15, 15, 16 ]` is `(None, 15, 15, 16)`). Dates,
  /// times and tables inside arrays are no answers.
  static func answer(for value: TOMLDocument.Value) -> Result<String, AnswerRefusal> {
    switch value {
    case .string(let text): return .success(text)
    case .integer(let number): return .success(String(number))
    case .float(let number):
      if number.isNaN { return .success("nan") }
      if number.isInfinite { return .success(number < 0 ? "-inf" : "inf") }
      return .success("\(number)")
    case .bool(let flag): return .success(flag ? "True" : "False")
    case .dateTime:
      return .failure(
        AnswerRefusal("ConvBook does not take dates or times as answers; write it as a string"))
    case .table:
      return .failure(AnswerRefusal("a table is no answer"))
    case .array(let items):
      var parts: [String] = []
      for item in items {
        switch item {
        case .string("None"): parts.append("None")
        case .string(let text):
          parts.append(
            "'"
              + text.replacingOccurrences(of: "\\", with: "\\\\")
              .replacingOccurrences(of: "'", with: "\\'") + "'")
        case .table:
          return .failure(
            AnswerRefusal("ConvBook does not take tables inside arrays as answers"))
        default:
          switch answer(for: item) {
          case .success(let text): parts.append(text)
          case .failure(let refusal): return .failure(refusal)
          }
        }
      }
      return .success("(" + parts.joined(separator: ", ") + (parts.count == 1 ? ",)" : ")"))
    }
  }

  /// Why a TOML value cannot be an answer.
  struct AnswerRefusal: Error {
    var message: String
    init(_ message: String) { self.message = message }
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
}
