package chores

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ChoreInput is a new chore as staff describe it. OpensAt zero means now; BudgetCents zero means enough
// for every place: RewardCents × Capacity.
type ChoreInput struct {
	Title            string
	Description      string
	Location         Location
	RewardCents      int64
	Capacity         int
	OpensAt          time.Time
	ClosesAt         time.Time
	PerResidentLimit int
	BudgetCents      int64
}

// ChorePatch changes a chore: nil fields stay as they are. Closed true closes the chore now; false
// reopens one that staff closed.
type ChorePatch struct {
	Title            *string
	Description      *string
	Location         *Location
	RewardCents      *int64
	Capacity         *int
	OpensAt          *time.Time
	ClosesAt         *time.Time
	PerResidentLimit *int
	BudgetCents      *int64
	Closed           *bool
}

// Limits of a chore's fields.
const (
	maxTitleLen       = 120
	maxDescriptionLen = 4000
	maxAreaLen        = 80
	maxCapacity       = 10000
	maxBudgetCents    = 100_000_000 // €1,000,000
)

func (s *Service) newChore(in ChoreInput, now time.Time) (Chore, error) {
	if in.OpensAt.IsZero() {
		in.OpensAt = now
	}
	if in.BudgetCents == 0 && in.RewardCents > 0 && in.Capacity > 0 {
		in.BudgetCents = in.RewardCents * int64(in.Capacity)
	}
	c := Chore{Title: in.Title, Description: in.Description, Location: in.Location, RewardCents: in.RewardCents,
		Capacity: in.Capacity, PerResidentLimit: in.PerResidentLimit, BudgetCents: in.BudgetCents,
		OpensAt: in.OpensAt.UTC(), ClosesAt: in.ClosesAt.UTC()}
	if !c.ClosesAt.IsZero() && !c.ClosesAt.After(now) {
		return Chore{}, invalid("closes_at", "must lie in the future")
	}
	return s.check(c)
}

func (s *Service) patch(c Chore, p ChorePatch) (Chore, error) {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&c.Title, p.Title)
	set(&c.Description, p.Description)
	if p.Location != nil {
		c.Location = *p.Location
	}
	if p.RewardCents != nil {
		c.RewardCents = *p.RewardCents
	}
	if p.Capacity != nil {
		c.Capacity = *p.Capacity
	}
	if p.OpensAt != nil {
		c.OpensAt = p.OpensAt.UTC()
	}
	if p.ClosesAt != nil {
		c.ClosesAt = p.ClosesAt.UTC()
	}
	if p.PerResidentLimit != nil {
		c.PerResidentLimit = *p.PerResidentLimit
	}
	if p.BudgetCents != nil {
		if *p.BudgetCents < c.SpentCents {
			return c, invalid("budget_cents", fmt.Sprintf("cannot go below the %d cents already paid out", c.SpentCents))
		}
		c.BudgetCents = *p.BudgetCents
	}
	if p.Closed != nil {
		switch {
		case *p.Closed && c.ClosedAt == nil:
			now := s.now()
			c.ClosedAt = &now
		case !*p.Closed:
			c.ClosedAt = nil
		}
	}
	return s.check(c)
}

// check validates a chore's fields, trimming its texts.
func (s *Service) check(c Chore) (Chore, error) {
	var err error
	if c.Title, err = text("title", c.Title, maxTitleLen, true); err != nil {
		return c, err
	}
	if c.Description, err = text("description", c.Description, maxDescriptionLen, false); err != nil {
		return c, err
	}
	if c.Location.Area, err = text("location.area", c.Location.Area, maxAreaLen, true); err != nil {
		return c, err
	}
	l := c.Location
	switch {
	case math.IsNaN(l.Lat) || math.IsInf(l.Lat, 0) || math.IsNaN(l.Lng) || math.IsInf(l.Lng, 0):
		return c, invalid("location", "lat and lng must be numbers")
	case !s.opts.Bounds.Contains(l.Lat, l.Lng):
		return c, ErrOutsideMunicipality
	case c.RewardCents <= 0:
		return c, invalid("reward_cents", "must be a positive number of cents")
	case c.RewardCents > s.opts.MaxRewardCents:
		return c, ErrRewardTooHigh
	case c.Capacity < 1 || c.Capacity > maxCapacity:
		return c, invalid("capacity", fmt.Sprintf("must be between 1 and %d", maxCapacity))
	case c.PerResidentLimit < 0 || c.PerResidentLimit > maxCapacity:
		return c, invalid("per_resident_limit", "must be a positive number, or left out for no limit")
	case c.BudgetCents < c.RewardCents || c.BudgetCents > maxBudgetCents:
		return c, invalid("budget_cents", fmt.Sprintf("must cover at least one reward and be at most %d", maxBudgetCents))
	case c.ClosesAt.IsZero():
		return c, invalid("closes_at", "is required")
	case !c.ClosesAt.After(c.OpensAt):
		return c, invalid("closes_at", "must lie after opens_at")
	}
	return c, nil
}

// text trims s and checks its length in characters and that it holds no control characters (new lines
// and tabs are allowed).
func text(field, s string, maxLen int, required bool) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case required && s == "":
		return s, invalid(field, "is required")
	case !utf8.ValidString(s):
		return s, invalid(field, "must be UTF-8 text")
	case utf8.RuneCountInString(s) > maxLen:
		return s, invalid(field, fmt.Sprintf("has at most %d characters", maxLen))
	case strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' }) >= 0:
		return s, invalid(field, "must not contain control characters")
	}
	return s, nil
}
