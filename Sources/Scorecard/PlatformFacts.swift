import SovereigntyModel

/// What a platform's readable documents establish, gathered once for the grader.
struct PlatformFacts {
    let platform: Platform
    let hosts: [ScoredHost]
    /// Hosts in a role that can hold health data; when no document names the health-data host, every host but a
    /// CDN is presumed to possibly hold it (`healthDataPresumed`).
    let dataHosts: [ScoredHost]
    /// No document names a host for the health data: the conservative reading presumes any named host may hold it.
    let healthDataPresumed: Bool
    /// Hosts established as holding health data: named for it, or named as the certified host.
    let healthHosts: [ScoredHost]
    let hdsStatus: StatusEvidence
    let secNumCloudStatus: StatusEvidence
    let zeroKnowledge: [Evidence]
    let locations: [DataLocation]
    let conflicts: [Conflict]

    init(platform: Platform, read: [DocumentFindings], hosts: [ScoredHost], catalog: ProviderCatalog) {
        self.platform = platform
        self.hosts = hosts
        let presumed = !hosts.isEmpty && !hosts.contains { $0.roles.contains(.healthData) }
        healthDataPresumed = presumed
        dataHosts = hosts.filter { host in host.roles.contains(where: \.carriesHealthData) || (presumed && host.roles != [.cdn]) }
        let mentions = read.flatMap(\.hds)
        let certifiedByPage = Set(mentions.flatMap(\.providerIDs))
        let named = hosts.filter { $0.roles.contains(.healthData) }
        // A public health institution that is every host named hosts itself: its data with the rest.
        let selfHosted = !hosts.isEmpty && hosts.allSatisfy(\.publicInstitution)
        healthHosts =
            !named.isEmpty ? named
            : selfHosted ? hosts
            : Self.certifiedHosts(hosts, certifiedByPage: certifiedByPage)

        let namedMentions = mentions.filter(\.namesHost)
        hdsStatus =
            !namedMentions.isEmpty
            ? StatusEvidence(status: "certified-host-named", evidence: namedMentions.map(\.evidence))
            : !mentions.isEmpty
                ? StatusEvidence(status: "claimed-host-unnamed", evidence: mentions.map(\.evidence))
                : StatusEvidence(status: "none", evidence: [])

        let secMentions = read.flatMap(\.secNumCloud)
        let byKind = { (kind: SecNumCloudMention.Kind) in secMentions.filter { $0.kind == kind }.map(\.evidence) }
        let healthHosts = healthHosts
        if !healthHosts.isEmpty && healthHosts.allSatisfy(\.secNumCloudQualified) {
            secNumCloudStatus = StatusEvidence(
                status: "qualified", evidence: healthHosts.flatMap { $0.evidence.prefix(1) } + byKind(.claimed))
        } else if !byKind(.claimed).isEmpty {
            secNumCloudStatus = StatusEvidence(status: "claimed", evidence: byKind(.claimed))
        } else if !byKind(.inProgress).isEmpty {
            secNumCloudStatus = StatusEvidence(status: "in-progress", evidence: byKind(.inProgress))
        } else {
            secNumCloudStatus = StatusEvidence(status: "none", evidence: byKind(.denied))
        }

        zeroKnowledge = read.flatMap(\.zeroKnowledge)
        locations = Array(Set(read.flatMap { $0.dataLocations.map(\.location) })).sorted()
        conflicts = Self.conflicts(read)
    }

    /// The hosts a page names as HDS-certified, when no document names the health-data host. A certified host named
    /// for something else than the site is the one meant; when the only one is the site's host (the legal notice's
    /// host block, then "X est certifié HDS"), the page means that host. A CDN holds no health data.
    private static func certifiedHosts(_ hosts: [ScoredHost], certifiedByPage: Set<String>) -> [ScoredHost] {
        let certified = hosts.filter { host in host.provider.map(certifiedByPage.contains) == true && !host.roles.contains(.cdn) }
        let notTheSite = certified.filter { !$0.roles.contains(.website) }
        return notTheSite.isEmpty ? certified : notTheSite
    }

    /// Points inside the level's band: what the evidence adds beyond the level's rule.
    var points: Int {
        var points = 0
        if !healthHosts.isEmpty { points += 3 }
        if !dataHosts.isEmpty && dataHosts.allSatisfy(\.hdsCertified) { points += 3 }
        switch hdsStatus.status {
        case "certified-host-named": points += 2
        case "claimed-host-unnamed": points += 1
        default: break
        }
        if locations.contains(.outsideEU) { points -= 3 } else if !locations.isEmpty { points += 3 }
        if !zeroKnowledge.isEmpty { points += 2 }
        if !conflicts.isEmpty { points -= 2 }
        if hosts.contains(where: \.cloudActExposed) { points -= 3 }
        if dataHosts.contains(where: { $0.provider == nil }) { points -= 2 }
        return points
    }

    /// Documents that name different health-data hosts: all are kept, and the disagreement is shown.
    private static func conflicts(_ read: [DocumentFindings]) -> [Conflict] {
        let named = read.map { findings in findings.hosts.filter { $0.roles.contains(.healthData) } }.filter { !$0.isEmpty }
        guard named.count > 1 else { return [] }
        let sets = named.map { Set($0.map(\.identityKey)) }
        guard Set(sets).count > 1 else { return [] }
        let naming = named.map { hosts in
            (url: hosts.first?.evidence.first?.url ?? "", names: hosts.map(\.asWritten).joined(separator: ", "))
        }
        let french = naming.map { "\($0.url) nomme \($0.names)" }.joined(separator: " ; ")
        let english = naming.map { "\($0.url) names \($0.names)" }.joined(separator: "; ")
        return [
            Conflict(
                description: "Les documents ne nomment pas les mêmes hébergeurs de données de santé : \(french).",
                descriptionEn: "The documents do not name the same health-data hosts: \(english).",
                evidence: named.flatMap { $0.flatMap { $0.evidence.prefix(1) } })
        ]
    }
}

extension DocumentStatus {
    init(_ snapshot: DocumentSnapshot) {
        let failure = snapshot.stale?.reason ?? snapshot.failure
        let reading: String =
            switch failure?.reason {
            case nil: "ok"
            case .httpError: "http-error"
            case .needsJavaScript: "needs-javascript"
            case .tooLarge, .emptyBody, .unsupportedContent, .notTheDocument, .archiveDamaged: "unreadable"
            default: "unreachable"
            }
        let status = snapshot.stale != nil ? "stale" : reading
        // A stale document was asked for tonight and read from its kept copy: the two dates differ.
        let attempted = snapshot.stale != nil ? snapshot.stale?.attemptedAt : snapshot.fetch.attemptedAt
        self.init(
            url: snapshot.reference.url, kind: snapshot.reference.kind, status: status, httpStatus: snapshot.fetch.httpStatus,
            contentType: snapshot.fetch.contentType,
            error: snapshot.stale.map { "\($0.reason.message) — last good copy of \(Timestamp.day(snapshot.fetch.fetchedAt)) kept" } ?? failure?.message,
            finalURL: snapshot.fetch.finalURL, redirects: snapshot.fetch.redirects,
            fetchedAt: snapshot.findings == nil ? nil : Timestamp.string(snapshot.fetch.fetchedAt), attemptedAt: attempted.map(Timestamp.string),
            sha256: snapshot.fetch.sha256)
    }
}
