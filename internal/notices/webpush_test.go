package notices_test

import (
	"context"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/notices"
)

// TestWebPushReachesPublicAddressesOnly: the endpoints come from browsers, so from anybody; the sender's
// own client refuses to post to this machine or a private network, and the push service there hears nothing.
func TestWebPushReachesPublicAddressesOnly(t *testing.T) {
	pub, err := notices.VAPIDPublicKey(testVAPIDKey)
	if err != nil {
		t.Fatal(err)
	}
	ps := startPushService(t, pub)
	sender, err := notices.NewWebPush(testVAPIDKey, "https://heitje.example/contact", nil)
	if err != nil {
		t.Fatal(err)
	}
	sub := ps.subscribe("local")
	err = sender.Push(context.Background(), sub, []byte(`{"title":"t","body":"b","url":"/"}`))
	if err == nil || !strings.Contains(err.Error(), "may not be at 127.0.0.1") {
		t.Fatalf("a push to this machine: %v", err)
	}
	if got := ps.received("local"); len(got) != 0 || ps.refusals() != nil {
		t.Fatalf("the local push service was reached: %v %v", got, ps.refusals())
	}
	for _, bad := range [][2]string{{"not-a-key", "mailto:a@b.example"}, {testVAPIDKey, "a@b.example"}} {
		if _, err := notices.NewWebPush(bad[0], bad[1], nil); err == nil {
			t.Errorf("NewWebPush(%q, %q) took it", bad[0], bad[1])
		}
	}
}
