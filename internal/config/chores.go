package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Chores are the rules of chores, claims, rewards and proof photos. Amounts are in euro cents.
type Chores struct {
	// PhotoDir is the folder of the proof photos, outside the database (PHOTO_DIR, default .run/photos:
	// right for make run, which starts in the project root; set an absolute path in production).
	PhotoDir string
	// MaxPhotoBytes is the largest proof photo (MAX_PHOTO_BYTES, default 8388608: 8 MiB).
	MaxPhotoBytes int64
	// MaxPhotoPixels is the most pixels a proof photo may declare (MAX_PHOTO_PIXELS, default 25000000);
	// checked before decoding, against decompression bombs.
	MaxPhotoPixels int64
	// Bounds is the municipality's area, which every chore's location must lie in
	// (MUNICIPALITY_BOUNDS=minLat,minLng,maxLat,maxLng; default Heerlen: 50.84,5.90,50.92,6.03).
	Bounds Bounds
	// MaxRewardCents is the highest reward of one chore (MAX_REWARD_CENTS, default 5000).
	MaxRewardCents int64
	// ClaimProofTTL is how long a claim may wait for proof before it expires and frees its place
	// (CLAIM_PROOF_TTL, default 48h).
	ClaimProofTTL time.Duration
	// RewardCapMonthCents and RewardCapYearCents are the most one resident may earn per calendar month and
	// year (REWARD_CAP_MONTH_CENTS, default 21000; REWARD_CAP_YEAR_CENTS, default 210000: the Dutch
	// volunteer-allowance limits).
	RewardCapMonthCents int64
	RewardCapYearCents  int64
}

// Bounds is a latitude/longitude box in decimal degrees.
type Bounds struct {
	MinLat, MinLng, MaxLat, MaxLng float64
}

// DefaultBounds is Heerlen.
var DefaultBounds = Bounds{MinLat: 50.84, MinLng: 5.90, MaxLat: 50.92, MaxLng: 6.03}

func (r *reader) chores() Chores {
	c := Chores{
		PhotoDir:            r.str("PHOTO_DIR", ".run/photos", false),
		MaxPhotoBytes:       int64(r.bounded("MAX_PHOTO_BYTES", 8<<20, 64<<10, 64<<20)),
		MaxPhotoPixels:      int64(r.bounded("MAX_PHOTO_PIXELS", 25_000_000, 1_000_000, 100_000_000)),
		Bounds:              r.bounds("MUNICIPALITY_BOUNDS"),
		MaxRewardCents:      int64(r.bounded("MAX_REWARD_CENTS", 5000, 1, 1_000_000)),
		ClaimProofTTL:       r.duration("CLAIM_PROOF_TTL", 48*time.Hour),
		RewardCapMonthCents: int64(r.bounded("REWARD_CAP_MONTH_CENTS", 21000, 1, 100_000_000)),
		RewardCapYearCents:  int64(r.bounded("REWARD_CAP_YEAR_CENTS", 210000, 1, 1_000_000_000)),
	}
	if c.RewardCapYearCents < c.RewardCapMonthCents {
		r.fail("REWARD_CAP_YEAR_CENTS", "must not be below REWARD_CAP_MONTH_CENTS")
	}
	return c
}

// bounds reads minLat,minLng,maxLat,maxLng.
func (r *reader) bounds(name string) Bounds {
	v := r.str(name, "", false)
	if v == "" {
		return DefaultBounds
	}
	parts := strings.Split(v, ",")
	var n [4]float64
	ok := len(parts) == 4
	for i := 0; ok && i < 4; i++ {
		f, err := strconv.ParseFloat(strings.TrimSpace(parts[i]), 64)
		n[i], ok = f, err == nil
	}
	b := Bounds{MinLat: n[0], MinLng: n[1], MaxLat: n[2], MaxLng: n[3]}
	if !ok || b.MinLat >= b.MaxLat || b.MinLng >= b.MaxLng || b.MinLat < -90 || b.MaxLat > 90 || b.MinLng < -180 || b.MaxLng > 180 {
		r.fail(name, fmt.Sprintf("must be minLat,minLng,maxLat,maxLng in decimal degrees with min below max, e.g. %g,%g,%g,%g",
			DefaultBounds.MinLat, DefaultBounds.MinLng, DefaultBounds.MaxLat, DefaultBounds.MaxLng))
		return DefaultBounds
	}
	return b
}
