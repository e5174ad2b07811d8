package e2e_test

import (
	"bytes"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"mime/multipart"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	ethaccounts "github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/contracts/bindings"
	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/photos/phototest"
)

// resident is an approved resident whose phone key is bound to the account.
type resident struct {
	p    accounts.Principal
	key  *ecdsa.PrivateKey
	addr common.Address
}

// residents registers, approves and binds n residents through the services, eight at a time.
func (p *platform) residents(n int) []resident {
	p.tb.Helper()
	out := make([]resident, n)
	errs := make([]error, n)
	parallel(n, 8, func(i int) { out[i], errs[i] = p.newResident(fmt.Sprintf("bewoner-%05d", i)) })
	for _, err := range errs {
		if err != nil {
			p.tb.Fatal(err)
		}
	}
	return out
}

// fundedResidents makes n residents with bound phone keys and mints cents to each, waiting until the
// ledger has the mints.
func (p *platform) fundedResidents(n int, cents int64) []resident {
	p.tb.Helper()
	rs := p.residents(n)
	addrs := make([]common.Address, n)
	for i, r := range rs {
		addrs[i] = r.addr
	}
	p.fund(cents, addrs...)
	return rs
}

// logins logs the residents in, eight at a time, and returns their access tokens.
func (p *platform) logins(rs []resident) []string {
	p.tb.Helper()
	tokens := make([]string, len(rs))
	parallel(len(rs), 8, func(i int) { tokens[i] = p.login(rs[i].p.Username) })
	return tokens
}

func (p *platform) newResident(name string) (resident, error) {
	a, err := p.acc.Register(p.ctx, accounts.Registration{Role: accounts.RoleResident, Username: name, Password: password})
	if err != nil {
		return resident{}, err
	}
	if _, err := p.acc.Approve(p.ctx, p.admin, a.ID, ""); err != nil {
		return resident{}, err
	}
	key, _ := crypto.GenerateKey()
	r := resident{p: accounts.Principal{AccountID: a.ID, Username: name, Role: accounts.RoleResident}, key: key,
		addr: crypto.PubkeyToAddress(key.PublicKey)}
	ch, err := p.acc.WalletChallenge(p.ctx, r.p)
	if err != nil {
		return resident{}, err
	}
	sig, _ := crypto.Sign(ethaccounts.TextHash([]byte(ch.Message)), key)
	sig[64] += 27
	_, err = p.acc.BindWallet(p.ctx, r.p, r.addr.Hex(), fmt.Sprintf("0x%x", sig), ch.Nonce)
	return r, err
}

// parallel runs fn(0…n-1) on width goroutines.
func parallel(n, width int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range width {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// chore puts up an open chore as the administrator.
func (p *platform) chore(reward int64, capacity int) chores.Chore {
	p.tb.Helper()
	c, err := p.chores.CreateChore(p.ctx, p.admin, chores.ChoreInput{Title: "Zwerfafval prikken in het Aambos",
		Location: chores.Location{Lat: 50.8817, Lng: 5.9712, Area: "Aarveld"}, RewardCents: reward, Capacity: capacity,
		ClosesAt: time.Now().Add(7 * 24 * time.Hour)})
	if err != nil {
		p.tb.Fatal(err)
	}
	return c
}

// submittedClaims has each resident claim the chore and upload one photo; it returns the claim ids.
func (p *platform) submittedClaims(rs []resident, c chores.Chore) []string {
	p.tb.Helper()
	ids := make([]string, len(rs))
	errs := make([]error, len(rs))
	photo := phototest.JPEG(24, 16)
	parallel(len(rs), 8, func(i int) {
		cl, err := p.chores.ClaimChore(p.ctx, rs[i].p, c.ID)
		if err == nil {
			cl, err = p.chores.SubmitProof(p.ctx, rs[i].p, cl.ID, "", [][]byte{photo})
		}
		ids[i], errs[i] = cl.ID, err
	})
	for _, err := range errs {
		if err != nil {
			p.tb.Fatal(err)
		}
	}
	return ids
}

// upload posts proof as multipart/form-data: each of photos as a part named photo, and the note.
func (p *platform) upload(path, token string, photos [][]byte, note string) (int, map[string]any) {
	p.tb.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for i, ph := range photos {
		part, _ := w.CreateFormFile("photo", fmt.Sprintf("photo-%d.jpg", i+1))
		part.Write(ph)
	}
	if note != "" {
		w.WriteField("note", note)
	}
	w.Close()
	req, _ := http.NewRequestWithContext(p.ctx, http.MethodPost, p.base+path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return p.do(req, token)
}

// balanceOf asks the contract itself.
func (p *platform) balanceOf(a common.Address) *big.Int {
	p.tb.Helper()
	coin := bindings.NewHeitjeCoin()
	out, err := p.client.CallContract(p.ctx, ethereum.CallMsg{To: &p.deploy.Address, Data: coin.PackBalanceOf(a)}, nil)
	if err != nil {
		p.tb.Fatal(err)
	}
	v, err := coin.UnpackBalanceOf(out)
	if err != nil {
		p.tb.Fatal(err)
	}
	return v
}

// totalSupply asks the contract itself.
func (p *platform) totalSupply() *big.Int {
	p.tb.Helper()
	coin := bindings.NewHeitjeCoin()
	out, err := p.client.CallContract(p.ctx, ethereum.CallMsg{To: &p.deploy.Address, Data: coin.PackTotalSupply()}, nil)
	if err != nil {
		p.tb.Fatal(err)
	}
	v, err := coin.UnpackTotalSupply(out)
	if err != nil {
		p.tb.Fatal(err)
	}
	return v
}

// mintedRefs counts the Minted events of the coin on chain by their reference.
func (p *platform) mintedRefs() map[common.Hash]int {
	p.tb.Helper()
	coin := bindings.NewHeitjeCoin()
	logs, err := p.client.FilterLogs(p.ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(p.deploy.Block),
		Addresses: []common.Address{p.deploy.Address}, Topics: [][]common.Hash{{coin.GetABI().Events["Minted"].ID}}})
	if err != nil {
		p.tb.Fatal(err)
	}
	out := map[common.Hash]int{}
	for i := range logs {
		ev, err := coin.UnpackMintedEvent(&logs[i])
		if err != nil {
			p.tb.Fatal(err)
		}
		out[ev.Ref]++
	}
	return out
}

// count returns what a counting query answers.
func (p *platform) count(query string, args ...any) int {
	p.tb.Helper()
	var n int
	if err := p.db.SQL().QueryRowContext(p.ctx, query, args...).Scan(&n); err != nil {
		p.tb.Fatal(err)
	}
	return n
}

// waitFor polls cond until it holds, failing the test after timeout.
func (p *platform) waitFor(what string, timeout time.Duration, cond func() bool) {
	p.tb.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			p.tb.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// lower is an address as the API and the database write it.
func lower(a common.Address) string { return strings.ToLower(a.Hex()) }
