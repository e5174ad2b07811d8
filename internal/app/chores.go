package app

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/chores"
	"github.com/heerlen/heitje/internal/config"
	"github.com/heerlen/heitje/internal/photos"
	"github.com/heerlen/heitje/internal/store"
)

// NewChores returns the chores service over db, with the proof photos in cfg.PhotoDir (created when
// missing). Like the accounts service it needs no chain: approval only writes outbox intents. A Config
// built in code without a PhotoDir (config.Load always sets one) keeps the photos in the system's
// temporary folder, and a warning says so.
func NewChores(cfg *config.Config, db *store.DB, log *slog.Logger) (*chores.Service, error) {
	dir := cfg.PhotoDir
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "heitje-photos")
		log.Warn("no PHOTO_DIR configured; proof photos go to a temporary folder", "dir", dir)
	}
	files, err := photos.New(dir, photos.Limits{MaxBytes: cfg.MaxPhotoBytes, MaxPixels: cfg.MaxPhotoPixels})
	if err != nil {
		return nil, fmt.Errorf("config: PHOTO_DIR: %w", err)
	}
	return chores.New(db.Chores(), files, choresOptions(cfg, log))
}

func choresOptions(cfg *config.Config, log *slog.Logger) chores.Options {
	b := cfg.Bounds
	return chores.Options{
		Bounds:         chores.Bounds{MinLat: b.MinLat, MinLng: b.MinLng, MaxLat: b.MaxLat, MaxLng: b.MaxLng},
		MaxRewardCents: cfg.MaxRewardCents,
		ProofTTL:       cfg.ClaimProofTTL,
		CapMonthCents:  cfg.RewardCapMonthCents,
		CapYearCents:   cfg.RewardCapYearCents,
		Log:            log.With("component", "chores"),
	}
}

// choresEvery is how often the chores worker marks confirmed rewards and expires overdue claims.
const choresEvery = time.Second

// SeedDemoChores puts up three open chores around Heerlen as actor, for the demo of `make run`. The chores
// are the actor's own, so another staff member must review their claims. It touches no photo folder.
func SeedDemoChores(ctx context.Context, cfg *config.Config, db *store.DB, actor accounts.Actor) error {
	svc, err := chores.New(db.Chores(), nil, choresOptions(cfg, slog.New(slog.DiscardHandler)))
	if err != nil {
		return err
	}
	closes := time.Now().AddDate(0, 1, 0)
	for _, in := range []chores.ChoreInput{
		{Title: "Zwerfafval prikken in het Aambos", Description: "Prik een zak zwerfafval vol langs de wandelpaden; grijper en zakken liggen bij de ingang.",
			Location: chores.Location{Lat: 50.8817, Lng: 5.9712, Area: "Aarveld"}, RewardCents: 500, Capacity: 20, ClosesAt: closes},
		{Title: "Bladeren ruimen bij speeltuin Molenberg", Description: "Veeg het blad van de paden en de zandbak.",
			Location: chores.Location{Lat: 50.8946, Lng: 5.9883, Area: "Molenberg"}, RewardCents: 750, Capacity: 5, PerResidentLimit: 1, ClosesAt: closes},
		{Title: "Boodschappen voor een buur", Description: "Doe de wekelijkse boodschappen voor een buurtgenoot die slecht ter been is.",
			Location: chores.Location{Lat: 50.8882, Lng: 5.9795, Area: "Centrum"}, RewardCents: 1000, Capacity: 10, ClosesAt: closes},
	} {
		if _, err := svc.CreateChore(ctx, actor, in); err != nil {
			return fmt.Errorf("demo chores: %w", err)
		}
	}
	return nil
}
