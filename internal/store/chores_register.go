package store

import "github.com/heerlen/heitje/internal/privacy"

// choresDataset is the register entry of chores, claims and proof photos, and the classification of the
// tables of chores_store.go and claims_store.go. A chore's location is the chore's, not a person's.
var choresDataset = privacy.Dataset{
	Activity: privacy.Activity{
		ID:   actChores,
		Name: "Chores, photo proof, review and rewards",
		Purposes: []string{"proving good execution, completion and delivery of chores (seed 000 §22)",
			"rewarding residents for chores done for the city (seed 000 §32, goal 2; §6 purposes 1 and 2)"},
		LegalBases: []privacy.LegalBasis{
			{Basis: privacy.BasisContract, Explanation: "the resident claims a chore and is paid its reward after approval"},
			{Basis: privacy.BasisPublicTask, Explanation: "the chores are work for the city"}},
		Subjects:   []string{"residents", "reviewing and managing staff"},
		Recipients: []string{"staff with chores.review (photos: every view audited)", "Co-Town as processor (hosting)"},
		Transfers:  "none",
		Retention:  []privacy.RetentionCategory{privacy.RetainPhotos, privacy.RetainPayouts, privacy.RetainInactive},
		Security: append([]string{"photos re-encoded on upload, which drops all metadata (EXIF, GPS); stored under random names, " +
			"readable only by the platform's user; served only through the reviewers' audited endpoint"}, security...),
		Processing: []string{"collection", "storage", "consultation by reviewers", "erasure"},
		Origin:     "the resident (claims, notes, photos) and the reviewer (decisions, questions)",
		Outside:    []string{"proof photo files in PHOTO_DIR, named by claim_photos.file_name"},
		Automated:  "none: every claim is approved or rejected by a member of staff; no reward without a human approval (seed 000 §22, §19)",
		DPIA:       "DPIA 't Heerlens Heitje (photos)",
	},
	Tables: []privacy.Table{
		{Name: "chores", Retention: privacy.RetainLedger, Columns: []privacy.Column{
			notPersonal("id", "a chore's id"), notPersonal("title", "the chore's title, written by staff"),
			notPersonal("description", "the chore's description, written by staff"),
			notPersonal("lat", "where the chore is done: the chore's place, not a person's"),
			notPersonal("lng", "where the chore is done: the chore's place, not a person's"),
			notPersonal("area", "the chore's neighbourhood"), notPersonal("reward_cents", "the chore's reward"),
			notPersonal("capacity", "the chore's places"), notPersonal("per_resident_limit", "the chore's limit per resident"),
			notPersonal("budget_cents", "the chore's budget"), notPersonal("reserved_cents", "the chore's committed budget"),
			notPersonal("spent_cents", "the chore's spent budget"), notPersonal("places_taken", "the chore's places taken"),
			notPersonal("opens_at", "the chore's window"), notPersonal("closes_at", "the chore's window"),
			notPersonal("closed_at", "when staff closed the chore"),
			pseudonymous("created_by", catStaff, "Staff member who put the chore up (id)", actChores),
			notPersonal("created_at", "when the chore was put up"), notPersonal("updated_at", "when the chore changed"),
		}, Links: []privacy.Link{{Title: "Chores you put up (staff)", Where: "created_by = @account",
			Columns: []string{"id", "title", "created_by", "created_at"}}}},
		{Name: "chore_changes", Retention: privacy.RetainLedger, Columns: []privacy.Column{
			notPersonal("id", "a change's number"), notPersonal("chore_id", "the chore changed"),
			pseudonymous("changed_by", catStaff, "Staff member who changed the chore (id)", actChores),
			notPersonal("changed_at", "when the chore changed"), notPersonal("field", "the chore's field that changed"),
			notPersonal("old_value", "the field's value before, as staff set it"),
			notPersonal("new_value", "the field's value after, as staff set it"),
		}, Links: []privacy.Link{{Title: "Changes you made to chores (staff)", Where: "changed_by = @account",
			Columns: []string{"chore_id", "changed_by", "changed_at", "field"}}}},
		{Name: "claims", Retention: privacy.RetainPayouts, Columns: []privacy.Column{
			pseudonymous("id", catActivity, "Claim id", actChores),
			personal("chore_id", catActivity, "Chore claimed", actChores),
			personal("resident_id", catIdentity, "Account id", actChores, actAnalysis),
			personal("status", catActivity, "Status of the claim", actChores, actAnalysis),
			personal("reward_cents", catFinancial, "Reward promised (cents)", actChores, actAnalysis),
			personal("note", catFreeText, "Your note with the proof", actChores),
			personal("info_request", catFreeText, "The reviewer's question to you", actChores),
			personal("reject_reason", catFreeText, "Why the claim was rejected", actChores),
			personal("proof_due_at", catActivity, "Proof due by", actChores),
			personal("claimed_at", catActivity, "Claimed at", actChores),
			personal("submitted_at", catActivity, "Proof submitted at", actChores),
			personal("decided_at", catActivity, "Decided at", actChores, actAnalysis),
			pseudonymous("decided_by", catStaff, "Reviewer who decided (id)", actChores),
			pseudonymous("mint_to", catAddress, "Address the reward was minted to", actChores, actLedger),
			pseudonymous("intent_id", catAddress, "The reward's chain intent", actChores),
			pseudonymous("tx_hash", catAddress, "The reward's transaction", actChores, actLedger),
			personal("rewarded_at", catActivity, "Reward on chain at", actChores),
		}, Links: []privacy.Link{
			{Title: "Your claims", Where: "resident_id = @account", Columns: []string{"id", "chore_id", "resident_id", "status",
				"reward_cents", "note", "info_request", "reject_reason", "proof_due_at", "claimed_at", "submitted_at", "decided_at",
				"decided_by", "mint_to", "intent_id", "tx_hash", "rewarded_at"}},
			{Title: "Claims you decided on (staff)", Where: "decided_by = @account", Columns: []string{"id", "decided_by", "decided_at"}}}},
		{Name: "claim_photos", Retention: privacy.RetainPhotos, Columns: []privacy.Column{
			pseudonymous("claim_id", catActivity, "Claim id", actChores),
			personal("n", catPhotos, "Photo number", actChores),
			pseudonymous("file_name", catPhotos, "Stored file's random name", actChores),
			personal("content_type", catPhotos, "Image type", actChores),
			personal("size_bytes", catPhotos, "Size in bytes", actChores),
			personal("width", catPhotos, "Width in pixels", actChores),
			personal("height", catPhotos, "Height in pixels", actChores),
			personal("created_at", catPhotos, "Uploaded at", actChores),
		}, Links: []privacy.Link{{Title: "Your proof photos (the images are in the photos section)",
			Where:   "claim_id IN (SELECT id FROM claims WHERE resident_id = @account)",
			Columns: []string{"claim_id", "n", "file_name", "content_type", "size_bytes", "width", "height", "created_at"}}}},
	},
}
