package notices

import (
	"context"
	"log/slog"
	"time"
)

// WorkerOptions configure a Worker.
type WorkerOptions struct {
	// Mailer sends the e-mails; nil sends none (each e-mail is marked skipped).
	Mailer Mailer
	// Pusher sends web pushes to the subscriptions PushStore keeps; without both, nothing is pushed.
	Pusher    Pusher
	PushStore PushStore
	// QueueAge is how long the oldest item of a staff queue may wait before staff are told; 0 tells nobody.
	QueueAge time.Duration
	// Every is how often the worker looks for work when nobody kicks it (default 5s).
	Every time.Duration
	// QueueEvery is how often the queues are checked (default 1m).
	QueueEvery time.Duration
	// RetryBase is the wait after the first failed e-mail or push; each further failure doubles it, up to
	// RetryMax (defaults 30s and 1h). After MaxAttempts attempts (default 8) it is given up.
	RetryBase   time.Duration
	RetryMax    time.Duration
	MaxAttempts int
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	Log *slog.Logger
}

// Worker delivers notices: into the app, and by e-mail and web push with retries and backoff. Several
// workers (one per API instance) may run at once: each e-mail and each push is leased to one of them.
type Worker struct {
	store Store
	svc   *Service
	o     WorkerOptions
	kick  chan struct{}
	// lastQueues is when the queues were last checked.
	lastQueues time.Time
}

// lease is how long a claimed e-mail is left to its worker before another may try it.
const lease = 5 * time.Minute

// batch is the most notices one round takes.
const batch = 100

// NewWorker returns a worker over store; svc makes the unsubscribe links.
func NewWorker(store Store, svc *Service, o WorkerOptions) *Worker {
	if o.Every <= 0 {
		o.Every = 5 * time.Second
	}
	if o.QueueEvery <= 0 {
		o.QueueEvery = time.Minute
	}
	if o.RetryBase <= 0 {
		o.RetryBase = 30 * time.Second
	}
	if o.RetryMax <= 0 {
		o.RetryMax = time.Hour
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 8
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return &Worker{store: store, svc: svc, o: o, kick: make(chan struct{}, 1)}
}

// Kick makes the worker look for work now.
func (w *Worker) Kick() {
	select {
	case w.kick <- struct{}{}:
	default:
	}
}

// Run delivers until ctx ends.
func (w *Worker) Run(ctx context.Context) {
	t := time.NewTicker(w.o.Every)
	defer t.Stop()
	for {
		if err := w.RunOnce(ctx); err != nil && ctx.Err() == nil {
			w.o.Log.Warn("notices: delivery round failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-w.kick:
		}
	}
}

// RunOnce does one round: the queues when due, the app, then the e-mails and the pushes due now. It
// returns the first error of the database; a failed e-mail or push is no error of the round (it is
// retried later).
func (w *Worker) RunOnce(ctx context.Context) error {
	now := w.o.Now()
	if w.o.QueueAge > 0 && now.Sub(w.lastQueues) >= w.o.QueueEvery {
		for _, q := range []Queue{QueueOnboarding, QueueReview} {
			n, err := w.store.CheckQueue(ctx, q, w.o.QueueAge, now)
			if err != nil {
				return err
			}
			if n > 0 {
				w.o.Log.Info("notices: queue waiting too long", "queue", q, "staff_told", n)
			}
		}
		w.lastQueues = now
	}
	for {
		n, err := w.store.DeliverApp(ctx, now, batch)
		if err != nil {
			return err
		}
		if n < batch {
			break
		}
	}
	if err := w.emails(ctx, now); err != nil {
		return err
	}
	if w.o.Pusher == nil || w.o.PushStore == nil {
		return nil
	}
	return w.pushes(ctx, now)
}

// emails sends the e-mails due now, or marks them skipped without a mailer.
func (w *Worker) emails(ctx context.Context, now time.Time) error {
	if w.o.Mailer == nil {
		_, err := w.store.SkipEmails(ctx)
		return err
	}
	for {
		out, err := w.store.ClaimEmails(ctx, now, lease, batch)
		if err != nil {
			return err
		}
		for _, o := range out {
			if err := w.send(ctx, o); err != nil {
				return err
			}
		}
		if len(out) < batch {
			return nil
		}
	}
}

// send mails one notice and records the outcome.
func (w *Worker) send(ctx context.Context, o Outgoing) error {
	t := Render(o.Language, o.Notice)
	m := Mail{To: o.Email, Subject: t.Title, Body: t.Body + "\n\n" + footer(o.Language, w.svc.UnsubscribeURL(o.AccountID)),
		Unsubscribe: w.svc.UnsubscribeURL(o.AccountID)}
	sctx, cancel := context.WithTimeout(ctx, time.Minute)
	err := w.o.Mailer.Send(sctx, m)
	cancel()
	now := w.o.Now()
	if err == nil {
		return w.store.EmailSent(ctx, o.ID, now)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var retry *time.Time
	if o.Attempts < w.o.MaxAttempts {
		at := now.Add(w.backoff(o.Attempts))
		retry = &at
	}
	// The log names the notice, never the address: a server's error may quote it, so the error itself is
	// kept only in the notice's row (email_error).
	w.o.Log.Warn("notices: e-mail failed", "notice", o.ID, "kind", o.Kind, "attempt", o.Attempts, "retry", retry != nil)
	return w.store.EmailFailed(ctx, o.ID, err.Error(), retry)
}

// backoff is the wait after the given number of failed attempts: RetryBase doubled for each, at most RetryMax.
func (w *Worker) backoff(attempts int) time.Duration {
	d := w.o.RetryBase
	for i := 1; i < attempts && d < w.o.RetryMax; i++ {
		d *= 2
	}
	return min(d, w.o.RetryMax)
}

// footer ends every e-mail: why it came and the one-click way to stop them.
func footer(lang Language, unsubscribe string) string {
	if lang == English {
		return "-- \nYou get this e-mail because you turned on e-mail notices in the 't Heerlens Heitje app.\n" +
			"No more e-mails: " + unsubscribe
	}
	return "-- \nJe krijgt deze e-mail omdat je e-mailberichten hebt aangezet in de app van 't Heerlens Heitje.\n" +
		"Geen e-mails meer: " + unsubscribe
}
