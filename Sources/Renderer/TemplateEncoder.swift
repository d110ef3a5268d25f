/// Turns a view into the dictionaries, arrays and scalars Mustache reads fastest. Mustache would otherwise reflect
/// each struct with `Mirror` at every `{{name}}` it looks up, which made a 1 000-platform site take minutes;
/// the views' synthesized `Encodable` conformances walk each value once, without reflection.
enum TemplateEncoder {
    static func encode(_ value: some Encodable) throws -> Any {
        let encoder = ValueEncoder()
        try value.encode(to: encoder)
        return encoder.storage.value
    }
}

/// Where an encoder writes: a box, so that nested containers fill their parent in place.
private final class Slot {
    var value: Any = [String: Any]()
}

private final class ValueEncoder: Encoder {
    let storage: Slot
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(storage: Slot = Slot()) { self.storage = storage }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if !(storage.value is [String: Any]) { storage.value = [String: Any]() }
        return KeyedEncodingContainer(KeyedSlot<Key>(slot: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        storage.value = [Any]()
        return UnkeyedSlot(slot: storage)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleSlot(slot: storage) }
}

/// Encodes one child value: scalars as themselves, anything else through a nested encoder.
private func encoded(_ value: some Encodable) throws -> Any {
    switch value {
    case let text as String: return text
    case let number as Int: return number
    case let flag as Bool: return flag
    default:
        let encoder = ValueEncoder()
        try value.encode(to: encoder)
        return encoder.storage.value
    }
}

private struct KeyedSlot<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [any CodingKey] = []

    private func set(_ value: Any, _ key: Key) {
        var dictionary = slot.value as! [String: Any]
        slot.value = [String: Any]()
        dictionary[key.stringValue] = value
        slot.value = dictionary
    }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: String, forKey key: Key) throws { set(value, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { set(try encoded(value), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        fatalError("views do not encode nested containers by hand")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        fatalError("views do not encode nested containers by hand")
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder() }
}

private struct UnkeyedSlot: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] = []
    var count: Int { (slot.value as! [Any]).count }

    private func append(_ value: Any) {
        var array = slot.value as! [Any]
        slot.value = [Any]()
        array.append(value)
        slot.value = array
    }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { append(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { append(try encoded(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        fatalError("views do not encode nested containers by hand")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { fatalError("views do not encode nested containers by hand") }
    mutating func superEncoder() -> any Encoder { ValueEncoder() }
}

private struct SingleSlot: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { slot.value = value }
    mutating func encode(_ value: Bool) throws { slot.value = value }
    mutating func encode(_ value: Int) throws { slot.value = value }
    mutating func encode<T: Encodable>(_ value: T) throws { slot.value = try encoded(value) }
}
