import Foundation

/// The backward pass of a layer called on several tensors (Keras' merges, `Dot`, and the
/// `TFOpLambda` arithmetic of Keras tensors): the forward pass is `MergeStep`'s (the same numerics
/// as `predict`), and the gradients follow TensorFlow's:
///
/// - element-wise folds (`Add`, `Subtract`, `Multiply`, `Average`, `Maximum`, `Minimum`, `x + y`)
///   run left to right, so each input's gradient is taken against the running result before it;
///   `Maximum`/`Minimum` send a tie to the running result (TensorFlow's `greater_equal` /
///   `less_equal` selector);
/// - an input broadcast to the output shape (NumPy rules, `(N, 1, 1, C)` against `(N, H, W, C)`)
///   gets its gradient summed over the broadcast positions;
/// - `Concatenate` splits the gradient; `Dot` is a batched matrix product of the inputs with the
///   contracted axis moved last, through `l2_normalize` when `normalize=True`.
///
/// - a TensorFlow function (`TensorFunctionLayer`, `SlicingOpLambda`) through
///   `TensorFunctionGradient`; a `Lambda` through the operations its function was traced into,
///   recomputed from the layer's inputs in the backward pass and walked in reverse.
///
/// What has no backward pass is refused when the trainer is made, naming the function.
struct MergeTraining {
  enum Plan {
    /// `expandsRanks`: as `MergeStep.Operation.fold`'s.
    case fold(ElementwiseKernel.Operation, average: Bool, expandsRanks: Bool)
    case concatenate(axis: Int)
    case dot(Dot)
    /// `x op c`, or `c op x`.
    case constant(ElementwiseKernel.Operation, Float, constantFirst: Bool)
    case negative
    /// `x op v[c]` along the last axis.
    case perChannel(ElementwiseKernel.Operation, [Float])
    case function(TensorFunction)
    /// A `Lambda`'s traced operations, one step each.
    case lambda(LambdaTrace.Program, steps: [MergeTraining])
  }

  let name: String
  let forward: MergeStep
  let plan: Plan

  init(instance: LayerInstance) throws(TrainingError) {
    let forward: MergeStep
    do {
      forward = try MergeStep(instance: instance)
    } catch {
      throw TrainingError(.model, error.message)
    }
    try self.init(forward: forward, name: instance.name, className: instance.className)
  }

  /// One output of a `tf.split` / `tf.unstack` call: the slice that gives it.
  init(piece slice: TensorSlice, of instance: LayerInstance) throws(TrainingError) {
    try self.init(
      forward: MergeStep.piece(slice, name: instance.name), name: instance.name,
      className: instance.className)
  }

  /// One output of a `Lambda` whose function returns several tensors: its operations up to that
  /// tensor.
  init(lambdaOutput index: Int, of instance: LayerInstance) throws(TrainingError) {
    let forward: MergeStep?
    do {
      forward = try MergeStep(instance: instance).lambdaOutput(index)
    } catch {
      throw TrainingError(.model, error.message)
    }
    guard let forward else {
      throw TrainingError(
        .model, "ConvBook cannot train the output \(index) of layer \"\(instance.name)\" yet")
    }
    try self.init(forward: forward, name: instance.name, className: instance.className)
  }

  /// `lambda`: the name of the `Lambda` layer whose function this operation is part of.
  private init(forward: MergeStep, name: String, className: String, lambda: String? = nil)
    throws(TrainingError)
  {
    self.name = name
    self.forward = forward
    func refuse(_ what: String) -> TrainingError {
      let place = lambda.map { "the function of the Lambda layer \"\($0)\"" } ?? "layer \"\(name)\""
      return TrainingError(.model, "ConvBook cannot train a model with \(what) yet (\(place))")
    }
    // Every forward operation is listed: a new one is a compile error here until it trains or is
    // refused.
    switch forward.operation {
    case .fold(let elementwise, let divisor, let expandsRanks):
      plan = .fold(
        elementwise, average: elementwise != .divide && divisor != nil, expandsRanks: expandsRanks)
    case .concatenate(let axis):
      plan = .concatenate(axis: axis)
    case .dot(let dot):
      plan = .dot(dot)
    case .constant(let elementwise, let value, let constantFirst):
      plan = .constant(elementwise, value, constantFirst: constantFirst)
    case .negative:
      plan = .negative
    case .perChannel(let elementwise, let values):
      plan = .perChannel(elementwise, values)
    case .function(let function):
      if let what = TensorFunctionGradient.refusal(function) {
        throw refuse("the tensor function \(what)")
      }
      plan = .function(function)
    case .split(let slices):
      // One piece is one slice; several pieces are refused with the graph's several-output calls.
      guard slices.count == 1 else { throw refuse("the operation \(className)") }
      plan = .function(.slice(slices[0]))
    case .lambda(let program, let steps):
      var trained: [MergeTraining] = []
      for (operation, step) in zip(program.operations, steps) {
        trained.append(
          try MergeTraining(
            forward: step, name: operation.layer.name, className: operation.layer.className,
            lambda: name))
      }
      plan = .lambda(program, steps: trained)
    case .scaledAdd:
      throw refuse("the operation \(className)")
    case .multiHeadAttention, .attention:
      throw refuse("\(className) layers")
    }
    switch plan {
    case .fold(let elementwise, _, _), .constant(let elementwise, _, _),
      .perChannel(let elementwise, _):
      guard Self.differentiable.contains(elementwise) else {
        throw refuse("the operation \(className)")
      }
    case .concatenate, .dot, .negative, .function, .lambda: break
    }
  }

  /// The element-wise operations with a backward pass here.
  private static let differentiable: [ElementwiseKernel.Operation] = [
    .add, .subtract, .multiply, .divide, .maximum, .minimum,
  ]

  /// The output of `inputs` (shapes Keras checked) in `outputShape`.
  /// `inGraph`: as `MergeStep.inGraph` (`fit`'s steps; false under an eager `GradientTape`).
  func run(_ inputs: [Tensor], outputShape: [Int], inGraph: Bool = false) throws(TrainingError)
    -> Tensor
  {
    var first = inputs[0]
    var forward = self.forward
    forward.inGraph = inGraph
    do {
      try forward.run(&first, Array(inputs.dropFirst()), outputShape: outputShape)
    } catch {
      throw TrainingError(.kernel, error.message)
    }
    return first
  }

  /// The gradient of every input, from the output's gradient (`outputShape`). `inGraph`: as
  /// `run`'s; the gradient of `x / c` is then `g * (1 / c)` too (Grappler rewrites the
  /// gradient's `RealDiv(g, c)` as it does the forward one).
  func backward(
    _ gradient: [Float], inputs: [Tensor], outputShape: [Int], inGraph: Bool = false
  ) throws(TrainingError) -> [[Float]] {
    switch plan {
    case .fold(let operation, let average, let expandsRanks):
      return Self.foldBackward(
        gradient, inputs: inputs, outputShape: outputShape, operation: operation,
        average: average, expandsRanks: expandsRanks)
    case .concatenate(let axis):
      let rank = outputShape.count
      let resolved = axis < 0 ? rank + axis : axis
      let outer = outputShape[..<resolved].reduce(1, *)
      let inner = outputShape[(resolved + 1)...].reduce(1, *)
      let total = outputShape[resolved] * inner
      var result: [[Float]] = []
      var offset = 0
      for input in inputs {
        let width = input.shape[resolved] * inner
        var part = [Float](repeating: 0, count: outer * width)
        for o in 0..<outer {
          for i in 0..<width { part[o * width + i] = gradient[o * total + offset + i] }
        }
        result.append(part)
        offset += width
      }
      return result
    case .dot(let dot):
      guard inputs[0].rank <= 3, inputs[1].rank <= 3 else {
        throw TrainingError(
          .model,
          "ConvBook cannot train a model with a Dot layer on tensors of rank above 3 yet (layer \"\(name)\")"
        )
      }
      let axes: (Int, Int)
      do {
        axes = try dot.resolvedAxes(
          TensorShape(inputs[0].shape.map { Optional($0) }),
          TensorShape(inputs[1].shape.map { Optional($0) }))
      } catch {
        throw TrainingError(.model, "layer \"\(name)\": \(error.message)")
      }
      return Self.dotBackward(
        gradient, inputs[0], inputs[1], axes: axes, normalize: dot.normalize)
    case .constant(var operation, var value, let constantFirst):
      if inGraph, operation == .divide, !constantFirst {
        (operation, value) = (.multiply, 1 / value)
      }
      let x = inputs[0].scalars
      return [
        gradient.indices.map {
          Self.constantGradient(
            gradient[$0], x: x[$0], constant: value, operation, constantFirst: constantFirst)
        }
      ]
    case .negative:
      return [gradient.map { -$0 }]
    case .function(let traced):
      let function = inGraph ? traced.graphForm : traced
      do {
        return try TensorFunctionGradient.backward(
          function, gradient: gradient, inputs: inputs, outputShape: outputShape)
      } catch {
        throw TrainingError(.kernel, "layer \"\(name)\": \(error.message)")
      }
    case .lambda(let program, let steps):
      return try Self.lambdaBackward(
        gradient, program: program, steps: steps, inputs: inputs, inGraph: inGraph)
    case .perChannel(var operation, var values):
      if inGraph, operation == .divide { (operation, values) = (.multiply, values.map { 1 / $0 }) }
      let channels = max(1, values.count)
      let x = inputs[0].scalars
      return [
        gradient.indices.map {
          Self.constantGradient(
            gradient[$0], x: x[$0], constant: values[$0 % channels], operation,
            constantFirst: false)
        }
      ]
    }
  }

  /// A traced function's operations run again from the layer's inputs, then walked in reverse;
  /// a value read by several operations gets the sum of their gradients.
  private static func lambdaBackward(
    _ gradient: [Float], program: LambdaTrace.Program, steps: [MergeTraining], inputs: [Tensor],
    inGraph: Bool
  ) throws(TrainingError) -> [[Float]] {
    var values = inputs
    let shapes: [TensorShape]
    do {
      shapes = try program.shapes(
        forInputs: inputs.map { TensorShape($0.shape.map { Optional($0) }) })
    } catch {
      throw TrainingError(.model, "layer \"\(steps.first?.name ?? "")\": \(error.message)")
    }
    for (index, (operation, step)) in zip(program.operations, steps).enumerated() {
      let operands = operation.inputs.map { values[$0] }
      let shape = shapes[program.inputCount + index].dimensions.map { $0 ?? 0 }
      values.append(try step.run(operands, outputShape: shape, inGraph: inGraph))
    }
    var gradients = [[Float]?](repeating: nil, count: values.count)
    gradients[program.output] = gradient
    for (index, (operation, step)) in zip(program.operations, steps).enumerated().reversed() {
      let value = program.inputCount + index
      guard let own = gradients[value] else { continue }
      let operands = operation.inputs.map { values[$0] }
      let parts = try step.backward(
        own, inputs: operands, outputShape: values[value].shape, inGraph: inGraph)
      for (input, part) in zip(operation.inputs, parts) {
        TrainingGraph.accumulate(part, into: &gradients[input])
      }
    }
    return inputs.indices.map { gradients[$0] ?? [Float](repeating: 0, count: inputs[$0].count) }
  }

  /// The gradient of `x op c` (or `c op x`) with respect to x.
  private static func constantGradient(
    _ g: Float, x: Float, constant c: Float, _ operation: ElementwiseKernel.Operation,
    constantFirst: Bool
  ) -> Float {
    if operation == .subtract { return constantFirst ? -g : g }
    if operation == .multiply { return g * c }
    if operation == .divide { return constantFirst ? -g * c / (x * x) : g / c }
    if operation == .maximum { return x >= c ? g : 0 }
    if operation == .minimum { return x <= c ? g : 0 }
    return g
  }

  // MARK: Element-wise folds

  /// For every position of `outputShape`, the position of `inputShape` that NumPy broadcasting
  /// reads there (shapes aligned on the right, size-1 axes repeated).
  static func broadcastIndices(from inputShape: [Int], to outputShape: [Int]) -> [Int]? {
    if inputShape == outputShape { return nil }
    return RowMajorIndex.broadcastOffsets(inputShape, to: outputShape)
  }

  /// An input's values spread over the output positions.
  private static func expand(_ values: [Float], _ indices: [Int]?) -> [Float] {
    guard let indices else { return values }
    return indices.map { values[$0] }
  }

  /// An output-shaped gradient summed back onto an input's positions.
  private static func reduce(_ values: [Float], _ indices: [Int]?, count: Int) -> [Float] {
    guard let indices else { return values }
    var result = [Float](repeating: 0, count: count)
    for (flat, index) in indices.enumerated() { result[index] += values[flat] }
    return result
  }

  private static func foldBackward(
    _ gradient: [Float], inputs: [Tensor], outputShape: [Int],
    operation: ElementwiseKernel.Operation, average: Bool, expandsRanks: Bool
  ) -> [[Float]] {
    // A merge layer's lower-rank input reads the output as its rank-expanded shape does (the
    // same values in the same order).
    let maps = inputs.map {
      broadcastIndices(
        from: expandsRanks
          ? MergeStep.rankExpandedShape($0.shape, rank: outputShape.count) : $0.shape,
        to: outputShape)
    }
    var running = gradient
    if average {
      let divisor = Float(inputs.count)
      for i in running.indices { running[i] /= divisor }
    }
    var result = [[Float]](repeating: [], count: inputs.count)
    if operation == .add {
      for k in inputs.indices { result[k] = reduce(running, maps[k], count: inputs[k].count) }
    } else if operation == .subtract {
      result[0] = reduce(running, maps[0], count: inputs[0].count)
      for k in inputs.indices.dropFirst() {
        result[k] = reduce(running.map { -$0 }, maps[k], count: inputs[k].count)
      }
    } else {
      // The running results before each input: prefix[k] = x0 op ... op x(k-1).
      var prefixes: [[Float]] = [expand(inputs[0].scalars, maps[0])]
      for k in 1..<max(1, inputs.count - 1) {
        let x = expand(inputs[k].scalars, maps[k])
        let last = prefixes[k - 1]
        prefixes.append(last.indices.map { Self.apply(operation, last[$0], x[$0]) })
      }
      for k in stride(from: inputs.count - 1, through: 1, by: -1) {
        let x = expand(inputs[k].scalars, maps[k])
        let before = prefixes[k - 1]
        var own = running
        if operation == .multiply {
          for i in own.indices {
            own[i] = running[i] * before[i]
            running[i] *= x[i]
          }
        } else if operation == .divide {
          for i in own.indices {
            own[i] = -running[i] * before[i] / (x[i] * x[i])
            running[i] /= x[i]
          }
        } else {
          let maximum = operation == .maximum
          for i in own.indices {
            let toRunning = maximum ? before[i] >= x[i] : before[i] <= x[i]
            own[i] = toRunning ? 0 : running[i]
            if !toRunning { running[i] = 0 }
          }
        }
        result[k] = reduce(own, maps[k], count: inputs[k].count)
      }
      result[0] = reduce(running, maps[0], count: inputs[0].count)
    }
    return result
  }

  // MARK: Dot

  /// x (N, A..., with axis `axes.0`), y likewise -> (dx, dy) for output gradient (N, P, Q).
  private static func dotBackward(
    _ gradient: [Float], _ x: Tensor, _ y: Tensor, axes: (Int, Int), normalize: Bool
  ) -> [[Float]] {
    let batch = x.shape[0]
    let depth = x.shape[axes.0]
    let (left, leftNorms) = contracted(x, axis: axes.0, normalize: normalize)
    let (right, rightNorms) = contracted(y, axis: axes.1, normalize: normalize)
    let p = left.count / max(1, batch * depth)
    let q = right.count / max(1, batch * depth)
    var dLeft = [Float](repeating: 0, count: left.count)
    var dRight = [Float](repeating: 0, count: right.count)
    for n in 0..<batch {
      for i in 0..<p {
        for j in 0..<q {
          let g = gradient[(n * p + i) * q + j]
          let row = (n * p + i) * depth
          let column = (n * q + j) * depth
          for k in 0..<depth {
            dLeft[row + k] += g * right[column + k]
            dRight[column + k] += g * left[row + k]
          }
        }
      }
    }
    if normalize {
      normalizeBackward(&dLeft, normalized: left, norms: leftNorms, depth: depth)
      normalizeBackward(&dRight, normalized: right, norms: rightNorms, depth: depth)
    }
    return [
      restored(dLeft, like: x, axis: axes.0), restored(dRight, like: y, axis: axes.1),
    ]
  }

  /// The tensor with `axis` moved last (rank 2 or 3), L2-normalized along it when asked, and the
  /// per-row `rsqrt(max(sum(x^2), 1e-12))` (negative when the floor was taken).
  private static func contracted(_ tensor: Tensor, axis: Int, normalize: Bool) -> (
    [Float], [Float]
  ) {
    var values = tensor.scalars
    let depth = tensor.shape[axis]
    if tensor.rank == 3 && axis == 1 {
      let batch = tensor.shape[0]
      let other = tensor.shape[2]
      for n in 0..<batch {
        for i in 0..<other {
          for k in 0..<depth {
            values[(n * other + i) * depth + k] = tensor.scalars[(n * depth + k) * other + i]
          }
        }
      }
    }
    guard normalize, depth > 0 else { return (values, []) }
    var norms: [Float] = []
    for row in 0..<(values.count / depth) {
      var squares: Float = 0
      for k in 0..<depth { squares += values[row * depth + k] * values[row * depth + k] }
      let floored = squares < 1e-12
      let scale = 1 / max(squares, 1e-12).squareRoot()
      for k in 0..<depth { values[row * depth + k] *= scale }
      norms.append(floored ? -scale : scale)
    }
    return (values, norms)
  }

  /// Through `x * rsqrt(max(sum(x^2), 1e-12))`: (d - xh (xh . d)) / |x|, or d / 1e-6 at the floor.
  private static func normalizeBackward(
    _ gradient: inout [Float], normalized: [Float], norms: [Float], depth: Int
  ) {
    for row in norms.indices {
      let base = row * depth
      let scale = abs(norms[row])
      if norms[row] < 0 {
        for k in 0..<depth { gradient[base + k] *= scale }
        continue
      }
      var dot: Float = 0
      for k in 0..<depth { dot += normalized[base + k] * gradient[base + k] }
      for k in 0..<depth {
        gradient[base + k] = (gradient[base + k] - normalized[base + k] * dot) * scale
      }
    }
  }

  /// A gradient in the contracted layout back in the input's layout.
  private static func restored(_ values: [Float], like tensor: Tensor, axis: Int) -> [Float] {
    guard tensor.rank == 3 && axis == 1 else { return values }
    let batch = tensor.shape[0]
    let depth = tensor.shape[1]
    let other = tensor.shape[2]
    var result = values
    for n in 0..<batch {
      for i in 0..<other {
        for k in 0..<depth {
          result[(n * depth + k) * other + i] = values[(n * other + i) * depth + k]
        }
      }
    }
    return result
  }

  /// The running results' arithmetic, as the kernel's (maximum and minimum propagate NaN).
  private static func apply(_ operation: ElementwiseKernel.Operation, _ a: Float, _ b: Float)
    -> Float
  {
    if operation == .multiply { return a * b }
    if operation == .divide { return a / b }
    if a.isNaN || b.isNaN { return .nan }
    return operation == .maximum ? Swift.max(a, b) : Swift.min(a, b)
  }
}
