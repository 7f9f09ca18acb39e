/// A function written in a script and given as a layer's activation (`activation=relu6` where
/// `def relu6(x): return K.relu(x, max_value=6)`, `Activation(mish)`): Keras calls it on the
/// layer's output. ConvBook runs it once on a symbolic tensor (as a `Lambda`'s function) and
/// recognises what the recorded operations compute when that is one of the activations the
/// kernels have; the layer then computes that activation, forward and backward.
public enum TracedActivation {
  /// One recorded step: a tensor operation, or a layer the function made and called
  /// (`ReLU(6.)(x + 3.)`, `Multiply()([Activation(hard_sigmoid)(x), x])`), with its inputs.
  struct Step {
    let layer: any Layer
    let inputs: [Int]
  }

  /// The activation that the function computes from `input` to `output` (the symbolic tensor
  /// it was called on, and what it returned) element by element, or nil when what it recorded
  /// is not one of the recognised forms.
  public static func activation(input: KerasTensor, output: KerasTensor, name: String)
    -> ActivationFunction?
  {
    var values: [ObjectIdentifier: Int] = [ObjectIdentifier(input): 0]
    var steps: [Step] = []
    var visiting = Set<ObjectIdentifier>()
    func visit(_ tensor: KerasTensor) -> Int? {
      if let value = values[ObjectIdentifier(tensor)] { return value }
      let layer = tensor.producer.layer
      guard
        layer is any TensorOperationLayer || layer is ReLU || layer is Merge
          || layer is Activation,
        !tensor.inputs.isEmpty, visiting.insert(ObjectIdentifier(tensor)).inserted
      else { return nil }
      var wiring: [Int] = []
      for input in tensor.inputs {
        guard let value = visit(input) else { return nil }
        wiring.append(value)
      }
      steps.append(Step(layer: layer, inputs: wiring))
      values[ObjectIdentifier(tensor)] = steps.count
      return steps.count
    }
    guard let output = visit(output) else { return nil }
    return activation(steps, output: output) ?? program(steps, output: output, name: name)
  }

  /// A function that is none of Keras' activations, as a program of its element-wise steps
  /// (`K.clip(K.tanh(x), 0, 1)`), or nil when a step is not element-wise.
  static func program(_ operations: [Step], output: Int, name: String) -> ActivationFunction? {
    var steps: [ElementwiseProgram.Step] = []
    // The program's value for each traced value (an identity step adds none).
    var values = [0]
    for operation in operations {
      let inputs = operation.inputs.map { values[$0] }
      guard let first = inputs.first else { return nil }
      let step: ElementwiseProgram.Step
      switch operation.layer {
      case let layer as TensorFunctionLayer:
        switch layer.function {
        case .unary(.identity):
          values.append(first)
          continue
        case .unary(let unary):
          // sin and cos depend on a value's place in the tensor (`EigenMath`'s tail), which an
          // element-wise program does not know.
          if let kernel = unary.kernel, unary != .sin, unary != .cos {
            step = .unary(kernel, first)
          } else if let activation = unary.activation, isElementwise(activation) {
            step = .activation(activation, first)
          } else {
            return nil
          }
        case .binary(let binary, let constant, let constantFirst):
          if let constant {
            step = .constant(binary.kernel, first, Float(constant), constantFirst: constantFirst)
          } else if inputs.count == 2 {
            step = .binary(binary.kernel, first, inputs[1])
          } else {
            return nil
          }
        case .clip(let low, let high): step = .clip(first, low: Float(low), high: Float(high))
        case .leakyRelu(let alpha): step = .activation(.relu(negativeSlope: Float(alpha)), first)
        default: return nil
        }
      case let layer as TFOpLambda
      where layer.channelConstants == nil && layer.constantTensor == nil:
        guard let binary = layer.operation.binary else {
          step = .unary(.negative, first)
          break
        }
        if layer.operation == .biasAdd { return nil }
        if let constant = layer.constant {
          step = .constant(
            binary.kernel, first, Float(constant), constantFirst: layer.constantFirst)
        } else if inputs.count == 2 {
          step = .binary(binary.kernel, first, inputs[1])
        } else {
          return nil
        }
      case let layer as ReLU:
        step = .activation(
          .relu(
            negativeSlope: Float(layer.negativeSlope), maxValue: layer.maxValue.map { Float($0) },
            threshold: Float(layer.threshold)), first)
      case let layer as Merge where inputs.count == 2:
        switch layer.kind {
        case .add: step = .binary(.add, first, inputs[1])
        case .subtract: step = .binary(.subtract, first, inputs[1])
        case .multiply: step = .binary(.multiply, first, inputs[1])
        default: return nil
        }
      case let layer as Activation where isElementwise(layer.function):
        step = .activation(layer.function, first)
      default: return nil
      }
      steps.append(step)
      values.append(steps.count)
    }
    guard !steps.isEmpty, values[output] == steps.count else { return nil }
    return .composed(ElementwiseProgram(name: name, steps: steps))
  }

  /// Whether an activation works value by value (the softmax family works along an axis).
  private static func isElementwise(_ function: ActivationFunction) -> Bool {
    switch function {
    case .softmax, .logSoftmax: return false
    default: return true
    }
  }

  /// The activation of `steps` (value 0 is the input, step k is value k + 1) at value `output`.
  static func activation(_ operations: [Step], output: Int) -> ActivationFunction? {
    /// What value `index` is: the input, or operation `index - 1`'s function and inputs.
    func operation(_ index: Int) -> (TensorFunction, [Int])? {
      guard index >= 1, index - 1 < operations.count else { return nil }
      let step = operations[index - 1]
      switch step.layer {
      case let layer as TensorFunctionLayer: return (layer.function, step.inputs)
      case let layer as TFOpLambda
      where layer.channelConstants == nil && layer.constantTensor == nil:
        let binary: TensorFunction.Binary
        switch layer.operation {
        case .add: binary = .add
        case .subtract: binary = .subtract
        case .multiply: binary = .multiply
        case .trueDivide: binary = .divide
        case .negative, .biasAdd: return nil
        }
        return (
          .binary(binary, constant: layer.constant, constantFirst: layer.constantFirst),
          step.inputs
        )
      case let layer as ReLU where layer.negativeSlope == 0 && layer.threshold == 0:
        switch layer.maxValue {
        case nil: return (.unary(.relu), step.inputs)
        case 6?: return (.unary(.relu6), step.inputs)
        case let maxValue?: return (.clip(min: 0, max: maxValue), step.inputs)
        }
      case let layer as Merge where layer.kind == .multiply && step.inputs.count == 2:
        return (.binary(.multiply, constant: nil, constantFirst: false), step.inputs)
      default: return nil
      }
    }
    /// The activation of an `Activation` layer the function called at value `index`, on the input.
    func activationLayer(_ index: Int) -> ActivationFunction? {
      guard index >= 1, index - 1 < operations.count,
        let layer = operations[index - 1].layer as? Activation, operations[index - 1].inputs == [0]
      else { return nil }
      return layer.function
    }
    /// The element-wise function of one tensor that value `index` is of the input, by itself.
    func single(_ index: Int) -> ActivationFunction? {
      if index == 0 { return .linear }
      guard let (function, inputs) = operation(index), inputs == [0] else { return nil }
      switch function {
      case .unary(let unary):
        switch unary {
        case .identity: return .linear
        case .relu: return .relu()
        case .relu6: return .relu(maxValue: 6)
        case .sigmoid: return .sigmoid
        case .tanh: return .tanh
        case .softplus: return .softplus
        case .softsign: return .softsign
        case .elu: return .elu()
        case .selu: return .selu
        case .swish: return .swish
        case .gelu: return .gelu()
        case .geluTanh: return .gelu(approximate: true)
        case .exp: return .exponential
        case .abs, .sqrt, .square, .log, .log1p, .negative, .sign, .rsqrt, .reciprocal, .floor,
          .ceil, .round, .stopGradient, .sin, .cos:
          return nil
        }
      case .leakyRelu(let alpha): return .relu(negativeSlope: Float(alpha))
      case .softmax(let axis): return .softmax(axis: axis)
      case .logSoftmax(let axis): return .logSoftmax(axis: axis)
      case .clip(let low, let high) where low == 0 && high > 0: return .relu(maxValue: Float(high))
      default: return nil
      }
    }
    /// The operations that relu6(x + 3) at value `index` takes (`tf.nn.relu6(x + 3)`,
    /// `K.relu(x + 3, max_value=6)` as relu then clip, `K.clip(x + 3, 0, 6)`), or nil.
    func reluSixOfInputPlusThree(_ index: Int) -> Int? {
      guard let (function, inputs) = operation(index), inputs.count == 1 else { return nil }
      func plusThree(_ index: Int) -> Bool {
        guard let (function, inputs) = operation(index), inputs == [0],
          case .binary(.add, 3?, _) = function
        else { return false }
        return true
      }
      switch function {
      case .unary(.relu6): return plusThree(inputs[0]) ? 2 : nil
      case .clip(0, 6):
        if plusThree(inputs[0]) { return 2 }
        guard let (inner, innerInputs) = operation(inputs[0]), case .unary(.relu) = inner,
          innerInputs.count == 1, plusThree(innerInputs[0])
        else { return nil }
        return 3
      default: return nil
      }
    }
    /// The value that `value / 6` or `value * (1 / 6)` at `index` divides, or nil.
    func sixth(_ index: Int) -> Int? {
      guard let (function, inputs) = operation(index), inputs.count == 1 else { return nil }
      switch function {
      case .binary(.divide, 6?, false): return inputs[0]
      case .binary(.multiply, let constant?, _) where abs(constant - 1.0 / 6.0) < 1e-12:
        return inputs[0]
      default: return nil
      }
    }
    /// Keras 3's `hard_sigmoid`, relu6(x + 3) / 6, at value `index`: its operation count.
    func hardSigmoidReLU6(_ index: Int) -> Int? {
      guard let inner = sixth(index), let count = reluSixOfInputPlusThree(inner) else { return nil }
      return count + 1
    }
    /// `hard_swish`, x * relu6(x + 3) / 6 (MobileNetV3's), in either order of its product and
    /// division: its operation count.
    func hardSwish(_ index: Int) -> Int? {
      func product(_ index: Int, _ factor: (Int) -> Int?) -> Int? {
        guard let (function, inputs) = operation(index), case .binary(.multiply, nil, _) = function,
          inputs.count == 2, inputs.contains(0)
        else { return nil }
        return factor(inputs[0] == 0 ? inputs[1] : inputs[0]).map { $0 + 1 }
      }
      if let count = product(index, hardSigmoidReLU6) { return count }
      if let count = product(index, { activationLayer($0) == .hardSigmoidReLU6 ? 1 : nil }) {
        return count
      }
      guard let inner = sixth(index), let count = product(inner, reluSixOfInputPlusThree) else {
        return nil
      }
      return count + 1
    }
    // Every operation leads to the output (nothing computed aside): each form has its count.
    guard output == operations.count else { return nil }
    if operations.count <= 1 { return single(output) }
    if hardSwish(output) == operations.count { return .hardSwish }
    if hardSigmoidReLU6(output) == operations.count { return .hardSigmoidReLU6 }
    guard let (function, inputs) = operation(output) else { return nil }
    switch function {
    case .clip(let low, let high) where low == 0 && high > 0 && operations.count == 2:
      // `K.relu(x, max_value=m)`: relu, then clipped to [0, m].
      return inputs.count == 1 && single(inputs[0]) == .relu() ? .relu(maxValue: Float(high)) : nil
    case .binary(.multiply, nil, _) where inputs.count == 2 && inputs.contains(0):
      // x * sigmoid(x) (swish) and x * tanh(softplus(x)) (mish).
      let other = inputs[0] == 0 ? inputs[1] : inputs[0]
      if operations.count == 2 { return single(other) == .sigmoid ? .swish : nil }
      guard operations.count == 3, let (outer, outerInputs) = operation(other),
        case .unary(.tanh) = outer, outerInputs.count == 1, single(outerInputs[0]) == .softplus
      else { return nil }
      return .mish
    default: return nil
    }
  }
}
