package photos

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// ErrNoFile means no stored photo has that name.
var ErrNoFile = errors.New("photos: no such file")

// namePattern is the form of every stored file's name: 128 random bits in hex, nothing else, so a name
// can never walk out of the folder and can never be guessed.
var namePattern = regexp.MustCompile(`^[0-9a-f]{32}$`)

// ValidName reports whether name has the form of a stored photo's name.
func ValidName(name string) bool { return namePattern.MatchString(name) }

func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	st, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return errors.New("not a folder")
	}
	return nil
}

// Save writes a prepared image under a fresh random name (mode 0600, synced to disk) and returns the name.
func (s *Store) Save(img Image) (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	name := hex.EncodeToString(b)
	f, err := os.OpenFile(filepath.Join(s.dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("photos: %w", err)
	}
	_, werr := f.Write(img.Data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("photos: writing %s: %w", name, err)
	}
	return name, nil
}

// Read returns a stored photo's bytes; ErrNoFile when the name is malformed or unknown.
func (s *Store) Read(name string) ([]byte, error) {
	if !ValidName(name) {
		return nil, ErrNoFile
	}
	b, err := os.ReadFile(filepath.Join(s.dir, name))
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNoFile
	}
	return b, err
}

// Remove deletes a stored photo; removing one that is already gone is not an error.
func (s *Store) Remove(name string) error {
	if !ValidName(name) {
		return ErrNoFile
	}
	err := os.Remove(filepath.Join(s.dir, name))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// File is one stored photo: its name and when it was written.
type File struct {
	Name    string
	ModTime time.Time
}

// List returns every stored photo of the folder. Files whose name is not a stored photo's (see ValidName)
// are not the store's and are left out. The retention job uses it to find photo files that no record
// refers to any more.
func (s *Store) List() ([]File, error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, err
	}
	out := make([]File, 0, len(entries))
	for _, e := range entries {
		if !e.Type().IsRegular() || !ValidName(e.Name()) {
			continue
		}
		info, err := e.Info()
		if os.IsNotExist(err) {
			continue // removed since the folder was read
		}
		if err != nil {
			return nil, err
		}
		out = append(out, File{Name: e.Name(), ModTime: info.ModTime()})
	}
	return out, nil
}
