package store

import "github.com/heerlen/heitje/internal/privacy"

// actNotices is the register entry of notices.
const actNotices = "notices"

// noticesDataset is the register entry of telling people what happened to them, and the classification of
// the tables of notices_store.go.
var noticesDataset = privacy.Dataset{
	Activity: privacy.Activity{
		ID:   actNotices,
		Name: "Notices to residents, shops and staff",
		Purposes: []string{"telling a resident or shop what happened to their account, claims, rewards, refunds and payouts, in the app and, when they opted in, by e-mail",
			"telling staff that a queue they work has waited too long"},
		LegalBases: []privacy.LegalBasis{
			{Basis: privacy.BasisContract, Explanation: "keeping the person informed about the agreement to take part"},
			{Basis: privacy.BasisConsent, Explanation: "e-mail only after the person turned it on; one click in every e-mail turns it off"}},
		Subjects:   []string{"residents", "shopkeepers", "municipal staff"},
		Recipients: []string{"the person told only; e-mail passes the municipality's mail server"},
		Transfers:  "none",
		Retention:  []privacy.RetentionCategory{privacy.RetainNotices, privacy.RetainAccount},
		Security: append([]string{"a notice names only the person's own matters: never another person, never another person's amounts",
			"the e-mail address is read from the encrypted account column only to send"}, security...),
		Processing: []string{"generation from the person's own events", "storage", "transmission by e-mail (opt-in)", "erasure"},
		Origin:     "the platform, from the events it reports",
		Automated:  "none: a notice reports a decision made by a person, or a fact",
		DPIA:       "DPIA 't Heerlens Heitje",
	},
	Tables: []privacy.Table{
		{Name: "notices", Retention: privacy.RetainNotices, Columns: []privacy.Column{
			pseudonymous("id", catActivity, "Notice id", actNotices),
			personal("account_id", catIdentity, "Account id", actNotices),
			personal("kind", catActivity, "What it told you", actNotices),
			pseudonymous("event_key", catActivity, "The event it reported (ids)", actNotices),
			personal("params", catFreeText, "What it said (reasons, chores, your amounts)", actNotices),
			personal("created_at", catActivity, "Written at", actNotices),
			personal("app_at", catActivity, "In the app since", actNotices),
			personal("read_at", catActivity, "Read at", actNotices),
			personal("email_status", catActivity, "E-mail: pending, sent, skipped or failed", actNotices),
			personal("email_attempts", catActivity, "E-mail attempts", actNotices),
			personal("email_retry_at", catActivity, "E-mail's next attempt", actNotices),
			personal("email_sent_at", catActivity, "E-mail sent at", actNotices),
			personal("email_error", catUsage, "E-mail's last error (the mail server's answer)", actNotices),
		}, Links: []privacy.Link{{Title: "Notices to you", Where: "account_id = @account", Columns: []string{"id", "account_id",
			"kind", "event_key", "params", "created_at", "app_at", "read_at", "email_status", "email_attempts", "email_retry_at",
			"email_sent_at", "email_error"}}}},
		{Name: "notice_settings", Retention: privacy.RetainAccount, Columns: []privacy.Column{
			personal("account_id", catIdentity, "Account id", actNotices),
			personal("language", catIdentity, "Language of your notices", actNotices),
			personal("email", catPrivacy, "Notices by e-mail (your choice)", actNotices),
			personal("changed_at", catPrivacy, "Choice made at", actNotices),
		}, Links: []privacy.Link{{Title: "How you want to be told", Where: "account_id = @account",
			Columns: []string{"account_id", "language", "email", "changed_at"}}}},
		{Name: "notice_queue_alerts", Retention: privacy.RetainLedger, Columns: []privacy.Column{
			notPersonal("queue", "a staff queue's name"),
			notPersonal("over_since", "when a queue last waited too long"),
		}},
	},
}
