package app

import (
	"context"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/chain"
	"github.com/heerlen/heitje/contracts"
	"github.com/heerlen/heitje/internal/recovery"
)

// recoveryEvery is how often the recovery worker looks for approved recoveries with a chain step due.
const recoveryEvery = time.Second

// assembleRecovery builds the recovery service and, when RECOVERY_KEY is set, the recovery key's sender.
func (p *Platform) assembleRecovery(token *chain.Token) {
	enabled := p.cfg.RecoveryKey != nil
	if enabled {
		p.senders = append(p.senders, chain.NewSender(recovery.Signer, p.cfg.RecoveryKey, p.client, p.work.Outbox(), token, p.log))
	}
	p.recovery = recovery.New(p.db.Recoveries(), recoveryChain{chain.NewRecoveryReader(p.client, token)},
		recovery.Domain{ChainID: p.cfg.ChainID, Token: p.cfg.TokenAddress}, enabled)
}

// runRecoveryWorker starts the worker that carries approved recoveries through the chain; it stops when ctx
// ends.
func (p *Platform) runRecoveryWorker(ctx context.Context, wg *sync.WaitGroup) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		p.recovery.Run(ctx, recoveryEvery, p.log.With("component", "recovery"))
	}()
}

// recoveryChain is the contract's view of recoveries in the recovery domain's terms.
type recoveryChain struct{ r *chain.RecoveryReader }

func (c recoveryChain) Recovery(ctx context.Context, ref common.Hash) (recovery.OnChain, error) {
	st, err := c.r.Recovery(ctx, ref)
	if err != nil {
		return recovery.OnChain{}, err
	}
	return recovery.OnChain{Pending: st.Status == contracts.RecoveryPending, Cancelled: st.Status == contracts.RecoveryCancelled,
		Executed: st.Status == contracts.RecoveryExecuted, ExecutableAt: st.ExecutableAt}, nil
}
