package devnet

import "github.com/heerlen/heitje/internal/devchain"

// The keys below belong to the LOCAL DEVELOPMENT NETWORK ONLY. They are published in this repository on
// purpose, hold nothing of value, and must never be used on a network that anyone else can reach. A real
// network gets its own keys (see `heitje chain genesis` and deploy/README.md).

// DevKey is one labelled development key: its role in the platform, its hex private key and its address
// (from internal/devchain, which a production binary links without the private keys).
type DevKey struct {
	Role    string
	Private string
	Address string
}

// Development keys, by role. The signer seals the Clique blocks; the admin deploys the contract and holds
// DEFAULT_ADMIN_ROLE (the API never holds it); the minter mints rewards; the operator activates shops and
// redeems payouts; the relayers submit residents' signed authorizations; the treasury receives coins.
var (
	DevSigner   = DevKey{"signer", "58c89080873723d0bf383e5faa6ef69ea0fe30da85e90d9ea17cc63186f3ef6c", devchain.Signer}
	DevAdmin    = DevKey{"admin", "9ad3c4d61c14912deea6601c7c6f9de4a16e35cde681b2b4d8c874e2758fd263", devchain.Admin}
	DevMinter   = DevKey{"minter", "cdbaa506f27ec1fcb140d674fc4dc2cb13b06efa421f8e64bc87bd02227ec850", devchain.Minter}
	DevOperator = DevKey{"operator", "9e3d2f0c1f727e732760f534d43698f5f7e5e58596ff9a9154aa9d667956a160", devchain.Operator}
	DevRelayers = []DevKey{
		{"relayer", "c7fe89eb85303c0c5c9577ddfcc331608932a6de9bb510ee04c5a84a4a98f70a", devchain.Relayers[0]},
		{"relayer", "9ea4262d2687315118773460bc63f781caa051fd6431c2bf1a2c5a0f8a2f425d", devchain.Relayers[1]},
		{"relayer", "ee0d781ed7ac2d10c774cf0942eb11abe717399a0f8965a3c80510b7ab363de0", devchain.Relayers[2]},
		{"relayer", "6eb27be58b23e085117b5c48f46cbd2557db2b6bdcfa9c31f622213a37c3cb2d", devchain.Relayers[3]},
	}
	DevTreasury = DevKey{"treasury", "16785bbdcf0303f0edfd3459c5409d4a7c3e2d8b19cf04075d0d2f6194b35d19", devchain.Treasury}
	// DevRecovery asks for and carries out recoveries of residents' lost keys (RECOVERY_ROLE). It is not in
	// the genesis allocation (the development genesis predates it): `make run` funds it from the admin.
	DevRecovery = DevKey{"recovery", "6e5c0484a2e4741085f62e6cd4aae59b2d4e1fef9be4533faa291225c530bd96", devchain.Recovery}
)

// DevSignerPassword unlocks the development signer's keystore file. Not a secret.
const DevSignerPassword = "heitje-devnet-not-a-secret"
