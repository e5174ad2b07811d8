-- What an address may spend counts the coins confirmed on their way to it that the indexer has not
-- reached yet (a shop refunding a payment a moment after it was made), so the incoming side of payments
-- and refunds is looked up by address too.
CREATE INDEX payment_requests_shop_address ON payment_requests (shop_address) WHERE intent_id IS NOT NULL;
CREATE INDEX refunds_resident_address ON refunds (resident_address);
CREATE INDEX chain_intents_redeem_from ON chain_intents (lower(args ->> 'from')) WHERE kind = 'redeem';
