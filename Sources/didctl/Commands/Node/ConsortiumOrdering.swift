import AsyncHTTPClient
import Chain
import Consortium
import Metrics
import Foundation
import Node
import Primitives

/// Composes `node start --ordering etcd` (`specs/consortium.md`): the chain's log in the etcd
/// cluster, the log cursor in the data directory, and what a divergence does beyond the node
/// itself: a line on standard error, a counter in `GET /metrics`, and `divergence.json` for
/// `didctl chain info`; the peers to catch up from and the log's retention (§3.3), whose
/// notices are lines on standard error.
enum ConsortiumOrdering {
    static func setting(directory: DataDirectory, endpoints: [String], peers: [String], retention: UInt64?,
                        metrics: any MetricsFactory) throws -> LogOrdering {
        let genesis = try directory.genesis()
        let etcd = EtcdClient(endpoints: endpoints, httpClient: .shared)
        var setting = LogOrdering(log: EtcdOrderedLog(etcd: etcd, chainId: genesis.chainId), cursorFile: directory.logCursorURL) { alert in
            FileHandle.standardError.write(Data(("chancery: " + alert.message + "\n").utf8))
            metrics.makeCounter(label: "chancery_consortium_divergence_total",
                                dimensions: [("height", String(alert.height)), ("stopped_signing", String(alert.stoppedSigning))])
                .increment(by: 1)
            directory.record(alert)
        }
        setting.peers = peers.map { PeerBlockSource(url: $0, httpClient: .shared) }
        setting.retention = retention
        setting.onNotice = { FileHandle.standardError.write(Data(("chancery: " + $0 + "\n").utf8)) }
        return setting
    }
}
