-- A mint or redeem whose reference an earlier transaction already used (say, one sent before the database was
-- restored to a point that did not record it) ends confirmed with that transaction, without a nonce of its own.
ALTER TABLE chain_intents DROP CONSTRAINT chain_intents_check;
ALTER TABLE chain_intents ADD CONSTRAINT chain_intents_check CHECK (CASE status WHEN 'queued' THEN nonce IS NULL
    WHEN 'failed' THEN true WHEN 'confirmed' THEN nonce IS NOT NULL OR tx_hash IS NOT NULL ELSE nonce IS NOT NULL END);

-- Reconciliation matches every Minted event with the mint intent (and so the claim) of its reference.
CREATE INDEX chain_intents_mint_ref ON chain_intents (lower(args ->> 'ref')) WHERE kind = 'mint';
CREATE INDEX token_events_minted_ref ON token_events (lower(ref)) WHERE event = 'Minted';
