// Package e2e holds the end-to-end tests and benchmarks of the platform: the composed API with its
// senders, indexer and workers (in this process, or as the heitje binary in a child process), against the
// real Postgres and the real Clique node of internal/testenv. It has no code of its own.
package e2e
