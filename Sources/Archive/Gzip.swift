import Foundation
internal import CZlib

/// One gzip member at a time: WARC files are gzip members laid end to end, so each record can be read alone.
public enum Gzip {
    /// zlib's status, in words: the message ends up in errors that name a damaged WARC record.
    public enum Failure: Error, CustomStringConvertible {
        case zlib(Int32)
        /// The member ends before its deflate stream does: a truncated file.
        case truncated

        public var description: String {
            switch self {
            case .truncated: "the gzip member ends early (truncated)"
            case .zlib(Z_DATA_ERROR): "the gzip member is corrupt (zlib: data error or checksum mismatch)"
            case .zlib(Z_MEM_ERROR): "zlib ran out of memory"
            case .zlib(let status): "zlib error \(status)"
            }
        }
    }

    /// One gzip member of `data`, the same bytes every time (no name, no date in its header). Level 6 unless told:
    /// 9 pays only for a large block of text written once.
    public static func compress(_ data: Data, level: Int32 = 6) throws -> Data {
        var stream = z_stream()
        guard sov_deflate_init_gzip(&stream, level) == Z_OK else { throw Failure.zlib(Z_STREAM_ERROR) }
        defer { deflateEnd(&stream) }
        return try deflateAll(&stream, data)
    }

    /// Runs a deflate stream, set up by the caller, over the whole of `data`.
    static func deflateAll(_ stream: inout z_stream, _ data: Data) throws -> Data {
        var output = Data(count: Int(deflateBound(&stream, uLong(data.count))) + 32)
        let count = try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> Int in
            try output.withUnsafeMutableBytes { (out: UnsafeMutableRawBufferPointer) -> Int in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                let status = deflate(&stream, Z_FINISH)
                guard status == Z_STREAM_END else { throw Failure.zlib(status) }
                return Int(stream.total_out)
            }
        }
        return output.prefix(count)
    }

    /// `source` as one gzip member written to `destination`, a megabyte at a time (the same bytes every time): the
    /// published index export is a database file that compresses about twelve times.
    public static func compress(file source: URL, to destination: URL) throws {
        guard let input = InputStream(url: source) else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: source.path]) }
        guard FileManager.default.createFile(atPath: destination.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
        }
        let output = try FileHandle(forWritingTo: destination)
        defer { try? output.close() }
        input.open()
        defer { input.close() }
        var stream = z_stream()
        guard sov_deflate_init_gzip(&stream, 6) == Z_OK else { throw Failure.zlib(Z_STREAM_ERROR) }
        defer { deflateEnd(&stream) }
        let chunk = 1 << 20
        var inBuffer = [UInt8](repeating: 0, count: chunk)
        var outBuffer = [UInt8](repeating: 0, count: chunk)
        var finished = false
        while !finished {
            let read = input.read(&inBuffer, maxLength: chunk)
            if read < 0 { throw input.streamError ?? CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: source.path]) }
            let flush = read == 0 ? Z_FINISH : Z_NO_FLUSH
            try inBuffer.withUnsafeMutableBufferPointer { inPointer in
                stream.next_in = inPointer.baseAddress
                stream.avail_in = uInt(read)
                repeat {
                    let status = outBuffer.withUnsafeMutableBufferPointer { outPointer -> Int32 in
                        stream.next_out = outPointer.baseAddress
                        stream.avail_out = uInt(chunk)
                        return deflate(&stream, flush)
                    }
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else { throw Failure.zlib(status) }
                    try output.write(contentsOf: outBuffer[0..<(chunk - Int(stream.avail_out))])
                    if status == Z_STREAM_END { finished = true }
                } while stream.avail_out == 0 && !finished
            }
        }
    }

    /// The content of one gzip member.
    public static func decompress(_ data: Data) throws -> Data {
        var stream = z_stream()
        guard sov_inflate_init_gzip(&stream) == Z_OK else { throw Failure.zlib(Z_STREAM_ERROR) }
        defer { inflateEnd(&stream) }
        return try inflateAll(&stream, data)
    }

    /// Runs an inflate stream, set up by the caller, over `data` to the end of its stream.
    static func inflateAll(_ stream: inout z_stream, _ data: Data) throws -> Data {
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let status = chunk.withUnsafeMutableBytes { buffer -> Int32 in
                    stream.next_out = buffer.bindMemory(to: Bytef.self).baseAddress
                    stream.avail_out = uInt(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                if status == Z_STREAM_END { break }
                // All input used and no end of stream: the member was cut short.
                if status == Z_BUF_ERROR { throw Failure.truncated }
                guard status == Z_OK else { throw Failure.zlib(status) }
            }
        }
        return output
    }
}

/// Deflate against a dictionary: a text compressed as what changed since another text (the dictionary), which the
/// reader must give back. A platform's scorecard differs from its previous one by a few dates on most nights: about
/// 90 bytes instead of 1.4 KB gzipped.
public enum DeltaDeflate {
    public static func compress(_ data: Data, against dictionary: Data) throws -> Data {
        var stream = z_stream()
        guard sov_deflate_init_raw(&stream, 6) == Z_OK else { throw Gzip.Failure.zlib(Z_STREAM_ERROR) }
        defer { deflateEnd(&stream) }
        let set = dictionary.withUnsafeBytes { bytes in
            deflateSetDictionary(&stream, bytes.bindMemory(to: Bytef.self).baseAddress, uInt(bytes.count))
        }
        guard set == Z_OK else { throw Gzip.Failure.zlib(set) }
        return try Gzip.deflateAll(&stream, data)
    }

    public static func decompress(_ data: Data, against dictionary: Data) throws -> Data {
        var stream = z_stream()
        guard sov_inflate_init_raw(&stream) == Z_OK else { throw Gzip.Failure.zlib(Z_STREAM_ERROR) }
        defer { inflateEnd(&stream) }
        let set = dictionary.withUnsafeBytes { bytes in
            inflateSetDictionary(&stream, bytes.bindMemory(to: Bytef.self).baseAddress, uInt(bytes.count))
        }
        guard set == Z_OK else { throw Gzip.Failure.zlib(set) }
        return try Gzip.inflateAll(&stream, data)
    }
}
