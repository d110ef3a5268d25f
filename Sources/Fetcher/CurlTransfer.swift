import Crypto
import Foundation
internal import CCurl
import SovereigntyModel

/// One URL's easy handle and everything its callbacks collect. Owned by the driver thread only.
final class CurlTransfer {
    let index: Int
    let url: String
    let host: String
    let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let maximumBodyBytes: Int
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var resolveList: UnsafeMutablePointer<curl_slist>?
    private(set) var body = Data()
    private(set) var bodyTooLarge = false
    /// Status and `Location` of every response in the redirect chain, in order.
    private(set) var responses: [(status: Int, location: String?)] = []
    let startedAt: Date
    /// Which attempt this is, from 1.
    let attempt: Int
    /// The URL asked for loopback itself; only then may the transfer connect to a loopback address.
    private let urlIsLoopback: Bool
    /// Why the address policy refused to connect, when it did.
    private(set) var refusedAddress: String?
    /// Headers of the latest response in the redirect chain, names in lower case.
    private(set) var headers: [String: String] = [:]

    init?(index: Int, url: String, attempt: Int = 1, validators: Fetcher.Validators? = nil, configuration: FetchConfiguration) {
        guard let handle = curl_easy_init() else { return nil }
        self.index = index
        self.url = url
        self.attempt = attempt
        let host = URL(string: url)?.host?.lowercased() ?? ""
        self.host = host
        self.urlIsLoopback = AddressPolicy.isLoopbackHost(host)
            || configuration.resolve.contains { entry in
                let parts = entry.split(separator: ":", maxSplits: 2).map(String.init)
                return parts.count == 3 && parts[0].lowercased() == host && AddressPolicy.isLoopbackHost(parts[2])
            }
        self.handle = handle
        self.maximumBodyBytes = configuration.maximumBodyBytes
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        self.errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        self.startedAt = configuration.clock()
        configure(configuration)
        if let etag = validators?.etag { headerList = curl_slist_append(headerList, "If-None-Match: \(etag)") }
        if let date = validators?.lastModified { headerList = curl_slist_append(headerList, "If-Modified-Since: \(date)") }
        if validators != nil { sov_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList) }
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        curl_slist_free_all(resolveList)
        errorBuffer.deallocate()
    }

    private func configure(_ configuration: FetchConfiguration) {
        sov_easy_setopt_string(handle, CURLOPT_URL, url)
        sov_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        sov_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        sov_easy_setopt_long(handle, CURLOPT_FAILONERROR, 0)
        sov_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        sov_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        sov_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        sov_easy_setopt_long(handle, CURLOPT_MAXREDIRS, configuration.maximumRedirects)
        sov_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        sov_easy_setopt_string(handle, CURLOPT_USERAGENT, configuration.userAgent)
        sov_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, configuration.connectTimeoutSeconds)
        sov_easy_setopt_long(handle, CURLOPT_TIMEOUT, configuration.transferTimeoutSeconds)
        sov_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, configuration.lowSpeedBytesPerSecond)
        sov_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, configuration.lowSpeedSeconds)
        sov_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maximumBodyBytes))
        sov_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        sov_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        headerList = curl_slist_append(headerList, "Accept: text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5")
        headerList = curl_slist_append(headerList, "Accept-Language: fr-FR,fr;q=0.9,en;q=0.5")
        sov_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
        if !configuration.resolve.isEmpty {
            for entry in configuration.resolve { resolveList = curl_slist_append(resolveList, entry) }
            sov_easy_setopt_slist(handle, CURLOPT_RESOLVE, resolveList)
        }

        let me = Unmanaged.passUnretained(self).toOpaque()
        sov_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, me)
        sov_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
        }
        sov_easy_setopt_pointer(handle, CURLOPT_OPENSOCKETDATA, me)
        sov_easy_setopt_opensocket(handle) { context, _, address in
            guard let context, let address else { return sov_bad_socket() }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.openSocket(address)
        }
        sov_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, me)
        sov_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }
    }

    /// The address check happens here, before any packet is sent: curl asks us for the socket it will connect.
    private func openSocket(_ address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = Int(sov_sockaddr_bytes(address, &bytes))
        switch AddressPolicy.decide(address: Array(bytes.prefix(count)), urlIsLoopback: urlIsLoopback) {
        case .allow:
            return sov_open_socket(address)
        case .refuse(let reason):
            refusedAddress = reason
            return sov_bad_socket()
        }
    }

    private func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard body.count + bytes.count <= maximumBodyBytes else {
            bodyTooLarge = true
            return 0  // aborts the transfer with CURLE_WRITE_ERROR
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    private func receiveHeader(_ bytes: UnsafeRawBufferPointer) {
        let line = HeaderText.trimmed(String(decoding: bytes, as: UTF8.self), .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ")
            let status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            responses.append((status, nil))
            headers = [:]
        } else if let colon = line.firstIndex(of: ":"), !responses.isEmpty {
            let name = HeaderText.trimmed(line[..<colon], .whitespaces).lowercased()
            let value = HeaderText.trimmed(line[line.index(after: colon)...], .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
            if name == "location" { responses[responses.count - 1].location = value }
        }
    }

    /// The record of the finished transfer, given libcurl's result code.
    func record(result: CURLcode) -> FetchRecord {
        let finalURL = stringInfo(CURLINFO_EFFECTIVE_URL) ?? url
        var status: Int = 0
        sov_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        let contentType = stringInfo(CURLINFO_CONTENT_TYPE)
        var record = FetchRecord(
            requestedURL: url, finalURL: finalURL, redirects: redirectChain(finalURL: finalURL),
            httpStatus: status > 0 ? status : nil, contentType: contentType, charset: contentType.flatMap(Self.charset),
            primaryIP: stringInfo(CURLINFO_PRIMARY_IP).flatMap { $0.isEmpty ? nil : $0 }, fetchedAt: startedAt)
        record.headers = headers
        record.attempts = attempt
        var downloaded: curl_off_t = 0
        var headerBytes: Int = 0
        var total: curl_off_t = 0
        sov_easy_getinfo_off_t(handle, CURLINFO_SIZE_DOWNLOAD_T, &downloaded)
        sov_easy_getinfo_long(handle, CURLINFO_HEADER_SIZE, &headerBytes)
        sov_easy_getinfo_off_t(handle, CURLINFO_TOTAL_TIME_T, &total)
        record.bytesReceived = Int(downloaded) + headerBytes
        record.duration = Double(total) / 1_000_000
        if let failure = failure(result: result, status: status) {
            record.failure = failure
            return record
        }
        record.body = body
        record.sha256 = Hex.string(SHA256.hash(data: body))
        // 304: unchanged since the archived copy, which the archive supplies.
        if body.isEmpty && status != 304 {
            record.failure = FetchFailure(reason: .emptyBody, message: "the server answered \(status) with an empty body")
        }
        return record
    }

    private func redirectChain(finalURL: String) -> [String] {
        guard responses.count > 1 else { return [] }
        var chain = [url]
        var current = URL(string: url)
        for response in responses.dropLast() {
            guard let location = response.location, let next = URL(string: location, relativeTo: current)?.absoluteURL else { break }
            chain.append(next.absoluteString)
            current = next
        }
        if chain.last == finalURL { chain.removeLast() }
        return chain
    }

    private func failure(result: CURLcode, status: Int) -> FetchFailure? {
        if result == CURLE_OK {
            guard (200..<300).contains(status) || status == 304 else {
                return FetchFailure(reason: .httpError, message: "HTTP \(status) from \(url)")
            }
            return nil
        }
        if let refusedAddress {
            return FetchFailure(reason: .forbiddenAddress, message: "refused to connect: \(refusedAddress)")
        }
        let detail = String(cString: errorBuffer)
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(result)) : detail
        let reason: FetchFailure.Reason
        switch result {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: reason = .dns
        case CURLE_COULDNT_CONNECT: reason = .refused
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE: reason = .connectionLost
        case CURLE_OPERATION_TIMEDOUT: reason = .timeout
        case CURLE_TOO_MANY_REDIRECTS: reason = .tooManyRedirects
        case CURLE_UNSUPPORTED_PROTOCOL: reason = .forbiddenProtocol
        case CURLE_URL_MALFORMAT: reason = .invalidURL
        case CURLE_FILESIZE_EXCEEDED: reason = .tooLarge
        case CURLE_WRITE_ERROR where bodyTooLarge: reason = .tooLarge
        // libcurl refuses a response header past its limit (100 KB a line, 300 KB in all) as "out of memory"; with no
        // body received yet that is what it means.
        case CURLE_OUT_OF_MEMORY where body.isEmpty: reason = .tooLarge
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            reason = .tls
        default: reason = .network
        }
        let message =
            switch reason {
            case .tooLarge where result == CURLE_OUT_OF_MEMORY: "response header too large (libcurl: \(text))"
            case .tooLarge: "the body is larger than the \(maximumBodyBytes)-byte limit"
            case .dns: "host name not found (\(text))"
            case .refused: "connection failed (\(text))"
            case .timeout: "timed out (\(text))"
            case .connectionLost: "the connection broke off (\(text))"
            case .tooManyRedirects: "too many redirects (\(text))"
            case .forbiddenProtocol: "only http and https are allowed (\(text))"
            case .tls: "TLS error (\(text))"
            default: text
            }
        return FetchFailure(reason: reason, message: message)
    }

    private func stringInfo(_ info: CURLINFO) -> String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard sov_easy_getinfo_string(handle, info, &pointer) == CURLE_OK, let pointer else { return nil }
        return String(cString: pointer)
    }

    /// The `charset` parameter of a Content-Type value.
    static func charset(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }
}
