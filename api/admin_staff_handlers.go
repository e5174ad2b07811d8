package api

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/accounts"
)

// staffView is a staff account; status is approved (active) or disabled. last_login_at (in the listing,
// for the periodic access review: who holds which privileges and still uses them) is absent when there was
// no login within the sessions' retention period.
type staffView struct {
	ID          string     `json:"id"`
	Username    string     `json:"username"`
	Status      string     `json:"status"`
	Privileges  []string   `json:"privileges"`
	CreatedAt   time.Time  `json:"created_at"`
	LastLoginAt *time.Time `json:"last_login_at,omitempty"`
}

type staffList struct {
	Staff []staffView `json:"staff"`
}

type createStaffRequest struct {
	Username   string   `json:"username"`
	Password   string   `json:"password"`
	Privileges []string `json:"privileges"`
}

// permissionsRequest replaces a staff member's privileges; reason is optional and goes into the audit log.
type permissionsRequest struct {
	Privileges []string `json:"privileges"`
	Reason     string   `json:"reason,omitempty"`
}

func viewStaff(a accounts.Account) staffView {
	return staffView{ID: a.ID, Username: a.Username, Status: string(a.Status), Privileges: privilegeNames(a.Privileges),
		CreatedAt: a.CreatedAt, LastLoginAt: a.LastLoginAt}
}

func privileges(names []string) []accounts.Privilege {
	out := make([]accounts.Privilege, len(names))
	for i, n := range names {
		out[i] = accounts.Privilege(n)
	}
	return out
}

func (s *Server) listStaff(c *gin.Context) {
	limit, offset, err := queryPage(c, accounts.MaxList)
	if err != nil {
		respondError(c, err)
		return
	}
	list, err := s.deps.Accounts.ListStaff(c.Request.Context(), actor(c), limit, offset)
	if err != nil {
		respondError(c, err)
		return
	}
	out := staffList{Staff: make([]staffView, 0, len(list))}
	for _, a := range list {
		out.Staff = append(out.Staff, viewStaff(a))
	}
	c.JSON(http.StatusOK, out)
}

func (s *Server) createStaff(c *gin.Context) {
	var req createStaffRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	a, err := s.deps.Accounts.CreateStaff(c.Request.Context(), actor(c), req.Username, req.Password, privileges(req.Privileges))
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusCreated, viewStaff(a))
}

func (s *Server) setPermissions(c *gin.Context) {
	var req permissionsRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	a, err := s.deps.Accounts.SetPrivileges(c.Request.Context(), actor(c), c.Param("id"), privileges(req.Privileges), req.Reason)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewStaff(a))
}

// staffStatusRequest disables or enables a staff account; the reason is required and goes into the audit log.
type staffStatusRequest struct {
	Reason string `json:"reason"`
}

func (s *Server) disableStaff(c *gin.Context) { s.setStaffStatus(c, s.deps.Accounts.DisableStaff) }

func (s *Server) enableStaff(c *gin.Context) { s.setStaffStatus(c, s.deps.Accounts.EnableStaff) }

func (s *Server) setStaffStatus(c *gin.Context, set func(context.Context, accounts.Actor, string, string) (accounts.Account, error)) {
	var req staffStatusRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	a, err := set(c.Request.Context(), actor(c), c.Param("id"), req.Reason)
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, viewStaff(a))
}
