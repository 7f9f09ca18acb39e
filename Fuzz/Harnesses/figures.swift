// libFuzzer harness: a whole lesson page as `convbook build` makes it in its lesson process
// (`LessonJob.execute`): Markdown, cells, inline values, figures (trace, compare, graph,
// scaling, adjacency, convolution, receptive_field), exercises and the page's HTML. The input is
// the lesson's Markdown, written to a file of its own first. Diagnostics are fine; a crash, a
// hang or runaway memory is not.
// Built and run by scripts/fuzz, never by `swift build`.
import ConvBookCore
import Foundation
import LessonRender

private let folder: URL = {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("convbook-fuzz-figures-\(ProcessInfo.processInfo.processIdentifier)")
  try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFigures(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let file = folder.appendingPathComponent("lesson.md")
  guard (try? Data(bytes).write(to: file)) != nil else { return 0 }
  let job = LessonJob(mode: .page, path: file.path, sourceFile: "lesson.md")
  var runner = LessonRunner()
  // As the cell harnesses' sessions: a runaway lesson fails (`LessonRunner.Run.ranOutOfTime`)
  // well within libFuzzer's 10 s, instead of after a lesson's generous 60 s.
  runner.timeBudget = 2
  _ = job.execute(runner: runner, template: .standard)
  return 0
}
