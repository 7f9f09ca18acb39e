/// The Keras activations with their parameters, as tf-keras 2.x defines them
/// (`tf_keras/activations.py`, `tf_keras/backend.py`), and the ones Keras 3 defines otherwise or
/// adds (`keras/src/activations/activations.py`, `keras/src/backend/tensorflow/nn.py`).
public enum ActivationFunction: Sendable, Equatable {
  case linear
  /// `keras.activations.relu` / the `ReLU` layer: with `negativeSlope` (alpha), `maxValue` and
  /// `threshold`; a nonzero slope alone is `tf.nn.leaky_relu`.
  case relu(negativeSlope: Float = 0, maxValue: Float? = nil, threshold: Float = 0)
  /// The `LeakyReLU` layer (tf-keras default alpha 0.3): x > 0 ? x : alpha * x.
  case leakyReLU(alpha: Float = 0.3)
  case sigmoid
  case tanh
  /// Numerically stable softmax along `axis` (Keras rejects rank-1 inputs).
  case softmax(axis: Int = -1)
  /// x > 0 ? x : alpha * (exp(x) - 1)
  case elu(alpha: Float = 1)
  /// scale * elu(x, alpha) with TensorFlow's constants.
  case selu
  /// approximate false: 0.5 * x * (1 + erf(x / sqrt(2))); true: the tanh approximation.
  case gelu(approximate: Bool = false)
  /// x * sigmoid(x) (`swish` and `silu` are the same function).
  case swish
  /// log(exp(x) + 1)
  case softplus
  /// x / (|x| + 1)
  case softsign
  /// tf-keras 2.x: clip(0.2 * x + 0.5, 0, 1)
  case hardSigmoid
  /// Keras 3's `hard_sigmoid`: relu6(x + 3) / 6.
  case hardSigmoidReLU6
  /// Keras 3's `hard_swish` / `hard_silu`: x * relu6(x + 3) / 6 (MobileNetV3's activation).
  case hardSwish
  case exponential
  /// x * tanh(softplus(x))
  case mish
  /// x - max - log(sum(exp(x - max))) along `axis`.
  case logSoftmax(axis: Int = -1)
  /// Keras 3: max(x, 0) + alpha * expm1(min(x, 0) / alpha)
  case celu(alpha: Float = 1)
  /// Keras 3: clip(x, -1, 1)
  case hardTanh
  /// Keras 3: |x| > threshold ? x : 0
  case hardShrink(threshold: Float = 0.5)
  /// Keras 3: x - threshold above it, x + threshold below -threshold, 0 between.
  case softShrink(threshold: Float = 0.5)
  /// Keras 3: 0 for x <= -1, (x + 1)^2 / 4 below 1, x above.
  case sparsePlus
  /// Keras 3: 0 for x <= -1, 1 for x >= 1, (x + 1) / 2 between.
  case sparseSigmoid
  /// Keras 3: (x + sqrt(x^2 + b)) / 2
  case squareplus(b: Float = 4)
  /// Keras 3: x - tanh(x)
  case tanhShrink
  /// Keras 3: log(sigmoid(x)) = -softplus(-x)
  case logSigmoid
  /// A script's own element-wise function, as the tensor operations it recorded.
  case composed(ElementwiseProgram)

  /// The activation Keras means by a string such as `activation='relu'`: tf-keras' names, or with
  /// `keras3` Keras 3's (its `hard_sigmoid` formula, and the functions only it has); nil for
  /// names that Keras does not know.
  public init?(kerasName: String, keras3: Bool = false) {
    switch kerasName {
    case "linear", "None": self = .linear
    case "relu": self = .relu()
    case "relu6": self = .relu(maxValue: 6)
    // Both resolve the name to tf.nn.leaky_relu's default slope (0.2), not the layer's 0.3.
    case "leaky_relu": self = .relu(negativeSlope: 0.2)
    case "sigmoid": self = .sigmoid
    case "tanh": self = .tanh
    case "softmax": self = .softmax()
    case "elu": self = .elu()
    case "selu": self = .selu
    case "gelu": self = .gelu()
    case "swish", "silu": self = .swish
    case "softplus": self = .softplus
    case "softsign": self = .softsign
    case "hard_sigmoid": self = keras3 ? .hardSigmoidReLU6 : .hardSigmoid
    case "exponential": self = .exponential
    case "mish": self = .mish
    case "log_softmax": self = .logSoftmax()
    default:
      guard keras3, let function = Self.keras3Only[kerasName] else { return nil }
      self = function
    }
  }

  /// The names only Keras 3 resolves (tf-keras 2.21 says "Unknown activation function").
  static let keras3Only: [String: ActivationFunction] = [
    "hard_silu": .hardSwish, "hard_swish": .hardSwish, "celu": .celu(), "hard_tanh": .hardTanh,
    "hard_shrink": .hardShrink(), "soft_shrink": .softShrink(), "sparse_plus": .sparsePlus,
    "sparse_sigmoid": .sparseSigmoid, "squareplus": .squareplus(), "tanh_shrink": .tanhShrink,
    "log_sigmoid": .logSigmoid,
  ]

  /// Keras 3's activation names that ConvBook does not compute: `glu` halves the last axis,
  /// `sparsemax` works along it, and `threshold` needs arguments that a name cannot give.
  public static let keras3Unsupported: Set<String> = ["glu", "sparsemax", "threshold"]

  /// The clamp a convolution or dense kernel can apply in its epilogue instead, when there is one.
  public var fused: FusedActivation? {
    switch self {
    case .linear: return .linear
    case .relu(let slope, let maxValue, let threshold) where slope == 0 && threshold == 0:
      return maxValue.map { .clamp(lower: 0, upper: $0) } ?? .relu
    default: return nil
    }
  }
}
