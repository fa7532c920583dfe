public import Chain

/// The credential ledger's transaction handlers, for a node's registry (`specs/credentials.md` §5).
///
/// ```swift
/// var registry = TransactionHandlerRegistry.chainDefaults()
/// for handler in DIDOperationHandler.all() + CredentialHandlers.all() { registry.register(handler) }
/// registry.register(GovernanceHandler(additional: [IssuerRegistryExecutor()]))
/// ```
public enum CredentialHandlers {
    /// `cpt.register`, `issuer.apply`, `status.update`, `evidence.anchor`, `authz.grant` and
    /// `authz.revoke`. The issuer-registry actions go through ``IssuerRegistryExecutor``.
    /// - Returns: one handler per type.
    public static func all() -> [any TransactionHandler] {
        [CPTRegisterHandler(), IssuerApplyHandler(), StatusUpdateHandler(), EvidenceAnchorHandler(),
         AuthorizationGrantHandler(), AuthorizationRevokeHandler()]
    }
}
