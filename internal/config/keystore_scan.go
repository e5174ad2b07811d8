package config

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// keystoreAddresses lists the address of every key file in KEYSTORE_DIR (from the file's "address" field,
// without decrypting it), so that start-up can refuse a folder that holds a key the API must never hold.
// Files that are not keystore files, and hidden ones, are skipped; no KEYSTORE_DIR, no addresses.
func (r *reader) keystoreAddresses() []common.Address {
	dir, _, _ := r.keystore()
	if dir == "" {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		r.fail("KEYSTORE_DIR", "cannot be read: "+err.Error())
		return nil
	}
	var out []common.Address
	for _, e := range entries {
		// Hidden entries are no key files (geth's keystore skips them too): a Kubernetes Secret volume holds
		// its files in a hidden folder and the hidden link "..data" to it, beside a link per file.
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			r.fail("KEYSTORE_DIR", "cannot be read: "+err.Error())
			return nil
		}
		var f struct {
			Address string `json:"address"`
		}
		if json.Unmarshal(data, &f) == nil && common.IsHexAddress(f.Address) {
			out = append(out, common.HexToAddress(f.Address))
		}
	}
	return out
}
