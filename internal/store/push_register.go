package store

import "github.com/heerlen/heitje/internal/privacy"

// actPush is the register entry of web push.
const actPush = "web_push"

// pushDataset is the register entry of pushing notices to the browsers people allowed, and the
// classification of the tables of push_store.go.
var pushDataset = privacy.Dataset{
	Activity: privacy.Activity{
		ID:   actPush,
		Name: "Notices by web push",
		Purposes: []string{"showing a person's notices on the phone or computer where they turned push on in the app, " +
			"the moment they are written"},
		LegalBases: []privacy.LegalBasis{
			{Basis: privacy.BasisConsent, Explanation: "only after the person turned push on in the app and allowed it in the browser; turning it off removes the subscription"}},
		Subjects: []string{"residents", "shopkeepers", "municipal staff"},
		Recipients: []string{"the person's browser only: the push service of the browser's maker (Google, Mozilla, Apple, Microsoft) " +
			"passes the push on but cannot read it, since it is encrypted to the browser's key (RFC 8291)"},
		Transfers: "the push service of the person's browser, which may be outside the EU, receives the encrypted push, " +
			"its size and time, and the browser's subscription address; never its text",
		Retention: []privacy.RetentionCategory{privacy.RetainAccount, privacy.RetainNotices},
		Security: append([]string{"the push's text is encrypted to the browser's own key; the platform signs its pushes (VAPID)",
			"a subscription the push service reports gone is deleted; the logs never name a subscription's address"}, security...),
		Processing: []string{"storage of the browser's subscription", "encryption and transmission of each notice to it", "erasure"},
		Origin:     "the person's browser, when push was turned on in the app",
		Automated:  "none",
		DPIA:       "DPIA 't Heerlens Heitje",
	},
	Tables: []privacy.Table{
		{Name: "push_subscriptions", Retention: privacy.RetainAccount, Columns: []privacy.Column{
			pseudonymous("id", catUsage, "Push subscription id", actPush),
			personal("account_id", catIdentity, "Account id", actPush),
			personal("endpoint", catUsage, "Your browser's push address (at its maker's push service)", actPush),
			withheld("p256dh", catCredentials, "Your browser's public key the pushes are encrypted to", actPush),
			withheld("auth", catCredentials, "Your browser's push secret", actPush),
			personal("created_at", catPrivacy, "Push turned on at", actPush),
			personal("last_success_at", catUsage, "Last push delivered at", actPush),
			personal("last_failure_at", catUsage, "Last push failed at", actPush),
			personal("last_error", catUsage, "The push service's last error", actPush),
		}, Links: []privacy.Link{{Title: "Browsers you get pushes on", Where: "account_id = @account",
			Columns: []string{"id", "account_id", "endpoint", "p256dh", "auth", "created_at", "last_success_at",
				"last_failure_at", "last_error"}}}},
		{Name: "push_deliveries", Retention: privacy.RetainNotices, Columns: []privacy.Column{
			pseudonymous("notice_id", catActivity, "Notice pushed (id)", actPush),
			pseudonymous("subscription_id", catUsage, "Push subscription (id)", actPush),
			personal("status", catActivity, "Push: pending, sent or failed", actPush),
			personal("attempts", catActivity, "Push attempts", actPush),
			personal("retry_at", catActivity, "Push's next attempt", actPush),
			personal("sent_at", catActivity, "Pushed at", actPush),
			personal("error", catUsage, "Push's last error (the push service's answer)", actPush),
		}, Links: []privacy.Link{{Title: "Notices pushed to your browsers",
			Where:   "subscription_id IN (SELECT id FROM push_subscriptions WHERE account_id = @account)",
			Columns: []string{"notice_id", "subscription_id", "status", "attempts", "retry_at", "sent_at", "error"}}}},
	},
}
