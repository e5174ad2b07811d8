CREATE INDEX payment_requests_shop_address ON payment_requests (shop_address) WHERE intent_id IS NOT NULL;
CREATE INDEX chain_intents_redeem_from ON chain_intents (lower(args ->> 'from')) WHERE kind = 'redeem';
DROP INDEX chain_intents_unindexed_to;
DROP INDEX chain_intents_unindexed_from;
ALTER TABLE chain_intents DROP COLUMN indexed_block;
