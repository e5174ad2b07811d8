package privacy_test

// push gives the person a browser with web push turned on, every column filled: pushed once with success,
// once failed and waiting for its retry. The subscription's address is a personal value of theirs, which
// erasure must remove.
func (e *env) push(r *person) {
	e.t.Helper()
	endpoint := "https://push.example/send/" + r.p.Username + "-7c1f"
	e.exec(`INSERT INTO push_subscriptions (account_id, endpoint, p256dh, auth, last_success_at, last_failure_at, last_error)
		VALUES ($1, $2, 'BPcMbnWQL5GOYX', 'dGVzdC1hdXRo', now(), now(), '500 Internal Server Error')`, r.p.AccountID, endpoint)
	e.exec(`INSERT INTO push_deliveries (notice_id, subscription_id, status, attempts, retry_at, sent_at, error)
		SELECT n.id, s.id, 'pending', 2, now() + interval '1 minute', now(), '500 Internal Server Error'
		FROM notices n JOIN push_subscriptions s ON s.account_id = n.account_id WHERE n.account_id = $1
		ORDER BY n.id LIMIT 1`, r.p.AccountID)
	if e.count(`SELECT count(*) FROM push_deliveries d JOIN push_subscriptions s ON s.id = d.subscription_id
		WHERE s.account_id = $1`, r.p.AccountID) != 1 {
		e.t.Fatal("the fixture's person has no notice to push")
	}
	r.values = append(r.values, endpoint)
}
