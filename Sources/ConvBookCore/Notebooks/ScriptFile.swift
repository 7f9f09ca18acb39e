import Foundation
import KerasCells

/// A Keras script as students hand it in: a `.py` file, or a Jupyter notebook (`.ipynb`) whose
/// code cells run in order as one script. In a notebook, IPython magics (`%matplotlib inline`,
/// `%%time`) and shell lines (`!pip install ...`) are skipped with a note, and errors point at the
/// notebook cell and its line (`model.ipynb (cell 3):2:5`).
public struct ScriptFile {
  public var path: String
  /// The code that runs: the `.py` file, or the notebook's code cells one after another.
  public var source: String
  /// What was skipped, for people (`model.ipynb (cell 1):1: skipped the IPython line '%pip ...'`).
  public var notes: [String]
  /// For a notebook, where each line of `source` comes from: (cell number from 1, line in the cell).
  var origins: [(cell: Int, line: Int)]?
  /// Why the file cannot run at all before its first line: its bytes do not decode with the
  /// encoding it declares (CPython's `SyntaxError`, without a place), or ConvBook does not decode that
  /// encoding (its limitation). `source` is then empty.
  public var sourceError: CellError?

  public static func isNotebook(_ path: String) -> Bool { path.lowercased().hasSuffix(".ipynb") }

  /// Reads `path`; the error message says why it cannot be read.
  public static func load(path: String) -> Result<ScriptFile, ScriptFileError> {
    guard isNotebook(path) else { return pythonFile(path: path) }
    let text: String
    do {
      text = try TextFile.read(path)
    } catch {
      return .failure(.read(error))
    }
    return notebook(Data(text.utf8), path: path)
  }

  /// A `.py` file: UTF-8, or the encoding its first lines declare (`PythonSourceEncoding`).
  static func pythonFile(path: String) -> Result<ScriptFile, ScriptFileError> {
    let bytes: [UInt8]
    do {
      bytes = try TextFile.readBytes(path)
    } catch {
      return .failure(.read(error))
    }
    let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    if hasByteOrderMark, let declared = PythonSourceEncoding.declaration(Array(bytes.dropFirst(3))),
      declared.name != "utf-8"
    {
      // CPython's tokenizer takes the mark as UTF-8 and refuses any other declared encoding,
      // named as it normalizes it (`# coding: latin-1` is iso-8859-1), before the file runs.
      return .success(refusedByTokenizer(path, "encoding problem: \(declared.name) with BOM"))
    }
    if PythonSourceEncoding.declaration(bytes) == nil || hasByteOrderMark,
      let null = Self.nullByteLine(bytes.dropFirst(hasByteOrderMark ? 3 : 0))
    {
      let before = String(decoding: null.before, as: UTF8.self)
      let text = String(decoding: null.text, as: UTF8.self)
      var error = CellError(
        type: "SyntaxError", message: Self.nullBytesMessage,
        range: SourceRange(
          at: SourceLocation(
            line: null.line, column: text.count + 1,
            utf8Offset: null.before.count + null.text.count)))
      error.isCompileError = true
      var file = ScriptFile(path: path, source: before + text, notes: [], origins: nil)
      file.sourceError = error
      return .success(file)
    }
    if !hasByteOrderMark, let declared = PythonSourceEncoding.declaration(bytes),
      let decoded = PythonSourceEncoding.decode(
        bytes, declared: declared.name, line: declared.line)
    {
      let start = SourceRange(at: SourceLocation(line: 0, column: 0, utf8Offset: 0))
      var file = ScriptFile(path: path, source: "", notes: [], origins: nil)
      switch decoded {
      case .text(let text): file.source = text
      case .syntaxError(let message):
        var error = CellError(type: "SyntaxError", message: message, range: start)
        error.isCompileError = true
        error.hasNoPlace = true
        file.sourceError = error
      case .unsupported(let message):
        // Pointed at the declaration, which the diagnostic quotes (its line is ASCII text here).
        let lines = String(decoding: bytes, as: UTF8.self).split(
          separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        file.source = lines.prefix(declared.line).joined(separator: "\n")
        let line = String(lines[declared.line - 1])
        let offset = file.source.utf8.count - line.utf8.count
        file.sourceError = CellError(
          type: nil, message: message,
          range: SourceRange(
            start: SourceLocation(line: declared.line, column: 1, utf8Offset: offset),
            end: SourceLocation(
              line: declared.line, column: line.count + 1, utf8Offset: offset + line.utf8.count)))
      }
      return .success(file)
    }
    do {
      let text = try TextFile.text(of: bytes, path: path)
      return .success(ScriptFile(path: path, source: pythonSource(text), notes: [], origins: nil))
    } catch .invalidUTF8(_, let line, _, _, let byte)
      where !hasByteOrderMark && PythonSourceEncoding.declaration(bytes) == nil
    {
      // CPython's tokenizer refuses the file before anything runs, naming the first bad byte's
      // line (the path as given here, where `python` makes it absolute).
      return .success(
        refusedByTokenizer(
          path,
          "Non-UTF-8 code starting with '\\x\(String(byte, radix: 16))' in file \(path) on line \(line), but no encoding declared; see https://peps.python.org/pep-0263/ for details"
        ))
    } catch {
      return .failure(.read(error))
    }
  }

  /// CPython's words for a NUL byte in a source file (`exec` of a string says "source code
  /// string ...").
  public static let nullBytesMessage = "source code cannot contain null bytes"

  /// The line where CPython stops a file for a NUL byte: its tokenizer reads a line at a time
  /// (`\n`, `\r\n` or `\r` ending it), checks its UTF-8 up to a NUL, then refuses a NUL in it. Nil
  /// when no line has one, or a line before it (or its text before the NUL) is not UTF-8, whose
  /// error comes first. `before` holds the lines above, `text` the line up to the NUL.
  /// A file CPython's tokenizer refuses before anything runs: a SyntaxError with no place (its
  /// traceback names the file, no line), and no source.
  private static func refusedByTokenizer(_ path: String, _ message: String) -> ScriptFile {
    var error = CellError(
      type: "SyntaxError", message: message,
      range: SourceRange(at: SourceLocation(line: 0, column: 0, utf8Offset: 0)))
    error.isCompileError = true
    error.hasNoPlace = true
    var file = ScriptFile(path: path, source: "", notes: [], origins: nil)
    file.sourceError = error
    return file
  }

  static func nullByteLine(_ bytes: ArraySlice<UInt8>)
    -> (line: Int, before: ArraySlice<UInt8>, text: ArraySlice<UInt8>)?
  {
    guard bytes.contains(0) else { return nil }
    var line = 1
    var start = bytes.startIndex
    while start < bytes.endIndex {
      var end = start
      while end < bytes.endIndex, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
      let null = bytes[start..<end].firstIndex(of: 0)
      guard TextFile.firstInvalidUTF8(Array(bytes[start..<(null ?? end)])) == nil else {
        return nil
      }
      if let null { return (line, bytes[bytes.startIndex..<start], bytes[start..<null]) }
      guard end < bytes.endIndex else { break }
      end += bytes[end] == 0x0D && end + 1 < bytes.endIndex && bytes[end + 1] == 0x0A ? 2 : 1
      start = end
      line += 1
    }
    return nil
  }

  /// The code of a `.py` file's text: CPython skips a UTF-8 byte order mark at the start of a
  /// source file (Windows editors write one), though `exec` of a string refuses it as an invalid
  /// character, so it is dropped here, where a file is read, and not by the tokenizer.
  static func pythonSource(_ text: String) -> String {
    text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
  }

  /// A notebook cell: its number (from 1), whether it is code, and its lines.
  public struct NotebookCell {
    public var number: Int
    public var isCode: Bool
    public var lines: [String]
  }

  /// The cells of the notebook at `path`.
  public static func notebookCells(path: String) -> Result<[NotebookCell], ScriptFileError> {
    do {
      return notebookCells(Data(try TextFile.read(path).utf8), path: path)
    } catch {
      return .failure(.read(error))
    }
  }

  static func notebookCells(_ data: Data, path: String) -> Result<[NotebookCell], ScriptFileError> {
    guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let cells = root["cells"] as? [Any]
    else {
      return .failure(
        .notANotebook(
          "'\(TerminalText.escaped(path))' is not a Jupyter notebook (a JSON document with a \"cells\" list); save it from Jupyter or Colab as .ipynb"
        ))
    }
    var result: [NotebookCell] = []
    for (index, cell) in cells.enumerated() {
      guard let cell = cell as? [String: Any] else {
        return .failure(
          .notANotebook("'\(TerminalText.escaped(path))': cell \(index + 1) is not a notebook cell")
        )
      }
      let text: String
      if let parts = cell["source"] as? [String] {
        text = parts.joined()
      } else {
        text = cell["source"] as? String ?? ""
      }
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if lines.last == "" { lines.removeLast() }
      result.append(
        NotebookCell(
          number: index + 1, isCode: (cell["cell_type"] as? String) == "code", lines: lines))
    }
    return .success(result)
  }

  static func notebook(_ data: Data, path: String) -> Result<ScriptFile, ScriptFileError> {
    notebookCells(data, path: path).map { notebook(cells: $0, path: path) }
  }

  /// The script of `cells` (their code cells, in order) of the notebook at `path`.
  public static func notebook(cells: [NotebookCell], path: String) -> ScriptFile {
    var source = ""
    var notes: [String] = []
    var origins: [(cell: Int, line: Int)] = []
    for cell in cells where cell.isCode {
      let number = cell.number
      var skippingCellMagic = false
      for (lineIndex, line) in cell.lines.enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        var code = line
        if lineIndex == 0, trimmed.hasPrefix("%%") {
          // A cell magic (`%%bash`, `%%html`) makes the whole cell something other than Python;
          // `%%time` and `%%capture` only wrap Python.
          skippingCellMagic = !trimmed.hasPrefix("%%time") && !trimmed.hasPrefix("%%capture")
          notes.append(
            "\(path) (cell \(number)):\(lineIndex + 1): skipped the IPython cell magic '\(trimmed)'"
              + (skippingCellMagic ? " and its cell" : ""))
          code = ""
        } else if skippingCellMagic {
          code = ""
        } else if trimmed.hasPrefix("%") || trimmed.hasPrefix("!") {
          notes.append(
            "\(path) (cell \(number)):\(lineIndex + 1): skipped the IPython line '\(trimmed)'")
          code = ""
        }
        source += code + "\n"
        origins.append((number, lineIndex + 1))
      }
    }
    return ScriptFile(path: path, source: source, notes: notes, origins: origins)
  }

  /// An error of running `source`, at the file's line, or the notebook cell's line.
  public func diagnostic(for error: CellError) -> Diagnostic {
    let excerpt = SourceExcerpt(source: source, range: error.range)
    guard let origins, error.range.start.line >= 1, error.range.start.line <= origins.count else {
      return Diagnostic(
        file: path, line: error.range.start.line, column: error.range.start.column,
        errorType: error.type, message: error.message,
        excerpt: (excerpt.lineText, excerpt.caretLine), hint: error.hint)
    }
    let origin = origins[error.range.start.line - 1]
    return Diagnostic(
      file: "\(path) (cell \(origin.cell))", line: origin.line, column: error.range.start.column,
      errorType: error.type, message: error.message, excerpt: (excerpt.lineText, excerpt.caretLine),
      hint: error.hint)
  }
}

/// Why a script or notebook cannot be read: the file itself (missing, not UTF-8, ...), or a
/// notebook that is not one.
public enum ScriptFileError: Error, CustomStringConvertible {
  case read(TextFile.ReadError)
  case notANotebook(String)

  /// Nothing at the path: a usage error; anything else is the student's to fix.
  public var isMissing: Bool {
    if case .read(let error) = self { return error.isMissing }
    return false
  }

  /// The message, naming the file as `what` (e.g. "the model file").
  public func message(what: String? = nil) -> String {
    switch self {
    case .read(let error): return error.message(what: what)
    case .notANotebook(let message): return message
    }
  }

  public var description: String { message() }
}
