// Package calendar is the municipality's time zone, the one place that names it: the days of takings and
// payout periods, the months and years of the reward caps, the weeks and days of the overview, and every
// time shown to people are Heerlen's. Services take a *time.Location (so tests may pass another); their
// default is Zone. SQL that groups by day or month passes ZoneName as a parameter.
package calendar

import (
	"time"
	_ "time/tzdata" // the zone is known also on hosts without a zone database (a distroless image)
)

// ZoneName is the municipality's time zone, as the IANA database and Postgres' AT TIME ZONE name it.
const ZoneName = "Europe/Amsterdam"

var zone = func() *time.Location {
	z, err := time.LoadLocation(ZoneName)
	if err != nil {
		panic(err) // time/tzdata is linked in, so this cannot happen
	}
	return z
}()

// Zone is the municipality's time zone.
func Zone() *time.Location { return zone }
