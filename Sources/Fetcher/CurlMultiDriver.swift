import Foundation
internal import CCurl
import SovereigntyModel

/// Runs a batch of transfers through one curl multi handle: at most `concurrency` at once,
/// and at most `perHostConcurrency` to one host name.
struct CurlMultiDriver {
    let configuration: FetchConfiguration

    func run(_ urls: [String]) -> [FetchRecord] {
        CurlGlobal.ensureInitialised()
        var records = [FetchRecord?](repeating: nil, count: urls.count)
        guard let multi = curl_multi_init() else {
            return urls.map { Self.unstarted($0, "libcurl could not create a multi handle") }
        }
        defer { curl_multi_cleanup(multi) }

        var pending = Array(urls.enumerated())
        var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        var perHost: [String: Int] = [:]

        while true {
            startTransfers(multi: multi, pending: &pending, active: &active, perHost: &perHost, records: &records)
            if active.isEmpty && pending.isEmpty { break }

            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            var remaining: Int32 = 0
            while let message = curl_multi_info_read(multi, &remaining) {
                guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                    let transfer = active.removeValue(forKey: handle)
                else { continue }
                let result = sov_multi_message_result(message)
                records[transfer.index] = transfer.record(result: result)
                curl_multi_remove_handle(multi, handle)
                perHost[transfer.host, default: 1] -= 1
            }
            if !active.isEmpty {
                curl_multi_poll(multi, nil, 0, 200, nil)
            }
        }
        return records.enumerated().map { index, record in record ?? Self.unstarted(urls[index], "the transfer did not run") }
    }

    private func startTransfers(
        multi: UnsafeMutableRawPointer, pending: inout [(offset: Int, element: String)],
        active: inout [UnsafeMutableRawPointer: CurlTransfer], perHost: inout [String: Int], records: inout [FetchRecord?]
    ) {
        var index = 0
        while active.count < configuration.concurrency, index < pending.count {
            let (position, url) = pending[index]
            let host = URL(string: url)?.host?.lowercased() ?? ""
            guard perHost[host, default: 0] < configuration.perHostConcurrency else {
                index += 1
                continue
            }
            pending.remove(at: index)
            guard let transfer = CurlTransfer(index: position, url: url, configuration: configuration) else {
                records[position] = Self.unstarted(url, "libcurl could not create a handle")
                continue
            }
            curl_multi_add_handle(multi, transfer.handle)
            active[transfer.handle] = transfer
            perHost[host, default: 0] += 1
        }
    }

    private static func unstarted(_ url: String, _ message: String) -> FetchRecord {
        FetchRecord(
            requestedURL: url, finalURL: url, fetchedAt: Date(), failure: FetchFailure(reason: .network, message: message))
    }
}
