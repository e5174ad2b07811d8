package chain

import (
	"context"
	"time"
)

// WatchHeads reads the node's block number every interval and calls onHead with each new one, until ctx
// ends. One watcher per process lets the senders and the indexer act on a new block within an interval
// without each of them polling the node that often. Errors are skipped: the next read tries again.
func (c *Client) WatchHeads(ctx context.Context, every time.Duration, onHead func(head uint64)) {
	t := time.NewTicker(every)
	defer t.Stop()
	var last uint64
	for {
		if n, err := c.BlockNumber(ctx); err == nil && n != last {
			last = n
			onHead(n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
