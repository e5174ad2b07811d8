package chores

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// FieldChange is one field of a chore changed by one staff member: its name as the API spells it and its
// old and new value as text. Nothing in a chore is personal, so the values go into the audit log as they are.
type FieldChange struct {
	Field string
	Old   string
	New   string
}

// TermFields are the fields that decide how much a chore can pay out: the reward, the budget and the
// places. Whoever set one of them on a chore, by creating it or by changing it, may not approve its claims.
var TermFields = []string{"reward_cents", "budget_cents", "capacity"}

// Diff lists the fields in which after differs from before, in a fixed order. Counters (places taken,
// reservations, spending) are not fields staff set and are left out.
func Diff(before, after Chore) []FieldChange {
	var out []FieldChange
	add := func(field, o, n string) {
		if o != n {
			out = append(out, FieldChange{Field: field, Old: o, New: n})
		}
	}
	i64 := func(n int64) string { return strconv.FormatInt(n, 10) }
	add("title", before.Title, after.Title)
	add("description", before.Description, after.Description)
	add("location", location(before.Location), location(after.Location))
	add("reward_cents", i64(before.RewardCents), i64(after.RewardCents))
	add("capacity", strconv.Itoa(before.Capacity), strconv.Itoa(after.Capacity))
	add("per_resident_limit", strconv.Itoa(before.PerResidentLimit), strconv.Itoa(after.PerResidentLimit))
	add("budget_cents", i64(before.BudgetCents), i64(after.BudgetCents))
	add("opens_at", stamp(before.OpensAt), stamp(after.OpensAt))
	add("closes_at", stamp(before.ClosesAt), stamp(after.ClosesAt))
	add("closed", strconv.FormatBool(before.ClosedAt != nil), strconv.FormatBool(after.ClosedAt != nil))
	return out
}

// DescribeChanges is the audit log's wording of changes: `reward_cents 500 → 2000; capacity 3 → 10`, texts
// quoted.
func DescribeChanges(cs []FieldChange) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		switch c.Field {
		case "title", "description":
			parts[i] = fmt.Sprintf("%s %q → %q", c.Field, c.Old, c.New)
		default:
			parts[i] = fmt.Sprintf("%s %s → %s", c.Field, c.Old, c.New)
		}
	}
	return strings.Join(parts, "; ")
}

func location(l Location) string {
	return strconv.FormatFloat(l.Lat, 'f', 6, 64) + "," + strconv.FormatFloat(l.Lng, 'f', 6, 64) + " " + strconv.Quote(l.Area)
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
