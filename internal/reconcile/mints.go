package reconcile

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// CheckMints is the check that every Minted event belongs to one approved or rewarded claim, to its resident's
// address and for its reward, and that every claim recorded as rewarded has its Minted event.
const CheckMints = "mint = its claim"

// MintMismatch is a Minted event (or the Minted events of one reference) that no approved or rewarded claim
// accounts for, or a claim whose mint is recorded but not in the ledger. ClaimID is empty when no claim's mint
// used the reference; ClaimStatus is "pruned" when the claim's intent is kept but the claim itself was deleted
// after its retention period, and "intent" when the mint is an outbox intent of no claim (ClaimID is then the
// intent's idempotency key; only tests write such intents). MintedCents is nil when the ledger has no Minted event for the claim; ClaimCents
// is nil when there is no claim. Mints counts the Minted events of the reference.
type MintMismatch struct {
	Ref         common.Hash
	To          common.Address
	ClaimTo     common.Address
	BlockNumber uint64
	TxHash      common.Hash
	ClaimID     string
	ClaimStatus string
	ClaimCents  *big.Int
	MintedCents *big.Int
	Mints       int
}

// mintSubject names a mismatch: the address minted to and the reference.
func mintSubject(m MintMismatch) string {
	return strings.ToLower(m.To.Hex()) + " ref " + m.Ref.Hex()
}

func describeMint(m MintMismatch) string {
	tx := ""
	if m.TxHash != (common.Hash{}) {
		tx = " (tx " + m.TxHash.Hex() + ")"
	}
	switch {
	case m.ClaimID == "":
		return fmt.Sprintf("a Minted event of %s%s belongs to no claim: a mint made outside the platform, or one the database no longer records", m.MintedCents, tx)
	case m.MintedCents == nil:
		return fmt.Sprintf("claim %s is recorded as minted (%s) but the ledger has no Minted event for it", m.ClaimID, m.ClaimCents)
	case m.Mints > 1:
		return fmt.Sprintf("claim %s was minted %d times, %s in all%s", m.ClaimID, m.Mints, m.MintedCents, tx)
	case m.ClaimStatus != "approved" && m.ClaimStatus != "rewarded" && m.ClaimStatus != "pruned" && m.ClaimStatus != "intent":
		return fmt.Sprintf("the Minted event of %s%s belongs to claim %s, which is %s, not approved", m.MintedCents, tx, m.ClaimID, m.ClaimStatus)
	case m.ClaimTo != m.To:
		return fmt.Sprintf("the Minted event%s paid %s, claim %s's mint goes to %s", tx, strings.ToLower(m.To.Hex()), m.ClaimID, strings.ToLower(m.ClaimTo.Hex()))
	}
	return fmt.Sprintf("claim %s rewards %s, its Minted event%s says %s", m.ClaimID, m.ClaimCents, tx, m.MintedCents)
}
