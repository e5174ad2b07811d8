package accounts

import (
	"errors"
	"strings"
	"testing"

	ethaccounts "github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/crypto"
)

func TestValidateUsername(t *testing.T) {
	cases := map[string]string{
		"groene-vingers":        "",
		"a.b_c-9":               "",
		"abc":                   "",
		strings.Repeat("x", 32): "",
		"ab":                    "3 to 32",
		strings.Repeat("x", 33): "3 to 32",
		"piet jansen":           "3 to 32",
		"piet@example.nl":       "e-mail",
		"06-12345678":           "phone",
		"0031612345678":         "phone",
		"1234567":               "",
		"Hoofdletter":           "3 to 32",
	}
	for in, want := range cases {
		err := ValidateUsername(in)
		var ve *ValidationError
		switch {
		case want == "" && err != nil:
			t.Errorf("%q refused: %v", in, err)
		case want != "" && (!errors.As(err, &ve) || ve.Field != "username" || !strings.Contains(ve.Message, want)):
			t.Errorf("%q: %v, want a username error about %q", in, err, want)
		}
	}
	if NormalizeUsername("  Piet.J ") != "piet.j" {
		t.Fatal("usernames are not normalised to lower case")
	}
}

func TestNormalizeIBAN(t *testing.T) {
	good := map[string]string{
		"NL91ABNA0417164300":          "NL91ABNA0417164300",
		"nl91 abna 0417 1643 00":      "NL91ABNA0417164300",
		"DE89 3704 0044 0532 0130 00": "DE89370400440532013000",
		"BE68539007547034":            "BE68539007547034",
	}
	for in, want := range good {
		if got, err := NormalizeIBAN(in); err != nil || got != want {
			t.Errorf("%q: %q %v", in, got, err)
		}
	}
	for _, bad := range []string{"NL92ABNA0417164300", "NL91ABNA0417164301", "NL91", "9191ABNA0417164300", "NL91ABNA04171643!0", ""} {
		if _, err := NormalizeIBAN(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestContactAndShopFields(t *testing.T) {
	phones := map[string]string{"06 1234 5678": "+31612345678", "+31 (0)6": "", "0031-6-12345678": "+31612345678",
		"+49 30 1234567": "+49301234567", "12": "", "06-abc": ""}
	for in, want := range phones {
		got, err := NormalizePhone(in)
		if (want == "") != (err != nil) || got != want {
			t.Errorf("phone %q: %q %v, want %q", in, got, err, want)
		}
	}
	emails := map[string]string{"Piet@Example.NL": "piet@example.nl", "piet@localhost": "", "Piet <piet@example.nl>": "", "no-at": ""}
	for in, want := range emails {
		got, err := NormalizeEmail(in)
		if (want == "") != (err != nil) || got != want {
			t.Errorf("email %q: %q %v, want %q", in, got, err, want)
		}
	}
	for in, ok := range map[string]bool{"12345678": true, "1234 5678": true, "1234567": false, "123456789": false, "1234567a": false} {
		if _, err := NormalizeKvK(in); (err == nil) != ok {
			t.Errorf("KvK %q: %v", in, err)
		}
	}
	if err := ValidatePassword("nine char"); err == nil {
		t.Error("a 9-character password accepted")
	}
	if err := ValidatePassword("tien tekens"); err != nil {
		t.Errorf("an 11-character password refused: %v", err)
	}
	if _, err := NormalizeReason(strings.Repeat("r", MaxReasonLen+1)); err == nil {
		t.Error("a reason over 500 characters accepted")
	}
}

func TestRecoverSigner(t *testing.T) {
	key, _ := crypto.GenerateKey()
	addr := strings.ToLower(crypto.PubkeyToAddress(key.PublicKey).Hex())
	msg := "Heerlens Heitje: link this phone's key to my account.\nNonce: 00\nValid until: 2026-01-01T00:00:00Z"
	sig, _ := crypto.Sign(ethaccounts.TextHash([]byte(msg)), key)
	for _, v := range []byte{0, 27} {
		s := append([]byte(nil), sig...)
		s[64] += v
		if got, err := RecoverSigner(msg, s); err != nil || got != addr {
			t.Fatalf("recovery byte %d: %s %v, want %s", s[64], got, err, addr)
		}
	}
	if got, _ := RecoverSigner(msg+" ", sig); got == addr {
		t.Fatal("a signature of another message recovered the address")
	}
	bad := append([]byte(nil), sig...)
	bad[64] = 5
	if _, err := RecoverSigner(msg, bad); !errors.Is(err, ErrBadSignature) {
		t.Fatalf("recovery byte 5: %v", err)
	}
	if _, err := RecoverSigner(msg, sig[:64]); !errors.Is(err, ErrBadSignature) {
		t.Fatal("a 64-byte signature accepted")
	}
}
