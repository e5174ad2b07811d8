DROP TABLE token_balances;
DROP TABLE token_events;
DROP TABLE indexer_checkpoints;
DROP TABLE indexer_cursor;
