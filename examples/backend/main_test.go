package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newServer(t *testing.T) *httptest.Server {
	f, err := os.Open("../../eligibility/testdata/cases/seed-policy/seed-policy-regions.json")
	require.NoError(t, err)
	defer f.Close()
	srv, err := Load(f)
	require.NoError(t, err)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func post(t *testing.T, ts *httptest.Server, body string) (int, map[string]any) {
	resp, err := http.Post(ts.URL+"/v1/evaluate", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	var out map[string]any
	require.NoError(t, json.Unmarshal(raw, &out), string(raw))
	return resp.StatusCode, out
}

func TestEvaluate(t *testing.T) {
	ts := newServer(t)
	cases := []struct {
		body    string
		code    int
		verdict string
		reason  string
	}{
		{`{"subject":"sg-sub-60","at":"2026-02-27"}`, 200, "deny", "60% owned from CN"},
		{`{"subject":"hk-owned","at":"2026-02-27"}`, 200, "allow", "HK is not CN"},
		{`{"subject":"ie-chain","at":"2026-02-27"}`, 200, "review", "method-dependent"},
		{`{"subject":"listed-cmc","at":"2024-12-31"}`, 200, "allow", "before its listing"},
	}
	for _, c := range cases {
		code, out := post(t, ts, c.body)
		assert.Equal(t, c.code, code, c.reason)
		assert.Equal(t, c.verdict, out["verdict"], c.reason)
	}
}

func TestBadRequests(t *testing.T) {
	ts := newServer(t)
	cases := []struct {
		body   string
		code   int
		reason string
	}{
		{`{"subject":"sg-sub-60"}`, 400, "no date"},
		{`{"subject":"sg-sub-60","at":"2026-02-30"}`, 400, "a day that does not exist"},
		{`{"at":"2026-02-27"}`, 400, "no subject"},
		{`{"subject":"x","at":"2026-02-27","extra":1}`, 400, "an unknown field"},
		{`not json`, 400, "not JSON"},
		{`{"subject":"sg-sub-60","at":"2026-02-27"} {}`, 400, "trailing data"},
		{`{"subject":"nobody","at":"2026-02-27"}`, 404, "an unknown subject"},
		{`{"subject":"` + strings.Repeat("x", 1<<17) + `","at":"2026-02-27"}`, 400, "a body over the limit"},
	}
	for _, c := range cases {
		code, out := post(t, ts, c.body)
		assert.Equal(t, c.code, code, c.reason)
		assert.NotEmpty(t, out["error"], c.reason)
	}
	resp, err := http.Get(ts.URL + "/v1/evaluate")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
}

func TestHealthz(t *testing.T) {
	ts := newServer(t)
	resp, err := http.Get(ts.URL + "/healthz")
	require.NoError(t, err)
	defer resp.Body.Close()
	var out map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	assert.Equal(t, "ok", out["status"])
}

// TestConcurrentRequests sends many requests at once (run under -race): each gets the
// same answer as alone.
func TestConcurrentRequests(t *testing.T) {
	ts := newServer(t)
	subjects := map[string]string{"sg-sub-60": "deny", "sg-sub-50": "allow", "ie-chain": "review", "tw-owned": "allow", "jp-partial": "review"}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := 0; i < 64; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for s, want := range subjects {
				resp, err := http.Post(ts.URL+"/v1/evaluate", "application/json", strings.NewReader(fmt.Sprintf(`{"subject":%q,"at":"2026-02-27"}`, s)))
				if err != nil {
					errs <- err
					return
				}
				var out map[string]any
				err = json.NewDecoder(resp.Body).Decode(&out)
				resp.Body.Close()
				if err != nil || out["verdict"] != want {
					errs <- fmt.Errorf("request %d, %s: %v %v", i, s, out["verdict"], err)
					return
				}
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
