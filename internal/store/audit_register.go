package store

import "github.com/heerlen/heitje/internal/privacy"

// auditDataset is the register entry of the audit log, and the classification of the tables of
// audit_store.go. The rows about a person are in their export: which staff looked at their data, when,
// which fields and why.
var auditDataset = privacy.Dataset{
	Activity: privacy.Activity{
		ID:   actAudit,
		Name: "Audit log of staff access to personal data",
		Purposes: []string{"tracing who consulted, changed or exported which personal data when, and why (002 §8.2)",
			"security of processing (AVG art. 32) and accountability (art. 5(2))"},
		LegalBases: []privacy.LegalBasis{{Basis: privacy.BasisObligation,
			Explanation: "the controller must secure processing and be able to show it (AVG art. 5(2), 32)"}},
		Subjects:   []string{"municipal staff (the actors)", "residents and shops (the subjects)"},
		Recipients: []string{"the privacy officer (privacy privilege; reading the log is itself logged)", "the person, about themselves (their export)"},
		Transfers:  "none",
		Retention:  []privacy.RetentionCategory{privacy.RetainAudit},
		Security: append([]string{"append-only: a trigger refuses changes; each entry's hash covers the previous one, " +
			"so tampering shows (`heitje audit verify`)"}, security...),
		Processing: []string{"storage", "consultation by the privacy officer"},
		Origin:     "the platform, at every staff access",
		Automated:  "none",
		DPIA:       "DPIA 't Heerlens Heitje",
	},
	Tables: []privacy.Table{
		{Name: "audit_log", Retention: privacy.RetainAudit, Columns: []privacy.Column{
			notPersonal("id", "an entry's number"),
			personal("at", catStaff, "When", actAudit),
			pseudonymous("actor_id", catStaff, "Staff member (id)", actAudit),
			personal("actor", catStaff, "Staff member (username)", actAudit),
			personal("action", catStaff, "What was done", actAudit),
			pseudonymous("subject_id", catIdentity, "Whose data (account id)", actAudit),
			personal("fields", catStaff, "Which fields", actAudit),
			personal("reason", catFreeText, "Why, as the staff member gave it", actAudit),
			personal("detail", catStaff, "What changed", actAudit),
			notPersonal("request_id", "the API request's random id"),
			personal("source_ip", catUsage, "The staff member's network address", actAudit),
			notPersonal("prev_hash", "the hash chain"), notPersonal("hash", "the hash chain"),
		}, Links: []privacy.Link{
			{Title: "Who at the municipality looked at or changed your data, and when (audit log)", Where: "subject_id = @account",
				Columns: []string{"id", "at", "actor_id", "actor", "action", "subject_id", "fields", "reason", "detail"}},
			{Title: "What you did as staff (audit log)", Where: "actor_id = @account",
				Columns: []string{"id", "at", "actor_id", "actor", "action", "subject_id", "fields", "reason", "detail", "source_ip"}}}},
		{Name: "audit_chain", Retention: privacy.RetainAudit, Columns: []privacy.Column{
			notPersonal("singleton", "there is one row"), notPersonal("first_id", "where the chain starts"),
			notPersonal("first_prev_hash", "where the chain starts"), notPersonal("head_id", "the chain's head"),
			notPersonal("head_hash", "the chain's head"),
		}},
	},
}
