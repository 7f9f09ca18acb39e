// libFuzzer harness: the lesson reader (LessonKit: CommonMark through libcmark, cells, exercise
// and figure blocks, inline `{keras}` expressions) and the HTML rendering of its prose
// (LessonRender). Built and run by scripts/fuzz, never by `swift build`.
import LessonKit
import LessonRender

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLesson(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let lesson = LessonReader.read(source: source, fileName: "fuzz.md")
  for exercise in lesson.exercises {
    _ = try? exercise.parseFields()
  }
  var renderer = MarkdownHTMLRenderer(headingIDs: true)
  for block in lesson.blocks {
    if case .prose(let node) = block {
      _ = renderer.render(node) { expression, _ in HTMLEscaping.escape(expression) }
    }
  }
  return 0
}
