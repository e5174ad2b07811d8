package api

import "github.com/gin-gonic/gin"

// APIVersion is the API's full version (semantic versioning), in the OpenAPI document and in the
// API-Version header of every answer, as the NL API Design Rules ask. The major version is the /v1 in
// the paths: raise the minor version for an addition, the patch version for a fix that changes no
// contract, and the major version (a /v2 beside /v1) for a change that breaks a client.
const APIVersion = "1.0.0"

// apiVersion sets the API-Version header on every answer, errors included.
func apiVersion(c *gin.Context) {
	c.Header("API-Version", APIVersion)
	c.Next()
}
