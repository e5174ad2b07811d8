package store

import "github.com/heerlen/heitje/internal/privacy"

// ledgerDataset is the register entry of the coin ledger, and the classification of the tables of
// outbox_store.go and ledger_store.go: the intents the senders send and the indexer's copy of the chain.
// They hold addresses and amounts only; an address points to a person only through accounts.wallet_address
// and the bookkeeping rows, which erasure removes or moves to the erased stand-in.
var ledgerDataset = privacy.Dataset{
	Activity: privacy.Activity{
		ID:   actLedger,
		Name: "Coin ledger: chain intents and indexed chain events (pseudonymous)",
		Purposes: []string{"moving coins exactly once (outbox) and knowing balances and history without scanning the chain",
			"reconciliation of coins in circulation with what the municipality owes"},
		LegalBases: []privacy.LegalBasis{
			{Basis: privacy.BasisContract, Explanation: "rewards, payments and payouts move coins"},
			{Basis: privacy.BasisObligation, Explanation: "bookkeeping"}},
		Subjects:   []string{"holders of chain addresses: residents and shops (pseudonymous)"},
		Recipients: []string{"the chain's signer nodes (municipality and partners): addresses, amounts and opaque references only"},
		Transfers:  "none: the signer nodes run in the Netherlands/EU",
		Retention:  []privacy.RetentionCategory{privacy.RetainLedger},
		Security: append([]string{"nothing personal is written on chain: addresses, amounts and keccak hashes of internal ids only " +
			"(seed 000 §32); the end-to-end chain scan test proves it"}, security...),
		Processing: []string{"storage", "transmission to the chain", "indexing"},
		Origin:     "the platform's business actions and the chain",
		Automated:  "none",
		DPIA:       "DPIA 't Heerlens Heitje (blockchain)",
	},
	Tables: []privacy.Table{
		{Name: "chain_keys", Retention: privacy.RetainLedger, Columns: []privacy.Column{
			notPersonal("signer", "a municipal service key's name"), notPersonal("address", "a municipal service key's address"),
			notPersonal("next_nonce", "the service key's next nonce"),
		}},
		{Name: "chain_intents", Retention: privacy.RetainLedger, Columns: []privacy.Column{
			notPersonal("id", "an intent's number"), notPersonal("signer", "which service key sends it"),
			pseudonymous("kind", catAddress, "Kind of coin movement", actLedger),
			pseudonymous("idempotency_key", catAddress, "What caused the movement (internal ids)", actLedger),
			pseudonymous("args", catAddress, "Addresses and amount of the movement", actLedger),
			pseudonymous("status", catAddress, "Whether it is on chain", actLedger),
			notPersonal("nonce", "the service key's nonce"),
			pseudonymous("tx_hash", catAddress, "Transaction", actLedger),
			pseudonymous("prior_tx_hashes", catAddress, "Earlier transactions for the same nonce", actLedger),
			pseudonymous("raw_tx", catAddress, "The signed transaction as sent", actLedger),
			pseudonymous("block_number", catAddress, "Block", actLedger),
			pseudonymous("indexed_block", catAddress, "Block in which the ledger has it", actLedger),
			notPersonal("error", "why sending failed"), notPersonal("attempts", "how often it was tried"),
			notPersonal("retry_at", "when it is tried again"),
			pseudonymous("created_at", catAddress, "Queued at", actLedger), notPersonal("sent_at", "when it was broadcast"),
			pseudonymous("done_at", catAddress, "Confirmed or failed at", actLedger),
		}, Links: []privacy.Link{{Title: "Coin movements to or from your address (outbox)",
			Where: "lower(args->>'to') = @wallet OR lower(args->>'from') = @wallet",
			Columns: []string{"id", "kind", "idempotency_key", "args", "status", "tx_hash", "prior_tx_hashes", "raw_tx",
				"block_number", "indexed_block", "created_at", "done_at"}}}},
		{Name: "indexer_cursor", Retention: privacy.RetainLedger, Columns: []privacy.Column{
			notPersonal("token", "the coin contract"), notPersonal("block_number", "the indexer's position"),
			notPersonal("block_hash", "the indexer's position"), notPersonal("updated_at", "when the indexer moved"),
		}},
		{Name: "indexer_checkpoints", Retention: privacy.RetainLedger, Columns: []privacy.Column{
			notPersonal("token", "the coin contract"), notPersonal("block_number", "a remembered block"),
			notPersonal("block_hash", "a remembered block"),
		}},
		{Name: "token_events", Retention: privacy.RetainLedger, Columns: []privacy.Column{
			notPersonal("id", "an event's number"),
			pseudonymous("block_number", catAddress, "Block", actLedger),
			notPersonal("block_hash", "a block's hash"),
			pseudonymous("block_time", catAddress, "Time of the block", actLedger),
			pseudonymous("tx_hash", catAddress, "Transaction", actLedger),
			notPersonal("tx_index", "position in the block"), notPersonal("log_index", "position in the block"),
			pseudonymous("event", catAddress, "Event", actLedger),
			pseudonymous("from_address", catAddress, "From", actLedger),
			pseudonymous("to_address", catAddress, "To", actLedger),
			pseudonymous("amount", catAddress, "Amount (cents)", actLedger),
			pseudonymous("ref", catAddress, "Opaque reference (keccak hash of an internal id)", actLedger),
			pseudonymous("auth_nonce", catAddress, "Authorization nonce", actLedger),
			notPersonal("role", "a contract role granted or revoked"),
		}, Links: []privacy.Link{{Title: "Your coin history (indexed from the chain)", Where: "from_address = @wallet OR to_address = @wallet",
			Columns: []string{"block_number", "block_time", "tx_hash", "event", "from_address", "to_address", "amount", "ref", "auth_nonce"}}}},
		{Name: "token_balances", Retention: privacy.RetainLedger, Columns: []privacy.Column{
			pseudonymous("address", catAddress, "Address", actLedger),
			pseudonymous("balance", catAddress, "Balance (cents)", actLedger),
		}, Links: []privacy.Link{{Title: "Your balance (indexed from the chain)", Where: "address = @wallet",
			Columns: []string{"address", "balance"}}}},
	},
}
