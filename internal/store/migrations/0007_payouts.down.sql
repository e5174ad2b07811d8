DROP TABLE payout_lines;
DROP FUNCTION payout_lines_fixed();
DROP TABLE payout_runs;
