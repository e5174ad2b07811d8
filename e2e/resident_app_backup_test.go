package e2e_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"
)

// TestResidentAppRestoresBackup: on a phone without the account's key, the key screen says so and takes a
// backup file (a keystore as heitje-wallet writes it): a wrong passphrase, a file that is no backup and the
// backup of another key are refused, and the right one puts the key on the phone.
func TestResidentAppRestoresBackup(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	r := p.residents(1)[0]
	b := p.newBrowserPhone(t)
	b.logIn(r.p.Username, password)
	b.screen("/klussen")
	b.open("/sleutel")
	b.sees("De sleutel van je account staat niet op deze telefoon")
	b.checkA11y("restoring a backup")

	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	backup := func(k *keystore.Key) []byte {
		ks, err := keystore.EncryptKey(k, "mijn reservekopie", keystore.LightScryptN, keystore.LightScryptP)
		if err != nil {
			t.Fatal(err)
		}
		return ks
	}
	mine := write("mijn-sleutel.json", backup(&keystore.Key{Id: uuid.New(), Address: r.addr, PrivateKey: r.key}))
	other, _ := crypto.GenerateKey()
	theirs := write("andere-sleutel.json", backup(&keystore.Key{Id: uuid.New(), Address: crypto.PubkeyToAddress(other.PublicKey), PrivateKey: other}))
	notBackup := write("boodschappen.json", []byte(`{"melk": 2, "brood": 1}`))

	for _, c := range []struct{ file, pass, says string }{
		{mine, "verkeerde wachtzin", "Deze wachtzin klopt niet"},
		{notBackup, "mijn reservekopie", "Dit bestand is geen reservekopie van een sleutel"},
		{theirs, "mijn reservekopie", "hoort bij een andere sleutel"},
	} {
		b.upload("backup", c.file)
		b.fill("passphrase", c.pass)
		b.click(`main button[type="submit"]`)
		b.sees(c.says)
		if b.storedKeystore() != "null" {
			t.Fatalf("a refused backup (%s) was kept", filepath.Base(c.file))
		}
	}
	b.upload("backup", mine)
	b.fill("passphrase", "mijn reservekopie")
	b.click(`main button[type="submit"]`)
	b.sees("Je sleutel staat op deze telefoon")
	if _, err := keystore.DecryptKey([]byte(b.storedKeystore()), "mijn reservekopie"); err != nil {
		t.Fatalf("the restored key does not open: %v", err)
	}
}
