package config

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// genesisFacts is what the API needs from the chain's genesis file.
type genesisFacts struct {
	ChainID uint64
	// Signers is how many signers the Clique extraData names (0 for a chain that is not Clique).
	Signers int
}

// readGenesis returns config.chainId and the number of Clique signers of a geth genesis file. Clique's
// extraData is 32 bytes of vanity, 20 bytes per signer and 65 bytes of seal.
func readGenesis(path string) (genesisFacts, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return genesisFacts{}, fmt.Errorf("cannot be read: %v", err)
	}
	var g struct {
		Config struct {
			ChainID uint64           `json:"chainId"`
			Clique  *json.RawMessage `json:"clique"`
		} `json:"config"`
		ExtraData string `json:"extraData"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return genesisFacts{}, fmt.Errorf("is not valid genesis JSON: %v", err)
	}
	if g.Config.ChainID == 0 {
		return genesisFacts{}, errors.New("has no config.chainId")
	}
	f := genesisFacts{ChainID: g.Config.ChainID}
	if g.Config.Clique == nil {
		return f, nil
	}
	const vanity, seal = 32, 65
	extra, err := hex.DecodeString(strings.TrimPrefix(g.ExtraData, "0x"))
	if err != nil || len(extra) < vanity+seal || (len(extra)-vanity-seal)%common.AddressLength != 0 {
		return genesisFacts{}, errors.New("has a Clique config but its extraData is not 32 bytes of vanity, the signers' addresses and 65 bytes of seal")
	}
	f.Signers = (len(extra) - vanity - seal) / common.AddressLength
	return f, nil
}

// WithEnvFile returns a Lookup that prefers the process environment and falls back to the KEY=VALUE lines of
// path. `make run` writes such a file (.run/heitje.env) so that commands run from the project root, such as
// `heitje admin create`, reach the same database and chain with no further setup. A missing file is no error.
func WithEnvFile(env Lookup, path string) (Lookup, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return env, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	vals := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("config: %s line %d is not KEY=VALUE", path, n)
		}
		vals[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return func(name string) (string, bool) {
		if v, ok := env(name); ok {
			return v, true
		}
		v, ok := vals[name]
		return v, ok
	}, nil
}
