import Foundation
import Testing

@testable import CNNEngine

/// The tensor functions whose shapes depend on values or that move pixels between axes
/// (`tf.shape` in `tf.reshape`, `tf.random.normal`, `depth_to_space`, `space_to_depth`,
/// `extract_patches`, a constant tensor operand): static shapes as TensorFlow infers them, the
/// forward pass on small hand-checked cases, and backward passes against finite differences.
@Suite("Shape-dependent tensor functions")
struct ShapeFunctionTests {
  static func run(_ function: TensorFunction, _ inputs: [Tensor]) throws -> Tensor {
    let shapes = inputs.map { TensorShape($0.shape.map { Optional($0) }) }
    var values: [[Int?]?] = []
    for input in inputs {
      // Whole-number vectors stand for shape tensors here.
      values.append(input.rank <= 1 ? input.scalars.map { Int($0) } : nil)
    }
    let shape = try function.outputShape(shapes, values: values, name: "f")
    return try TensorFunctionStep.run(
      function, inputs, outputShape: shape.dimensions.map { $0! })
  }

  @Test func shapeValuesFlowIntoReshape() throws {
    let x = TensorShape([nil, 8, 8, 4])
    let shape = try #require(TensorFunction.shape.outputValue([x], values: [nil]))
    #expect(shape == [nil, 8, 8, 4])
    let batch = TensorFunction.slice(TensorSlice([.index(0)]))
    let rows = TensorFunction.slice(TensorSlice([.index(1)]))
    let b = batch.outputValue([TensorShape([4])], values: [shape])
    let h = rows.outputValue([TensorShape([4])], values: [shape])
    #expect(b == [nil])
    #expect(h == [8])
    let area = TensorFunction.binary(.multiply, constant: nil, constantFirst: false)
      .outputValue([TensorShape([]), TensorShape([])], values: [h, h])
    #expect(area == [64])
    // tf.reshape(x, [b, h * w, 4]) is (None, 64, 4); with -1 beside an unknown size, (None, None, 4).
    let reshape = TensorFunction.dynamicReshape([
      .scalar(input: 1), .scalar(input: 2), .size(4),
    ])
    #expect(
      try reshape.outputShape(
        [x, TensorShape([]), TensorShape([])], values: [nil, b, area], name: "r")
        == TensorShape([nil, 64, 4]))
    let inferred = TensorFunction.dynamicReshape([.scalar(input: 1), .size(-1), .size(4)])
    #expect(
      try inferred.outputShape([x, TensorShape([])], values: [nil, b], name: "r")
        == TensorShape([nil, nil, 4]))
    // Concrete shapes (the forward pass) infer every size.
    let concrete = TensorShape([2, 8, 8, 4])
    let two = batch.outputValue([TensorShape([4])], values: [[2, 8, 8, 4]])
    #expect(
      try inferred.outputShape([concrete, TensorShape([])], values: [nil, two], name: "r")
        == TensorShape([2, 64, 4]))
    #expect(throws: KerasError.self) {
      try TensorFunction.dynamicReshape([.scalar(input: 1), .size(5)])
        .outputShape([concrete, TensorShape([])], values: [nil, two], name: "r")
    }
  }

  @Test func depthToSpaceMovesChannelsIntoBlocks() throws {
    // One pixel with 8 channels becomes a 2x2 block of 2 channels: channel (i*2 + j)*2 + c.
    let x = Tensor(validShape: [1, 1, 1, 8], scalars: (0..<8).map(Float.init))
    let y = try Self.run(.depthToSpace(blockSize: 2), [x])
    #expect(y.shape == [1, 2, 2, 2])
    #expect(y.scalars == [0, 1, 2, 3, 4, 5, 6, 7])
    let image = GradientCheckTests.random([2, 4, 6, 3], seed: 5)
    let packed = try Self.run(.spaceToDepth(blockSize: 2), [image])
    #expect(packed.shape == [2, 2, 3, 12])
    // space_to_depth reads row 0, col 1 of the first block as channels 3..<6.
    #expect(Array(packed.scalars[3..<6]) == Array(image.scalars[3..<6]))
    #expect(try Self.run(.depthToSpace(blockSize: 2), [packed]).scalars == image.scalars)
    #expect(throws: KerasError.self) {
      try TensorFunction.depthToSpace(blockSize: 3).outputShape(
        [TensorShape([nil, 4, 4, 8])], name: "d")
    }
  }

  @Test func extractPatchesReadsWindowsRowByRow() throws {
    // A 3x3 single-channel image, 2x2 windows with stride 1: the first window is 0, 1, 3, 4.
    let x = Tensor(validShape: [1, 3, 3, 1], scalars: (0..<9).map(Float.init))
    let valid = try Self.run(
      .extractPatches(size: [2, 2], strides: [1, 1], rates: [1, 1], same: false), [x])
    #expect(valid.shape == [1, 2, 2, 4])
    #expect(Array(valid.scalars[0..<4]) == [0, 1, 3, 4])
    #expect(Array(valid.scalars[12..<16]) == [4, 5, 7, 8])
    // SAME pads after (total padding 1: none before, one after), so the last window reads 0s.
    let same = try Self.run(
      .extractPatches(size: [2, 2], strides: [2, 2], rates: [1, 1], same: true), [x])
    #expect(same.shape == [1, 2, 2, 4])
    #expect(Array(same.scalars[12..<16]) == [8, 0, 0, 0])
  }

  @Test func oneHotAndGather() throws {
    let indices = Tensor(validShape: [2, 2], scalars: [0, 2, 3, -1])
    let hot = try Self.run(.oneHot(depth: 3, axis: -1, on: 1, off: 0), [indices])
    #expect(hot.shape == [2, 2, 3])
    // Indices outside 0..<depth give only the off value, as in TensorFlow.
    #expect(hot.scalars == [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    let first = try Self.run(.oneHot(depth: 3, axis: 0, on: 5, off: -1), [indices])
    #expect(first.shape == [3, 2, 2])
    #expect(Array(first.scalars[0..<4]) == [5, -1, -1, -1])
    let x = Tensor(validShape: [2, 3], scalars: [0, 1, 2, 3, 4, 5])
    #expect(
      try Self.run(.gather(indices: [2, 0, 2], axis: 1, scalar: false), [x]).scalars
        == [2, 0, 2, 5, 3, 5])
    let row = try Self.run(.gather(indices: [-1], axis: 0, scalar: true), [x])
    #expect(row.shape == [3])
    #expect(row.scalars == [3, 4, 5])
  }

  @Test func randomNormalIsSeededAndDeterministic() throws {
    let batch = Tensor(validShape: [], scalars: [3])
    let function = TensorFunction.randomNormal(
      [.scalar(input: 0), .size(4)], mean: 1, standardDeviation: 0.5, seed: 7)
    let first = try Self.run(function, [batch])
    #expect(first.shape == [3, 4])
    #expect(try Self.run(function, [batch]).scalars == first.scalars)
    let other = try Self.run(
      .randomNormal([.scalar(input: 0), .size(4)], mean: 1, standardDeviation: 0.5, seed: 8),
      [batch])
    #expect(other.scalars != first.scalars)
    let mean = first.scalars.reduce(0, +) / Float(first.count)
    #expect(abs(mean - 1) < 0.6)
  }

  /// L = sum(f(x) * R): the backward pass against central differences.
  @Test(
    arguments: [
      TensorFunction.depthToSpace(blockSize: 2),
      .spaceToDepth(blockSize: 2),
      .extractPatches(size: [3, 2], strides: [2, 1], rates: [1, 2], same: true),
      .gather(indices: [3, 0, 3], axis: 2, scalar: false),
      .constantOperand(
        .multiply, .init(shape: [4, 1], values: [0.5, -1, 2, 3]), constantFirst: true),
      .constantOperand(
        .divide, .init(shape: [1, 4], values: [0.5, -1, 2, 3]), constantFirst: false),
    ])
  func gradientsMatchFiniteDifferences(_ function: TensorFunction) throws {
    let x = GradientCheckTests.random([2, 4, 4, 4], seed: 11)
    let y = try Self.run(function, [x])
    let r = GradientCheckTests.random(y.shape, seed: 12)
    let gradient = try TensorFunctionGradient.backward(
      function, gradient: r.scalars, inputs: [x], outputShape: y.shape)[0]
    let step: Float = 1e-2
    for index in stride(from: 0, to: x.count, by: 7) {
      var plus = x.scalars
      var minus = x.scalars
      plus[index] += step
      minus[index] -= step
      let up = GradientCheckTests.dot(
        try Self.run(function, [Tensor(validShape: x.shape, scalars: plus)]), r)
      let down = GradientCheckTests.dot(
        try Self.run(function, [Tensor(validShape: x.shape, scalars: minus)]), r)
      let numeric = (up - down) / Double(2 * step)
      #expect(abs(numeric - Double(gradient[index])) < 1e-2, "\(function) at \(index)")
    }
  }

  @Test func whereSendsTheGradientToTheChosenOperand() throws {
    let condition = Tensor(validShape: [2, 1], scalars: [1, 0])
    let x = GradientCheckTests.random([2, 3], seed: 1)
    let y = GradientCheckTests.random([1, 3], seed: 2)
    let function = TensorFunction.select(x: nil, y: nil)
    let output = try Self.run(function, [condition, x, y])
    #expect(Array(output.scalars[0..<3]) == Array(x.scalars[0..<3]))
    #expect(Array(output.scalars[3..<6]) == y.scalars)
    let g: [Float] = [1, 2, 3, 4, 5, 6]
    let parts = try TensorFunctionGradient.backward(
      function, gradient: g, inputs: [condition, x, y], outputShape: [2, 3])
    #expect(parts[0] == [0, 0])
    #expect(parts[1] == [1, 2, 3, 0, 0, 0])
    // y was broadcast over the rows: its gradient is summed over the row it was chosen in.
    #expect(parts[2] == [4, 5, 6])
    let greater = TensorFunction.binary(.greater, constant: 0, constantFirst: false)
    #expect(try Self.run(greater, [x]).scalars == x.scalars.map { $0 > 0 ? 1 : 0 })
    let numbers = try Self.run(.select(x: 2, y: nil), [condition, y])
    #expect(numbers.scalars == [2, 2, 2] + y.scalars)
  }

  @Test func sizesAndRandomDeviatesHaveNoGradient() throws {
    let x = GradientCheckTests.random([2, 3, 4], seed: 3)
    let size = Tensor(validShape: [], scalars: [2])
    let reshape = TensorFunction.dynamicReshape([.scalar(input: 1), .size(-1)])
    let y = try Self.run(reshape, [x, size])
    #expect(y.shape == [2, 12])
    let parts = try TensorFunctionGradient.backward(
      reshape, gradient: y.scalars, inputs: [x, size], outputShape: y.shape)
    #expect(parts[0] == x.scalars)
    #expect(parts[1] == [0])
  }
}
