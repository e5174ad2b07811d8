-- What an address may spend counts every coin movement exactly once: either in token_balances, because the
-- indexer has applied the movement's events, or as an intent that the indexer has not reached yet. The
-- indexer marks the intents whose transactions it indexes (indexed_block) in the same database transaction
-- as the balances, and a rewind clears the mark with the balances, so both sides always agree, whatever
-- order the sender's receipt and the indexer's block arrive in.
ALTER TABLE chain_intents ADD COLUMN indexed_block bigint;

UPDATE chain_intents i SET indexed_block = e.block_number
FROM (SELECT tx_hash, min(block_number) AS block_number FROM token_events GROUP BY tx_hash) e
WHERE e.tx_hash = i.tx_hash;

UPDATE chain_intents i SET indexed_block = e.block_number
FROM (SELECT tx_hash, min(block_number) AS block_number FROM token_events GROUP BY tx_hash) e
WHERE i.indexed_block IS NULL AND i.status = 'sent' AND i.prior_tx_hashes @> jsonb_build_array(e.tx_hash);

-- The movements still on their way, by the address they leave and the address they reach: few rows, as
-- each leaves these indexes when its block is indexed or it fails.
CREATE INDEX chain_intents_unindexed_from ON chain_intents (lower(args ->> 'from'))
    WHERE indexed_block IS NULL AND status <> 'failed';
CREATE INDEX chain_intents_unindexed_to ON chain_intents (lower(args ->> 'to'))
    WHERE indexed_block IS NULL AND status <> 'failed';

-- Replaced by the two above.
DROP INDEX chain_intents_redeem_from;
DROP INDEX payment_requests_shop_address;
