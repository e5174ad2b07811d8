package web

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ClientAddresses tells the address a request came from behind the reverse proxies the operator trusts
// (TRUSTED_PROXIES), the way the API's router does (gin's ClientIP): from a trusted proxy, the rightmost
// address of X-Forwarded-For that is not itself a trusted proxy (or X-Real-IP); from anyone else, the
// connection's own address, whatever headers it sends. The console's sign-in counts failed logins per
// client address with it, so behind a load balancer every member of staff does not share one address.
type ClientAddresses struct {
	trusted []netip.Prefix
}

// NewClientAddresses parses the trusted proxies: IP addresses or CIDR ranges.
func NewClientAddresses(trusted []string) (ClientAddresses, error) {
	var c ClientAddresses
	for _, t := range trusted {
		t = strings.TrimSpace(t)
		if p, err := netip.ParsePrefix(t); err == nil {
			c.trusted = append(c.trusted, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(t)
		if err != nil {
			return ClientAddresses{}, fmt.Errorf("web: trusted proxy %q is no IP address or CIDR range", t)
		}
		c.trusted = append(c.trusted, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return c, nil
}

// Of returns the client address of r.
func (c ClientAddresses) Of(r *http.Request) string {
	remote := r.RemoteAddr
	if host, _, err := net.SplitHostPort(remote); err == nil {
		remote = host
	}
	if !c.isTrusted(remote) {
		return remote
	}
	if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
		hops := strings.Split(xff, ",")
		for i := len(hops) - 1; i >= 0; i-- {
			hop := strings.TrimSpace(hops[i])
			if _, err := netip.ParseAddr(hop); err != nil {
				return remote
			}
			if i == 0 || !c.isTrusted(hop) {
				return hop
			}
		}
	}
	if real := strings.TrimSpace(r.Header.Get("X-Real-IP")); real != "" {
		if _, err := netip.ParseAddr(real); err == nil {
			return real
		}
	}
	return remote
}

func (c ClientAddresses) isTrusted(addr string) bool {
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return false
	}
	a = a.Unmap()
	for _, p := range c.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
