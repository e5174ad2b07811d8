package privacy

import "fmt"

// UnderWay counts what an account has under way that erasing it now would cut short. The store counts;
// Blockers decides what of it blocks and says so.
type UnderWay struct {
	// OpenClaims are claims claimed, submitted or waiting for more information.
	OpenClaims int
	// Minting are approved claims whose reward is being minted.
	Minting int
	// Paying are payments of the account (as payer or shop) being relayed.
	Paying int
	// Refunding are refunds from the shop or to the account's address being relayed.
	Refunding int
	// OpenRequests are a shop's payment requests no one has paid yet.
	OpenRequests int
	// Unpaid are a shop's payout lines not yet paid out.
	Unpaid int
	// BalanceCents is what the account's address holds, in cents.
	BalanceCents int64
	// Recoveries are key recoveries of the account not yet at an end: asked, verified, approved (the coins
	// not moved yet) or being cancelled.
	Recoveries int
}

// Blockers says, in words without personal data, what stops the subject from being erased now: coin
// movements under way must finish first, so that no payment, reward, recovery or payout is left without its
// bookkeeping; a shop must first be paid out. None means it may be erased.
func Blockers(s Subject, u UnderWay) []string {
	var out []string
	add := func(n int, what string) {
		if n > 0 {
			out = append(out, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(u.OpenClaims, "open claim(s): withdraw or finish them, or wait for them to expire")
	add(u.Minting, "reward(s) being minted")
	add(u.Paying, "payment(s) being relayed")
	add(u.Refunding, "refund(s) being relayed")
	add(u.Recoveries, "key recovery(s) under way: executed, rejected or cancelled first")
	if s.Role == "shop" {
		add(u.OpenRequests, "open payment request(s)")
		add(u.Unpaid, "payout line(s) not yet paid")
		if u.BalanceCents > 0 {
			out = append(out, fmt.Sprintf("the shop still holds %d cents: pay them out first", u.BalanceCents))
		}
	}
	return out
}
