/// Adam's (and AdamW's) element update on one variable, in SIMD8 lanes on up to `threads` threads:
///
///     m += (g - m)(1 - beta_1);  v += (g^2 - v)(1 - beta_2);  w -= m alpha / (sqrt(v) + epsilon)
///
/// (1 - beta_1 and 1 - beta_2 given as Keras computes them: in double precision, then rounded.)
///
/// Each element is computed on its own with the same float operations in the same order as the
/// scalar formula (no fused multiply-adds), so a lane gives the scalar's bits and any split across
/// threads gives the same values. Lives beside the kernels (compiled -O and vectorised) because the
/// engine is compiled for size, where the loop stays scalar.
public enum AdamUpdate {
  /// `squares`: what the second moment takes instead of g^2 (Keras 3's squared slices of an
  /// Embedding's gradient, `EmbeddingGradient.rowSquares`).
  public static func apply(
    gradient: UnsafePointer<Float>, first: UnsafeMutablePointer<Float>,
    second: UnsafeMutablePointer<Float>, variable: UnsafeMutablePointer<Float>, count: Int,
    alpha: Float, oneMinusBeta1: Float, oneMinusBeta2: Float, epsilon: Float, threads: Int,
    squares: UnsafePointer<Float>? = nil
  ) {
    if let squares {
      let (b1, b2) = (oneMinusBeta1, oneMinusBeta2)
      for i in 0..<count {
        first[i] += (gradient[i] - first[i]) * b1
        second[i] += (squares[i] - second[i]) * b2
        variable[i] -= (first[i] * alpha) / (second[i].squareRoot() + epsilon)
      }
      return
    }
    KernelParallelism.forEachSlice(count: count, threads: threads, minimumPerThread: 4096) {
      range in
      update(
        range, gradient: gradient, first: first, second: second, variable: variable,
        alpha: alpha, oneMinusBeta1: oneMinusBeta1, oneMinusBeta2: oneMinusBeta2,
        epsilon: epsilon)
    }
  }

  @inline(__always)
  private static func update(
    _ range: Range<Int>, gradient g: UnsafePointer<Float>, first m: UnsafeMutablePointer<Float>,
    second s: UnsafeMutablePointer<Float>, variable w: UnsafeMutablePointer<Float>,
    alpha: Float, oneMinusBeta1: Float, oneMinusBeta2: Float, epsilon: Float
  ) {
    let a = SIMD8<Float>(repeating: alpha)
    let b1 = SIMD8<Float>(repeating: oneMinusBeta1)
    let b2 = SIMD8<Float>(repeating: oneMinusBeta2)
    let e = SIMD8<Float>(repeating: epsilon)
    var i = range.lowerBound
    while i + 8 <= range.upperBound {
      let gv = SIMDMemory.load(g + i)
      var mv = SIMDMemory.load(m + i)
      var sv = SIMDMemory.load(s + i)
      mv += (gv - mv) * b1
      sv += (gv * gv - sv) * b2
      let wv = SIMDMemory.load(w + i) - (mv * a) / (sv.squareRoot() + e)
      SIMDMemory.store(mv, m + i)
      SIMDMemory.store(sv, s + i)
      SIMDMemory.store(wv, w + i)
      i += 8
    }
    while i < range.upperBound {
      m[i] += (g[i] - m[i]) * oneMinusBeta1
      s[i] += (g[i] * g[i] - s[i]) * oneMinusBeta2
      w[i] -= (m[i] * alpha) / (s[i].squareRoot() + epsilon)
      i += 1
    }
  }
}
