-- repair_status_counts: how many repairs each status has, kept exact by triggers on every write to repairs
-- (intake, status change, delete, bench:seed, db:import, hand-written SQL alike). The admin repairs list reads its
-- per-status counters here instead of counting every repair on each request.
CREATE TABLE repair_status_counts (
    status VARCHAR(255) NOT NULL PRIMARY KEY,
    total INTEGER NOT NULL DEFAULT 0
);
INSERT INTO repair_status_counts (status, total) SELECT status, COUNT(*) FROM repairs GROUP BY status;
CREATE TRIGGER repair_status_counts_after_insert AFTER INSERT ON repairs BEGIN INSERT INTO repair_status_counts (status, total) VALUES (NEW.status, 1) ON CONFLICT (status) DO UPDATE SET total = total + 1; END;
CREATE TRIGGER repair_status_counts_after_delete AFTER DELETE ON repairs BEGIN UPDATE repair_status_counts SET total = total - 1 WHERE status = OLD.status; END;
CREATE TRIGGER repair_status_counts_after_update AFTER UPDATE OF status ON repairs WHEN OLD.status IS NOT NEW.status BEGIN UPDATE repair_status_counts SET total = total - 1 WHERE status = OLD.status; INSERT INTO repair_status_counts (status, total) VALUES (NEW.status, 1) ON CONFLICT (status) DO UPDATE SET total = total + 1; END;
-- @down
DROP TRIGGER IF EXISTS repair_status_counts_after_insert;
DROP TRIGGER IF EXISTS repair_status_counts_after_delete;
DROP TRIGGER IF EXISTS repair_status_counts_after_update;
DROP TABLE IF EXISTS repair_status_counts;
