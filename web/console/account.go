package console

import (
	"encoding/base64"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/payments"
	"github.com/heerlen/heitje/internal/secrets"
)

// A staff member's own pages, outside the sections: the enrolment of the second factor, which the console
// asks for before anything else until there is one (tweede-factor), and "my account" with the second
// factor's state and the password change (account).

// secondFactorForm shows the enrolment: the QR code of the secret for an authenticator app, the secret to
// type instead, and the field for the code the app then shows. A staff member who has a second factor is
// sent to their account page.
func (s *Server) secondFactorForm(w http.ResponseWriter, r *http.Request, c *call) {
	s.showEnrolment(w, r, c, http.StatusOK, view{})
}

func (s *Server) showEnrolment(w http.ResponseWriter, r *http.Request, c *call, status int, v view) {
	e, err := s.deps.Accounts.StartSecondFactor(r.Context(), c.Principal)
	if errors.Is(err, accounts.ErrSecondFactorEnrolled) {
		http.Redirect(w, r, Base+"/account", http.StatusSeeOther)
		return
	}
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	svg, err := payments.QRCodeSVG(e.URI)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	v.Title = "console.second_factor.title"
	v.Data = map[string]any{
		// A data: address keeps the secret out of another request (and any cache); the page's policy
		// allows data: images.
		"QR":     template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(svg)),
		"Secret": groups(e.Secret, 4),
	}
	s.render(w, r, c, status, "second_factor", v)
}

// secondFactorConfirm confirms the enrolment with the app's code and shows the recovery codes, this once.
func (s *Server) secondFactorConfirm(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	code := strings.TrimSpace(r.PostForm.Get("code"))
	if code == "" {
		s.showEnrolment(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm,
			Errors: map[string]string{"code": "console.second_factor.code_required"}})
		return
	}
	codes, err := s.deps.Accounts.ConfirmSecondFactor(r.Context(), c.Principal, code)
	var fe *accounts.ValidationError
	switch {
	case errors.As(err, &fe) && fe.Field == "code":
		s.showEnrolment(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm,
			Errors: map[string]string{"code": "console.second_factor.code_wrong"}})
		return
	case errors.Is(err, accounts.ErrSecondFactorEnrolled):
		http.Redirect(w, r, Base+"/account", http.StatusSeeOther)
		return
	case err != nil:
		s.failErr(w, r, c, err)
		return
	}
	c.SecondFactorPending = false
	s.render(w, r, c, http.StatusOK, "second_factor_codes", view{Title: "console.second_factor.codes_title",
		Data: map[string]any{"Codes": codes, "Pending": c.ConfidentialityPending}})
}

// accountPage is the staff member's own account: the second factor, the e-mail address (where notices by
// e-mail go) and the password change.
func (s *Server) accountPage(w http.ResponseWriter, r *http.Request, c *call) {
	s.showAccountPage(w, r, c, http.StatusOK, view{})
}

func (s *Server) showAccountPage(w http.ResponseWriter, r *http.Request, c *call, status int, v view) {
	st, err := s.deps.Accounts.SecondFactorStatus(r.Context(), c.Principal)
	if err != nil {
		s.failErr(w, r, c, err)
		return
	}
	// The e-mail field shows the saved address, also when the page answers a refused password change.
	if !v.Form.Has("email") {
		me, err := s.deps.Accounts.Me(r.Context(), c.Principal)
		if err != nil {
			s.failErr(w, r, c, err)
			return
		}
		if v.Form == nil {
			v.Form = url.Values{}
		}
		v.Form.Set("email", me.Email)
	}
	v.Title = "console.account.title"
	v.Data = map[string]any{"Factor": st}
	s.render(w, r, c, status, "account", v)
}

// emailChange sets, corrects or (left empty) removes the staff member's e-mail address. An address that is
// not one is refused next to the field, nothing changed.
func (s *Server) emailChange(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	email := strings.TrimSpace(r.PostForm.Get("email"))
	_, err := s.deps.Accounts.UpdateMe(r.Context(), c.Principal, accounts.Update{Email: &email})
	var fe *accounts.ValidationError
	switch {
	case err == nil && email == "":
		s.done(w, r, "console.account.email_removed", Base+"/account")
	case err == nil:
		s.done(w, r, "console.account.email_saved", Base+"/account")
	case errors.As(err, &fe) && fe.Field == "email":
		s.showAccountPage(w, r, c, http.StatusUnprocessableEntity, view{Form: r.PostForm,
			Errors: map[string]string{"email": "console.account.email_invalid"}})
	default:
		s.failErr(w, r, c, err)
	}
}

// passwordChange changes the staff member's password; their other sessions end, this one stays.
func (s *Server) passwordChange(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, c, http.StatusBadRequest, "console.error.bad_form")
		return
	}
	f := r.PostForm
	v := view{Form: f, Errors: map[string]string{}}
	current, next := f.Get("current_password"), f.Get("new_password")
	switch {
	case current == "":
		v.Errors["current_password"] = "console.account.current_required"
	case next == "":
		v.Errors["new_password"] = "console.account.new_required"
	case next != f.Get("new_password_again"):
		v.Errors["new_password_again"] = "console.account.new_again_differs"
	}
	if len(v.Errors) > 0 {
		s.showAccountPage(w, r, c, http.StatusUnprocessableEntity, v)
		return
	}
	err := s.deps.Accounts.ChangePassword(r.Context(), c.Actor, current, next)
	var fe *accounts.ValidationError
	switch {
	case err == nil:
		s.done(w, r, "console.account.password_changed", Base+"/account")
		return
	case errors.As(err, &fe) && fe.Field == "current_password":
		v.Errors["current_password"] = "console.account.current_wrong"
	case errors.As(err, &fe) && fe.Field == "new_password" && next == current:
		v.Errors["new_password"] = "console.account.new_same"
	case errors.As(err, &fe) && fe.Field == "new_password":
		v.Errors["new_password"] = "console.account.new_invalid"
	case errors.Is(err, accounts.ErrRateLimited):
		v.Problem = "console.login.too_many"
	case errors.Is(err, secrets.ErrBusy):
		v.Problem = "console.login.busy"
	default:
		s.failErr(w, r, c, err)
		return
	}
	s.showAccountPage(w, r, c, http.StatusUnprocessableEntity, v)
}

// groups writes s in groups of n characters with spaces between, for typing it over.
func groups(s string, n int) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && i%n == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
