package config

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
)

// keystoreAddresses lists the address of every key file in KEYSTORE_DIR (from the file's "address" field,
// without decrypting it), so that start-up can refuse a folder that holds a key the API must never hold.
// Files that are not keystore files are skipped; no KEYSTORE_DIR, no addresses.
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
		if e.IsDir() {
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
