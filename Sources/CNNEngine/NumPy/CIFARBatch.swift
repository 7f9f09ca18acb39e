/// One batch file of Keras' CIFAR-10 cache (`cifar-10-batches-py/data_batch_1`, ...,
/// `test_batch`): a Python pickle (protocol 2, written by Python 2's cPickle) of a dict whose
/// `data` is a uint8 NumPy array (N, 3072) and `labels` a list of ints, read the way Keras'
/// `load_batch` reads it. ConvBook runs no pickle code: this reads only the opcodes such a file
/// uses (containers, numbers, strings, memo, `GLOBAL` names kept as names, `REDUCE`/`BUILD` kept
/// as data) and then recognises NumPy's array reconstruction by shape.
public struct CIFARBatch {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
  }

  public let data: [UInt8]
  public let count: Int
  public let labels: [Int]

  private indirect enum Item {
    case none
    case bool(Bool)
    case int(Int)
    case bytes([UInt8])
    case text(String)
    case list([Item])
    case tuple([Item])
    case dict([(Item, Item)])
    case global(String)
    /// `callable(*arguments)` with its `BUILD` state, kept as data.
    case object(callable: Item, arguments: Item, state: Item?)
    case mark

    var key: String? {
      switch self {
      case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
      case .text(let text): return text
      default: return nil
      }
    }
  }

  public init(bytes: [UInt8]) throws(Failure) {
    let root = try Self.unpickle(bytes)
    guard case .dict(let pairs) = root else { throw Failure("the pickle holds no dict") }
    func value(_ key: String) -> Item? { pairs.first { $0.0.key == key }?.1 }
    guard case .object(_, _, let state?)? = value("data"), case .tuple(let fields) = state,
      fields.count == 5, case .tuple(let shape) = fields[1], case .bytes(let raw) = fields[4]
    else { throw Failure("its 'data' is not a NumPy array") }
    let dimensions = shape.compactMap { item -> Int? in
      if case .int(let n) = item { return n }
      return nil
    }
    guard dimensions.count == 2, dimensions[1] == 3072, dimensions[0] * 3072 == raw.count else {
      throw Failure(
        "its 'data' has shape \(dimensions) and \(raw.count) bytes; (N, 3072) uint8 is expected")
    }
    guard case .list(let items)? = value("labels") else {
      throw Failure("it has no list of 'labels'")
    }
    var labels: [Int] = []
    for item in items {
      guard case .int(let label) = item, (0...255).contains(label) else {
        throw Failure("its 'labels' are not small integers")
      }
      labels.append(label)
    }
    guard labels.count == dimensions[0] else {
      throw Failure("it has \(labels.count) labels for \(dimensions[0]) images")
    }
    data = raw
    count = dimensions[0]
    self.labels = labels
  }

  private static func unpickle(_ bytes: [UInt8]) throws(Failure) -> Item {
    var stack: [Item] = []
    var memo: [Int: Item] = [:]
    var offset = 0
    func take(_ count: Int) throws(Failure) -> ArraySlice<UInt8> {
      guard count >= 0, offset + count <= bytes.count else { throw Failure("truncated pickle") }
      defer { offset += count }
      return bytes[offset..<(offset + count)]
    }
    func integer(_ count: Int, signed: Bool = false) throws(Failure) -> Int {
      var value = 0
      for (shift, byte) in try take(count).enumerated() { value |= Int(byte) << (8 * shift) }
      if signed && count == 4 && value >= 1 << 31 { value -= 1 << 32 }
      return value
    }
    func line() throws(Failure) -> String {
      guard let end = bytes[offset...].firstIndex(of: 0x0A) else {
        throw Failure("truncated pickle")
      }
      defer { offset = end + 1 }
      return String(decoding: bytes[offset..<end], as: UTF8.self)
    }
    func pop() throws(Failure) -> Item {
      guard let item = stack.popLast() else { throw Failure("a pickle opcode found no value") }
      return item
    }
    func popToMark() throws(Failure) -> [Item] {
      guard
        let mark = stack.lastIndex(where: {
          if case .mark = $0 { return true } else { return false }
        })
      else { throw Failure("a pickle opcode found no mark") }
      let items = Array(stack[(mark + 1)...])
      stack.removeSubrange(mark...)
      return items
    }
    func appending(_ items: [Item]) throws(Failure) {
      switch stack.popLast() {
      case .list(let list)?: stack.append(.list(list + items))
      default: throw Failure("APPEND to something not a list")
      }
    }
    func setting(_ items: [Item]) throws(Failure) {
      guard items.count % 2 == 0, case .dict(var pairs)? = stack.popLast() else {
        throw Failure("SETITEM on something not a dict")
      }
      for i in stride(from: 0, to: items.count, by: 2) { pairs.append((items[i], items[i + 1])) }
      stack.append(.dict(pairs))
    }
    while offset < bytes.count {
      let opcode = bytes[offset]
      offset += 1
      switch opcode {
      case 0x80: _ = try take(1)  // PROTO
      case 0x2E: return try pop()  // STOP
      case 0x7D: stack.append(.dict([]))  // }
      case 0x5D: stack.append(.list([]))  // ]
      case 0x29: stack.append(.tuple([]))  // )
      case 0x28: stack.append(.mark)  // (
      case 0x4E: stack.append(.none)  // N
      case 0x88: stack.append(.bool(true))
      case 0x89: stack.append(.bool(false))
      case 0x4B: stack.append(.int(try integer(1)))  // BININT1
      case 0x4D: stack.append(.int(try integer(2)))  // BININT2
      case 0x4A: stack.append(.int(try integer(4, signed: true)))  // BININT
      case 0x55, 0x43: stack.append(.bytes(Array(try take(try integer(1)))))  // SHORT_BIN*
      case 0x54, 0x42: stack.append(.bytes(Array(try take(try integer(4)))))  // BINSTRING/BYTES
      case 0x58:  // BINUNICODE
        stack.append(.text(String(decoding: try take(try integer(4)), as: UTF8.self)))
      case 0x8C:  // SHORT_BINUNICODE
        stack.append(.text(String(decoding: try take(try integer(1)), as: UTF8.self)))
      case 0x63: stack.append(.global(try line() + "." + (try line())))  // GLOBAL
      case 0x71: if let top = stack.last { memo[try integer(1)] = top }  // BINPUT
      case 0x72: if let top = stack.last { memo[try integer(4)] = top }  // LONG_BINPUT
      case 0x68, 0x6A:  // BINGET, LONG_BINGET
        guard let item = memo[try integer(opcode == 0x68 ? 1 : 4)] else {
          throw Failure("a pickle memo entry is missing")
        }
        stack.append(item)
      case 0x85: stack.append(.tuple([try pop()]))
      case 0x86:
        let b = try pop()
        stack.append(.tuple([try pop(), b]))
      case 0x87:
        let c = try pop()
        let b = try pop()
        stack.append(.tuple([try pop(), b, c]))
      case 0x74: stack.append(.tuple(try popToMark()))  // TUPLE
      case 0x61: try appending([try pop()])  // APPEND
      case 0x65: try appending(try popToMark())  // APPENDS
      case 0x73:  // SETITEM
        let value = try pop()
        let key = try pop()
        try setting([key, value])
      case 0x75: try setting(try popToMark())  // SETITEMS
      case 0x52:  // REDUCE
        let arguments = try pop()
        stack.append(.object(callable: try pop(), arguments: arguments, state: nil))
      case 0x62:  // BUILD
        let state = try pop()
        guard case .object(let callable, let arguments, _)? = stack.popLast() else {
          throw Failure("BUILD on something not an object")
        }
        stack.append(.object(callable: callable, arguments: arguments, state: state))
      default:
        throw Failure(
          "pickle opcode 0x\(String(opcode, radix: 16)) is not one a CIFAR-10 batch uses")
      }
    }
    throw Failure("the pickle has no STOP")
  }

  /// The images of `batches` in turn, (N, 32, 32, 3) channels last as Keras transposes them, one
  /// float per byte.
  public static func imagesChannelsLast(_ batches: [CIFARBatch]) -> [Float] {
    let count = batches.reduce(0) { $0 + $1.count }
    var images = [Float](repeating: 0, count: count * 3072)
    var sample = 0
    for batch in batches {
      for n in 0..<batch.count {
        // (3, 32, 32) -> (32, 32, 3)
        for c in 0..<3 {
          for p in 0..<1024 {
            images[(sample * 1024 + p) * 3 + c] = Float(batch.data[n * 3072 + c * 1024 + p])
          }
        }
        sample += 1
      }
    }
    return images
  }
}
