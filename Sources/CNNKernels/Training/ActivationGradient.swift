import Foundation

/// The derivatives of the activations (beside `ActivationKernel`, their forward pass), from the
/// pre-activation z and the output y = f(z): dz = f'(z) * dy, or for softmax along the last axis
/// dz = y * (dy - sum(dy * y)).
public enum ActivationGradient {
  /// Whether `function` has a backward pass here.
  public static func supports(_ function: ActivationFunction) -> Bool {
    switch function {
    case .gelu, .logSoftmax: return false
    case .softmax(let axis): return axis == -1
    case .composed(let program): return program.isDifferentiable
    default: return true
    }
  }

  /// The name a refusal quotes for an activation without a backward pass here.
  public static func kerasName(_ function: ActivationFunction) -> String {
    switch function {
    case .gelu: return "'gelu'"
    case .mish: return "'mish'"
    case .logSoftmax: return "'log_softmax'"
    case .composed(let program): return "`\(program.name)`"
    case .softmax(let axis): return "softmax over axis \(axis)"
    default: return "\(function)"
    }
  }

  /// preActivation, output, outputGradient (same shape; the last axis is softmax's) -> dz
  public static func backward(
    _ function: ActivationFunction, preActivation z: [Float], output y: [Float],
    outputGradient dy: [Float], lastAxis: Int
  ) -> [Float] {
    switch function {
    case .linear:
      return dy
    case .softmax:
      var dz = [Float](repeating: 0, count: dy.count)
      let lines = dy.count / max(1, lastAxis)
      for line in 0..<lines {
        let base = line * lastAxis
        var dot: Float = 0
        for i in 0..<lastAxis { dot += dy[base + i] * y[base + i] }
        for i in 0..<lastAxis { dz[base + i] = y[base + i] * (dy[base + i] - dot) }
      }
      return dz
    case .relu(0, nil, 0):
      // The common case without a closure call per value: relu'(z) = z > 0.
      var dz = [Float](repeating: 0, count: dy.count)
      z.withUnsafeBufferPointer { z in
        dy.withUnsafeBufferPointer { dy in
          dz.withUnsafeMutableBufferPointer { dz in
            for i in 0..<dz.count { dz[i] = z[i] > 0 ? dy[i] : 0 }
          }
        }
      }
      return dz
    case .sigmoid:
      // TensorFlow's SigmoidGrad: dy * (y * (1 - y)) on whole packets of 8 values, and
      // dy * y * (1 - y) (left to right) on the rest (as `TensorFlowSigmoid.eigen`).
      let whole = dy.count / 8 * 8
      return dy.indices.map { i in
        i < whole ? dy[i] * (y[i] * (1 - y[i])) : dy[i] * y[i] * (1 - y[i])
      }
    default:
      let derivative = self.derivative(function)
      var dz = [Float](repeating: 0, count: dy.count)
      for i in dz.indices { dz[i] = dy[i] * derivative(z[i], y[i]) }
      return dz
    }
  }

  /// f'(z) given z and y = f(z), with TensorFlow's conventions at the kinks (relu'(0) = 0).
  static func derivative(_ function: ActivationFunction) -> (Float, Float) -> Float {
    switch function {
    case .relu(let slope, let maxValue, let threshold):
      return { z, _ in
        var d: Float = z > threshold ? 1 : 0
        if let maxValue, z >= maxValue { d = 0 }
        if slope != 0 && z <= threshold { d = slope }
        return d
      }
    case .leakyReLU(let alpha): return { z, _ in z > 0 ? 1 : alpha }
    case .sigmoid: return { _, y in y * (1 - y) }
    case .tanh: return { _, y in 1 - y * y }
    case .elu(let alpha): return { z, y in z > 0 ? 1 : y + alpha }
    case .selu:
      let alpha: Float = 1.673_263_2
      let scale: Float = 1.050_701
      return { z, y in z > 0 ? scale : y + scale * alpha }
    case .swish:
      return { z, _ in
        let s = ActivationKernel.sigmoid(z)
        return s * (1 + z * (1 - s))
      }
    case .softplus: return { z, _ in ActivationKernel.sigmoid(z) }
    case .softsign:
      return { z, _ in
        let d = 1 + abs(z)
        return 1 / (d * d)
      }
    case .hardSigmoid: return { z, _ in z > -2.5 && z < 2.5 ? 0.2 : 0 }
    case .hardSigmoidReLU6: return { z, _ in z > -3 && z < 3 ? 1 / 6 : 0 }
    case .hardSwish: return { z, _ in z < -3 ? 0 : (z > 3 ? 1 : (2 * z + 3) / 6) }
    case .exponential: return { _, y in y }
    case .celu(let alpha): return { z, _ in z > 0 ? 1 : Foundation.exp(z / alpha) }
    // tf.clip_by_value passes the gradient at the bounds too.
    case .hardTanh: return { z, _ in z >= -1 && z <= 1 ? 1 : 0 }
    case .hardShrink(let threshold): return { z, _ in abs(z) > threshold ? 1 : 0 }
    case .softShrink(let threshold): return { z, _ in abs(z) > threshold ? 1 : 0 }
    case .sparsePlus: return { z, _ in z <= -1 ? 0 : (z < 1 ? 0.5 * (z + 1) : 1) }
    case .sparseSigmoid: return { z, _ in z > -1 && z < 1 ? 0.5 : 0 }
    case .composed(let program): return { z, _ in program.derivative(z) }
    case .squareplus(let b): return { z, _ in 0.5 * (1 + z / (z * z + b).squareRoot()) }
    case .tanhShrink:
      return { z, _ in
        let t = EigenMath.tanh(z)
        return t * t
      }
    case .logSigmoid: return { z, _ in ActivationKernel.sigmoid(-z) }
    case .mish:
      // d/dz z * tanh(softplus(z)) = tanh(sp) + z * (1 - tanh(sp)^2) * sigmoid(z).
      return { z, _ in
        let t = EigenMath.tanh(ActivationKernel.softplus(z))
        return t + z * (1 - t * t) * ActivationKernel.sigmoid(z)
      }
    case .linear, .softmax, .logSoftmax, .gelu: return { _, _ in 1 }
    }
  }
}
