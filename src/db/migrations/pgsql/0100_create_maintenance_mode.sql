-- maintenance_mode: the database half of `nico down` (src/ops/maintenance_store.hpp). One row, id 1, read by every
-- node about once per second so that maintenance mode reaches the whole cluster, not only the node where it ran.
CREATE TABLE maintenance_mode (
    id BIGINT NOT NULL PRIMARY KEY,
    is_down INT NOT NULL DEFAULT 0,
    retry_seconds INT NOT NULL DEFAULT 0,
    secret VARCHAR(255) NOT NULL DEFAULT '',
    render_view VARCHAR(64) NOT NULL DEFAULT 'errors::503',
    created_at BIGINT NOT NULL DEFAULT 0,
    changed_ms BIGINT NOT NULL DEFAULT 0
);
-- @down
DROP TABLE IF EXISTS maintenance_mode;
