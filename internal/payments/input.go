package payments

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"net/url"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/validation"
)

// ValidationError is bad input in one field (internal/validation). Nothing was changed.
type ValidationError = validation.Error

func invalid(field, msg string) error { return validation.Invalid("payments", field, msg) }

func bigCents(c int64) *big.Int { return big.NewInt(c) }

// QRScheme starts the QR URIs of the first tills, heitje://pay/<request id>; ParseRequestRef still accepts
// them.
const QRScheme = "heitje://pay/"

// QRPath is the path under the public base URL of a payment request's link: <base>/betalen/<request id>.
const QRPath = "/betalen/"

// QRLink is what the shop's till shows as a QR code: the https link under base (the public base URL,
// without a trailing slash) that opens the resident app's payment screen for the request, also from a
// phone's ordinary camera.
func QRLink(base, id string) string { return base + QRPath + id }

// ParseRequestRef accepts a request id, a QR link (http(s)://<host>[/<path>]/betalen/<id>, whatever the
// host: only the id is used, and the request is read from the API the caller trusts) or an old QR URI
// (heitje://pay/<id>), and returns the request id in lowercase. A query or fragment is ignored.
func ParseRequestRef(s string) (string, error) {
	s = strings.TrimSpace(s)
	id := s
	if rest, ok := strings.CutPrefix(s, QRScheme); ok {
		u, err := url.Parse(rest)
		if err != nil {
			return "", fmt.Errorf("payments: %q is not a payment QR URI", s)
		}
		id = u.Path
	} else if u, err := url.Parse(s); err == nil && (strings.EqualFold(u.Scheme, "https") || strings.EqualFold(u.Scheme, "http")) {
		_, last, ok := cutLast(u.Path, QRPath)
		if !ok || u.Host == "" {
			return "", fmt.Errorf("payments: %q is not a payment link (…%s<id>)", s, QRPath)
		}
		id = last
	}
	if _, err := uuid.Parse(id); err != nil || len(id) != 36 {
		return "", fmt.Errorf("payments: %q is neither a payment request id nor a payment link", s)
	}
	return strings.ToLower(id), nil
}

// cutLast cuts s around the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// PayInput is a resident's signed authorization as the API receives it: addresses, nonce and signature as
// 0x-hex, the window in unix seconds. To and Value are optional: a client that sends them (as signed) gets
// recipient_mismatch or amount_mismatch when they are not the request's, rather than signer_mismatch.
type PayInput struct {
	From        string
	To          string
	Value       *uint64
	ValidAfter  uint64
	ValidBefore uint64
	Nonce       string
	Signature   string
}

// parse checks the form of the input (not yet whether it fits the request). A signature that is not 65
// bytes of hex is ErrBadSignature; other malformed fields are validation errors naming the field.
func (in PayInput) parse() (Authorization, signedTerms, error) {
	var a Authorization
	var t signedTerms
	if !isHexAddress(in.From) {
		return a, t, invalid("from", "must be a 0x-prefixed 20-byte hex address")
	}
	a.From = common.HexToAddress(in.From)
	if in.To != "" {
		if !isHexAddress(in.To) {
			return a, t, invalid("to", "must be a 0x-prefixed 20-byte hex address")
		}
		t.To = common.HexToAddress(in.To)
	}
	t.Value = in.Value
	nonce, err := hex.DecodeString(strings.TrimPrefix(in.Nonce, "0x"))
	if err != nil || len(nonce) != 32 || !strings.HasPrefix(in.Nonce, "0x") {
		return a, t, invalid("nonce", "must be 0x-prefixed hex of 32 bytes")
	}
	a.Nonce = common.BytesToHash(nonce)
	if in.ValidBefore <= in.ValidAfter {
		return a, t, invalid("valid_before", "must be after valid_after")
	}
	a.ValidAfter, a.ValidBefore = in.ValidAfter, in.ValidBefore
	sig, err := hex.DecodeString(strings.TrimPrefix(in.Signature, "0x"))
	if err != nil || len(sig) != 65 {
		return a, t, fmt.Errorf("%w: the signature must be 65 bytes of hex", ErrBadSignature)
	}
	a.Signature = sig
	return a, t, nil
}

func isHexAddress(s string) bool { return strings.HasPrefix(s, "0x") && common.IsHexAddress(s) }

// requestHash is the hash an idempotency record keeps of a request: the operation, its target and its
// parsed fields in a fixed form, so that the same request spelled differently (case, spacing) is the same.
func requestHash(op, target string, fields ...string) []byte {
	h := sha256.New()
	for _, f := range append([]string{op, target}, fields...) {
		fmt.Fprintf(h, "%d:%s\n", len(f), f)
	}
	return h.Sum(nil)
}

// checkKey validates an Idempotency-Key header value.
func checkKey(key string) error {
	if key == "" {
		return ErrIdempotencyKeyRequired
	}
	if len(key) > 255 || strings.IndexFunc(key, func(r rune) bool { return r < 0x21 || r > 0x7e }) >= 0 {
		return invalid("Idempotency-Key", "has 1 to 255 visible ASCII characters")
	}
	return nil
}
