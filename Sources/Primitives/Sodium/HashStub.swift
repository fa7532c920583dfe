// Stand-in for the façade in Sources/Primitives/Hash/Hash.swift so this folder builds alone.
// DELETE AT INTEGRATION.

/// Namespace for hash functions.
public enum Hash {}
