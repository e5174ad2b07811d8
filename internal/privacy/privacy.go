// Package privacy is what the privacy policy of 't Heerlens Heitje (seed 000) promises residents, built
// into the platform: the processing register (AVG art. 30) declared next to the data it describes; the
// data subjects' requests with their four-week due date; the full export of what is held about someone;
// erasure that keeps the bookkeeping the law requires without the person; restriction and objection;
// versioned privacy notices and the research-contact consent; retention per data category, enforced by an
// idempotent job; the breach register with its 72-hour clock; and analytics that only ever see
// aggregates over groups of at least k people. It declares the Store it needs and imports neither gin,
// gorm nor ethclient: nothing here can read or write the chain.
package privacy

import (
	"errors"
	"time"

	"github.com/heerlen/heitje/internal/validation"
)

// ErasedAccountID is the one account that erased people's bookkeeping is kept under (migration 0008): it
// has no username, contact details, address or login, and it stands for everyone who was erased at once.
const ErasedAccountID = "e7a5ed00-0000-4000-8000-000000000000"

// ResponseTime is how long the municipality has to answer a data subject's request: four weeks from
// receipt (seed 000 §16; the stricter of that and Nieuwegein's one month, 002 §5.1(1)).
const ResponseTime = 28 * 24 * time.Hour

// AuthorityDeadline is how long after becoming aware of a breach the Autoriteit Persoonsgegevens must be
// told; a later notification needs the reason for the delay (seed 000 §30).
const AuthorityDeadline = 72 * time.Hour

// ProcessorDeadline is how long a processor has to tell the municipality of a breach it discovered (002
// Bijl.1 art 6.1).
const ProcessorDeadline = 24 * time.Hour

// The errors of this package. The API maps each to a status and a stable code.
var (
	ErrNotFound            = errors.New("privacy: not found")
	ErrForbidden           = errors.New("privacy: not allowed")
	ErrRequestClosed       = errors.New("privacy: the request is already closed")
	ErrErasureBlocked      = errors.New("privacy: coin movements or claims of the account are still under way")
	ErrNotErasable         = errors.New("privacy: staff accounts are not erased through a data subject's request")
	ErrContactRequired     = errors.New("privacy: research contact needs a phone number or e-mail address")
	ErrDelayReasonRequired = errors.New("privacy: the authority was told more than 72 hours after awareness; give the reason")
	ErrCollector           = errors.New("privacy: staff who collected the data may not analyse it")
	ErrAlreadyLifted       = errors.New("privacy: the restriction was already lifted")
	ErrBreachClosed        = errors.New("privacy: the breach is closed")
	ErrIdentityUnverified  = errors.New("privacy: the requester's identity was not established")
)

// ValidationError is bad input in one field (internal/validation). Nothing was changed.
type ValidationError = validation.Error

func invalid(field, msg string) error { return validation.Invalid("privacy", field, msg) }

// Purpose names a processing a person can object to, consent to or be restricted from.
type Purpose string

// The purposes. All is the scope of a restriction: every processing except storage stops.
const (
	PurposeAll             Purpose = "all"
	PurposeResearchContact Purpose = "research_contact"
	PurposeAnalytics       Purpose = "analytics"
)

// Channel is how a request or a consent reached the municipality.
type Channel string

// The channels (seed 000 §16: at the counter, in writing, through the website's forms, by e-mail).
const (
	ChannelApp     Channel = "app"
	ChannelCounter Channel = "counter"
	ChannelLetter  Channel = "letter"
	ChannelEmail   Channel = "email"
)

// Known reports whether c is a channel of the platform.
func (c Channel) Known() bool {
	return c == ChannelApp || c == ChannelCounter || c == ChannelLetter || c == ChannelEmail
}

// Subject is what the privacy rules need of an account: who it is, and the keys its data is found under.
// Wallet is its chain address (lowercase 0x-hex) or "".
type Subject struct {
	ID       string
	Role     string
	Status   string
	Username string
	Wallet   string
	Email    string
	Phone    string
}

// MaxTextLen is the longest free text a request, decision or breach field takes.
const MaxTextLen = 4000
