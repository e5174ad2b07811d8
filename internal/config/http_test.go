package config

import (
	"strings"
	"testing"
	"time"
)

// TestHTTPSettings: requests have 30 s to arrive and 60 s to be answered, uploads 10 minutes, an account
// may hold 10 event streams and the process 500, each for at most 15 minutes, unless set otherwise. Values
// that contradict each other are refused naming the variable; a Config built in code gets the defaults.
func TestHTTPSettings(t *testing.T) {
	c, err := Load(env(map[string]string{}), 0)
	if err != nil {
		t.Fatal(err)
	}
	if c.HTTP != (HTTP{ReadTimeout: 30 * time.Second, WriteTimeout: time.Minute, UploadTimeout: 10 * time.Minute,
		StreamsPerAccount: 10, StreamsPerProcess: 500, StreamLifetime: 15 * time.Minute}) {
		t.Fatalf("defaults: %+v", c.HTTP)
	}
	c, err = Load(env(map[string]string{"HTTP_READ_TIMEOUT": "10s", "HTTP_WRITE_TIMEOUT": "20s", "HTTP_UPLOAD_TIMEOUT": "5m",
		"EVENT_STREAMS_PER_ACCOUNT": "3", "EVENT_STREAMS_PER_PROCESS": "40", "EVENT_STREAM_LIFETIME": "6m"}), 0)
	want := HTTP{ReadTimeout: 10 * time.Second, WriteTimeout: 20 * time.Second, UploadTimeout: 5 * time.Minute,
		StreamsPerAccount: 3, StreamsPerProcess: 40, StreamLifetime: 6 * time.Minute}
	if err != nil || c.HTTP != want {
		t.Fatalf("settings: %+v %v", c.HTTP, err)
	}
	if got := (HTTP{ReadTimeout: 2 * time.Second, StreamsPerAccount: 1}).OrDefaults(); got.ReadTimeout != 2*time.Second ||
		got.StreamsPerAccount != 1 || got.WriteTimeout != time.Minute || got.StreamsPerProcess != 500 || got.StreamLifetime != 15*time.Minute {
		t.Fatalf("defaults of a Config built in code: %+v", got)
	}
	for _, tc := range []struct {
		env  map[string]string
		name string
	}{
		{map[string]string{"HTTP_READ_TIMEOUT": "soon"}, "HTTP_READ_TIMEOUT"},
		{map[string]string{"HTTP_READ_TIMEOUT": "500ms"}, "HTTP_READ_TIMEOUT"},
		{map[string]string{"HTTP_WRITE_TIMEOUT": "10s"}, "HTTP_WRITE_TIMEOUT"},
		{map[string]string{"HTTP_WRITE_TIMEOUT": "30s"}, "HTTP_WRITE_TIMEOUT"},
		{map[string]string{"HTTP_UPLOAD_TIMEOUT": "20s"}, "HTTP_UPLOAD_TIMEOUT"},
		{map[string]string{"EVENT_STREAMS_PER_ACCOUNT": "0"}, "EVENT_STREAMS_PER_ACCOUNT"},
		{map[string]string{"EVENT_STREAMS_PER_ACCOUNT": "20", "EVENT_STREAMS_PER_PROCESS": "10"}, "EVENT_STREAMS_PER_ACCOUNT"},
		{map[string]string{"EVENT_STREAMS_PER_PROCESS": "many"}, "EVENT_STREAMS_PER_PROCESS"},
		{map[string]string{"EVENT_STREAM_LIFETIME": "5m"}, "EVENT_STREAM_LIFETIME"},
		{map[string]string{"EVENT_STREAM_LIFETIME": "20m", "PAYMENT_REQUEST_TTL": "30m"}, "EVENT_STREAM_LIFETIME"},
	} {
		if _, err := Load(env(tc.env), 0); err == nil || !strings.Contains(err.Error(), tc.name) {
			t.Errorf("%v: %v", tc.env, err)
		}
	}
}

// TestMetricsAddr: the metrics listen on METRICS_ADDR (none when unset), a host:port that is not the public
// HTTP_ADDR.
func TestMetricsAddr(t *testing.T) {
	if c, err := Load(env(map[string]string{}), 0); err != nil || c.MetricsAddr != "" {
		t.Fatalf("default: %q %v", c.MetricsAddr, err)
	}
	if c, err := Load(env(map[string]string{"METRICS_ADDR": "127.0.0.1:9090"}), 0); err != nil || c.MetricsAddr != "127.0.0.1:9090" {
		t.Fatalf("set: %v", err)
	}
	for _, v := range []string{"9090", "127.0.0.1:8080"} {
		if _, err := Load(env(map[string]string{"METRICS_ADDR": v}), 0); err == nil || !strings.Contains(err.Error(), "METRICS_ADDR") {
			t.Errorf("METRICS_ADDR=%s: %v", v, err)
		}
	}
}
