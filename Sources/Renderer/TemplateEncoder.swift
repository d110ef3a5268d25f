/// Turns a view into the `TemplateValue` tree templates read, through the views' synthesized `Encodable`
/// conformances: each value is walked once, without reflection.
enum TemplateEncoder {
    static func encode(_ value: some Encodable) throws -> TemplateValue {
        try encoded(value)
    }
}

/// Encodes one value: texts, numbers and flags as themselves, anything else through a `ValueEncoder`.
private func encoded(_ value: some Encodable) throws -> TemplateValue {
    switch value {
    case let text as String: return .text(text)
    case let number as Int: return .int(number)
    case let flag as Bool: return .bool(flag)
    default:
        let encoder = ValueEncoder()
        try value.encode(to: encoder)
        return encoder.result
    }
}

/// Collects what a value encodes: fields of a record, items of a list, or a single value.
private final class ValueEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var fields: [String: TemplateValue]?
    var items: [TemplateValue]?
    var single: TemplateValue?

    var result: TemplateValue {
        if let single { return single }
        if let items { return .list(items) }
        return .record(fields ?? [:])
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if fields == nil { fields = [:] }
        return KeyedEncodingContainer(RecordFields<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if items == nil { items = [] }
        return ListItems(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValue(encoder: self) }
}

private struct RecordFields<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: String, forKey key: Key) throws { encoder.fields![key.stringValue] = .text(value) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { encoder.fields![key.stringValue] = .bool(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { encoder.fields![key.stringValue] = .int(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { encoder.fields![key.stringValue] = try encoded(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        fatalError("views do not encode nested containers by hand")
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        fatalError("views do not encode nested containers by hand")
    }

    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
}

private struct ListItems: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] = []
    var count: Int { encoder.items!.count }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { encoder.items!.append(.text(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.items!.append(try encoded(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        fatalError("views do not encode nested containers by hand")
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { fatalError("views do not encode nested containers by hand") }
    mutating func superEncoder() -> any Encoder { encoder }
}

private struct SingleValue: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { encoder.single = .text(value) }
    mutating func encode(_ value: Bool) throws { encoder.single = .bool(value) }
    mutating func encode(_ value: Int) throws { encoder.single = .int(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.single = try encoded(value) }
}
