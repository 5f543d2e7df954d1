// Builds the `age` and `age-keygen` CLIs (filippo.io/age) for the crypto tests: they decrypt what the Java
// age encryptor writes, with X25519, ssh-ed25519 and ssh-rsa identities.
module batonjava/tools/age-cli

go 1.25.2

require filippo.io/age v1.3.2

require (
	filippo.io/edwards25519 v1.2.0 // indirect
	filippo.io/hpke v0.4.0 // indirect
	filippo.io/nistec v0.0.4 // indirect
	golang.org/x/crypto v0.55.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
	golang.org/x/term v0.45.0 // indirect
)
