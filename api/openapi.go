package api

import (
	_ "embed"
	"encoding/json"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/heerlen/heitje/api/middleware"
)

// openAPIDocument is the committed, generated api/openapi.json. `make generate` rewrites it from the route
// table and a test fails when it drifts.
//
//go:embed openapi.json
var openAPIDocument []byte

func (s *Server) openAPI(c *gin.Context) {
	c.Data(http.StatusOK, "application/json", openAPIDocument)
}

// OpenAPI builds the OpenAPI 3.1 document from the route table. It follows the Dutch government's API
// Design Rules (Logius' ADR linter, api/adr/): the version in the server URL (/v1) and in an API-Version
// header on every success, a contact, semantic versioning, 400 answers documented, problem details
// (RFC 9457) as an error format, lower camelCase query keys, dates with a date format.
func OpenAPI() ([]byte, error) {
	s := &Server{}
	paths := map[string]map[string]any{}
	for _, rt := range s.routes() {
		p := strings.TrimPrefix(ginPathToOpenAPI(rt.Path), apiBase)
		if paths[p] == nil {
			paths[p] = map[string]any{}
			if !strings.HasPrefix(rt.Path, apiBase+"/") { // /healthz, /readyz: beside the versioned API
				paths[p]["servers"] = []any{map[string]any{"url": "/", "description": "The host's root, outside the versioned API."}}
			}
		}
		op := map[string]any{
			"summary":     rt.Summary,
			"operationId": operationID(rt.Method, rt.Path),
			"responses": map[string]any{
				"default": map[string]any{"description": "An error, with the status and stable code that api/problem maps it to.", "content": errorContent()},
			},
		}
		status := rt.Status
		if status == 0 {
			status = http.StatusOK
		}
		ok := map[string]any{"description": "Success.", "headers": map[string]any{
			"API-Version": map[string]any{"$ref": "#/components/headers/API-Version"}}}
		if status == http.StatusNoContent {
			ok["description"] = "Done; no body."
		} else if rt.Events != nil {
			ok["description"] = "A stream of server-sent events; each event's name is its status and its data is this JSON object."
			ok["content"] = map[string]any{"text/event-stream": map[string]any{"schema": map[string]any{"type": "string"},
				"x-event-data": schemaOf(reflect.TypeOf(rt.Events))}}
		} else if rt.Produces != "" {
			ok["content"] = map[string]any{rt.Produces: map[string]any{"schema": map[string]any{"type": "string"}}}
		} else if rt.Response != nil {
			ok["content"] = map[string]any{"application/json": map[string]any{"schema": schemaOf(reflect.TypeOf(rt.Response))}}
		}
		op["responses"].(map[string]any)[strconv.Itoa(status)] = ok
		if rt.Request != nil {
			mediaType := "application/json"
			if f, ok := rt.Request.(interface{ contentType() string }); ok {
				mediaType = f.contentType() // a form body, such as proof photos
			}
			op["requestBody"] = map[string]any{"required": !rt.BodyOptional, "content": map[string]any{
				mediaType: map[string]any{"schema": schemaOf(reflect.TypeOf(rt.Request))}}}
		}
		params := pathParams(rt.Path)
		for _, q := range rt.Query {
			params = append(params, map[string]any{"name": q, "in": "query", "required": false, "schema": map[string]any{"type": "string"}})
		}
		for _, h := range rt.Headers {
			params = append(params, map[string]any{"name": h.Name, "in": "header", "required": h.Required, "description": h.Doc,
				"schema": map[string]any{"type": "string", "minLength": 1, "maxLength": 255}})
		}
		if len(params) > 0 {
			op["parameters"] = params
		}
		if len(params) > 0 || rt.Request != nil || rt.Method != http.MethodGet {
			op["responses"].(map[string]any)["400"] = map[string]any{"description": "The request is not valid: a malformed body, " +
				"parameter or header, or a value out of bounds; nothing was changed. The error names the field where it can (field).",
				"content": errorContent()}
		}
		if rt.Who != middleware.Public {
			op["security"] = []any{map[string]any{"bearer": []any{}}}
			op["x-callers"] = rt.Who.String()
		}
		if rt.Privilege != "" {
			op["x-privilege"] = string(rt.Privilege)
		}
		paths[p][strings.ToLower(rt.Method)] = op
	}
	doc := map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "Heerlens Heitje API",
			"version": APIVersion,
			"description": "Residents earn a local coin for small jobs for the municipality and spend it at local shops. " +
				"Errors are {\"error\": {\"code\", \"message\"}} (application/json), or problem details (RFC 9457, " +
				"application/problem+json, with the same code) for a client that sends Accept: application/problem+json. " +
				"Every answer carries the API's full version in the API-Version header. A page for people: /docs.",
			"contact": map[string]any{"name": "Gemeente Heerlen, Heerlens Heitje", "email": "heitje@heerlen.nl", "url": "https://www.heerlen.nl"},
		},
		"servers": []any{map[string]any{"url": apiBase, "description": "This installation's API, relative to the host that serves this document."}},
		"paths":   paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
			"headers": map[string]any{"API-Version": map[string]any{"description": "The API's full version (semantic versioning).",
				"required": true, "schema": map[string]any{"type": "string", "example": APIVersion}}},
			"schemas": map[string]any{"Problem": problemSchema(), "Error": map[string]any{
				"type": "object", "required": []string{"error"},
				"properties": map[string]any{"error": map[string]any{"type": "object", "required": []string{"code", "message"},
					"properties": map[string]any{"code": map[string]any{"type": "string"}, "message": map[string]any{"type": "string"},
						"reason": map[string]any{"type": "string", "description": "account_suspended at sign-in: why the municipality suspended the account, as staff wrote it for the person"}}}},
			}},
		},
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func ginPathToOpenAPI(p string) string {
	parts := strings.Split(p, "/")
	for i, part := range parts {
		if strings.HasPrefix(part, ":") {
			parts[i] = "{" + part[1:] + "}"
		}
	}
	return strings.Join(parts, "/")
}

func pathParams(p string) []any {
	var out []any
	for _, part := range strings.Split(p, "/") {
		if strings.HasPrefix(part, ":") {
			out = append(out, map[string]any{"name": part[1:], "in": "path", "required": true, "schema": map[string]any{"type": "string"}})
		}
	}
	return out
}

func operationID(method, path string) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(method))
	for _, part := range strings.FieldsFunc(path, func(r rune) bool { return r == '/' || r == '-' || r == '.' || r == ':' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

// schemaOf describes a Go type as a JSON schema, following its json tags.
func schemaOf(t reflect.Type) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem())}
	case reflect.Struct:
		if t.PkgPath() == "time" && t.Name() == "Time" {
			return map[string]any{"type": "string", "format": "date-time"}
		}
		props := map[string]any{}
		var required []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			props[name] = schemaOf(f.Type)
			if format := f.Tag.Get("format"); format != "" {
				props[name].(map[string]any)["format"] = format
			}
			if doc := f.Tag.Get("doc"); doc != "" {
				props[name].(map[string]any)["description"] = doc
			}
			if !strings.Contains(opts, "omitempty") {
				required = append(required, name)
			}
		}
		sort.Strings(required)
		s := map[string]any{"type": "object", "properties": props}
		if len(required) > 0 {
			s["required"] = required
		}
		return s
	}
	return map[string]any{}
}

// apiBase is the versioned API's prefix: the document's server URL, so that its paths are relative to it.
const apiBase = "/v1"

// errorContent is an error answer's body: the error envelope, or problem details when asked for.
func errorContent() map[string]any {
	return map[string]any{
		"application/json":         map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}},
		"application/problem+json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Problem"}},
	}
}

// problemSchema is the body of an error as problem details (RFC 9457), with the envelope's code.
func problemSchema() map[string]any {
	str := func(doc string) map[string]any { return map[string]any{"type": "string", "description": doc} }
	return map[string]any{"type": "object", "required": []string{"type", "title", "status", "detail", "code"},
		"properties": map[string]any{
			"type":   str("about:blank: the status and code say what happened."),
			"title":  str("The HTTP status's phrase."),
			"status": map[string]any{"type": "integer", "description": "The HTTP status."},
			"detail": str("What went wrong, for the developer; the same text as the envelope's message."),
			"code":   str("The stable code, as in the envelope."),
			"field":  str("The request field at fault, for validation errors."),
			"reason": str("account_suspended at sign-in: why the municipality suspended the account."),
		}}
}

// Document is the committed OpenAPI document (GET /v1/openapi.json), for the page at /docs.
func Document() []byte { return openAPIDocument }
