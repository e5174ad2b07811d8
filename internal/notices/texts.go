package notices

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/heerlen/heitje/internal/calendar"
	"github.com/heerlen/heitje/internal/money"
)

// Text is a notice as a person reads it: a title (the e-mail's subject) and a body.
type Text struct {
	Title string
	Body  string
}

// text is one kind's wording in one language; the functions read the notice's own params only.
type text struct {
	title func(p Params) string
	body  func(p Params) string
}

// texts holds every kind in Dutch and in English. A test checks that each kind has both.
var texts = map[Language]map[Kind]text{
	Dutch: {
		KindAccountApproved: {
			title: func(Params) string { return "Je account is goedgekeurd" },
			body: func(Params) string {
				return "De gemeente heeft je account goedgekeurd. Je kunt nu inloggen in de app van 't Heerlens Heitje."
			}},
		KindAccountRejected: {
			title: func(Params) string { return "Je account is niet goedgekeurd" },
			body: func(p Params) string {
				return "De gemeente heeft je aanmelding niet goedgekeurd. De reden: " + p["reason"]
			}},
		KindClaimApproved: {
			title: func(Params) string { return "Je klus is goedgekeurd" },
			body: func(p Params) string {
				return fmt.Sprintf("Je klus \"%s\" is goedgekeurd. Je beloning van %s wordt nu naar je app gestuurd.",
					p["chore"], euros(Dutch, p["amount_cents"]))
			}},
		KindClaimRejected: {
			title: func(Params) string { return "Je klus is afgewezen" },
			body: func(p Params) string {
				return fmt.Sprintf("Je klus \"%s\" is afgewezen. De reden: %s", p["chore"], p["reason"])
			}},
		KindClaimNeedsInfo: {
			title: func(Params) string { return "Er is meer informatie nodig over je klus" },
			body: func(p Params) string {
				return fmt.Sprintf("Voor je klus \"%s\" vraagt de gemeente: %s\nVoeg vóór %s foto's toe en stuur de klus opnieuw in.",
					p["chore"], p["message"], when(Dutch, p["due"]))
			}},
		KindRewardArrived: {
			title: func(Params) string { return "Je beloning is binnen" },
			body: func(p Params) string {
				return fmt.Sprintf("Je beloning van %s voor de klus \"%s\" staat in je app.", euros(Dutch, p["amount_cents"]), p["chore"])
			}},
		KindPaymentRefunded: {
			title: func(Params) string { return "Je hebt geld teruggekregen" },
			body: func(p Params) string {
				return fmt.Sprintf("Je hebt %s teruggekregen van je betaling van %s op %s. De reden van de winkel: %s",
					euros(Dutch, p["amount_cents"]), euros(Dutch, p["payment_cents"]), day(Dutch, p["paid_on"]), p["reason"])
			}},
		KindPayoutPaid: {
			title: func(Params) string { return "Je uitbetaling is betaald" },
			body: func(p Params) string {
				return fmt.Sprintf("De gemeente heeft op %s %s aan je uitbetaald (kenmerk %s).",
					day(Dutch, p["paid_on"]), euros(Dutch, p["amount_cents"]), p["reference"])
			}},
		KindQueueWaiting: {
			title: func(p Params) string { return queueName(Dutch, p["queue"]) + " wacht te lang" },
			body: func(p Params) string {
				return fmt.Sprintf("In de wachtrij %s wacht het oudste verzoek langer dan %s uur. Open de beheeromgeving om het af te handelen.",
					strings.ToLower(queueName(Dutch, p["queue"])), p["hours"])
			}},
		KindRecoveryAsked: {
			title: func(Params) string { return "Er is gevraagd je munten naar een nieuwe sleutel te halen" },
			body: func(Params) string {
				return "Voor je account is gevraagd je munten naar een nieuwe telefoon over te zetten. Was jij dat niet? " +
					"Annuleer het dan met je oude telefoon in de app en neem contact op met de gemeente."
			}},
		KindRecoveryApproved: {
			title: func(Params) string { return "Het overzetten van je munten is goedgekeurd" },
			body: func(p Params) string {
				return fmt.Sprintf("De gemeente heeft het overzetten van je munten naar je nieuwe telefoon goedgekeurd. Op %s gaan ze over, "+
					"tenzij je het eerder annuleert met je oude telefoon.", when(Dutch, p["executable_at"]))
			}},
		KindRecoveryCancelled: {
			title: func(Params) string { return "Het overzetten van je munten is geannuleerd" },
			body: func(Params) string {
				return "Het overzetten van je munten naar een nieuwe telefoon is geannuleerd. Er is niets verplaatst."
			}},
	},
	English: {
		KindAccountApproved: {
			title: func(Params) string { return "Your account was approved" },
			body: func(Params) string {
				return "The municipality approved your account. You can now sign in to the 't Heerlens Heitje app."
			}},
		KindAccountRejected: {
			title: func(Params) string { return "Your account was not approved" },
			body: func(p Params) string {
				return "The municipality did not approve your registration. The reason: " + p["reason"]
			}},
		KindClaimApproved: {
			title: func(Params) string { return "Your chore was approved" },
			body: func(p Params) string {
				return fmt.Sprintf("Your chore \"%s\" was approved. Your reward of %s is on its way to your app.",
					p["chore"], euros(English, p["amount_cents"]))
			}},
		KindClaimRejected: {
			title: func(Params) string { return "Your chore was rejected" },
			body: func(p Params) string {
				return fmt.Sprintf("Your chore \"%s\" was rejected. The reason: %s", p["chore"], p["reason"])
			}},
		KindClaimNeedsInfo: {
			title: func(Params) string { return "More information is needed about your chore" },
			body: func(p Params) string {
				return fmt.Sprintf("About your chore \"%s\" the municipality asks: %s\nAdd photos and submit the chore again before %s.",
					p["chore"], p["message"], when(English, p["due"]))
			}},
		KindRewardArrived: {
			title: func(Params) string { return "Your reward has arrived" },
			body: func(p Params) string {
				return fmt.Sprintf("Your reward of %s for the chore \"%s\" is in your app.", euros(English, p["amount_cents"]), p["chore"])
			}},
		KindPaymentRefunded: {
			title: func(Params) string { return "You got money back" },
			body: func(p Params) string {
				return fmt.Sprintf("You got %s back of your payment of %s on %s. The shop's reason: %s",
					euros(English, p["amount_cents"]), euros(English, p["payment_cents"]), day(English, p["paid_on"]), p["reason"])
			}},
		KindPayoutPaid: {
			title: func(Params) string { return "Your payout was paid" },
			body: func(p Params) string {
				return fmt.Sprintf("The municipality paid you %s on %s (reference %s).",
					euros(English, p["amount_cents"]), day(English, p["paid_on"]), p["reference"])
			}},
		KindQueueWaiting: {
			title: func(p Params) string { return queueName(English, p["queue"]) + " is waiting too long" },
			body: func(p Params) string {
				return fmt.Sprintf("In the %s queue the oldest item has waited more than %s hours. Open the console to deal with it.",
					strings.ToLower(queueName(English, p["queue"])), p["hours"])
			}},
		KindRecoveryAsked: {
			title: func(Params) string { return "Someone asked to move your coins to a new key" },
			body: func(Params) string {
				return "For your account someone asked to move your coins to a new phone. Was it not you? " +
					"Cancel it with your old phone in the app and contact the municipality."
			}},
		KindRecoveryApproved: {
			title: func(Params) string { return "Moving your coins was approved" },
			body: func(p Params) string {
				return fmt.Sprintf("The municipality approved moving your coins to your new phone. They move on %s, "+
					"unless you cancel it before with your old phone.", when(English, p["executable_at"]))
			}},
		KindRecoveryCancelled: {
			title: func(Params) string { return "Moving your coins was cancelled" },
			body: func(Params) string {
				return "Moving your coins to a new phone was cancelled. Nothing moved."
			}},
	},
}

// Render returns the notice's text in lang (Dutch for an unknown language).
func Render(lang Language, n Notice) Text {
	if !lang.Known() {
		lang = Dutch
	}
	t, ok := texts[lang][n.Kind]
	if !ok {
		return Text{Title: string(n.Kind)}
	}
	p := n.Params
	if p == nil {
		p = Params{}
	}
	return Text{Title: t.title(p), Body: t.body(p)}
}

// euros writes cents as an amount in euros the way lang writes it: "€ 1.234,50" or "€1,234.50".
func euros(lang Language, centsText string) string {
	n, err := strconv.ParseInt(centsText, 10, 64)
	if err != nil {
		return centsText
	}
	if lang == Dutch {
		return money.Dutch(n)
	}
	return money.English(n)
}

// amsterdam is the zone the texts give times in.
var amsterdam = calendar.Zone()

// when writes an RFC 3339 time as a date and time in Amsterdam.
func when(lang Language, v string) string {
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return v
	}
	t = t.In(amsterdam)
	if lang == Dutch {
		return t.Format("2-1-2006 15:04")
	}
	return t.Format("2 January 2006 15:04")
}

// day writes a date (2006-01-02) the way lang writes it.
func day(lang Language, v string) string {
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return v
	}
	if lang == Dutch {
		return t.Format("2-1-2006")
	}
	return t.Format("2 January 2006")
}

func queueName(lang Language, q string) string {
	switch {
	case q == string(QueueOnboarding) && lang == Dutch:
		return "Aanmeldingen"
	case q == string(QueueOnboarding):
		return "Sign-ups"
	case q == string(QueueReview) && lang == Dutch:
		return "Beoordelingen"
	default:
		return "Reviews"
	}
}
