-- Administration screens (issue 15): IT sees when each device last called the agent, and a password that IT
-- reset must be replaced by its owner at the next sign-in.
ALTER TABLE device ADD COLUMN last_seen_at INTEGER;
ALTER TABLE app_user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
