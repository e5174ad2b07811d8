DROP TABLE chore_changes;
