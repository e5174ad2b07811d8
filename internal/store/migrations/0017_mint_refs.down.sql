DROP INDEX IF EXISTS token_events_minted_ref;
DROP INDEX IF EXISTS chain_intents_mint_ref;
ALTER TABLE chain_intents DROP CONSTRAINT chain_intents_check;
ALTER TABLE chain_intents ADD CONSTRAINT chain_intents_check CHECK (CASE status WHEN 'queued' THEN nonce IS NULL
    WHEN 'failed' THEN true ELSE nonce IS NOT NULL END) NOT VALID;
