DROP TABLE chain_intents;
DROP TABLE chain_keys;
