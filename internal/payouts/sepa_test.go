package payouts

import (
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/heerlen/heitje/internal/testenv"
)

// xmllint returns the path of xmllint, installing Debian's libxml2-utils when it is missing; it never skips.
func xmllint(t *testing.T) string {
	t.Helper()
	return testenv.Tool(t, "xmllint", "libxml2-utils")
}

// schemaPath is the schema of format, copied into testdata from ../shared/schemas: pain.001.001.03, and
// the EPC's pain.001.001.09 for customer-to-bank SEPA credit transfers (EPC132-08, 2023).
func schemaPath(t *testing.T, format BankFileFormat) string {
	name := map[BankFileFormat]string{Pain00100103: "pain.001.001.03.xsd",
		Pain00100109: "pain.001.001.09-EPC132-08-2023-SCT-C2PSP.xsd"}[format]
	p := filepath.Join("testdata", name)
	if _, err := os.Stat(p); name == "" || err != nil {
		t.Fatalf("no schema of %s at %s: %v", format, p, err)
	}
	return p
}

func testDebtor(t *testing.T) Debtor {
	d := Debtor{Name: "Gemeente Heerlen", IBAN: "NL91 ABNA 0417 1643 00", BIC: "bnghnl2g"}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestBankFileValidatesAgainstTheSchema writes a run's bank file in each format and validates it with
// xmllint against the format's schema; the figures are read back.
func TestBankFileValidatesAgainstTheSchema(t *testing.T) {
	lint := xmllint(t)
	r := sampleRun()
	r.Lines[0].BusinessName = "Café & Bakkerij Ëlise — Heerlen"
	ibans := map[string]string{r.Lines[0].ShopID: "NL91ABNA0417164300", r.Lines[1].ShopID: "DE89370400440532013000"}
	zone, _ := time.LoadLocation("Europe/Amsterdam")
	for _, format := range []BankFileFormat{"", Pain00100103, Pain00100109} {
		t.Run(string(format), func(t *testing.T) {
			file, err := BankFile(r, BankFileInput{Format: format, Debtor: testDebtor(t), IBANs: ibans,
				CreatedAt: time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC), ExecuteOn: time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC), Zone: zone})
			if err != nil {
				t.Fatal(err)
			}
			want := format
			if want == "" {
				want = Pain00100103
			}
			path := filepath.Join(t.TempDir(), "sepa.xml")
			os.WriteFile(path, file, 0o600)
			if out, err := exec.Command(lint, "--noout", "--schema", schemaPath(t, want), path).CombinedOutput(); err != nil {
				t.Fatalf("xmllint: %v\n%s\n%s", err, out, file)
			}
			var doc sepaDocument
			if err := xml.Unmarshal(file, &doc); err != nil {
				t.Fatal(err)
			}
			p, g := doc.Initiation.PaymentInfo, doc.Initiation.GroupHeader
			date, bic := p.ExecuteOn.Date, p.DebtorAgent.FinInstn.BIC
			if want == Pain00100109 {
				date, bic = p.ExecuteOn.Choice, p.DebtorAgent.FinInstn.BICFI
			}
			if doc.Xmlns != "urn:iso:std:iso:20022:tech:xsd:"+string(want) || g.MsgID != r.Reference || g.NbOfTxs != "2" ||
				g.CtrlSum != "23.05" || g.CreatedAt != "2026-12-01T10:30:00" || date != "2026-12-02" ||
				p.DebtorAccount.ID.IBAN != "NL91ABNA0417164300" || bic != "BNGHNL2G" {
				t.Fatalf("%s: header %+v, payment info %+v", doc.Xmlns, g, p)
			}
			tx := p.Transfers[0]
			if tx.Creditor.Name != "Cafe + Bakkerij Elise Heerlen" || tx.Amount.Value != "23.00" || tx.Amount.Currency != "EUR" ||
				tx.CreditorAccount.ID.IBAN != "NL91ABNA0417164300" || !strings.HasSuffix(tx.Remittance.Unstructured, r.Reference) ||
				!strings.HasPrefix(tx.PaymentID.EndToEndID, r.Reference) {
				t.Fatalf("transfer %+v", tx)
			}
		})
	}
	if _, err := BankFile(r, BankFileInput{Debtor: testDebtor(t), IBANs: map[string]string{}}); !errors.Is(err, ErrIBANNotKept) {
		t.Fatalf("a bank file without a shop's IBAN: %v, want ErrIBANNotKept", err)
	}
	if _, err := BankFile(r, BankFileInput{Format: "pain.001.001.08", Debtor: testDebtor(t), IBANs: ibans}); err == nil ||
		!strings.Contains(err.Error(), "SEPA_FORMAT") {
		t.Fatalf("a bank file in an unknown format: %v", err)
	}
}

func TestDebtorValidation(t *testing.T) {
	for _, c := range []struct {
		d    Debtor
		want string
	}{
		{Debtor{Name: "Gemeente Heerlen", IBAN: "NL91ABNA0417164300", BIC: "BNGHNL2G"}, ""},
		{Debtor{Name: "Gemeente Heerlen", IBAN: "NL91ABNA0417164300", BIC: "BNGHNL2GXXX"}, ""},
		{Debtor{Name: "Gemeente Heerlen", IBAN: "NL92ABNA0417164300", BIC: "BNGHNL2G"}, "SEPA_DEBTOR_IBAN"},
		{Debtor{Name: "Gemeente Heerlen", IBAN: "NL91ABNA0417164300", BIC: "BNG"}, "SEPA_DEBTOR_BIC"},
		{Debtor{Name: "  ", IBAN: "NL91ABNA0417164300", BIC: "BNGHNL2G"}, "SEPA_DEBTOR_NAME"},
	} {
		err := c.d.Validate()
		if (c.want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.d, err, c.want)
		}
	}
}

func TestSepaText(t *testing.T) {
	for in, want := range map[string]string{
		"Bakkerij Bart":         "Bakkerij Bart",
		"  Café   Ömer & Zn. ":  "Cafe Omer + Zn.",
		"Snackbar \"De Kroon\"": "Snackbar De Kroon",
		"日本":                    "",
		strings.Repeat("a", 80): strings.Repeat("a", 70),
	} {
		if got := sepaText(in, 70); got != want {
			t.Errorf("sepaText(%q) = %q, want %q", in, got, want)
		}
	}
}
