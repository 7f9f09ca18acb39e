import Foundation

/// The tf-keras 2.x optimizers (`tf_keras/optimizers/*.py`, the non-legacy ones `compile` builds),
/// with their defaults and update rules, in float32 as TensorFlow runs them:
///
/// - SGD: m = m * momentum - lr g; w += nesterov ? m * momentum - lr g : m (w -= lr g without
///   momentum);
/// - Adam / AdamW: m += (g - m)(1 - beta_1); v += (g^2 - v)(1 - beta_2);
///   w -= m alpha / (sqrt(v) + epsilon) with alpha = lr sqrt(1 - beta_2^t) / (1 - beta_1^t);
///   with `amsgrad`, v_hat = maximum(v_hat, v) takes v's place in the step;
///   AdamW first decays every trainable weight, w -= w * weight_decay * lr;
/// - RMSprop: v = rho v + (1 - rho) g^2 (centered: minus the square of the mean gradient);
///   step = lr g rsqrt(v + epsilon) (Eigen's `rsqrt`, `EigenMath.rsqrt`: Keras 3 writes
///   lr g / sqrt(v + epsilon), which TensorFlow's graph optimizer rewrites so inside `fit`); with
///   momentum m = momentum m + step, w -= m.
/// - Nadam: u_t = beta_1 (1 - 0.5 * 0.96^t), u_{t+1} likewise, a running product P of the u_t;
///   m and v as Adam's, but with `1 - beta_1` and `1 - beta_2` computed in float32 (both Kerases
///   cast beta to a tensor first); m_hat = u_{t+1} m / (1 - P u_{t+1}) + (1 - u_t) g / (1 - P),
///   v_hat = v / (1 - beta_2^t), w -= m_hat lr / (sqrt(v_hat) + epsilon). Keras 3 multiplies
///   P by beta_1, then by (1 - 0.5 * 0.96^t), once per step; tf-keras multiplies P by u_t, once
///   per step when eager, but inside `fit`'s traced step as its Python counter was frozen when
///   traced (`NadamProduct.tfKerasTraced`).
///
/// The constants are Python floats Keras computes with in double precision, each rounded to float32
/// where it meets a tensor: `1 - beta_1` is float32(0.09999999999999998) = 0.1, not 1 - 0.9f, so
/// `beta1`, `beta2` and `rho` keep the values given.
public struct Optimizer: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable {
    case sgd = "SGD"
    case adam = "Adam"
    case adamW = "AdamW"
    case rmsprop = "RMSprop"
    case nadam = "Nadam"
  }

  public var kind: Kind
  public var learningRate: Float
  /// A learning-rate schedule given instead of a number: the rate of each update is its value at
  /// the update's step (`iterations` before the update), as both Kerases compute it.
  public var schedule: LearningRateSchedule?
  public var momentum: Float = 0
  public var nesterov = false
  public var beta1 = 0.9
  public var beta2 = 0.999
  public var epsilon: Float = 1e-7
  public var rho = 0.9
  public var centered = false
  /// Adam's and AdamW's `amsgrad=True`: the step divides by the largest second moment so far.
  public var amsgrad = false
  public var weightDecay: Float?
  /// Keras 3: an Embedding's gradient (an IndexedSlices) is squared slice by slice before its
  /// rows add up, so Adam's, AdamW's and RMSprop's second moment takes the sum of the squares of
  /// a repeated id's rows (`apply(squares:)`); tf-keras adds the rows up first (false).
  public var squaresSlices = false
  /// How Nadam's running product of momentum factors advances (see the type's comment).
  public var nadamProduct = NadamProduct.tfKeras

  public enum NadamProduct: Sendable, Equatable {
    /// P * u_t once per step (tf-keras' `apply_gradients` run eagerly).
    case tfKeras
    /// tf-keras' `fit`: its `tf.cond(self._u_product_counter == iterations + 2, ...)` reads a
    /// Python counter that each traced cond advanced, and `fit` traces its step twice the first
    /// time (the first trace builds the optimizer's variables), so variable k of n compares
    /// 1 + n + k with iterations + 2: every variable but that one multiplies P by u_t again,
    /// and each update reads P as it stands after its own multiplication.
    case tfKerasTraced
    /// P * beta_1 * (1 - 0.5 * 0.96^t) once per step, before the variables (Keras 3).
    case keras3
  }

  /// The optimizer with tf-keras' defaults.
  public init(_ kind: Kind) {
    self.kind = kind
    switch kind {
    case .sgd: learningRate = 0.01
    case .adam, .rmsprop, .nadam: learningRate = 0.001
    case .adamW:
      learningRate = 0.001
      weightDecay = 0.004
    }
  }

  /// Keras 3's `optimizer.variables` once built (at its first step), as `model.summary()` counts
  /// them in its `Optimizer params` line: `iteration` (int64, 8 bytes) and `learning_rate`
  /// (float32), then float32 slots shaped like each trainable variable: SGD one `momentum` when
  /// momentum > 0, Adam and AdamW `momentum` and `velocity`, RMSprop `velocity` plus `momentum`
  /// when momentum > 0 and `average_gradient` when centered, Nadam `momentum` and `velocity` after
  /// its float32 `u_product`. Nil if the sizes overflow.
  public func keras3Variables(trainableSizes: [Int]) -> (count: Int, bytes: Int)? {
    let slots: Int
    var scalars = 0
    switch kind {
    case .sgd: slots = momentum > 0 ? 1 : 0
    case .adam, .adamW: slots = amsgrad ? 3 : 2
    case .rmsprop: slots = 1 + (momentum > 0 ? 1 : 0) + (centered ? 1 : 0)
    case .nadam:
      slots = 2
      scalars = 1
    }
    guard let values = try? Exact.sum(trainableSizes),
      let slotValues = try? Exact.multiply(values, slots),
      let count = try? Exact.add(slotValues, 2 + scalars),
      let slotBytes = try? Exact.multiply(slotValues, 4),
      let bytes = try? Exact.add(slotBytes, 8 + 4 + 4 * scalars)
    else { return nil }
    return (count, bytes)
  }

  /// Slots per variable (momentums, velocities) and the step count.
  struct State {
    var iterations = 0
    var first: [[Float]] = []
    var second: [[Float]] = []
    /// AMSGrad's largest second moments (`velocity_hat`), empty without `amsgrad`.
    var largest: [[Float]] = []
    /// Nadam's running product of momentum factors (`u_product`).
    var product: Float = 1
  }

  func makeState(sizes: [Int]) -> State {
    let zeros = sizes.map { [Float](repeating: 0, count: $0) }
    return State(iterations: 0, first: zeros, second: zeros, largest: amsgrad ? zeros : [])
  }

  /// One `apply_gradients`: every variable in order, then iterations += 1 (Adam's element updates
  /// shared across `threads`). `squares[v]`, when present, replaces g^2 in the second moment
  /// (Keras 3's squared slices of an Embedding's gradient).
  func apply(
    _ gradients: [[Float]], to variables: inout [[Float]], state: inout State, threads: Int = 1,
    squares: [Int: [Float]] = [:]
  ) {
    // A schedule's settings were checked when it was made, so its rate is a number here.
    let lr = schedule.flatMap { try? $0.rate(at: state.iterations) } ?? learningRate
    if let weightDecay {
      for v in variables.indices {
        for i in variables[v].indices { variables[v][i] -= variables[v][i] * weightDecay * lr }
      }
    }
    let step = Float(state.iterations + 1)
    var nadam: NadamFactors?
    if kind == .nadam {
      let factors = NadamFactors(beta1: Float(beta1), step: step, product: state.product)
      switch nadamProduct {
      case .tfKeras: state.product = factors.product
      case .keras3: state.product = factors.keras3Product
      case .tfKerasTraced: break
      }
      nadam = factors
    }
    for v in variables.indices {
      let g = gradients[v]
      switch kind {
      case .sgd:
        if momentum > 0 {
          for i in g.indices {
            let m = -g[i] * lr + state.first[v][i] * momentum
            state.first[v][i] = m
            variables[v][i] += nesterov ? -g[i] * lr + m * momentum : m
          }
        } else {
          for i in g.indices { variables[v][i] += -g[i] * lr }
        }
      case .adam, .adamW:
        let beta1Power = Foundation.pow(Float(beta1), step)
        let beta2Power = Foundation.pow(Float(beta2), step)
        let alpha = lr * (1 - beta2Power).squareRoot() / (1 - beta1Power)
        let (beta1, beta2, epsilon) = (Float(1 - beta1), Float(1 - beta2), epsilon)
        if amsgrad {
          let square = squares[v]
          for i in g.indices {
            state.first[v][i] += (g[i] - state.first[v][i]) * beta1
            state.second[v][i] += ((square?[i] ?? g[i] * g[i]) - state.second[v][i]) * beta2
            state.largest[v][i] = Swift.max(state.largest[v][i], state.second[v][i])
            variables[v][i] -=
              (state.first[v][i] * alpha) / (state.largest[v][i].squareRoot() + epsilon)
          }
          continue
        }
        // Through buffer pointers: nested-array subscripts re-check uniqueness at every access.
        g.withUnsafeBufferPointer { g in
          state.first[v].withUnsafeMutableBufferPointer { m in
            state.second[v].withUnsafeMutableBufferPointer { s in
              variables[v].withUnsafeMutableBufferPointer { w in
                guard let gradient = g.baseAddress, let first = m.baseAddress,
                  let second = s.baseAddress, let variable = w.baseAddress
                else { return }
                if let square = squares[v] {
                  square.withUnsafeBufferPointer { q in
                    AdamUpdate.apply(
                      gradient: gradient, first: first, second: second, variable: variable,
                      count: g.count, alpha: alpha, oneMinusBeta1: beta1,
                      oneMinusBeta2: beta2, epsilon: epsilon, threads: threads,
                      squares: q.baseAddress)
                  }
                  return
                }
                AdamUpdate.apply(
                  gradient: gradient, first: first, second: second, variable: variable,
                  count: g.count, alpha: alpha, oneMinusBeta1: beta1, oneMinusBeta2: beta2,
                  epsilon: epsilon, threads: threads)
              }
            }
          }
        }
      case .nadam:
        guard let factors = nadam else { break }
        if nadamProduct == .tfKerasTraced && v != state.iterations + 1 - variables.count {
          state.product *= factors.current
        }
        let product = state.product
        let nextProduct = product * factors.next
        let (beta1, beta2) = (Float(beta1), Float(beta2))
        let (oneMinusBeta1, oneMinusBeta2) = (1 - beta1, 1 - beta2)
        let beta2Power = Foundation.pow(beta2, step)
        let (current, next) = (factors.current, factors.next)
        let square = squares[v]
        for i in g.indices {
          state.first[v][i] += (g[i] - state.first[v][i]) * oneMinusBeta1
          state.second[v][i] += ((square?[i] ?? g[i] * g[i]) - state.second[v][i]) * oneMinusBeta2
          let mHat =
            next * state.first[v][i] / (1 - nextProduct) + (1 - current) * g[i] / (1 - product)
          let vHat = state.second[v][i] / (1 - beta2Power)
          variables[v][i] -= mHat * lr / (vHat.squareRoot() + epsilon)
        }
      case .rmsprop:
        let square = squares[v]
        let (rho, oneMinusRho) = (Float(rho), Float(1 - rho))
        var denominators = [Float](repeating: 0, count: g.count)
        for i in g.indices {
          state.second[v][i] = rho * state.second[v][i] + oneMinusRho * (square?[i] ?? g[i] * g[i])
          denominators[i] = state.second[v][i] + epsilon
          if centered {
            // The centered variant keeps the mean gradient in `first` when there is no momentum
            // slot to share: a third slot would be needed for both, refused at configuration.
            state.first[v][i] = rho * state.first[v][i] + oneMinusRho * g[i]
            denominators[i] =
              state.second[v][i] - state.first[v][i] * state.first[v][i] + epsilon
          }
        }
        denominators.withUnsafeMutableBufferPointer { EigenMath.rsqrt($0) }
        let momentum = momentum
        for i in g.indices {
          let increment = lr * g[i] * denominators[i]
          if momentum > 0 && !centered {
            state.first[v][i] = momentum * state.first[v][i] + increment
            variables[v][i] -= state.first[v][i]
          } else {
            variables[v][i] -= increment
          }
        }
      }
    }
    state.iterations += 1
  }
}

/// Nadam's momentum factors at one step, in float32 as both Kerases compute them: u_t and u_{t+1}
/// (beta_1 (1 - 0.5 * 0.96^step)), and the running product after this step in each Keras' order.
struct NadamFactors {
  var current: Float
  var next: Float
  /// tf-keras: `u_product * u_t`.
  var product: Float
  /// Keras 3: `u_product * beta_1 * (1 - 0.5 * 0.96^step)`, left to right.
  var keras3Product: Float

  init(beta1: Float, step: Float, product: Float) {
    let decay: Float = 0.96
    let currentFactor = 1 - 0.5 * Foundation.pow(decay, step)
    current = beta1 * currentFactor
    next = beta1 * (1 - 0.5 * Foundation.pow(decay, step + 1))
    self.product = product * current
    keras3Product = product * beta1 * currentFactor
  }
}
