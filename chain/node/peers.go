package node

import (
	"crypto/ecdsa"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"
)

// Enode returns the enode URL by which the other nodes of a network dial the node with the P2P identity key
// at host:port: enode://<public key>@host:port. host is an IP address or a DNS name, which geth v1.13
// resolves once, when it reads the URL at start-up.
func Enode(key *ecdsa.PublicKey, host string, port int) string {
	return fmt.Sprintf("enode://%x@%s", crypto.FromECDSAPub(key)[1:], net.JoinHostPort(host, strconv.Itoa(port)))
}

// StaticNodesTOML returns the part of a geth TOML config that makes geth dial the given enode URLs and keep
// connected to them: with --nodiscover the only peers it gets. It returns "" for no URLs. A node may find
// its own URL in the list; geth does not dial itself.
func StaticNodesTOML(enodes []string) string {
	if len(enodes) == 0 {
		return ""
	}
	quoted := make([]string, len(enodes))
	for i, e := range enodes {
		quoted[i] = strconv.Quote(e)
	}
	return "StaticNodes = [\n  " + strings.Join(quoted, ",\n  ") + ",\n]\n"
}

// WriteNodeKey writes key as the P2P identity of the node whose data directory is dataDir, in
// <dataDir>/geth/nodekey (hex, readable by its owner only), where geth looks for it.
func WriteNodeKey(dataDir string, key *ecdsa.PrivateKey) error {
	dir := filepath.Join(dataDir, "geth")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return crypto.SaveECDSA(filepath.Join(dir, "nodekey"), key)
}
