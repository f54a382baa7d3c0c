"""Cryptographic building blocks (PyNaCl): Argon2id key derivation, key wrapping, Ed25519, did:key."""
