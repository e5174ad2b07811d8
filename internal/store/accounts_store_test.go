package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/secrets"
	"github.com/heerlen/heitje/internal/testenv"
)

// testKeys returns a keyring under a fresh key with the given id, and a lookup key.
func testKeys(t *testing.T, id string, old ...secrets.Key) (*secrets.Keyring, secrets.Key, *secrets.Lookup) {
	t.Helper()
	k, err := secrets.NewKey(id)
	if err != nil {
		t.Fatal(err)
	}
	kr, err := secrets.NewKeyring(k, old...)
	if err != nil {
		t.Fatal(err)
	}
	lk, _ := secrets.NewLookup(make([]byte, 32))
	return kr, k, lk
}

// migrated opens a database with every migration applied: a copy of a template migrated once per test
// cluster (testdb does the same for other packages' tests, but imports this package).
func migrated(t *testing.T) *DB {
	t.Helper()
	ms, err := Migrations()
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, m := range ms {
		parts = append(parts, strconv.Itoa(m.Version), m.Name, m.Up, m.Down)
	}
	dbURL := testenv.PostgresTemplate(t, testenv.TemplateName("schema", parts...), func(ctx context.Context, dbURL string) error {
		db, err := Open(ctx, dbURL)
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.MigrateUp(ctx)
		return err
	})
	db, err := Open(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func newAccount(role accounts.Role, username string) accounts.Account {
	a := accounts.Account{ID: uuid.NewString(), Role: role, Username: username, Status: accounts.StatusPending,
		PasswordHash: "$argon2id$x", CreatedAt: time.Now().UTC()}
	if role == accounts.RoleShop {
		a.Shop = &accounts.Shop{LegalName: "Bakkerij " + username, KvK: "12345678", IBAN: "NL91ABNA0417164300", Address: "Markt 1, Heerlen"}
	}
	return a
}

func TestAccountStoreRoundTripAndUniqueness(t *testing.T) {
	ctx := context.Background()
	db := migrated(t)
	kr, _, lk := testKeys(t, "k1")
	s := db.Accounts(kr, lk)

	res := newAccount(accounts.RoleResident, "kabouter")
	res.Email, res.Phone = "k@example.nl", "+31612345678"
	shop := newAccount(accounts.RoleShop, "bakker")
	for _, a := range []accounts.Account{res, shop} {
		if err := s.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.ByID(ctx, res.ID)
	if err != nil || got.Email != res.Email || got.Phone != res.Phone || got.Shop != nil {
		t.Fatalf("resident round trip: %+v, %v", got, err)
	}
	got, err = s.ByUsername(ctx, "bakker")
	if err != nil || got.Shop == nil || got.Shop.IBAN != shop.Shop.IBAN || got.Shop.Address != shop.Shop.Address {
		t.Fatalf("shop round trip: %+v, %v", got, err)
	}
	for _, id := range []string{uuid.NewString(), "not-a-uuid", ""} {
		if _, err := s.ByID(ctx, id); !errors.Is(err, accounts.ErrNotFound) {
			t.Fatalf("ByID(%q): %v, want ErrNotFound", id, err)
		}
	}

	if err := s.Create(ctx, newAccount(accounts.RoleResident, "kabouter")); !errors.Is(err, accounts.ErrUsernameTaken) {
		t.Fatalf("same username: %v, want ErrUsernameTaken", err)
	}
	// A sign-up may share an e-mail address or phone number with another account (registration does not
	// tell); the approver is told, and the second cannot be approved while the first is in use.
	if err := s.InTx(ctx, func(tx accounts.Tx) error {
		a, err := tx.Get(res.ID, true)
		if err != nil {
			return err
		}
		a.Status = accounts.StatusApproved
		return tx.Save(a)
	}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		change func(*accounts.Account)
		shared []string
		want   error
	}{
		{"same e-mail", func(a *accounts.Account) { a.Email = "k@example.nl" }, []string{"email"}, accounts.ErrEmailTaken},
		{"same phone", func(a *accounts.Account) { a.Phone = "+31612345678" }, []string{"phone"}, accounts.ErrPhoneTaken},
	}
	for i, tc := range cases {
		a := newAccount(accounts.RoleResident, fmt.Sprintf("tweede-%d", i))
		tc.change(&a)
		if err := s.Create(ctx, a); err != nil {
			t.Fatalf("%s: a pending sign-up was refused: %v", tc.name, err)
		}
		if shared, err := s.SharedContact(ctx, a.ID); err != nil || !slices.Equal(shared, tc.shared) {
			t.Fatalf("%s: shared contact %v, %v; want %v", tc.name, shared, err, tc.shared)
		}
		err := s.InTx(ctx, func(tx accounts.Tx) error {
			a, err := tx.Get(a.ID, true)
			if err != nil {
				return err
			}
			a.Status = accounts.StatusApproved
			return tx.Save(a)
		})
		if !errors.Is(err, tc.want) {
			t.Fatalf("%s: approving: %v, want %v", tc.name, err, tc.want)
		}
	}
	if shared, err := s.SharedContact(ctx, shop.ID); err != nil || len(shared) != 0 {
		t.Fatalf("the shop shares %v, %v", shared, err)
	}

	// An address belongs to at most one account.
	addr := "0x00000000000000000000000000000000000a11ce"
	err = s.InTx(ctx, func(tx accounts.Tx) error {
		a, err := tx.Get(res.ID, true)
		if err != nil {
			return err
		}
		a.WalletAddress = addr
		return tx.Save(a)
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.InTx(ctx, func(tx accounts.Tx) error {
		a, _ := tx.Get(shop.ID, true)
		a.WalletAddress = addr
		return tx.Save(a)
	})
	if !errors.Is(err, accounts.ErrAddressTaken) {
		t.Fatalf("second account with the same address: %v", err)
	}

	// A ciphertext copied to another row does not open there.
	if err := db.gorm.Exec(`UPDATE accounts SET email_lookup = '\x01', email_enc = (SELECT email_enc FROM accounts WHERE id = ?) WHERE id = ?`,
		res.ID, shop.ID).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := s.ByID(ctx, shop.ID); !errors.Is(err, secrets.ErrUndecryptable) {
		t.Fatalf("moved ciphertext opened: %v", err)
	}
}

func TestRotateKEKIsResumable(t *testing.T) {
	ctx := context.Background()
	db := migrated(t)
	oldRing, oldKey, lk := testKeys(t, "old")
	s := db.Accounts(oldRing, lk)
	var ids []string
	for i, name := range []string{"aap", "noot", "mies", "wim", "zus"} {
		a := newAccount(accounts.RoleShop, name)
		a.Email = name + "@example.nl"
		a.NewShopKey = []byte{byte(i), 1, 2, 3}
		if err := s.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	newRing, newKey, _ := testKeys(t, "new", oldKey)

	// A crash after the first batch leaves some values under each key; both stay readable.
	var r Rotation
	if _, _, err := db.rotateBatch(ctx, newRing, sealedColumns[0], "00000000-0000-0000-0000-000000000000", 2, &r); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.countNotUnder(ctx, "new"); n == 0 {
		t.Fatal("the partial rotation rotated everything")
	}
	if _, err := db.Accounts(newRing, lk).ByID(ctx, ids[4]); err != nil {
		t.Fatalf("mixed keys unreadable during rotation: %v", err)
	}

	r, err := db.RotateKEK(ctx, newRing, 2)
	if err != nil || r.Remaining != 0 || r.Resealed == 0 {
		t.Fatalf("rotation: %+v, %v", r, err)
	}
	if r, err := db.RotateKEK(ctx, newRing, 2); err != nil || r.Resealed != 0 {
		t.Fatalf("second run resealed %d values (%v); it should find nothing to do", r.Resealed, err)
	}
	onlyNew, _ := secrets.NewKeyring(newKey)
	ns := db.Accounts(onlyNew, lk)
	for i, id := range ids {
		a, err := ns.ByID(ctx, id)
		if err != nil || a.Shop.IBAN != "NL91ABNA0417164300" {
			t.Fatalf("after rotation, without the old key: %+v, %v", a, err)
		}
		k, err := ns.ShopPrivateKey(ctx, id)
		if err != nil || len(k) != 4 || k[0] != byte(i) {
			t.Fatalf("shop key after rotation: %x, %v", k, err)
		}
	}
	if _, err := db.Accounts(oldRing, lk).ByID(ctx, ids[0]); !errors.Is(err, secrets.ErrUndecryptable) {
		t.Fatalf("the old key alone still opens rotated data: %v", err)
	}
}
