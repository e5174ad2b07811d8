//go:build tools

// Package gethbuild pins the geth release that seals our Clique chain. It is a module of its own so
// that the node's old go-ethereum does not mix with the current library the API uses.
package gethbuild

import _ "github.com/ethereum/go-ethereum/cmd/geth"
