package e2e_test

import (
	"crypto/rand"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/contracts/bindings"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/testenv"
)

// TestRestoredApprovalMintsOnce approves a claim and lets it be rewarded, then takes the database back to the
// moment before the approval, as a point-in-time restore would (the claim submitted, the chore's budget
// reserved, no mint intent, the minter's next nonce as it was), and approves the claim again. The new intent's
// mint is refused on chain (its reference was used), so the sender records the earlier transaction: the claim
// ends rewarded with the first mint's hash, and the chain holds one Minted event and the reward once.
// `heitje reconcile` is then clean; a mint made with the minter key outside the platform makes it fail and name
// that mint's recipient and reference.
func TestRestoredApprovalMintsOnce(t *testing.T) {
	t.Parallel()
	bin := testenv.BuildCommand(t, "./cmd/heitje")
	p := newPlatform(t)
	p.serve()
	reviewerTok := p.reviewer("keurder")
	r := p.residents(1)[0]
	claimID := p.submittedClaims([]resident{r}, p.chore(425, 2))[0]

	var savedClaim, savedChore string
	var savedNonce int64
	if err := p.db.SQL().QueryRowContext(p.ctx, `SELECT to_jsonb(c)::text, to_jsonb(h)::text,
		COALESCE((SELECT next_nonce FROM chain_keys WHERE signer = 'minter'), 0)
		FROM claims c JOIN chores h ON h.id = c.chore_id WHERE c.id = $1`, claimID).Scan(&savedClaim, &savedChore, &savedNonce); err != nil {
		t.Fatal(err)
	}
	rewarded := func() string { return p.approveUntilRewarded(reviewerTok, claimID, 2*time.Minute) }
	firstTx := rewarded()

	// The restore: the rows as they were before the approval; the mint's intent never happened.
	if _, err := p.db.SQL().ExecContext(p.ctx, `WITH c AS (
			UPDATE claims SET status = r.status, decided_at = r.decided_at, decided_by = r.decided_by, mint_to = r.mint_to,
				intent_id = r.intent_id, tx_hash = r.tx_hash, rewarded_at = r.rewarded_at
			FROM jsonb_populate_record(NULL::claims, $1::jsonb) r WHERE claims.id = r.id RETURNING claims.id),
		h AS (UPDATE chores SET reserved_cents = r.reserved_cents, spent_cents = r.spent_cents, places_taken = r.places_taken
			FROM jsonb_populate_record(NULL::chores, $2::jsonb) r WHERE chores.id = r.id RETURNING chores.id)
		UPDATE chain_keys SET next_nonce = $3 WHERE signer = 'minter'`, savedClaim, savedChore, savedNonce); err != nil {
		t.Fatal(err)
	}
	if _, err := p.db.SQL().ExecContext(p.ctx, `DELETE FROM chain_intents WHERE idempotency_key = $1`, "claim:"+claimID); err != nil {
		t.Fatal(err)
	}
	if n := p.count(`SELECT count(*) FROM claims WHERE id = $1 AND status = 'submitted' AND intent_id IS NULL`, claimID); n != 1 {
		t.Fatal("the restore did not put the claim back to submitted")
	}

	secondTx := rewarded()
	if secondTx != firstTx {
		t.Fatalf("the claim was rewarded by %s after the restore, want the first mint %s", secondTx, firstTx)
	}
	if n := p.count(`SELECT count(*) FROM chain_intents WHERE idempotency_key = $1 AND status = 'confirmed' AND tx_hash = $2`,
		"claim:"+claimID, firstTx); n != 1 {
		t.Fatal("the new intent is not confirmed with the first mint's transaction")
	}
	p.waitBlocksIndexed(2) // in which a second mint would land
	if refs := p.mintedRefs(); len(refs) != 1 || refs[chores.ClaimRef(claimID)] != 1 {
		t.Fatalf("Minted events on chain: %v", refs)
	}
	if got := p.balanceOf(r.addr); got.Cmp(big.NewInt(425)) != 0 {
		t.Fatalf("balance on chain %s, want 425", got)
	}
	p.waitIndexed()
	if out, code := p.reconcileCmd(t, bin); code != 0 || !strings.Contains(out, "OK: every equality holds") {
		t.Fatalf("after the restored approval: exit %d\n%s", code, out)
	}

	// A mint with the minter key, outside the platform.
	var ref common.Hash
	rand.Read(ref[:])
	coin := bindings.NewHeitjeCoin()
	minter := crypto.PubkeyToAddress(p.cfg.MinterKey.PublicKey)
	nonce, err := p.client.PendingNonceAt(p.ctx, minter)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{ChainID: p.client.ChainID, Nonce: nonce, To: &p.deploy.Address,
		Gas: 200_000, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(100e9), Data: coin.PackMint(r.addr, big.NewInt(999), ref)}),
		types.LatestSignerForChainID(p.client.ChainID), p.cfg.MinterKey)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.client.SendTransaction(p.ctx, tx); err != nil {
		t.Fatal(err)
	}
	p.waitFor("the extra mint", time.Minute, func() bool {
		rc, err := p.client.TransactionReceipt(p.ctx, tx.Hash())
		return err == nil && rc.Status == types.ReceiptStatusSuccessful
	})
	p.waitIndexed()
	out, code := p.reconcileCmd(t, bin)
	named := "DIFFERENCE [mint = its claim] " + lower(r.addr) + " ref " + ref.Hex()
	if code == 0 || !strings.Contains(out, named) || !strings.Contains(out, "belongs to no claim") ||
		!strings.Contains(out, tx.Hash().Hex()) {
		t.Fatalf("after a mint outside the platform: exit %d, want it to name %q\n%s", code, named, out)
	}
	t.Logf("heitje reconcile after a mint outside the platform:\n%s", out)
}

// approveUntilRewarded approves the claim over HTTP as the reviewer and waits (up to within) until it is
// rewarded; it returns the transaction the claim was rewarded by.
func (p *platform) approveUntilRewarded(reviewerTok, claimID string, within time.Duration) string {
	p.tb.Helper()
	p.expect(http.StatusOK, "", "POST", "/v1/admin/claims/"+claimID+"/approve", reviewerTok, nil)
	var tx string
	p.waitFor("the claim to be rewarded", within, func() bool {
		tx = ""
		p.db.SQL().QueryRowContext(p.ctx, `SELECT COALESCE(tx_hash, '') FROM claims WHERE id = $1 AND status = 'rewarded'`, claimID).Scan(&tx)
		return tx != ""
	})
	return tx
}
