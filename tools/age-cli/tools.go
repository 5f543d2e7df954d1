//go:build tools

// Package tools pins the age command-line programs as dependencies of this module, so that
// `go build filippo.io/age/cmd/age` builds the version go.mod names.
package tools

import (
	_ "filippo.io/age/cmd/age"
	_ "filippo.io/age/cmd/age-keygen"
)
