package store

import "github.com/heerlen/heitje/internal/privacy"

// recoveriesTable is the register's classification of key_recoveries: a resident's recoveries of a lost key,
// kept with the account (and erased with it: its rows go when the account does) and in its export.
var recoveriesTable = privacy.Table{Name: "key_recoveries", Retention: privacy.RetainInactive, Columns: []privacy.Column{
	pseudonymous("id", catIdentity, "Recovery id (its hash is the recovery's reference on the chain)", actAccounts, actLedger),
	personal("account_id", catIdentity, "Account id", actAccounts),
	pseudonymous("from_address", catAddress, "Chain address of the lost key", actAccounts, actLedger),
	pseudonymous("to_address", catAddress, "Chain address of the new key", actAccounts, actLedger),
	personal("status", catIdentity, "Where the recovery is (asked, verified, approved, cancelled, executed …)", actAccounts),
	personal("asked_at", catIdentity, "Asked at", actAccounts),
	pseudonymous("verified_by", catStaff, "Staff member who verified your identity (id)", actAccounts),
	personal("verified_at", catIdentity, "Identity verified at", actAccounts),
	pseudonymous("approved_by", catStaff, "Second staff member who approved the recovery (id)", actAccounts),
	personal("approved_at", catIdentity, "Approved at", actAccounts),
	pseudonymous("rejected_by", catStaff, "Staff member who refused the recovery (id)", actAccounts),
	personal("reject_reason", catFreeText, "Why the recovery was refused", actAccounts),
	pseudonymous("cancel_signature", catAddress, "The lost key's signature of the cancellation", actAccounts, actLedger),
	pseudonymous("request_intent_id", catAddress, "Chain intent that asked the coin for the recovery (id)", actAccounts, actLedger),
	pseudonymous("cancel_intent_id", catAddress, "Chain intent that cancelled it (id)", actAccounts, actLedger),
	pseudonymous("execute_intent_id", catAddress, "Chain intent that moved the coins (id)", actAccounts, actLedger),
	personal("executable_at", catIdentity, "Earliest time the coins could move (the lost key could cancel until then)", actAccounts),
	personal("done_at", catIdentity, "Ended at", actAccounts),
	personal("error", catIdentity, "Why the coin contract refused it", actAccounts),
}, Links: []privacy.Link{{Title: "Recoveries of a lost key", Where: "account_id = @account",
	Columns: []string{"id", "account_id", "from_address", "to_address", "status", "asked_at", "verified_by", "verified_at",
		"approved_by", "approved_at", "rejected_by", "reject_reason", "cancel_signature", "request_intent_id",
		"cancel_intent_id", "execute_intent_id", "executable_at", "done_at", "error"}}}}
