// Package systemd holds the systemd units of the platform; its test parses them and checks the sandboxing,
// users, folders and flags every unit must have, and runs systemd-analyze on them where it is installed.
package systemd

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/heerlen/heitje/deploy/deploytest"
)

// services are the units here that run a process; each must be sandboxed.
var services = []string{"heitje-api.service", "heitje-migrate.service", "heitje-retention.service",
	"heitje-geth-signer.service", "heitje-geth-rpc.service"}

// sandbox is what every service must set, key by key (every value of the key, in order).
var sandbox = map[string][]string{
	"NoNewPrivileges": {"yes"}, "ProtectSystem": {"strict"}, "ProtectHome": {"yes"}, "PrivateTmp": {"yes"},
	"PrivateDevices": {"yes"}, "PrivateUsers": {"yes"}, "PrivateMounts": {"yes"}, "ProtectKernelTunables": {"yes"},
	"ProtectKernelModules": {"yes"}, "ProtectKernelLogs": {"yes"}, "ProtectControlGroups": {"yes"},
	"ProtectClock": {"yes"}, "ProtectHostname": {"yes"}, "ProtectProc": {"invisible"}, "ProcSubset": {"pid"},
	"RestrictNamespaces": {"yes"}, "RestrictRealtime": {"yes"}, "RestrictSUIDSGID": {"yes"},
	"LockPersonality": {"yes"}, "MemoryDenyWriteExecute": {"yes"}, "RemoveIPC": {"yes"}, "UMask": {"0077"},
	"CapabilityBoundingSet": {""}, "AmbientCapabilities": {""}, "SystemCallArchitectures": {"native"},
	"SystemCallFilter": {"@system-service", "~@privileged"},
}

// unit is a parsed unit file: section → key → values in order, continuation lines joined.
type unit map[string]map[string][]string

func parse(t *testing.T, name string) unit {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u, section, pending := unit{}, "", ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := pending + strings.TrimSpace(sc.Text())
		if strings.HasSuffix(line, "\\") {
			pending = strings.TrimSuffix(line, "\\") + " "
			continue
		}
		pending = ""
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
		case line[0] == '[':
			section = strings.Trim(line, "[]")
			u[section] = map[string][]string{}
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok || section == "" {
				t.Fatalf("%s: %q is no key=value in a section", name, line)
			}
			u[section][k] = append(u[section][k], v)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return u
}

func (u unit) one(key string) string {
	v := u["Service"][key]
	if len(v) == 0 {
		return ""
	}
	return v[len(v)-1]
}

// TestUnits: every service is sandboxed, runs as a user heitje.sysusers creates, keeps its data in a folder
// heitje.tmpfiles creates for that user, reads environment files whose examples here are plain KEY=value
// lines (systemd expands no specifiers there), uses %d only for a credential it loads, and runs one of the
// platform's commands; the two geth units run with the same chain flags, the RPC node's those of
// ../kubernetes/chain/rpc.yaml.
func TestUnits(t *testing.T) {
	users := map[string]bool{}
	for _, l := range lines(t, "heitje.sysusers") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "u" {
			users[f[1]] = true
		}
	}
	dirs := map[string]string{}
	for _, l := range lines(t, "heitje.tmpfiles") {
		if f := strings.Fields(l); len(f) >= 5 && f[0] == "d" {
			dirs[f[1]] = f[3]
		}
	}
	execs := map[string][]string{}
	for _, name := range services {
		u := parse(t, name)
		for k, want := range sandbox {
			if got := u["Service"][k]; !slices.Equal(got, want) {
				t.Errorf("%s: %s=%q, want %q", name, k, got, want)
			}
		}
		fams := strings.Fields(u.one("RestrictAddressFamilies"))
		if len(fams) == 0 || slices.ContainsFunc(fams, func(f string) bool {
			return !slices.Contains([]string{"AF_UNIX", "AF_INET", "AF_INET6", "AF_NETLINK"}, f)
		}) {
			t.Errorf("%s: RestrictAddressFamilies=%v", name, fams)
		}
		user := u.one("User")
		if !users[user] || u.one("Group") != user {
			t.Errorf("%s: User=%q Group=%q, want a user of heitje.sysusers", name, user, u.one("Group"))
		}
		for _, sd := range u["Service"]["StateDirectory"] {
			if owner := dirs["/var/lib/"+sd]; owner != user {
				t.Errorf("%s: StateDirectory=%s, which heitje.tmpfiles gives to %q", name, sd, owner)
			}
		}
		for _, ef := range u["Service"]["EnvironmentFile"] {
			ex := strings.TrimPrefix(ef, "/etc/heitje/") + ".example"
			for i, l := range lines(t, ex) {
				if !regexp.MustCompile(`^[A-Z][A-Z0-9_]*=[^%]*$`).MatchString(l) {
					t.Errorf("%s line %d: %q is not a plain KEY=value without specifiers", ex, i+1, l)
				}
			}
		}
		creds := map[string]bool{}
		for _, c := range u["Service"]["LoadCredential"] {
			n, _, _ := strings.Cut(c, ":")
			creds[n] = true
		}
		for k, vs := range u["Service"] {
			for _, v := range vs {
				for _, m := range regexp.MustCompile(`%(.)([^ ]*)`).FindAllStringSubmatch(v, -1) {
					if m[1] != "d" || !creds[strings.TrimPrefix(m[2], "/")] {
						t.Errorf("%s: %s=%s uses %s, not a credential the unit loads", name, k, v, m[0])
					}
				}
			}
		}
		args := strings.Fields(u.one("ExecStart"))
		switch {
		case len(args) >= 2 && args[0] == "/usr/local/bin/heitje":
			if cmd := strings.Join(args[1:], " "); !slices.Contains([]string{"serve", "migrate up", "retention run"}, cmd) {
				t.Errorf("%s: runs heitje %s", name, cmd)
			}
		case len(args) >= 2 && args[0] == "/usr/local/bin/geth":
			execs[name] = args[1:]
		default:
			t.Errorf("%s: ExecStart=%q", name, u.one("ExecStart"))
		}
	}

	signer, rpc := deploytest.Flags(execs["heitje-geth-signer.service"]), deploytest.Flags(execs["heitje-geth-rpc.service"])
	for _, f := range []string{"--networkid", "--syncmode", "--gcmode", "--port", "--config", "--nodiscover", "--miner.gaslimit"} {
		if v, ok := signer[f]; !ok || rpc[f] != v {
			t.Errorf("%s: the signer has %q, the RPC node %q", f, v, rpc[f])
		}
	}
	for _, f := range []string{"--mine", "--unlock", "--password", "--miner.etherbase"} {
		if _, ok := rpc[f]; ok {
			t.Errorf("the RPC node has %s", f)
		}
	}
	if _, ok := signer["--http"]; ok {
		t.Error("the signer serves HTTP JSON-RPC")
	}
	if signer["--password"] != "%d/signer.pass" || signer["--datadir"] == rpc["--datadir"] {
		t.Errorf("the signer's --password %q, data folders %q and %q", signer["--password"], signer["--datadir"], rpc["--datadir"])
	}
	pod := rpcPodFlags(t)
	for f, v := range pod {
		got, ok := rpc[f]
		switch {
		case f == "--nodekey": // the unit keeps it in <datadir>/geth/nodekey
		case !ok:
			t.Errorf("rpc.yaml runs geth with %s, the RPC unit not", f)
		case v != "" && !strings.ContainsAny(v, "/$") && !strings.ContainsAny(got, "/$") && got != v:
			t.Errorf("%s: rpc.yaml %q, the RPC unit %q", f, v, got)
		}
	}
	for f := range rpc {
		if _, ok := pod[f]; !ok {
			t.Errorf("the RPC unit runs geth with %s, rpc.yaml not", f)
		}
	}
}

// rpcPodFlags returns the flags of the geth container of the StatefulSet in ../kubernetes/chain/rpc.yaml.
func rpcPodFlags(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile("../kubernetes/chain/rpc.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range strings.Split(string(data), "\n---\n") {
		var ss struct {
			Kind string
			Spec struct {
				Template struct {
					Spec struct {
						Containers []struct {
							Name string
							Args []string
						}
					}
				}
			}
		}
		if err := yaml.Unmarshal([]byte(doc), &ss); err != nil {
			t.Fatal(err)
		}
		if ss.Kind != "StatefulSet" {
			continue
		}
		for _, c := range ss.Spec.Template.Spec.Containers {
			if c.Name == "geth" {
				var args []string
				for _, a := range c.Args {
					args = append(args, strings.SplitN(a, "=", 2)...)
				}
				return deploytest.Flags(args)
			}
		}
	}
	t.Fatal("rpc.yaml has no StatefulSet with a geth container")
	return nil
}

// lines returns the lines of a file here that are neither empty nor comments.
func lines(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for l := range strings.SplitSeq(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && l[0] != '#' {
			out = append(out, l)
		}
	}
	return out
}

// TestUnitsVerify runs `systemd-analyze verify` on every unit, with stand-ins for /usr/local/bin/heitje and
// geth (verify wants the programs to exist), failing on any complaint, and `systemd-analyze security` on
// every service, which must rate it OK or better (exposure below 5).
func TestUnitsVerify(t *testing.T) {
	tool, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed (Debian: apt-get install systemd)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	if err := os.Mkdir(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, b := range []string{"heitje", "geth"} {
		if err := os.WriteFile(filepath.Join(bin, b), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	units := append(slices.Clone(services), "heitje-retention.timer")
	var paths []string
	for _, name := range units {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(strings.ReplaceAll(string(data), "/usr/local/bin/", bin+"/")), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	out, err := exec.Command(tool, append([]string{"verify", "--man=no", "--generators=no"}, paths...)...).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Fatalf("systemd-analyze verify: %v\n%s", err, out)
	}
	for _, name := range services {
		out, err := exec.Command(tool, "security", "--offline=true", filepath.Join(dir, name)).CombinedOutput()
		m := regexp.MustCompile(`Overall exposure level for \S+: ([0-9.]+) (\S+)`).FindSubmatch(out)
		if err != nil || m == nil {
			t.Fatalf("systemd-analyze security %s: %v\n%s", name, err, out)
		}
		if level, _ := strconv.ParseFloat(string(m[1]), 64); level >= 5 {
			t.Errorf("%s: exposure %s %s, want OK or better", name, m[1], m[2])
		}
	}
}

// TestUsersAndFolders follows the guide's first steps into a scratch root: systemd-sysusers makes the users
// of heitje.sysusers, systemd-tmpfiles the folders of heitje.tmpfiles, each owned by the user every unit
// runs as and closed to others. It needs the tools and root (to give the folders away).
func TestUsersAndFolders(t *testing.T) {
	sysusers, err1 := exec.LookPath("systemd-sysusers")
	tmpfiles, err2 := exec.LookPath("systemd-tmpfiles")
	if err1 != nil || err2 != nil {
		t.Skip("systemd-sysusers or systemd-tmpfiles is not installed (Debian: apt-get install systemd)")
	}
	if os.Geteuid() != 0 {
		t.Skip("systemd-tmpfiles needs root to give the folders their owners")
	}
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "etc"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{sysusers, "--root=" + root, abs(t, "heitje.sysusers")},
		{tmpfiles, "--root=" + root, "--create", abs(t, "heitje.tmpfiles")}} {
		if out, err := exec.Command(cmd[0], cmd[1:]...).CombinedOutput(); err != nil || strings.Contains(string(out), "gnoring") {
			t.Fatalf("%s: %v\n%s", filepath.Base(cmd[0]), err, out)
		}
	}
	uids := map[string]string{}
	passwd, err := os.ReadFile(filepath.Join(root, "etc/passwd"))
	if err != nil {
		t.Fatal(err)
	}
	for l := range strings.SplitSeq(string(passwd), "\n") {
		if f := strings.Split(l, ":"); len(f) > 3 {
			uids[f[2]] = f[0]
		}
	}
	for _, name := range services {
		u := parse(t, name)
		for _, sd := range u["Service"]["StateDirectory"] {
			fi, err := os.Stat(filepath.Join(root, "var/lib", sd))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			owner := uids[strconv.Itoa(int(fi.Sys().(*syscall.Stat_t).Uid))]
			if owner != u.one("User") || fi.Mode().Perm() != 0o700 {
				t.Errorf("/var/lib/%s: owned by %q, mode %o; %s runs as %s", sd, owner, fi.Mode().Perm(), name, u.one("User"))
			}
		}
	}
}

func abs(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
