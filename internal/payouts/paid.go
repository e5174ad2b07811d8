package payouts

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/notices"
)

// PaidInput records bank transfers: the day the bank paid (2006-01-02), the bank's reference, and the shops
// whose lines it covers; no shops means every line not yet marked paid.
type PaidInput struct {
	PaidOn        string
	BankReference string
	ShopIDs       []string
}

// MaxBankReferenceLen is the longest bank reference kept.
const MaxBankReferenceLen = 70

func normalizeBankReference(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > MaxBankReferenceLen || strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return "", invalid("bank_reference", "is required and has at most 70 printable characters")
	}
	return s, nil
}

// MarkPaid records that the bank paid a run's lines: the whole run, or the lines of the given shops. Only
// an executed run can be paid (ErrNotExecuted), and a line is marked paid once (ErrAlreadyPaid). When every
// line is paid the run is paid. The actor needs finance.
func (s *Service) MarkPaid(ctx context.Context, actor accounts.Actor, id string, in PaidInput) (Run, error) {
	if err := require(actor); err != nil {
		return Run{}, err
	}
	paidOn, err := s.parseDate("paid_on", in.PaidOn)
	if err != nil {
		return Run{}, err
	}
	ref, err := normalizeBankReference(in.BankReference)
	if err != nil {
		return Run{}, err
	}
	var out Run
	err = s.store.InTx(ctx, func(tx Tx) error {
		r, err := tx.LockRun(id)
		if err != nil {
			return err
		}
		switch r.Status {
		case StatusExecuted:
		case StatusPaid:
			return ErrAlreadyPaid
		case StatusDraft, StatusExecuting:
			return ErrNotExecuted
		default:
			return ErrRunState
		}
		if paidOn.Before(r.PeriodEnd) {
			return invalid("paid_on", "must not lie before the end of the run's period")
		}
		for _, shop := range in.ShopIDs {
			if !slices.ContainsFunc(r.Lines, func(l Line) bool { return l.ShopID == shop }) {
				return ErrNotFound
			}
		}
		now, all := s.now(), true
		for i := range r.Lines {
			l := &r.Lines[i]
			if len(in.ShopIDs) > 0 && !slices.Contains(in.ShopIDs, l.ShopID) {
				all = all && l.PaidOn != nil
				continue
			}
			if l.PaidOn != nil {
				if len(in.ShopIDs) > 0 {
					return ErrAlreadyPaid
				}
				continue
			}
			l.PaidOn, l.BankReference, l.PaidBy, l.PaidAt = &paidOn, ref, actor.AccountID, &now
			if err := tx.SaveLine(*l); err != nil {
				return err
			}
			if err := tx.Notify(notices.PayoutPaid(l.ShopID, r.ID, l.AmountCents, paidOn, ref)); err != nil {
				return err
			}
		}
		if all {
			r.Status = StatusPaid
			if err := tx.SaveRun(r); err != nil {
				return err
			}
		}
		out = r
		return nil
	})
	return out, err
}
