package testenv

import "testing"

// BenchSize is a benchmark's size: full for make bench, brief under go test -short, which make test uses to
// run every benchmark once, quickly, so that none of them rots unnoticed. Call it inside the benchmark,
// after the flags are parsed.
func BenchSize[T ~int | ~int64](full, brief T) T {
	if testing.Short() {
		return brief
	}
	return full
}
