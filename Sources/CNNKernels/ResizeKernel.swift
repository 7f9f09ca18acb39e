import Foundation

/// Keras `UpSampling2D(interpolation=...)` other than nearest: `tf.image.resize` (version 2) with
/// `antialias=False`, whose CPU kernels this follows formula for formula in float32:
/// `bilinear` and `bicubic` (ResizeBilinear / ResizeBicubic with half-pixel centers, Keys a = -0.5,
/// the 1024-step coefficient table and weights renormalized at the borders), `area` (ResizeArea),
/// and `lanczos3`, `lanczos5`, `gaussian`, `mitchellcubic` (ScaleAndTranslate).
public enum ResizeKernel {
  /// The methods of TensorFlow 1's ResizeBilinear without half-pixel centers
  /// (`tf.compat.v1.image.resize`): source position x * in / out, or with `align_corners`
  /// x * (in - 1) / (out - 1), so that the corner pixels line up.
  public static let bilinearLegacy = "bilinear (TensorFlow 1)"
  public static let bilinearAlignCorners = "bilinear (TensorFlow 1, align_corners)"

  /// input (N, H, W, C), size (OH, OW) -> output (N, OH, OW, C)
  public static func resize(
    _ input: Tensor, size: [Int], method: String,
    threads: Int = KernelParallelism.defaultThreadCount
  ) throws(KernelError) -> Tensor {
    guard input.rank == 4, size.count == 2, size.allSatisfy({ $0 >= 0 }) else {
      throw KernelError(
        "resizing needs an input (N, H, W, C) and two output sizes, got \(input.shape)")
    }
    let (batch, height, width, channels) = (
      input.shape[0], input.shape[1], input.shape[2], input.shape[3]
    )
    let rows: Axis
    let columns: Axis
    switch method {
    case "bilinear":
      rows = .bilinear(input: height, output: size[0])
      columns = .bilinear(input: width, output: size[1])
    case bilinearLegacy, bilinearAlignCorners:
      let align = method == bilinearAlignCorners
      rows = .legacyBilinear(input: height, output: size[0], alignCorners: align)
      columns = .legacyBilinear(input: width, output: size[1], alignCorners: align)
    case "bicubic":
      rows = .bicubic(input: height, output: size[0])
      columns = .bicubic(input: width, output: size[1])
    case "area":
      rows = .area(input: height, output: size[0])
      columns = .area(input: width, output: size[1])
    case "lanczos3", "lanczos5", "gaussian", "mitchellcubic":
      rows = .scaleAndTranslate(input: height, output: size[0], kernel: method)
      columns = .scaleAndTranslate(input: width, output: size[1], kernel: method)
    default:
      throw KernelError("unknown interpolation '\(method)'")
    }
    let outputShape = [batch, size[0], size[1], channels]
    return Tensor(uninitializedShape: outputShape) { output in
      guard output.count > 0 else { return }
      input.scalars.withUnsafeBufferPointer { source in
        let source = source.baseAddress!
        let output = output.baseAddress!
        KernelParallelism.forEachSlice(count: batch * size[0], threads: threads) { items in
          var xs = [Float](repeating: 0, count: channels)
          for item in items {
            let n = item / size[0]
            let oy = item % size[0]
            let taps = rows.taps[oy]
            let image = source + n * height * width * channels
            for ox in 0..<size[1] {
              let out = output + ((n * size[0] + oy) * size[1] + ox) * channels
              let columnTaps = columns.taps[ox]
              switch rows.combine {
              case .lerp:
                // top = tl + (tr - tl) * x; bottom likewise; out = top + (bottom - top) * y
                let (y0, y1, yl) = (taps[0].index, taps[1].index, taps[0].weight)
                let (x0, x1, xl) = (columnTaps[0].index, columnTaps[1].index, columnTaps[0].weight)
                for c in 0..<channels {
                  let tl = image[(y0 * width + x0) * channels + c]
                  let tr = image[(y0 * width + x1) * channels + c]
                  let bl = image[(y1 * width + x0) * channels + c]
                  let br = image[(y1 * width + x1) * channels + c]
                  let top = tl + (tr - tl) * xl
                  let bottom = bl + (br - bl) * xl
                  out[c] = top + (bottom - top) * yl
                }
              case .weightedRowsFirst:
                // Each tap column is first interpolated down the rows, then across (ResizeBicubic).
                for c in 0..<channels { out[c] = 0 }
                for (k, column) in columnTaps.enumerated() {
                  for c in 0..<channels { xs[c] = 0 }
                  for row in taps {
                    let pixel = image + (row.index * width + column.index) * channels
                    for c in 0..<channels { xs[c] += row.weight * pixel[c] }
                  }
                  for c in 0..<channels {
                    out[c] = k == 0 ? column.weight * xs[c] : out[c] + column.weight * xs[c]
                  }
                }
              case .weightedColumnsFirst:
                for c in 0..<channels { out[c] = 0 }
                for row in taps {
                  for c in 0..<channels { xs[c] = 0 }
                  for column in columnTaps {
                    let pixel = image + (row.index * width + column.index) * channels
                    for c in 0..<channels { xs[c] += column.weight * pixel[c] }
                  }
                  for c in 0..<channels { out[c] += row.weight * xs[c] }
                }
                if let scale = rows.finalScale.map({ $0 * (columns.finalScale ?? 1) }) {
                  for c in 0..<channels { out[c] *= scale }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The input indices and weights every output position of one axis reads.
  struct Axis {
    enum Combine { case lerp, weightedRowsFirst, weightedColumnsFirst }
    var taps: [[(index: Int, weight: Float)]]
    var combine: Combine
    /// ResizeArea multiplies the window sum by 1 / (scale_y * scale_x) at the end.
    var finalScale: Float?

    /// (x + 0.5) * scale - 0.5 with scale = in / out, both in float32.
    static func halfPixel(_ x: Int, scale: Float) -> Float { (Float(x) + 0.5) * scale - 0.5 }

    static func bilinear(input: Int, output: Int) -> Axis {
      let scale = Float(input) / Float(output)
      let taps = (0..<output).map { x -> [(index: Int, weight: Float)] in
        let position = halfPixel(x, scale: scale)
        let floor = position.rounded(.down)
        let lower = max(Int(floor), 0)
        let upper = min(Int(position.rounded(.up)), input - 1)
        // The first weight is the lerp fraction (used as such), the second is unused.
        return [(lower, position - floor), (upper, 0)]
      }
      return Axis(taps: taps, combine: .lerp)
    }

    /// ResizeBilinear's legacy scaler: position x * scale with scale in / out, or
    /// (in - 1) / (out - 1) with `alignCorners` and more than one output (float32 throughout).
    static func legacyBilinear(input: Int, output: Int, alignCorners: Bool) -> Axis {
      let scale =
        alignCorners && output > 1
        ? Float(input - 1) / Float(output - 1) : Float(input) / Float(output)
      let taps = (0..<output).map { x -> [(index: Int, weight: Float)] in
        let position = Float(x) * scale
        let floor = position.rounded(.down)
        let lower = max(Int(floor), 0)
        let upper = min(Int(position.rounded(.up)), input - 1)
        return [(lower, position - floor), (upper, 0)]
      }
      return Axis(taps: taps, combine: .lerp)
    }

    /// TensorFlow's Keys cubic table (a = -0.5), 1024 steps per pixel.
    static let cubicTable: [Float] = {
      let size = 1024
      let a = -0.5
      var table = [Float](repeating: 0, count: (size + 1) * 2)
      for i in 0...size {
        // TensorFlow evaluates the polynomials in double (a is a double) and stores floats.
        var x = Float(Double(i) * 1.0 / Double(size))
        let first = ((a + 2) * Double(x) - (a + 3)) * Double(x) * Double(x) + 1
        table[i * 2] = Float(first)
        x += 1
        let second = ((a * Double(x) - 5 * a) * Double(x) + 8 * a) * Double(x) - 4 * a
        table[i * 2 + 1] = Float(second)
      }
      return table
    }()

    static func bicubic(input: Int, output: Int) -> Axis {
      let scale = Float(input) / Float(output)
      let table = cubicTable
      let size = 1024
      let taps = (0..<output).map { x -> [(index: Int, weight: Float)] in
        let position = halfPixel(x, scale: scale)
        let start = Int(position.rounded(.down))
        let delta = position - Float(start)
        let offset = Int((delta * Float(size)).rounded(.toNearestOrEven))
        let raw: [Float] = [
          table[offset * 2 + 1], table[offset * 2], table[(size - offset) * 2],
          table[(size - offset) * 2 + 1],
        ]
        var entries: [(index: Int, weight: Float)] = []
        var sum: Float = 0
        for k in 0..<4 {
          let index = start - 1 + k
          let bounded = min(max(index, 0), input - 1)
          // Taps outside the image get weight 0 and the others are renormalized.
          let weight = bounded == index ? raw[k] : 0
          entries.append((bounded, weight))
          sum += weight
        }
        if abs(sum) >= 1000 * Float.leastNormalMagnitude {
          let inverse = 1 / sum
          for k in 0..<4 { entries[k].weight *= inverse }
        }
        return entries
      }
      return Axis(taps: taps, combine: .weightedRowsFirst)
    }

    static func area(input: Int, output: Int) -> Axis {
      let scale = Float(input) / Float(output)
      let taps = (0..<output).map { x -> [(index: Int, weight: Float)] in
        let start = Float(x) * scale
        let end = Float(x + 1) * scale
        var entries: [(index: Int, weight: Float)] = []
        var i = Int(start.rounded(.down))
        while Float(i) < end {
          let weight: Float
          if Float(i) < start {
            weight = min(Float(i + 1), end) - start
          } else {
            weight = Float(i + 1) > end ? end - Float(i) : 1
          }
          entries.append((min(i, input - 1), weight))
          i += 1
        }
        return entries
      }
      return Axis(taps: taps, combine: .weightedColumnsFirst, finalScale: 1 / scale)
    }

    static func scaleAndTranslate(input: Int, output: Int, kernel: String) -> Axis {
      let radius: Float
      let function: (Float) -> Float
      switch kernel {
      case "lanczos3", "lanczos5":
        radius = kernel == "lanczos3" ? 3 : 5
        function = { x in
          let x = abs(x)
          if x > radius { return 0 }
          if x <= 1e-3 { return 1 }
          let pi = Float.pi
          return radius * sinf(pi * x) * sinf(pi * x / radius) / (pi * pi * x * x)
        }
      case "gaussian":
        radius = 1.5
        let sigma = radius / 3
        function = { x in
          let x = abs(x)
          return x >= radius ? 0 : expf(-x * x / (2 * sigma * sigma))
        }
      default:  // mitchellcubic, B = C = 1/3
        radius = 2
        function = { x in
          let x = abs(x)
          if x >= 2 { return 0 }
          if x >= 1 { return (((-7.0 / 18.0) * x + 2) * x - 10.0 / 3.0) * x + 16.0 / 9.0 }
          return (((7.0 / 6.0) * x - 2) * x) * x + 8.0 / 9.0
        }
      }
      let scale = Float(output) / Float(input)
      let inverseScale = 1 / scale
      let taps = (0..<output).map { x -> [(index: Int, weight: Float)] in
        let sample = (Float(x) + 0.5) * inverseScale
        if sample < 0 || sample > Float(input) { return [] }
        var start = Int((sample - radius - 0.5).rounded(.up))
        var end = Int((sample + radius - 0.5).rounded(.down))
        start = min(max(start, 0), input - 1)
        end = min(max(end, 0), input - 1) + 1
        var entries: [(index: Int, weight: Float)] = []
        var sum: Float = 0
        for source in start..<end {
          let weight = function(abs(Float(source) + 0.5 - sample))
          entries.append((source, weight))
          sum += weight
        }
        if abs(sum) >= 1000 * Float.leastNormalMagnitude {
          let inverse = 1 / sum
          for k in entries.indices { entries[k].weight *= inverse }
        }
        return entries
      }
      return Axis(taps: taps, combine: .weightedColumnsFirst)
    }
  }
}
