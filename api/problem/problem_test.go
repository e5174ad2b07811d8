package problem

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/eip712"
	"github.com/heerlen/heitje/internal/idempotency"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/recovery"
	"github.com/heerlen/heitje/internal/validation"
)

// reachedUnderAnotherName are domain errors that problem.go does not name but whose value it maps: the
// same error exported by another domain too.
var reachedUnderAnotherName = map[string]error{
	"eip712.ErrBadSignature":  eip712.ErrBadSignature,  // payments.ErrBadSignature
	"idempotency.ErrConflict": idempotency.ErrConflict, // payments' and payouts' ErrIdempotencyConflict
}

// neverReachesAClient are domain errors that no API call or console page returns, and why. An error here
// that does reach a client is a bare 500 to it.
var neverReachesAClient = map[string]string{
	"auth.ErrInvalid":             "accounts.Authenticate answers accounts.ErrInvalidToken for any token auth refuses",
	"balances.ErrNoWallet":        "the balances service answers an empty statement and history for an account without an address",
	"ledger.ErrCursorMoved":       "the indexer's: it reads again from the cursor another indexer moved",
	"ledger.ErrOtherToken":        "the indexer's start: the database follows another coin (a configuration fault)",
	"notices.ErrPushGone":         "the notices worker's: a push service's 404 or 410, which deletes the subscription",
	"outbox.ErrKeyMismatch":       "a sender's start: its key is not the one registered under its name (a configuration fault)",
	"outbox.ErrLockHeld":          "a sender's: another process sends with the key, so this one waits",
	"outbox.ErrNotFound":          "an intent the platform's own rows refer to: missing, it is the platform's fault (500)",
	"reconcile.ErrNothingIndexed": "heitje reconcile and its worker: the indexer has not started yet",
	"secrets.ErrUndecryptable":    "stored data that no configured key opens: the platform's fault (500, logged with the request id)",
	"store.ErrPendingMigrations":  "heitje serve's start: the database lacks migrations",
	"wallet.ErrExists":            "the wallet client's (cmd/heitje-wallet): a key file is there already",
	"wallet.APIError":             "the wallet client's view of an API answer, not an answer itself",
	"cli.ExitStatus":              "the command line's exit status of a child process",
}

// typedErrors are values of the domains' error types that reach a client, each with the status it gets.
var typedErrors = map[string]struct {
	err    error
	status int
}{
	"accounts.SuspendedError": {&accounts.SuspendedError{Reason: "reason"}, http.StatusForbidden},
	"privacy.BlockedError":    {&privacy.BlockedError{Reasons: []string{"a payment on its way"}}, http.StatusConflict},
	"recovery.InvalidError":   {&recovery.InvalidError{Field: "newAddress", Message: "is not an address"}, http.StatusBadRequest},
	"validation.Error":        {&validation.Error{Domain: "chores", Field: "title", Message: "is required"}, http.StatusBadRequest},
}

// domainErrors lists the exported errors of internal/ from the sources: every package-level variable named
// Err… (sentinels) and every exported type with an Error method, as "package.Name". Test files, the
// development packages (devnet, testenv) and this list's own tooling are left out.
func domainErrors(t *testing.T) (sentinels, types []string) {
	t.Helper()
	root := filepath.Join("..", "..", "internal")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dir, _ := filepath.Rel(root, filepath.Dir(path))
		if d.IsDir() && (d.Name() == "devnet" || d.Name() == "testenv" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(dir)
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				for _, spec := range d.Specs {
					for _, n := range spec.(*ast.ValueSpec).Names {
						if n.IsExported() && strings.HasPrefix(n.Name, "Err") {
							sentinels = append(sentinels, pkg+"."+n.Name)
						}
					}
				}
			case *ast.FuncDecl:
				if d.Recv == nil || d.Name.Name != "Error" {
					continue
				}
				recv := d.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				if id, ok := recv.(*ast.Ident); ok && id.IsExported() {
					types = append(types, pkg+"."+id.Name)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sentinels) < 100 || !slices.Contains(sentinels, "accounts.ErrNotFound") || !slices.Contains(types, "validation.Error") {
		t.Fatalf("the listing of internal/ found too little (%d sentinels, types %v): is it reading the right folder?", len(sentinels), types)
	}
	return sentinels, types
}

// mapped pairs the names problem.go's table uses for its errors ("accounts.ErrNotFound", in the table's
// order) with the table's values.
func mapped(t *testing.T) map[string]error {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "problem.go", nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "known" {
			return true
		}
		for _, el := range vs.Values[0].(*ast.CompositeLit).Elts {
			sel := el.(*ast.CompositeLit).Elts[0].(*ast.SelectorExpr)
			names = append(names, sel.X.(*ast.Ident).Name+"."+sel.Sel.Name)
		}
		return false
	})
	if len(names) != len(known) {
		t.Fatalf("read %d entries of the table in problem.go, it has %d", len(names), len(known))
	}
	m := make(map[string]error, len(names))
	for i, n := range names {
		m[n] = known[i].err
	}
	return m
}

// TestEveryDomainErrorHasAnAnswer lists the errors of internal/ from the sources and checks that each one
// reaches a client as a status and code of its own, not as a bare 500: through the table in problem.go,
// as another domain's error of the same value, as a validation error or a typed error of its own; or is
// listed above as never reaching a client, with the reason. A new error fails here until it is one of those.
func TestEveryDomainErrorHasAnAnswer(t *testing.T) {
	sentinels, types := domainErrors(t)
	byName := mapped(t)
	for n, err := range reachedUnderAnotherName {
		byName[n] = err
	}
	answered := func(name string, err error, status int) {
		t.Helper()
		for _, e := range []error{err, fmt.Errorf("store: SomeStore.Op: %w", err)} {
			got := Of(e)
			switch {
			case got == nil:
				t.Errorf("%s reaches a client as a bare 500", name)
				return
			case got.Status == http.StatusInternalServerError || got.Code == "":
				t.Errorf("%s answers %d %q", name, got.Status, got.Code)
				return
			case status != 0 && got.Status != status:
				t.Errorf("%s answers %d, want %d", name, got.Status, status)
				return
			}
		}
	}
	for _, n := range sentinels {
		err, ok := byName[n]
		_, never := neverReachesAClient[n]
		switch {
		case ok && never:
			t.Errorf("%s is both answered and listed as never reaching a client", n)
		case ok:
			answered(n, err, 0)
		case !never:
			t.Errorf("%s has no answer: add it to the table in problem.go (or, when no client ever gets it, to neverReachesAClient with the reason)", n)
		}
	}
	for _, n := range types {
		te, ok := typedErrors[n]
		_, never := neverReachesAClient[n]
		switch {
		case ok:
			answered(n, te.err, te.status)
		case !never:
			t.Errorf("the error type %s has no answer: give it one in Of (a FieldError is 400 validation_failed) and add it to typedErrors, or list it in neverReachesAClient with the reason", n)
		}
	}
	// The lists name nothing that is gone.
	for n := range neverReachesAClient {
		if !slices.Contains(sentinels, n) && !slices.Contains(types, n) {
			t.Errorf("neverReachesAClient names %s, which internal/ no longer has", n)
		}
	}
	for n := range reachedUnderAnotherName {
		if !slices.Contains(sentinels, n) {
			t.Errorf("reachedUnderAnotherName names %s, which internal/ no longer has", n)
		}
	}
	for n := range typedErrors {
		if !slices.Contains(types, n) {
			t.Errorf("typedErrors names %s, which internal/ no longer has", n)
		}
	}
}
