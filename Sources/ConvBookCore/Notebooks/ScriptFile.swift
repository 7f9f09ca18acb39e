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
  /// The notebook's cells' lines, to quote them in errors.
  var cellLines: [[String]] = []

  public static func isNotebook(_ path: String) -> Bool { path.lowercased().hasSuffix(".ipynb") }

  /// Reads `path`; the error message says why it cannot be read.
  public static func load(path: String) -> Result<ScriptFile, ScriptFileError> {
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(ScriptFileError(message: "cannot read '\(path)'"))
    }
    guard isNotebook(path) else {
      guard let text = String(data: data, encoding: .utf8) else {
        return .failure(ScriptFileError(message: "'\(path)' is not UTF-8 text"))
      }
      return .success(ScriptFile(path: path, source: text, notes: [], origins: nil))
    }
    return notebook(data, path: path)
  }

  static func notebook(_ data: Data, path: String) -> Result<ScriptFile, ScriptFileError> {
    guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let cells = root["cells"] as? [Any]
    else {
      return .failure(
        ScriptFileError(
          message:
            "'\(path)' is not a Jupyter notebook (a JSON document with a \"cells\" list); save it from Jupyter or Colab as .ipynb"
        ))
    }
    var source = ""
    var notes: [String] = []
    var origins: [(cell: Int, line: Int)] = []
    var cellLines: [[String]] = []
    for (index, cell) in cells.enumerated() {
      let number = index + 1
      guard let cell = cell as? [String: Any] else {
        return .failure(
          ScriptFileError(message: "'\(path)': cell \(number) is not a notebook cell"))
      }
      let text: String
      if let parts = cell["source"] as? [String] {
        text = parts.joined()
      } else if let whole = cell["source"] as? String {
        text = whole
      } else {
        text = ""
      }
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if lines.last == "" { lines.removeLast() }
      cellLines.append(lines)
      guard (cell["cell_type"] as? String) == "code" else { continue }
      var skippingCellMagic = false
      for (lineIndex, line) in lines.enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        var code = line
        if lineIndex == 0, trimmed.hasPrefix("%%") {
          // A cell magic (`%%time`, `%%bash`) makes the whole cell something other than Python.
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
    var file = ScriptFile(path: path, source: source, notes: notes, origins: origins)
    file.cellLines = cellLines
    return .success(file)
  }

  /// An error of running `source`, at the file's line, or the notebook cell's line.
  public func diagnostic(for error: CellError) -> Diagnostic {
    let excerpt = SourceExcerpt(source: source, range: error.range)
    guard let origins, error.range.start.line >= 1, error.range.start.line <= origins.count else {
      return Diagnostic(
        file: path, line: error.range.start.line, column: error.range.start.column,
        errorType: error.type, message: error.message,
        excerpt: (excerpt.lineText, excerpt.caretLine))
    }
    let origin = origins[error.range.start.line - 1]
    return Diagnostic(
      file: "\(path) (cell \(origin.cell))", line: origin.line, column: error.range.start.column,
      errorType: error.type, message: error.message, excerpt: (excerpt.lineText, excerpt.caretLine))
  }
}

/// Why a script or notebook cannot be read: a usage error.
public struct ScriptFileError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
