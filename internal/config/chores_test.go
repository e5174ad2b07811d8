package config

import (
	"strings"
	"testing"
	"time"
)

// TestChoresDefaults: without any of the chore variables the platform runs with Heerlen's bounds, €50
// per chore, 48 hours for proof and the volunteer-allowance caps.
func TestChoresDefaults(t *testing.T) {
	c, err := Load(env(map[string]string{}), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := Chores{PhotoDir: ".run/photos", MaxPhotoBytes: 8 << 20, MaxPhotoPixels: 25_000_000, Bounds: DefaultBounds,
		MaxRewardCents: 5000, ClaimProofTTL: 48 * time.Hour, RewardCapMonthCents: 21000, RewardCapYearCents: 210000}
	if c.Chores != want {
		t.Fatalf("got %+v", c.Chores)
	}
}

func TestChoresSettings(t *testing.T) {
	c, err := Load(env(map[string]string{"PHOTO_DIR": "/var/lib/heitje/photos", "MUNICIPALITY_BOUNDS": " 50.8, 5.8 ,51.0,6.1",
		"MAX_REWARD_CENTS": "2500", "CLAIM_PROOF_TTL": "24h", "REWARD_CAP_MONTH_CENTS": "10000", "REWARD_CAP_YEAR_CENTS": "100000",
		"MAX_PHOTO_BYTES": "1048576", "MAX_PHOTO_PIXELS": "12000000"}), 0)
	if err != nil {
		t.Fatal(err)
	}
	if c.PhotoDir != "/var/lib/heitje/photos" || c.Bounds != (Bounds{50.8, 5.8, 51.0, 6.1}) || c.MaxRewardCents != 2500 ||
		c.ClaimProofTTL != 24*time.Hour || c.RewardCapMonthCents != 10000 || c.RewardCapYearCents != 100000 ||
		c.MaxPhotoBytes != 1<<20 || c.MaxPhotoPixels != 12_000_000 {
		t.Fatalf("got %+v", c.Chores)
	}
}

func TestChoresBadSettingsNameTheVariable(t *testing.T) {
	for _, tc := range []struct{ name, value string }{
		{"MUNICIPALITY_BOUNDS", "50.9,5.9,50.8,6.0"},
		{"MUNICIPALITY_BOUNDS", "50.8,5.9,50.9"},
		{"MUNICIPALITY_BOUNDS", "north,5.9,50.9,6.0"},
		{"MAX_REWARD_CENTS", "0"},
		{"MAX_REWARD_CENTS", "-5"},
		{"CLAIM_PROOF_TTL", "2 days"},
		{"MAX_PHOTO_BYTES", "100"},
		{"MAX_PHOTO_PIXELS", "1000000000"},
		{"REWARD_CAP_YEAR_CENTS", "100"},
	} {
		_, err := Load(env(map[string]string{tc.name: tc.value}), 0)
		if err == nil || !strings.Contains(err.Error(), tc.name) {
			t.Errorf("%s=%q: %v", tc.name, tc.value, err)
		}
	}
}
