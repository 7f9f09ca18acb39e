/// Reads lesson files.
public enum LessonReader {
  /// Parses a CommonMark lesson into prose, cells, exercises and figures.
  ///
  /// Never fails: every input is some CommonMark document. Top-level fenced blocks whose info
  /// string starts with the word `keras`, `exercise` or `figure` become cells, exercises and
  /// figures; every other block, including such fences nested in lists or block quotes (which
  /// are reported in ``Lesson/warnings``), stays prose. A leading byte-order mark is ignored and
  /// NUL characters read as U+FFFD, as cmark does, so positions match the file as an editor shows
  /// it.
  ///
  /// - Parameters:
  ///   - source: The lesson's text.
  ///   - fileName: The lesson's file name, kept in the result and used as the fallback title.
  ///   - extensions: The additions to CommonMark to read; lessons get them all.
  public static func read(
    source: String, fileName: String, extensions: MarkdownExtensions = .lesson
  ) -> Lesson {
    let document = parseMarkdown(source, extensions: extensions)
    var blocks: [LessonBlock] = []
    var prose: [MarkdownNode] = []
    var warnings: [LessonWarning] = []
    func flushProse() {
      guard let first = prose.first, let last = prose.last else { return }
      let position = SourcePosition(
        startLine: first.position.startLine, startColumn: first.position.startColumn,
        endLine: last.position.endLine, endColumn: last.position.endColumn)
      blocks.append(.prose(MarkdownNode(.document, children: prose, position: position)))
      prose = []
    }

    for node in document.children {
      if let special = specialBlock(node) {
        flushProse()
        blocks.append(special)
      } else {
        prose.append(node)
        for child in node.children {
          collectNestedSpecialBlocks(in: child, into: &warnings)
        }
      }
    }
    flushProse()

    return Lesson(
      fileName: fileName, title: title(of: document, fileName: fileName), blocks: blocks,
      warnings: warnings)
  }

  /// Parses CommonMark `source` into a `.document` node, with the same positions and inline
  /// expressions as in lessons but no cells: for Markdown that is not a whole lesson, such as
  /// exercise prompts, or to render a lesson as plain CommonMark (no `extensions`, the default).
  public static func parseMarkdown(_ source: String, extensions: MarkdownExtensions = [])
    -> MarkdownNode
  {
    var text = source
    // cmark skips a leading byte-order mark and reads NUL as U+FFFD; doing both up front keeps
    // its byte columns and ours in step.
    if text.unicodeScalars.first == "\u{FEFF}" {
      text.unicodeScalars.removeFirst()
    }
    if text.utf8.contains(0) {
      text = String(
        String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }))
    }
    let lines = SourceText(text)
    guard !extensions.isEmpty else {
      return PositionResolver(source: lines).resolve(CommonMarkReader.parse(text))
    }
    var raw = CommonMarkReader.parse(text)
    var masking: MathMasking?
    if extensions.contains(.math), text.utf8.contains(UInt8(ascii: "$")) {
      let found = MathMasking(source: text, text: lines, rawDocument: raw)
      if !found.spans.isEmpty {
        raw = CommonMarkReader.parse(found.maskedSource)
        masking = found
      }
    }
    var document = PositionResolver(source: lines).resolve(raw)
    if let masking { document = masking.restore(in: document, text: lines) }
    return ProseExtensions(extensions: extensions, source: lines).apply(to: document)
  }

  private static let specialLanguages: Set<String> = ["keras", "exercise", "figure"]

  private static func specialBlock(_ node: MarkdownNode) -> LessonBlock? {
    guard case .codeBlock(let info, let literal) = node.kind else { return nil }
    let fence = FenceInfo(info)
    let fenceLine = node.position.startLine
    // The info string sits on the fence line, so the content always starts on the next one.
    let contentLine = fenceLine + 1
    switch fence.language {
    case "keras":
      return .cell(
        CodeCell(
          source: literal, options: fence.options, fenceLine: fenceLine,
          codeStartLine: contentLine, position: node.position))
    case "exercise":
      return .exercise(
        ExerciseBlock(
          text: literal, options: fence.options, fenceLine: fenceLine, contentStartLine: contentLine
        ))
    case "figure":
      return .figure(
        FigureBlock(
          text: literal, options: fence.options, fenceLine: fenceLine, contentStartLine: contentLine
        ))
    default:
      return nil
    }
  }

  private static func collectNestedSpecialBlocks(
    in node: MarkdownNode, into warnings: inout [LessonWarning]
  ) {
    if case .codeBlock(let info, _) = node.kind {
      let language = FenceInfo(info).language
      if specialLanguages.contains(language) {
        warnings.append(
          LessonWarning(
            line: node.position.startLine,
            message:
              "a '\(language)' block inside a list or block quote is shown as plain code; move it to the top level"
          ))
      }
    }
    for child in node.children {
      collectNestedSpecialBlocks(in: child, into: &warnings)
    }
  }

  private static func title(of document: MarkdownNode, fileName: String) -> String {
    for node in document.children {
      guard case .heading = node.kind else { continue }
      let title = collapsingWhitespace(node.plainText)
      return title.isEmpty ? fileName : title
    }
    return fileName
  }

  private static func collapsingWhitespace(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
