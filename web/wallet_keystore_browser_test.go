package web

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/wallet"
)

// keystoreFile is the part of a version 3 keystore that the tests look at.
type keystoreFile struct {
	Address string `json:"address"`
	ID      string `json:"id"`
	Version int    `json:"version"`
	Crypto  struct {
		Cipher       string              `json:"cipher"`
		CipherText   string              `json:"ciphertext"`
		CipherParams struct{ IV string } `json:"cipherparams"`
		KDF          string              `json:"kdf"`
		KDFParams    map[string]any      `json:"kdfparams"`
		MAC          string              `json:"mac"`
	} `json:"crypto"`
}

// TestWalletKeystoreOpensWithGoEthereum: a keystore the browser writes (PBKDF2-HMAC-SHA256, 600,000
// rounds, 32-byte salt, AES-128-CTR, a fresh uuid each time) opens with go-ethereum's keystore.DecryptKey
// and gives the same key, and refuses a wrong passphrase there too; the browser opens it again and tells a
// wrong passphrase by its code. A passphrase shorter than 8 bytes is refused.
func TestWalletKeystoreOpensWithGoEthereum(t *testing.T) {
	ctx, _ := walletPage(t)
	rng := newRand(t)
	passphrases := []string{"correct horse battery staple", "wachtwoord-é€👍 ", "12345678"}
	keys := []string{keyHex(randomKey(rng)), keyHex(randomKey(rng))}
	type written struct{ Key, First, Second, Reopened, Address, Wrong string }
	got := walletJS[[]written](t, ctx, `
		const keys = [...input.keys.map((k) => w.hex.fromHex(k, 32)), w.keys.generatePrivateKey()];
		const out = [];
		for (const [i, key] of keys.entries()) {
			const pass = input.passphrases[i];
			const first = await w.keystore.encryptKeystore(key, pass);
			const second = await w.keystore.encryptKeystore(key, pass);
			const opened = await w.keystore.decryptKeystore(JSON.stringify(first), pass);
			const wrong = await attempt(() => w.keystore.decryptKeystore(first, pass + "!"));
			out.push({key: w.hex.toHex(key), first: JSON.stringify(first), second: JSON.stringify(second),
				reopened: w.hex.toHex(opened.privateKey), address: opened.address, wrong});
		}
		return out;`, map[string]any{"keys": keys, "passphrases": passphrases})
	if len(got) != len(passphrases) || got[0].Key != keys[0] || got[1].Key != keys[1] {
		t.Fatalf("the browser wrote %d keystores for other keys", len(got))
	}
	for i, g := range got {
		pass := passphrases[i]
		k, err := keystore.DecryptKey([]byte(g.First), pass)
		if err != nil {
			t.Fatalf("keystore %d: go-ethereum cannot open it: %v\n%s", i, err, g.First)
		}
		addr := crypto.PubkeyToAddress(k.PrivateKey.PublicKey)
		if keyHex(k.PrivateKey) != g.Key || k.Address != addr || g.Address != addr.Hex() || g.Reopened != g.Key {
			t.Fatalf("keystore %d: go-ethereum opens %s (%s), the browser wrote %s and reopened %s (%s)", i,
				keyHex(k.PrivateKey), k.Address.Hex(), g.Key, g.Reopened, g.Address)
		}
		if _, err := keystore.DecryptKey([]byte(g.First), pass+"!"); !errors.Is(err, keystore.ErrDecrypt) {
			t.Fatalf("keystore %d: go-ethereum with a wrong passphrase: %v", i, err)
		}
		if g.Wrong != "wrong_passphrase" {
			t.Fatalf("keystore %d: the browser with a wrong passphrase: %s", i, g.Wrong)
		}
		var first, second keystoreFile
		if err := json.Unmarshal([]byte(g.First), &first); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(g.Second), &second); err != nil {
			t.Fatal(err)
		}
		id, err := uuid.Parse(first.ID)
		p := first.Crypto.KDFParams
		salt, _ := p["salt"].(string)
		if err != nil || id.Version() != 4 || id.Variant() != uuid.RFC4122 || first.Version != 3 ||
			first.Address != strings.ToLower(addr.Hex()[2:]) || first.Crypto.Cipher != "aes-128-ctr" || len(first.Crypto.CipherParams.IV) != 32 ||
			first.Crypto.KDF != "pbkdf2" || p["c"] != 600000.0 || p["prf"] != "hmac-sha256" || p["dklen"] != 32.0 || len(salt) != 64 {
			t.Fatalf("keystore %d is not the format asked for:\n%s", i, g.First)
		}
		if first.ID == second.ID || p["salt"] == second.Crypto.KDFParams["salt"] || first.Crypto.CipherParams.IV == second.Crypto.CipherParams.IV ||
			first.Crypto.CipherText == second.Crypto.CipherText {
			t.Fatalf("keystore %d: two encryptions of the same key share an id, salt, IV or ciphertext:\n%s\n%s", i, g.First, g.Second)
		}
	}
	weak := walletJS[[]string](t, ctx, `
		const key = w.keys.generatePrivateKey();
		return [await attempt(() => w.keystore.encryptKeystore(key, "1234567")), await attempt(() => w.keystore.encryptKeystore(key, ""))];`, nil)
	if weak[0] != "weak_passphrase" || weak[1] != "weak_passphrase" {
		t.Fatalf("short passphrases: %v", weak)
	}
}

// TestWalletOpensGoEthereumKeystores: keystores that go-ethereum writes with scrypt — three with its light
// parameters, and one by heitje-wallet's wallet.Create with the standard ones — open in the browser with the
// same key; the key then signs the challenge as heitje-wallet does. A wrong passphrase gives
// wrong_passphrase; a damaged or unsupported file gives malformed_keystore, whichever part is wrong.
func TestWalletOpensGoEthereumKeystores(t *testing.T) {
	ctx, _ := walletPage(t)
	rng := newRand(t)
	const pass = "Heerlen-2026 wachtwoord"
	type file struct {
		JSON string `json:"json"`
		Key  string `json:"key"`
	}
	var files []file
	for range 3 {
		k := randomKey(rng)
		blob, err := keystore.EncryptKey(&keystore.Key{Id: uuid.New(), Address: crypto.PubkeyToAddress(k.PublicKey), PrivateKey: k},
			pass, keystore.LightScryptN, keystore.LightScryptP)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, file{JSON: string(blob), Key: keyHex(k)})
	}
	path := filepath.Join(t.TempDir(), "heitje.key")
	cliKey, err := wallet.Create(path, pass)
	if err != nil {
		t.Fatal(err)
	}
	blob, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	standard, err := keystore.DecryptKey(blob, pass)
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, file{JSON: string(blob), Key: keyHex(standard.PrivateKey)})
	challenge := randomMessage(rng, 0)
	cliSignature, err := cliKey.SignMessage(challenge)
	if err != nil {
		t.Fatal(err)
	}

	type opened struct {
		Key, Address, Personal string
		Progress               float64
	}
	got := walletJS[[]opened](t, ctx, `
		const out = [];
		for (const f of input.files) {
			let progress = 0;
			const {privateKey, address} = await w.keystore.decryptKeystore(f.json, input.pass, {onProgress: (p) => { progress = p; }});
			out.push({key: w.hex.toHex(privateKey), address, personal: w.sign.personalSign(input.challenge, privateKey), progress});
		}
		return out;`, map[string]any{"files": files, "pass": pass, "challenge": challenge})
	for i, g := range got {
		want := crypto.PubkeyToAddress(crypto.ToECDSAUnsafe(hexutil.MustDecode(files[i].Key)).PublicKey)
		if g.Key != files[i].Key || g.Address != want.Hex() || g.Progress <= 0 {
			t.Fatalf("go-ethereum's keystore %d: the browser opened %s (%s, progress %v), want %s (%s)", i, g.Key, g.Address, g.Progress, files[i].Key, want.Hex())
		}
	}
	if last := got[len(got)-1]; last.Address != cliKey.Address().Hex() || last.Personal != hexutil.Encode(cliSignature) {
		t.Fatalf("heitje-wallet's key file: the browser has %s and signs %s; heitje-wallet %s and %x", last.Address, last.Personal, cliKey.Address().Hex(), cliSignature)
	}

	// A zero key behind a correct MAC, and the right file under another address, can only be told after
	// the MAC has passed.
	zero, err := keystore.EncryptDataV3(make([]byte, 32), []byte(pass), keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	zeroFile, err := json.Marshal(map[string]any{"address": strings.Repeat("0", 40), "crypto": zero, "id": uuid.NewString(), "version": 3})
	if err != nil {
		t.Fatal(err)
	}
	browserFile := walletJS[string](t, ctx, `return JSON.stringify(await w.keystore.encryptKeystore(w.keys.generatePrivateKey(), input))`, pass)
	type damage struct {
		Name   string `json:"-"`
		Base   string `json:"base"`
		Change string `json:"change"` // JavaScript that changes f: f.ks the parsed file, or f.text, or f.pass
		Want   string `json:"-"`
	}
	damages := []damage{
		{"the right passphrase", "scrypt", ``, "ok"},
		{"the right passphrase", "pbkdf2", ``, "ok"},
		{"a wrong passphrase", "scrypt", `f.pass = "Heerlen-2026 wachtwoord?"`, "wrong_passphrase"},
		{"a wrong passphrase", "pbkdf2", `f.pass = "heerlen-2026 wachtwoord"`, "wrong_passphrase"},
		{"an empty passphrase", "pbkdf2", `f.pass = ""`, "wrong_passphrase"},
		{"an empty passphrase", "scrypt", `f.pass = ""`, "wrong_passphrase"},
		{"an altered ciphertext (the MAC cannot tell)", "scrypt", `const c = f.ks.crypto.ciphertext; f.ks.crypto.ciphertext = (parseInt(c.slice(0, 2), 16) ^ 1).toString(16).padStart(2, "0") + c.slice(2)`, "wrong_passphrase"},
		{"not JSON", "scrypt", `f.text = f.text.slice(1)`, "malformed_keystore"},
		{"a JSON array", "scrypt", `f.text = "[]"`, "malformed_keystore"},
		{"version 1", "scrypt", `f.ks.version = 1`, "malformed_keystore"},
		{"the version as a string", "scrypt", `f.ks.version = "3"`, "malformed_keystore"},
		{"no id", "scrypt", `delete f.ks.id`, "malformed_keystore"},
		{"no crypto", "scrypt", `delete f.ks.crypto`, "malformed_keystore"},
		{"cipher aes-128-cbc", "scrypt", `f.ks.crypto.cipher = "aes-128-cbc"`, "malformed_keystore"},
		{"an IV of 15 bytes", "scrypt", `f.ks.crypto.cipherparams.iv = f.ks.crypto.cipherparams.iv.slice(2)`, "malformed_keystore"},
		{"a ciphertext of 31 bytes", "pbkdf2", `f.ks.crypto.ciphertext = f.ks.crypto.ciphertext.slice(2)`, "malformed_keystore"},
		{"a ciphertext that is not hex", "scrypt", `f.ks.crypto.ciphertext = "zz" + f.ks.crypto.ciphertext.slice(2)`, "malformed_keystore"},
		{"a MAC of 31 bytes", "pbkdf2", `f.ks.crypto.mac = f.ks.crypto.mac.slice(2)`, "malformed_keystore"},
		{"the KDF argon2id", "scrypt", `f.ks.crypto.kdf = "argon2id"`, "malformed_keystore"},
		{"the PRF hmac-sha512", "pbkdf2", `f.ks.crypto.kdfparams.prf = "hmac-sha512"`, "malformed_keystore"},
		{"no salt", "pbkdf2", `delete f.ks.crypto.kdfparams.salt`, "malformed_keystore"},
		{"dklen 16", "scrypt", `f.ks.crypto.kdfparams.dklen = 16`, "malformed_keystore"},
		{"0 PBKDF2 rounds", "pbkdf2", `f.ks.crypto.kdfparams.c = 0`, "malformed_keystore"},
		{"scrypt n not a power of 2", "scrypt", `f.ks.crypto.kdfparams.n = 4095`, "malformed_keystore"},
		{"scrypt costlier than a phone can give", "scrypt", `f.ks.crypto.kdfparams.n = 2 ** 20`, "malformed_keystore"},
		{"an address that is not hex", "scrypt", `f.ks.address = "xyz"`, "malformed_keystore"},
		{"the address of another key", "scrypt", `f.ks.address = "00".repeat(20)`, "malformed_keystore"},
		{"a zero key behind a correct MAC", "zero", ``, "malformed_keystore"},
	}
	outcomes := walletJS[[]string](t, ctx, `
		const out = [];
		for (const d of input.damages) {
			const text = input.files[d.base], f = {ks: JSON.parse(text), text, pass: input.pass};
			new Function("f", d.change)(f);
			out.push(await attempt(() => w.keystore.decryptKeystore(f.text === text ? JSON.stringify(f.ks) : f.text, f.pass)));
		}
		return out;`, map[string]any{"damages": damages, "pass": pass,
		"files": map[string]string{"scrypt": files[0].JSON, "pbkdf2": browserFile, "zero": string(zeroFile)}})
	for i, d := range damages {
		if outcomes[i] != d.Want {
			t.Errorf("%s (%s file): %s, want %s", d.Name, d.Base, outcomes[i], d.Want)
		}
	}
}

// TestWalletKeepsItsKeystoreInIndexedDB: the keystore is kept in IndexedDB under the fixed names, survives
// a reload of the page, opens with the passphrase (there and in go-ethereum: it is a backup file too), and
// is the only thing kept: neither the plain key nor the passphrase is stored, even when the object handed
// to saveKeystore carries them. A stored key is never replaced; deleting it leaves nothing.
func TestWalletKeepsItsKeystoreInIndexedDB(t *testing.T) {
	ctx, reload := walletPage(t)
	rng := newRand(t)
	key := randomKey(rng)
	const pass = "het geheim van Heerlen"
	type saved struct {
		Before                  any
		Saved, Again, Malformed string
		Keystore                string
	}
	s := walletJS[saved](t, ctx, `
		const before = await w.storage.loadKeystore();
		const ks = await w.keystore.encryptKeystore(w.hex.fromHex(input.key, 32), input.pass);
		const carrying = {...ks, privateKey: input.key, passphrase: input.pass, crypto: {...ks.crypto, plaintext: input.key}};
		const saved = await attempt(() => w.storage.saveKeystore(carrying));
		const other = await w.keystore.encryptKeystore(w.keys.generatePrivateKey(), input.pass);
		const again = await attempt(() => w.storage.saveKeystore(other));
		const malformed = await attempt(() => w.storage.saveKeystore({version: 3, crypto: {}}));
		return {before, saved, again, malformed, keystore: JSON.stringify(ks)};`, map[string]any{"key": keyHex(key), "pass": pass})
	if s.Before != nil || s.Saved != "ok" || s.Again != "key_exists" || s.Malformed != "malformed_keystore" {
		t.Fatalf("before saving %v; saving %s; saving a second key %s; saving a malformed one %s", s.Before, s.Saved, s.Again, s.Malformed)
	}

	reload()
	type loaded struct {
		Loaded, Key, Address, Records string
		RecordKeys, Databases         []string
		Persisted                     string
	}
	l := walletJS[loaded](t, ctx, `
		const loaded = await w.storage.loadKeystore();
		const opened = await w.keystore.decryptKeystore(loaded, input);
		const raw = await new Promise((resolve, reject) => {
			const open = indexedDB.open(w.storage.DATABASE_NAME);
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const db = open.result, tx = db.transaction(w.storage.STORE_NAME);
				const records = tx.objectStore(w.storage.STORE_NAME).getAll(), keys = tx.objectStore(w.storage.STORE_NAME).getAllKeys();
				tx.oncomplete = () => { db.close(); resolve({records: records.result, keys: keys.result}); };
				tx.onerror = () => reject(tx.error);
			};
		});
		return {loaded: JSON.stringify(loaded), key: w.hex.toHex(opened.privateKey), address: opened.address,
			records: JSON.stringify(raw.records), recordKeys: raw.keys, databases: (await indexedDB.databases()).map((d) => d.name),
			persisted: typeof await w.storage.persistStorage()};`, pass)
	var want, have map[string]any
	if err := json.Unmarshal([]byte(s.Keystore), &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(l.Loaded), &have); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(want, have) {
		t.Fatalf("after a reload IndexedDB gives\n%s\nwant the keystore saved first\n%s", l.Loaded, s.Keystore)
	}
	if l.Key != keyHex(key) || l.Address != crypto.PubkeyToAddress(key.PublicKey).Hex() {
		t.Fatalf("the stored keystore opens to %s (%s), want %s", l.Key, l.Address, keyHex(key))
	}
	if k, err := keystore.DecryptKey([]byte(l.Loaded), pass); err != nil || keyHex(k.PrivateKey) != keyHex(key) {
		t.Fatalf("go-ethereum opens the stored keystore: %v", err)
	}
	if !reflect.DeepEqual(l.RecordKeys, []string{"resident"}) || !reflect.DeepEqual(l.Databases, []string{"heitje-wallet"}) || l.Persisted != "boolean" {
		t.Fatalf("IndexedDB holds databases %v, records %v; persistStorage gave a %s", l.Databases, l.RecordKeys, l.Persisted)
	}
	for _, secret := range []string{keyHex(key)[2:], pass, "privateKey", "passphrase", "plaintext"} {
		if strings.Contains(strings.ToLower(l.Records), strings.ToLower(secret)) {
			t.Fatalf("IndexedDB holds %q:\n%s", secret, l.Records)
		}
	}

	after := walletJS[[]any](t, ctx, `
		await w.storage.deleteKeystore();
		const gone = await w.storage.loadKeystore();
		const again = await attempt(async () => w.storage.saveKeystore(await w.keystore.encryptKeystore(w.keys.generatePrivateKey(), input)));
		await w.storage.deleteKeystore();
		return [gone, again, await w.storage.loadKeystore()];`, pass)
	if after[0] != nil || after[1] != "ok" || after[2] != nil {
		t.Fatalf("after deleting: load %v, saving a new key %v, after deleting that %v", after[0], after[1], after[2])
	}
}
