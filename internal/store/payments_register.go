package store

import "github.com/heerlen/heitje/internal/privacy"

// paymentsDataset is the register entry of paying at shops, and the classification of the tables of
// payments_store.go and payments_tx.go (written by the payments work; classified here, beside them).
var paymentsDataset = privacy.Dataset{
	Activity: privacy.Activity{
		ID:   actPayments,
		Name: "Paying at local shops with the coin",
		Purposes: []string{"spending the local digital currency at participating shops (seed 000 §32, goal 3; §6 purpose 1)",
			"refunds by the shop"},
		LegalBases: []privacy.LegalBasis{{Basis: privacy.BasisContract,
			Explanation: "the resident pays the shop; the platform relays the resident's signed authorization"}},
		Subjects:   []string{"residents (payers)", "shopkeepers"},
		Recipients: []string{"the shop paid (sees the amount and its own reference, not the resident's identity)", "Co-Town as processor (hosting)"},
		Transfers:  "none",
		Retention:  []privacy.RetentionCategory{privacy.RetainPayouts},
		Security:   append([]string{"residents sign on their phone; the server never holds a resident's key (seed 000 §32)"}, security...),
		Processing: []string{"collection", "storage", "relaying a signed authorization to the chain"},
		Origin:     "the shop (request, reference, refund reason) and the resident's phone (signature)",
		Automated:  "none",
		DPIA:       "DPIA 't Heerlens Heitje",
	},
	Tables: []privacy.Table{
		{Name: "payment_requests", Retention: privacy.RetainPayouts, Columns: []privacy.Column{
			pseudonymous("id", catFinancial, "Payment id", actPayments),
			personal("shop_id", catIdentity, "Shop's account id", actPayments),
			pseudonymous("shop_address", catAddress, "Shop's chain address", actPayments),
			personal("amount_cents", catFinancial, "Amount (cents)", actPayments, actAnalysis),
			personal("reference", catFreeText, "The shop's own reference", actPayments),
			pseudonymous("auth_nonce", catAddress, "Authorization nonce", actPayments),
			personal("valid_after", catFinancial, "Authorization valid after (unix time)", actPayments),
			personal("valid_before", catFinancial, "Authorization valid before (unix time)", actPayments),
			personal("created_at", catFinancial, "Asked at", actPayments),
			personal("expires_at", catFinancial, "Request expires at", actPayments),
			personal("payer_id", catIdentity, "Payer's account id", actPayments, actAnalysis),
			pseudonymous("payer_address", catAddress, "Payer's chain address", actPayments, actLedger),
			pseudonymous("signature", catAddress, "Your phone's signature of the authorization", actPayments),
			pseudonymous("intent_id", catAddress, "The payment's chain intent", actPayments),
			personal("submitted_at", catFinancial, "Paid at", actPayments, actAnalysis),
			personal("cancelled_at", catFinancial, "Cancelled by the shop at", actPayments),
		}, Links: []privacy.Link{
			{Title: "Payments you made", Where: "payer_id = @account", Columns: []string{"id", "shop_address", "amount_cents",
				"reference", "auth_nonce", "valid_after", "valid_before", "created_at", "payer_id", "payer_address", "signature",
				"intent_id", "submitted_at"}},
			{Title: "Payments your shop asked for", Where: "shop_id = @account", Columns: []string{"id", "shop_id", "shop_address",
				"amount_cents", "reference", "auth_nonce", "valid_after", "valid_before", "created_at", "expires_at", "intent_id",
				"submitted_at", "cancelled_at"}}}},
		{Name: "refunds", Retention: privacy.RetainPayouts, Columns: []privacy.Column{
			pseudonymous("id", catFinancial, "Refund id", actPayments),
			pseudonymous("payment_id", catFinancial, "Payment refunded", actPayments),
			personal("shop_id", catIdentity, "Shop's account id", actPayments),
			pseudonymous("shop_address", catAddress, "Shop's chain address", actPayments),
			pseudonymous("resident_address", catAddress, "Address refunded to", actPayments, actLedger),
			personal("amount_cents", catFinancial, "Amount refunded (cents)", actPayments),
			personal("reason", catFreeText, "The shop's reason", actPayments),
			pseudonymous("auth_nonce", catAddress, "Authorization nonce", actPayments),
			pseudonymous("intent_id", catAddress, "The refund's chain intent", actPayments),
			personal("created_at", catFinancial, "Refunded at", actPayments),
		}, Links: []privacy.Link{
			{Title: "Refunds to you", Where: "resident_address = @wallet", Columns: []string{"id", "payment_id", "shop_address",
				"resident_address", "amount_cents", "reason", "auth_nonce", "intent_id", "created_at"}},
			{Title: "Refunds your shop gave", Where: "shop_id = @account", Columns: []string{"id", "payment_id", "shop_id",
				"shop_address", "amount_cents", "reason", "auth_nonce", "intent_id", "created_at"}}}},
		{Name: "idempotency_keys", Retention: privacy.RetainInactive, Columns: []privacy.Column{
			personal("account_id", catIdentity, "Account id", actPayments),
			pseudonymous("key", catUsage, "Idempotency key your app sent", actPayments),
			withheld("request_hash", catCredentials, "Hash of the request", actPayments),
			pseudonymous("resource", catUsage, "What the request made", actPayments),
			pseudonymous("intent_id", catAddress, "Its chain intent", actPayments),
			personal("created_at", catUsage, "Sent at", actPayments),
		}, Links: []privacy.Link{{Title: "Idempotency keys of your payments", Where: "account_id = @account",
			Columns: []string{"account_id", "key", "request_hash", "resource", "intent_id", "created_at"}}}},
	},
}
