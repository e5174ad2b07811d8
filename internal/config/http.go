package config

import (
	"fmt"
	"time"
)

// HTTP bounds what one request or one event stream may hold of the server: time to arrive, time to be
// answered, and how many payment event streams may be open.
type HTTP struct {
	// ReadTimeout is how long a request may take to arrive, headers and body, from its first byte
	// (HTTP_READ_TIMEOUT, default 30s): a body trickled slower is cut off, on every route.
	ReadTimeout time.Duration
	// WriteTimeout is how long after its headers arrived a request must be answered (HTTP_WRITE_TIMEOUT,
	// default 60s, longer than HTTP_READ_TIMEOUT: the body's arrival counts too, and the answer to a body that
	// came too late must still go out). In an event stream it bounds
	// each write instead: a client that stops reading is dropped.
	WriteTimeout time.Duration
	// UploadTimeout is how long the body of a proof upload (up to three photos of MAX_PHOTO_BYTES) may take to
	// arrive, counted once the claim is found to be the caller's (HTTP_UPLOAD_TIMEOUT, default 10m: 24 MiB
	// at a third of a megabit a second, a phone on a poor mobile connection; at least HTTP_READ_TIMEOUT).
	UploadTimeout time.Duration
	// StreamsPerAccount and StreamsPerProcess cap the open payment event streams of one account and of this
	// process (EVENT_STREAMS_PER_ACCOUNT, default 10; EVENT_STREAMS_PER_PROCESS, default 500). Past a cap a
	// new stream is refused with 429 too_many_streams and Retry-After.
	StreamsPerAccount int
	StreamsPerProcess int
	// StreamLifetime is the longest an event stream stays open (EVENT_STREAM_LIFETIME, default 15m, longer
	// than PAYMENT_REQUEST_TTL so that an open request's stream always tells its expiry).
	StreamLifetime time.Duration
}

// DefaultHTTP holds the defaults of the HTTP limits.
var DefaultHTTP = HTTP{ReadTimeout: 30 * time.Second, WriteTimeout: time.Minute, UploadTimeout: 10 * time.Minute,
	StreamsPerAccount: 10, StreamsPerProcess: 500, StreamLifetime: 15 * time.Minute}

// OrDefaults returns h with each zero field set to its default, for a Config built in code.
func (h HTTP) OrDefaults() HTTP {
	d := DefaultHTTP
	if h.ReadTimeout > 0 {
		d.ReadTimeout = h.ReadTimeout
	}
	if h.WriteTimeout > 0 {
		d.WriteTimeout = h.WriteTimeout
	}
	if h.UploadTimeout > 0 {
		d.UploadTimeout = h.UploadTimeout
	}
	if h.StreamsPerAccount > 0 {
		d.StreamsPerAccount = h.StreamsPerAccount
	}
	if h.StreamsPerProcess > 0 {
		d.StreamsPerProcess = h.StreamsPerProcess
	}
	if h.StreamLifetime > 0 {
		d.StreamLifetime = h.StreamLifetime
	}
	return d
}

// http reads the HTTP limits; requestTTL is PAYMENT_REQUEST_TTL, which a stream must outlive.
func (r *reader) http(requestTTL time.Duration) HTTP {
	d := DefaultHTTP
	h := HTTP{
		ReadTimeout:       r.duration("HTTP_READ_TIMEOUT", d.ReadTimeout),
		WriteTimeout:      r.duration("HTTP_WRITE_TIMEOUT", d.WriteTimeout),
		UploadTimeout:     r.duration("HTTP_UPLOAD_TIMEOUT", d.UploadTimeout),
		StreamsPerAccount: int(r.bounded("EVENT_STREAMS_PER_ACCOUNT", uint64(d.StreamsPerAccount), 1, 1000)),
		StreamsPerProcess: int(r.bounded("EVENT_STREAMS_PER_PROCESS", uint64(d.StreamsPerProcess), 1, 100_000)),
		StreamLifetime:    r.duration("EVENT_STREAM_LIFETIME", d.StreamLifetime),
	}
	if h.ReadTimeout < time.Second {
		r.fail("HTTP_READ_TIMEOUT", "must be at least 1s")
	}
	if h.WriteTimeout <= h.ReadTimeout {
		r.fail("HTTP_WRITE_TIMEOUT", "must be longer than HTTP_READ_TIMEOUT: a request's body arrives within its write timeout")
	}
	if h.UploadTimeout < h.ReadTimeout {
		r.fail("HTTP_UPLOAD_TIMEOUT", "must not be below HTTP_READ_TIMEOUT")
	}
	if h.StreamsPerAccount > h.StreamsPerProcess {
		r.fail("EVENT_STREAMS_PER_ACCOUNT", "must not be above EVENT_STREAMS_PER_PROCESS")
	}
	if h.StreamLifetime <= requestTTL {
		r.fail("EVENT_STREAM_LIFETIME", fmt.Sprintf("must be longer than PAYMENT_REQUEST_TTL (%s), so that a stream tells its request's expiry", requestTTL))
	}
	return h
}
