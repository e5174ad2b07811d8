package api

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/accounts"
)

// fakeAuthenticator admits every token as the principal the test chose, so the test can try every
// privilege set without creating an account for each; the handlers behind it are the real ones.
type fakeAuthenticator struct{ p *accounts.Principal }

func (f fakeAuthenticator) Authenticate(context.Context, string) (accounts.Principal, error) {
	return *f.p, nil
}

// privilegeSets returns every subset of the platform's privileges.
func privilegeSets() [][]accounts.Privilege {
	all := accounts.AllPrivileges()
	var out [][]accounts.Privilege
	for mask := 0; mask < 1<<len(all); mask++ {
		var set []accounts.Privilege
		for i, p := range all {
			if mask&(1<<i) != 0 {
				set = append(set, p)
			}
		}
		out = append(out, set)
	}
	return out
}

// TestAdminRoutesNeedTheirPrivilege walks every /v1/admin route of the route table with every privilege
// set (and as a resident and a shop holding every privilege): a route must answer 403 forbidden exactly when
// the caller lacks the route's privilege, and a route without a declared privilege fails the test.
func TestAdminRoutesNeedTheirPrivilege(t *testing.T) {
	t.Parallel()
	a := newTestAPI(t, defaultTestOptions())
	a.withChores()
	a.withPayouts()
	a.withPrivacy()
	caller := &accounts.Principal{AccountID: uuid.NewString(), SessionID: uuid.NewString(), Username: "walker"}
	deps := a.deps
	deps.Authenticator = fakeAuthenticator{p: caller}
	a.h = New(deps)
	target := a.register(map[string]any{"role": "shop", "username": "walk-shop", "shop": map[string]any{
		"legal_name": "Winkel", "kvk": "12345678", "iban": "NL91ABNA0417164300", "address": "Markt 1"}})

	var admin []route
	for _, rt := range (&Server{}).routes() {
		if !strings.HasPrefix(rt.Path, adminPrefix) {
			continue
		}
		if !rt.Privilege.Known() || rt.Who != middleware.Staff {
			t.Errorf("%s %s declares no known privilege for staff (privilege %q, callers %s)", rt.Method, rt.Path, rt.Privilege, rt.Who)
			continue
		}
		admin = append(admin, rt)
	}
	if len(admin) < 9 {
		t.Fatalf("only %d admin routes in the table", len(admin))
	}
	type attempt struct {
		role  accounts.Role
		privs []accounts.Privilege
	}
	var attempts []attempt
	for _, set := range privilegeSets() {
		attempts = append(attempts, attempt{accounts.RoleStaff, set})
	}
	attempts = append(attempts, attempt{accounts.RoleResident, accounts.AllPrivileges()}, attempt{accounts.RoleShop, accounts.AllPrivileges()})
	for _, rt := range admin {
		path := strings.ReplaceAll(rt.Path, ":id", target)
		reached := 0
		for _, at := range attempts {
			caller.Role, caller.Privileges = at.role, at.privs
			allowed := at.role == accounts.RoleStaff && caller.Has(rt.Privilege)
			status, body := a.call(rt.Method, path, "any-token", nil)
			switch {
			// The walker approved an account earlier in the walk, so analytics refuses it as a collector of the
			// data (seed 000 §20): past the privilege check, with its own code.
			case allowed && status == http.StatusForbidden && errCode(body) == "collected_the_data":
				reached++
			case allowed && (status == http.StatusForbidden || status == http.StatusUnauthorized):
				t.Fatalf("%s %s refused %s holding %v: %d %v", rt.Method, rt.Path, at.role, at.privs, status, body)
			case allowed && status >= http.StatusInternalServerError:
				t.Fatalf("%s %s failed for %s holding %v: %d %v", rt.Method, rt.Path, at.role, at.privs, status, body)
			case !allowed && (status != http.StatusForbidden || errCode(body) != "forbidden"):
				t.Fatalf("%s %s reachable by %s holding %v without %s: %d %v", rt.Method, rt.Path, at.role, at.privs, rt.Privilege, status, body)
			case allowed:
				reached++
			}
		}
		if reached != len(privilegeSets())/2 {
			t.Fatalf("%s %s was reached %d times, want %d", rt.Method, rt.Path, reached, len(privilegeSets())/2)
		}
		// Without a token at all: 401, whatever the route.
		if status, body := a.call(rt.Method, path, "", nil); status != http.StatusUnauthorized {
			t.Fatalf("%s %s without a token: %d %v", rt.Method, rt.Path, status, body)
		}
	}
}

func TestCheckRoutesRefusesAnUndeclaredPrivilege(t *testing.T) {
	t.Parallel()
	bad := []route{{Method: http.MethodGet, Path: "/v1/admin/things", Who: middleware.Staff}}
	if err := checkRoutes(bad); err == nil || !strings.Contains(err.Error(), "declare a known privilege") {
		t.Fatalf("an admin route without privilege passed: %v", err)
	}
	bad[0].Privilege, bad[0].Who = accounts.PrivFinance, middleware.Member
	if err := checkRoutes(bad); err == nil {
		t.Fatal("an admin route open to residents passed")
	}
	bad = []route{{Method: http.MethodGet, Path: "/v1/me", Who: middleware.Member, Privilege: accounts.PrivFinance}}
	if err := checkRoutes(bad); err == nil {
		t.Fatal("a privilege on a non-admin route passed")
	}
}
