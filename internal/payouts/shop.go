package payouts

import (
	"context"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/accounts"
)

// ShopPayout is one of a shop's payout lines with its run's period and reference, as the shop sees it.
type ShopPayout struct {
	Run  Run
	Line Line
}

// Entry is one coin movement of a shop in a statement: a payment received ("payment"), coins sent back or
// on ("refund") or coins burnt for a payout ("redemption"). It names no counterparty.
type Entry struct {
	BlockNumber uint64
	At          time.Time
	TxHash      common.Hash
	Kind        string
	AmountCents int64
}

// The kinds of statement entry.
const (
	EntryPayment    = "payment"
	EntryRefund     = "refund"
	EntryRedemption = "redemption"
)

// ShopPayouts lists the calling shop's payouts, newest period first: its lines of the runs that finance
// executed (drafts under review and cancelled runs are not shown). Only shops may ask.
func (s *Service) ShopPayouts(ctx context.Context, p accounts.Principal, limit, offset int) ([]ShopPayout, error) {
	if p.Role != accounts.RoleShop {
		return nil, ErrForbidden
	}
	return s.store.ShopPayouts(ctx, p.AccountID, clampLimit(limit), max(offset, 0))
}

// Statement is a shop's account of one payout: the run (without other shops' lines), the shop's line and
// its coin movements in the run's blocks, ending with the redemption of the line's coins once the indexer has
// seen it.
type Statement struct {
	Run     Run
	Line    Line
	Entries []Entry
}

// Statement returns the calling shop's statement of a run; ErrNotFound when the shop has no line in it or
// the run was not executed. Only shops may ask.
func (s *Service) Statement(ctx context.Context, p accounts.Principal, runID string) (Statement, error) {
	if p.Role != accounts.RoleShop {
		return Statement{}, ErrForbidden
	}
	sp, err := s.store.ShopPayout(ctx, p.AccountID, runID)
	if err != nil {
		return Statement{}, err
	}
	entries, err := s.store.Entries(ctx, sp.Line.ShopAddress, sp.Run.FromBlock, sp.Run.CutoffBlock, sp.Run.Ref)
	if err != nil {
		return Statement{}, err
	}
	return Statement{Run: sp.Run, Line: sp.Line, Entries: entries}, nil
}
