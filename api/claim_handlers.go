package api

import (
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/photos"
)

// claimView is a claim as its resident and the reviewers see it. It names no resident: reviewers judge
// the work, not the person.
type claimView struct {
	ID           string     `json:"id"`
	ChoreID      string     `json:"chore_id"`
	ChoreTitle   string     `json:"chore_title"`
	Status       string     `json:"status"`
	RewardCents  int64      `json:"reward_cents"`
	Note         string     `json:"note,omitempty"`
	InfoRequest  string     `json:"info_request,omitempty"`
	RejectReason string     `json:"reject_reason,omitempty"`
	PhotoCount   int        `json:"photo_count"`
	ProofDueAt   *time.Time `json:"proof_due_at,omitempty"`
	ClaimedAt    time.Time  `json:"claimed_at"`
	SubmittedAt  *time.Time `json:"submitted_at,omitempty"`
	DecidedAt    *time.Time `json:"decided_at,omitempty"`
	// MintStatus is where the reward's mint is: queued, sent, confirmed or failed.
	MintStatus string     `json:"mint_status,omitempty"`
	TxHash     string     `json:"tx_hash,omitempty"`
	RewardedAt *time.Time `json:"rewarded_at,omitempty"`
}

type claimList struct {
	Claims []claimView `json:"claims"`
}

// proofForm documents the multipart/form-data body of POST /v1/claims/{id}/proof.
type proofForm struct {
	// Photo is one to three parts named photo, each a JPEG, PNG or WebP image.
	Photo []string `json:"photo"`
	Note  string   `json:"note,omitempty"`
}

func (proofForm) contentType() string { return "multipart/form-data" }

func viewClaim(cl chores.Claim) claimView {
	return claimView{ID: cl.ID, ChoreID: cl.ChoreID, ChoreTitle: cl.ChoreTitle, Status: string(cl.Status),
		RewardCents: cl.RewardCents, Note: cl.Note, InfoRequest: cl.InfoRequest, RejectReason: cl.RejectReason,
		PhotoCount: cl.PhotoCount, ProofDueAt: cl.ProofDueAt, ClaimedAt: cl.ClaimedAt, SubmittedAt: cl.SubmittedAt,
		DecidedAt: cl.DecidedAt, MintStatus: string(cl.MintStatus), TxHash: cl.TxHash, RewardedAt: cl.RewardedAt}
}

func viewClaims(list []chores.Claim) claimList {
	out := claimList{Claims: make([]claimView, 0, len(list))}
	for _, cl := range list {
		out.Claims = append(out.Claims, viewClaim(cl))
	}
	return out
}

func (s *Server) claimChore(c *gin.Context) {
	cl, err := s.deps.Chores.ClaimChore(c.Request.Context(), middleware.CurrentPrincipal(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusCreated, viewClaim(cl))
}

func (s *Server) myClaims(c *gin.Context) {
	limit, offset, err := queryPage(c, chores.DefaultLimit)
	if err != nil {
		respondError(c, err)
		return
	}
	list, err := s.deps.Chores.ResidentClaims(c.Request.Context(), middleware.CurrentPrincipal(c), limit, offset)
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, viewClaims(list))
}

// submitProof checks the claim and its owner before it reads a byte of the upload: someone else's claim,
// or none, is refused without taking in the photos. Only then does the upload get its own, longer time to
// arrive (Limits.UploadTimeout).
func (s *Server) submitProof(c *gin.Context) {
	p, id := middleware.CurrentPrincipal(c), c.Param("id")
	if err := s.deps.Chores.CheckProof(c.Request.Context(), p, id); err != nil {
		respondError(c, err)
		return
	}
	s.extendForUpload(c)
	uploads, note, err := readProof(c, s.maxPhotoBytes())
	if err != nil {
		respondError(c, err)
		return
	}
	cl, err := s.deps.Chores.SubmitProof(c.Request.Context(), p, id, note, uploads)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewClaim(cl))
}

func (s *Server) withdrawClaim(c *gin.Context) {
	cl, err := s.deps.Chores.Withdraw(c.Request.Context(), middleware.CurrentPrincipal(c), c.Param("id"))
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewClaim(cl))
}

func (s *Server) maxPhotoBytes() int64 {
	if s.deps.MaxPhotoBytes > 0 {
		return s.deps.MaxPhotoBytes
	}
	return photos.DefaultLimits.MaxBytes
}

// readProof reads the multipart body of a proof upload part by part, holding at most maxPhoto+1 bytes of
// each photo: a photo over the limit is refused as soon as it passes it, a fourth photo before it is read.
func readProof(c *gin.Context, maxPhoto int64) ([][]byte, string, error) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, chores.MaxPhotosPerUpload*(maxPhoto+4096)+maxBody)
	mr, err := c.Request.MultipartReader()
	if err != nil {
		return nil, "", Errorf(http.StatusBadRequest, "invalid_multipart", "the body must be multipart/form-data with 1 to 3 parts named photo and an optional note")
	}
	var uploads [][]byte
	var note string
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return uploads, note, nil
		}
		var sizeErr *http.MaxBytesError
		if errors.As(err, &sizeErr) {
			return nil, "", photos.ErrTooLarge
		}
		if timedOut(err) {
			return nil, "", errBodyTimeout
		}
		if err != nil {
			return nil, "", Errorf(http.StatusBadRequest, "invalid_multipart", "the multipart body is malformed")
		}
		switch part.FormName() {
		case "photo":
			if len(uploads) == chores.MaxPhotosPerUpload {
				return nil, "", chores.ErrTooManyPhotos
			}
			data, err := io.ReadAll(io.LimitReader(part, maxPhoto+1))
			if errors.As(err, &sizeErr) || int64(len(data)) > maxPhoto {
				return nil, "", photos.ErrTooLarge
			}
			if timedOut(err) {
				return nil, "", errBodyTimeout
			}
			if err != nil {
				return nil, "", Errorf(http.StatusBadRequest, "invalid_multipart", "the multipart body is malformed")
			}
			uploads = append(uploads, data)
		case "note":
			b, err := io.ReadAll(io.LimitReader(part, 4*chores.MaxNoteLen+1))
			if timedOut(err) {
				return nil, "", errBodyTimeout
			}
			if err != nil || len(b) > 4*chores.MaxNoteLen {
				e := Errorf(http.StatusBadRequest, "validation_failed", "note has at most 1000 characters")
				e.Field = "note"
				return nil, "", e
			}
			note = string(b)
		default:
			e := Errorf(http.StatusBadRequest, "validation_failed", part.FormName()+" is not a field of this request")
			e.Field = part.FormName()
			return nil, "", e
		}
	}
}
