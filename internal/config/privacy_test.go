package config

import (
	"strings"
	"testing"
	"time"
)

// TestPrivacySettings: the documented defaults apply unless set; the periods are whole days within their
// bounds (bookkeeping never under the fiscal seven years), k at least 5, the contact an e-mail address.
func TestPrivacySettings(t *testing.T) {
	c, err := Load(env(map[string]string{}), 0)
	if err != nil {
		t.Fatal(err)
	}
	const day = 24 * time.Hour
	want := Privacy{Contact: "heitje@heerlen.nl", MinGroupSize: 10, RetentionEvery: 24 * time.Hour,
		PendingRegistrations: 90 * day, RejectedRegistrations: 30 * day, ProofPhotos: 90 * day, InactiveAccounts: 730 * day,
		Sessions: 90 * day, AuditLog: 1095 * day, PayoutRecords: 2557 * day, Notices: 180 * day}
	if c.Privacy != want {
		t.Fatalf("defaults: %+v", c.Privacy)
	}
	c, err = Load(env(map[string]string{"RETENTION_PHOTO_DAYS": "30", "ANALYTICS_MIN_GROUP_SIZE": "20",
		"PRIVACY_CONTACT": "privacy@heerlen.nl", "RETENTION_EVERY": "6h"}), 0)
	if err != nil || c.Privacy.ProofPhotos != 30*day || c.Privacy.MinGroupSize != 20 || c.Privacy.Contact != "privacy@heerlen.nl" ||
		c.Privacy.RetentionEvery != 6*time.Hour {
		t.Fatalf("settings: %+v %v", c.Privacy, err)
	}
	// RETENTION_EVERY=0 leaves the job to `heitje retention run` (the schema owner's role).
	if c, err = Load(env(map[string]string{"RETENTION_EVERY": "0"}), 0); err != nil || !c.Privacy.RetentionOff {
		t.Fatalf("RETENTION_EVERY=0: %+v %v", c.Privacy, err)
	}
	if c, err = Load(env(map[string]string{"RETENTION_EVERY": "1h"}), 0); err != nil || c.Privacy.RetentionOff {
		t.Fatalf("RETENTION_EVERY=1h: %+v %v", c.Privacy, err)
	}
	for _, tc := range []struct{ name, value string }{
		{"RETENTION_PHOTO_DAYS", "0"}, {"RETENTION_PHOTO_DAYS", "ninety"}, {"RETENTION_PAYOUT_DAYS", "365"},
		{"RETENTION_AUDIT_DAYS", "30"}, {"ANALYTICS_MIN_GROUP_SIZE", "2"}, {"PRIVACY_CONTACT", "de gemeente"},
		{"RETENTION_EVERY", "5s"}, {"RETENTION_EVERY", "0s"}, {"RETENTION_EVERY", "-1h"}, {"RETENTION_NOTICE_DAYS", "3"},
	} {
		if _, err := Load(env(map[string]string{tc.name: tc.value}), 0); err == nil || !strings.Contains(err.Error(), tc.name) {
			t.Errorf("%s=%s: %v", tc.name, tc.value, err)
		}
	}
}
