DROP INDEX chain_intents_mint_to;
DROP TABLE claim_photos;
DROP TABLE claims;
DROP TABLE chores;
