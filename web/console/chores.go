package console

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
)

// Chores: the list of chores with their budget used and places taken, a form to put one up or change it
// (the place picked on a map of the municipality, or typed as latitude and longitude), and closing and
// reopening. Bad input is said next to its field and changes nothing.

func init() { registerSection(30, (*Server).registerChores) }

const choresPath = Base + "/klussen"

func (s *Server) registerChores() {
	s.addSection(section{Path: choresPath, Title: "console.chores.title", About: "console.chores.about",
		Privileges: []accounts.Privilege{accounts.PrivChoresManage}})
	s.handle("GET "+choresPath, accounts.PrivChoresManage, s.choreList)
	s.handle("GET "+choresPath+"/nieuw", accounts.PrivChoresManage, s.newChoreForm)
	s.handle("POST "+choresPath+"/nieuw", accounts.PrivChoresManage, s.createChore)
	s.handle("GET "+choresPath+"/{id}", accounts.PrivChoresManage, s.editChoreForm)
	s.handle("POST "+choresPath+"/{id}", accounts.PrivChoresManage, s.updateChore)
	s.handle("POST "+choresPath+"/{id}/sluiten", accounts.PrivChoresManage, s.closeChore)
	s.handle("POST "+choresPath+"/{id}/heropenen", accounts.PrivChoresManage, s.reopenChore)
}

// choreLine is a chore in the list, with its state now.
type choreLine struct {
	chores.Chore
	State chores.State
	// Committed is what the chore has spent and reserved of its budget, in cents.
	Committed int64
}

// choreList lists every chore, newest first.
func (s *Server) choreList(w http.ResponseWriter, r *http.Request, c *call) {
	list, err := s.deps.Chores.AllChores(r.Context(), c.Actor, chores.MaxLimit, 0)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	now := s.deps.Chores.Now()
	lines := make([]choreLine, len(list))
	for i, ch := range list {
		lines[i] = choreLine{Chore: ch, State: ch.State(now), Committed: ch.SpentCents + ch.ReservedCents}
	}
	s.render(w, r, c, http.StatusOK, "chores_list", view{Title: "console.chores.title", Data: lines})
}

// choreForm is what the form of a new or an existing chore shows besides its fields.
type choreForm struct {
	// Chore is the chore being changed; nil for a new one.
	Chore *choreLine
	// Action is where the form posts.
	Action string
	// MaxReward is the highest reward, in cents.
	MaxReward int64
	// TileURL and Bounds are for the map: the tile source and minLat,minLng,maxLat,maxLng.
	TileURL, Bounds string
	// Box is the municipality's area in words: its edges as the coordinate fields take them.
	Box map[string]string
}

func (s *Server) choreFormData(ch *chores.Chore) choreForm {
	b := s.deps.Bounds
	d := choreForm{Action: choresPath + "/nieuw", MaxReward: s.deps.Chores.MaxRewardCents(), TileURL: s.deps.TileURL,
		Bounds: strings.Join([]string{choreCoord(b.MinLat), choreCoord(b.MinLng), choreCoord(b.MaxLat), choreCoord(b.MaxLng)}, ","),
		Box: map[string]string{"minLat": choreCoord(b.MinLat), "maxLat": choreCoord(b.MaxLat), "minLng": choreCoord(b.MinLng),
			"maxLng": choreCoord(b.MaxLng)}}
	if ch != nil {
		d.Action = choresPath + "/" + ch.ID
		d.Chore = &choreLine{Chore: *ch, State: ch.State(s.deps.Chores.Now()), Committed: ch.SpentCents + ch.ReservedCents}
	}
	return d
}

// newChoreForm shows an empty form; the chore opens today unless the manager says otherwise.
func (s *Server) newChoreForm(w http.ResponseWriter, r *http.Request, c *call) {
	form := url.Values{"opens": {s.deps.Chores.Now().In(zone).Format(time.DateOnly)}}
	s.render(w, r, c, http.StatusOK, "chores_form", view{Title: "console.chores.new_title", Form: form, Data: s.choreFormData(nil)})
}

// editChoreForm shows the form filled with the chore's fields.
func (s *Server) editChoreForm(w http.ResponseWriter, r *http.Request, c *call) {
	ch, ok := s.manageChore(w, r, c)
	if !ok {
		return
	}
	s.render(w, r, c, http.StatusOK, "chores_form", view{Title: "console.chores.edit_title", Form: choreValues(ch),
		Data: s.choreFormData(&ch)})
}

// manageChore loads the chore of the request's {id} (the route admits only staff who manage chores); it
// answers with the error page itself when it cannot.
func (s *Server) manageChore(w http.ResponseWriter, r *http.Request, c *call) (chores.Chore, bool) {
	ch, err := s.deps.Chores.Chore(r.Context(), r.PathValue("id"))
	if err != nil {
		s.failErr(w, r, c, err)
		return ch, false
	}
	return ch, true
}

// choreValues are a chore's fields as the form shows them.
func choreValues(ch chores.Chore) url.Values {
	return url.Values{
		"title": {ch.Title}, "description": {ch.Description}, "area": {ch.Location.Area},
		"lat": {choreCoord(ch.Location.Lat)}, "lng": {choreCoord(ch.Location.Lng)},
		"reward": {choreEuros(ch.RewardCents)}, "budget": {choreEuros(ch.BudgetCents)},
		"capacity": {strconv.Itoa(ch.Capacity)},
		"opens":    {ch.OpensAt.In(zone).Format(time.DateOnly)}, "closes": {choreLastDay(ch.ClosesAt)},
	}
}

// choreLastDay is the last day (in Heerlen) a chore that closes at t is open: a chore the console puts up
// closes at midnight after its last day.
func choreLastDay(t time.Time) string { return t.Add(-time.Nanosecond).In(zone).Format(time.DateOnly) }

func choreCoord(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func choreEuros(cents int64) string {
	return strings.Replace(fmt.Sprintf("%d.%02d", cents/100, abs(cents%100)), ".", ",", 1)
}

// choreFields is a chore form as read: what parsed, and an error (message key) per field that did not.
type choreFields struct {
	Title, Description, Area string
	Lat, Lng                 float64
	Reward, Budget           int64
	HasBudget                bool
	Capacity                 int
	Opens, Closes            time.Time
	OpensText, ClosesText    string
}

// readChoreForm reads and checks the form's fields; errs names each field that is missing or unreadable.
func (s *Server) readChoreForm(f url.Values) (cf choreFields, errs map[string]string) {
	errs = map[string]string{}
	get := func(k string) string { return strings.TrimSpace(f.Get(k)) }
	cf.Title, cf.Description, cf.Area = get("title"), get("description"), get("area")
	if cf.Title == "" {
		errs["title"] = "console.chores.title_required"
	}
	if cf.Area == "" {
		errs["area"] = "console.chores.area_required"
	}
	var okLat, okLng bool
	cf.Lat, okLat = parseChoreCoord(get("lat"))
	cf.Lng, okLng = parseChoreCoord(get("lng"))
	if !okLat || !okLng {
		errs["location"] = "console.chores.location_required"
	}
	var ok bool
	if cf.Reward, ok = parseEuros(get("reward")); !ok || cf.Reward == 0 {
		errs["reward"] = "console.chores.reward_invalid"
	}
	if b := get("budget"); b != "" {
		if cf.Budget, ok = parseEuros(b); !ok || cf.Budget == 0 {
			errs["budget"] = "console.chores.budget_invalid"
		}
		cf.HasBudget = true
	}
	n, err := strconv.Atoi(get("capacity"))
	if err != nil || n < 1 {
		errs["capacity"] = "console.chores.capacity_invalid"
	}
	cf.Capacity = n
	cf.OpensText, cf.ClosesText = get("opens"), get("closes")
	if cf.OpensText != "" {
		d, err := time.ParseInLocation(time.DateOnly, cf.OpensText, zone)
		if err != nil {
			errs["opens"] = "console.chores.date_invalid"
		}
		cf.Opens = d
	}
	d, err := time.ParseInLocation(time.DateOnly, cf.ClosesText, zone)
	switch {
	case cf.ClosesText == "":
		errs["closes"] = "console.chores.closes_required"
	case err != nil:
		errs["closes"] = "console.chores.date_invalid"
	default:
		cf.Closes = d.AddDate(0, 0, 1) // open through the last day
		if !cf.Opens.IsZero() && cf.Closes.Sub(cf.Opens) < 24*time.Hour {
			errs["closes"] = "console.chores.closes_before_opens"
		}
	}
	return cf, errs
}

// parseChoreCoord reads a latitude or longitude, with a decimal point or comma.
func parseChoreCoord(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return f, err == nil && f >= -180 && f <= 180
}

// createChore puts up the chore of the form.
func (s *Server) createChore(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	v := view{Title: "console.chores.new_title", Form: r.PostForm, Data: s.choreFormData(nil)}
	cf, errs := s.readChoreForm(r.PostForm)
	if _, bad := errs["closes"]; !bad && !cf.Closes.After(s.deps.Chores.Now()) {
		errs["closes"] = "console.chores.closes_past"
	}
	if len(errs) > 0 {
		v.Errors, v.Problem = errs, "console.chores.fix"
		s.render(w, r, c, http.StatusUnprocessableEntity, "chores_form", v)
		return
	}
	in := chores.ChoreInput{Title: cf.Title, Description: cf.Description,
		Location:    chores.Location{Lat: cf.Lat, Lng: cf.Lng, Area: cf.Area},
		RewardCents: cf.Reward, Capacity: cf.Capacity, OpensAt: cf.Opens, ClosesAt: cf.Closes, BudgetCents: cf.Budget}
	if _, err := s.deps.Chores.CreateChore(r.Context(), c.Actor, in); err != nil {
		s.choreRefused(w, r, c, v, err)
		return
	}
	s.done(w, r, "console.chores.created", choresPath)
}

// updateChore changes the chore to the form's fields. The dates change only when the manager changed
// them, so that a chore put up through the API keeps its exact times.
func (s *Server) updateChore(w http.ResponseWriter, r *http.Request, c *call) {
	ch, ok := s.manageChore(w, r, c)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	v := view{Title: "console.chores.edit_title", Form: r.PostForm, Data: s.choreFormData(&ch)}
	cf, errs := s.readChoreForm(r.PostForm)
	if !cf.HasBudget {
		errs["budget"] = "console.chores.budget_invalid"
	}
	if len(errs) > 0 {
		v.Errors, v.Problem = errs, "console.chores.fix"
		s.render(w, r, c, http.StatusUnprocessableEntity, "chores_form", v)
		return
	}
	was := choreValues(ch)
	p := chores.ChorePatch{Title: &cf.Title, Description: &cf.Description,
		Location:    &chores.Location{Lat: cf.Lat, Lng: cf.Lng, Area: cf.Area},
		RewardCents: &cf.Reward, Capacity: &cf.Capacity, BudgetCents: &cf.Budget}
	if cf.OpensText != was.Get("opens") && !cf.Opens.IsZero() {
		p.OpensAt = &cf.Opens
	}
	if cf.ClosesText != was.Get("closes") {
		p.ClosesAt = &cf.Closes
	}
	if _, err := s.deps.Chores.UpdateChore(r.Context(), c.Actor, ch.ID, p); err != nil {
		s.choreRefused(w, r, c, v, err)
		return
	}
	s.done(w, r, "console.chores.saved", choresPath)
}

// choreFieldNames maps the service's field names to the form's.
var choreFieldNames = map[string]string{"title": "title", "description": "description", "location.area": "area",
	"location": "location", "reward_cents": "reward", "budget_cents": "budget", "capacity": "capacity",
	"opens_at": "opens", "closes_at": "closes"}

// choreRefused shows the form again with the service's refusal next to its field; other errors get the
// error page.
func (s *Server) choreRefused(w http.ResponseWriter, r *http.Request, c *call, v view, err error) {
	lang := s.messages.Language(r)
	v.Errors, v.Problem = map[string]string{}, "console.chores.fix"
	var fe *chores.ValidationError
	switch {
	case errors.Is(err, chores.ErrOutsideMunicipality):
		b := s.deps.Bounds
		v.Errors["location"] = "!" + s.t(lang, "console.chores.outside", "minLat", choreCoord(b.MinLat), "maxLat", choreCoord(b.MaxLat),
			"minLng", choreCoord(b.MinLng), "maxLng", choreCoord(b.MaxLng))
	case errors.Is(err, chores.ErrRewardTooHigh):
		v.Errors["reward"] = "!" + s.t(lang, "console.chores.reward_too_high", "max", euros(s.deps.Chores.MaxRewardCents()))
	case errors.As(err, &fe) && choreFieldNames[fe.Field] != "":
		v.Errors[choreFieldNames[fe.Field]] = "!" + fe.Message
	default:
		s.failErr(w, r, c, err)
		return
	}
	s.render(w, r, c, http.StatusUnprocessableEntity, "chores_form", v)
}

// closeChore closes the chore now: no new claims; claims already made go on.
func (s *Server) closeChore(w http.ResponseWriter, r *http.Request, c *call) {
	s.setClosed(w, r, c, true, "console.chores.closed")
}

// reopenChore reopens a chore that staff closed.
func (s *Server) reopenChore(w http.ResponseWriter, r *http.Request, c *call) {
	s.setClosed(w, r, c, false, "console.chores.reopened")
}

func (s *Server) setClosed(w http.ResponseWriter, r *http.Request, c *call, closed bool, doneKey string) {
	id := r.PathValue("id")
	if _, err := s.deps.Chores.UpdateChore(r.Context(), c.Actor, id, chores.ChorePatch{Closed: &closed}); err != nil {
		s.failErr(w, r, c, err)
		return
	}
	s.done(w, r, doneKey, choresPath+"/"+url.PathEscape(id))
}
