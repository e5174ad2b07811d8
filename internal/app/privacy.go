package app

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/photos"
	"github.com/heerlen/heitje/internal/privacy"
	"github.com/heerlen/heitje/internal/store"
)

// NewPrivacy returns the privacy service over db and the proof photo folder (PHOTO_DIR), with the configured retention
// periods, analytics threshold and contact. It has no chain client, so nothing it does (exports, erasure,
// retention) can read or write the chain.
func NewPrivacy(cfg *config.Config, db *store.DB, log *slog.Logger) (*privacy.Service, error) {
	keys, err := cfg.Keyring()
	if err != nil {
		return nil, fmt.Errorf("config: DATA_KEY: %w", err)
	}
	lookup, err := cfg.Lookup()
	if err != nil {
		return nil, fmt.Errorf("config: LOOKUP_KEY: %w", err)
	}
	// A Config built in code without a PhotoDir (config.Load always sets one) gets no photo folder: the
	// retention job must never sweep a shared temporary folder.
	var files privacy.PhotoFiles
	if cfg.PhotoDir != "" {
		st, err := photos.New(cfg.PhotoDir, photos.Limits{MaxBytes: cfg.MaxPhotoBytes, MaxPixels: cfg.MaxPhotoPixels})
		if err != nil {
			return nil, fmt.Errorf("config: PHOTO_DIR: %w", err)
		}
		files = photoFolder{st}
	}
	return privacy.New(db.Privacy(keys, lookup), files, store.Datasets(), privacyOptions(cfg, log))
}

// PrivacyRegister returns the register of processing with the configured retention periods and contact;
// it needs neither database nor keys.
func PrivacyRegister(cfg *config.Config) (privacy.Register, error) {
	svc, err := privacy.New(nil, nil, store.Datasets(), privacyOptions(cfg, slog.New(slog.DiscardHandler)))
	if err != nil {
		return privacy.Register{}, err
	}
	return svc.Register(), nil
}

func privacyOptions(cfg *config.Config, log *slog.Logger) privacy.Options {
	p := cfg.Privacy
	return privacy.Options{
		Retention: privacy.Retention{PendingRegistrations: p.PendingRegistrations, RejectedRegistrations: p.RejectedRegistrations,
			ProofPhotos: p.ProofPhotos, InactiveAccounts: p.InactiveAccounts, Sessions: p.Sessions, AuditLog: p.AuditLog,
			PayoutRecords: p.PayoutRecords, Notices: p.Notices},
		MinGroupSize: p.MinGroupSize, Contact: p.Contact, Version: version(), Log: log.With("component", "privacy")}
}

// photoFolder is the photo store as the privacy service sees it.
type photoFolder struct{ *photos.Store }

// List names the stored photos with the times they were written.
func (f photoFolder) List() ([]privacy.StoredFile, error) {
	files, err := f.Store.List()
	if err != nil {
		return nil, err
	}
	out := make([]privacy.StoredFile, len(files))
	for i, file := range files {
		out[i] = privacy.StoredFile{Name: file.Name, ModTime: file.ModTime}
	}
	return out, nil
}

// version is the module version the binary was built from, for the register's application entry.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "development build"
}

// assemblePrivacy builds the privacy service of the platform, and the one of the retention job on the
// background jobs' pool.
func (p *Platform) assemblePrivacy() error {
	var err error
	if p.privacy, err = NewPrivacy(p.cfg, p.db, p.log); err != nil {
		return err
	}
	p.retention, err = NewPrivacy(p.cfg, p.jobs, p.log)
	return err
}

// defaultRetentionEvery is how often the retention job runs when a Config built in code sets nothing.
const defaultRetentionEvery = 24 * time.Hour

// runPrivacyWorkers starts the retention job: at start and then every RETENTION_EVERY, until ctx ends. Of
// several instances only one runs it at a time. With RETENTION_EVERY=0 it starts nothing: the schema owner's
// role runs `heitje retention run` instead.
func (p *Platform) runPrivacyWorkers(ctx context.Context, wg *sync.WaitGroup) {
	if p.cfg.Privacy.RetentionOff {
		p.log.Info("retention job off (RETENTION_EVERY=0): run `heitje retention run` from a timer as the schema owner")
		return
	}
	every := p.cfg.Privacy.RetentionEvery
	if every <= 0 {
		every = defaultRetentionEvery
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.retention.RunRetentionEvery(ctx, every)
	}()
}
