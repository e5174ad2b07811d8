package api

import (
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/heerlen/heitje/api/middleware"
)

// Deps are the services the handlers call.
type Deps struct {
	Log    *slog.Logger
	Status Status
}

// Server holds the handlers' dependencies.
type Server struct {
	deps Deps
}

// route is one entry of the route table: the whole HTTP surface is the list in routes().
type route struct {
	Method  string
	Path    string
	Summary string
	// Public routes need no token.
	Public bool
	// Response is an example value of the success body, for the OpenAPI document.
	Response any
	Handler  gin.HandlerFunc
}

// routes is every route of the API, in one place.
func (s *Server) routes() []route {
	return []route{
		{Method: http.MethodGet, Path: "/healthz", Summary: "Liveness: the process answers.", Public: true, Response: healthResponse{}, Handler: s.healthz},
		{Method: http.MethodGet, Path: "/readyz", Summary: "Readiness: database reachable, chain id as in genesis.json, latest block, indexer lag.", Public: true, Response: readiness{}, Handler: s.readyz},
		{Method: http.MethodGet, Path: "/metrics", Summary: "Prometheus metrics.", Public: true, Handler: gin.WrapH(promhttp.Handler())},
		{Method: http.MethodGet, Path: "/v1/chain", Summary: "What a wallet needs to know: chain id, token address, latest block.", Public: true, Response: chainResponse{}, Handler: s.chainInfo},
		{Method: http.MethodGet, Path: "/v1/openapi.json", Summary: "This API's OpenAPI document.", Public: true, Handler: s.openAPI},
	}
}

// New returns the HTTP handler with every route and the middleware.
func New(deps Deps) http.Handler {
	gin.SetMode(gin.ReleaseMode)
	s := &Server{deps: deps}
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.Use(middleware.RequestID(deps.Log), middleware.AccessLog(), middleware.Recover())
	for _, rt := range s.routes() {
		r.Handle(rt.Method, rt.Path, rt.Handler)
	}
	r.NoRoute(func(c *gin.Context) { writeError(c, Errorf(http.StatusNotFound, "not_found", "no such resource")) })
	r.NoMethod(func(c *gin.Context) {
		writeError(c, Errorf(http.StatusMethodNotAllowed, "method_not_allowed", "this method is not allowed here"))
	})
	return r
}
