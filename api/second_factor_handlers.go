package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/accounts"
)

// secondFactorView is a staff member's second factor: enrolled or not, since when, and how many of the
// recovery codes are still unused. Until one is enrolled none of their privileges takes effect.
type secondFactorView struct {
	Enrolled          bool       `json:"enrolled"`
	EnrolledAt        *time.Time `json:"enrolled_at,omitempty"`
	RecoveryCodesLeft int        `json:"recovery_codes_left"`
}

// enrolmentView is a started enrolment: the secret to type into an authenticator app, and the otpauth://
// URI to show as a QR code.
type enrolmentView struct {
	Secret     string `json:"secret" example:"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"`
	OTPAuthURI string `json:"otpauth_uri" example:"otpauth://totp/Heerlens%20Heitje:beheerder?algorithm=SHA1&digits=6&issuer=Heerlens+Heitje&period=30&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"`
	Period     int    `json:"period" doc:"seconds per code" example:"30"`
	Digits     int    `json:"digits" example:"6"`
	Algorithm  string `json:"algorithm" example:"SHA1"`
}

// secondFactorConfirmRequest confirms an enrolment with a code the app shows now.
type secondFactorConfirmRequest struct {
	Code string `json:"code" example:"123456"`
}

// recoveryCodesView are the recovery codes of an enrolment, shown this once: each signs in once instead of
// a code of the app.
type recoveryCodesView struct {
	RecoveryCodes []string `json:"recovery_codes" example:"abcd-efgh-jkmn-pqrs"`
}

func (s *Server) mySecondFactor(c *gin.Context) {
	st, err := s.deps.Accounts.SecondFactorStatus(c.Request.Context(), middleware.CurrentPrincipal(c))
	if err != nil {
		respondError(c, err)
		return
	}
	c.JSON(http.StatusOK, secondFactorView{Enrolled: st.Enrolled, EnrolledAt: st.EnrolledAt, RecoveryCodesLeft: st.RecoveryCodesLeft})
}

func (s *Server) startSecondFactor(c *gin.Context) {
	e, err := s.deps.Accounts.StartSecondFactor(c.Request.Context(), middleware.CurrentPrincipal(c))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, enrolmentView{Secret: e.Secret, OTPAuthURI: e.URI, Period: accounts.TOTPPeriod, Digits: 6, Algorithm: "SHA1"})
}

func (s *Server) confirmSecondFactor(c *gin.Context) {
	var req secondFactorConfirmRequest
	if err := bindJSON(c, &req); err != nil {
		respondError(c, err)
		return
	}
	codes, err := s.deps.Accounts.ConfirmSecondFactor(c.Request.Context(), middleware.CurrentPrincipal(c), req.Code)
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	c.JSON(http.StatusOK, recoveryCodesView{RecoveryCodes: codes})
}

// resetSecondFactor is an administrator's reset of a staff member's second factor (reason required).
func (s *Server) resetSecondFactor(c *gin.Context) {
	s.setStaffStatus(c, s.deps.Accounts.ResetSecondFactor)
}
