DROP TABLE wallet_challenges;
DROP TABLE login_failures;
DROP TABLE refresh_tokens;
DROP TABLE sessions;
DROP TABLE shops;
DROP TABLE accounts;
