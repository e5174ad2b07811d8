package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/secrets"
)

// TestBusyHasherAnswers503WithRetryAfter: when the password hasher has no turn free (secrets.ErrBusy,
// also wrapped), the client gets 503 with the code busy and Retry-After, so it knows to try again shortly.
func TestBusyHasherAnswers503WithRetryAfter(t *testing.T) {
	t.Parallel()
	gin.SetMode(gin.TestMode)
	for _, err := range []error{secrets.ErrBusy, fmt.Errorf("accounts: login: %w", secrets.ErrBusy)} {
		w := httptest.NewRecorder()
		c, _ := gin.CreateTestContext(w)
		c.Request = httptest.NewRequest(http.MethodPost, "/v1/auth/login", nil)
		respondError(c, err)
		var body envelope
		if jerr := json.Unmarshal(w.Body.Bytes(), &body); jerr != nil {
			t.Fatal(jerr)
		}
		if w.Code != http.StatusServiceUnavailable || body.Error.Code != "busy" || w.Header().Get("Retry-After") != "1" {
			t.Fatalf("%v: %d %+v Retry-After %q", err, w.Code, body, w.Header().Get("Retry-After"))
		}
	}
}
