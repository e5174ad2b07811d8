package main

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/chain/node"
)

// networkNode is one geth node of a real network as `chain genesis --nodes` names it: a signer's or an RPC
// node's, with the address its peers dial.
type networkNode struct {
	name string
	host string
	port int
}

var nodeName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)

// parseNodes reads --nodes: name=host:port,… where host is an IP address or a DNS name (geth resolves a name
// once, when it starts) and port the node's P2P port.
func parseNodes(s string) ([]networkNode, error) {
	var out []networkNode
	seen := map[string]bool{}
	for _, item := range strings.Split(s, ",") {
		name, addr, ok := strings.Cut(strings.TrimSpace(item), "=")
		if !ok || !nodeName.MatchString(name) {
			return nil, fmt.Errorf("--nodes: %q is not name=host:port with a name of lowercase letters, digits and dashes", item)
		}
		host, portText, err := net.SplitHostPort(addr)
		port, perr := strconv.Atoi(portText)
		if err != nil || perr != nil || host == "" || port < 1 || port > 65535 {
			return nil, fmt.Errorf("--nodes: %s: %q is not host:port", name, addr)
		}
		if seen[name] || seen[addr] {
			return nil, fmt.Errorf("--nodes: %s or %s given twice", name, addr)
		}
		seen[name], seen[addr] = true, true
		out = append(out, networkNode{name: name, host: host, port: port})
	}
	return out, nil
}

// writeNodes gives every node a fresh P2P identity in <out>/nodes/<name>/nodekey, which goes to
// <datadir>/geth/nodekey on that node's machine, and writes the list of their enode URLs twice: as
// static-nodes.toml, the geth config (--config) that every node loads so that it dials the others (with
// --nodiscover geth dials nothing else), and as nodes.json, name to enode URL. It returns the files' paths.
func writeNodes(out string, nodes []networkNode) ([]string, error) {
	enodes := make([]string, len(nodes))
	named := make(map[string]string, len(nodes))
	var written []string
	for i, n := range nodes {
		key, err := crypto.GenerateKey()
		if err != nil {
			return nil, err
		}
		dir := filepath.Join(out, "nodes", n.name)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
		if err := crypto.SaveECDSA(filepath.Join(dir, "nodekey"), key); err != nil {
			return nil, err
		}
		written = append(written, filepath.Join(dir, "nodekey"))
		enodes[i] = node.Enode(&key.PublicKey, n.host, n.port)
		named[n.name] = enodes[i]
	}
	toml := "# Written by `heitje chain genesis`: every node of the network loads this file with --config, and with\n" +
		"# --nodiscover dials the nodes listed here (geth skips its own entry).\n[Node.P2P]\n" + node.StaticNodesTOML(enodes)
	if err := os.WriteFile(filepath.Join(out, "static-nodes.toml"), []byte(toml), 0o644); err != nil {
		return nil, err
	}
	j, _ := json.MarshalIndent(named, "", "  ")
	if err := os.WriteFile(filepath.Join(out, "nodes.json"), append(j, '\n'), 0o644); err != nil {
		return nil, err
	}
	return append(written, filepath.Join(out, "static-nodes.toml"), filepath.Join(out, "nodes.json")), nil
}
