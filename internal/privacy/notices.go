package privacy

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"
)

// Notice is one version of the privacy notice residents and shops are shown when they register and can
// read at any time (seed 000 §13; requirements P-10). A new version is a new file in notices/: old versions
// stay, because each account records the version it was shown.
type Notice struct {
	// Version is the month it took effect, YYYY-MM; it is also the file's name.
	Version string `json:"version"`
	Title   string `json:"title"`
	// SHA256 is the hash of Text, so a stored version can be checked against what was shown.
	SHA256 string `json:"sha256"`
	// Text is the notice in Markdown.
	Text string `json:"text"`
}

//go:embed notices/*.md
var noticeFiles embed.FS

var noticeName = regexp.MustCompile(`^([0-9]{4}-[0-9]{2})\.md$`)

// loadNotices reads the embedded notices, oldest first. A file that is not YYYY-MM.md with a "# " title
// line is a build mistake, so it panics; a test reads them all.
func loadNotices() []Notice {
	entries, err := fs.ReadDir(noticeFiles, "notices")
	if err != nil {
		panic(err)
	}
	var out []Notice
	for _, e := range entries {
		m := noticeName.FindStringSubmatch(e.Name())
		if m == nil {
			panic(fmt.Sprintf("privacy: notice file %q is not named YYYY-MM.md", e.Name()))
		}
		b, err := noticeFiles.ReadFile("notices/" + e.Name())
		if err != nil {
			panic(err)
		}
		text := string(b)
		title, _, _ := strings.Cut(text, "\n")
		if !strings.HasPrefix(title, "# ") {
			panic(fmt.Sprintf("privacy: notice %s does not start with a # title", e.Name()))
		}
		sum := sha256.Sum256(b)
		out = append(out, Notice{Version: m[1], Title: strings.TrimPrefix(title, "# "), SHA256: hex.EncodeToString(sum[:]), Text: text})
	}
	if len(out) == 0 {
		panic("privacy: no privacy notice in notices/")
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out
}

var notices = loadNotices()

// Notices returns every version of the privacy notice, oldest first.
func Notices() []Notice { return append([]Notice(nil), notices...) }

// CurrentNotice returns the version in force: the newest.
func CurrentNotice() Notice { return notices[len(notices)-1] }

// NoticeByVersion returns one version; ErrNotFound when there is none.
func NoticeByVersion(v string) (Notice, error) {
	for _, n := range notices {
		if n.Version == v {
			return n, nil
		}
	}
	return Notice{}, ErrNotFound
}

// NoticeVersions returns the known versions, oldest first, for the accounts service to check a
// registration's notice_version against.
func NoticeVersions() []string {
	out := make([]string, len(notices))
	for i, n := range notices {
		out[i] = n.Version
	}
	return out
}
