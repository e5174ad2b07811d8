package middleware

import (
	"context"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/accounts"
)

// Who says which callers a route admits: Public (no token), or any set of the account roles.
type Who uint8

// The callers a route can admit. Staff routes also name the privilege they need.
const (
	Public   Who = 0
	Resident Who = 1 << iota
	Shop
	Staff
	// Member is any logged-in account.
	Member = Resident | Shop | Staff
)

// Allows reports whether an account of role may call a route for w.
func (w Who) Allows(role accounts.Role) bool {
	switch role {
	case accounts.RoleResident:
		return w&Resident != 0
	case accounts.RoleShop:
		return w&Shop != 0
	case accounts.RoleStaff:
		return w&Staff != 0
	}
	return false
}

// String lists the roles, for the OpenAPI document.
func (w Who) String() string {
	if w == Public {
		return "public"
	}
	var parts []string
	for _, r := range []struct {
		bit  Who
		name string
	}{{Resident, "resident"}, {Shop, "shop"}, {Staff, "staff"}} {
		if w&r.bit != 0 {
			parts = append(parts, r.name)
		}
	}
	return strings.Join(parts, ", ")
}

// Authenticator turns an access token into the caller; accounts.Service is one.
type Authenticator interface {
	Authenticate(ctx context.Context, accessToken string) (accounts.Principal, error)
}

const principalKey = "principal"

// Authorize admits a request only with a valid bearer token of an account whose role who allows and that
// holds need (when need is set). Otherwise it calls fail with accounts.ErrUnauthenticated,
// ErrInvalidToken or ErrForbidden (or what the authenticator returned) and stops the request; a staff member
// whose privileges do not take effect yet gets ErrSecondFactorRequired or ErrConfidentialityPending on a
// route that needs one.
func Authorize(authn Authenticator, who Who, need accounts.Privilege, fail func(*gin.Context, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		token, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
		if !ok || authn == nil {
			c.Header("WWW-Authenticate", `Bearer realm="heitje"`)
			fail(c, accounts.ErrUnauthenticated)
			return
		}
		p, err := authn.Authenticate(c.Request.Context(), strings.TrimSpace(token))
		if err != nil {
			c.Header("WWW-Authenticate", `Bearer realm="heitje", error="invalid_token"`)
			fail(c, err)
			return
		}
		if need != "" && who.Allows(p.Role) && p.SecondFactorPending {
			fail(c, accounts.ErrSecondFactorRequired)
			return
		}
		if need != "" && who.Allows(p.Role) && p.ConfidentialityPending {
			fail(c, accounts.ErrConfidentialityPending)
			return
		}
		if !who.Allows(p.Role) || (need != "" && !p.Has(need)) {
			fail(c, accounts.ErrForbidden)
			return
		}
		c.Set(principalKey, p)
		c.Next()
	}
}

// CurrentPrincipal returns the caller that Authorize admitted; the zero Principal on a public route.
func CurrentPrincipal(c *gin.Context) accounts.Principal {
	p, _ := c.Get(principalKey)
	pr, _ := p.(accounts.Principal)
	return pr
}
