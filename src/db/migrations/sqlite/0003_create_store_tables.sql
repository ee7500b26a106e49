-- Store catalog: categories and products (docs/domain/data-model.md).
-- Money columns are INTEGER centavos.
CREATE TABLE categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    description VARCHAR(255) NULL,
    icon VARCHAR(255) NULL,
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX categories_slug_unique ON categories (slug);
CREATE INDEX categories_active_name_idx ON categories (active, name);
CREATE TABLE products (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    category_id INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    brand VARCHAR(255) NULL,
    -- enum: 'original' | 'premium' | 'generico'
    quality VARCHAR(20) NOT NULL DEFAULT 'generico' CHECK (quality IN ('original', 'premium', 'generico')),
    -- centavos
    price INTEGER NOT NULL CHECK (price >= 0),
    stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
    short_description VARCHAR(255) NULL,
    description TEXT NULL,
    image_path VARCHAR(255) NULL,
    image VARCHAR(255) NULL,
    featured INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX products_slug_unique ON products (slug);
CREATE INDEX products_category_id_foreign ON products (category_id);
CREATE INDEX products_active_category_id_featured_id_index ON products (active, category_id, featured, id);
CREATE INDEX products_active_category_id_price_id_index ON products (active, category_id, price, id);
CREATE INDEX products_active_category_id_name_id_index ON products (active, category_id, name, id);
CREATE INDEX products_active_slug_index ON products (active, slug);
-- @down
DROP TABLE IF EXISTS products;
DROP TABLE IF EXISTS categories;
