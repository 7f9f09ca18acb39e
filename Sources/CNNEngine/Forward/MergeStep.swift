import CNNKernels

/// A layer called on several tensors, ready to run: Keras' merge layers, `Dot`, and the
/// `TFOpLambda` arithmetic of Keras tensors, with tf-keras' numerics (sums in call order, `Average`
/// divides the sum once, NumPy broadcasting over the full shapes).
struct MergeStep {
  enum Operation {
    /// Folds the inputs left to right; `divisor` divides the result (`Average`).
    /// `expandsRanks`: Keras' merge layers first give a lower-rank input size-1 axes after its
    /// batch axis (`rankExpandedShape`); TensorFlow's operators broadcast the full shapes.
    case fold(ElementwiseKernel.Operation, divisor: Float?, expandsRanks: Bool)
    case concatenate(axis: Int)
    case dot(Dot)
    /// `x op c`, or `c op x` when `constantFirst`.
    case constant(ElementwiseKernel.Operation, Float, constantFirst: Bool)
    case negative
    /// `inputs[0] + inputs[1] * scale` (`CustomScaleLayer`).
    case scaledAdd(Float)
    /// `x op v[c]` along the last axis (`tf.nn.bias_add`, `x / [0.229, 0.224, 0.225]`).
    case perChannel(ElementwiseKernel.Operation, [Float])
    /// A TensorFlow function (`TensorFunctionLayer`, `SlicingOpLambda`).
    case function(TensorFunction)
    /// `tf.split` / `tf.unstack`: one slice of the input per output (`TensorSplit`).
    case split([TensorSlice])
    /// A `Lambda`'s traced operations: one step per operation.
    case lambda(LambdaTrace.Program, steps: [MergeStep])
    case multiHeadAttention(MultiHeadAttention.Prepared)
    case attention(Attention.Prepared)
  }

  let name: String
  let operation: Operation
  /// Whether the step runs inside a `tf.function` (`predict`, `evaluate`, `fit`), where
  /// TensorFlow's graph optimizer (Grappler's constant folding, `ReduceDivToReciprocalMul`)
  /// turns a division by a float constant, `x / c`, into `x * (1 / c)`, the reciprocal rounded
  /// to float32 first; eager calls divide. Measured with both Kerases: a `TFOpLambda`
  /// (`inputs / 7.3`) and a `Lambda(lambda t: t / 7.3)` in `predict` match `x * float32(1 /
  /// 7.3)` in every value, their eager calls `x / 7.3`.
  var inGraph = false

  init(name: String, operation: Operation) {
    self.name = name
    self.operation = operation
  }

  /// One output of a `tf.split` / `tf.unstack` call on its own: the slice that gives it (training
  /// runs each piece of such a call as its own call).
  static func piece(_ slice: TensorSlice, name: String) -> MergeStep {
    MergeStep(name: name, operation: .function(.slice(slice)))
  }

  /// One output of a `Lambda` whose function returns several tensors, on its own: the same
  /// operations, returning that tensor (training runs each output as its own call); nil for
  /// anything else.
  func lambdaOutput(_ index: Int) -> MergeStep? {
    guard case .lambda(let program, let steps) = operation, program.outputs.indices.contains(index)
    else { return nil }
    let single = LambdaTrace.Program(
      inputCount: program.inputCount, operations: program.operations,
      outputs: [program.outputs[index]])
    return MergeStep(name: name, operation: .lambda(single, steps: steps))
  }

  /// `weights`: those of the layers that have some (attention); nil when training, which
  /// ConvBook does not do through those layers.
  init(instance: LayerInstance, weights: ModelWeights? = nil, inGraph: Bool = false)
    throws(ForwardError)
  {
    name = instance.name
    self.inGraph = inGraph
    let preparation = ForwardPreparation(
      instance: instance, weights: weights, inGraph: false, keras3: false, engine: .eigen)
    // A layer on one tensor runs as a `ForwardStep`.
    guard case .merge(let operation) = try instance.layer.forwardPlan(preparation).kind else {
      throw preparation.unsupported()
    }
    self.operation = operation
  }

  /// The shape Keras' `_Merge.call` gives an input of a lower rank than `rank`: size-1 axes
  /// inserted after the batch axis (`tf.expand_dims(x, axis=1)` until the ranks agree), so that
  /// (N, C) meets (N, H, W, C) as (N, 1, 1, C) rather than under NumPy's right alignment of the
  /// full shapes.
  static func rankExpandedShape(_ shape: [Int], rank: Int) -> [Int] {
    guard let batch = shape.first, shape.count < rank else { return shape }
    return [batch] + Array(repeating: 1, count: rank - shape.count) + shape.dropFirst()
  }

  /// Every value of a `Lambda`'s traced operations on `inputs`, inputs first.
  private static func runLambda(
    _ program: LambdaTrace.Program, steps: [MergeStep], inputs: [Tensor], inGraph: Bool
  ) throws(ForwardError) -> [Tensor] {
    var values = inputs
    do {
      let shapes = try program.shapes(
        forInputs: values.map { TensorShape($0.shape.map { Optional($0) }) })
      for (index, (operation, step)) in zip(program.operations, steps).enumerated() {
        let shape = shapes[program.inputCount + index].dimensions.map { $0 ?? 0 }
        var value = values[operation.inputs[0]]
        var step = step
        step.inGraph = inGraph
        try step.run(&value, operation.inputs.dropFirst().map { values[$0] }, outputShape: shape)
        values.append(value)
      }
    } catch let error as ForwardError {
      throw error
    } catch let error as KerasError {
      throw ForwardError(.input, error.message)
    } catch {
      throw ForwardError(.kernel, "\(error)")
    }
    return values
  }

  /// A call with several outputs: `MultiHeadAttention` with `return_attention_scores=True`
  /// (output, scores), `tf.split` / `tf.unstack` (one slice per output).
  func runSeveral(_ inputs: [Tensor], outputShapes: [[Int]], masks: [[Bool]?] = [])
    throws(ForwardError) -> [Tensor]
  {
    if case .split(let slices) = operation, slices.count == outputShapes.count {
      do throws(KernelError) {
        var outputs: [Tensor] = []
        for (slice, shape) in zip(slices, outputShapes) {
          let output = try TensorFunctionStep.run(.slice(slice), [inputs[0]], outputShape: shape)
          guard output.shape == shape else {
            throw KernelError("a piece of shape \(TensorShape.tuple(output.shape))")
          }
          outputs.append(output)
        }
        return outputs
      } catch {
        throw ForwardError(.kernel, "layer \"\(name)\": \(error.message)")
      }
    }
    if case .lambda(let program, let steps) = operation, program.outputs.count == outputShapes.count
    {
      let values = try Self.runLambda(program, steps: steps, inputs: inputs, inGraph: inGraph)
      let outputs = program.outputs.map { values[$0] }
      guard outputs.map(\.shape) == outputShapes else {
        throw ForwardError(
          .kernel, "layer \"\(name)\" produced shapes where Keras infers others")
      }
      return outputs
    }
    guard case .multiHeadAttention(let prepared) = operation, outputShapes.count == 2 else {
      throw ForwardError(
        .model, "ConvBook's forward pass does not run layer \"\(name)\" with several outputs")
    }
    do throws(KernelError) {
      let (output, scores) = try prepared.runWithScores(
        inputs, outputShape: outputShapes[0], scoresShape: outputShapes[1], masks: masks)
      guard let scores, scores.shape == outputShapes[1], output.shape == outputShapes[0] else {
        throw KernelError("attention scores of an unexpected shape")
      }
      return [output, scores]
    } catch {
      throw ForwardError(.kernel, "layer \"\(name)\": \(error.message)")
    }
  }

  /// Runs on `first` and `others`, leaving the output in `first`: when the caller holds the only
  /// reference to `first` (its last reader), element-wise operations write into its storage, so
  /// the `Add` of a residual block allocates nothing; otherwise copy-on-write copies it first.
  /// first, others (shapes Keras checked) -> first: output `outputShape`
  /// `masks`: the Keras masks of the inputs, which `MultiHeadAttention` applies (nil where none).
  func run(_ first: inout Tensor, _ others: [Tensor], outputShape: [Int], masks: [[Bool]?] = [])
    throws(ForwardError)
  {
    do {
      switch operation {
      case .fold(let elementwise, let divisor, let expandsRanks):
        var others = others
        if expandsRanks {
          let rank = outputShape.count
          first = try first.reshaped(Self.rankExpandedShape(first.shape, rank: rank))
          others = try others.map { (other) throws(KernelError) in
            try other.reshaped(Self.rankExpandedShape(other.shape, rank: rank))
          }
        }
        if first.shape != outputShape {
          first = try ElementwiseKernel.broadcast(first, to: outputShape)
        }
        for other in others {
          try ElementwiseKernel.combine(&first, with: other, elementwise)
        }
        if divisor != nil {
          ElementwiseKernel.apply(
            &first, scalar: Float(others.count + 1), .divide, scalarFirst: false)
        }
      case .concatenate(let axis):
        let rank = outputShape.count
        first = try ConcatenateKernel.concatenate(
          [first] + others, axis: axis < 0 ? rank + axis : axis)
      case .dot(let dot):
        let axes: (Int, Int)
        do {
          axes = try dot.resolvedAxes(
            TensorShape(first.shape.map { Optional($0) }),
            TensorShape(others[0].shape.map { Optional($0) }))
        } catch {
          throw ForwardError(.model, "layer \"\(name)\": \(error.message)")
        }
        first = try DotKernel.dot(first, others[0], axes: axes, normalize: dot.normalize)
      case .constant(let elementwise, let value, let constantFirst):
        if inGraph, elementwise == .divide, !constantFirst {
          ElementwiseKernel.apply(&first, scalar: 1 / value, .multiply, scalarFirst: false)
        } else {
          ElementwiseKernel.apply(&first, scalar: value, elementwise, scalarFirst: constantFirst)
        }
      case .negative:
        ElementwiseKernel.negate(&first)
      case .scaledAdd(let scale):
        try ElementwiseKernel.addScaled(&first, others[0], scale: scale)
      case .perChannel(let elementwise, let values):
        if inGraph, elementwise == .divide {
          ElementwiseKernel.apply(&first, lastAxis: values.map { 1 / $0 }, .multiply)
        } else {
          ElementwiseKernel.apply(&first, lastAxis: values, elementwise)
        }
      case .function(let traced):
        let function = inGraph ? traced.graphForm : traced
        first = try TensorFunctionStep.run(function, [first] + others, outputShape: outputShape)
      case .split(let slices):
        // A split into one piece (several pieces run through `runSeveral`).
        first = try TensorFunctionStep.run(.slice(slices[0]), [first], outputShape: outputShape)
      case .lambda(let program, let steps):
        let inputs = [first] + others
        first = .empty
        first = try Self.runLambda(program, steps: steps, inputs: inputs, inGraph: inGraph)[
          program.output]
      case .multiHeadAttention(let prepared):
        first = try prepared.run([first] + others, outputShape: outputShape, masks: masks)
      case .attention(let prepared):
        first = try prepared.run([first] + others, masks: masks)
      }
      guard first.shape == outputShape else {
        throw ForwardError(
          .kernel,
          "layer \"\(name)\" produced shape \(TensorShape.tuple(first.shape)) where Keras infers \(TensorShape.tuple(outputShape))"
        )
      }
    } catch let error as KernelError {
      throw ForwardError(.kernel, "layer \"\(name)\": \(error.message)")
    } catch let error as ForwardError {
      throw error
    } catch let error as KerasError {
      throw ForwardError(.input, "layer \"\(name)\": \(error.message)")
    } catch {
      throw ForwardError(.kernel, "layer \"\(name)\": \(error)")
    }
  }
}

extension TensorFunction {
  /// The function as a `tf.function` runs it (`MergeStep.inGraph`): a division by a float
  /// constant of the graph is a product by its reciprocal, rounded to float32 first.
  var graphForm: TensorFunction {
    switch self {
    case .binary(.divide, let constant?, false):
      return .binary(.multiply, constant: Double(1 / Float(constant)), constantFirst: false)
    case .constantOperand(.divide, let constant, false) where constant.isGraphConstant:
      return .constantOperand(
        .multiply,
        ConstantTensor(
          shape: constant.shape, values: constant.values.map { 1 / $0 }, isGraphConstant: true),
        constantFirst: false)
    default:
      return self
    }
  }
}
