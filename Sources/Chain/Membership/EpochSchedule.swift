/// Maps block or clock time to membership epochs, and says which epochs a transaction may use
/// (`specs/chain.md` §2.5 step 5: the current one and the one before).
public struct EpochSchedule: Sendable, Hashable, Codable {
    /// Seconds per epoch (default one day).
    public let epochSeconds: UInt64

    /// Creates a schedule.
    /// - Parameter epochSeconds: at least 1.
    public init(epochSeconds: UInt64 = 86_400) { self.epochSeconds = max(1, epochSeconds) }

    /// The epoch at a time given in milliseconds since 1970.
    public func epoch(atMilliseconds time: UInt64) -> UInt64 { time / 1000 / epochSeconds }

    /// Why a transaction epoch is refused at `time`, or `nil` when it is accepted.
    public func refusal(ofEpoch epoch: UInt64, atMilliseconds time: UInt64) -> ChainError? {
        let current = self.epoch(atMilliseconds: time)
        if epoch > current {
            return ChainError(.futureEpoch, "The one-time key's epoch \(epoch) has not started (current epoch \(current)).")
        }
        if epoch + 1 < current {
            return ChainError(.expiredEpoch, "The one-time key's epoch \(epoch) has expired (current epoch \(current)); get fresh keys.")
        }
        return nil
    }
}
