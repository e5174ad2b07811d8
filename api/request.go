package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
	"github.com/heerlen/heitje/internal/accounts"
)

// maxBody is the largest JSON body the API reads.
const maxBody = 64 << 10

// bindJSON decodes the request body into dst: one JSON object, at most maxBody bytes, no unknown fields
// (so a request carrying, say, a private key is refused rather than silently ignored). Errors are API
// errors: invalid_json, validation_failed naming the field, body_too_large, or request_timeout for a body
// that did not arrive before the request's read deadline.
func bindJSON(c *gin.Context, dst any) error {
	dec := json.NewDecoder(http.MaxBytesReader(c.Writer, c.Request.Body, maxBody))
	dec.DisallowUnknownFields()
	err := dec.Decode(dst)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			return Errorf(http.StatusBadRequest, "invalid_json", "the body must be exactly one JSON object")
		}
		return nil
	}
	var (
		typeErr *json.UnmarshalTypeError
		sizeErr *http.MaxBytesError
	)
	switch {
	case timedOut(err):
		return errBodyTimeout
	case errors.As(err, &sizeErr):
		return Errorf(http.StatusRequestEntityTooLarge, "body_too_large", "the body is larger than 64 KiB")
	case errors.As(err, &typeErr) && typeErr.Field == "":
		return Errorf(http.StatusBadRequest, "invalid_json", "the body must be a JSON object")
	case errors.As(err, &typeErr):
		e := Errorf(http.StatusBadRequest, "validation_failed", typeErr.Field+" has the wrong JSON type")
		e.Field = typeErr.Field
		return e
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		e := Errorf(http.StatusBadRequest, "validation_failed", field+" is not a field of this request")
		e.Field = field
		return e
	}
	return Errorf(http.StatusBadRequest, "invalid_json", "the body is not valid JSON")
}

// bindOptionalJSON is bindJSON for a body that may be left out.
func bindOptionalJSON(c *gin.Context, dst any) error {
	if c.Request.ContentLength == 0 {
		return nil
	}
	return bindJSON(c, dst)
}

// actor is the staff member making the request, for the audit log.
func actor(c *gin.Context) accounts.Actor {
	return accounts.Actor{Principal: middleware.CurrentPrincipal(c), RequestID: middleware.GetRequestID(c), SourceIP: c.ClientIP()}
}

// queryInt reads a non-negative whole-number query parameter; def when absent.
func queryInt(c *gin.Context, name string, def int) (int, error) {
	v := c.Query(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		e := Errorf(http.StatusBadRequest, "validation_failed", name+" must be a whole number")
		e.Field = name
		return 0, e
	}
	return n, nil
}

// queryKey is the name under which the request gives a query parameter: its documented lower camelCase
// name, or the snake_case name it had before the API followed the NL API Design Rules, which clients may
// still send.
func queryKey(c *gin.Context, name, former string) string {
	if _, ok := c.GetQuery(name); !ok {
		if _, ok := c.GetQuery(former); ok {
			return former
		}
	}
	return name
}

// queryPage reads the paging parameters limit (defLimit when absent) and offset (0 when absent).
func queryPage(c *gin.Context, defLimit int) (limit, offset int, err error) {
	if limit, err = queryInt(c, "limit", defLimit); err != nil {
		return 0, 0, err
	}
	offset, err = queryInt(c, "offset", 0)
	return limit, offset, err
}

// noStore marks a response that carries tokens or personal data as not to be cached.
func noStore(c *gin.Context) { c.Header("Cache-Control", "no-store") }
