-- Device catalog (types, brands, groups, models, issues), repair types, pricing rules (docs/domain/data-model.md).
-- Money columns are INTEGER centavos.
CREATE TABLE device_types (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX device_types_name_unique ON device_types (name);
CREATE UNIQUE INDEX device_types_slug_unique ON device_types (slug);
CREATE TABLE device_brands (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    device_type_id INTEGER NOT NULL REFERENCES device_types (id) ON DELETE CASCADE,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX device_brands_device_type_id_slug_unique ON device_brands (device_type_id, slug);
CREATE TABLE device_model_groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    device_brand_id INTEGER NOT NULL REFERENCES device_brands (id) ON DELETE CASCADE,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE INDEX device_model_groups_device_brand_id_active_index ON device_model_groups (device_brand_id, active);
CREATE TABLE device_models (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    device_brand_id INTEGER NOT NULL REFERENCES device_brands (id) ON DELETE CASCADE,
    device_model_group_id INTEGER NULL REFERENCES device_model_groups (id) ON DELETE SET NULL,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX device_models_device_brand_id_slug_unique ON device_models (device_brand_id, slug);
CREATE INDEX device_models_device_brand_id_device_model_group_id_index ON device_models (device_brand_id, device_model_group_id);
CREATE INDEX device_models_device_model_group_id_foreign ON device_models (device_model_group_id);
CREATE TABLE device_issue_types (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    device_type_id INTEGER NOT NULL REFERENCES device_types (id) ON DELETE CASCADE,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX device_issue_types_device_type_id_slug_unique ON device_issue_types (device_type_id, slug);
CREATE TABLE repair_types (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX repair_types_slug_unique ON repair_types (slug);
CREATE TABLE pricing_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    device_type_id INTEGER NOT NULL REFERENCES device_types (id) ON DELETE CASCADE,
    repair_type_id INTEGER NOT NULL REFERENCES repair_types (id) ON DELETE CASCADE,
    device_brand_id INTEGER NULL REFERENCES device_brands (id) ON DELETE SET NULL,
    device_model_group_id INTEGER NULL REFERENCES device_model_groups (id) ON DELETE SET NULL,
    device_model_id INTEGER NULL REFERENCES device_models (id) ON DELETE SET NULL,
    -- enum: 'margin' | 'fixed'
    mode VARCHAR(20) NOT NULL DEFAULT 'margin' CHECK (mode IN ('margin', 'fixed')),
    -- ratio, not money: 0.25 = 25 % margin (DECIMAL(8,2) in MySQL)
    multiplier NUMERIC NULL,
    -- centavos
    min_profit INTEGER NULL CHECK (min_profit >= 0),
    -- centavos
    fixed_total INTEGER NULL CHECK (fixed_total >= 0),
    -- centavos
    shipping_default INTEGER NOT NULL DEFAULT 0 CHECK (shipping_default >= 0),
    priority INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE INDEX pricing_rules_device_type_id_repair_type_id_active_index ON pricing_rules (device_type_id, repair_type_id, active);
CREATE INDEX pricing_rules_repair_type_id_foreign ON pricing_rules (repair_type_id);
CREATE INDEX pricing_rules_device_brand_id_foreign ON pricing_rules (device_brand_id);
CREATE INDEX pricing_rules_device_model_group_id_foreign ON pricing_rules (device_model_group_id);
CREATE INDEX pricing_rules_device_model_id_foreign ON pricing_rules (device_model_id);
-- @down
DROP TABLE IF EXISTS pricing_rules;
DROP TABLE IF EXISTS repair_types;
DROP TABLE IF EXISTS device_issue_types;
DROP TABLE IF EXISTS device_models;
DROP TABLE IF EXISTS device_model_groups;
DROP TABLE IF EXISTS device_brands;
DROP TABLE IF EXISTS device_types;
