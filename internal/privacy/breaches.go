package privacy

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Breach is one entry of the register of personal-data breaches (seed 000 §30). It carries the logbook
// fields a-i of 001 art 8(2) and 004 art 17(2) — subject (Title), date (AwareAt), duration (StartedAt,
// EndedAt), nature, where to learn more (InformationContact), measures recommended to limit harm
// (HarmMeasures), consequences, measures taken, notification of the people concerned — and the
// processor's items of 002 Bijl.1 art 6: cause, number of people (AffectedMin-Max), their group, the data
// categories, when it was discovered and when the processor told the municipality, and whether the data
// was encrypted. The Autoriteit Persoonsgegevens must hear of a reportable breach within 72 hours of
// AwareAt; a later notification needs DelayReason.
type Breach struct {
	ID                        string
	Title                     string
	Nature                    string
	Kinds                     []string
	DataCategories            []string
	SubjectGroups             string
	AffectedMin, AffectedMax  int
	StartedAt, EndedAt        *time.Time
	DiscoveredAt, AwareAt     time.Time
	ProcessorNotifiedAt       *time.Time
	Cause                     string
	Consequences              string
	HarmMeasures              string
	MeasuresTaken             string
	InformationContact        string
	Encrypted                 bool
	Reportable                *bool
	Assessment                string
	AuthorityNotifiedAt       *time.Time
	AuthorityReference        string
	DelayReason               string
	SubjectsNotifiedAt        *time.Time
	SubjectsNotNotifiedReason string
	DPIAReference             string
	Evaluation                string
	CreatedBy                 string
	CreatedAt, UpdatedAt      time.Time
	ClosedAt                  *time.Time
}

// BreachKinds are the three kinds of breach (002 Bijl.5 §B).
var BreachKinds = []string{"confidentiality", "integrity", "availability"}

// AuthorityDueAt is when the authority must have been told: 72 hours after awareness.
func (b Breach) AuthorityDueAt() time.Time { return b.AwareAt.Add(AuthorityDeadline) }

// The warnings a breach can carry.
const (
	WarnAuthorityOverdue   = "authority_notification_overdue"
	WarnAuthorityDueSoon   = "authority_notification_due_within_24h"
	WarnNotAssessed        = "reportability_not_assessed"
	WarnProcessorLate      = "processor_reported_after_24h"
	WarnSubjectsUndecided  = "people_concerned_not_yet_told_or_reason_missing"
	WarnNotifiedLateReason = "authority_told_late_with_reason"
)

// Warnings lists what needs attention at now: the 72-hour clock running out or run out for a breach that
// is (or may be) reportable, a missing assessment, a processor that took longer than 24 hours, people
// concerned neither told nor a reason recorded.
func (b Breach) Warnings(now time.Time) []string {
	w := []string{}
	mayReport := b.Reportable == nil || *b.Reportable
	if mayReport && b.AuthorityNotifiedAt == nil {
		switch {
		case now.After(b.AuthorityDueAt()):
			w = append(w, WarnAuthorityOverdue)
		case now.After(b.AuthorityDueAt().Add(-24 * time.Hour)):
			w = append(w, WarnAuthorityDueSoon)
		}
	}
	if b.AuthorityNotifiedAt != nil && b.AuthorityNotifiedAt.After(b.AuthorityDueAt()) {
		w = append(w, WarnNotifiedLateReason)
	}
	if b.Reportable == nil {
		w = append(w, WarnNotAssessed)
	}
	if b.ProcessorNotifiedAt != nil && b.ProcessorNotifiedAt.Sub(b.DiscoveredAt) > ProcessorDeadline {
		w = append(w, WarnProcessorLate)
	}
	if b.Reportable != nil && *b.Reportable && b.SubjectsNotifiedAt == nil && b.SubjectsNotNotifiedReason == "" {
		w = append(w, WarnSubjectsUndecided)
	}
	return w
}

// Overdue reports whether the authority should have been told by now and was not.
func (b Breach) Overdue(now time.Time) bool {
	return slices.Contains(b.Warnings(now), WarnAuthorityOverdue)
}

// check validates a breach as a whole at now; closing adds the conditions of a finished entry.
func (b Breach) check(now time.Time, closing bool) error {
	text := func(field, v string, min int) error {
		if n := utf8.RuneCountInString(v); n < min || n > MaxTextLen || strings.ContainsRune(v, 0) {
			if min > 0 {
				return invalid(field, fmt.Sprintf("is required and has at most %d characters", MaxTextLen))
			}
			return invalid(field, fmt.Sprintf("has at most %d characters", MaxTextLen))
		}
		return nil
	}
	for _, f := range []struct {
		field, v string
		min      int
	}{{"title", b.Title, 2}, {"nature", b.Nature, 2}, {"subject_groups", b.SubjectGroups, 0}, {"cause", b.Cause, 0},
		{"consequences", b.Consequences, 0}, {"harm_measures", b.HarmMeasures, 0}, {"measures_taken", b.MeasuresTaken, 0},
		{"information_contact", b.InformationContact, 0}, {"assessment", b.Assessment, 0},
		{"authority_reference", b.AuthorityReference, 0}, {"delay_reason", b.DelayReason, 0},
		{"subjects_not_notified_reason", b.SubjectsNotNotifiedReason, 0}, {"dpia_reference", b.DPIAReference, 0},
		{"evaluation", b.Evaluation, 0}} {
		if err := text(f.field, f.v, f.min); err != nil {
			return err
		}
	}
	if len(b.Kinds) == 0 {
		return invalid("kinds", "names at least one of confidentiality, integrity, availability")
	}
	for _, k := range b.Kinds {
		if !slices.Contains(BreachKinds, k) {
			return invalid("kinds", "may only be confidentiality, integrity and availability")
		}
	}
	if len(b.DataCategories) > 50 {
		return invalid("data_categories", "has at most 50 entries")
	}
	for _, c := range b.DataCategories {
		if n := utf8.RuneCountInString(c); n < 2 || n > 100 {
			return invalid("data_categories", "entries have 2 to 100 characters")
		}
	}
	if err := b.checkTimes(now); err != nil {
		return err
	}
	if b.Reportable != nil && !*b.Reportable && strings.TrimSpace(b.Assessment) == "" {
		return invalid("assessment", "says why the breach need not be reported to the authority")
	}
	if closing {
		return b.checkClosing()
	}
	return nil
}

func (b Breach) checkTimes(now time.Time) error {
	future := now.Add(5 * time.Minute)
	switch {
	case b.AffectedMin < 0 || b.AffectedMax < b.AffectedMin:
		return invalid("affected_max", "is at least affected_min, which is at least 0")
	case b.DiscoveredAt.IsZero() || b.DiscoveredAt.After(future):
		return invalid("discovered_at", "is required and not in the future")
	case b.AwareAt.Before(b.DiscoveredAt) || b.AwareAt.After(future):
		return invalid("aware_at", "lies between discovered_at and now")
	case b.StartedAt != nil && b.StartedAt.After(future):
		return invalid("started_at", "is not in the future")
	case b.EndedAt != nil && (b.EndedAt.After(future) || (b.StartedAt != nil && b.EndedAt.Before(*b.StartedAt))):
		return invalid("ended_at", "lies between started_at and now")
	case b.ProcessorNotifiedAt != nil && (b.ProcessorNotifiedAt.After(future) || b.ProcessorNotifiedAt.Before(b.DiscoveredAt)):
		return invalid("processor_notified_at", "lies between discovered_at and now")
	case b.SubjectsNotifiedAt != nil && (b.SubjectsNotifiedAt.After(future) || b.SubjectsNotifiedAt.Before(b.DiscoveredAt)):
		return invalid("subjects_notified_at", "lies between discovered_at and now")
	case b.AuthorityNotifiedAt != nil && (b.AuthorityNotifiedAt.After(future) || b.AuthorityNotifiedAt.Before(b.DiscoveredAt)):
		return invalid("authority_notified_at", "lies between discovered_at and now")
	case b.AuthorityNotifiedAt != nil && b.AuthorityNotifiedAt.After(b.AuthorityDueAt()) && strings.TrimSpace(b.DelayReason) == "":
		return ErrDelayReasonRequired
	}
	return nil
}

func (b Breach) checkClosing() error {
	switch {
	case b.Reportable == nil:
		return invalid("reportable", "must be decided before the breach is closed")
	case *b.Reportable && b.AuthorityNotifiedAt == nil:
		return invalid("authority_notified_at", "a reportable breach is closed only once the authority was told")
	case b.SubjectsNotifiedAt == nil && strings.TrimSpace(b.SubjectsNotNotifiedReason) == "" && *b.Reportable:
		return invalid("subjects_notified_at", "tell the people concerned, or record why not (subjects_not_notified_reason)")
	case strings.TrimSpace(b.Evaluation) == "":
		return invalid("evaluation", "evaluate the breach before closing it, so it does not happen again (seed 000 §30)")
	}
	return nil
}
