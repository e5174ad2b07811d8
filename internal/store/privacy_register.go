package store

import "github.com/heerlen/heitje/internal/privacy"

// privacyDataset is the register entry of the privacy officer's own work, and the classification of the
// tables of privacy_store.go.
var privacyDataset = privacy.Dataset{
	Activity: privacy.Activity{
		ID:   actPrivacy,
		Name: "Data subjects' requests, restrictions and the breach register",
		Purposes: []string{"handling requests for access, rectification, erasure, restriction, objection and portability within four weeks (seed 000 §15-17)",
			"keeping the register of breaches and notifying the authority within 72 hours (seed 000 §30)"},
		LegalBases: []privacy.LegalBasis{{Basis: privacy.BasisObligation, Explanation: "AVG art. 12-22 and 33-34"}},
		Subjects:   []string{"residents, shopkeepers and staff who make requests", "privacy officers"},
		Recipients: []string{"the privacy officer (privacy privilege)", "the Autoriteit Persoonsgegevens (breach notifications, without subject lists)"},
		Transfers:  "none",
		Retention:  []privacy.RetentionCategory{privacy.RetainRegisters, privacy.RetainAccount},
		Security:   security,
		Processing: []string{"collection", "storage", "decision", "erasure"},
		Origin:     "the person making the request; the privacy officer",
		Automated:  "none: every request is decided by the privacy officer",
		DPIA:       "DPIA 't Heerlens Heitje",
	},
	Tables: []privacy.Table{
		{Name: "privacy_requests", Retention: privacy.RetainRegisters, Columns: []privacy.Column{
			pseudonymous("id", catPrivacy, "Request id", actPrivacy),
			personal("account_id", catIdentity, "Account id", actPrivacy),
			personal("kind", catPrivacy, "Right invoked", actPrivacy),
			personal("purpose", catPrivacy, "Processing objected to", actPrivacy),
			personal("details", catFreeText, "Your explanation", actPrivacy),
			personal("channel", catPrivacy, "How it reached us", actPrivacy),
			personal("identity_verified", catPrivacy, "Identity established", actPrivacy),
			personal("received_at", catPrivacy, "Received at", actPrivacy),
			personal("due_at", catPrivacy, "Answer due by", actPrivacy),
			personal("status", catPrivacy, "Status", actPrivacy),
			personal("decision", catPrivacy, "Decision", actPrivacy),
			personal("decision_reason", catFreeText, "Reasons for the decision", actPrivacy),
			personal("closed_at", catPrivacy, "Decided at", actPrivacy),
			pseudonymous("closed_by", catStaff, "Privacy officer who decided (id)", actPrivacy),
		}, Links: []privacy.Link{
			{Title: "Your privacy requests", Where: "account_id = @account", Columns: []string{"id", "account_id", "kind", "purpose",
				"details", "channel", "identity_verified", "received_at", "due_at", "status", "decision", "decision_reason",
				"closed_at", "closed_by"}},
			{Title: "Requests you decided (privacy officer)", Where: "closed_by = @account", Columns: []string{"id", "closed_by", "closed_at"}}}},
		{Name: "restrictions", Retention: privacy.RetainAccount, Columns: []privacy.Column{
			pseudonymous("id", catPrivacy, "Restriction id", actPrivacy),
			personal("account_id", catIdentity, "Account id", actPrivacy, actResearch, actAnalysis),
			personal("kind", catPrivacy, "Restriction or objection", actPrivacy),
			personal("scope", catPrivacy, "Processing stopped", actPrivacy, actResearch, actAnalysis),
			pseudonymous("request_id", catPrivacy, "Request it came from", actPrivacy),
			personal("reason", catFreeText, "Reason", actPrivacy),
			personal("since", catPrivacy, "In force since", actPrivacy),
			personal("lifted_at", catPrivacy, "Lifted at", actPrivacy),
			pseudonymous("lifted_by", catStaff, "Privacy officer who lifted it (id)", actPrivacy),
			personal("lift_reason", catFreeText, "Why it was lifted", actPrivacy),
		}, Links: []privacy.Link{
			{Title: "Restrictions of processing and objections", Where: "account_id = @account", Columns: []string{"id", "account_id",
				"kind", "scope", "request_id", "reason", "since", "lifted_at", "lifted_by", "lift_reason"}},
			{Title: "Restrictions you lifted (privacy officer)", Where: "lifted_by = @account", Columns: []string{"id", "lifted_by", "lifted_at"}}}},
		{Name: "breaches", Retention: privacy.RetainRegisters, Columns: breachColumns(),
			Links: []privacy.Link{{Title: "Breaches you entered (privacy officer)", Where: "created_by = @account",
				Columns: []string{"id", "title", "created_by", "created_at"}}}},
	},
}

// breachColumns classifies the breach register: an incident's record, written without naming the people
// concerned (their number and group only); the one personal column is the officer who entered it.
func breachColumns() []privacy.Column {
	cols := []privacy.Column{pseudonymous("created_by", catStaff, "Privacy officer who entered the breach (id)", actPrivacy)}
	for _, name := range []string{"id", "title", "nature", "kinds", "data_categories", "subject_groups", "affected_min",
		"affected_max", "started_at", "ended_at", "discovered_at", "aware_at", "processor_notified_at", "cause", "consequences",
		"harm_measures", "measures_taken", "information_contact", "encrypted", "reportable", "assessment",
		"authority_notified_at", "authority_reference", "delay_reason", "subjects_notified_at",
		"subjects_not_notified_reason", "dpia_reference", "evaluation", "created_at", "updated_at", "closed_at"} {
		cols = append(cols, notPersonal(name, "about an incident, written without naming the people concerned"))
	}
	return cols
}

// researchDataset is the register entry of research contact by project partners (seed 000 §6, purpose 5),
// which rests on consent alone.
var researchDataset = privacy.Dataset{
	Activity: privacy.Activity{
		ID:   actResearch,
		Name: "Research contact by project partners",
		Purposes: []string{"providing contact details to project partners for qualitative research into taking part in " +
			"'t Heerlens Heitje; partners may phone the person for voluntary participation (seed 000 §6, purpose 5)"},
		LegalBases: []privacy.LegalBasis{{Basis: privacy.BasisConsent, Explanation: "opt-in, off by default, withdrawable at any " +
			"time with immediate effect; the notice version in force is recorded with the consent"}},
		Subjects:   []string{"residents and shopkeepers who consented"},
		Recipients: []string{"the project partner named when the list is exported (each person exported gets an audit entry naming it)"},
		Transfers:  "none: partners in the Netherlands/EU only",
		Retention:  []privacy.RetentionCategory{privacy.RetainAccount},
		Security:   security,
		Processing: []string{"collection of consent", "selection", "transmission to the partner"},
		Origin:     "the person, in the app",
		Automated:  "none",
		DPIA:       "DPIA 't Heerlens Heitje",
	},
	Tables: []privacy.Table{
		{Name: "consents", Retention: privacy.RetainAccount, Columns: []privacy.Column{
			notPersonal("id", "a row number"),
			personal("account_id", catIdentity, "Account id", actResearch),
			personal("purpose", catPrivacy, "What you consented to", actResearch),
			personal("notice_version", catPrivacy, "Privacy notice in force when you consented", actResearch),
			personal("channel", catPrivacy, "How you gave it", actResearch),
			personal("given_at", catPrivacy, "Given at", actResearch),
			personal("withdrawn_at", catPrivacy, "Withdrawn at", actResearch),
		}, Links: []privacy.Link{{Title: "Your consents", Where: "account_id = @account",
			Columns: []string{"account_id", "purpose", "notice_version", "channel", "given_at", "withdrawn_at"}}}},
	},
}

// analyticsDataset is the register entry of the anonymised statistics (seed 000 §20; §6, purpose 4). It has
// no tables of its own: it reads the columns that name it, and only aggregates leave it.
var analyticsDataset = privacy.Dataset{Activity: privacy.Activity{
	ID:   actAnalysis,
	Name: "Anonymised analytics for the municipality and partners such as CBS",
	Purposes: []string{"organising transaction data for analysis, supply chain discovery and financing (seed 000 §32, goal 7)",
		"statistics for project partners such as CBS (seed 000 §6, purpose 4), as anonymised aggregates only"},
	LegalBases: []privacy.LegalBasis{{Basis: privacy.BasisPublicTask, Explanation: "statistics compatible with the purpose (AVG art. 5(1)(b), 89)"}},
	Subjects:   []string{"residents and shops, counted in groups of at least k people; nobody who restricted processing or objected"},
	Recipients: []string{"staff with analytics who did not collect the data", "partners such as CBS: aggregates only"},
	Transfers:  "none",
	Retention:  []privacy.RetentionCategory{privacy.RetainPayouts},
	Security: append([]string{"aggregates per month and neighbourhood or shop category; cells about fewer than k people suppressed",
		"never run by staff who collected the data (seed 000 §20)"}, security...),
	Processing: []string{"aggregation", "anonymisation"},
	Origin:     "claims and payments in the platform's database",
	Automated:  "none; no profiling",
	DPIA:       "DPIA 't Heerlens Heitje",
}}
