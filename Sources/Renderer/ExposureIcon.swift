/// The small pictures drawn beside "exposed" / "not exposed" / "not rated", as SVG path data on a 16 × 16 grid: a
/// warning triangle, a tick in a disc, an empty ring. Shapes differ, not only colours, so the icon reads in grey too;
/// the words beside it always say the same.
enum ExposureIcon {
    static func path(_ state: String) -> String {
        switch state {
        case "yes": "M8 .8 15.6 14.6H.4ZM7.1 5.2h1.8v4.9H7.1ZM7.1 11.2h1.8v1.8H7.1Z"
        case "no": "M8 .5a7.5 7.5 0 1 0 0 15 7.5 7.5 0 1 0 0-15ZM6.8 11.4 3.4 8l1.2-1.2 2.2 2.2 4.6-4.6 1.2 1.2Z"
        default: "M8 .5a7.5 7.5 0 1 0 0 15 7.5 7.5 0 1 0 0-15ZM8 2.6a5.4 5.4 0 1 0 0 10.8A5.4 5.4 0 1 0 8 2.6Z"
        }
    }
}
