import CNNEngine
import KerasCells
import Testing

/// Layer objects, layer calls, Keras tensors, instances of classes and functions count against the
/// memory budget as they are made, so that a loop making them without end stops at the budget
/// with ConvBook's message at its line, not at the machine's memory. A 2 MiB budget and a
/// minute of time make the memory budget the one reached.
@Suite struct ObjectBudgetTests {
  static let memoryMessage =
    "ConvBook stopped this cell: its values would take more than the 2 MiB memory budget"

  static func expectMemoryStop(
    _ source: String, lines: ClosedRange<Int>, version: KerasVersion = .keras2,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let session = KerasSession(
      kerasVersion: version, limits: EvaluationLimits(timeBudget: 60, memoryBudget: 2 << 20))
    let error = session.run(source).error
    #expect(error?.type == nil, sourceLocation: sourceLocation)
    #expect(error?.message.hasSuffix(memoryMessage) == true, sourceLocation: sourceLocation)
    #expect(lines.contains(error?.range.start.line ?? 0), sourceLocation: sourceLocation)
  }

  @Test func layerObjects() {
    Self.expectMemoryStop(
      """
      import keras
      kept = []
      for i in range(100000):
          kept.append(keras.layers.Dense(4))
      """, lines: 3...4)
  }

  @Test func layerCallsAndTheirTensors() {
    Self.expectMemoryStop(
      """
      import keras
      x = keras.Input((4,))
      dense = keras.layers.Dense(4)
      for i in range(100000):
          y = dense(x)
      """, lines: 4...5)
  }

  @Test(arguments: KerasVersion.allCases)
  func tensorArithmeticInsideALambda(_ version: KerasVersion) {
    Self.expectMemoryStop(
      """
      import keras
      def grow(t):
          while True:
              t = t + 1
      x = keras.Input((4,))
      y = keras.layers.Lambda(grow)(x)
      """, lines: 3...6, version: version)
  }

  @Test func instancesAndFunctions() {
    Self.expectMemoryStop(
      """
      class Point:
          def __init__(self, x):
              self.x = x
      points = [Point(i) for i in range(10**7)]
      """, lines: 2...4)
    Self.expectMemoryStop("functions = [lambda: i for i in range(10**7)]", lines: 1...1)
  }
}
