import BigInt
import Foundation

/// A Python set or frozenset: shared like ``PythonList`` (a frozenset is never changed after it is
/// made), with CPython 3.11's open-addressing table (`Objects/setobject.c`) kept beside the items so
/// that iteration follows CPython's order where CPython's order is reproducible: when every item has
/// a hash that does not depend on the process (ints, bools, floats, and tuples of those). CPython
/// randomises the hash of strings per process (and bases None's and objects' on their address), so
/// a set holding any of those prints in a different order from one run to the next; ConvBook then
/// iterates in insertion order (the order a small set of strings most often shows, and a stable
/// one), which is documented in the README.
public final class PythonSet {
  /// A slot of the table: CPython's unused, dummy (a removed item, which keeps probe chains
  /// intact) and active entries.
  enum Slot {
    case unused
    case dummy
    case active(hash: Int, value: Value)
  }

  public let isFrozen: Bool
  private(set) var table: [Slot] = Array(repeating: .unused, count: PythonSet.minimumSize)
  /// Active plus dummy slots (CPython's `fill`), and active ones (`used`).
  private(set) var fill = 0
  private(set) var used = 0
  /// Where `pop()` starts looking (CPython's `finger`).
  private var finger = 0
  /// Every item, in the order it was first added (removed ones taken out).
  private var insertionOrder: [Value] = []
  /// How many items have a hash that CPython derives from the process (strings, None, objects).
  private var processDependentCount = 0

  static let minimumSize = 8
  private static let linearProbes = 9
  private static let perturbShift = 5

  public init(frozen: Bool = false) { self.isFrozen = frozen }

  var mask: Int { table.count - 1 }

  public var count: Int { used }
  public var isEmpty: Bool { used == 0 }

  /// The items in iteration order: CPython's table order when every hash is reproducible, else
  /// insertion order.
  public var items: [Value] {
    if processDependentCount > 0 { return insertionOrder }
    return tableEntries.map(\.value)
  }

  /// The active entries in table order (CPython's `set_next`).
  var tableEntries: [(hash: Int, value: Value)] {
    table.compactMap { slot in
      if case .active(let hash, let value) = slot { return (hash, value) }
      return nil
    }
  }

  // MARK: Lookup

  /// The slot holding an item equal to `value` (whose hash is `hash`), or nil.
  func slotIndex(of value: Value, hash: Int) -> Int? {
    let mask = UInt(self.mask)
    var perturb = UInt(bitPattern: hash)
    var index = UInt(bitPattern: hash) & mask
    while true {
      var probes = index + UInt(Self.linearProbes) <= mask ? Self.linearProbes : 0
      var slot = Int(index)
      while true {
        switch table[slot] {
        case .unused: return nil
        case .active(let found, let item) where found == hash && Operators.equal(item, value):
          return slot
        default: break
        }
        slot += 1
        if probes == 0 { break }
        probes -= 1
      }
      perturb >>= UInt(Self.perturbShift)
      index = (index &* 5 &+ 1 &+ perturb) & mask
    }
  }

  func contains(_ value: Value, hash: Int) -> Bool { slotIndex(of: value, hash: hash) != nil }

  // MARK: Changes (CPython's set_add_entry, set_discard_entry, set_table_resize)

  /// Adds `value` unless an equal item is there; true when it was added.
  @discardableResult
  func add(_ value: Value, hash: Int) -> Bool {
    let mask = UInt(self.mask)
    var perturb = UInt(bitPattern: hash)
    var index = UInt(bitPattern: hash) & mask
    var freeSlot: Int?
    while true {
      var probes = index + UInt(Self.linearProbes) <= mask ? Self.linearProbes : 0
      var slot = Int(index)
      while true {
        switch table[slot] {
        case .unused:
          if let freeSlot {
            table[freeSlot] = .active(hash: hash, value: value)
            used += 1
            record(value)
            return true
          }
          table[slot] = .active(hash: hash, value: value)
          fill += 1
          used += 1
          record(value)
          if fill * 5 >= self.mask * 3 { resize(minimumUsed: used > 50000 ? used * 2 : used * 4) }
          return true
        case .active(let found, let item) where found == hash && Operators.equal(item, value):
          return false
        case .dummy:
          // CPython 3.11 remembers the last dummy on the way (measured: after `{0, 8, 16}` loses
          // 0 and 8, 24 takes 8's slot, not 0's).
          freeSlot = slot
        case .active: break
        }
        slot += 1
        if probes == 0 { break }
        probes -= 1
      }
      perturb >>= UInt(Self.perturbShift)
      index = (index &* 5 &+ 1 &+ perturb) & mask
    }
  }

  /// Removes the item equal to `value`; true when there was one.
  @discardableResult
  func discard(_ value: Value, hash: Int) -> Bool {
    guard let slot = slotIndex(of: value, hash: hash), case .active(_, let item) = table[slot]
    else { return false }
    table[slot] = .dummy
    used -= 1
    forget(item)
    return true
  }

  /// `set.pop()`: the first active slot from the finger on.
  func popFirst() -> Value? {
    guard used > 0 else { return nil }
    var slot = finger & mask
    while true {
      if case .active(_, let item) = table[slot] {
        table[slot] = .dummy
        used -= 1
        finger = slot + 1
        forget(item)
        return item
      }
      slot = slot == mask ? 0 : slot + 1
    }
  }

  func removeAll() {
    table = Array(repeating: .unused, count: Self.minimumSize)
    fill = 0
    used = 0
    insertionOrder = []
    processDependentCount = 0
  }

  /// CPython's `set_table_resize`: the smallest power of two above `minimumUsed` (at least 8),
  /// active entries re-inserted in table order, dummies dropped.
  func resize(minimumUsed: Int) {
    var size = Self.minimumSize
    while size <= minimumUsed { size <<= 1 }
    let old = table
    table = Array(repeating: .unused, count: size)
    fill = used
    for case .active(let hash, let value) in old { insertClean(value, hash: hash) }
  }

  /// CPython's `set_insert_clean`: into a table without dummies and without `value`.
  private func insertClean(_ value: Value, hash: Int) {
    let mask = UInt(self.mask)
    var perturb = UInt(bitPattern: hash)
    var index = UInt(bitPattern: hash) & mask
    while true {
      var slot = Int(index)
      if case .unused = table[slot] {
        table[slot] = .active(hash: hash, value: value)
        return
      }
      if index + UInt(Self.linearProbes) <= mask {
        for _ in 0..<Self.linearProbes {
          slot += 1
          if case .unused = table[slot] {
            table[slot] = .active(hash: hash, value: value)
            return
          }
        }
      }
      perturb >>= UInt(Self.perturbShift)
      index = (index &* 5 &+ 1 &+ perturb) & mask
    }
  }

  /// CPython's `set_merge`: every item of `other` (a set), with one resize first and the shortcuts
  /// CPython takes into an empty table (which decide the order).
  func merge(_ other: PythonSet) {
    guard other !== self, other.used > 0 else { return }
    if (fill + other.used) * 5 >= mask * 3 { resize(minimumUsed: (used + other.used) * 2) }
    if fill == 0 && mask == other.mask && other.fill == other.used {
      table = other.table
      fill = other.fill
      used = other.used
      for entry in other.tableEntries { record(entry.value) }
      insertionOrder = other.insertionOrder
      return
    }
    if fill == 0 {
      fill = other.used
      used = other.used
      for entry in other.tableEntries {
        insertClean(entry.value, hash: entry.hash)
        record(entry.value)
      }
      insertionOrder = other.insertionOrder
      return
    }
    for entry in other.tableEntries { add(entry.value, hash: entry.hash) }
  }

  /// CPython's `set_swap_bodies` as `&=` uses it: this set takes `other`'s table as it is.
  func takeContents(of other: PythonSet) {
    table = other.table
    fill = other.fill
    used = other.used
    insertionOrder = other.insertionOrder
    processDependentCount = other.processDependentCount
  }

  /// A new set (or frozenset) with the items of `self`, as `set_copy` makes it.
  func copy(frozen: Bool? = nil) -> PythonSet {
    let result = PythonSet(frozen: frozen ?? isFrozen)
    result.merge(self)
    return result
  }

  private func record(_ value: Value) {
    insertionOrder.append(value)
    if !PythonHash.isReproducible(value) { processDependentCount += 1 }
  }

  private func forget(_ value: Value) {
    if let position = insertionOrder.firstIndex(where: { Operators.equal($0, value) }) {
      insertionOrder.remove(at: position)
    }
    if !PythonHash.isReproducible(value) { processDependentCount -= 1 }
  }
}

/// Python's `hash()` where ConvBook needs it (set items): CPython 3.11's exact values for ints,
/// bools, floats and tuples of them (`Python/pyhash.c`, `Objects/tupleobject.c`), so that sets of
/// them iterate in CPython's order; a stable stand-in for the others, whose CPython hash changes
/// from one process to the next.
enum PythonHash {
  static let modulus: UInt64 = (1 << 61) - 1
  static let bits: UInt64 = 61

  /// Whether CPython's hash of `value` is the same in every process.
  static func isReproducible(_ value: Value) -> Bool {
    switch value {
    case .bool, .int, .bigInt: return true
    case .float(let number): return !number.isNaN
    case .tuple(let items): return items.allSatisfy(isReproducible)
    default: return false
    }
  }

  /// The hash, or nil for a value Python cannot hash (then `typeName` is in the TypeError).
  static func hash(_ value: Value) -> Int? {
    switch value {
    case .bool(let flag): return flag ? 1 : 0
    case .int(let number): return integer(number)
    case .bigInt(let number): return big(number)
    case .float(let number): return float(number)
    case .tuple(let items):
      var lanes: [Int] = []
      for item in items {
        guard let lane = hash(item) else { return nil }
        lanes.append(lane)
      }
      return tuple(lanes)
    case .string(let text):
      // FNV-1a: any stable function serves, as strings iterate in insertion order.
      var result: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in text.utf8 { result = (result ^ UInt64(byte)) &* 0x100_0000_01b3 }
      return Int(bitPattern: UInt(result >> 1))
    case .list, .dictionary, .array: return nil
    // A NumPy scalar hashes as the Python number it equals.
    case .standard(let scalar as NumPyScalar): return hash(scalar.pythonValue)
    // `np.str_` hashes as the `str` it equals.
    case .standard(let text as NumPyString): return hash(.string(text.text))
    case .set(let set):
      guard set.isFrozen else { return nil }
      // Order-independent, as frozenset's hash is.
      var result = 0
      for item in set.items { result ^= hash(item) ?? 0 }
      return result &* 31 &+ set.count
    default:
      // Objects hash by identity in CPython; equal values here must hash alike, so one hash per
      // type (lookups among them fall back to comparing).
      return Int(
        bitPattern: UInt(value.typeName.utf8.reduce(UInt64(5381)) { ($0 &* 33) ^ UInt64($1) }))
    }
  }

  static func integer(_ number: Int) -> Int {
    let reduced = Int(UInt64(number.magnitude) % modulus)
    let signed = number < 0 ? -reduced : reduced
    return signed == -1 ? -2 : signed
  }

  static func big(_ number: BigInt) -> Int {
    let reduced = Int(number.magnitude % BigUInt(modulus))
    let signed = number.sign == .minus ? -reduced : reduced
    return signed == -1 ? -2 : signed
  }

  /// `_Py_HashDouble`.
  static func float(_ number: Double) -> Int {
    if number.isInfinite { return number > 0 ? 314159 : -314159 }
    if number.isNaN { return 0 }
    // frexp of the magnitude (Swift's `frexp` drops the sign), the sign applied at the end.
    var (mantissa, exponent) = frexp(number.magnitude)
    let sign = number < 0 ? -1 : 1
    var x: UInt64 = 0
    while mantissa != 0 {
      x = ((x << 28) & modulus) | x >> (bits - 28)
      mantissa *= 268435456.0
      exponent -= 28
      let y = UInt64(mantissa)
      mantissa -= Double(y)
      x += y
      if x >= modulus { x -= modulus }
    }
    let e =
      exponent >= 0
      ? UInt64(exponent) % bits : bits - 1 - UInt64(-1 - exponent) % bits
    x = ((x << e) & modulus) | x >> (bits - e)
    let result = Int(bitPattern: UInt(x)) &* sign
    return result == -1 ? -2 : result
  }

  /// `tuplehash` (xxHash's mixing of the items' hashes).
  static func tuple(_ lanes: [Int]) -> Int {
    let prime1: UInt64 = 11_400_714_785_074_694_791
    let prime2: UInt64 = 14_029_467_366_897_019_727
    let prime5: UInt64 = 2_870_177_450_012_600_261
    var accumulator = prime5
    for lane in lanes {
      accumulator = accumulator &+ UInt64(bitPattern: Int64(lane)) &* prime2
      accumulator = (accumulator << 31) | (accumulator >> 33)
      accumulator = accumulator &* prime1
    }
    accumulator = accumulator &+ (UInt64(lanes.count) ^ (prime5 ^ 3_527_539))
    if accumulator == UInt64.max { return 1_546_275_796 }
    return Int(bitPattern: UInt(accumulator))
  }
}
