package wallet

import (
	"context"
	"encoding/hex"
	"errors"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/recovery"
)

// Recovery is a recovery of a lost key as its resident sees it (GET /v1/me/recovery).
type Recovery struct {
	ID           string     `json:"id"`
	Status       string     `json:"status"`
	FromAddress  string     `json:"from_address"`
	ToAddress    string     `json:"to_address"`
	ExecutableAt *time.Time `json:"executable_at"`
	// CancelTypedData is the message the lost key signs to cancel, while the recovery is open.
	CancelTypedData *recovery.TypedData `json:"cancel_typed_data"`
}

// AskRecovery asks to recover the coins of the account's bound (lost) key to key, the new device's, proving
// key by its signature of a fresh wallet challenge. Staff then verify and approve it.
func (c *Client) AskRecovery(ctx context.Context, key *Key) (Recovery, error) {
	var ch struct {
		Nonce   string `json:"nonce"`
		Message string `json:"message"`
	}
	if err := c.call(ctx, http.MethodGet, "/v1/me/wallet/challenge", nil, &ch); err != nil {
		return Recovery{}, err
	}
	sig, err := key.SignMessage(ch.Message)
	if err != nil {
		return Recovery{}, err
	}
	var out Recovery
	err = c.call(ctx, http.MethodPost, "/v1/me/recovery", map[string]string{"address": key.Address().Hex(),
		"signature": "0x" + hex.EncodeToString(sig), "nonce": ch.Nonce}, &out)
	return out, err
}

// MyRecovery returns the account's latest recovery.
func (c *Client) MyRecovery(ctx context.Context) (Recovery, error) {
	var out Recovery
	err := c.call(ctx, http.MethodGet, "/v1/me/recovery", nil, &out)
	return out, err
}

// CancelRecovery cancels the recovery r with key, the lost key it would empty, and returns the recovery's new
// status (cancelling while the cancellation is on its way to the chain, or cancelled).
func (c *Client) CancelRecovery(ctx context.Context, key *Key, r Recovery) (string, error) {
	if r.CancelTypedData == nil {
		return "", errors.New("wallet: the recovery can no longer be cancelled (status " + r.Status + ")")
	}
	sig, err := key.SignRecoveryCancel(*r.CancelTypedData)
	if err != nil {
		return "", err
	}
	var out struct {
		Status string `json:"status"`
	}
	err = c.call(ctx, http.MethodPost, "/v1/recoveries/"+r.ID+"/cancel", map[string]string{"signature": "0x" + hex.EncodeToString(sig)}, &out)
	return out.Status, err
}

// SignRecoveryCancel signs a CancelRecovery message (EIP-712) with this key, which must be the recovery's from.
func (k *Key) SignRecoveryCancel(td recovery.TypedData) ([]byte, error) {
	if td.PrimaryType != recovery.PrimaryType || common.HexToAddress(td.Message.From) != k.Address() {
		return nil, errors.New("wallet: the cancellation is not of a recovery from this wallet's key")
	}
	digest, err := td.Hash()
	if err != nil {
		return nil, err
	}
	sig, err := crypto.Sign(digest[:], k.private)
	if err != nil {
		return nil, err
	}
	sig[64] += 27
	return sig, nil
}
