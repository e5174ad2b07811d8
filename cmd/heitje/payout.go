package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/app"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/payouts"
	"github.com/heerlen/heitje/internal/store"
)

const payoutUsage = "payout list|show|create|execute|cancel|report|sepa|paid --as USERNAME …"

// payoutCmd is `heitje payout …`: finance's payout runs from the command line, acting as the staff member
// named by --as, who must hold finance (the audit log records them, with request id "cli"). It writes the
// report and the bank file to standard output or to the file given with -o.
func payoutCmd(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError{errors.New("payout needs one of list, show ID, create, execute ID, cancel ID, report ID, sepa ID, paid ID")}
	}
	fs := newFlags("payout "+args[0], payoutUsage, "Finance's payout runs from the command line, acting as the finance staff member named by --as\n"+
		"(audited with request id \"cli\"). list; show ID; create --from --to [--cutoff]; execute ID;\n"+
		"cancel ID; report ID [--xlsx] and sepa ID [-o FILE]; paid ID --on --reference [--shops].")
	as := fs.String("as", "", "the finance staff member acting (username)")
	from := fs.String("from", "", "create: the period's first day, 2006-01-02")
	to := fs.String("to", "", "create: the period's last day, 2006-01-02")
	cutoff := fs.Uint64("cutoff", 0, "create: the cut-off block (default: the indexer's last block)")
	out := fs.String("o", "", "report, sepa: write to this file instead of standard output")
	workbook := fs.Bool("xlsx", false, "report: the Excel workbook (for Dutch spreadsheets) instead of the CSV")
	on := fs.String("on", "", "paid: the day the bank paid, 2006-01-02")
	ref := fs.String("reference", "", "paid: the bank's reference")
	shops := fs.String("shops", "", "paid: comma-separated shop ids (default: every unpaid line)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *as == "" {
		return usageError{errors.New("payout " + args[0] + " needs --as USERNAME of a staff member holding finance")}
	}
	id := fs.Arg(0)
	if (args[0] == "list" || args[0] == "create") != (fs.NArg() == 0) || fs.NArg() > 1 {
		return usageError{fmt.Errorf("usage: heitje %s", payoutUsage)}
	}
	cfg, db, err := openDatabase(ctx, config.NeedSecrets)
	if err != nil {
		return err
	}
	defer db.Close()
	actor, err := cliActor(ctx, cfg, db, *as)
	if err != nil {
		return err
	}
	svc, err := app.NewPayouts(cfg, db, app.NewLogger(cfg, os.Stderr), nil)
	if err != nil {
		return err
	}
	var run payouts.Run
	switch args[0] {
	case "list":
		runs, err := svc.List(ctx, actor, payouts.MaxLimit, 0)
		for _, r := range runs {
			printRun(os.Stdout, r, false)
		}
		return err
	case "show":
		run, err = svc.Get(ctx, actor, id)
	case "create":
		in := payouts.CreateInput{PeriodStart: *from, PeriodEnd: *to}
		if *cutoff != 0 {
			in.CutoffBlock = cutoff
		}
		run, err = svc.Create(ctx, actor, in)
	case "execute":
		run, err = svc.Execute(ctx, actor, id, "")
	case "cancel":
		run, err = svc.Cancel(ctx, actor, id)
	case "report", "sepa":
		export := svc.ExportReport
		if *workbook {
			export = svc.ExportReportXLSX
		}
		if args[0] == "sepa" {
			export = svc.ExportBankFile
		}
		_, data, err := export(ctx, actor, id)
		if err != nil {
			return err
		}
		return writeOut(*out, data)
	case "paid":
		in := payouts.PaidInput{PaidOn: *on, BankReference: *ref}
		if *shops != "" {
			in.ShopIDs = strings.Split(*shops, ",")
		}
		run, err = svc.MarkPaid(ctx, actor, id, in)
	default:
		return usageError{fmt.Errorf("payout %q: want %s", args[0], payoutUsage)}
	}
	if err != nil {
		return err
	}
	printRun(os.Stdout, run, true)
	return nil
}

// cliActor is the staff member named by username, who must be approved and hold finance.
func cliActor(ctx context.Context, cfg *config.Config, db *store.DB, username string) (accounts.Actor, error) {
	keys, err := cfg.Keyring()
	if err != nil {
		return accounts.Actor{}, err
	}
	lookup, err := cfg.Lookup()
	if err != nil {
		return accounts.Actor{}, err
	}
	a, err := db.Accounts(keys, lookup).ByUsername(ctx, accounts.NormalizeUsername(username))
	if err != nil || a.Role != accounts.RoleStaff || a.Status != accounts.StatusApproved || !a.Has(accounts.PrivFinance) {
		return accounts.Actor{}, fmt.Errorf("%q is not an approved staff member holding finance", username)
	}
	return accounts.Actor{Principal: accounts.Principal{AccountID: a.ID, Username: a.Username, Role: a.Role,
		Privileges: a.Privileges}, RequestID: "cli"}, nil
}

func writeOut(path string, data []byte) error {
	if path == "" {
		_, err := os.Stdout.Write(data)
		return err
	}
	return os.WriteFile(path, data, 0o600)
}

// printRun writes a run's summary and, with lines, one line per shop.
func printRun(w io.Writer, r payouts.Run, lines bool) {
	t := r.Totals()
	fmt.Fprintf(w, "%s  %s  %s..%s  blocks %d-%d  %-9s  %d shops  EUR %s\n", r.ID, r.Reference,
		r.PeriodStart.Format(payouts.DateLayout), r.PeriodEnd.Format(payouts.DateLayout), r.FromBlock, r.CutoffBlock,
		r.Status, t.Lines, payouts.Euros(t.AmountCents))
	if !lines {
		return
	}
	for _, l := range r.Lines {
		fmt.Fprintf(w, "  %s  %-40.40s  EUR %10s  %s\n", l.ShopID, l.BusinessName, payouts.Euros(l.AmountCents), l.Status())
	}
}
