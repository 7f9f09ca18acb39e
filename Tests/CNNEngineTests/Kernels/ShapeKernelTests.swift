import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("Shape kernels: padding, cropping, upsampling, permute, reshape")
struct ShapeKernelTests {
  typealias Support = KernelTestSupport

  @Test("match tf-keras ZeroPadding2D, Cropping2D, UpSampling1D/2D/3D, Permute")
  func matchKeras() throws {
    let padded = try ZeroPaddingKernel.pad(
      Support.fixture("zeropadding2d", "input"),
      padding: SpatialPadding(before: [1, 0], after: [2, 3]))
    #expect(padded == (try Support.fixture("zeropadding2d", "output")))
    let cropped = try CroppingKernel.crop(
      Support.fixture("cropping2d", "input"),
      cropping: SpatialPadding(before: [1, 2], after: [0, 1]))
    #expect(cropped == (try Support.fixture("cropping2d", "output")))
    for (name, size) in [
      ("upsampling2d", [2, 3]), ("upsampling1d", [3]), ("upsampling3d", [1, 2, 2]),
    ] {
      let upsampled = try UpSamplingKernel.upsample(Support.fixture(name, "input"), size: size)
      #expect(upsampled == (try Support.fixture(name, "output")), Comment(rawValue: name))
    }
    let permuted = try PermuteKernel.permute(Support.fixture("permute", "input"), dims: [3, 1, 2])
    #expect(permuted == (try Support.fixture("permute", "output")))
  }

  @Test("hand-checked padding, cropping and upsampling")
  func handChecked() throws {
    let x = try Tensor(shape: [1, 2, 1], scalars: [1, 2])
    #expect(
      try ZeroPaddingKernel.pad(x, padding: SpatialPadding(before: [1], after: [2])).scalars == [
        0, 1, 2, 0, 0,
      ])
    #expect(try UpSamplingKernel.upsample(x, size: [2]).scalars == [1, 1, 2, 2])
    #expect(
      try CroppingKernel.crop(x, cropping: SpatialPadding(before: [1], after: [0])).scalars == [2])
    #expect(throws: KernelError.self) {
      try CroppingKernel.crop(x, cropping: SpatialPadding(before: [2], after: [1]))
    }
    #expect(throws: KernelError.self) { try PermuteKernel.permute(x, dims: [1, 1]) }
  }

  @Test("reshape and flatten share storage and keep the channels-last order")
  func reshapeIsCopyFree() throws {
    let x = try Tensor(shape: [2, 2, 3, 4], scalars: (0..<48).map(Float.init))
    let flat = try x.flattened()
    #expect(flat.shape == [2, 24])
    // Vertically adjacent pixels end up W*C = 12 entries apart.
    #expect(flat[0, 12] == x[0, 1, 0, 0])
    let reshaped = try x.reshaped(keepingBatch: [-1, 4])
    #expect(reshaped.shape == [2, 6, 4])
    flat.withUnsafeBufferPointer { a in
      x.withUnsafeBufferPointer { b in #expect(a.baseAddress == b.baseAddress) }
    }
    #expect(throws: KernelError.self) { try x.reshaped([5, -1]) }
    #expect(throws: KernelError.self) { try x.reshaped([-1, -1]) }
  }
}
