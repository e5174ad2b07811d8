// Package accountstest makes the accounts that tests of other domains start from. Only tests import it.
package accountstest

import (
	"context"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
)

// Staff creates a staff member with password and privileges and acknowledges the confidentiality statement
// in force for them, without which none of their privileges takes effect. With a zero admin it creates the
// first administrator (CreateAdmin: every privilege, privs unused); else admin creates the member. The actor
// it returns has the request id "test-<name>".
func Staff(tb testing.TB, ctx context.Context, svc *accounts.Service, admin accounts.Actor, name, password string,
	privs ...accounts.Privilege) accounts.Actor {
	tb.Helper()
	var a accounts.Account
	var err error
	if admin.AccountID == "" {
		a, err = svc.CreateAdmin(ctx, name, password, "test")
	} else {
		a, err = svc.CreateStaff(ctx, admin, name, password, privs)
	}
	if err != nil {
		tb.Fatal(err)
	}
	p := accounts.Principal{AccountID: a.ID, Username: a.Username, Role: accounts.RoleStaff, Privileges: a.Privileges}
	if _, err := svc.AcknowledgeConfidentiality(ctx, p, accounts.CurrentConfidentiality.Version); err != nil {
		tb.Fatal(err)
	}
	return accounts.Actor{Principal: p, RequestID: "test-" + name, SourceIP: "192.0.2.7"}
}
