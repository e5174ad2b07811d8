package api

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/photos"
)

// rejectRequest carries the reason of a rejection, which the resident sees; it is required.
type rejectRequest struct {
	Reason string `json:"reason"`
}

// infoRequest carries the reviewer's question to the resident; it is required.
type infoRequest struct {
	Message string `json:"message"`
}

func (s *Server) reviewQueue(c *gin.Context) {
	limit, offset, err := queryPage(c, chores.DefaultLimit)
	if err != nil {
		respondError(c, err)
		return
	}
	list, err := s.deps.Chores.Queue(c.Request.Context(), actor(c), chores.ClaimStatus(c.Query("status")), limit, offset)
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewClaims(list))
}

func (s *Server) approveClaim(c *gin.Context) {
	cl, err := s.deps.Chores.Approve(c.Request.Context(), actor(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewClaim(cl))
}

func (s *Server) rejectClaim(c *gin.Context) {
	var req rejectRequest
	if err := bindOptionalJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	cl, err := s.deps.Chores.Reject(c.Request.Context(), actor(c), c.Param("id"), req.Reason)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewClaim(cl))
}

func (s *Server) requestInfo(c *gin.Context) {
	var req infoRequest
	if err := bindOptionalJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	cl, err := s.deps.Chores.RequestInfo(c.Request.Context(), actor(c), c.Param("id"), req.Message)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewClaim(cl))
}

// claimPhoto serves one proof photo to a reviewer. The bytes are the re-encoded ones (no metadata); the
// response is never cached and never sniffed into something else.
func (s *Server) claimPhoto(c *gin.Context) {
	n, err := strconv.Atoi(c.Param("n"))
	if err != nil || n < 1 || n > chores.MaxPhotosPerClaim {
		e := Errorf(http.StatusBadRequest, "validation_failed", fmt.Sprintf("n must be a photo number from 1 to %d", chores.MaxPhotosPerClaim))
		e.Field = "n"
		respondError(c, e)
		return
	}
	ph, err := s.deps.Chores.ReviewPhoto(c.Request.Context(), actor(c), c.Param("id"), n)
	if err != nil {
		respondError(c, err)
		return
	}
	ext := "jpg"
	if ph.ContentType == photos.TypePNG {
		ext = "png"
	}
	noStore(c)
	c.Header("X-Content-Type-Options", "nosniff")
	c.Header("Content-Security-Policy", "default-src 'none'")
	c.Header("Content-Disposition", fmt.Sprintf(`inline; filename="proof-%d.%s"`, n, ext))
	c.Data(http.StatusOK, ph.ContentType, ph.Data)
}
