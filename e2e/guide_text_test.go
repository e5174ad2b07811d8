package e2e_test

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/heerlen/heitje/internal/testenv"
)

// readGuide returns deploy/README.md.
func readGuide(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile("../deploy/README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// guideShell returns the words of the one command in the guide's ```sh blocks that contains marker, its
// continuation lines joined and its comment dropped.
func guideShell(t *testing.T, guide, marker string) []string {
	t.Helper()
	var found []string
	for _, m := range regexp.MustCompile("(?s)```sh\n(.*?)\n *```").FindAllStringSubmatch(guide, -1) {
		for _, line := range strings.Split(strings.ReplaceAll(m[1], "\\\n", " "), "\n") {
			if strings.Contains(line, marker) {
				line, _, _ = strings.Cut(line, " # ")
				found = append(found, line)
			}
		}
	}
	if len(found) != 1 {
		t.Fatalf("deploy/README.md has %d shell commands with %q, want 1: %q", len(found), marker, found)
	}
	return strings.Fields(found[0])
}

// afterBinary returns the arguments of a command of the guide or a unit: the words after the program binary
// itself (found as the last word naming it, so after runuser's user and a unit's ExecStart=).
func afterBinary(t *testing.T, words []string, binary string) []string {
	t.Helper()
	for i := len(words) - 1; i >= 0; i-- {
		if filepath.Base(strings.TrimPrefix(words[i], "ExecStart=")) == binary {
			return words[i+1:]
		}
	}
	t.Fatalf("no %s in %q", binary, words)
	return nil
}

// unitLines returns the lines of the unit deploy/systemd/name, continuation lines joined.
func unitLines(t *testing.T, name string) []string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "deploy", "systemd", name))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.ReplaceAll(string(raw), "\\\n", " "), "\n")
}

// unitExec returns the arguments that the ExecStart of the unit deploy/systemd/name gives binary.
func unitExec(t *testing.T, name, binary string) []string {
	t.Helper()
	for _, line := range unitLines(t, name) {
		if strings.HasPrefix(line, "ExecStart=") {
			return afterBinary(t, strings.Fields(line), binary)
		}
	}
	t.Fatalf("%s has no ExecStart", name)
	return nil
}

// unitEnv is the environment the unit deploy/systemd/name runs its command in: its EnvironmentFile=s in order,
// each the contents files gives that path (a later file's value wins, as in systemd), then its Environment=
// lines with credentials, the folder of the files its LoadCredential= hands over, in place of %d.
func unitEnv(t *testing.T, name string, files map[string]map[string]string, credentials string) map[string]string {
	t.Helper()
	env := map[string]string{}
	for _, line := range unitLines(t, name) {
		if path, ok := strings.CutPrefix(line, "EnvironmentFile="); ok {
			vars, ok := files[path]
			if !ok {
				t.Fatalf("%s reads %s, which the test does not write", name, path)
			}
			for k, v := range vars {
				env[k] = v
			}
		}
		if kv, ok := strings.CutPrefix(line, "Environment="); ok {
			k, v, _ := strings.Cut(kv, "=")
			env[k] = strings.ReplaceAll(v, "%d", credentials)
		}
	}
	return env
}

// environ is env as a process's environment, with this one's PATH.
func environ(env map[string]string) []string {
	out := []string{"PATH=" + os.Getenv("PATH")}
	for k, v := range env {
		out = append(out, k+"="+v)
	}
	return out
}

// exampleEnv is the example environment file deploy/systemd/name with the values of set in place of its own.
// Every placeholder (a value with "…") must be set; the example's other values stay as the guide gives them.
func exampleEnv(t *testing.T, name string, set map[string]string) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "deploy", "systemd", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	env := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok || strings.HasPrefix(k, "#") {
			continue
		}
		if s, ok := set[k]; ok {
			v = s
		} else if strings.Contains(v, "…") {
			t.Fatalf("%s's %s=%s is a placeholder the test does not fill in", name, k, v)
		}
		env[k] = v
	}
	for k := range set {
		if _, ok := env[k]; !ok {
			t.Fatalf("%s has no %s", name, k)
		}
	}
	return env
}

// guideDatabase makes a fresh database with the guide's two roles (its first SQL block, with the test's own
// names) and returns the schema owner's and the API's URLs.
func guideDatabase(t *testing.T, guide string) (ownerURL, apiURL string) {
	t.Helper()
	blocks := guideSQL(t)
	if len(blocks) != 2 {
		t.Fatalf("deploy/README.md's database section has %d sql blocks, want 2", len(blocks))
	}
	superURL := testenv.Postgres(t)
	sfx := randomText(t)[:8]
	sfx = strings.ToLower(regexp.MustCompile(`[^a-zA-Z0-9]`).ReplaceAllString(sfx, "x"))
	owner, api := "heitje_owner_"+sfx, "heitje_api_"+sfx
	ownerURL, apiURL = roleURL(superURL, owner), roleURL(superURL, api)
	u, _ := url.Parse(superURL)
	sql := strings.NewReplacer("heitje_owner", owner, "heitje_api", api).Replace(blocks[0])
	sql = regexp.MustCompile(`\bDATABASE heitje\b`).ReplaceAllString(sql, "DATABASE "+strings.TrimPrefix(u.Path, "/"))
	execSQL(t, superURL, sql)
	execSQL(t, superURL, "ALTER ROLE "+owner+" PASSWORD '"+owner+"'; ALTER ROLE "+api+" PASSWORD '"+api+"'")
	t.Cleanup(func() {
		if !t.Failed() {
			execSQL(t, superURL, "DROP OWNED BY "+api+"; DROP OWNED BY "+owner+"; DROP ROLE "+owner+"; DROP ROLE "+api)
		}
	})
	return ownerURL, apiURL
}

// roleNames is an SQL block of the guide with the roles of the URLs in place of heitje_owner and heitje_api.
func roleNames(sql, ownerURL, apiURL string) string {
	o, _ := url.Parse(ownerURL)
	a, _ := url.Parse(apiURL)
	return strings.NewReplacer("heitje_owner", o.User.Username(), "heitje_api", a.User.Username()).Replace(sql)
}

// envPrefix splits a shell command into its leading NAME=value assignments and the rest.
func envPrefix(words []string) (env, rest []string) {
	for i, w := range words {
		if !regexp.MustCompile(`^[A-Z_]+=`).MatchString(w) {
			return words[:i:i], words[i:]
		}
	}
	return words, nil
}

// replaceEnv gives the assignments env the values of set; each must be among them.
func replaceEnv(t *testing.T, env []string, set map[string]string) []string {
	t.Helper()
	out := []string{"PATH=" + os.Getenv("PATH")}
	for _, a := range env {
		k, _, _ := strings.Cut(a, "=")
		v, ok := set[k]
		if !ok {
			t.Fatalf("the guide sets %s, which the test does not fill in", k)
		}
		out = append(out, k+"="+v)
	}
	if len(out) != len(set)+1 {
		t.Fatalf("the guide's command sets %q, want %v", env, set)
	}
	return out
}

// flagValue returns the value that follows flag in words.
func flagValue(t *testing.T, words []string, flag string) string {
	t.Helper()
	for i := 0; i+1 < len(words); i++ {
		if words[i] == flag {
			return words[i+1]
		}
	}
	t.Fatalf("no %s in %q", flag, words)
	return ""
}

// replaceFlags is words with the value after each flag of set replaced; each flag must be there.
func replaceFlags(t *testing.T, words []string, set map[string]string) []string {
	t.Helper()
	out := append([]string(nil), words...)
	for flag, v := range set {
		found := false
		for i := 0; i+1 < len(out); i++ {
			if out[i] == flag {
				out[i+1], found = v, true
			}
		}
		if !found {
			t.Fatalf("no %s in %q", flag, words)
		}
	}
	return out
}

// heitjeArgs returns the arguments after the guide's bin/heitje.
func heitjeArgs(t *testing.T, words []string) []string {
	t.Helper()
	for i, w := range words {
		if w == "bin/heitje" {
			return words[i+1:]
		}
	}
	t.Fatalf("no bin/heitje in %q", words)
	return nil
}

// runOut runs the command with stdin and, unless env is nil, that environment; it fails the test unless the
// command succeeds, and returns its standard output.
func runOut(t *testing.T, stdin string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = t.TempDir()
	cmd.Stdin = strings.NewReader(stdin)
	if env != nil {
		cmd.Env = env
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", filepath.Base(name), strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// outputVars reads the NAME=value lines of a command's output.
func outputVars(out string) map[string]string {
	vars := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if k, v, ok := strings.Cut(strings.TrimSpace(line), "="); ok {
			vars[k] = v
		}
	}
	return vars
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
}

// randomText is 32 random bytes in base64, as `openssl rand -base64 32` makes a secret.
func randomText(t *testing.T) string {
	t.Helper()
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(b)
}
