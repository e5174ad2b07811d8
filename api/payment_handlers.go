package api

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/payments"
)

// IdempotencyKeyHeader names the header every coin-moving POST carries.
const IdempotencyKeyHeader = "Idempotency-Key"

// paymentRequestView is a payment request as its shop and its (would-be) payer see it. TypedData is the
// EIP-712 data to sign in the form eth_signTypedData_v4 takes, signable as served: types, primaryType
// TransferWithAuthorization, domain (exactly name, version, chainId as a number, verifyingContract) and
// message (from, to, value, validAfter, validBefore, nonce; numbers as decimal strings).
type paymentRequestView struct {
	ID          string    `json:"id"`
	Status      string    `json:"status"`
	AmountCents int64     `json:"amount_cents"`
	ShopName    string    `json:"shop_name"`
	ShopAddress string    `json:"shop_address"`
	Reference   string    `json:"reference,omitempty"`
	QRURI       string    `json:"qr_uri"`
	CreatedAt   time.Time `json:"created_at"`
	ExpiresAt   time.Time `json:"expires_at"`
	TxHash      string    `json:"tx_hash,omitempty"`
	// Payer is the payer's pseudonymous short id once a resident paid (see payments.Request.Payer).
	Payer string `json:"payer,omitempty" doc:"Once paid: the payer's pseudonymous short id, the short form of the address that paid (0x, its first and last four hex digits, e.g. 0x1a2b…9f0e). Never a name."`
	// FailureReason says why a failed payment failed.
	FailureReason string             `json:"failure_reason,omitempty"`
	TypedData     payments.TypedData `json:"typed_data"`
}

// flexUint is a whole number sent as a JSON number or as a decimal string, as the typed data writes it.
type flexUint uint64

func (u *flexUint) UnmarshalJSON(b []byte) error {
	n, err := strconv.ParseUint(strings.Trim(string(b), `"`), 10, 64)
	if err != nil {
		return &json.UnmarshalTypeError{Value: string(b), Type: reflect.TypeOf(uint64(0))}
	}
	*u = flexUint(n)
	return nil
}

// payRequest is a resident's signed authorization for a request: the values of the typed data's message
// (numbers as JSON numbers or decimal strings) and the 65-byte signature as hex. to and value may be left
// out; when sent they must be the request's.
type payRequest struct {
	From        string    `json:"from"`
	To          string    `json:"to,omitempty"`
	Value       *flexUint `json:"value,omitempty"`
	ValidAfter  flexUint  `json:"valid_after"`
	ValidBefore flexUint  `json:"valid_before"`
	Nonce       string    `json:"nonce"`
	Signature   string    `json:"signature"`
}

// payResponse says the payment was accepted for relaying; tx_hash is left out when the relay transaction
// was not signed within about 1.5 s. The outcome comes through the events and GET.
type payResponse struct {
	Status string `json:"status"`
	TxHash string `json:"tx_hash,omitempty"`
}

func viewPaymentRequest(v payments.View, p accounts.Principal, qrLink string) paymentRequestView {
	out := paymentRequestView{ID: v.ID, Status: string(v.Status), AmountCents: v.AmountCents, ShopName: v.ShopName,
		ShopAddress: strings.ToLower(v.ShopAddress.Hex()), QRURI: qrLink, CreatedAt: v.CreatedAt,
		ExpiresAt: v.ExpiresAt, TxHash: hashOrEmpty(v.TxHash), Payer: v.Payer(), FailureReason: v.Failure, TypedData: v.TypedData}
	if p.Role == accounts.RoleShop {
		out.Reference = v.Reference
	}
	return out
}

func hashOrEmpty(h common.Hash) string {
	if h == (common.Hash{}) {
		return ""
	}
	return h.Hex()
}

func (s *Server) getPaymentRequest(c *gin.Context) {
	p := middleware.CurrentPrincipal(c)
	v, err := s.deps.Payments.Get(c.Request.Context(), p, c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewPaymentRequest(v, p, s.deps.Payments.QRLink(v.ID)))
}

func (s *Server) pay(c *gin.Context) {
	var req payRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	in := payments.PayInput{From: req.From, To: req.To, ValidAfter: uint64(req.ValidAfter), ValidBefore: uint64(req.ValidBefore),
		Nonce: req.Nonce, Signature: req.Signature}
	if req.Value != nil {
		v := uint64(*req.Value)
		in.Value = &v
	}
	sub, err := s.deps.Payments.Pay(c.Request.Context(), middleware.CurrentPrincipal(c), c.Param("id"),
		c.GetHeader(IdempotencyKeyHeader), in)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, payResponse{Status: string(payments.StatusSubmitted), TxHash: hashOrEmpty(sub.TxHash)})
}

// paymentView is one payment in a history, with its refunds.
type paymentView struct {
	ID            string       `json:"id"`
	Status        string       `json:"status"`
	AmountCents   int64        `json:"amount_cents"`
	ShopName      string       `json:"shop_name"`
	ShopAddress   string       `json:"shop_address"`
	PayerAddress  string       `json:"payer_address"`
	Payer         string       `json:"payer" doc:"The payer's pseudonymous short id: payer_address shortened to 0x, its first and last four hex digits (e.g. 0x1a2b…9f0e)."`
	Reference     string       `json:"reference,omitempty"`
	SubmittedAt   *time.Time   `json:"submitted_at,omitempty"`
	ConfirmedAt   *time.Time   `json:"confirmed_at,omitempty"`
	TxHash        string       `json:"tx_hash,omitempty"`
	BlockNumber   uint64       `json:"block_number,omitempty"`
	FailureReason string       `json:"failure_reason,omitempty"`
	RefundedCents int64        `json:"refunded_cents"`
	Refunds       []refundView `json:"refunds"`
}

type paymentList struct {
	Payments []paymentView `json:"payments"`
}

func viewPayment(r payments.Request, p accounts.Principal) paymentView {
	v := paymentView{ID: r.ID, Status: string(r.Status), AmountCents: r.AmountCents, ShopName: r.ShopName,
		ShopAddress: strings.ToLower(r.ShopAddress.Hex()), PayerAddress: strings.ToLower(r.PayerAddress.Hex()),
		Payer: r.Payer(), SubmittedAt: r.SubmittedAt, TxHash: hashOrEmpty(r.TxHash), BlockNumber: r.BlockNumber, FailureReason: r.Failure,
		Refunds: make([]refundView, 0, len(r.Refunds))}
	if r.Status == payments.StatusConfirmed {
		v.ConfirmedAt = r.DoneAt
	}
	if p.Role == accounts.RoleShop {
		v.Reference = r.Reference
	}
	for _, rf := range r.Refunds {
		if rf.Status != payments.StatusFailed {
			v.RefundedCents += rf.AmountCents
		}
		v.Refunds = append(v.Refunds, viewRefund(rf))
	}
	return v
}

func (s *Server) paymentHistory(c *gin.Context) {
	limit, offset, err := queryPage(c, payments.DefaultLimit)
	if err != nil {
		respondError(c, err)
		return
	}
	p := middleware.CurrentPrincipal(c)
	list, err := s.deps.Payments.History(c.Request.Context(), p, payments.HistoryQuery{Date: c.Query("date"),
		Reference: c.Query("reference"), Limit: limit, Offset: offset})
	if err != nil {
		respondError(c, err)
		return
	}
	out := paymentList{Payments: make([]paymentView, 0, len(list))}
	for _, r := range list {
		out.Payments = append(out.Payments, viewPayment(r, p))
	}
	noStore(c)
	c.JSON(http.StatusOK, out)
}
