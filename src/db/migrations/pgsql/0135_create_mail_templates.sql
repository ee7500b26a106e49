-- mail_templates: the shop's own subject and body for the mails edited in /admin/mails (src/domain/mail/template_store.hpp).
-- One row per customised mail, keyed by the template slug (password_reset, order_confirmation, email_verification);
-- no row means the built-in default of src/domain/mail/template_catalog.cpp. enabled = 0 stops that mail (the
-- password reset cannot be turned off). updated_at is UTC; updated_by the admin who saved it.
CREATE TABLE mail_templates (
    id BIGSERIAL PRIMARY KEY,
    "key" VARCHAR(64) NOT NULL,
    subject VARCHAR(255) NOT NULL,
    body TEXT NOT NULL,
    enabled SMALLINT NOT NULL DEFAULT 1,
    updated_by BIGINT NULL,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT mail_templates_key_unique UNIQUE ("key"),
    CONSTRAINT mail_templates_updated_by_foreign FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX mail_templates_updated_by_foreign ON mail_templates (updated_by);
-- @down
DROP TABLE IF EXISTS mail_templates;
