package accounts

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	ethaccounts "github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// challengeText is the message a phone signs with personal_sign (EIP-191). It says what signing does, so a
// wallet that shows it lets the resident decide knowingly.
const challengeText = "Heerlens Heitje: link this phone's key to my account.\nNonce: %s\nValid until: %s"

// WalletChallenge makes a fresh single-use challenge for a resident to sign. It is valid for ChallengeTTL.
func (s *Service) WalletChallenge(ctx context.Context, p Principal) (Challenge, error) {
	if p.Role != RoleResident {
		return Challenge{}, ErrForbidden
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return Challenge{}, err
	}
	now := s.now()
	c := Challenge{Nonce: hex.EncodeToString(b), AccountID: p.AccountID, ExpiresAt: now.Add(s.opts.ChallengeTTL).Truncate(time.Second)}
	c.Message = fmt.Sprintf(challengeText, c.Nonce, c.ExpiresAt.Format(time.RFC3339))
	if err := s.store.CreateChallenge(ctx, c); err != nil {
		return Challenge{}, err
	}
	return c, nil
}

// BindWallet binds the address whose key signed the challenge to the resident's account. nonce names the
// challenge; "" means the latest one issued to the caller. A challenge is used up only by a successful
// binding; a bad signature, an expired or used challenge, an address of another account or a second address
// for the account each change nothing. Binding the same address again is a no-op.
func (s *Service) BindWallet(ctx context.Context, p Principal, address, signature, nonce string) (string, error) {
	if p.Role != RoleResident {
		return "", ErrForbidden
	}
	if !common.IsHexAddress(address) || !strings.HasPrefix(address, "0x") {
		return "", invalid("address", "must be a 0x-prefixed 20-byte hex address")
	}
	addr := strings.ToLower(common.HexToAddress(address).Hex())
	sig, err := hex.DecodeString(strings.TrimPrefix(signature, "0x"))
	if err != nil || len(sig) != 65 {
		return "", invalid("signature", "must be a 65-byte hex signature")
	}
	err = s.store.InTx(ctx, func(tx Tx) error {
		c, err := tx.LockChallenge(p.AccountID, nonce)
		if err != nil {
			return err
		}
		now := s.now()
		if err := c.Proves(now, sig, addr); err != nil {
			return err
		}
		a, err := tx.Get(p.AccountID, true)
		if err != nil {
			return err
		}
		if a.WalletAddress != "" && a.WalletAddress != addr {
			return ErrWalletBound
		}
		a.WalletAddress = addr
		if err := tx.Save(a); err != nil {
			return err
		}
		return tx.UseChallenge(c.Nonce, now)
	})
	if err != nil {
		return "", err
	}
	return addr, nil
}

// Proves checks that the challenge may still be used at now and that sig is address's (lowercase 0x)
// personal_sign signature of its message: ErrChallengeUsed, ErrChallengeExpired or ErrBadSignature when not.
// Binding a key and asking for a recovery both prove a key this way; the caller uses the challenge up.
func (c Challenge) Proves(now time.Time, sig []byte, address string) error {
	switch {
	case c.UsedAt != nil:
		return ErrChallengeUsed
	case !now.Before(c.ExpiresAt):
		return ErrChallengeExpired
	}
	if signer, err := RecoverSigner(c.Message, sig); err != nil || signer != address {
		return ErrBadSignature
	}
	return nil
}

// RecoverSigner returns the lowercase 0x address whose key made an EIP-191 personal_sign signature of
// message. The recovery byte may be 0/1 or 27/28.
func RecoverSigner(message string, sig []byte) (string, error) {
	if len(sig) != 65 {
		return "", ErrBadSignature
	}
	s := append([]byte(nil), sig...)
	if s[64] >= 27 {
		s[64] -= 27
	}
	if s[64] > 1 {
		return "", ErrBadSignature
	}
	pub, err := crypto.SigToPub(ethaccounts.TextHash([]byte(message)), s)
	if err != nil {
		return "", ErrBadSignature
	}
	return strings.ToLower(crypto.PubkeyToAddress(*pub).Hex()), nil
}
