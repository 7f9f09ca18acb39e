/// The Keras activations with their parameters, as tf-keras 2.x defines them
/// (`tf_keras/activations.py`, `tf_keras/backend.py`).
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
  /// Keras 3's `hard_swish` / `hard_silu`: x * relu6(x + 3) / 6 (MobileNetV3's activation).
  case hardSwish
  case exponential
  /// x * tanh(softplus(x))
  case mish
  /// x - max - log(sum(exp(x - max))) along `axis`.
  case logSoftmax(axis: Int = -1)

  /// The activation Keras means by a string such as `activation='relu'`; nil for unknown names.
  public init?(kerasName: String) {
    switch kerasName {
    case "linear", "None": self = .linear
    case "relu": self = .relu()
    case "relu6": self = .relu(maxValue: 6)
    // tf-keras resolves these names to tf.nn functions with their own defaults (leaky_relu: 0.2).
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
    case "hard_sigmoid": self = .hardSigmoid
    case "hard_swish", "hard_silu": self = .hardSwish
    case "exponential": self = .exponential
    case "mish": self = .mish
    case "log_softmax": self = .logSoftmax()
    default: return nil
    }
  }

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
