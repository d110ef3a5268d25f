import Foundation

/// A first-in first-out queue between threads that holds at most `capacity` items: `put` waits while it is full,
/// which holds a fast producer (the fetcher) back to the pace of its consumers, so that what waits stays bounded.
final class BoundedQueue<Item>: @unchecked Sendable {
    private let capacity: Int
    private let condition = NSCondition()
    private var items: [Item?] = []  // taken items are cleared at once: a body is not kept past its turn
    private var head = 0
    private var closed = false

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    func put(_ item: Item) {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !closed { condition.wait() }
        items.append(item)
        condition.broadcast()
    }

    /// The next item, waiting for one; nil once the queue is closed and empty.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        items[head] = nil
        head += 1
        if head > 256 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item!
    }

    /// No more items will come: consumers drain what is left, then `take` returns nil.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
