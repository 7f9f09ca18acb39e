import KerasCells

/// Python's traceback of an uncaught exception in a script, as CPython 3.11 prints it on standard
/// error: every call from the top level down to where the exception was raised, each as
/// `File "NAME.py", line N, in FUNCTION`, the source line without its indentation and, when the
/// marked expression is only part of that line, carets under it; runs of more than three identical
/// frames (recursion) folded into `[Previous line repeated N more times]`; then `Type: message`.
/// Only the script's own frames are listed: the frames inside Keras' and TensorFlow's files that a
/// real traceback shows between them are not ConvBook's to print.
public struct ScriptTraceback: Equatable, Sendable {
  public struct Frame: Equatable, Sendable {
    /// Where the frame is (file, line) and the source line with its carets.
    public var place: Diagnostic
    /// `<module>` or the function's name.
    public var function: String
    /// The `~`/`^` split of the carets, in columns of the line: `^` from `lower` up to `upper`.
    public var anchor: ClosedRange<Int>?
  }

  /// An exception Python prints before this one (`CellError.chained`): its traceback (none for a
  /// cause that was never raised), its last line and the line that joins it to the next one.
  public struct Chained: Equatable, Sendable {
    public var traceback: ScriptTraceback?
    public var lastLine: String
    public var separator: String
  }

  /// Outermost first; the last one is where the exception was raised.
  public var frames: [Frame]
  /// The chain before this exception, oldest first.
  public var chain: [Chained] = []
  /// A syntax error of the script found before it ran (`CellError.isCompileError`).
  public var isCompileError = false
  /// A compile error printed without its place (`CellError.hasNoPlace`).
  public var hasNoPlace = false
  /// A compile error printed with its line's text but no caret (a NUL byte in the file).
  public var hidesCaret = false

  /// The frames of `error`, placed in the script's lines by `locate`, after those of the
  /// exceptions it was raised from.
  init(error: CellError, locate: (CellError) -> Diagnostic) {
    var links: [Chained] = []
    var link = error.chained
    while let current = link {
      links.insert(
        Chained(
          traceback: current.wasRaised
            ? ScriptTraceback(frameOf: current.error, locate: locate) : nil,
          lastLine: current.error.tracebackLine, separator: current.separator), at: 0)
      link = current.error.chained
    }
    self.init(frameOf: error, locate: locate)
    chain = links
    isCompileError = error.isCompileError
    hasNoPlace = error.hasNoPlace
    hidesCaret =
      error.isCompileError && error.type == "SyntaxError"
      && error.message == ScriptFile.nullBytesMessage
  }

  private init(frameOf error: CellError, locate: (CellError) -> Diagnostic) {
    if error.hasNoPlace, !error.isCompileError {
      // Raised and handled inside Keras' own code: none of the script's frames.
      frames = []
      return
    }
    frames = error.callers.map { caller in
      Frame(
        place: locate(CellError(type: nil, message: "", range: caller.range)),
        function: caller.function, anchor: nil)
    }
    var innermost = error
    innermost.range = error.tracebackRange ?? error.range
    let place = locate(innermost)
    frames.append(
      Frame(
        place: place, function: error.function ?? "<module>",
        anchor: Self.anchorColumns(error.tracebackAnchor, range: innermost.range, place: place)))
  }

  /// CPython's `_RECURSIVE_CUTOFF`.
  static let recursiveCutoff = 3

  /// The traceback text, ending with `lastLine` (the exception's `Type: message`), after the
  /// chain of exceptions it was raised from. `escapingControls`: the messages' control characters
  /// shown escaped (for a terminal); else as Python writes them (Keras 3's bold text).
  public func text(lastLine: String, escapingControls: Bool = true) -> String {
    let message = { (line: String) in
      escapingControls ? TerminalText.escapedKeepingLines(line) : line
    }
    var text = ""
    for link in chain {
      text +=
        (link.traceback?.text(lastLine: link.lastLine, escapingControls: escapingControls)
          ?? message(link.lastLine) + "\n")
        + "\n\(link.separator)\n\n"
    }
    return text + ownText(lastLine: message(lastLine))
  }

  /// `lastLine` as it is printed (escaped or not by `text`).
  private func ownText(lastLine: String) -> String {
    if isCompileError, hasNoPlace { return TerminalText.escapedKeepingLines(lastLine) + "\n" }
    if isCompileError, let frame = frames.last {
      return Self.compileErrorText(frame.place, caret: !hidesCaret)
        + TerminalText.escapedKeepingLines(lastLine) + "\n"
    }
    var text = "Traceback (most recent call last):\n"
    var previous: (file: String, line: Int, function: String)?
    var repeated = 0
    func flushRepeats() {
      if repeated > Self.recursiveCutoff {
        let more = repeated - Self.recursiveCutoff
        text += "  [Previous line repeated \(more) more time\(more > 1 ? "s" : "")]\n"
      }
    }
    for frame in frames {
      let key = (frame.place.file, frame.place.line, frame.function)
      if let previous, previous == key {
        repeated += 1
      } else {
        flushRepeats()
        previous = key
        repeated = 1
      }
      if repeated > Self.recursiveCutoff { continue }
      text += Self.frameText(frame)
    }
    flushRepeats()
    return text + lastLine + "\n"
  }

  /// Where a script's syntax error is, as CPython prints it before `SyntaxError: ...` when the
  /// script could not be compiled: `File "NAME.py", line N` (no function: nothing ran), the line
  /// without its indentation (CPython's `print_error_text` keeps the blanks after it) and the
  /// carets under the error, always, unless `caret` is false: then the line is printed even when
  /// it is empty, and nothing under it.
  static func compileErrorText(_ place: Diagnostic, caret showsCaret: Bool = true) -> String {
    let safe = TerminalText.escaped
    var text = "  File \"\(safe(place.file))\", line \(place.line)\n"
    guard let excerpt = place.excerpt else { return text }
    let indentation = excerpt.line.prefix { $0 == " " || $0 == "\t" }.count
    guard showsCaret else {
      return text + "    \(safe(String(excerpt.line.dropFirst(indentation))))\n"
    }
    let stripped = String(excerpt.line.dropFirst(indentation))
    guard !stripped.trimmingTrailingWhitespace.isEmpty else { return text }
    text += "    \(safe(stripped))\n"
    let caret = String(excerpt.caret.dropFirst(min(indentation, excerpt.caret.count)))
    if caret.contains("^") { text += "    \(caret)\n" }
    return text
  }

  /// One frame: its place, the line without indentation, and carets unless they would underline
  /// the whole (stripped) line, which CPython leaves unmarked.
  static func frameText(_ frame: Frame) -> String {
    let safe = TerminalText.escaped
    let place = frame.place
    var text = "  File \"\(safe(place.file))\", line \(place.line), in \(safe(frame.function))\n"
    guard let excerpt = place.excerpt else { return text }
    let indentation = excerpt.line.prefix { $0 == " " || $0 == "\t" }.count
    let stripped = String(excerpt.line.dropFirst(indentation)).trimmingTrailingWhitespace
    guard !stripped.isEmpty else { return text }
    text += "    \(safe(stripped))\n"
    var caret = String(excerpt.caret.dropFirst(min(indentation, excerpt.caret.count)))
    let marks = caret.filter { $0 == "^" }.count
    if let anchor = frame.anchor {
      // Columns of the line, 1-based; the caret line starts at column `indentation + 1`.
      caret = String(
        caret.enumerated().map { offset, character in
          guard character == "^" else { return character }
          return anchor.contains(offset + indentation + 1) ? "^" : "~"
        })
      text += "    \(caret)\n"
    } else if marks > 0 && marks < stripped.count {
      text += "    \(caret)\n"
    }
    return text
  }

  /// The columns CPython marks with `^` inside a binary operation or a subscript on one line
  /// (`_extract_caret_anchors_from_line_segment`), or nil.
  static func anchorColumns(_ anchor: TracebackAnchor?, range: SourceRange, place: Diagnostic)
    -> ClosedRange<Int>?
  {
    guard let anchor, let line = place.excerpt?.line, range.start.line == range.end.line else {
      return nil
    }
    let characters = Array(line)
    func character(_ column: Int) -> Character? {
      column >= 1 && column <= characters.count ? characters[column - 1] : nil
    }
    switch anchor {
    case .binary(let leftEnd, let rightStart):
      guard leftEnd.line == range.start.line, rightStart.line == range.start.line else {
        return nil
      }
      var column = leftEnd.column
      while column < rightStart.column, let found = character(column), found == " " || found == "\t"
      {
        column += 1
      }
      guard column < rightStart.column else { return nil }
      var last = column
      if column + 1 < rightStart.column, let next = character(column + 1), next != " ", next != "\t"
      {
        last += 1
      }
      return column...last
    case .subscript(let baseEnd, let indexEnd):
      guard baseEnd.line == range.start.line, indexEnd.line == range.start.line,
        indexEnd.column >= baseEnd.column
      else { return nil }
      return baseEnd.column...indexEnd.column
    }
  }
}

extension String {
  fileprivate var trimmingTrailingWhitespace: String {
    var text = self
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return text
  }
}
