package e2e_test

import (
	"bytes"
	"image"
	"image/png"
	"io"
	"math/big"
	"net/http"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/photos/phototest"
)

// TestChoreToCoins is the whole story over HTTP against the real Postgres and Clique node: staff put up a
// chore, a resident registers, is approved, binds a phone key, finds the chore nearby, claims it and
// uploads a photo with GPS in its EXIF (after some refused uploads that store nothing); the chore's
// creator may not approve it, another reviewer does, sees the photo without any EXIF, and within seconds
// the reward is on chain, in GET /v1/me/balance and in the history.
func TestChoreToCoins(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	adminTok := p.login("beheerder")
	reviewerTok := p.reviewer("keurder")

	created := p.expect(http.StatusCreated, "", "POST", "/v1/admin/chores", adminTok, map[string]any{
		"title": "Bladeren ruimen", "description": "Speeltuin Molenberg",
		"location":     map[string]any{"lat": 50.8817, "lng": 5.9712, "area": "Molenberg"},
		"reward_cents": 350, "capacity": 5, "closes_at": time.Now().Add(72 * time.Hour).Format(time.RFC3339)})
	choreID := created["id"].(string)
	p.expect(http.StatusUnprocessableEntity, "outside_municipality", "POST", "/v1/admin/chores", adminTok, map[string]any{
		"title": "In Maastricht", "location": map[string]any{"lat": 50.85, "lng": 5.69, "area": "Centrum"},
		"reward_cents": 100, "capacity": 1, "closes_at": time.Now().Add(time.Hour).Format(time.RFC3339)})

	reg := p.expect(http.StatusCreated, "", "POST", "/v1/auth/register", "", map[string]any{
		"role": "resident", "username": "groene-vingers", "password": password})
	p.expect(http.StatusOK, "", "POST", "/v1/admin/accounts/"+reg["id"].(string)+"/approve", adminTok, nil)
	tok := p.login("groene-vingers")
	p.expect(http.StatusUnprocessableEntity, "wallet_not_bound", "POST", "/v1/chores/"+choreID+"/claims", tok, nil)
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	ch := p.expect(http.StatusOK, "", "GET", "/v1/me/wallet/challenge", tok, nil)
	p.expect(http.StatusOK, "", "PUT", "/v1/me/wallet", tok, map[string]any{"address": addr.Hex(),
		"signature": hexSig(t, key, ch["message"].(string)), "nonce": ch["nonce"]})

	near := p.expect(http.StatusOK, "", "GET", "/v1/chores?near=50.8820,5.9715&radius_m=500", tok, nil)
	if list := near["chores"].([]any); len(list) != 1 || list[0].(map[string]any)["id"] != choreID {
		t.Fatalf("the chore is not near: %v", near)
	}
	if far := p.expect(http.StatusOK, "", "GET", "/v1/chores?near=50.91,6.02&radius_m=500", tok, nil); len(far["chores"].([]any)) != 0 {
		t.Fatalf("a chore 5 km away is within 500 m: %v", far)
	}
	claim := p.expect(http.StatusCreated, "", "POST", "/v1/chores/"+choreID+"/claims", tok, nil)
	claimID := claim["id"].(string)
	p.expect(http.StatusConflict, "already_claimed", "POST", "/v1/chores/"+choreID+"/claims", tok, nil)

	t.Run("refused uploads store nothing", func(t *testing.T) { refusedUploads(t, p, tok, claimID) })

	up, body := p.upload("/v1/claims/"+claimID+"/proof", tok, [][]byte{phototest.JPEGWithGPS(64, 48, 1)}, "Twee zakken vol")
	if up != http.StatusOK || body["status"] != "submitted" || body["photo_count"] != float64(1) {
		t.Fatalf("proof: %d %v", up, body)
	}
	queue := p.expect(http.StatusOK, "", "GET", "/v1/admin/claims?status=submitted", reviewerTok, nil)
	if list := queue["claims"].([]any); len(list) != 1 || list[0].(map[string]any)["id"] != claimID {
		t.Fatalf("queue: %v", queue)
	}
	photo := p.photo(reviewerTok, claimID, 1)
	for _, m := range phototest.Segments(photo) {
		if m == 0xE1 {
			t.Fatal("the reviewer's photo still has an APP1 (EXIF) segment")
		}
	}
	if bytes.Contains(photo, []byte("Exif")) || bytes.Contains(photo, []byte(phototest.Marker)) {
		t.Fatal("the reviewer's photo still carries EXIF data")
	}
	if p.count(`SELECT count(*) FROM audit_log WHERE action = 'claim.photo_read'`) != 1 {
		t.Fatal("the photo view is not in the audit log")
	}

	p.expect(http.StatusForbidden, "own_chore", "POST", "/v1/admin/claims/"+claimID+"/approve", adminTok, nil)
	approvedAt := time.Now()
	p.expect(http.StatusOK, "", "POST", "/v1/admin/claims/"+claimID+"/approve", reviewerTok, nil)
	if bal := p.expect(http.StatusOK, "", "GET", "/v1/me/balance", tok, nil); bal["balance_cents"].(float64)+bal["pending_cents"].(float64) != 350 {
		t.Fatalf("right after approval the reward is neither balance nor pending: %v", bal)
	}
	p.waitFor("the reward on chain and in the balance", time.Minute, func() bool {
		bal := p.expect(http.StatusOK, "", "GET", "/v1/me/balance", tok, nil)
		return p.balanceOf(addr).Cmp(big.NewInt(350)) == 0 && bal["balance_cents"] == float64(350) && bal["pending_cents"] == float64(0)
	})
	t.Logf("reward on chain and in GET /v1/me/balance %s after approval", time.Since(approvedAt).Round(10*time.Millisecond))
	p.waitFor("the claim to be rewarded", time.Minute, func() bool {
		mine := p.expect(http.StatusOK, "", "GET", "/v1/me/claims", tok, nil)["claims"].([]any)[0].(map[string]any)
		return mine["status"] == "rewarded" && mine["tx_hash"] != nil
	})
	hist := p.expect(http.StatusOK, "", "GET", "/v1/me/transactions", tok, nil)["transactions"].([]any)
	if len(hist) != 1 || hist[0].(map[string]any)["kind"] != "reward" || hist[0].(map[string]any)["amount_cents"] != float64(350) {
		t.Fatalf("history: %v", hist)
	}
	if refs := p.mintedRefs(); len(refs) != 1 || refs[chores.ClaimRef(claimID)] != 1 {
		t.Fatalf("minted on chain: %v", refs)
	}
}

// refusedUploads sends a text file named .jpg, a photo over the size limit, a decompression bomb and four
// photos: each is refused with its 4xx code, and neither the photo folder nor the database changes.
func refusedUploads(t *testing.T, p *platform, tok, claimID string) {
	big := noisePNG(700, 700)
	if int64(len(big)) <= p.cfg.MaxPhotoBytes {
		t.Fatalf("the large fixture has only %d bytes", len(big))
	}
	good := phototest.JPEG(16, 16)
	for _, tc := range []struct {
		name   string
		photos [][]byte
		status int
		code   string
	}{
		{"text renamed .jpg", [][]byte{[]byte("Dit is geen foto.\n")}, http.StatusUnsupportedMediaType, "invalid_image"},
		{"over the size limit", [][]byte{good, big}, http.StatusRequestEntityTooLarge, "image_too_large"},
		{"decompression bomb", [][]byte{phototest.PNGBomb(50000, 50000)}, http.StatusUnprocessableEntity, "image_too_many_pixels"},
		{"four photos", [][]byte{good, good, good, good}, http.StatusBadRequest, "too_many_photos"},
		{"no photo", nil, http.StatusBadRequest, "photo_required"},
	} {
		status, body := p.upload("/v1/claims/"+claimID+"/proof", tok, tc.photos, "")
		if status != tc.status || errCode(body) != tc.code {
			t.Errorf("%s: %d %v, want %d %s", tc.name, status, body, tc.status, tc.code)
		}
	}
	entries, err := os.ReadDir(p.cfg.PhotoDir)
	if err != nil || len(entries) != 0 {
		t.Fatalf("the photo folder holds %d files (%v)", len(entries), err)
	}
	if n := p.count(`SELECT count(*) FROM claim_photos`); n != 0 {
		t.Fatalf("%d photo rows", n)
	}
	if n := p.count(`SELECT count(*) FROM claims WHERE id = $1 AND status = 'claimed'`, claimID); n != 1 {
		t.Fatal("a refused upload moved the claim")
	}
}

func noisePNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	x := uint32(88172645)
	for i := range img.Pix {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		img.Pix[i] = byte(x) | 0x01
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

// photo fetches a proof photo as a reviewer and checks the headers that keep it private.
func (p *platform) photo(token, claimID string, n int) []byte {
	p.tb.Helper()
	req, _ := http.NewRequestWithContext(p.ctx, http.MethodGet, p.base+"/v1/admin/claims/"+claimID+"/photos/"+itoa(n), nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		p.tb.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/jpeg" ||
		res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("X-Content-Type-Options") != "nosniff" {
		p.tb.Fatalf("photo: %d %v", res.StatusCode, res.Header)
	}
	return body
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }

// TestTwentyApprovalsMintOnce sends 20 approvals of one claim at once: all succeed, one intent is written
// and one Minted event with the claim's reference appears on chain, and no second one follows.
func TestTwentyApprovalsMintOnce(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.serve()
	reviewerTok := p.reviewer("keurder")
	r := p.residents(1)[0]
	claimID := p.submittedClaims([]resident{r}, p.chore(425, 2))[0]
	var wg sync.WaitGroup
	statuses := make([]int, 20)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i], _ = p.call("POST", "/v1/admin/claims/"+claimID+"/approve", reviewerTok, nil)
		}()
	}
	wg.Wait()
	for _, s := range statuses {
		if s != http.StatusOK {
			t.Fatalf("approval statuses: %v", statuses)
		}
	}
	p.waitFor("the claim to be rewarded", time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM claims WHERE id = $1 AND status = 'rewarded'`, claimID) == 1
	})
	p.waitBlocksIndexed(2) // in which a second mint would land
	if n := p.count(`SELECT count(*) FROM chain_intents WHERE kind = 'mint'`); n != 1 {
		t.Fatalf("%d mint intents", n)
	}
	if refs := p.mintedRefs(); len(refs) != 1 || refs[chores.ClaimRef(claimID)] != 1 {
		t.Fatalf("Minted events on chain: %v", refs)
	}
	if got := p.balanceOf(r.addr); got.Cmp(big.NewInt(425)) != 0 {
		t.Fatalf("balance on chain %s, want 425", got)
	}
}
