package accounts

import (
	"math/big"
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/heerlen/heitje/internal/validation"
)

// ValidationError is bad input in one field (internal/validation). Nothing was changed.
type ValidationError = validation.Error

func invalid(field, msg string) error { return validation.Invalid("accounts", field, msg) }

// Length limits of the inputs.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 256
	maxTextLen     = 200
	MaxReasonLen   = 500
)

var usernamePattern = regexp.MustCompile(`^[a-z0-9._-]{3,32}$`)

// NormalizeUsername trims and lower-cases a username, so "Piet" and "piet" are one account.
func NormalizeUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// ValidateUsername checks a normalised username: 3–32 characters of a-z 0-9 . _ -, and neither an e-mail
// address nor a phone number, because it is meant to be a fictitious name.
func ValidateUsername(u string) error {
	switch {
	case strings.Contains(u, "@"):
		return invalid("username", "must not be an e-mail address: choose a made-up name")
	case looksLikePhone(u):
		return invalid("username", "must not be a phone number: choose a made-up name")
	case !usernamePattern.MatchString(u):
		return invalid("username", "must be 3 to 32 characters of a-z, 0-9, '.', '_' and '-'")
	}
	return nil
}

// looksLikePhone reports a string of at least 8 digits and nothing but phone punctuation.
func looksLikePhone(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("+-. ()_", r):
		default:
			return false
		}
	}
	return digits >= 8
}

// ValidatePassword checks the length: at least 10 characters, at most 256.
func ValidatePassword(p string) error {
	if n := utf8.RuneCountInString(p); n < MinPasswordLen || len(p) > MaxPasswordLen {
		return invalid("password", "must have at least 10 and at most 256 characters")
	}
	return nil
}

// NormalizeEmail checks an e-mail address and lower-cases it, so the lookup hash finds duplicates.
func NormalizeEmail(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || len(s) > 254 || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
		return "", invalid("email", "is not an e-mail address")
	}
	return s, nil
}

var phoneDigits = regexp.MustCompile(`^\+[1-9][0-9]{7,14}$`)

// NormalizePhone checks a phone number and writes it in international form: spaces and punctuation go,
// "00" becomes "+", and a Dutch number starting with one "0" gets "+31".
func NormalizePhone(s string) (string, error) {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(" -.()/", r) {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(s, "00"):
		s = "+" + s[2:]
	case strings.HasPrefix(s, "0"):
		s = "+31" + s[1:]
	}
	if !phoneDigits.MatchString(s) {
		return "", invalid("phone", "is not a phone number")
	}
	return s, nil
}

var kvkPattern = regexp.MustCompile(`^[0-9]{8}$`)

// NormalizeKvK checks a Chamber of Commerce number: 8 digits (spaces allowed in the input).
func NormalizeKvK(s string) (string, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if !kvkPattern.MatchString(s) {
		return "", invalid("shop.kvk", "must be the 8-digit KvK number")
	}
	return s, nil
}

var ibanPattern = regexp.MustCompile(`^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$`)

// NormalizeIBAN checks an IBAN's form and its ISO 7064 mod-97 checksum and returns it upper-case without
// spaces.
func NormalizeIBAN(s string) (string, error) {
	s = strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	if !ibanPattern.MatchString(s) || !ibanChecksumOK(s) {
		return "", invalid("shop.iban", "is not a valid IBAN (check the digits)")
	}
	return s, nil
}

// ibanChecksumOK moves the first four characters to the end, replaces letters by 10…35 and checks that the
// number is 1 modulo 97.
func ibanChecksumOK(iban string) bool {
	var digits strings.Builder
	for _, r := range iban[4:] + iban[:4] {
		if r >= 'A' && r <= 'Z' {
			digits.WriteString(big.NewInt(int64(r - 'A' + 10)).String())
		} else {
			digits.WriteRune(r)
		}
	}
	n, ok := new(big.Int).SetString(digits.String(), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

// normalizeText trims a free-text field and checks its length; with required false, "" is allowed.
func normalizeText(field, s string, required bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" && !required {
		return "", nil
	}
	if n := utf8.RuneCountInString(s); n < 2 || n > maxTextLen || strings.ContainsAny(s, "\x00") {
		return "", invalid(field, "must have 2 to 200 characters")
	}
	return s, nil
}

// NormalizeReason checks a staff member's reason: required, at most 500 characters.
func NormalizeReason(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > MaxReasonLen {
		return "", invalid("reason", "is required and has at most 500 characters")
	}
	return s, nil
}

// normalizeShop checks and normalises a shop's details.
func normalizeShop(in Shop) (Shop, error) {
	var err error
	out := Shop{}
	if out.LegalName, err = normalizeText("shop.legal_name", in.LegalName, true); err != nil {
		return out, err
	}
	if out.ContactName, err = normalizeText("shop.contact_name", in.ContactName, false); err != nil {
		return out, err
	}
	if out.KvK, err = NormalizeKvK(in.KvK); err != nil {
		return out, err
	}
	if out.IBAN, err = NormalizeIBAN(in.IBAN); err != nil {
		return out, err
	}
	if out.Address, err = normalizeText("shop.address", in.Address, true); err != nil {
		return out, err
	}
	if out.Category = strings.TrimSpace(in.Category); out.Category == "" {
		out.Category = "other"
	}
	if !slices.Contains(ShopCategories, out.Category) {
		return out, invalid("shop.category", "must be one of "+strings.Join(ShopCategories, ", "))
	}
	return out, nil
}

// ShopCategories are the kinds of business a shop registers as; anonymised statistics of spending are
// made per category.
var ShopCategories = []string{"groceries", "bakery", "hospitality", "retail", "services", "culture", "mobility", "other"}
