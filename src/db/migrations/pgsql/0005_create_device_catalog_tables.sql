-- Device catalog (types, brands, groups, models, issues), repair types, pricing rules (docs/domain/data-model.md).
-- Money columns are BIGINT centavos.
CREATE TABLE device_types (
    id BIGSERIAL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active SMALLINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT device_types_name_unique UNIQUE (name),
    CONSTRAINT device_types_slug_unique UNIQUE (slug)
);
CREATE TABLE device_brands (
    id BIGSERIAL PRIMARY KEY,
    device_type_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active SMALLINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT device_brands_device_type_id_slug_unique UNIQUE (device_type_id, slug),
    CONSTRAINT device_brands_device_type_id_foreign FOREIGN KEY (device_type_id) REFERENCES device_types (id) ON DELETE CASCADE
);
CREATE TABLE device_model_groups (
    id BIGSERIAL PRIMARY KEY,
    device_brand_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active SMALLINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT device_model_groups_device_brand_id_foreign FOREIGN KEY (device_brand_id) REFERENCES device_brands (id) ON DELETE CASCADE
);
CREATE INDEX device_model_groups_device_brand_id_active_index ON device_model_groups (device_brand_id, active);
CREATE TABLE device_models (
    id BIGSERIAL PRIMARY KEY,
    device_brand_id BIGINT NOT NULL,
    device_model_group_id BIGINT NULL,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active SMALLINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT device_models_device_brand_id_slug_unique UNIQUE (device_brand_id, slug),
    CONSTRAINT device_models_device_brand_id_foreign FOREIGN KEY (device_brand_id) REFERENCES device_brands (id) ON DELETE CASCADE,
    CONSTRAINT device_models_device_model_group_id_foreign FOREIGN KEY (device_model_group_id) REFERENCES device_model_groups (id) ON DELETE SET NULL
);
CREATE INDEX device_models_device_brand_id_device_model_group_id_index ON device_models (device_brand_id, device_model_group_id);
CREATE INDEX device_models_device_model_group_id_foreign ON device_models (device_model_group_id);
CREATE TABLE device_issue_types (
    id BIGSERIAL PRIMARY KEY,
    device_type_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active SMALLINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT device_issue_types_device_type_id_slug_unique UNIQUE (device_type_id, slug),
    CONSTRAINT device_issue_types_device_type_id_foreign FOREIGN KEY (device_type_id) REFERENCES device_types (id) ON DELETE CASCADE
);
CREATE TABLE repair_types (
    id BIGSERIAL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active SMALLINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT repair_types_slug_unique UNIQUE (slug)
);
CREATE TABLE pricing_rules (
    id BIGSERIAL PRIMARY KEY,
    device_type_id BIGINT NOT NULL,
    repair_type_id BIGINT NOT NULL,
    device_brand_id BIGINT NULL,
    device_model_group_id BIGINT NULL,
    device_model_id BIGINT NULL,
    -- enum: 'margin' | 'fixed'
    mode VARCHAR(20) NOT NULL DEFAULT 'margin',
    -- ratio, not money: 0.25 = 25 % margin
    multiplier NUMERIC(8,2) NULL,
    -- centavos
    min_profit BIGINT NULL CHECK (min_profit >= 0),
    -- centavos
    fixed_total BIGINT NULL CHECK (fixed_total >= 0),
    -- centavos
    shipping_default BIGINT NOT NULL DEFAULT 0 CHECK (shipping_default >= 0),
    priority INT NOT NULL DEFAULT 0,
    active SMALLINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT pricing_rules_device_type_id_foreign FOREIGN KEY (device_type_id) REFERENCES device_types (id) ON DELETE CASCADE,
    CONSTRAINT pricing_rules_repair_type_id_foreign FOREIGN KEY (repair_type_id) REFERENCES repair_types (id) ON DELETE CASCADE,
    CONSTRAINT pricing_rules_device_brand_id_foreign FOREIGN KEY (device_brand_id) REFERENCES device_brands (id) ON DELETE SET NULL,
    CONSTRAINT pricing_rules_device_model_group_id_foreign FOREIGN KEY (device_model_group_id) REFERENCES device_model_groups (id) ON DELETE SET NULL,
    CONSTRAINT pricing_rules_device_model_id_foreign FOREIGN KEY (device_model_id) REFERENCES device_models (id) ON DELETE SET NULL
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
