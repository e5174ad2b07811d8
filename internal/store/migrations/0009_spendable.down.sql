DROP INDEX chain_intents_redeem_from;
DROP INDEX refunds_resident_address;
DROP INDEX payment_requests_shop_address;
