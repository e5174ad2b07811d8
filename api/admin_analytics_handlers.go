package api

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/privacy"
)

func (s *Server) earnings(c *gin.Context) { s.analytics(c, s.deps.Privacy.Earnings) }

func (s *Server) spending(c *gin.Context) { s.analytics(c, s.deps.Privacy.Spending) }

// analytics answers one anonymised dataset as JSON, or as CSV with ?format=csv (suppressed cells empty).
func (s *Server) analytics(c *gin.Context, run func(context.Context, accounts.Actor, string, string) (privacy.Aggregate, error)) {
	format := c.DefaultQuery("format", "json")
	if format != "json" && format != "csv" {
		e := Errorf(http.StatusBadRequest, "validation_failed", "format must be json or csv")
		e.Field = "format"
		respondError(c, e)
		return
	}
	agg, err := run(c.Request.Context(), actor(c), c.Query("from"), c.Query("to"))
	if err != nil {
		respondError(c, err)
		return
	}
	noStore(c)
	if format == "json" {
		c.JSON(http.StatusOK, agg)
		return
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"month", agg.GroupBy, "count", "cents", "suppressed"})
	for _, cell := range agg.Cells {
		count, cents := "", ""
		if cell.Count != nil {
			count, cents = strconv.FormatInt(*cell.Count, 10), strconv.FormatInt(*cell.Cents, 10)
		}
		w.Write([]string{cell.Month, cell.Group, count, cents, strconv.FormatBool(cell.Suppressed)})
	}
	w.Flush()
	c.Header("Content-Disposition", `attachment; filename="heitje-`+agg.Dataset+`-`+agg.From+`-`+agg.To+`.csv"`)
	c.Data(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
}
