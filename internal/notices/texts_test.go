package notices_test

import (
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/notices"
)

// examples is one notice of every kind, as the domains write them.
func examples() []notices.Notice {
	due := time.Date(2026, 12, 8, 9, 30, 0, 0, time.UTC)
	return []notices.Notice{
		notices.AccountApproved("a"),
		notices.AccountRejected("a", "Het adres ligt buiten Heerlen"),
		notices.ClaimApproved("a", "c", "Bladeren ruimen", 350),
		notices.ClaimRejected("a", "c", "Bladeren ruimen", "Op de foto staat een andere straat"),
		notices.ClaimNeedsInfo("a", "c", "Bladeren ruimen", "Graag een foto van de volle zakken", due),
		notices.RewardArrived("a", "c", "Bladeren ruimen", 350),
		notices.PaymentRefunded("a", "r", 500, 1250, due, "Taart was op"),
		notices.PayoutPaid("s", "run", 123456, due, "BANK-1"),
		notices.QueueWaiting("st", notices.QueueReview, 48*time.Hour, due),
		notices.RecoveryAsked("a", "rec"),
		notices.RecoveryApproved("a", "rec", due),
		notices.RecoveryCancelled("a", "rec"),
	}
}

// TestTextsEveryKindInBothLanguages: every kind has a Dutch and an English title and body that differ,
// fill in the notice's values (amounts written as euros in each language's way) and leave no value out.
func TestTextsEveryKindInBothLanguages(t *testing.T) {
	seen := map[notices.Kind]bool{}
	for _, n := range examples() {
		seen[n.Kind] = true
		nl, en := notices.Render(notices.Dutch, n), notices.Render(notices.English, n)
		for _, tx := range []notices.Text{nl, en} {
			if tx.Title == "" || tx.Body == "" || tx.Title == string(n.Kind) || strings.Contains(tx.Body, "%!") {
				t.Errorf("%s: %q %q", n.Kind, tx.Title, tx.Body)
			}
			for k, v := range n.Params {
				switch k {
				case "amount_cents", "payment_cents", "due", "paid_on", "hours", "queue", "executable_at":
					continue // written in the language's own way
				}
				if !strings.Contains(tx.Body, v) {
					t.Errorf("%s: %q does not say %s %q", n.Kind, tx.Body, k, v)
				}
			}
		}
		if nl == en {
			t.Errorf("%s: the Dutch and English texts are the same", n.Kind)
		}
	}
	for _, k := range notices.Kinds() {
		if !seen[k] {
			t.Errorf("no example of %s", k)
		}
	}
	payout := examples()[7]
	if nl := notices.Render(notices.Dutch, payout).Body; !strings.Contains(nl, "€ 1.234,56") || !strings.Contains(nl, "8-12-2026") {
		t.Errorf("Dutch payout: %q", nl)
	}
	if en := notices.Render(notices.English, payout).Body; !strings.Contains(en, "€1,234.56") || !strings.Contains(en, "8 December 2026") {
		t.Errorf("English payout: %q", en)
	}
	// The due time is given in Heerlen's time: 09:30 UTC is 10:30 in December.
	if nl := notices.Render(notices.Dutch, examples()[4]).Body; !strings.Contains(nl, "8-12-2026 10:30") {
		t.Errorf("Dutch due time: %q", nl)
	}
	if got := notices.Render("fr", examples()[0]); got != notices.Render(notices.Dutch, examples()[0]) {
		t.Errorf("an unknown language is not Dutch: %q", got.Title)
	}
}
