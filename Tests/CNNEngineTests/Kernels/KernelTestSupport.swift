import Foundation
import Testing

@testable import CNNEngine
@testable import CNNKernels

/// Fixture access and comparisons shared by the kernel tests.
enum KernelTestSupport {
  /// A tensor recorded by make_kernel_fixtures.py (tf-keras output, input or weight).
  static func fixture(_ name: String, _ tensor: String) throws -> Tensor {
    guard let entry = KernelFixtures.tensors[name]?[tensor] else {
      throw KernelError("no fixture \(name)/\(tensor)")
    }
    guard let data = Data(base64Encoded: entry.base64) else {
      throw KernelError("bad base64 in \(name)/\(tensor)")
    }
    let values = data.withUnsafeBytes { raw in
      (0..<data.count / 4).map {
        Float(
          bitPattern: UInt32(
            littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
      }
    }
    return try Tensor(shape: entry.shape, scalars: values)
  }

  /// The bytes of a file numpy wrote (see make_kernel_fixtures.py).
  static func file(_ name: String) throws -> [UInt8] {
    guard let text = KernelFixtures.files[name], let data = Data(base64Encoded: text) else {
      throw KernelError("no file fixture \(name)")
    }
    return [UInt8](data)
  }

  /// Expects equal shapes and values within `tolerance` scaled by the reference's magnitude.
  static func expectClose(
    _ actual: Tensor, _ expected: Tensor, tolerance: Float = 2e-5, _ comment: Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(actual.shape == expected.shape, comment, sourceLocation: sourceLocation)
    guard actual.shape == expected.shape else { return }
    var worst: Float = 0
    var worstIndex = 0
    for index in actual.scalars.indices {
      let a = actual.scalars[index]
      let e = expected.scalars[index]
      if a == e { continue }  // also infinities
      let error = abs(a - e) / max(1, abs(e))
      if error.isNaN || error > worst {
        worst = error.isNaN ? .infinity : error
        worstIndex = index
      }
    }
    #expect(
      worst <= tolerance,
      "worst relative error \(worst) at \(worstIndex): \(actual.scalars[worstIndex]) vs \(expected.scalars[worstIndex]) \(comment.map { "(\($0))" } ?? "")",
      sourceLocation: sourceLocation)
  }

  /// Bitwise equality, NaNs included.
  static func bits(_ tensor: Tensor) -> [UInt32] { tensor.scalars.map(\.bitPattern) }

  /// Direct convolution in Double, the independent reference for random configurations.
  /// input (N, D, H, W, C) as 3 spatial axes, kernel (KD, KH, KW, C/groups, F) -> (N, OD, OH, OW, F)
  static func referenceConvolution(
    _ input: Tensor, kernel: Tensor, bias: Tensor?, groups: Int, strides: [Int], dilations: [Int],
    padding: SpatialPadding
  ) -> Tensor {
    let rank = kernel.rank - 2
    let lead = 3 - rank
    func pad3(_ values: [Int], _ fill: Int) -> [Int] {
      Array(repeating: fill, count: lead) + values
    }
    let spatial = pad3(Array(input.shape[1...rank]), 1)
    let k = pad3(Array(kernel.shape.prefix(rank)), 1)
    let s = pad3(strides, 1)
    let d = pad3(dilations, 1)
    let p = pad3(padding.before, 0)
    let outSpatial = pad3(
      padding.outputSize(
        inputSize: Array(input.shape[1...rank]), kernelSize: Array(kernel.shape.prefix(rank)),
        strides: strides, dilations: dilations), 1)
    let (batch, channels, filters) = (input.shape[0], input.shape[rank + 1], kernel.shape[rank + 1])
    let cg = channels / groups
    let fg = filters / groups
    var out = [Float]()
    for n in 0..<batch {
      for od in 0..<outSpatial[0] {
        for oh in 0..<outSpatial[1] {
          for ow in 0..<outSpatial[2] {
            for f in 0..<filters {
              let g = f / fg
              var sum = Double(bias?.scalars[f] ?? 0)
              for kd in 0..<k[0] {
                let id = od * s[0] + kd * d[0] - p[0]
                guard id >= 0 && id < spatial[0] else { continue }
                for kh in 0..<k[1] {
                  let ih = oh * s[1] + kh * d[1] - p[1]
                  guard ih >= 0 && ih < spatial[1] else { continue }
                  for kw in 0..<k[2] {
                    let iw = ow * s[2] + kw * d[2] - p[2]
                    guard iw >= 0 && iw < spatial[2] else { continue }
                    for c in 0..<cg {
                      let x = input.scalars[
                        (((n * spatial[0] + id) * spatial[1] + ih) * spatial[2] + iw) * channels + g
                          * cg + c]
                      let w = kernel.scalars[
                        (((kd * k[1] + kh) * k[2] + kw) * cg + c) * filters + f]
                      sum += Double(x) * Double(w)
                    }
                  }
                }
              }
              out.append(Float(sum))
            }
          }
        }
      }
    }
    let shape = [batch] + Array(outSpatial.suffix(rank)) + [filters]
    return try! Tensor(shape: shape, scalars: out)
  }
}
