/// Which of the two JWT encodings of a credential or presentation a token used.
public enum JWTForm: Sendable, Hashable {
    /// W3C VC-JOSE-COSE (`typ` `vc+jwt` or `vp+jwt`): the payload is the VC DM 2.0 document.
    case joseCOSE
    /// VC DM 1.1 §6.3.1 (DIDKit, web5, did-jwt-vc): the document sits in a `vc` or `vp`
    /// claim, with `iss`, `nbf`, `exp`, `jti`, `sub` standing for some of its members.
    case legacyVCClaim
}
