/// Turns a view into the `TemplateValue` tree templates read, through the views' synthesized `Encodable`
/// conformances: each value is walked once, without reflection. The views a page holds by the dozen give their
/// fields directly (`TemplateRecord`), which is several times faster; a test keeps both ways equal.
enum TemplateEncoder {
    static func encode(_ value: some Encodable) throws -> TemplateValue {
        try encoded(value, records: true)
    }

    /// Through `Encodable` only, ignoring `TemplateRecord`: what the records' hand-written fields must equal.
    static func encodeByCoding(_ value: some Encodable) throws -> TemplateValue {
        try encoded(value, records: false)
    }
}

/// A view that lists its own fields, as its `Encodable` conformance would encode them.
protocol TemplateRecord: Encodable {
    var templateFields: [String: TemplateValue] { get }
}

extension [String: TemplateValue] {
    /// Sets a field that is left out when nil, as `Encodable` leaves out a nil optional.
    mutating func set(_ key: String, _ text: String?) {
        if let text { self[key] = .text(text) }
    }
}

/// Encodes one value: texts, numbers and flags as themselves, anything else through a `ValueEncoder`.
private func encoded(_ value: some Encodable, records: Bool) throws -> TemplateValue {
    switch value {
    case let text as String: return .text(text)
    case let number as Int: return .int(number)
    case let flag as Bool: return .bool(flag)
    case let record as any TemplateRecord where records: return .record(record.templateFields)
    default:
        let encoder = ValueEncoder(records: records)
        try value.encode(to: encoder)
        return encoder.result
    }
}

/// Collects what a value encodes: fields of a record, items of a list, or a single value.
private final class ValueEncoder: Encoder {
    /// Whether nested `TemplateRecord`s give their own fields.
    let records: Bool
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var fields: [String: TemplateValue]?
    var items: [TemplateValue]?
    var single: TemplateValue?

    init(records: Bool) { self.records = records }

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
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { encoder.fields![key.stringValue] = try encoded(value, records: encoder.records) }

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
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.items!.append(try encoded(value, records: encoder.records)) }

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
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.single = try encoded(value, records: encoder.records) }
}
