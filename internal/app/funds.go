package app

import (
	"fmt"
	"strings"
)

// OutOfFunds names the signing keys ("relayer-0 (0xab…)") whose transactions the node refuses for want of
// ether to pay gas. Their intents are stored and wait; they go through once the key is topped up.
func (s *status) OutOfFunds() []string {
	var out []string
	for _, snd := range s.p.senders {
		if snd.OutOfFunds() {
			out = append(out, fmt.Sprintf("%s (%s)", snd.Name(), strings.ToLower(snd.Address().Hex())))
		}
	}
	return out
}
