import ConvBookCore
import Foundation
import Testing

/// The commands that report on a file's models, in process: what they print, and which errors are
/// usage errors (exit 2) and which input errors (exit 1).
@Suite struct ModelCommandsTests {
  @Test func reportsOfAFileWithoutErrors() throws {
    let file = try FigureLessons.modelFile()
    let trace = try ModelCommands.trace(file, model: "wide", json: false, statistics: false)
    #expect(!trace.failed && trace.failures.isEmpty && trace.diagnostics.isEmpty)
    #expect(trace.output.contains("(None, 29, 44, 8)"))
    let compare = try ModelCommands.compare(file, models: [], json: true)
    #expect(!compare.failed && compare.output.hasPrefix("{") && compare.output.hasSuffix("}\n"))
    let scaling = try ModelCommands.scaling(file, models: ["wide"], sizes: [2, 64], json: false)
    #expect(scaling.output.contains("invalid") && !scaling.failed)
    let summary = try ModelCommands.summary(file, model: "pooled", json: false, footer: .classic)
    #expect(summary.outputIsStyled && summary.output.contains("Total params") && !summary.failed)
  }

  @Test func adjacencySkipsModelsWithoutFlattenUnlessNamed() throws {
    let file = try FigureLessons.modelFile()
    let all = try ModelCommands.adjacency(file, model: nil, json: false)
    #expect(!all.failed && all.output.contains("H=29, W=44, C=8"))
    let pooled = try ModelCommands.adjacency(file, model: "pooled", json: false)
    #expect(pooled.failed && pooled.failures.count == 1 && pooled.output.isEmpty)
  }

  @Test func usageAndInputErrors() throws {
    let file = try FigureLessons.modelFile()
    func failure(_ body: () throws(CommandError) -> CommandReport) -> CommandError? {
      do {
        _ = try body()
        return nil
      } catch { return error }
    }
    let unknown = failure { () throws(CommandError) in
      try ModelCommands.trace(file, model: "nope", json: false, statistics: false)
    }
    #expect(unknown?.isUsageError == true)
    let one = failure { () throws(CommandError) in
      try ModelCommands.compare(file, models: ["wide"], json: false)
    }
    #expect(one?.isUsageError == true)
    #expect(one?.message == "compare needs at least two models; name two with --model")
    let summary = failure { () throws(CommandError) in
      try ModelCommands.summary(file, model: "nope", json: true, footer: .classic)
    }
    #expect(summary?.isUsageError == true)
  }
}
