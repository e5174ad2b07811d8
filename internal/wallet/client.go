package wallet

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Client talks to the platform's API as the phone app does: it logs in, binds the device key, lists and
// claims chores, reads the balance and pays payment requests. After Login its methods may be called from
// several goroutines at once.
type Client struct {
	// BaseURL is the API's root, such as http://127.0.0.1:8080.
	BaseURL string
	// HTTP sends the requests; nil means a client with a 30 s timeout (event streams use no timeout).
	HTTP *http.Client

	mu    sync.Mutex
	token string
}

// NewClient returns a client of the API at baseURL.
func NewClient(baseURL string) *Client {
	return &Client{BaseURL: strings.TrimRight(baseURL, "/"), HTTP: &http.Client{Timeout: 30 * time.Second}}
}

// APIError is an error answer of the API: the HTTP status, the stable code and the message.
type APIError struct {
	Status  int
	Code    string
	Message string
	Field   string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("%s (%d): %s", e.Code, e.Status, e.Message)
}

// Token returns the access token of the last login ("" before).
func (c *Client) Token() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.token
}

// SetToken uses an access token obtained elsewhere.
func (c *Client) SetToken(token string) {
	c.mu.Lock()
	c.token = token
	c.mu.Unlock()
}

// call sends a JSON request (body nil for none) with the access token and the extra headers (name, value
// pairs), and decodes a 2xx answer into out (when not nil). Other answers are *APIError.
func (c *Client) call(ctx context.Context, method, path string, body, out any, headers ...string) error {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, r)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := c.send(req, false)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(res.Body, 4<<20))
	if err != nil {
		return err
	}
	if res.StatusCode >= 300 {
		return apiError(res.StatusCode, raw)
	}
	if out == nil || len(raw) == 0 {
		return nil
	}
	return json.Unmarshal(raw, out)
}

// send adds the access token and sends the request; a stream is sent without the client's timeout.
func (c *Client) send(req *http.Request, stream bool) (*http.Response, error) {
	if t := c.Token(); t != "" {
		req.Header.Set("Authorization", "Bearer "+t)
	}
	hc := c.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	if stream && hc.Timeout != 0 {
		copied := *hc
		copied.Timeout = 0
		hc = &copied
	}
	return hc.Do(req)
}

func apiError(status int, raw []byte) error {
	var env struct {
		Error struct {
			Code, Message, Field string
		} `json:"error"`
	}
	if json.Unmarshal(raw, &env) != nil || env.Error.Code == "" {
		return &APIError{Status: status, Code: "http_error", Message: strings.TrimSpace(string(raw))}
	}
	return &APIError{Status: status, Code: env.Error.Code, Message: env.Error.Message, Field: env.Error.Field}
}

// Register registers a resident under a made-up username and returns the account id; the account waits
// for approval by the municipality.
func (c *Client) Register(ctx context.Context, username, password string) (string, error) {
	var out struct {
		ID string `json:"id"`
	}
	err := c.call(ctx, http.MethodPost, "/v1/auth/register", map[string]string{"role": "resident", "username": username,
		"password": password}, &out)
	return out.ID, err
}

// Login logs in and keeps the access token for the next calls.
func (c *Client) Login(ctx context.Context, username, password string) error {
	var out struct {
		AccessToken string `json:"access_token"`
	}
	if err := c.call(ctx, http.MethodPost, "/v1/auth/login", map[string]string{"username": username, "password": password}, &out); err != nil {
		return err
	}
	c.SetToken(out.AccessToken)
	return nil
}

// BindWallet binds the key's address to the logged-in resident: it asks for a challenge, signs it on the
// device (EIP-191) and sends address and signature. It returns the bound address as the API writes it.
func (c *Client) BindWallet(ctx context.Context, key *Key) (string, error) {
	var ch struct {
		Nonce   string `json:"nonce"`
		Message string `json:"message"`
	}
	if err := c.call(ctx, http.MethodGet, "/v1/me/wallet/challenge", nil, &ch); err != nil {
		return "", err
	}
	sig, err := key.SignMessage(ch.Message)
	if err != nil {
		return "", err
	}
	var out struct {
		WalletAddress string `json:"wallet_address"`
	}
	err = c.call(ctx, http.MethodPut, "/v1/me/wallet", map[string]string{"address": key.Address().Hex(),
		"signature": "0x" + hex.EncodeToString(sig), "nonce": ch.Nonce}, &out)
	return out.WalletAddress, err
}

// Chore is an open chore as residents see it. Amounts are in cents.
type Chore struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	RewardCents int64     `json:"reward_cents"`
	PlacesLeft  int       `json:"places_left"`
	Status      string    `json:"status"`
	ClosesAt    time.Time `json:"closes_at"`
}

// Claim is a resident's claim on a chore.
type Claim struct {
	ID          string `json:"id"`
	ChoreID     string `json:"chore_id"`
	Status      string `json:"status"`
	RewardCents int64  `json:"reward_cents"`
}

// Chores lists the open chores, newest first.
func (c *Client) Chores(ctx context.Context) ([]Chore, error) {
	var out struct {
		Chores []Chore `json:"chores"`
	}
	err := c.call(ctx, http.MethodGet, "/v1/chores", nil, &out)
	return out.Chores, err
}

// ClaimChore claims a place on a chore.
func (c *Client) ClaimChore(ctx context.Context, choreID string) (Claim, error) {
	var out Claim
	err := c.call(ctx, http.MethodPost, "/v1/chores/"+choreID+"/claims", nil, &out)
	return out, err
}

// Balance is what the indexer has seen arrive at the wallet, the rewards on their way, and what the wallet
// may pay now, in cents.
type Balance struct {
	Address        string `json:"address"`
	BalanceCents   int64  `json:"balance_cents"`
	PendingCents   int64  `json:"pending_cents"`
	SpendableCents int64  `json:"spendable_cents"`
}

// Balance reads the logged-in resident's balance.
func (c *Client) Balance(ctx context.Context) (Balance, error) {
	var out Balance
	err := c.call(ctx, http.MethodGet, "/v1/me/balance", nil, &out)
	return out, err
}
