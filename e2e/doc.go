// Package e2e holds the end-to-end tests and benchmarks of the platform: the composed API with its
// senders, indexer and workers (in this process, or as the heitje binary in a child process), against the
// real Postgres and the real Clique node of internal/testenv. It has no code of its own.
//
// A test that makes its own database and deploys its own coin (newPlatform), on the shared node or on
// nodes of its own, calls t.Parallel. One that stops the shared node, measures the process or reads a
// process-wide metric says why it runs alone; Go runs those first, one at a time, then the parallel ones
// together.
package e2e
