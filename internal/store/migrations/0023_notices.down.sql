DROP TABLE notice_queue_alerts;
DROP TABLE notice_settings;
DROP TABLE notices;
