/// Requests waiting to start, in order, where taking one from anywhere costs nothing: a run of 10 000 URLs took most
/// from the front of an array, which moved every request behind it each time (a fifth of the fetching thread's time).
/// A taken slot is left empty and skipped; `pack()` drops the empty slots in front once they are most of them.
struct RequestQueue<Element> {
    private var slots: [Element?]
    /// Slots before this one are all empty.
    private var head = 0
    private(set) var count: Int

    init(_ elements: [Element]) {
        slots = elements
        count = elements.count
    }

    var isEmpty: Bool { count == 0 }

    /// The waiting requests, in order.
    var elements: [Element] { slots[head...].compactMap { $0 } }

    mutating func append(_ element: Element) {
        slots.append(element)
        count += 1
    }

    /// The position of the first waiting request, nil when none waits.
    var first: Int? { next(from: head) }

    /// The position of the next waiting request after one.
    func next(after position: Int) -> Int? { next(from: position + 1) }

    private func next(from position: Int) -> Int? {
        var position = position
        while position < slots.count {
            if slots[position] != nil { return position }
            position += 1
        }
        return nil
    }

    subscript(position: Int) -> Element { slots[position]! }

    /// Takes the request at a position; positions stay valid until `pack()`.
    mutating func take(at position: Int) {
        guard slots[position] != nil else { return }
        slots[position] = nil
        count -= 1
        while head < slots.count, slots[head] == nil { head += 1 }
    }

    /// Drops the empty slots in front when they are most of the array (positions change).
    mutating func pack() {
        guard head > 1_024, head * 2 > slots.count else { return }
        slots.removeFirst(head)
        head = 0
    }
}
