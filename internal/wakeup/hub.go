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
// It carries wake-ups, and with an intent's the hash of the transaction its sender stored for it (TxHash),
// so that a payment waiting for that hash needs no read; a missed or extra wake-up costs a database read
// and nothing else, and the waiters also poll, for news from senders in other processes. The zero Hub is
// not usable; use NewHub.
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
	txHash common.Hash // the newest published with one of the topics; guarded by hub.mu
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

// TxHash is the newest transaction hash that a sender stored for an intent among the topics, as published
// with the news; zero when none was.
func (s *Subscription) TxHash() common.Hash {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	return s.txHash
}

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
		h.wake(t, common.Hash{})
	}
}

// publishSent wakes the subscribers of intents' topics with the hashes of the transactions now stored for
// them.
func (h *Hub) publishSent(ids []int64, hashes []common.Hash) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for i, id := range ids {
		h.wake(IntentTopic(id), hashes[i])
	}
}

// wake wakes the subscribers of topic, giving them txHash unless it is zero; h.mu is held.
func (h *Hub) wake(topic string, txHash common.Hash) {
	for s := range h.subs[topic] {
		if txHash != (common.Hash{}) {
			s.txHash = txHash
		}
		select {
		case s.c <- struct{}{}:
		default:
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
		ids, hashes := make([]int64, len(signed)), make([]common.Hash, len(signed))
		for i, sg := range signed {
			ids[i], hashes[i] = sg.IntentID, sg.TxHash
		}
		o.hub.publishSent(ids, hashes)
	}
	return err
}

func (o *observedStore) Replace(ctx context.Context, id int64, txHash common.Hash, raw []byte) error {
	err := o.Store.Replace(ctx, id, txHash, raw)
	if err == nil {
		o.hub.publishSent([]int64{id}, []common.Hash{txHash})
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
