package testenv

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// PhoneWidth and PhoneHeight are the size of the browser window the web tests use: a common phone's.
const (
	PhoneWidth  = 412
	PhoneHeight = 915
)

// browser is the test binary's one headless Chromium, started on first use and stopped by Main.
var browser struct {
	once sync.Once
	ctx  context.Context
	err  error
}

// Browser returns the context of a new tab in the test binary's headless Chromium (Debian's chromium,
// installed when missing, as root without its sandbox), at phone size; the tab closes when the test ends.
// The tabs of one test share cookies and storage, like the tabs of a browser; each test has a browser
// context of its own (Chromium's profile-like container), so that tests running in parallel do not: a
// cookie of one test's platform on 127.0.0.1 would otherwise go to every other's (cookies ignore the port).
func Browser(t testing.TB) context.Context {
	t.Helper()
	exe := Tool(t, "chromium", "chromium")
	browser.once.Do(func() {
		browser.ctx, browser.err = startBrowser(exe, nil)
	})
	if browser.err != nil {
		t.Fatalf("testenv: chromium: %v", browser.err)
	}
	browserContexts.mu.Lock()
	defer browserContexts.mu.Unlock()
	if id, ok := browserContexts.byTest[t]; ok {
		return newTab(t, browser.ctx, chromedp.WithExistingBrowserContext(id))
	}
	// The first tab's context disposes the browser context when the test ends (its cleanup runs after the
	// other tabs' cleanups, which were registered later).
	ctx := newTab(t, browser.ctx, chromedp.WithNewBrowserContext())
	if browserContexts.byTest == nil {
		browserContexts.byTest = make(map[testing.TB]cdp.BrowserContextID)
	}
	browserContexts.byTest[t] = chromedp.FromContext(ctx).BrowserContextID
	t.Cleanup(func() {
		browserContexts.mu.Lock()
		defer browserContexts.mu.Unlock()
		delete(browserContexts.byTest, t)
	})
	return ctx
}

// browserContexts holds the browser context of each test that has a tab in the shared Chromium.
var browserContexts struct {
	mu     sync.Mutex
	byTest map[testing.TB]cdp.BrowserContextID
}

// OwnBrowser starts a headless Chromium for this test alone, with extra command-line flags (a fake camera,
// say), and returns the context of its first tab; it stops when the test ends.
func OwnBrowser(t testing.TB, flags map[string]any) context.Context {
	t.Helper()
	exe := Tool(t, "chromium", "chromium")
	ctx, err := startBrowser(exe, flags)
	if err != nil {
		t.Fatalf("testenv: chromium: %v", err)
	}
	t.Cleanup(func() { chromedp.Cancel(ctx) })
	return newTab(t, ctx)
}

// startBrowser starts Chromium with the flags that work on these machines: headless, no sandbox (we are
// root), and none of the background connections that a closed network refuses.
func startBrowser(exe string, flags map[string]any) (context.Context, error) {
	dir, err := os.MkdirTemp("", "heitje-chromium-")
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(dir),
		chromedp.WindowSize(PhoneWidth, PhoneHeight),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true)}
	for k, v := range flags {
		opts = append(opts, chromedp.Flag(k, v))
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		os.RemoveAll(dir)
		return nil, err
	}
	onShutdown(func() error {
		cancel()
		cancelAlloc()
		return os.RemoveAll(dir)
	})
	return ctx, nil
}

// newTab opens a tab at phone size that behaves as the focused one (typing and focus events work while
// other tests' tabs are open too); it closes when the test ends.
func newTab(t testing.TB, browserCtx context.Context, opts ...chromedp.ContextOption) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx, opts...)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(PhoneWidth, PhoneHeight, chromedp.EmulateMobile)); err != nil {
		t.Fatalf("testenv: new tab: %v", err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatalf("testenv: new tab: focus emulation: %v", err)
	}
	return ctx
}

// NodeModules makes sure node and npm are there (installing Debian's packages when not) and runs `npm ci` in
// dir when its node_modules is missing or older than its package-lock.json, so a fresh clone has what the
// test needs. It returns the node binary.
func NodeModules(t testing.TB, dir string) string {
	t.Helper()
	node := Tool(t, "node", "nodejs")
	npm := Tool(t, "npm", "npm")
	lock, err := os.Stat(filepath.Join(dir, "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	if installed, err := os.Stat(filepath.Join(dir, "node_modules", ".package-lock.json")); err == nil && !lock.ModTime().After(installed.ModTime()) {
		return node
	}
	t.Logf("%s/node_modules is missing or stale; running npm ci", dir)
	nodeModulesMu.Lock()
	defer nodeModulesMu.Unlock()
	cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm ci in %s: %v\n%s", dir, err, strings.TrimSpace(string(out)))
	}
	return node
}

var nodeModulesMu sync.Mutex

// AxeViolation is one rule that axe-core found broken on a page, with the elements that break it.
type AxeViolation struct {
	ID, Impact, Help string
	Nodes            []struct{ Target []any }
}

func (v AxeViolation) String() string {
	var targets []string
	for _, n := range v.Nodes {
		targets = append(targets, fmt.Sprint(n.Target...))
	}
	return fmt.Sprintf("%s (%s): %s — %s", v.ID, v.Impact, v.Help, strings.Join(targets, ", "))
}

// Axe runs axe-core (web/frontend's pinned test dependency) with the WCAG 2.1 A and AA rules on the page the
// tab shows, and fails the test naming every violation. what says which screen it is.
func Axe(t testing.TB, ctx context.Context, what string) {
	t.Helper()
	frontend := filepath.Join(projectRoot(), "web", "frontend")
	NodeModules(t, frontend)
	src, err := os.ReadFile(filepath.Join(frontend, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
		t.Fatalf("axe on %s: loading axe: %v", what, err)
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag",
		values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe on %s: %v", what, err)
	}
	var violations []AxeViolation
	if err := json.Unmarshal([]byte(raw), &violations); err != nil {
		t.Fatalf("axe on %s: %v", what, err)
	}
	for _, v := range violations {
		t.Errorf("axe on %s: %s", what, v)
	}
	if len(violations) > 0 {
		t.FailNow()
	}
}
