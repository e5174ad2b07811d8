package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/privacy"
)

// breachBody is a new breach or a change to one: absent fields stay. Times are RFC 3339. close finishes the
// entry: then reportable must be decided, a reportable breach notified to the authority, the people
// concerned told (or why not recorded), and an evaluation written.
type breachBody struct {
	Title                     *string    `json:"title,omitempty"`
	Nature                    *string    `json:"nature,omitempty"`
	Kinds                     *[]string  `json:"kinds,omitempty"`
	DataCategories            *[]string  `json:"data_categories,omitempty"`
	SubjectGroups             *string    `json:"subject_groups,omitempty"`
	AffectedMin               *int       `json:"affected_min,omitempty"`
	AffectedMax               *int       `json:"affected_max,omitempty"`
	StartedAt                 *time.Time `json:"started_at,omitempty"`
	EndedAt                   *time.Time `json:"ended_at,omitempty"`
	DiscoveredAt              *time.Time `json:"discovered_at,omitempty"`
	AwareAt                   *time.Time `json:"aware_at,omitempty"`
	ProcessorNotifiedAt       *time.Time `json:"processor_notified_at,omitempty"`
	Cause                     *string    `json:"cause,omitempty"`
	Consequences              *string    `json:"consequences,omitempty"`
	HarmMeasures              *string    `json:"harm_measures,omitempty"`
	MeasuresTaken             *string    `json:"measures_taken,omitempty"`
	InformationContact        *string    `json:"information_contact,omitempty"`
	Encrypted                 *bool      `json:"encrypted,omitempty"`
	Reportable                *bool      `json:"reportable,omitempty"`
	Assessment                *string    `json:"assessment,omitempty"`
	AuthorityNotifiedAt       *time.Time `json:"authority_notified_at,omitempty"`
	AuthorityReference        *string    `json:"authority_reference,omitempty"`
	DelayReason               *string    `json:"delay_reason,omitempty"`
	SubjectsNotifiedAt        *time.Time `json:"subjects_notified_at,omitempty"`
	SubjectsNotNotifiedReason *string    `json:"subjects_not_notified_reason,omitempty"`
	DPIAReference             *string    `json:"dpia_reference,omitempty"`
	Evaluation                *string    `json:"evaluation,omitempty"`
	Close                     bool       `json:"close,omitempty"`
}

func (b breachBody) input() privacy.BreachInput {
	return privacy.BreachInput{Title: b.Title, Nature: b.Nature, Kinds: b.Kinds, DataCategories: b.DataCategories,
		SubjectGroups: b.SubjectGroups, AffectedMin: b.AffectedMin, AffectedMax: b.AffectedMax, StartedAt: b.StartedAt,
		EndedAt: b.EndedAt, DiscoveredAt: b.DiscoveredAt, AwareAt: b.AwareAt, ProcessorNotifiedAt: b.ProcessorNotifiedAt,
		Cause: b.Cause, Consequences: b.Consequences, HarmMeasures: b.HarmMeasures, MeasuresTaken: b.MeasuresTaken,
		InformationContact: b.InformationContact, Encrypted: b.Encrypted, Reportable: b.Reportable, Assessment: b.Assessment,
		AuthorityNotifiedAt: b.AuthorityNotifiedAt, AuthorityReference: b.AuthorityReference, DelayReason: b.DelayReason,
		SubjectsNotifiedAt: b.SubjectsNotifiedAt, SubjectsNotNotifiedReason: b.SubjectsNotNotifiedReason,
		DPIAReference: b.DPIAReference, Evaluation: b.Evaluation, Close: b.Close}
}

// breachView is a register entry with its clock: when the authority is due, whether that is overdue, and
// what needs attention.
type breachView struct {
	ID                        string     `json:"id"`
	Title                     string     `json:"title"`
	Nature                    string     `json:"nature"`
	Kinds                     []string   `json:"kinds"`
	DataCategories            []string   `json:"data_categories"`
	SubjectGroups             string     `json:"subject_groups"`
	AffectedMin               int        `json:"affected_min"`
	AffectedMax               int        `json:"affected_max"`
	StartedAt                 *time.Time `json:"started_at"`
	EndedAt                   *time.Time `json:"ended_at"`
	DiscoveredAt              time.Time  `json:"discovered_at"`
	AwareAt                   time.Time  `json:"aware_at"`
	ProcessorNotifiedAt       *time.Time `json:"processor_notified_at"`
	Cause                     string     `json:"cause"`
	Consequences              string     `json:"consequences"`
	HarmMeasures              string     `json:"harm_measures"`
	MeasuresTaken             string     `json:"measures_taken"`
	InformationContact        string     `json:"information_contact"`
	Encrypted                 bool       `json:"encrypted"`
	Reportable                *bool      `json:"reportable"`
	Assessment                string     `json:"assessment"`
	AuthorityDueAt            time.Time  `json:"authority_due_at"`
	AuthorityNotifiedAt       *time.Time `json:"authority_notified_at"`
	AuthorityReference        string     `json:"authority_reference"`
	DelayReason               string     `json:"delay_reason"`
	SubjectsNotifiedAt        *time.Time `json:"subjects_notified_at"`
	SubjectsNotNotifiedReason string     `json:"subjects_not_notified_reason"`
	DPIAReference             string     `json:"dpia_reference"`
	Evaluation                string     `json:"evaluation"`
	CreatedAt                 time.Time  `json:"created_at"`
	UpdatedAt                 time.Time  `json:"updated_at"`
	ClosedAt                  *time.Time `json:"closed_at"`
	Overdue                   bool       `json:"overdue"`
	Warnings                  []string   `json:"warnings"`
}

type breachList struct {
	Breaches []breachView `json:"breaches"`
	Overdue  int          `json:"overdue"`
}

func viewBreach(b privacy.Breach, now time.Time) breachView {
	return breachView{ID: b.ID, Title: b.Title, Nature: b.Nature, Kinds: b.Kinds, DataCategories: b.DataCategories,
		SubjectGroups: b.SubjectGroups, AffectedMin: b.AffectedMin, AffectedMax: b.AffectedMax, StartedAt: b.StartedAt,
		EndedAt: b.EndedAt, DiscoveredAt: b.DiscoveredAt, AwareAt: b.AwareAt, ProcessorNotifiedAt: b.ProcessorNotifiedAt,
		Cause: b.Cause, Consequences: b.Consequences, HarmMeasures: b.HarmMeasures, MeasuresTaken: b.MeasuresTaken,
		InformationContact: b.InformationContact, Encrypted: b.Encrypted, Reportable: b.Reportable, Assessment: b.Assessment,
		AuthorityDueAt: b.AuthorityDueAt(), AuthorityNotifiedAt: b.AuthorityNotifiedAt, AuthorityReference: b.AuthorityReference,
		DelayReason: b.DelayReason, SubjectsNotifiedAt: b.SubjectsNotifiedAt, SubjectsNotNotifiedReason: b.SubjectsNotNotifiedReason,
		DPIAReference: b.DPIAReference, Evaluation: b.Evaluation, CreatedAt: b.CreatedAt, UpdatedAt: b.UpdatedAt,
		ClosedAt: b.ClosedAt, Overdue: b.Overdue(now), Warnings: b.Warnings(now)}
}

func (s *Server) listBreaches(c *gin.Context) {
	status := c.DefaultQuery("status", "open")
	if status != "open" && status != "all" {
		e := Errorf(http.StatusBadRequest, "validation_failed", "status must be open or all")
		e.Field = "status"
		respondError(c, e)
		return
	}
	bs, err := s.deps.Privacy.Breaches(c.Request.Context(), actor(c), status == "all")
	if err != nil {
		respondError(c, err)
		return
	}
	now := s.deps.Privacy.Now()
	out := breachList{Breaches: make([]breachView, len(bs))}
	for i, b := range bs {
		out.Breaches[i] = viewBreach(b, now)
		if out.Breaches[i].Overdue {
			out.Overdue++
		}
	}
	noStore(c)
	c.JSON(http.StatusOK, out)
}

func (s *Server) getBreach(c *gin.Context) {
	b, err := s.deps.Privacy.Breach(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewBreach(b, s.deps.Privacy.Now()))
}

func (s *Server) recordBreach(c *gin.Context) {
	var req breachBody
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	b, err := s.deps.Privacy.RecordBreach(c.Request.Context(), actor(c), req.input())
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusCreated, viewBreach(b, s.deps.Privacy.Now()))
}

func (s *Server) updateBreach(c *gin.Context) {
	var req breachBody
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	b, err := s.deps.Privacy.UpdateBreach(c.Request.Context(), actor(c), c.Param("id"), req.input())
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewBreach(b, s.deps.Privacy.Now()))
}
