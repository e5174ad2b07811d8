// Package validation is the one shape of bad input that every domain reports: the request field at fault
// and what is wrong with it. Nothing was changed when a domain returns one. The API answers it as 400
// validation_failed with the field (api/problem), the console next to the field it names.
package validation

// Error is bad input in one field. Domain names the package that refused it, for logs.
type Error struct {
	Domain  string
	Field   string
	Message string
}

func (e *Error) Error() string { return e.Domain + ": " + e.Field + ": " + e.Message }

// InvalidField names the field and says what is wrong, for the API's error envelope.
func (e *Error) InvalidField() (field, message string) { return e.Field, e.Message }

// Invalid is an Error of domain.
func Invalid(domain, field, message string) error {
	return &Error{Domain: domain, Field: field, Message: message}
}
