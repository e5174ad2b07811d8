DROP TABLE key_recoveries;
