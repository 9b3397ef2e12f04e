// Command backend is a small Go HTTP service that embeds eligo: it loads a case file at
// start (its world and policy; its questions are ignored) and answers
//
//	POST /v1/evaluate   {"subject": "acme-sg", "at": "2026-02-27"}  → the decision as JSON
//	GET  /healthz       → {"status":"ok", ...}
//
// Bad requests get 400 with a JSON error {"error": "..."}; an unknown subject gets 404.
//
//	go run ./examples/backend -case FILE [-addr 127.0.0.1:8080]
//	go run ./examples/backend -case FILE -selftest   # start, ask one question, stop
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/eligo/eligo/eligibility"
	"github.com/eligo/eligo/ownership"
)

// maxBody bounds a request body.
const maxBody = 1 << 16

// Server answers eligibility questions about one world under one policy. It is safe for
// concurrent use: the world and the compiled policy are immutable.
type Server struct {
	world  *eligibility.World
	policy *eligibility.CompiledPolicy
}

// Load builds a server from a case file.
func Load(r io.Reader) (*Server, error) {
	cf, err := eligibility.ReadCaseFile(r)
	if err != nil {
		return nil, err
	}
	w, err := eligibility.NewWorld(cf.WorldData())
	if err != nil {
		return nil, err
	}
	p, err := eligibility.Compile(cf.Policy, w)
	if err != nil {
		return nil, err
	}
	return &Server{world: w, policy: p}, nil
}

// Handler returns the HTTP routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "policy": s.policy.ID(), "entities": s.world.Len()})
	})
	mux.HandleFunc("POST /v1/evaluate", s.evaluate)
	return mux
}

type request struct {
	Subject string `json:"subject"`
	At      string `json:"at"`
}

func (s *Server) evaluate(w http.ResponseWriter, r *http.Request) {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		writeError(w, http.StatusUnsupportedMediaType, "content type must be application/json")
		return
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody))
	dec.DisallowUnknownFields()
	var req request
	if err := dec.Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "bad request body: "+err.Error())
		return
	}
	if dec.More() {
		writeError(w, http.StatusBadRequest, "bad request body: trailing data")
		return
	}
	if req.Subject == "" {
		writeError(w, http.StatusBadRequest, "subject: required")
		return
	}
	at, err := ownership.ParseDate(req.At)
	if err != nil {
		writeError(w, http.StatusBadRequest, "at: "+err.Error())
		return
	}
	d, err := eligibility.Evaluate(s.world, s.policy, req.Subject, at)
	switch {
	case errors.Is(err, eligibility.ErrUnknownSubject):
		writeError(w, http.StatusNotFound, err.Error())
		return
	case err != nil:
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	body, err := d.MarshalJSON()
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write(append(body, '\n'))
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

func main() {
	casePath := flag.String("case", "", "case file with the world and the policy (required)")
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	selftest := flag.Bool("selftest", false, "listen on a free loopback port, ask the first question of the case file, print the answer and stop")
	flag.Parse()
	if *casePath == "" {
		fmt.Fprintln(os.Stderr, "backend: -case FILE is required")
		os.Exit(2)
	}
	data, err := os.ReadFile(*casePath)
	if err != nil {
		log.Fatal(err)
	}
	srv, err := Load(bytes.NewReader(data))
	if err != nil {
		fmt.Fprintln(os.Stderr, "backend:", err)
		os.Exit(2)
	}
	if *selftest {
		if err := selfTest(srv, data); err != nil {
			fmt.Fprintln(os.Stderr, "backend: selftest:", err)
			os.Exit(1)
		}
		return
	}
	log.Printf("backend: serving %s on http://%s", srv.policy.ID(), *addr)
	hs := &http.Server{Addr: *addr, Handler: srv.Handler(), ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(hs.ListenAndServe())
}

// selfTest serves on a loopback port, asks the case file's first question over HTTP and
// prints the answer.
func selfTest(srv *Server, data []byte) error {
	cf, err := eligibility.DecodeCaseFile(data)
	if err != nil {
		return err
	}
	if len(cf.Questions) == 0 {
		return errors.New("the case file has no question")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	defer hs.Shutdown(context.Background())
	q := cf.Questions[0]
	body := fmt.Sprintf(`{"subject":%q,"at":%q}`, q.Subject, q.At)
	resp, err := http.Post("http://"+ln.Addr().String()+"/v1/evaluate", "application/json", strings.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", resp.Status, out)
	}
	fmt.Printf("POST /v1/evaluate %s → %s\n%s", body, resp.Status, out)
	return nil
}
