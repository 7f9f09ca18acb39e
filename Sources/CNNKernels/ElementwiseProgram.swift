import Foundation

/// An element-wise function a script wrote as tensor operations on one tensor and gave a layer as
/// its activation, when it is none of Keras' own (`K.clip(K.tanh(x), 0, 1)`,
/// `K.softplus(x) + K.epsilon()`, gelu's tanh approximation): the recorded operations, run value
/// by value in float32 as TensorFlow runs each operation, with the derivative carried along for
/// the backward pass (forward-mode, one input).
public struct ElementwiseProgram: Sendable, Equatable {
  /// One operation; its operands are earlier values (0 is the input, step k is value k + 1).
  public enum Step: Sendable, Equatable {
    case unary(TensorFunctionKernel.Unary, Int)
    /// One of Keras' element-wise activations (never softmax, log_softmax or gelu).
    case activation(ActivationFunction, Int)
    case binary(TensorFunctionKernel.Binary, Int, Int)
    /// `x op c`, or `c op x` with `constantFirst`.
    case constant(TensorFunctionKernel.Binary, Int, Float, constantFirst: Bool)
    /// `tf.clip_by_value(x, low, high)`.
    case clip(Int, low: Float, high: Float)
  }

  /// The script function's name, which refusals quote.
  public var name: String
  public var steps: [Step]
  /// Why ConvBook cannot compute the function, for one that Keras 3 only runs with the model
  /// (`Dense(8, activation=f)` builds without calling `f`): the layer builds and summarizes, and
  /// running it is refused with this text. Its value is NaN, never a number taken for the function's.
  public var refusal: String?

  public init(name: String, steps: [Step]) {
    self.name = name
    self.steps = steps
  }

  /// A function ConvBook cannot compute, refused by `refusal` when the layer runs.
  public init(name: String, refusal: String) {
    self.name = name
    self.steps = []
    self.refusal = refusal
  }

  /// Whether every step has a backward pass: gelu, and operations whose derivative ConvBook does
  /// not write (binary cross-entropy), do not.
  public var isDifferentiable: Bool {
    refusal == nil
      && steps.allSatisfy { step in
        switch step {
        case .activation(let function, _): return ActivationGradient.supports(function)
        case .binary(let function, _, _), .constant(let function, _, _, _):
          return function != .binaryCrossentropy && function != .binaryCrossentropyFromLogits
        case .unary, .clip: return true
        }
      }
  }

  /// The function's value at x.
  public func value(_ x: Float) -> Float { evaluate(x).value }

  /// The function's derivative at x.
  public func derivative(_ x: Float) -> Float { evaluate(x).derivative }

  /// Each step's value and its derivative with respect to the input.
  private func evaluate(_ x: Float) -> (value: Float, derivative: Float) {
    guard refusal == nil else { return (.nan, .nan) }
    var values: [Float] = [x]
    var slopes: [Float] = [1]
    values.reserveCapacity(steps.count + 1)
    slopes.reserveCapacity(steps.count + 1)
    for step in steps {
      let (value, slope): (Float, Float)
      switch step {
      case .unary(let function, let operand):
        let v = values[operand]
        value = function.apply(v)
        slope = Self.unaryDerivative(function, v, value) * slopes[operand]
      case .activation(let function, let operand):
        let v = values[operand]
        value = ActivationKernel.scalarFunction(function)(v)
        slope = ActivationGradient.derivative(function)(v, value) * slopes[operand]
      case .binary(let function, let first, let second):
        let (a, b) = (values[first], values[second])
        value = function.apply(a, b)
        let (da, db) = Self.binaryDerivatives(function, a, b, value)
        slope = da * slopes[first] + db * slopes[second]
      case .constant(let function, let operand, let constant, let constantFirst):
        let v = values[operand]
        let (a, b) = constantFirst ? (constant, v) : (v, constant)
        value = function.apply(a, b)
        let (da, db) = Self.binaryDerivatives(function, a, b, value)
        slope = (constantFirst ? db : da) * slopes[operand]
      case .clip(let operand, let low, let high):
        let v = values[operand]
        value = Swift.min(Swift.max(v, low), high)
        // tf.clip_by_value passes the gradient at the bounds too.
        slope = v >= low && v <= high ? slopes[operand] : 0
      }
      values.append(value)
      slopes.append(slope)
    }
    return (values[values.count - 1], slopes[slopes.count - 1])
  }

  /// d f(x) / dx for x and y = f(x), with TensorFlow's gradients (zero for the step functions).
  private static func unaryDerivative(
    _ function: TensorFunctionKernel.Unary, _ x: Float, _ y: Float
  )
    -> Float
  {
    switch function {
    case .abs: return x > 0 ? 1 : (x < 0 ? -1 : 0)
    case .sqrt: return 0.5 / y
    case .square: return 2 * x
    case .exp: return y
    case .log: return 1 / x
    case .log1p: return 1 / (1 + x)
    case .negative: return -1
    case .sign, .floor, .ceil, .round: return 0
    case .rsqrt: return -0.5 * y * y * y
    case .reciprocal: return -y * y
    case .sin: return EigenMath.sinCosLane(x, sine: false)
    case .cos: return -EigenMath.sinCosLane(x, sine: true)
    }
  }

  /// The partial derivatives of `function(a, b)` (TensorFlow's: `maximum` sends the gradient to
  /// `a` where a >= b, `minimum` where a <= b, `pow`'s exponent gets a^b log a where a > 0).
  private static func binaryDerivatives(
    _ function: TensorFunctionKernel.Binary, _ a: Float, _ b: Float, _ y: Float
  ) -> (Float, Float) {
    switch function {
    case .add: return (1, 1)
    case .subtract: return (1, -1)
    case .multiply: return (b, a)
    case .divide: return (1 / b, -a / (b * b))
    case .maximum: return a >= b ? (1, 0) : (0, 1)
    case .minimum: return a <= b ? (1, 0) : (0, 1)
    case .power: return (b * Foundation.pow(a, b - 1), a > 0 ? y * Foundation.log(a) : 0)
    case .squaredDifference: return (2 * (a - b), -2 * (a - b))
    case .greater, .less, .greaterEqual, .lessEqual, .equal, .notEqual, .floorDivide: return (0, 0)
    case .binaryCrossentropy, .binaryCrossentropyFromLogits: return (0, 0)
    }
  }
}
