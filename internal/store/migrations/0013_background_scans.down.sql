DROP INDEX token_events_redeemed;
DROP INDEX token_events_roles;
DROP INDEX payment_requests_shop_created;
DROP INDEX accounts_last_change;
