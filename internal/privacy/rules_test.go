package privacy

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestBreachWarnings(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	at := func(h float64) *time.Time { x := now.Add(time.Duration(h * float64(time.Hour))); return &x }
	yes, no := true, false
	for _, tc := range []struct {
		name string
		b    Breach
		want []string
	}{
		{"fresh, not assessed", Breach{AwareAt: *at(-1), DiscoveredAt: *at(-1)}, []string{WarnNotAssessed}},
		{"49 hours: due within a day", Breach{AwareAt: *at(-49), DiscoveredAt: *at(-49), Reportable: &yes},
			[]string{WarnAuthorityDueSoon, WarnSubjectsUndecided}},
		{"73 hours, undecided: overdue", Breach{AwareAt: *at(-73), DiscoveredAt: *at(-73)}, []string{WarnAuthorityOverdue, WarnNotAssessed}},
		{"73 hours, not reportable: no clock", Breach{AwareAt: *at(-73), DiscoveredAt: *at(-73), Reportable: &no}, []string{}},
		{"told late, people told", Breach{AwareAt: *at(-100), DiscoveredAt: *at(-100), Reportable: &yes, AuthorityNotifiedAt: at(-1),
			SubjectsNotifiedAt: at(-1)}, []string{WarnNotifiedLateReason}},
		{"processor took 30 hours", Breach{AwareAt: *at(-2), DiscoveredAt: *at(-32), ProcessorNotifiedAt: at(-2), Reportable: &no},
			[]string{WarnProcessorLate}},
	} {
		if got := tc.b.Warnings(now); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestBreachChecks(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	yes := true
	base := func() Breach {
		return Breach{Title: "Lek", Nature: "mail", Kinds: []string{"integrity"}, DiscoveredAt: now.Add(-100 * time.Hour),
			AwareAt: now.Add(-90 * time.Hour)}
	}
	late := now.Add(-1 * time.Hour)
	for _, tc := range []struct {
		name    string
		change  func(*Breach)
		closing bool
		want    string
	}{
		{"good", func(*Breach) {}, false, ""},
		{"no kinds", func(b *Breach) { b.Kinds = nil }, false, "kinds"},
		{"aware before discovered", func(b *Breach) { b.AwareAt = b.DiscoveredAt.Add(-time.Hour) }, false, "aware_at"},
		{"in the future", func(b *Breach) { b.DiscoveredAt = now.Add(time.Hour); b.AwareAt = b.DiscoveredAt }, false, "discovered_at"},
		{"fewer max than min", func(b *Breach) { b.AffectedMin, b.AffectedMax = 5, 2 }, false, "affected_max"},
		{"told late without reason", func(b *Breach) { b.AuthorityNotifiedAt = &late }, false, "delay"},
		{"told late with reason", func(b *Breach) { b.AuthorityNotifiedAt, b.DelayReason = &late, "weekend" }, false, ""},
		{"closing unassessed", func(*Breach) {}, true, "reportable"},
		{"closing untold", func(b *Breach) { b.Reportable = &yes }, true, "authority_notified_at"},
		{"closing without evaluation", func(b *Breach) {
			b.Reportable, b.AuthorityNotifiedAt, b.DelayReason, b.SubjectsNotifiedAt = &yes, &late, "x", &late
		}, true, "evaluation"},
	} {
		b := base()
		tc.change(&b)
		err := b.check(now, tc.closing)
		var ve *ValidationError
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want == "delay" && !errors.Is(err, ErrDelayReasonRequired):
			t.Errorf("%s: %v, want ErrDelayReasonRequired", tc.name, err)
		case tc.want != "" && tc.want != "delay" && (!errors.As(err, &ve) || ve.Field != tc.want):
			t.Errorf("%s: %v, want a validation error on %s", tc.name, err, tc.want)
		}
	}
}

func TestValidateRefusesIncompleteDeclarations(t *testing.T) {
	act := Activity{ID: "a", Name: "A", Purposes: []string{"p"}, LegalBases: []LegalBasis{{Basis: BasisContract}}}
	good := Column{Name: "email", Kind: Personal, Category: "contact", Label: "E-mail", Activities: []string{"a"}}
	link := Link{Title: "t", Where: "id = @account", Columns: []string{"email"}}
	for _, tc := range []struct {
		name string
		col  Column
		link *Link
		want string
	}{
		{"good", good, &link, ""},
		{"personal without category", Column{Name: "email", Kind: Personal, Label: "E-mail", Activities: []string{"a"}}, &link, "without a category"},
		{"unknown activity", Column{Name: "email", Kind: Personal, Category: "c", Label: "E", Activities: []string{"b"}}, &link, "unknown activity"},
		{"not personal without why", Column{Name: "email", Kind: NotPersonal}, &link, "needs a label"},
		{"personal but exported by no link", good, nil, "no link exports it"},
		{"link to a missing column", good, &Link{Title: "t", Where: "x", Columns: []string{"email", "phone"}}, "not a column"},
	} {
		tb := Table{Name: "people", Columns: []Column{tc.col}}
		if tc.link != nil {
			tb.Links = []Link{*tc.link}
		}
		err := Validate([]Dataset{{Activity: act, Tables: []Table{tb}}})
		if (tc.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestNoticesAreVersioned(t *testing.T) {
	cur := CurrentNotice()
	if !strings.HasPrefix(cur.Text, "# ") || len(cur.SHA256) != 64 || NoticeVersions()[len(NoticeVersions())-1] != cur.Version {
		t.Fatalf("current notice: %+v", cur.Version)
	}
	if _, err := NoticeByVersion("2000-01"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown version: %v", err)
	}
	for _, must := range []string{"Co-Town", "heitje@heerlen.nl", "vier weken", "toestemming", "Autoriteit Persoonsgegevens"} {
		if !strings.Contains(cur.Text, must) {
			t.Errorf("the notice does not mention %q", must)
		}
	}
}
