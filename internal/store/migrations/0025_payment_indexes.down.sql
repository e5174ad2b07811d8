CREATE INDEX chain_intents_tx_hash ON chain_intents (tx_hash);
DROP INDEX chain_intents_unindexed_tx_hash;
CREATE INDEX payment_requests_payer_address ON payment_requests (payer_address) WHERE intent_id IS NOT NULL;
