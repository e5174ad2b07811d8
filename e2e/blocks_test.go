package e2e_test

import "time"

// waitBlocksIndexed waits until n more blocks than the chain has now are sealed and indexed: the blocks in
// which anything still on its way (a duplicate mint, a transfer nobody should have sent) would have landed
// and been seen. It waits for the blocks, not for a time, so a busy machine only makes it slower.
func (p *platform) waitBlocksIndexed(n uint64) {
	p.tb.Helper()
	head, err := p.client.BlockNumber(p.ctx)
	if err != nil {
		p.tb.Fatal(err)
	}
	p.waitFor("more blocks to be sealed and indexed", 2*time.Minute, func() bool {
		return p.count(`SELECT count(*) FROM indexer_cursor WHERE block_number >= $1`, int64(head+n)) == 1
	})
}
