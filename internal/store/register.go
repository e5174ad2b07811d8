package store

import "github.com/heerlen/heitje/internal/privacy"

// Datasets returns the register declarations of every table of the schema: each aggregate declares its own,
// in its <aggregate>_register.go beside its store, what its columns hold and whom its rows are about. A test
// of the migrated schema fails when a column of the database is missing here, and when an encrypted column
// is not in sealedColumns (so that `heitje keys rotate-kek` reaches it).
func Datasets() []privacy.Dataset {
	return []privacy.Dataset{accountsDataset, choresDataset, paymentsDataset, payoutsDataset, ledgerDataset,
		auditDataset, privacyDataset, researchDataset, analyticsDataset, noticesDataset, pushDataset, schemaDataset}
}

// The activities (register entries) columns name.
const (
	actAccounts = "accounts"
	actChores   = "chores"
	actPayments = "payments"
	actPayouts  = "payouts"
	actLedger   = "ledger"
	actAudit    = "audit"
	actPrivacy  = "privacy"
	actResearch = "research_contact"
	actAnalysis = "analytics"
)

// The data categories of the register.
const (
	catIdentity    = "account identifiers"
	catContact     = "contact details"
	catCredentials = "credentials and keys"
	catBusiness    = "business details of shops (may name a sole trader)"
	catFinancial   = "financial: amounts, IBAN, bank references"
	catAddress     = "chain address and coin movements (pseudonymous)"
	catActivity    = "participation: claims, reviews, times"
	catPhotos      = "proof photos"
	catFreeText    = "free text written by or about the person"
	catUsage       = "login sessions and technical traces"
	catStaff       = "staff actions and references"
	catPrivacy     = "privacy requests, consents, restrictions"
)

func personal(name, category, label string, acts ...string) privacy.Column {
	return privacy.Column{Name: name, Kind: privacy.Personal, Category: category, Label: label, Activities: acts}
}

func sealed(name, category, label string, acts ...string) privacy.Column {
	c := personal(name, category, label, acts...)
	c.Sealed = true
	return c
}

func pseudonymous(name, category, label string, acts ...string) privacy.Column {
	return privacy.Column{Name: name, Kind: privacy.Pseudonymous, Category: category, Label: label, Activities: acts}
}

func withheld(name, category, label string, acts ...string) privacy.Column {
	return privacy.Column{Name: name, Kind: privacy.Withheld, Category: category, Label: label, Activities: acts}
}

// sealedWithheld is an encrypted credential or key: held, named in the export, never shown.
func sealedWithheld(name, category, label string, acts ...string) privacy.Column {
	c := withheld(name, category, label, acts...)
	c.Sealed = true
	return c
}

// notPersonal is a column that says nothing about a person; why says why.
func notPersonal(name, why string) privacy.Column {
	return privacy.Column{Name: name, Kind: privacy.NotPersonal, Label: why}
}

// security is what protects every activity's data (seed 000 §9, 002 §8).
var security = []string{
	"personal data only in the municipality's Postgres, never on the chain (seed 000 §32)",
	"column encryption (AES-256-GCM) of e-mail, phone, shop details and keys under a rotatable key-encryption key; keyed HMAC hashes for uniqueness",
	"role-based staff privileges assigned by an administrator; every staff read, change or export of personal data in a hash-chained, append-only audit log",
	"passwords hashed with argon2id; short-lived access tokens, rotating refresh tokens, throttled logins",
	"TLS in transit; no personal data in application logs; no tracking",
}

// schemaDataset classifies the migrations' own bookkeeping.
var schemaDataset = privacy.Dataset{
	Activity: privacy.Activity{ID: "schema", Name: "Database schema version",
		Purposes:   []string{"knowing which migrations the database has (operations)"},
		LegalBases: []privacy.LegalBasis{{Basis: "none needed", Explanation: "no personal data"}},
		Transfers:  "none", Automated: "none", DPIA: "not applicable", Origin: "the platform"},
	Tables: []privacy.Table{{Name: "schema_migrations", Retention: privacy.RetainLedger, Columns: []privacy.Column{
		notPersonal("version", "a migration's number"), notPersonal("name", "a migration's name"),
		notPersonal("applied_at", "when a migration ran"),
	}}},
}
