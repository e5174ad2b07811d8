package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/notices"
)

type pushKeyView struct {
	// PublicKey is the VAPID public key (base64url): pushManager.subscribe's applicationServerKey.
	PublicKey string `json:"publicKey"`
}

type pushKeys struct {
	P256dh string `json:"p256dh"`
	Auth   string `json:"auth"`
}

// pushSubscriptionRequest is the browser's PushSubscription as its toJSON() gives it.
type pushSubscriptionRequest struct {
	Endpoint string `json:"endpoint"`
	// ExpirationTime is the browser's (milliseconds since 1970, mostly null); it is read and not kept: a
	// push service answers 404 or 410 for an expired subscription, which deletes it.
	ExpirationTime *float64 `json:"expirationTime,omitempty"`
	Keys           pushKeys `json:"keys"`
}

type pushEndpointRequest struct {
	Endpoint string `json:"endpoint"`
}

func (s *Server) pushKey(c *gin.Context) {
	key, err := s.deps.Notices.PushKey()
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, pushKeyView{PublicKey: key})
}

func (s *Server) savePushSubscription(c *gin.Context) {
	var req pushSubscriptionRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	if err := s.deps.Notices.SavePushSubscription(c.Request.Context(), middleware.CurrentPrincipal(c).AccountID,
		notices.PushSubscription{Endpoint: req.Endpoint, P256dh: req.Keys.P256dh, Auth: req.Keys.Auth}); err != nil {
		respondError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (s *Server) deletePushSubscription(c *gin.Context) {
	var req pushEndpointRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	if err := s.deps.Notices.DeletePushSubscription(c.Request.Context(), middleware.CurrentPrincipal(c).AccountID, req.Endpoint); err != nil {
		respondError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
