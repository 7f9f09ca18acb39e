import CNNEngine
import ConvBookCore
import Foundation
import Testing

/// Counts that overflow 64 bits end every command with ConvBook's refusal (exit 1), never with a
/// wrapped number, a crash inside allocation or a written file (issue 8).
@Suite("Overflowing counts in check, predict and bench")
struct ExactCountsCommandTests {
  typealias Forward = ForwardCommandTests

  @Test("a student's Conv2D(2**62, 3) fails check --file with the overflow, never passes")
  func overflowingStudentModelFails() {
    let report = ExerciseFixtures.check("slim-design", file: "overflow")
    #expect(report.exitCode == 1)
    #expect(report.status != .correct)
    #expect(
      report.text.contains(
        "error: the parameter count of \"conv2d\" overflows 64-bit integers"))
    #expect(report.text.contains("students/overflow.py:8:5"))
    #expect(!report.text.contains("meets all"))
  }

  static func predictFailure(
    _ script: String, batch: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> ForwardCommandError? {
    let folder = try Forward.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("y.npy").path
    let path = try Forward.script(script, in: folder)
    let file = try ModelFile.load(path: path)
    do {
      _ = try Prediction(outputPath: out, batch: batch).run(file)
      Issue.record("predict succeeded", sourceLocation: sourceLocation)
      return nil
    } catch {
      #expect(!FileManager.default.fileExists(atPath: out), sourceLocation: sourceLocation)
      #expect(!error.isUsageError, sourceLocation: sourceLocation)
      return error
    }
  }

  static let header = "from tensorflow import keras\nfrom tensorflow.keras import layers\n"

  @Test("predict refuses Input((2**32, 2**32, 1)) instead of writing a lying .npy")
  func hugeInputIsRefused() throws {
    let error = try Self.predictFailure(
      Self.header
        + "model = keras.Sequential([keras.Input((2**32, 2**32, 1)), layers.Dense(1)])\n")
    #expect(error?.message.contains("has errors") == true)
  }

  @Test("predict --batch 4611686018427387904 is refused before allocating")
  func hugeBatchIsRefused() throws {
    let error = try Self.predictFailure(
      Self.header + "model = keras.Sequential([keras.Input((8, 8, 3)), layers.Flatten()])\n",
      batch: 4_611_686_018_427_387_904)
    #expect(error?.message.contains("overflows 64-bit integers; refused before allocating") == true)
  }

  @Test(
    "predict with Dense(2**62) or Dense(2**40) is refused at the layer; Dense(2**27) by the memory budget"
  )
  func hugeDenseIsRefused() throws {
    let overflow = try Self.predictFailure(
      Self.header + "model = keras.Sequential([keras.Input((8,)), layers.Dense(2**62)])\n")
    #expect(overflow?.message.contains("has errors") == true)
    // 9 * 2**40 float32 weights (36 TB): no machine builds the layer, Keras runs out of memory.
    let unbuildable = try Self.predictFailure(
      Self.header + "model = keras.Sequential([keras.Input((8,)), layers.Dense(2**40)])\n")
    #expect(unbuildable?.message.contains("has errors") == true)
    // 9 * 2**27 weights (4.50 GB): built, as Keras builds it, but more than predict's budget.
    let budget = try Self.predictFailure(
      Self.header + "model = keras.Sequential([keras.Input((8,)), layers.Dense(2**27)])\n")
    #expect(budget?.message.contains("more than the memory budget") == true)
  }

  @Test("bench refuses a batch whose memory overflows")
  func benchRefusesHugeBatch() throws {
    let folder = try Forward.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try Forward.script(
      Self.header + "model = keras.Sequential([keras.Input((8, 8, 3)), layers.Flatten()])\n",
      in: folder)
    let models = try ModelFile.load(path: path).models().map(\.model)
    #expect(throws: ForwardCommandError.self) {
      _ = try ForwardBenchmark(batch: 1 << 62, runs: 1, warmups: 0).run(models)
    }
  }

  @Test("bench refuses run counts it would time until killed, before running anything")
  func benchRefusesEndlessRunCounts() throws {
    let folder = try Forward.scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try Forward.script(
      Self.header + "model = keras.Sequential([keras.Input((8,)), layers.Dense(2)])\n", in: folder)
    let models = try ModelFile.load(path: path).models().map(\.model)
    for (runs, warmups) in [(Int.max, 0), (1, Int.max), (ForwardBenchmark.maximumRuns + 1, 0)] {
      #expect(throws: ForwardCommandError.self) {
        _ = try ForwardBenchmark(runs: runs, warmups: warmups).run(models)
      }
    }
  }
}
