// Package devchain is the public side of the local development network: its chain id and the addresses of
// its published keys, by role. `heitje serve` links it to refuse them outside development mode; the private
// keys themselves are in internal/devnet, which only heitje-dev and the tests link.
package devchain

// ChainID is the chain id of the development network.
const ChainID = 6411

// The addresses of the published development keys (internal/devnet holds their private keys).
const (
	Signer   = "0xf799326078BB16EbBDF98F3Ec3087b12EC80104e"
	Admin    = "0xeD54B3e4d7C5E7447996E361dD1d4a9754692b9f"
	Minter   = "0xbbC19Db9d2530f0197e920bF7BE56e141D1B1818"
	Operator = "0x4512A083588A33e7B2E65D0bCf99e85a7b2E5c81"
	Treasury = "0xe365E5C406cF8d678A8b0F3f457B82Ac8cAC4530"
	Recovery = "0x8D63162CA26a9eC43224168AbB441DBD5d50F063"
)

// Relayers are the addresses of the published development relayer keys, in RELAYER_KEYS order.
var Relayers = [...]string{
	"0x15443D2f5cE18cEB178D660f653436C602CCc507",
	"0x5145dfAe7150bDaB503A3Dcdb764474c4b07d4a6",
	"0x063ebED9465f7Ed280236601FD46F2C2cCCE7C9E",
	"0x5ff22Bf5aaAf2a001db7A1fc1D1302ce655eb445",
}

// Published maps every published development address to its role ("minter", "relayer"...).
func Published() map[string]string {
	roles := map[string]string{Signer: "signer", Admin: "admin", Minter: "minter", Operator: "operator",
		Treasury: "treasury", Recovery: "recovery"}
	for _, r := range Relayers {
		roles[r] = "relayer"
	}
	return roles
}
