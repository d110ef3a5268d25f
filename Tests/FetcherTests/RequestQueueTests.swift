import Testing

@testable import Fetcher

/// The fetcher's waiting requests: taken from anywhere, the rest keep their order, through packing and appends.
@Suite struct RequestQueueTests {
    /// The waiting elements, walked as the fetcher walks them.
    static func walk(_ queue: RequestQueue<Int>) -> [Int] {
        var seen: [Int] = []
        var next = queue.first
        while let position = next {
            seen.append(queue[position])
            next = queue.next(after: position)
        }
        return seen
    }

    @Test func takingKeepsTheOthersInOrder() {
        var queue = RequestQueue(Array(0..<3_000))
        var next = queue.first
        // Every third one is not ready and stays; the others start.
        while let position = next {
            next = queue.next(after: position)
            if queue[position] % 3 != 0 { queue.take(at: position) }
        }
        #expect(queue.count == 1_000)
        #expect(Self.walk(queue) == Array(stride(from: 0, to: 3_000, by: 3)))
        queue.append(-1)
        for _ in 0..<900 { queue.take(at: queue.first!) }
        queue.pack()
        #expect(Self.walk(queue) == Array(stride(from: 2_700, to: 3_000, by: 3)) + [-1])
        #expect(queue.elements == Self.walk(queue) && queue.count == 101)
        while let position = queue.first { queue.take(at: position) }
        queue.pack()
        #expect(queue.isEmpty && queue.elements.isEmpty && queue.first == nil)
    }
}
