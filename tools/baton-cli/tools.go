//go:build tools

// Package tools pins the baton CLI as a dependency of this module.
package tools

import _ "github.com/conductorone/baton-sdk/cmd/baton"
