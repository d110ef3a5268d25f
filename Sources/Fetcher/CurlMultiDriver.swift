import Foundation
internal import CCurl
import SovereigntyModel

/// Runs a batch of transfers through one curl multi handle: at most `concurrency` at once, at most
/// `perHostConcurrency` to one host name, `perHostDelay` between two starts on a host, and retries with
/// exponential backoff (or the server's `Retry-After`) for timeouts, broken connections, 429 and 5xx. A stub page
/// that refreshes to its own site is followed once, under the same rules (`RefreshHop`).
struct CurlMultiDriver {
    let configuration: FetchConfiguration
    var validators: [String: Fetcher.Validators] = [:]
    /// Why robots.txt forbids an address a meta refresh leads to, or nil when it allows it (or was not read).
    var robotsRefusal: (@Sendable (String) -> FetchFailure?)? = nil
    /// Receives each final record at once; the batch's result then keeps the records without their bodies.
    var each: (@Sendable (FetchRecord) -> Void)? = nil

    private struct Request {
        var index: Int
        var url: String
        var host: String
        var attempt: Int
        var notBefore: Date
        /// The stub page whose meta refresh led here, which the record of this request takes the place of.
        var refreshedFrom: FetchRecord?
    }

    func run(_ urls: [String]) -> [FetchRecord] {
        CurlGlobal.ensureInitialised()
        var records = [FetchRecord?](repeating: nil, count: urls.count)
        guard let multi = curl_multi_init() else {
            let records = urls.map { unstarted($0, "libcurl could not create a multi handle") }
            records.forEach { each?($0) }
            return records
        }
        defer { curl_multi_cleanup(multi) }

        let start = Date()
        var pending = RequestQueue(urls.enumerated().map { index, url in
            Request(index: index, url: url, host: URL(string: url)?.host?.lowercased() ?? "", attempt: 1, notBefore: start)
        })
        var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        var refreshedFrom: [ObjectIdentifier: FetchRecord] = [:]
        var perHost: [String: Int] = [:]
        var lastStart: [String: Date] = [:]
        var finished = 0
        var failedCount = 0

        while true {
            let now = Date()
            pending.pack()
            var next = pending.first
            while active.count < configuration.concurrency, let position = next {
                let request = pending[position]
                next = pending.next(after: position)
                guard isReady(request, now: now, perHost: perHost, lastStart: lastStart) else { continue }
                pending.take(at: position)
                guard
                    let transfer = CurlTransfer(
                        index: request.index, url: request.url, attempt: request.attempt,
                        validators: request.refreshedFrom == nil ? validators[request.url] : nil,
                        configuration: configuration)
                else {
                    records[request.index] = unstarted(request.url, "libcurl could not create a handle")
                    each?(records[request.index]!)
                    continue
                }
                curl_multi_add_handle(multi, transfer.handle)
                active[transfer.handle] = transfer
                if let stub = request.refreshedFrom { refreshedFrom[ObjectIdentifier(transfer)] = stub }
                perHost[request.host, default: 0] += 1
                lastStart[request.host] = now
            }
            if active.isEmpty && pending.isEmpty { break }

            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            var remaining: Int32 = 0
            var completed = 0
            while let message = curl_multi_info_read(multi, &remaining) {
                guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                    let transfer = active.removeValue(forKey: handle)
                else { continue }
                completed += 1
                var record = transfer.record(result: sov_multi_message_result(message))
                curl_multi_remove_handle(multi, handle)
                perHost[transfer.host, default: 1] -= 1
                let stub = refreshedFrom.removeValue(forKey: ObjectIdentifier(transfer))
                if let delay = retryDelay(record, attempt: transfer.attempt) {
                    pending.append(
                        Request(
                            index: transfer.index, url: transfer.url, host: transfer.host, attempt: transfer.attempt + 1,
                            notBefore: Date().addingTimeInterval(delay), refreshedFrom: stub))
                    continue
                }
                // A stub page that refreshes to the same site is fetched once more, at the address it names.
                switch RefreshHop.decide(record, followed: stub != nil) {
                case .keep: break
                case .refuse(let failure): record.failure = failure
                case .follow(let target):
                    if let refused = robotsRefusal?(target) {
                        record.failure = FetchFailure(
                            reason: refused.reason, message: "\(refused.message) (the page's meta refresh leads to \(target))")
                        break
                    }
                    pending.append(
                        Request(
                            index: transfer.index, url: target, host: URL(string: target)?.host?.lowercased() ?? "", attempt: 1,
                            notBefore: Date(), refreshedFrom: record))
                    continue
                }
                if let stub { record = RefreshHop.merge(stub: stub, target: record) }
                if let each {
                    each(record)
                    records[transfer.index] = record.withoutBody
                } else {
                    records[transfer.index] = record
                }
                finished += 1
                if record.failure != nil { failedCount += 1 }
                configuration.progress?(
                    FetchProgress(done: finished, total: urls.count, failed: failedCount, elapsed: Date().timeIntervalSince(start)))
            }
            // A transfer just ended: start the next one at once rather than wait for the others' sockets.
            if completed == 0 || pending.isEmpty {
                curl_multi_poll(multi, nil, 0, pollTimeout(pending: pending, lastStart: lastStart, idle: active.isEmpty), nil)
            }
        }
        return records.enumerated().map { index, record in
            if let record { return record }
            let missing = unstarted(urls[index], "the transfer did not run")
            each?(missing)
            return missing
        }
    }

    private func isReady(_ request: Request, now: Date, perHost: [String: Int], lastStart: [String: Date]) -> Bool {
        guard request.notBefore <= now, perHost[request.host, default: 0] < configuration.perHostConcurrency else { return false }
        guard let last = lastStart[request.host] else { return true }
        return now.timeIntervalSince(last) >= configuration.perHostDelay
    }

    /// How long to wait for activity: short while transfers run, until the next request is due when idle.
    private func pollTimeout(pending: RequestQueue<Request>, lastStart: [String: Date], idle: Bool) -> Int32 {
        guard idle else { return 100 }
        let now = Date()
        let due = pending.elements.map { request in
            max(request.notBefore, (lastStart[request.host] ?? .distantPast).addingTimeInterval(configuration.perHostDelay))
        }.min() ?? now
        return Int32(min(1000, max(5, due.timeIntervalSince(now) * 1000)))
    }

    /// Seconds before trying again, or nil when the failure is final (or there are no attempts left).
    func retryDelay(_ record: FetchRecord, attempt: Int) -> Double? {
        guard attempt < configuration.maximumAttempts, let failure = record.failure else { return nil }
        let retryable: Bool =
            switch failure.reason {
            case .timeout, .connectionLost: true
            case .httpError: record.httpStatus == 429 || (500...599).contains(record.httpStatus ?? 0)
            default: false
            }
        guard retryable else { return nil }
        let backoff = configuration.retryBaseDelay * pow(2, Double(attempt - 1))
        let jitter = Double.random(in: 0...(configuration.retryBaseDelay / 2))
        let asked = record.headers["retry-after"].flatMap { RetryAfter.seconds($0) }.map { min($0, configuration.maximumRetryAfter) }
        return max(backoff + jitter, asked ?? 0)
    }

    func unstarted(_ url: String, _ message: String) -> FetchRecord {
        FetchRecord(
            requestedURL: url, finalURL: url, fetchedAt: configuration.clock(), failure: FetchFailure(reason: .network, message: message))
    }
}

/// The `Retry-After` header: seconds, or an HTTP date.
enum RetryAfter {
    static func seconds(_ value: String, now: Date = Date()) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
