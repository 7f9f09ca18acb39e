// libFuzzer harness: the .npy and .npz readers (CNNEngine NumPy). Every input goes through both;
// a NumPyError is fine, a crash or an allocation the file cannot back is not. A decoded array is
// written back and read again, which must give the same array.
// Built and run by scripts/fuzz, never by `swift build`.
import CNNEngine

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumPy(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let tensor = try? NPYFormat.decode(bytes) {
    roundTrip(tensor)
  }
  if let archive = try? NPZArchive(bytes: bytes) {
    precondition(
      archive.names.count == archive.arrays.count || Set(archive.names).count < archive.names.count)
    for name in archive.names { roundTrip(archive[name]!) }
  }
  return 0
}

private func roundTrip(_ tensor: Tensor) {
  let again = try! NPYFormat.decode(NPYFormat.encode(tensor))
  precondition(again.shape == tensor.shape, "shape changed in a round trip")
  precondition(
    zip(again.scalars, tensor.scalars).allSatisfy { $0.bitPattern == $1.bitPattern },
    "values changed in a round trip")
}
