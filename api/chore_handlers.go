package api

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/chores"
)

// locationBody is where a chore is done: a point inside the municipality and the neighbourhood's name.
type locationBody struct {
	Lat  float64 `json:"lat"`
	Lng  float64 `json:"lng"`
	Area string  `json:"area"`
}

// choreView is a chore as residents see it: no budget, no staff.
type choreView struct {
	ID               string       `json:"id"`
	Title            string       `json:"title"`
	Description      string       `json:"description"`
	Location         locationBody `json:"location"`
	RewardCents      int64        `json:"reward_cents"`
	Capacity         int          `json:"capacity"`
	PlacesLeft       int          `json:"places_left"`
	PerResidentLimit int          `json:"per_resident_limit,omitempty"`
	OpensAt          time.Time    `json:"opens_at"`
	ClosesAt         time.Time    `json:"closes_at"`
	// Status is upcoming, open or closed.
	Status string `json:"status"`
	// DistanceM is the distance from ?near= in metres, when the list was asked near a point.
	DistanceM *float64 `json:"distance_m,omitempty"`
}

type choreList struct {
	Chores []choreView `json:"chores"`
}

func viewChore(c chores.Chore, now time.Time) choreView {
	return choreView{ID: c.ID, Title: c.Title, Description: c.Description,
		Location:    locationBody{Lat: c.Location.Lat, Lng: c.Location.Lng, Area: c.Location.Area},
		RewardCents: c.RewardCents, Capacity: c.Capacity, PlacesLeft: c.PlacesLeft(), PerResidentLimit: c.PerResidentLimit,
		OpensAt: c.OpensAt, ClosesAt: c.ClosesAt, Status: string(c.State(now))}
}

func (s *Server) listChores(c *gin.Context) {
	f := chores.ListFilter{}
	var err error
	if f.Limit, f.Offset, err = queryPage(c, chores.DefaultLimit); err != nil {
		respondError(c, err)
		return
	}
	if near := c.Query("near"); near != "" {
		if f.Near, err = parseNear(near); err != nil {
			respondError(c, err)
			return
		}
		radius, err := queryInt(c, queryKey(c, "radiusM", "radius_m"), chores.DefaultRadiusM)
		if err != nil {
			respondError(c, err)
			return
		}
		f.RadiusM = float64(radius)
	}
	list, err := s.deps.Chores.OpenChores(c.Request.Context(), f)
	if err != nil {
		respondError(c, err)
		return
	}
	now := s.deps.Chores.Now()
	out := choreList{Chores: make([]choreView, 0, len(list))}
	for _, ch := range list {
		v := viewChore(ch, now)
		if f.Near != nil {
			d := ch.DistanceM
			v.DistanceM = &d
		}
		out.Chores = append(out.Chores, v)
	}
	c.JSON(http.StatusOK, out)
}

// parseNear reads ?near=lat,lng.
func parseNear(v string) (*chores.Location, error) {
	latS, lngS, ok := strings.Cut(v, ",")
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(latS), 64)
	lng, err2 := strconv.ParseFloat(strings.TrimSpace(lngS), 64)
	if !ok || err1 != nil || err2 != nil || lat < -90 || lat > 90 || lng < -180 || lng > 180 {
		e := Errorf(http.StatusBadRequest, "validation_failed", "near must be lat,lng in decimal degrees, e.g. 50.888,5.98")
		e.Field = "near"
		return nil, e
	}
	return &chores.Location{Lat: lat, Lng: lng}, nil
}

func (s *Server) getChore(c *gin.Context) {
	ch, err := s.deps.Chores.Chore(c.Request.Context(), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewChore(ch, s.deps.Chores.Now()))
}
