package chores_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
)

// TestChoreValidation checks each rule of a new chore. The service has no store: every case must be
// refused before anything would be written.
func TestChoreValidation(t *testing.T) {
	t.Parallel()
	svc, err := chores.New(nil, nil, chores.Options{MaxRewardCents: 5000})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	good := chores.ChoreInput{Title: "Bladeren harken", Location: chores.Location{Lat: 50.88, Lng: 5.98, Area: "Centrum"},
		RewardCents: 500, Capacity: 4, ClosesAt: now.Add(24 * time.Hour)}
	manager := accounts.Actor{Principal: accounts.Principal{Role: accounts.RoleStaff, Privileges: []accounts.Privilege{accounts.PrivChoresManage}}}
	for _, tc := range []struct {
		name  string
		mod   func(*chores.ChoreInput)
		field string
		want  error
	}{
		{"empty title", func(in *chores.ChoreInput) { in.Title = "   " }, "title", nil},
		{"long title", func(in *chores.ChoreInput) { in.Title = strings.Repeat("a", 121) }, "title", nil},
		{"control characters", func(in *chores.ChoreInput) { in.Description = "a\x00b" }, "description", nil},
		{"no area", func(in *chores.ChoreInput) { in.Location.Area = "" }, "location.area", nil},
		{"Maastricht", func(in *chores.ChoreInput) { in.Location.Lat, in.Location.Lng = 50.85, 5.69 }, "", chores.ErrOutsideMunicipality},
		{"north of the bounds", func(in *chores.ChoreInput) { in.Location.Lat = 50.93 }, "", chores.ErrOutsideMunicipality},
		{"not a number", func(in *chores.ChoreInput) { in.Location.Lat = math.NaN() }, "location", nil},
		{"zero reward", func(in *chores.ChoreInput) { in.RewardCents = 0 }, "reward_cents", nil},
		{"negative reward", func(in *chores.ChoreInput) { in.RewardCents = -5 }, "reward_cents", nil},
		{"reward above the maximum", func(in *chores.ChoreInput) { in.RewardCents = 5001 }, "", chores.ErrRewardTooHigh},
		{"no capacity", func(in *chores.ChoreInput) { in.Capacity = 0 }, "capacity", nil},
		{"negative limit", func(in *chores.ChoreInput) { in.PerResidentLimit = -1 }, "per_resident_limit", nil},
		{"budget below one reward", func(in *chores.ChoreInput) { in.BudgetCents = 499 }, "budget_cents", nil},
		{"no closing time", func(in *chores.ChoreInput) { in.ClosesAt = time.Time{} }, "closes_at", nil},
		{"closes in the past", func(in *chores.ChoreInput) { in.ClosesAt = now.Add(-time.Minute) }, "closes_at", nil},
		{"closes before it opens", func(in *chores.ChoreInput) { in.OpensAt = now.Add(48 * time.Hour) }, "closes_at", nil},
	} {
		in := good
		tc.mod(&in)
		_, err := svc.CreateChore(t.Context(), manager, in)
		var ve *chores.ValidationError
		switch {
		case tc.want != nil && !errors.Is(err, tc.want):
			t.Errorf("%s: want %v, got %v", tc.name, tc.want, err)
		case tc.want == nil && (!errors.As(err, &ve) || ve.Field != tc.field):
			t.Errorf("%s: want a validation error on %s, got %v", tc.name, tc.field, err)
		}
	}
	resident := accounts.Actor{Principal: accounts.Principal{Role: accounts.RoleResident, Privileges: accounts.AllPrivileges()}}
	if _, err := svc.CreateChore(t.Context(), resident, good); !errors.Is(err, chores.ErrForbidden) {
		t.Fatalf("a resident created a chore: %v", err)
	}
}

// TestCapPeriods: the caps count Dutch calendar months and years, so a reward approved at 00:30 on
// 1 February in Heerlen counts for February although it is still January in UTC.
func TestCapPeriods(t *testing.T) {
	t.Parallel()
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		at                  string
		wantMonth, wantYear string
	}{
		{"2026-01-31T23:30:00Z", "2026-02-01T00:00:00+01:00", "2026-01-01T00:00:00+01:00"},
		{"2026-12-31T23:30:00Z", "2027-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00"},
		{"2026-07-15T12:00:00Z", "2026-07-01T00:00:00+02:00", "2026-01-01T00:00:00+01:00"},
	} {
		at, _ := time.Parse(time.RFC3339, tc.at)
		m, y := chores.Periods(at, ams)
		if m.Format(time.RFC3339) != tc.wantMonth || y.Format(time.RFC3339) != tc.wantYear {
			t.Errorf("%s: month %s, year %s", tc.at, m.Format(time.RFC3339), y.Format(time.RFC3339))
		}
	}
}
