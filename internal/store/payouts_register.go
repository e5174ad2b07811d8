package store

import "github.com/heerlen/heitje/internal/privacy"

// payoutsDataset is the register entry of paying shops out in euros, and the classification of the tables
// of payouts_store.go (written by the payouts work; classified here, beside it). Payout lines name shops,
// never residents.
var payoutsDataset = privacy.Dataset{
	Activity: privacy.Activity{
		ID:   actPayouts,
		Name: "Paying shops out: payout runs, consolidated report, bank file",
		Purposes: []string{"consolidated transaction data for bank payments to participating shops (seed 000 §32, goal 6)",
			"the municipality's bookkeeping (seed 000 §6, purpose 3)"},
		LegalBases: []privacy.LegalBasis{
			{Basis: privacy.BasisContract, Explanation: "the municipality pays shops for the coins they took"},
			{Basis: privacy.BasisObligation, Explanation: "bookkeeping and fiscal retention (AWR art. 52)"}},
		Subjects:   []string{"shopkeepers (a sole trader's business name and IBAN are personal data)", "finance staff"},
		Recipients: []string{"staff with finance", "the municipality's bank (the SEPA credit transfer)", "Co-Town as processor (hosting)"},
		Transfers:  "none",
		Retention:  []privacy.RetentionCategory{privacy.RetainPayouts},
		Security:   append([]string{"IBANs decrypted only to write the bank file, and that export audited"}, security...),
		Processing: []string{"aggregation per shop", "storage", "transmission to the bank"},
		Origin:     "the shops' registrations and the indexed chain",
		Automated:  "none: finance staff create, execute and mark runs paid",
		DPIA:       "DPIA 't Heerlens Heitje",
	},
	Tables: []privacy.Table{
		{Name: "payout_runs", Retention: privacy.RetainPayouts, Columns: []privacy.Column{
			notPersonal("id", "a run's id"), notPersonal("period_start", "the run's period"), notPersonal("period_end", "the run's period"),
			notPersonal("from_block", "the run's blocks"), notPersonal("cutoff_block", "the run's blocks"),
			notPersonal("ref", "the run's opaque chain reference"), notPersonal("reference", "the run's bank reference"),
			notPersonal("status", "the run's status"), notPersonal("report_sha256", "the report's hash"),
			pseudonymous("created_by", catStaff, "Finance staff who created the run (id)", actPayouts),
			notPersonal("created_at", "when the run was created"),
			pseudonymous("executed_by", catStaff, "Finance staff who executed the run (id)", actPayouts),
			notPersonal("execute_started_at", "when execution started"), notPersonal("executed_at", "when the run was settled"),
			notPersonal("settled_block", "the run's last redeem block"),
			pseudonymous("cancelled_by", catStaff, "Finance staff who cancelled the run (id)", actPayouts),
			notPersonal("cancelled_at", "when the run was cancelled"),
		}, Links: []privacy.Link{{Title: "Payout runs you handled (staff)", Where: "created_by = @account OR executed_by = @account OR cancelled_by = @account",
			Columns: []string{"id", "reference", "created_by", "executed_by", "cancelled_by", "created_at"}}}},
		{Name: "payout_lines", Retention: privacy.RetainPayouts, Columns: []privacy.Column{
			pseudonymous("id", catFinancial, "Payout line id", actPayouts),
			pseudonymous("run_id", catFinancial, "Payout run", actPayouts),
			personal("shop_id", catIdentity, "Shop's account id", actPayouts),
			pseudonymous("shop_address", catAddress, "Shop's chain address", actPayouts),
			sealed("business_name_enc", catBusiness, "Business name at the time of the run", actPayouts),
			personal("payments", catFinancial, "Payments received in the period", actPayouts),
			personal("gross_cents", catFinancial, "Gross received (cents)", actPayouts),
			personal("refunds", catFinancial, "Refunds given in the period", actPayouts),
			personal("refunded_cents", catFinancial, "Refunded (cents)", actPayouts),
			personal("amount_cents", catFinancial, "Coins redeemed and euros paid (cents)", actPayouts),
			pseudonymous("intent_id", catAddress, "The redeem's chain intent", actPayouts),
			notPersonal("attempts", "how often the redeem was retried"),
			pseudonymous("redeemed_block", catAddress, "Block of the redeem", actPayouts),
			pseudonymous("redeem_tx", catAddress, "The redeem's transaction", actPayouts),
			personal("paid_on", catFinancial, "Paid on", actPayouts),
			personal("bank_reference", catFinancial, "Bank reference", actPayouts),
			pseudonymous("paid_by", catStaff, "Finance staff who marked it paid (id)", actPayouts),
			personal("paid_at", catFinancial, "Marked paid at", actPayouts),
			personal("details_version", catFinancial, "Version of the approved bank details paid to", actPayouts),
			sealed("iban_enc", catFinancial, "IBAN paid to (the approved one when the run was drafted)", actPayouts),
		}, Links: []privacy.Link{
			{Title: "Your shop's payouts", Where: "shop_id = @account", Columns: []string{"id", "run_id", "shop_id", "shop_address",
				"business_name_enc", "payments", "gross_cents", "refunds", "refunded_cents", "amount_cents", "intent_id",
				"redeemed_block", "redeem_tx", "paid_on", "bank_reference", "paid_at", "details_version", "iban_enc"}},
			{Title: "Payout lines you marked paid (staff)", Where: "paid_by = @account", Columns: []string{"id", "paid_by", "paid_at"}}}},
	},
}
