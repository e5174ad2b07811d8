-- Fewer index entries per payment. Each payment writes a new version of its request and four versions of its
-- intent, and none of those updates can stay on the heap page alone (HOT), so each version enters every
-- index whose condition it meets.
--
-- No query looks a paid request up by the address that paid it.
DROP INDEX payment_requests_payer_address;

-- The one lookup by transaction hash is the indexer's, which marks the intents of a block it has indexed
-- (indexed_block IS NULL). A queued intent has no hash yet and an indexed one is not looked up again, so
-- neither needs an entry.
CREATE INDEX chain_intents_unindexed_tx_hash ON chain_intents (tx_hash)
    WHERE tx_hash IS NOT NULL AND indexed_block IS NULL;
DROP INDEX chain_intents_tx_hash;
