// Package wakeup carries news inside one process: "something happened to this intent or request, read it
// again". Payments wait on it; the chain senders write through it (Hub.Observe) so their waiters wake at once.
package wakeup

import (
	"context"
	"strconv"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/internal/outbox"
)

// Hub carries news inside one API process: "something happened to this intent or request, read it again".
// It carries no data, only wake-ups, so a missed or extra one costs a database read and nothing else; the
// waiters also poll, for news from senders in other processes. The zero Hub is not usable; use NewHub.
type Hub struct {
	mu     sync.Mutex
	subs   map[string]map[*Subscription]struct{}
	closed chan struct{}
	once   sync.Once
}

// NewHub returns an empty hub.
func NewHub() *Hub {
	return &Hub{subs: map[string]map[*Subscription]struct{}{}, closed: make(chan struct{})}
}

// IntentTopic is the topic of an outbox intent.
func IntentTopic(id int64) string { return "intent:" + strconv.FormatInt(id, 10) }

// RequestTopic is the topic of a payment request.
func RequestTopic(id string) string { return "request:" + id }

// Subscription wakes its holder when one of its topics is published. It must be closed.
type Subscription struct {
	hub    *Hub
	topics []string
	c      chan struct{}
}

// Subscribe starts listening to topics.
func (h *Hub) Subscribe(topics ...string) *Subscription {
	s := &Subscription{hub: h, topics: topics, c: make(chan struct{}, 1)}
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, t := range topics {
		if h.subs[t] == nil {
			h.subs[t] = map[*Subscription]struct{}{}
		}
		h.subs[t][s] = struct{}{}
	}
	return s
}

// C receives a value after one or more publications since the last receive.
func (s *Subscription) C() <-chan struct{} { return s.c }

// Close stops the subscription.
func (s *Subscription) Close() {
	h := s.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, t := range s.topics {
		delete(h.subs[t], s)
		if len(h.subs[t]) == 0 {
			delete(h.subs, t)
		}
	}
}

// Publish wakes the subscribers of the topics. It never blocks.
func (h *Hub) Publish(topics ...string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, t := range topics {
		for s := range h.subs[t] {
			select {
			case s.c <- struct{}{}:
			default:
			}
		}
	}
}

// Done is closed when the hub is closed: long waits (event streams) end then.
func (h *Hub) Done() <-chan struct{} { return h.closed }

// Close ends the long waits; the API server calls it when it starts shutting down.
func (h *Hub) Close() { h.once.Do(func() { close(h.closed) }) }

// Observe wraps an outbox store so that what a sender records through it (nonces and transactions
// assigned, replacements, requeues and outcomes) is published to the intents' topics after it is stored.
func (h *Hub) Observe(s outbox.Store) outbox.Store { return &observedStore{Store: s, hub: h} }

type observedStore struct {
	outbox.Store
	hub *Hub
}

func (o *observedStore) AssignNonces(ctx context.Context, signer outbox.Signer, signed []outbox.Signed, next uint64) error {
	err := o.Store.AssignNonces(ctx, signer, signed, next)
	if err == nil {
		topics := make([]string, len(signed))
		for i, sg := range signed {
			topics[i] = IntentTopic(sg.IntentID)
		}
		o.hub.Publish(topics...)
	}
	return err
}

func (o *observedStore) Replace(ctx context.Context, id int64, txHash common.Hash, raw []byte) error {
	err := o.Store.Replace(ctx, id, txHash, raw)
	if err == nil {
		o.hub.Publish(IntentTopic(id))
	}
	return err
}

func (o *observedStore) Requeue(ctx context.Context, id int64, reason string) error {
	err := o.Store.Requeue(ctx, id, reason)
	if err == nil {
		o.hub.Publish(IntentTopic(id))
	}
	return err
}

func (o *observedStore) Finish(ctx context.Context, outcomes []outbox.Outcome) error {
	err := o.Store.Finish(ctx, outcomes)
	if err == nil {
		topics := make([]string, len(outcomes))
		for i, oc := range outcomes {
			topics[i] = IntentTopic(oc.IntentID)
		}
		o.hub.Publish(topics...)
	}
	return err
}
