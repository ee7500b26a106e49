-- Device catalog (types, brands, groups, models, issues), repair types, pricing rules (docs/domain/data-model.md).
-- Money columns are BIGINT centavos.
CREATE TABLE device_types (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active TINYINT(1) NOT NULL DEFAULT 1,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY device_types_name_unique (name),
    UNIQUE KEY device_types_slug_unique (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE device_brands (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    device_type_id BIGINT UNSIGNED NOT NULL,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active TINYINT(1) NOT NULL DEFAULT 1,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY device_brands_device_type_id_slug_unique (device_type_id, slug),
    CONSTRAINT device_brands_device_type_id_foreign FOREIGN KEY (device_type_id) REFERENCES device_types (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE device_model_groups (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    device_brand_id BIGINT UNSIGNED NOT NULL,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active TINYINT(1) NOT NULL DEFAULT 1,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    KEY device_model_groups_device_brand_id_active_index (device_brand_id, active),
    CONSTRAINT device_model_groups_device_brand_id_foreign FOREIGN KEY (device_brand_id) REFERENCES device_brands (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE device_models (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    device_brand_id BIGINT UNSIGNED NOT NULL,
    device_model_group_id BIGINT UNSIGNED NULL,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active TINYINT(1) NOT NULL DEFAULT 1,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY device_models_device_brand_id_slug_unique (device_brand_id, slug),
    KEY device_models_device_brand_id_device_model_group_id_index (device_brand_id, device_model_group_id),
    KEY device_models_device_model_group_id_foreign (device_model_group_id),
    CONSTRAINT device_models_device_brand_id_foreign FOREIGN KEY (device_brand_id) REFERENCES device_brands (id) ON DELETE CASCADE,
    CONSTRAINT device_models_device_model_group_id_foreign FOREIGN KEY (device_model_group_id) REFERENCES device_model_groups (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE device_issue_types (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    device_type_id BIGINT UNSIGNED NOT NULL,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active TINYINT(1) NOT NULL DEFAULT 1,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY device_issue_types_device_type_id_slug_unique (device_type_id, slug),
    CONSTRAINT device_issue_types_device_type_id_foreign FOREIGN KEY (device_type_id) REFERENCES device_types (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE repair_types (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active TINYINT(1) NOT NULL DEFAULT 1,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY repair_types_slug_unique (slug)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE pricing_rules (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    device_type_id BIGINT UNSIGNED NOT NULL,
    repair_type_id BIGINT UNSIGNED NOT NULL,
    device_brand_id BIGINT UNSIGNED NULL,
    device_model_group_id BIGINT UNSIGNED NULL,
    device_model_id BIGINT UNSIGNED NULL,
    -- enum: 'margin' | 'fixed'
    mode VARCHAR(20) NOT NULL DEFAULT 'margin',
    -- ratio, not money: 0.25 = 25 % margin
    multiplier DECIMAL(8,2) NULL,
    -- centavos
    min_profit BIGINT NULL CHECK (min_profit >= 0),
    -- centavos
    fixed_total BIGINT NULL CHECK (fixed_total >= 0),
    -- centavos
    shipping_default BIGINT NOT NULL DEFAULT 0 CHECK (shipping_default >= 0),
    priority INT NOT NULL DEFAULT 0,
    active TINYINT(1) NOT NULL DEFAULT 1,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    KEY pricing_rules_device_type_id_repair_type_id_active_index (device_type_id, repair_type_id, active),
    KEY pricing_rules_repair_type_id_foreign (repair_type_id),
    KEY pricing_rules_device_brand_id_foreign (device_brand_id),
    KEY pricing_rules_device_model_group_id_foreign (device_model_group_id),
    KEY pricing_rules_device_model_id_foreign (device_model_id),
    CONSTRAINT pricing_rules_device_type_id_foreign FOREIGN KEY (device_type_id) REFERENCES device_types (id) ON DELETE CASCADE,
    CONSTRAINT pricing_rules_repair_type_id_foreign FOREIGN KEY (repair_type_id) REFERENCES repair_types (id) ON DELETE CASCADE,
    CONSTRAINT pricing_rules_device_brand_id_foreign FOREIGN KEY (device_brand_id) REFERENCES device_brands (id) ON DELETE SET NULL,
    CONSTRAINT pricing_rules_device_model_group_id_foreign FOREIGN KEY (device_model_group_id) REFERENCES device_model_groups (id) ON DELETE SET NULL,
    CONSTRAINT pricing_rules_device_model_id_foreign FOREIGN KEY (device_model_id) REFERENCES device_models (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @down
DROP TABLE IF EXISTS pricing_rules;
DROP TABLE IF EXISTS repair_types;
DROP TABLE IF EXISTS device_issue_types;
DROP TABLE IF EXISTS device_models;
DROP TABLE IF EXISTS device_model_groups;
DROP TABLE IF EXISTS device_brands;
DROP TABLE IF EXISTS device_types;
