package notices_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/uuid"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/notices"
	"github.com/heerlen/heitje/internal/outbox"
	"github.com/heerlen/heitje/internal/payouts"
)

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

// written checks that the event wrote exactly the notice want, once (written again by a repeat of the
// event's code or not), and returns it with its id.
func (e *env) written(want notices.Notice) notices.Notice {
	e.t.Helper()
	got := e.notices(want.AccountID, want.Kind)
	if len(got) != 1 {
		e.t.Fatalf("%s: %d notices of %s, want 1: %+v", want.Kind, len(got), want.AccountID, got)
	}
	if want.Params == nil {
		want.Params = notices.Params{}
	}
	if got[0].EventKey != want.EventKey || !reflect.DeepEqual(got[0].Params, want.Params) {
		e.t.Fatalf("%s: written %s %v, want %s %v", want.Kind, got[0].EventKey, got[0].Params, want.EventKey, want.Params)
	}
	return got[0]
}

// none checks that the account has no notice of kind.
func (e *env) none(accountID string, kind notices.Kind, why string) {
	e.t.Helper()
	if got := e.notices(accountID, kind); len(got) != 0 {
		e.t.Fatalf("%s: %s wrote %d notices %+v, want none", kind, why, len(got), got)
	}
}

// mailed counts the messages to email whose subject is title.
func (e *env) mailed(email, title string) []received {
	var out []received
	for _, m := range e.mail.messages(email) {
		if subject(m) == title {
			out = append(out, m)
		}
	}
	return out
}

// delivered checks the life of a written notice: not in the app before the worker ran; with the mail
// server down the worker puts it into the app and the e-mail waits for a retry; once the server is back
// and the backoff has passed, one e-mail arrives in the person's language with the one-click unsubscribe
// headers; further rounds send nothing more and the app still shows it once.
func (e *env) delivered(n notices.Notice, email string, lang notices.Language) {
	e.t.Helper()
	text := notices.Render(lang, n)
	inApp := func() int {
		items, err := e.svc.List(e.ctx, n.AccountID, 0, notices.MaxList)
		if err != nil {
			e.t.Fatal(err)
		}
		c := 0
		for _, it := range items {
			if it.ID == n.ID {
				c++
				if it.Title != text.Title || it.Body != text.Body {
					e.t.Fatalf("%s in the app reads %q %q, want %q %q", n.Kind, it.Title, it.Body, text.Title, text.Body)
				}
			}
		}
		return c
	}
	if c := inApp(); c != 0 {
		e.t.Fatalf("%s is in the app before the worker delivered it", n.Kind)
	}
	e.mail.setDown(true)
	e.run()
	e.mail.setDown(false)
	if c := inApp(); c != 1 {
		e.t.Fatalf("%s: in the app %d times after the worker's round, want 1", n.Kind, c)
	}
	var status string
	var attempts int
	if err := e.db.SQL().QueryRowContext(e.ctx, `SELECT email_status, email_attempts FROM notices WHERE id = $1`, n.ID).
		Scan(&status, &attempts); err != nil {
		e.t.Fatal(err)
	}
	if got := e.mailed(email, text.Title); len(got) != 0 || status != "pending" || attempts != 1 {
		e.t.Fatalf("%s with the mail server down: %d e-mails, status %s after %d attempts; want none, pending after 1",
			n.Kind, len(got), status, attempts)
	}
	e.run() // the server is back, but the retry is not due yet
	if got := e.mailed(email, text.Title); len(got) != 0 {
		e.t.Fatalf("%s: retried before its backoff passed", n.Kind)
	}
	e.clock.Advance(2 * time.Minute)
	e.run()
	e.run()
	got := e.mailed(email, text.Title)
	if len(got) != 1 {
		e.t.Fatalf("%s: %d e-mails to %s after the retry, want 1", n.Kind, len(got), email)
	}
	m := got[0]
	unsub := e.svc.UnsubscribeURL(n.AccountID)
	if !strings.Contains(m.Body, text.Body) || !strings.Contains(m.Body, unsub) {
		e.t.Fatalf("%s: e-mail body %q lacks the text %q or the unsubscribe link", n.Kind, m.Body, text.Body)
	}
	if m.Header.Get("List-Unsubscribe") != "<"+unsub+">" || m.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		e.t.Fatalf("%s: unsubscribe headers %q %q", n.Kind, m.Header.Get("List-Unsubscribe"), m.Header.Get("List-Unsubscribe-Post"))
	}
	if c := inApp(); c != 1 {
		e.t.Fatalf("%s: in the app %d times, want 1", n.Kind, c)
	}
}

func TestAccountDecisionNotices(t *testing.T) {
	e := newEnv(t)
	for _, approve := range []bool{true, false} {
		email := "jan.approve@example.nl"
		kind, lang := notices.KindAccountApproved, notices.Dutch
		if !approve {
			email, kind, lang = "jan.reject@example.nl", notices.KindAccountRejected, notices.English
		}
		id := e.register(strings.Split(email, "@")[0], email, lang)
		decide := func(svc *accounts.Service) error {
			var err error
			if approve {
				_, err = svc.Approve(e.ctx, e.admin, id, "")
			} else {
				_, err = svc.Reject(e.ctx, e.admin, id, "Het adres ligt buiten Heerlen")
			}
			return err
		}
		if err := decide(e.accBack); !errors.Is(err, errRolledBack) {
			t.Fatalf("rolled-back decision: %v", err)
		}
		e.none(id, kind, "a rolled-back decision")
		if err := decide(e.acc); err != nil {
			t.Fatal(err)
		}
		if err := decide(e.acc); !errors.Is(err, accounts.ErrInvalidState) {
			t.Fatalf("deciding again: %v", err)
		}
		want := notices.AccountApproved(id)
		if !approve {
			want = notices.AccountRejected(id, "Het adres ligt buiten Heerlen")
		}
		e.delivered(e.written(want), email, lang)
	}
}

func TestClaimDecisionNotices(t *testing.T) {
	e := newEnv(t)
	p := e.resident("truus", "truus@example.nl", notices.Dutch)
	steps := []struct {
		name string
		kind notices.Kind
		do   func(svc *chores.Service, claim string) (chores.Claim, error)
		want func(claim string, cl chores.Claim) notices.Notice
	}{
		{"approve", notices.KindClaimApproved,
			func(svc *chores.Service, claim string) (chores.Claim, error) {
				return svc.Approve(e.ctx, e.reviewer, claim)
			},
			func(claim string, _ chores.Claim) notices.Notice {
				return notices.ClaimApproved(p.AccountID, claim, "Bladeren ruimen approve", 350)
			}},
		{"reject", notices.KindClaimRejected,
			func(svc *chores.Service, claim string) (chores.Claim, error) {
				return svc.Reject(e.ctx, e.reviewer, claim, "Op de foto staat een andere straat")
			},
			func(claim string, _ chores.Claim) notices.Notice {
				return notices.ClaimRejected(p.AccountID, claim, "Bladeren ruimen reject", "Op de foto staat een andere straat")
			}},
		{"request-info", notices.KindClaimNeedsInfo,
			func(svc *chores.Service, claim string) (chores.Claim, error) {
				return svc.RequestInfo(e.ctx, e.reviewer, claim, "Graag een foto van de volle zakken")
			},
			func(claim string, cl chores.Claim) notices.Notice {
				return notices.ClaimNeedsInfo(p.AccountID, claim, "Bladeren ruimen request-info", "Graag een foto van de volle zakken",
					*cl.ProofDueAt)
			}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			e.t = t
			claim := e.submitted(p, "Bladeren ruimen "+st.name)
			if _, err := st.do(e.choresBack, claim); !errors.Is(err, errRolledBack) {
				t.Fatalf("rolled-back decision: %v", err)
			}
			e.none(p.AccountID, st.kind, "a rolled-back decision")
			cl, err := st.do(e.chores, claim)
			if err != nil {
				t.Fatal(err)
			}
			if st.kind == notices.KindClaimApproved {
				if _, err := st.do(e.chores, claim); err != nil { // approving again changes nothing
					t.Fatal(err)
				}
			}
			e.delivered(e.written(st.want(claim, cl)), "truus@example.nl", notices.Dutch)
		})
	}
}

// TestRewardArrivedNotice: the notice comes when the mint is confirmed and the claim settles, not before,
// and not for a mint that failed.
func TestRewardArrivedNotice(t *testing.T) {
	e := newEnv(t)
	p := e.resident("piet", "piet@example.nl", notices.English)
	claims := []string{e.submitted(p, "Zwerfafval prikken"), e.submitted(p, "Stoep vegen")}
	intents := make([]int64, 2)
	for i, cl := range claims {
		c, err := e.chores.Approve(e.ctx, e.reviewer, cl)
		if err != nil {
			t.Fatal(err)
		}
		intents[i] = c.IntentID
	}
	if _, _, err := e.chores.Step(e.ctx); err != nil {
		t.Fatal(err)
	}
	e.none(p.AccountID, notices.KindRewardArrived, "a mint not yet confirmed")
	if err := e.db.Outbox().Finish(e.ctx, []outbox.Outcome{{IntentID: intents[1], Status: outbox.StatusFailed, Error: "reverted"}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := e.chores.Step(e.ctx); err != nil {
		t.Fatal(err)
	}
	e.none(p.AccountID, notices.KindRewardArrived, "a failed mint")
	e.exec(`UPDATE chain_intents SET status = 'sent', nonce = id, tx_hash = $1, sent_at = now() WHERE id = $2`,
		common.BigToHash(big.NewInt(77)).Hex(), intents[0])
	if err := e.db.Outbox().Finish(e.ctx, []outbox.Outcome{{IntentID: intents[0], Status: outbox.StatusConfirmed,
		TxHash: common.BigToHash(big.NewInt(77)), BlockNumber: 12}}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, _, err := e.chores.Step(e.ctx); err != nil {
			t.Fatal(err)
		}
	}
	e.delivered(e.written(notices.RewardArrived(p.AccountID, claims[0], "Zwerfafval prikken", 350)), "piet@example.nl", notices.English)
}

// TestPaymentRefundedNotice: a refund's notice is written in the statement that records its confirmation;
// a refund that failed on chain tells nobody.
func TestPaymentRefundedNotice(t *testing.T) {
	e := newEnv(t)
	p := e.resident("mien", "mien@example.nl", notices.Dutch)
	shop, addr := uuid.NewString(), "0x00000000000000000000000000000000000000aa"
	e.exec(`INSERT INTO accounts (id, role, username, status, password_hash, privileges, created_at, updated_at, wallet_address)
		VALUES ($1, 'shop', 'bakker', 'approved', '!', '[]', now(), now(), $2)`, shop, addr)
	var wallet string
	if err := e.db.SQL().QueryRowContext(e.ctx, `SELECT wallet_address FROM accounts WHERE id = $1`, p.AccountID).Scan(&wallet); err != nil {
		t.Fatal(err)
	}
	intent := func(key string) int64 {
		in, err := e.db.Outbox().Enqueue(e.ctx, outbox.Intent{Signer: "relayer-0", Kind: outbox.KindTransferWithAuthorization,
			IdempotencyKey: key, Args: outbox.Args{To: common.HexToAddress(wallet), Amount: big.NewInt(50)}})
		if err != nil {
			t.Fatal(err)
		}
		return in.ID
	}
	payment := uuid.NewString()
	paidAt := time.Date(2026, 12, 3, 23, 30, 0, 0, time.UTC) // 4 December in Heerlen
	e.exec(`INSERT INTO payment_requests (id, shop_id, shop_address, amount_cents, reference, auth_nonce, valid_after, valid_before,
		created_at, expires_at, payer_id, payer_address, signature, intent_id, submitted_at)
		VALUES ($1, $2, $3, 1250, 'bon 1', $4, 1, 9999999999, $5, $10, $6, $7, $8, $9, $5)`, payment, shop, addr,
		common.BigToHash(big.NewInt(1)).Hex(), paidAt, p.AccountID, wallet, make([]byte, 65), intent("payment:"+payment),
		paidAt.Add(5*time.Minute))
	refunds := []string{uuid.NewString(), uuid.NewString()}
	ids := make([]int64, 2)
	for i, r := range refunds {
		ids[i] = intent("refund:" + r)
		e.exec(`INSERT INTO refunds (id, payment_id, shop_id, shop_address, resident_address, amount_cents, reason, auth_nonce,
			intent_id, created_at) VALUES ($1, $2, $3, $4, $5, 500, 'Taart was op', $6, $7, now())`,
			r, payment, shop, addr, wallet, common.BigToHash(big.NewInt(int64(10+i))).Hex(), ids[i])
	}
	if err := e.db.Outbox().Finish(e.ctx, []outbox.Outcome{{IntentID: ids[1], Status: outbox.StatusFailed, Error: "reverted"}}); err != nil {
		t.Fatal(err)
	}
	e.none(p.AccountID, notices.KindPaymentRefunded, "a refund that failed")
	for range 2 {
		if err := e.db.Outbox().Finish(e.ctx, []outbox.Outcome{{IntentID: ids[0], Status: outbox.StatusConfirmed,
			TxHash: common.BigToHash(big.NewInt(99)), BlockNumber: 20}}); err != nil {
			t.Fatal(err)
		}
	}
	want := notices.PaymentRefunded(p.AccountID, refunds[0], 500, 1250, paidAt, "Taart was op")
	if want.Params["paid_on"] != "2026-12-04" {
		t.Fatalf("the payment's day in Heerlen is %s", want.Params["paid_on"])
	}
	e.delivered(e.written(want), "mien@example.nl", notices.Dutch)
}

func TestPayoutPaidNotice(t *testing.T) {
	e := newEnv(t)
	a, err := e.acc.Register(e.ctx, accounts.Registration{Role: accounts.RoleShop, Username: "bakkerij-kessels", Password: password,
		Email: "kassa@kessels.example", Shop: &accounts.Shop{LegalName: "Bakkerij Kessels", ContactName: "Harrie", KvK: "87654321",
			IBAN: "NL02ABNA0123456789", Address: "Pancratiusplein 9, Heerlen"}})
	if err == nil {
		a, err = e.acc.Approve(e.ctx, e.admin, a.ID, "")
	}
	if err != nil {
		t.Fatal(err)
	}
	e.optIn(a.ID, notices.Dutch)
	run, line := uuid.NewString(), uuid.NewString()
	redeem, err := e.db.Outbox().Enqueue(e.ctx, outbox.Intent{Signer: "operator", Kind: outbox.KindRedeem, IdempotencyKey: "payout:" + run,
		Args: outbox.Args{From: common.HexToAddress(a.WalletAddress), Amount: big.NewInt(4200)}})
	if err != nil {
		t.Fatal(err)
	}
	e.exec(`INSERT INTO payout_runs (id, period_start, period_end, from_block, cutoff_block, ref, reference, status, report_sha256,
		created_by, created_at, executed_by, execute_started_at, executed_at, settled_block)
		VALUES ($1, '2026-11-01', '2026-11-30', 0, 20, $2, 'HEITJE-00000000AAAA', 'executed', $3, $4, now(), $4, now(), now(), 21)`,
		run, common.BigToHash(big.NewInt(5)).Hex(), make([]byte, 32), e.admin.AccountID)
	name, err := e.keys.Seal([]byte("Bakkerij Kessels"), []byte("payout_lines.business_name_enc:"+line))
	if err != nil {
		t.Fatal(err)
	}
	e.exec(`INSERT INTO payout_lines (id, run_id, shop_id, shop_address, business_name_enc, payments, gross_cents, refunds,
		refunded_cents, amount_cents, intent_id, redeemed_block, redeem_tx)
		VALUES ($1, $2, $3, $4, $5, 3, 4200, 0, 0, 4200, $6, 21, $7)`,
		line, run, a.ID, a.WalletAddress, name, redeem.ID, common.BigToHash(big.NewInt(6)).Hex())
	in := payouts.PaidInput{PaidOn: "2026-12-02", BankReference: "BANK-2026-12-02"}
	if _, err := e.payBack.MarkPaid(e.ctx, e.admin, run, in); !errors.Is(err, errRolledBack) {
		t.Fatalf("rolled-back payment: %v", err)
	}
	e.none(a.ID, notices.KindPayoutPaid, "a rolled-back payment")
	if _, err := e.pay.MarkPaid(e.ctx, e.admin, run, in); err != nil {
		t.Fatal(err)
	}
	want := notices.PayoutPaid(a.ID, run, 4200, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC), "BANK-2026-12-02")
	e.delivered(e.written(want), "kassa@kessels.example", notices.Dutch)
}

// TestQueueWaitingNotice: staff who work a queue are told once when its oldest item passes the age, not
// again while it stays over, and again after it came back under and crossed anew; other staff never, nor
// staff with the queue's privilege who cannot use it yet (no second factor, or the current confidentiality
// statement not acknowledged).
func TestQueueWaitingNotice(t *testing.T) {
	e := newEnv(t)
	noFactor := e.staffWithoutSecondFactor("nieuweling", "nieuweling@heitje.example", accounts.PrivAccountsApprove)
	oldStatement := e.staff("oudgediende", "oudgediende@heitje.example", accounts.PrivAccountsApprove)
	if res, err := e.db.SQL().ExecContext(e.ctx, `UPDATE accounts SET confidentiality_version = '2000-01' WHERE id = $1`,
		oldStatement.AccountID); err != nil {
		t.Fatal(err)
	} else if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("%d accounts given an older statement, want 1", n)
	}
	first := e.register("wachter-1", "wachter1@example.nl", notices.Dutch)
	e.run()
	e.none(e.admin.AccountID, notices.KindQueueWaiting, "a queue under its age")
	e.clock.Advance(queueAge + time.Hour)
	e.run()
	n := e.notices(e.admin.AccountID, notices.KindQueueWaiting)
	if len(n) != 1 || n[0].Params["queue"] != "onboarding" || n[0].Params["hours"] != "48" {
		t.Fatalf("onboarding queue over its age: %+v", n)
	}
	e.none(e.reviewer.AccountID, notices.KindQueueWaiting, "the onboarding queue (the reviewer does not work it)")
	e.none(noFactor.AccountID, notices.KindQueueWaiting, "a member of staff without a second factor")
	e.none(oldStatement.AccountID, notices.KindQueueWaiting, "a member of staff who acknowledged an older statement")
	for range 3 { // still over: nothing more
		e.clock.Advance(2 * time.Minute)
		e.run()
	}
	if got := e.notices(e.admin.AccountID, notices.KindQueueWaiting); len(got) != 1 {
		t.Fatalf("told %d times while the queue stayed over its age", len(got))
	}
	if _, err := e.acc.Approve(e.ctx, e.admin, first, ""); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(2 * time.Minute)
	e.run() // under again
	e.register("wachter-2", "wachter2@example.nl", notices.Dutch)
	e.clock.Advance(queueAge + time.Hour)
	e.run()
	got := e.notices(e.admin.AccountID, notices.KindQueueWaiting)
	if len(got) != 2 {
		t.Fatalf("told %d times after a second crossing, want 2", len(got))
	}
	text := notices.Render(notices.Dutch, got[1])
	if len(e.mailed("beheer@heitje.example", text.Title)) != 2 || strings.Contains(text.Body, "wachter") {
		t.Fatalf("queue e-mails: %d, body %q", len(e.mailed("beheer@heitje.example", text.Title)), text.Body)
	}
}
