package web

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/heerlen/heitje/internal/testenv"
)

// TestBuiltFilesAreUpToDate is the "make generate leaves git diff clean" check of the web apps: it builds
// web/frontend afresh with the pinned esbuild into a temporary folder and draws the icons again, and fails
// when a committed file in web/static differs or is missing, or one is committed that the build does not make.
func TestBuiltFilesAreUpToDate(t *testing.T) {
	node := testenv.NodeModules(t, "frontend")
	out := t.TempDir()
	// The icons first: the service worker's list of files to keep includes them.
	if err := os.Mkdir(filepath.Join(out, "icons"), 0o755); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command("go", "run", "icons_gen.go", filepath.Join(out, "icons")).CombinedOutput(); err != nil {
		t.Fatalf("go run icons_gen.go: %v\n%s", err, msg)
	}
	if msg, err := exec.Command(node, filepath.Join("frontend", "build.mjs"), out).CombinedOutput(); err != nil {
		t.Fatalf("node build.mjs: %v\n%s", err, msg)
	}
	fresh, committed := readTree(t, out), readTree(t, "static")
	for name, b := range fresh {
		if c, ok := committed[name]; !ok || !bytes.Equal(b, c) {
			t.Errorf("web/static/%s differs from a fresh build; run `make generate` and commit the result", name)
		}
	}
	for name := range committed {
		if _, ok := fresh[name]; !ok {
			t.Errorf("web/static/%s is committed but no longer built; remove it", name)
		}
	}
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
