"""The encrypted store: a wallet folder with a key file and a SQLCipher 4 database."""
