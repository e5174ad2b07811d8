package config

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
)

// readChainID returns config.chainId from a geth genesis file.
func readChainID(path string) (uint64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, fmt.Errorf("cannot be read: %v", err)
	}
	var g struct {
		Config struct {
			ChainID uint64 `json:"chainId"`
		} `json:"config"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return 0, fmt.Errorf("is not valid genesis JSON: %v", err)
	}
	if g.Config.ChainID == 0 {
		return 0, errors.New("has no config.chainId")
	}
	return g.Config.ChainID, nil
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
