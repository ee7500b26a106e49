-- mail_templates: the shop's own subject and body for the mails edited in /admin/mails (src/domain/mail/template_store.hpp).
-- One row per customised mail, keyed by the template slug (password_reset, order_confirmation, email_verification);
-- no row means the built-in default of src/domain/mail/template_catalog.cpp. enabled = 0 stops that mail (the
-- password reset cannot be turned off). updated_at is UTC; updated_by the admin who saved it.
CREATE TABLE mail_templates (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `key` VARCHAR(64) NOT NULL,
    subject VARCHAR(255) NOT NULL,
    body MEDIUMTEXT NOT NULL,
    enabled TINYINT(1) NOT NULL DEFAULT 1,
    updated_by BIGINT UNSIGNED NULL,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY mail_templates_key_unique (`key`),
    KEY mail_templates_updated_by_foreign (updated_by),
    CONSTRAINT mail_templates_updated_by_foreign FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @down
DROP TABLE IF EXISTS mail_templates;
