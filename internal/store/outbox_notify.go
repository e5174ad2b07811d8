package store

import (
	"context"
	"database/sql/driver"
	"fmt"

	"github.com/jackc/pgx/v5/stdlib"

	"github.com/heerlen/heitje/internal/outbox"
)

// intentsChannel is the Postgres channel on which a process tells the process that holds a signing key's lock
// that the key has new intents; the payload is the signer's name.
const intentsChannel = "heitje_intents"

// NotifyIntents tells whichever process listens (ListenIntents) that signer has new intents. It is sent after
// the intents' commit, and only by a process that does not run the key's sender itself: a NOTIFY inside the
// writing transaction would take Postgres' database-wide notify lock at every commit. A notification that is
// lost only delays the intents until the sender's next poll.
func (db *DB) NotifyIntents(ctx context.Context, signer outbox.Signer) error {
	return failed("DB.NotifyIntents", db.gorm.WithContext(ctx).Exec(`SELECT pg_notify(?, ?)`, intentsChannel, string(signer)).Error)
}

// ListenIntents listens on one connection of the pool and calls wake with the signer of each notification
// until ctx ends or the connection fails; it calls wake with "" once the listening has started, as anything
// sent before may have been missed. It returns ctx's error or the connection's, and the connection is closed,
// not returned to the pool.
func (db *DB) ListenIntents(ctx context.Context, wake func(outbox.Signer)) error {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return failed("DB.ListenIntents", err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("a connection of %T, not pgx's", dc)
		}
		pc := c.Conn()
		if _, err := pc.Exec(ctx, "LISTEN "+intentsChannel); err != nil {
			return fmt.Errorf("%w: %w", driver.ErrBadConn, err)
		}
		wake("")
		for {
			n, err := pc.WaitForNotification(ctx)
			if err != nil {
				// Still listening, or closed: not for the pool either way.
				return fmt.Errorf("%w: %w", driver.ErrBadConn, err)
			}
			wake(outbox.Signer(n.Payload))
		}
	})
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return failed("DB.ListenIntents", err)
}
