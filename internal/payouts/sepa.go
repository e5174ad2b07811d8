package payouts

import (
	"context"
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/audit"
)

// Debtor is the municipality's bank account that pays the shops.
type Debtor struct {
	Name string
	IBAN string
	BIC  string
}

var bicPattern = regexp.MustCompile(`^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$`)

// Validate checks the debtor as a SEPA credit transfer needs it and normalises it: a name of 1 to 70
// characters of the SEPA character set, an IBAN with a correct checksum, and a BIC of 8 or 11 characters.
// Errors name the configuration variable at fault.
func (d *Debtor) Validate() error {
	d.Name = sepaText(d.Name, 70)
	if d.Name == "" {
		return fmt.Errorf("SEPA_DEBTOR_NAME must have 1 to 70 characters")
	}
	iban, err := accounts.NormalizeIBAN(d.IBAN)
	if err != nil {
		return fmt.Errorf("SEPA_DEBTOR_IBAN is not a valid IBAN (check the digits)")
	}
	d.IBAN = iban
	d.BIC = strings.ToUpper(strings.TrimSpace(d.BIC))
	if !bicPattern.MatchString(d.BIC) {
		return fmt.Errorf("SEPA_DEBTOR_BIC must be a BIC of 8 or 11 characters, such as BNGHNL2G")
	}
	return nil
}

// BankFileFormat is the ISO 20022 message the bank file is written in.
type BankFileFormat string

const (
	// Pain00100103 is pain.001.001.03, which every Dutch bank takes.
	Pain00100103 BankFileFormat = "pain.001.001.03"
	// Pain00100109 is pain.001.001.09 as the EPC's implementation guidelines for customer-to-bank SEPA
	// credit transfers (EPC132-08, 2023) describe it, which banks take now too.
	Pain00100109 BankFileFormat = "pain.001.001.09"
)

// ParseBankFileFormat reads a format's name; "" is pain.001.001.03.
func ParseBankFileFormat(s string) (BankFileFormat, error) {
	switch f := BankFileFormat(strings.TrimSpace(s)); f {
	case "":
		return Pain00100103, nil
	case Pain00100103, Pain00100109:
		return f, nil
	}
	return "", fmt.Errorf("SEPA_FORMAT must be %s or %s", Pain00100103, Pain00100109)
}

// BankFileInput is what the bank file needs besides the run: the debtor, the shops' IBANs by shop id, when
// the file is made (written in Zone's local time), the day the bank is asked to pay, and the format
// ("" is pain.001.001.03).
type BankFileInput struct {
	Format    BankFileFormat
	Debtor    Debtor
	IBANs     map[string]string
	CreatedAt time.Time
	ExecuteOn time.Time
	Zone      *time.Location
}

// BankFile writes a run's SEPA credit transfer initiation (ISO 20022 pain.001.001.03 or .09): one payment
// information block from the debtor's account, one transfer per line to the shop's IBAN for its euros, with
// the run's reference as end-to-end id prefix, message id and remittance information. A bank refuses a
// second file with the same message id, so uploading a run twice does not pay twice.
func BankFile(r Run, in BankFileInput) ([]byte, error) {
	if in.Zone == nil {
		in.Zone = time.UTC
	}
	t := r.Totals()
	remit := sepaText(fmt.Sprintf("Heerlens Heitje payout %s to %s %s", r.PeriodStart.Format(DateLayout),
		r.PeriodEnd.Format(DateLayout), r.Reference), 140)
	format, err := ParseBankFileFormat(string(in.Format))
	if err != nil {
		return nil, err
	}
	doc := sepaDocument{Xmlns: "urn:iso:std:iso:20022:tech:xsd:" + string(format)}
	c := &doc.Initiation
	c.GroupHeader = sepaGroupHeader{MsgID: r.Reference, CreatedAt: in.CreatedAt.In(in.Zone).Format("2006-01-02T15:04:05"),
		NbOfTxs: strconv.Itoa(t.Lines), CtrlSum: Euros(t.AmountCents), InitiatingParty: sepaParty{Name: in.Debtor.Name}}
	p := &c.PaymentInfo
	p.ID, p.Method, p.BatchBooking, p.NbOfTxs, p.CtrlSum = r.Reference, "TRF", true, strconv.Itoa(t.Lines), Euros(t.AmountCents)
	p.TypeInfo.ServiceLevel.Code = "SEPA"
	p.Debtor = sepaParty{Name: in.Debtor.Name}
	p.DebtorAccount.ID.IBAN = in.Debtor.IBAN
	if format == Pain00100109 {
		p.ExecuteOn.Choice = in.ExecuteOn.Format(DateLayout)
		p.DebtorAgent.FinInstn.BICFI = in.Debtor.BIC
	} else {
		p.ExecuteOn.Date = in.ExecuteOn.Format(DateLayout)
		p.DebtorAgent.FinInstn.BIC = in.Debtor.BIC
	}
	p.ChargeBearer = "SLEV"
	for i, l := range r.Lines {
		iban := in.IBANs[l.ShopID]
		if iban == "" {
			return nil, fmt.Errorf("%w (shop %s; its bank details were removed when their retention ended)", ErrIBANNotKept, l.ShopID)
		}
		tx := sepaTransfer{Creditor: sepaParty{Name: sepaText(l.BusinessName, 70)}}
		if tx.Creditor.Name == "" {
			tx.Creditor.Name = "Shop " + l.ShopID[:8]
		}
		tx.PaymentID.InstrID = fmt.Sprintf("%s-%d", r.Reference, i+1)
		tx.PaymentID.EndToEndID = tx.PaymentID.InstrID
		tx.Amount.Value, tx.Amount.Currency = Euros(l.AmountCents), "EUR"
		tx.CreditorAccount.ID.IBAN = iban
		tx.Remittance.Unstructured = remit
		p.Transfers = append(p.Transfers, tx)
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(out, '\n')...), nil
}

// ExportBankFile returns the bank file of an executed run. The shops' IBANs are decrypted for this file
// only, in the same transaction as the audit entries that record the export, one per shop. It refuses a
// run whose redeems are not all confirmed (ErrNotExecuted): euros are paid only for coins burnt. The actor
// needs finance.
func (s *Service) ExportBankFile(ctx context.Context, actor accounts.Actor, id string) (Run, []byte, error) {
	if err := require(actor); err != nil {
		return Run{}, nil, err
	}
	var (
		out  Run
		file []byte
	)
	err := s.store.InTx(ctx, func(tx Tx) error {
		r, err := tx.LockRun(id)
		if err != nil {
			return err
		}
		if r.Status != StatusExecuted && r.Status != StatusPaid {
			return ErrNotExecuted
		}
		if s.opts.Debtor == nil {
			return ErrBankFileDisabled
		}
		ibans, err := tx.IBANs(r.ID)
		if err != nil {
			return err
		}
		// The run is executed, so today is never before its redeems: the bank pays as soon as it can.
		file, err = BankFile(r, BankFileInput{Format: s.opts.BankFileFormat, Debtor: *s.opts.Debtor, IBANs: ibans, CreatedAt: s.now(), ExecuteOn: s.today(), Zone: s.opts.Zone})
		if err != nil {
			return err
		}
		out = r
		for _, l := range r.Lines {
			if err := tx.Audit(actorOf(actor).Entry("payout.sepa_export", l.ShopID, []string{"shop.iban", "shop.legal_name"},
				"", fmt.Sprintf("SEPA credit transfer of run %s %s: %s EUR to bank details version %d", r.ID, r.Reference,
					Euros(l.AmountCents), l.DetailsVersion))); err != nil {
				return err
			}
		}
		return nil
	})
	return out, file, err
}

func actorOf(a accounts.Actor) audit.Actor {
	return audit.Actor{ID: a.AccountID, Username: a.Username, RequestID: a.RequestID, SourceIP: a.SourceIP}
}
