-- kpi_report_runs: one row per KPI report sent or attempted (src/domain/alerts/kpi_delivery.hpp), newest shown in
-- /admin/configuracion/reportes and by the health check. source: 'scheduled' | 'manual' (Enviar ahora) | 'command';
-- outcome: 'queued' | 'no_recipients' | 'failed'; detail: recipients or the error. created_at is UTC.
CREATE TABLE kpi_report_runs (
    id BIGSERIAL PRIMARY KEY,
    range_days INTEGER NOT NULL,
    source VARCHAR(20) NOT NULL,
    outcome VARCHAR(20) NOT NULL,
    detail TEXT NULL,
    created_at TIMESTAMP(0) NULL
);
-- @down
DROP TABLE IF EXISTS kpi_report_runs;
