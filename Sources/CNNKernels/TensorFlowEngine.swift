import CNNKernelsX86

/// Which CPU kernels TensorFlow runs where the two it ships compute different last digits: its
/// own Eigen kernels, or oneDNN's (`tensorflow.python.util._pywrap_util_port.IsMklEnabled()`).
/// TensorFlow 2.21 decides once per process (`IsMklEnabled` in tensorflow/core/util/port.cc):
/// `TF_ENABLE_ONEDNN_OPTS` set to 0/false or 1/true (any case) decides; otherwise its Linux build
/// turns oneDNN on only on processors with neural-network instructions (AVX512_VNNI, AVX512_BF16,
/// AVX_VNNI or AMX), so the same script prints different digits on different machines.
///
/// What differs:
/// - `Softmax` (tf.nn.softmax, a softmax activation): `EigenSoftmax` or `OneDNNSoftmax`;
/// - a `Dense` layer's MatMul + bias + sigmoid inside a `tf.function` (`predict`, `evaluate`,
///   `fit`): oneDNN's graph rewrite fuses the three and takes oneDNN's logistic
///   (`TensorFlowSigmoid.oneDNN`); without oneDNN the `Sigmoid` op runs on its own
///   (`TensorFlowSigmoid.eigen`).
///
/// ConvBook's oneDNN kernels are oneDNN's AVX-512 ones (recorded on such a processor); oneDNN
/// forced on a processor without AVX-512 runs AVX2 kernels ConvBook does not model.
///
/// The engine is a setting of the run (`KerasSession.engine`), never read from the machine
/// below the command line: `machine(environment:)` is for the command line, tests pin one.
public enum TensorFlowEngine: String, Sendable, Equatable, CaseIterable {
  /// TensorFlow's Eigen kernels (oneDNN off): ~/keras-ref's machine, an AMD EPYC with AVX2.
  case eigen
  /// oneDNN's kernels (`IsMklEnabled()` true), AVX-512.
  case oneDNN

  /// The engine TensorFlow picks on this machine with `environment`'s `TF_ENABLE_ONEDNN_OPTS`.
  public static func machine(environment: [String: String]) -> TensorFlowEngine {
    resolve(
      environmentValue: environment["TF_ENABLE_ONEDNN_OPTS"],
      onByDefault: defaultIsOneDNN)
  }

  /// TensorFlow's rule: `value` "0"/"false" or "1"/"true" (case-insensitive) decides; anything
  /// else (unset, empty, other text, which TensorFlow warns about) keeps the default.
  public static func resolve(environmentValue value: String?, onByDefault: Bool)
    -> TensorFlowEngine
  {
    switch value?.lowercased() {
    case "1", "true": return .oneDNN
    case "0", "false": return .eigen
    default: return onByDefault ? .oneDNN : .eigen
    }
  }

  /// `DefaultOneDnnPolicy`: Linux on x86-64 with the processor features above. TensorFlow's
  /// macOS build has no oneDNN; other systems run Eigen here.
  static var defaultIsOneDNN: Bool {
    #if os(Linux) && arch(x86_64)
      return cb_onednn_features() != 0
    #else
      return false
    #endif
  }
}
