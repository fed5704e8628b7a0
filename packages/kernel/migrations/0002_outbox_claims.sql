-- A relay claims a batch of rows until this time instead of holding their row locks in an open
-- transaction while it publishes them: two statements a batch instead of four (begin, select for
-- update, update, commit). A claim left by a relay that died lapses, and another relay takes the rows.
alter table outbox add column claimed_until timestamptz;
