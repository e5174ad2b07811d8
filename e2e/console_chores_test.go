package e2e_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/config"
)

// TestConsoleChores: a chore manager sees each chore's places taken and budget used, and puts up a new
// chore by clicking its place on the map of Heerlen (the latitude and longitude fields fill in). The tile
// source cannot be reached, and the map still works: its frame, the municipality's bounds and the marker.
// A form with missing fields, a place outside the municipality and a reward above the maximum are each
// refused next to the field, and nothing is written. The chore is closed, reopened and changed. axe-core
// checks every page in Dutch and English.
func TestConsoleChores(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	p.cfg.Web.MapTilesURL = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png" // nothing listens there
	p.serve()
	p.newStaff("klusbeheerder", true, accounts.PrivChoresManage)
	old := p.chore(500, 4)
	p.submittedClaims(p.residents(1), old)
	chores := func() int { return p.count(`SELECT count(*) FROM chores`) }

	d := p.newDesk(t)
	d.signIn("klusbeheerder")
	d.open("/beheer/klussen")
	d.page("/beheer/klussen")
	d.sees(old.Title)
	d.sees("1 van 4")            // places taken
	d.sees("€ 5,00 van € 20,00") // budget used: the open claim's reservation
	d.checkA11y("the chores")
	d.screenshot("console-chores-1-list")

	d.click(`main a[href="/beheer/klussen/nieuw"]`)
	d.page("/beheer/klussen/nieuw")
	d.waitTrue("the map with the municipality's bounds", `!document.querySelector("[data-chore-map-wrap]").hidden &&
		document.querySelector(".chores-map.leaflet-container path") !== null`)

	// Missing fields: said next to each, nothing written.
	d.click(`main form.chores-form button[type="submit"]`)
	d.sees("Vul een titel in.")
	d.sees("Vul de buurt of wijk in.")
	d.sees("Kies de plek op de kaart, of vul de breedte- en lengtegraad in")
	d.sees("Vul de beloning in euro's in")
	d.waitTrue("the title marked invalid", `document.getElementById("f-title").getAttribute("aria-invalid") === "true"`)
	if n := chores(); n != 1 {
		t.Fatalf("a form with missing fields wrote a chore: %d chores", n)
	}
	d.checkA11y("a new chore's form with missing fields")

	// A place picked on the map fills in the fields.
	d.fill("title", "Zwerfafval prikken rond de Schinkel")
	d.fill("description", "Prik een uur zwerfafval en stuur een foto van de volle zak.")
	d.fill("area", "Schandelen")
	d.do("click on the map", chromedp.Click(chromedp.CSS(`main .chores-map`)))
	d.waitTrue("the place filled in", `document.getElementById("f-lat").value !== "" && document.getElementById("f-lng").value !== ""`)
	lat, lng := d.coord("lat"), d.coord("lng")
	if b := config.DefaultBounds; lat < b.MinLat || lat > b.MaxLat || lng < b.MinLng || lng > b.MaxLng {
		t.Fatalf("the map's middle is %f,%f: outside Heerlen", lat, lng)
	}
	d.sees("Gekozen plek:")
	d.fill("capacity", "3")
	closes := time.Now().AddDate(0, 1, 0).Format(time.DateOnly)
	d.setValue("closes", closes)
	d.screenshot("console-chores-2-new")

	// A reward above the maximum: refused next to the field, nothing written.
	d.fill("reward", "75")
	d.click(`main form.chores-form button[type="submit"]`)
	d.sees("De beloning is hoger dan het maximum van € 50,00 per klus.")
	d.waitTrue("the reward marked invalid", `document.getElementById("f-reward").getAttribute("aria-invalid") === "true" &&
		document.getElementById("f-reward").getAttribute("aria-describedby").includes("f-reward-error")`)
	if n := chores(); n != 1 {
		t.Fatalf("a reward above the maximum wrote a chore: %d chores", n)
	}

	// A place outside the municipality (Maastricht): refused next to the place, nothing written.
	d.fill("reward", "7,50")
	d.fill("lat", "50,8514")
	d.fill("lng", "5,6909")
	d.click(`main form.chores-form button[type="submit"]`)
	d.sees("Deze plek ligt buiten de gemeente.")
	d.waitTrue("the place marked invalid", `document.getElementById("f-lat").getAttribute("aria-invalid") === "true" &&
		document.getElementById("f-location-error") !== null`)
	if n := chores(); n != 1 {
		t.Fatalf("a place outside the municipality wrote a chore: %d chores", n)
	}
	// (Once, in Dutch: switching the language shows the form afresh.)
	d.checkA11yOnce("a new chore's form with a place outside the municipality")

	// Picked on the map again, the chore is put up.
	d.waitTrue("the marker at the typed place", `document.querySelectorAll(".chores-map path").length >= 2`)
	d.do("click on the map", chromedp.Click(chromedp.CSS(`main .chores-map`)))
	d.waitTrue("the place filled in again", `Number(document.getElementById("f-lng").value) > 5.9`)
	d.click(`main form.chores-form button[type="submit"]`)
	d.page("/beheer/klussen")
	d.sees("De klus staat uit.")
	d.sees("Zwerfafval prikken rond de Schinkel")
	if n := p.count(`SELECT count(*) FROM chores WHERE title = 'Zwerfafval prikken rond de Schinkel' AND area = 'Schandelen'
		AND reward_cents = 750 AND capacity = 3 AND budget_cents = 2250 AND lat BETWEEN 50.84 AND 50.92 AND lng BETWEEN 5.90 AND 6.03
		AND closed_at IS NULL AND (closes_at AT TIME ZONE 'Europe/Amsterdam')::date = $1::date + 1`, closes); n != 1 {
		t.Fatal("the chore was not written as the form said")
	}

	// Close, reopen and change it.
	d.click(`main a[href^="/beheer/klussen/"]:not([href$="/nieuw"])`)
	id := d.screenUnder("/beheer/klussen/")[len("/beheer/klussen/"):]
	if id == old.ID {
		d.open("/beheer/klussen")
		d.page("/beheer/klussen")
		t.Fatal("the newest chore is not listed first")
	}
	d.sees("0 van 3")
	d.checkA11y("a chore")
	d.screenshot("console-chores-3-chore")
	d.click(`main form[action$="/sluiten"] button`)
	d.sees("De klus is gesloten.")
	if n := p.count(`SELECT count(*) FROM chores WHERE id = $1 AND closed_at IS NOT NULL`, id); n != 1 {
		t.Fatal("the chore was not closed")
	}
	d.click(`main form[action$="/heropenen"] button`)
	d.sees("De klus is weer open.")
	if n := p.count(`SELECT count(*) FROM chores WHERE id = $1 AND closed_at IS NULL`, id); n != 1 {
		t.Fatal("the chore was not reopened")
	}
	d.fill("capacity", "4")
	d.fill("budget", "30")
	d.click(`main form.chores-form button[type="submit"]`)
	d.page("/beheer/klussen")
	d.sees("De klus is gewijzigd.")
	if n := p.count(`SELECT count(*) FROM chores WHERE id = $1 AND capacity = 4 AND budget_cents = 3000 AND reward_cents = 750
		AND (closes_at AT TIME ZONE 'Europe/Amsterdam')::date = $2::date + 1`, id, closes); n != 1 {
		t.Fatal("the change was not written")
	}
}

// coord is the number in the latitude or longitude field name.
func (d desk) coord(name string) float64 {
	d.t.Helper()
	v, err := chromedp.Run(d.ctx, chromedp.Evaluate[float64](`Number(document.getElementById("f-`+name+`").value.replace(",", "."))`))
	if err != nil {
		d.t.Fatal(err)
	}
	return v
}

// setValue sets a field's value directly: for a date field, whose typing order depends on the browser's
// locale.
func (d desk) setValue(name, value string) {
	d.t.Helper()
	d.do("set "+name, chromedp.Evaluate[chromedp.Void](`document.querySelector('main [name="`+name+`"]').value = "`+value+`"`))
}
