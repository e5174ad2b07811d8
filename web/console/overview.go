package console

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/privacy"
)

// Overview: charts where people would rather look than read, each with the same numbers in a table, each
// only for staff who hold the privilege its data belongs to. /beheer/overzicht shows every chart the staff
// member may see; /beheer/overzicht/<group> one group's.

func init() { registerSection(5, (*Server).registerOverview) }

const overviewPath = Base + "/overzicht"

// overviewGroup is a set of charts under one privilege.
type overviewGroup struct {
	Slug  string
	Priv  accounts.Privilege
	Title string
	build func(s *Server, r *http.Request, c *call) ([]chartPanel, error)
}

var overviewGroups = []overviewGroup{
	{"financien", accounts.PrivFinance, "console.overview.group.finance", (*Server).financePanels},
	{"klussen", accounts.PrivChoresManage, "console.overview.group.chores", (*Server).chorePanels},
	{"beoordeling", accounts.PrivChoresReview, "console.overview.group.review", (*Server).reviewPanels},
	{"analyse", accounts.PrivAnalytics, "console.overview.group.analytics", (*Server).analyticsPanels},
}

func (s *Server) registerOverview() {
	var privs []accounts.Privilege
	for _, g := range overviewGroups {
		privs = append(privs, g.Priv)
	}
	s.addSection(section{Path: overviewPath, Title: "console.overview.title", About: "console.overview.about", Privileges: privs})
	// The whole overview answers a holder of any of the groups' privileges and shows the groups held.
	s.mux.Handle("GET "+overviewPath, s.member(func(w http.ResponseWriter, r *http.Request, c *call) {
		if !slices.ContainsFunc(privs, c.Principal.Has) {
			s.fail(w, r, c, http.StatusForbidden, "console.error.forbidden")
			return
		}
		s.overview(w, r, c, "")
	}))
	for _, g := range overviewGroups {
		s.handle("GET "+overviewPath+"/"+g.Slug, g.Priv, func(w http.ResponseWriter, r *http.Request, c *call) {
			s.overview(w, r, c, g.Slug)
		})
	}
}

// chartPanel is one chart with its table: everything in words already.
type chartPanel struct {
	ID, Heading, Intro string
	SVG                template.HTML
	Legend             []string
	Caption            string
	Head               []string
	Rows               [][]chartCell
	Note               string
	// Refused is said instead of the chart (the analytics refuse staff who collected the data).
	Refused string
}

type chartCell struct {
	Text       string
	Num        bool
	Suppressed bool
}

type overviewData struct {
	Groups  []navItem
	Current string
	Panels  []chartPanel
}

func (s *Server) overview(w http.ResponseWriter, r *http.Request, c *call, slug string) {
	d := overviewData{Current: slug}
	title := "console.overview.title"
	for _, g := range overviewGroups {
		if !c.Principal.Has(g.Priv) {
			continue
		}
		d.Groups = append(d.Groups, navItem{Path: overviewPath + "/" + g.Slug, Title: g.Title, Current: g.Slug == slug})
		if slug != "" && g.Slug != slug {
			continue
		}
		if slug != "" {
			title = g.Title
		}
		ps, err := g.build(s, r, c)
		if err != nil {
			s.failErr(w, r, c, err)
			return
		}
		d.Panels = append(d.Panels, ps...)
	}
	s.render(w, r, c, http.StatusOK, "overview_charts", view{Title: title, Data: d})
}

var shortMonths = map[string][12]string{
	"nl": {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
	"en": {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
}

// shortDay writes a day for an axis: 5 jan.
func shortDay(lang string, t time.Time) string {
	m, ok := shortMonths[lang]
	if !ok {
		m = shortMonths[web0]
	}
	return fmt.Sprintf("%d %s", t.Day(), m[t.Month()-1])
}

// day writes a calendar day (a date at midnight in any zone) in full.
func ovDay(lang string, t time.Time) string { return formatTime(lang, t.Format(time.DateOnly), false) }

func ovNum(n int64) chartCell   { return chartCell{Text: strconv.FormatInt(n, 10), Num: true} }
func ovMoney(n int64) chartCell { return chartCell{Text: euros(n), Num: true} }
func ovText(s string) chartCell { return chartCell{Text: s} }
func coinsAxis(n int64) string  { return euros(n) }
func countAxis(n int64) string  { return strconv.FormatInt(n, 10) }

func (s *Server) financePanels(r *http.Request, c *call) ([]chartPanel, error) {
	lang := c.Lang
	weeks, err := s.deps.Overview.CoinsPerWeek(r.Context(), c.Actor)
	if err != nil {
		return nil, err
	}
	minted, redeemed := s.t(lang, "console.overview.coins.minted"), s.t(lang, "console.overview.coins.redeemed")
	coins := chart{ID: "chart-coins", Title: s.t(lang, "console.overview.coins.heading"), Desc: s.t(lang, "console.overview.coins.desc"),
		Series: []string{minted, redeemed}, Format: coinsAxis}
	pc := chartPanel{ID: "coins", Heading: coins.Title, Intro: s.t(lang, "console.overview.coins.intro"), Legend: coins.Series,
		Caption: s.t(lang, "console.overview.coins.caption"),
		Head:    []string{s.t(lang, "console.overview.week"), minted, redeemed}}
	for _, w := range weeks {
		coins.Rows = append(coins.Rows, chartRow{Label: shortDay(lang, w.Start), Values: []int64{w.MintedCents, w.RedeemedCents}})
		pc.Rows = append(pc.Rows, []chartCell{ovText(s.t(lang, "console.overview.week_of", "day", ovDay(lang, w.Start))), ovMoney(w.MintedCents), ovMoney(w.RedeemedCents)})
	}
	pc.SVG = coins.columns()

	days, err := s.deps.Overview.PaymentsPerDay(r.Context(), c.Actor)
	if err != nil {
		return nil, err
	}
	count := s.t(lang, "console.overview.payments.count")
	pay := chart{ID: "chart-payments", Title: s.t(lang, "console.overview.payments.heading"), Desc: s.t(lang, "console.overview.payments.desc"),
		Series: []string{count}, Format: countAxis}
	pp := chartPanel{ID: "payments", Heading: pay.Title, Intro: s.t(lang, "console.overview.payments.intro"), Legend: pay.Series,
		Caption: s.t(lang, "console.overview.payments.caption"),
		Head:    []string{s.t(lang, "console.overview.day"), count, s.t(lang, "console.overview.payments.amount")}}
	for _, d := range days {
		pay.Rows = append(pay.Rows, chartRow{Label: shortDay(lang, d.Day), Values: []int64{int64(d.Payments)}})
		pp.Rows = append(pp.Rows, []chartCell{ovText(ovDay(lang, d.Day)), ovNum(int64(d.Payments)), ovMoney(d.Cents)})
	}
	pp.SVG = pay.columns()
	return []chartPanel{pc, pp}, nil
}

func (s *Server) chorePanels(r *http.Request, c *call) ([]chartPanel, error) {
	lang := c.Lang
	list, err := s.deps.Overview.ChoreBudgets(r.Context(), c.Actor)
	if err != nil {
		return nil, err
	}
	spent, reserved, left := s.t(lang, "console.overview.budget.spent"), s.t(lang, "console.overview.budget.reserved"),
		s.t(lang, "console.overview.budget.left")
	ch := chart{ID: "chart-budget", Title: s.t(lang, "console.overview.budget.heading"), Desc: s.t(lang, "console.overview.budget.desc"),
		Series: []string{spent, reserved, left}, Stacked: true, Format: coinsAxis}
	p := chartPanel{ID: "budget", Heading: ch.Title, Intro: s.t(lang, "console.overview.budget.intro"), Legend: ch.Series,
		Caption: s.t(lang, "console.overview.budget.caption"),
		Head: []string{s.t(lang, "console.overview.budget.chore"), s.t(lang, "console.overview.budget.budget"), spent, reserved, left,
			s.t(lang, "console.overview.budget.used")}}
	for _, b := range list {
		rest := max(b.BudgetCents-b.UsedCents(), 0)
		ch.Rows = append(ch.Rows, chartRow{Label: b.Title, Values: []int64{b.SpentCents, b.ReservedCents, rest}})
		pct := int64(0)
		if b.BudgetCents > 0 {
			pct = b.UsedCents() * 100 / b.BudgetCents
		}
		p.Rows = append(p.Rows, []chartCell{ovText(b.Title), ovMoney(b.BudgetCents), ovMoney(b.SpentCents), ovMoney(b.ReservedCents), ovMoney(rest),
			{Text: strconv.FormatInt(pct, 10) + "%", Num: true}})
	}
	if len(list) == 0 {
		p.Note = s.t(lang, "console.overview.budget.none")
	}
	p.SVG = ch.bars()
	return []chartPanel{p}, nil
}

func (s *Server) reviewPanels(r *http.Request, c *call) ([]chartPanel, error) {
	lang := c.Lang
	q, err := s.deps.Overview.QueueAge(r.Context(), c.Actor)
	if err != nil {
		return nil, err
	}
	claims := s.t(lang, "console.overview.queue.claims")
	ch := chart{ID: "chart-queue", Title: s.t(lang, "console.overview.queue.heading"), Desc: s.t(lang, "console.overview.queue.desc"),
		Series: []string{claims}, Format: countAxis}
	p := chartPanel{ID: "queue", Heading: ch.Title, Intro: s.t(lang, "console.overview.queue.intro", "n", q.Waiting()), Legend: ch.Series,
		Caption: s.t(lang, "console.overview.queue.caption"), Head: []string{s.t(lang, "console.overview.queue.age"), claims}}
	for i, n := range q.Groups {
		label := s.t(lang, fmt.Sprintf("console.overview.queue.group%d", i))
		ch.Rows = append(ch.Rows, chartRow{Label: label, Values: []int64{int64(n)}})
		p.Rows = append(p.Rows, []chartCell{ovText(label), ovNum(int64(n))})
	}
	if q.Oldest != nil {
		p.Note = s.t(lang, "console.overview.queue.oldest", "when", formatTime(lang, *q.Oldest, true))
	}
	p.SVG = ch.columns()
	return []chartPanel{p}, nil
}

func (s *Server) analyticsPanels(r *http.Request, c *call) ([]chartPanel, error) {
	var out []chartPanel
	for _, ds := range []struct {
		id  string
		run func() (privacy.Aggregate, error)
	}{
		{"earnings", func() (privacy.Aggregate, error) { return s.deps.Privacy.Earnings(r.Context(), c.Actor, "", "") }},
		{"spending", func() (privacy.Aggregate, error) { return s.deps.Privacy.Spending(r.Context(), c.Actor, "", "") }},
	} {
		p, err := s.analyticsPanel(c.Lang, ds.id, ds.run)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func (s *Server) analyticsPanel(lang, id string, run func() (privacy.Aggregate, error)) (chartPanel, error) {
	k := "console.overview." + id
	p := chartPanel{ID: id, Heading: s.t(lang, k+".heading")}
	agg, err := run()
	if errors.Is(err, privacy.ErrCollector) {
		p.Refused = s.t(lang, "console.overview.analytics.collector")
		return p, nil
	}
	if err != nil {
		return p, err
	}
	coins, count, suppressed := s.t(lang, k+".cents"), s.t(lang, k+".count"), s.t(lang, "console.overview.analytics.suppressed")
	ch := chart{ID: "chart-" + id, Title: p.Heading, Desc: s.t(lang, k+".desc", "k", agg.MinGroupSize), Series: []string{coins},
		Format: coinsAxis, Suppressed: suppressed}
	p.Intro = s.t(lang, k+".intro", "from", formatTime(lang, agg.From+"-01", false), "to", formatTime(lang, agg.To+"-01", false))
	p.Legend, p.Caption = ch.Series, s.t(lang, k+".caption")
	p.Head = []string{s.t(lang, "console.overview.month"), s.t(lang, k+".group"), count, coins}
	for _, cl := range agg.Cells {
		month := monthName(lang, cl.Month)
		label := month + " · " + cl.Group
		if cl.Suppressed {
			ch.Rows = append(ch.Rows, chartRow{Label: label, Suppressed: true})
			p.Rows = append(p.Rows, []chartCell{ovText(month), ovText(cl.Group), {Text: suppressed, Suppressed: true}, {Text: suppressed, Suppressed: true}})
			continue
		}
		ch.Rows = append(ch.Rows, chartRow{Label: label, Values: []int64{*cl.Cents}})
		p.Rows = append(p.Rows, []chartCell{ovText(month), ovText(cl.Group), ovNum(*cl.Count), ovMoney(*cl.Cents)})
	}
	p.Note = s.t(lang, "console.overview.analytics.note", "k", agg.MinGroupSize, "n", agg.Suppressed)
	if len(agg.Cells) == 0 {
		p.Note = s.t(lang, "console.overview.analytics.empty")
	}
	p.SVG = ch.bars()
	return p, nil
}

// monthName writes YYYY-MM as maart 2026.
func monthName(lang, ym string) string {
	t, err := time.Parse("2006-01", ym)
	if err != nil {
		return ym
	}
	m, ok := months[lang]
	if !ok {
		m = months[web0]
	}
	return fmt.Sprintf("%s %d", m[t.Month()-1], t.Year())
}
