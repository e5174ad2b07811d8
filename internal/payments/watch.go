package payments

import (
	"context"
	"time"

	"github.com/heerlen/heitje/internal/accounts"
	"github.com/heerlen/heitje/internal/wakeup"
)

// Event is a step in a payment's life as the event stream tells it: submitted, then confirmed or failed; or
// expired, for a request nobody paid in time; or cancelled, for one the shop cancelled. Request is the
// request as it was read for the event.
type Event struct {
	Name    Status
	Request Request
}

// watchPoll is how often a watched request is read again without news from the hub.
const watchPoll = time.Second

// Watch follows a request for a caller who may see it (see Get). It sends one event for each step the
// payment reaches, in order, starting from the current state, so a stream opened after the confirmation
// still tells submitted and then confirmed. The channel is closed after a final event, when ctx ends, when
// the hub closes (the server is stopping), or when another resident pays a request the caller was
// watching. Reads that fail close the channel too; the client reconnects.
func (s *Service) Watch(ctx context.Context, p accounts.Principal, id string) (<-chan Event, error) {
	r, err := s.visible(ctx, p, id)
	if err != nil {
		return nil, err
	}
	out := make(chan Event)
	go s.follow(ctx, p, r.ID, out)
	return out, nil
}

func (s *Service) follow(ctx context.Context, p accounts.Principal, id string, out chan<- Event) {
	defer close(out)
	sub := s.hub.Subscribe(wakeup.RequestTopic(id))
	defer func() { sub.Close() }()
	told, intent := StatusOpen, int64(0)
	for {
		r, err := s.store.Request(ctx, id)
		if err != nil {
			return
		}
		if r.Paid() && p.Role == accounts.RoleResident && r.PayerID != p.AccountID {
			return
		}
		if r.Paid() && intent == 0 {
			// From now on the intent's news matters; subscribe first, then read again.
			intent = r.IntentID
			sub.Close()
			sub = s.hub.Subscribe(wakeup.RequestTopic(id), wakeup.IntentTopic(intent))
			continue
		}
		for _, step := range steps(told, r.Status) {
			select {
			case out <- Event{Name: step, Request: r}:
			case <-ctx.Done():
				return
			}
		}
		told = r.Status
		if r.Status.Final() {
			return
		}
		wait := watchPoll
		if until := time.Until(r.ExpiresAt); !r.Paid() && until > 0 && until < wait {
			wait = until + 10*time.Millisecond
		}
		select {
		case <-sub.C():
		case <-time.After(wait):
		case <-ctx.Done():
			return
		case <-s.hub.Done():
			return
		}
	}
}

// steps are the events that lead from the last status told to the current one.
func steps(told, now Status) []Status {
	switch now {
	case StatusExpired, StatusCancelled:
		return []Status{now}
	case StatusSubmitted:
		if told == StatusOpen {
			return []Status{StatusSubmitted}
		}
	case StatusConfirmed, StatusFailed:
		if told == StatusOpen {
			return []Status{StatusSubmitted, now}
		}
		if told == StatusSubmitted {
			return []Status{now}
		}
	}
	return nil
}
