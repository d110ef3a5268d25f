import Archive
import Foundation
import History
import Renderer

/// What a crawl has of the runs before tonight's: the state kept after the last of them, whose platforms' parts are
/// still to be read (one at a time, with tonight's), or the history read from the archive.
enum EarlierHistory: Sendable {
    case kept(HistoryCheckpoint.Kept)
    case read(SiteHistory.Builder)
}

extension CrawlPipeline {
    /// The history of the finished runs up to `runID` (every finished run when nil), one scorecard at a time: the
    /// history keeps each platform's change points, never every run. `report` reads it so, from the archive alone.
    func readHistory(archive: Archive, upTo runID: Int64? = nil) throws(PipelineError) -> SiteHistory.Builder {
        do {
            return try history(of: archive.runs().filter { run in runID.map { run.id! <= $0 } ?? true }, from: archive)
        } catch {
            throw PipelineError(step: .render, url: options.archiveDirectory.path, message: "cannot read the archived runs: \(error)")
        }
    }

    /// The crawl's history of the runs before `runID`: the state `checkpoint` kept, and the runs since it when there
    /// are any; every run when no kept state fits.
    func earlierHistory(archive: Archive, before runID: Int64, checkpoint: HistoryCheckpoint) throws(PipelineError) -> EarlierHistory {
        do {
            let runs = try archive.runs().filter { $0.id! < runID }
            guard let kept = checkpoint.open(confirmRuns: options.confirmRuns, runs: runs) else { return .read(try history(of: runs, from: archive)) }
            let later = runs.dropFirst(kept.runsRead)
            log("history: went on from the state kept after run \(kept.lastRunID ?? 0), reading \(later.count) later runs")
            guard !later.isEmpty else { return .kept(kept) }
            var history: SiteHistory.Builder
            do { history = try kept.all() } catch {
                log.warning(Self.damagedState(checkpoint, error))
                return .read(try self.history(of: runs, from: archive))
            }
            try read(later, into: &history, from: archive)
            return .read(history)
        } catch {
            throw PipelineError(step: .render, url: options.archiveDirectory.path, message: "cannot read the archived runs: \(error)")
        }
    }

    /// The history of `runs` (oldest first), from the archive alone.
    private func history(of runs: some Collection<RunRow>, from archive: Archive) throws -> SiteHistory.Builder {
        var history = SiteHistory.Builder(confirmRuns: options.confirmRuns)
        try read(runs, into: &history, from: archive)
        return history
    }

    /// Adds `runs` (oldest first) to `history`, each run's scorecards decoded a few hundred at a time on every core,
    /// then read in order.
    private func read(_ runs: some Collection<RunRow>, into history: inout SiteHistory.Builder, from archive: Archive) throws {
        for run in runs {
            history.begin(runID: run.id!, date: run.startedAt)
            var rows: [ScorecardRow] = []
            func decode() {
                let decoded = rows.concurrentMap { row in Result { try PlatformSnapshot.decode(json: row.json) } }
                for (row, snapshot) in zip(rows, decoded) { add(snapshot, of: row.platformId, run: run.id!, to: &history) }
                rows = []
            }
            try archive.forEachScorecard(ofRun: run.id!) { row in
                rows.append(row)
                if rows.count == 256 { decode() }
            }
            decode()
        }
    }

    /// The history up to tonight's run: the earlier runs' as read meanwhile, then tonight's scorecards from their JSON
    /// as kept, decoded a few hundred at a time on every core. A kept state that turns out damaged half-way is let go
    /// of, and every earlier run read from the archive instead.
    func siteHistory(
        earlier: Prefetch<EarlierHistory>, tonight: RunJSON, runID: Int64, archive: Archive, checkpoint: HistoryCheckpoint
    ) throws(PipelineError) -> SiteHistory {
        let failure = { (error: any Error) in
            PipelineError(step: .render, url: options.archiveDirectory.path, message: "cannot read the archived runs: \(error)")
        }
        var state: EarlierHistory?
        let runs: [RunRow]
        do {
            state = try earlier.value()
            runs = try archive.runs().filter { $0.id! <= runID }
            guard let run = runs.last, run.id == runID else { throw ArchiveError.noRun("\(runID)") }
        } catch let error as PipelineError {
            throw error
        } catch {
            throw failure(error)
        }
        do {
            // Handed over, not copied: the builder is changed in place.
            return try bringUp(state.take()!, to: tonight, runs: runs, checkpoint: checkpoint)
        } catch {
            log.warning(Self.damagedState(checkpoint, error))
            do {
                return try bringUp(.read(readHistory(archive: archive, upTo: runID - 1)), to: tonight, runs: runs, checkpoint: checkpoint)
            } catch let error as PipelineError {
                throw error
            } catch {
                throw failure(error)
            }
        }
    }

    /// Platforms' kept lines, encoded on every core. Its own function, so that the copy of the builder the encoding
    /// reads is let go before its trackers are (letting them go from a shared builder would copy them all).
    private static func lines(of ids: [String], in history: SiteHistory.Builder) -> [Result<Data, any Error>] {
        ids.concurrentMap { id in Result { try history.platformLine(id) } }
    }

    static func damagedState(_ checkpoint: HistoryCheckpoint, _ error: any Error) -> String {
        "[history] \(checkpoint.platformsFile.path): \(error); every earlier run is read from the archive instead"
    }

    /// Adds tonight's run (the last of `runs`) to the earlier history, platform by platform in id order: each
    /// platform's earlier part (read from the kept state, or held) is brought up to tonight, kept in the new state,
    /// and its trackers let go, since the pages need only its change points.
    /// - Throws: only when the kept state does not read back.
    private func bringUp(
        _ earlier: consuming EarlierHistory, to tonight: RunJSON, runs: [RunRow], checkpoint: HistoryCheckpoint
    ) throws -> SiteHistory {
        var history: SiteHistory.Builder
        var kept: HistoryCheckpoint.Kept?
        switch consume earlier {
        case .read(let read): history = read
        case .kept(let state): (history, kept) = (state.takeBuilder(), state)
        }
        let tonightRun = runs.last!
        history.begin(runID: tonightRun.id!, date: tonightRun.startedAt)
        var held = kept == nil ? history.platformIDs[...] : []
        // A state that cannot be kept costs the next crawl more runs to read (those since the state kept before),
        // never tonight's site.
        var writer: HistoryCheckpoint.Writer?
        func giveUpKeeping(_ error: any Error) {
            writer?.abandon()
            writer = nil
            log.warning("[history] cannot keep the history's state in \(checkpoint.platformsFile.path) (\(error)); the next crawl reads more runs")
        }
        do { writer = try HistoryCheckpoint.Writer(checkpoint, confirmRuns: options.confirmRuns, runs: runs) } catch { giveUpKeeping(error) }
        defer { writer?.abandon() }
        // Platforms brought up to tonight, kept a few hundred at a time: their lines encoded on every core, written
        // in order, then their trackers let go.
        var settled: [String] = []
        func settle(_ id: String) {
            settled.append(id)
            if settled.count == 256 { keepSettled() }
        }
        func keepSettled() {
            if let current = writer {
                do {
                    for line in Self.lines(of: settled.filter(history.hasPart), in: history) { try current.write(platformLine: line.get()) }
                } catch { giveUpKeeping(error) }
            }
            for id in settled { history.forgetTrackers(of: id) }
            settled = []
        }
        func take(_ id: String) throws {
            if let kept { try kept.restoreNext(into: &history) } else { held.removeFirst() }
        }
        /// Settles the earlier parts that come before `id` (every one left when nil), and takes the one of `id`.
        func earlierParts(upTo id: String?) throws {
            while let next = try kept?.nextID() ?? held.first {
                if let id, !SiteHistory.Builder.precedes(next, id) {
                    if next == id { try take(next) }
                    return
                }
                try take(next)
                settle(next)
            }
        }
        let order = tonight.idOrder
        for start in stride(from: 0, to: order.count, by: 256) {
            let rows = Array(order[start..<min(start + 256, order.count)])
            let decoded = rows.concurrentMap { row in Result { try PlatformSnapshot.decode(json: tonight.json(row)) } }
            for (row, snapshot) in zip(rows, decoded) {
                let id = tonight.ids[row]
                try earlierParts(upTo: id)
                add(snapshot, of: id, run: tonightRun.id!, to: &history)
                settle(id)
            }
        }
        try earlierParts(upTo: nil)
        keepSettled()
        if let current = writer {
            do {
                try current.finish(runWideLine: history.runWideLine())
                writer = nil
            } catch { giveUpKeeping(error) }
        }
        return history.history()
    }

    /// Adds a platform's scorecard to the history; one that cannot be read back is logged and left out.
    private func add(
        _ decoded: Result<PlatformSnapshot, any Error>, of platformID: String, run runID: Int64, to history: inout SiteHistory.Builder
    ) {
        switch decoded {
        case .success(let snapshot): history.add(snapshot)
        case .failure(let error):
            log("run \(runID): scorecard of \(platformID) cannot be read back (\(error)); left out of the history")
        }
    }
}
