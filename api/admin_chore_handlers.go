package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/chores"
)

// choreRequest puts up a chore. opens_at left out means now; budget_cents left out means reward_cents ×
// capacity; per_resident_limit left out means no limit beyond one open claim at a time.
type choreRequest struct {
	Title            string       `json:"title"`
	Description      string       `json:"description,omitempty"`
	Location         locationBody `json:"location"`
	RewardCents      int64        `json:"reward_cents"`
	Capacity         int          `json:"capacity"`
	OpensAt          *time.Time   `json:"opens_at,omitempty"`
	ClosesAt         time.Time    `json:"closes_at"`
	PerResidentLimit int          `json:"per_resident_limit,omitempty"`
	BudgetCents      int64        `json:"budget_cents,omitempty"`
}

// chorePatchRequest changes a chore: fields left out stay. closed true closes it now, false reopens it.
type chorePatchRequest struct {
	Title            *string       `json:"title,omitempty"`
	Description      *string       `json:"description,omitempty"`
	Location         *locationBody `json:"location,omitempty"`
	RewardCents      *int64        `json:"reward_cents,omitempty"`
	Capacity         *int          `json:"capacity,omitempty"`
	OpensAt          *time.Time    `json:"opens_at,omitempty"`
	ClosesAt         *time.Time    `json:"closes_at,omitempty"`
	PerResidentLimit *int          `json:"per_resident_limit,omitempty"`
	BudgetCents      *int64        `json:"budget_cents,omitempty"`
	Closed           *bool         `json:"closed,omitempty"`
}

// adminChoreView is a chore with its budget and counters, for staff.
type adminChoreView struct {
	ID               string       `json:"id"`
	Title            string       `json:"title"`
	Description      string       `json:"description"`
	Location         locationBody `json:"location"`
	RewardCents      int64        `json:"reward_cents"`
	Capacity         int          `json:"capacity"`
	PlacesTaken      int          `json:"places_taken"`
	PerResidentLimit int          `json:"per_resident_limit,omitempty"`
	BudgetCents      int64        `json:"budget_cents"`
	ReservedCents    int64        `json:"reserved_cents"`
	SpentCents       int64        `json:"spent_cents"`
	OpensAt          time.Time    `json:"opens_at"`
	ClosesAt         time.Time    `json:"closes_at"`
	ClosedAt         *time.Time   `json:"closed_at,omitempty"`
	Status           string       `json:"status"`
	CreatedBy        string       `json:"created_by"`
	CreatedAt        time.Time    `json:"created_at"`
	UpdatedAt        time.Time    `json:"updated_at"`
}

type adminChoreList struct {
	Chores []adminChoreView `json:"chores"`
}

func viewAdminChore(c chores.Chore, now time.Time) adminChoreView {
	return adminChoreView{ID: c.ID, Title: c.Title, Description: c.Description,
		Location:    locationBody{Lat: c.Location.Lat, Lng: c.Location.Lng, Area: c.Location.Area},
		RewardCents: c.RewardCents, Capacity: c.Capacity, PlacesTaken: c.PlacesTaken, PerResidentLimit: c.PerResidentLimit,
		BudgetCents: c.BudgetCents, ReservedCents: c.ReservedCents, SpentCents: c.SpentCents, OpensAt: c.OpensAt,
		ClosesAt: c.ClosesAt, ClosedAt: c.ClosedAt, Status: string(c.State(now)), CreatedBy: c.CreatedBy,
		CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
}

func (s *Server) createChore(c *gin.Context) {
	var req choreRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	in := chores.ChoreInput{Title: req.Title, Description: req.Description,
		Location:    chores.Location{Lat: req.Location.Lat, Lng: req.Location.Lng, Area: req.Location.Area},
		RewardCents: req.RewardCents, Capacity: req.Capacity, ClosesAt: req.ClosesAt, PerResidentLimit: req.PerResidentLimit,
		BudgetCents: req.BudgetCents}
	if req.OpensAt != nil {
		in.OpensAt = *req.OpensAt
	}
	ch, err := s.deps.Chores.CreateChore(c.Request.Context(), actor(c), in)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusCreated, viewAdminChore(ch, s.deps.Chores.Now()))
}

func (s *Server) updateChore(c *gin.Context) {
	var req chorePatchRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	p := chores.ChorePatch{Title: req.Title, Description: req.Description, RewardCents: req.RewardCents,
		Capacity: req.Capacity, OpensAt: req.OpensAt, ClosesAt: req.ClosesAt, PerResidentLimit: req.PerResidentLimit,
		BudgetCents: req.BudgetCents, Closed: req.Closed}
	if req.Location != nil {
		p.Location = &chores.Location{Lat: req.Location.Lat, Lng: req.Location.Lng, Area: req.Location.Area}
	}
	ch, err := s.deps.Chores.UpdateChore(c.Request.Context(), actor(c), c.Param("id"), p)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewAdminChore(ch, s.deps.Chores.Now()))
}

func (s *Server) adminChores(c *gin.Context) {
	limit, offset, err := queryPage(c, chores.DefaultLimit)
	if err != nil {
		respondError(c, err)
		return
	}
	list, err := s.deps.Chores.AllChores(c.Request.Context(), actor(c), limit, offset)
	if err != nil {
		respondError(c, err)
		return
	}
	now := s.deps.Chores.Now()
	out := adminChoreList{Chores: make([]adminChoreView, 0, len(list))}
	for _, ch := range list {
		out.Chores = append(out.Chores, viewAdminChore(ch, now))
	}
	c.JSON(http.StatusOK, out)
}
