extension CredentialsError.Code {
    /// A challenge store holds as many unanswered challenges as it may; ask again later.
    public static let tooManyChallenges = Self("tooManyChallenges")
}
