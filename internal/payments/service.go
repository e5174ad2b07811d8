package payments

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"hash/fnv"
	"net/url"
	"strings"
	"time"
	_ "time/tzdata" // takings are per Dutch calendar day, also on hosts without a zone database
	"unicode"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/calendar"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/wakeup"
)

// Options configure the service. Zero durations take the defaults of DefaultOptions.
type Options struct {
	// Domain is the coin the authorizations are for: chain id and contract address.
	Domain Domain
	// PublicBaseURL is where phones reach the web apps (an absolute http(s) URL; a trailing slash is
	// dropped): a request's QR code links to PublicBaseURL/betalen/<id>. Required.
	PublicBaseURL string
	// Relayers is how many relayer keys there are (outbox.Relayer(0) … Relayer(Relayers-1)); 0 counts as 1
	// (the configuration insists on at least one key).
	Relayers int
	// RequestTTL is how long a payment request may be paid.
	RequestTTL time.Duration
	// RelayMargin is how long after a request's expiry its authorization stays valid on chain.
	RelayMargin time.Duration
	// RefundWindow is how long after its confirmation a payment may be refunded.
	RefundWindow time.Duration
	// HashWait bounds how long paying waits for the relay transaction's hash before answering without it.
	HashWait time.Duration
	// Kick wakes the sender of a signer at once; nil leaves it to its own polling.
	Kick func(signer outbox.Signer)
	// Hub carries the in-process news of intents and requests; nil means a private one.
	Hub *wakeup.Hub
	// Zone is the time zone of the takings' days; nil means Europe/Amsterdam.
	Zone *time.Location
	// Now is the clock; nil means the wall clock.
	Now func() time.Time
}

// DefaultOptions are the production defaults: requests live 5 minutes, authorizations a minute longer,
// refunds are possible for 14 days, and paying waits at most 1.5 s for the transaction hash.
var DefaultOptions = Options{
	RequestTTL:   5 * time.Minute,
	RelayMargin:  time.Minute,
	RefundWindow: 14 * 24 * time.Hour,
	HashWait:     1500 * time.Millisecond,
}

// The limits of a payment request.
const (
	MaxAmountCents  = 100_000
	MaxReferenceLen = 64
	MaxReasonLen    = 500
	// windowLead is how far before its creation a request's authorization window opens, so that a node
	// whose clock is a little behind the API's still accepts it.
	windowLead = time.Minute
)

// Service carries out the payment rules over a Store.
type Service struct {
	store Store
	opts  Options
	hub   *wakeup.Hub
	locks accountLocks
}

// New returns the service.
func New(store Store, opts Options) (*Service, error) {
	d := DefaultOptions
	for _, f := range []struct{ dst, def *time.Duration }{{&opts.RequestTTL, &d.RequestTTL},
		{&opts.RelayMargin, &d.RelayMargin}, {&opts.RefundWindow, &d.RefundWindow}, {&opts.HashWait, &d.HashWait}} {
		if *f.dst <= 0 {
			*f.dst = *f.def
		}
	}
	opts.Relayers = max(opts.Relayers, 1)
	opts.PublicBaseURL = strings.TrimRight(opts.PublicBaseURL, "/")
	if u, err := url.Parse(opts.PublicBaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("payments: the public base URL %q is not an absolute http(s) URL", opts.PublicBaseURL)
	}
	if opts.Zone == nil {
		opts.Zone = calendar.Zone()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Kick == nil {
		opts.Kick = func(outbox.Signer) {}
	}
	hub := opts.Hub
	if hub == nil {
		hub = wakeup.NewHub()
	}
	return &Service{store: store, opts: opts, hub: hub}, nil
}

func (s *Service) now() time.Time { return s.opts.Now().UTC() }

// Domain is the EIP-712 domain of the coin.
func (s *Service) Domain() Domain { return s.opts.Domain }

// QRLink is the link the till shows as the QR code of request id: PublicBaseURL/betalen/<id>.
func (s *Service) QRLink(id string) string { return QRLink(s.opts.PublicBaseURL, id) }

// RelayerFor names the relayer that sends the authorizations of payer: a hash of the address picks one of
// the configured relayers, so one payer's payments queue behind each other under one nonce owner while
// independent payers' payments go out in parallel.
func (s *Service) RelayerFor(payer common.Address) outbox.Signer {
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(payer.Hex())))
	return outbox.Relayer(int(h.Sum32() % uint32(s.opts.Relayers)))
}

// CreateRequest makes a payment request of amountCents for the calling shop, which must be activated.
// The reference is the shop's own (a till or order number, at most 64 printable characters); it is kept
// in the database only.
func (s *Service) CreateRequest(ctx context.Context, p accounts.Principal, amountCents int64, reference string) (Request, error) {
	if p.Role != accounts.RoleShop {
		return Request{}, accounts.ErrForbidden
	}
	if amountCents <= 0 || amountCents > MaxAmountCents {
		return Request{}, invalid("amount_cents", fmt.Sprintf("must be between 1 and %d cents", MaxAmountCents))
	}
	reference = strings.TrimSpace(reference)
	if !validReference(reference) {
		return Request{}, invalid("reference", "has at most 64 printable characters")
	}
	shop, err := s.store.Shop(ctx, p.AccountID)
	if err != nil {
		return Request{}, err
	}
	if !shop.Active {
		return Request{}, ErrShopNotActive
	}
	var nonce common.Hash
	if _, err := rand.Read(nonce[:]); err != nil {
		return Request{}, err
	}
	now := s.now().Truncate(time.Second)
	r := Request{ID: uuid.NewString(), ShopID: shop.ID, ShopAddress: shop.Address, ShopName: shop.Name,
		AmountCents: amountCents, Reference: reference, Nonce: nonce, CreatedAt: now, ExpiresAt: now.Add(s.opts.RequestTTL),
		ValidAfter: uint64(now.Add(-windowLead).Unix()), Status: StatusOpen}
	r.ValidBefore = uint64(r.ExpiresAt.Add(s.opts.RelayMargin).Unix())
	if err := s.store.CreateRequest(ctx, r); err != nil {
		return Request{}, err
	}
	return r, nil
}

// validReference reports whether a shop's reference (trimmed) has at most MaxReferenceLen bytes, all of them
// printable characters.
func validReference(ref string) bool {
	return len(ref) <= MaxReferenceLen && strings.IndexFunc(ref, func(r rune) bool { return !unicode.IsPrint(r) }) < 0
}

// View is a payment request as its caller may see it, with the EIP-712 typed data to sign.
type View struct {
	Request
	TypedData TypedData
}

// Get returns a request for the shop that made it, for any resident while it is open or expired, and
// afterwards only for the resident who paid it; for anyone else it does not exist. The typed data's from is
// the payer's address once paid, else the calling resident's bound address, else the zero address.
func (s *Service) Get(ctx context.Context, p accounts.Principal, id string) (View, error) {
	r, err := s.visible(ctx, p, id)
	if err != nil {
		return View{}, err
	}
	from := r.PayerAddress
	if !r.Paid() && p.Role == accounts.RoleResident {
		from, err = s.store.WalletAddress(ctx, p.AccountID)
		if err != nil && !errors.Is(err, ErrNoWallet) {
			return View{}, err
		}
	}
	return View{Request: r, TypedData: NewTypedData(s.opts.Domain, r.Authorization(from))}, nil
}

// visible loads a request if the caller may see it (see Get).
func (s *Service) visible(ctx context.Context, p accounts.Principal, id string) (Request, error) {
	r, err := s.store.Request(ctx, id)
	if err != nil {
		return Request{}, err
	}
	switch {
	case p.Role == accounts.RoleShop && r.ShopID == p.AccountID:
	case p.Role == accounts.RoleResident && (!r.Paid() || r.PayerID == p.AccountID):
	default:
		return Request{}, ErrNotFound
	}
	return r, nil
}

// Authorization is the EIP-3009 authorization from payer that pays the request exactly.
func (r Request) Authorization(from common.Address) Authorization {
	return Authorization{From: from, To: r.ShopAddress, Value: bigCents(r.AmountCents), ValidAfter: r.ValidAfter,
		ValidBefore: r.ValidBefore, Nonce: r.Nonce}
}
