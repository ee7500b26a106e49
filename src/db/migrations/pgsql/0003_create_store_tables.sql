-- Store catalog: categories and products (docs/domain/data-model.md).
-- Money columns are BIGINT centavos.
CREATE TABLE categories (
    id BIGSERIAL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active SMALLINT NOT NULL DEFAULT 1,
    description VARCHAR(255) NULL,
    icon VARCHAR(255) NULL,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT categories_slug_unique UNIQUE (slug)
);
CREATE INDEX categories_active_name_idx ON categories (active, name);
CREATE TABLE products (
    id BIGSERIAL PRIMARY KEY,
    category_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    brand VARCHAR(255) NULL,
    -- enum: 'original' | 'premium' | 'generico'
    quality VARCHAR(20) NOT NULL DEFAULT 'generico',
    -- centavos
    price BIGINT NOT NULL CHECK (price >= 0),
    stock INT NOT NULL DEFAULT 0 CHECK (stock >= 0),
    short_description VARCHAR(255) NULL,
    description TEXT NULL,
    image_path VARCHAR(255) NULL,
    image VARCHAR(255) NULL,
    featured SMALLINT NOT NULL DEFAULT 0,
    active SMALLINT NOT NULL DEFAULT 1,
    created_at TIMESTAMP(0) NULL,
    updated_at TIMESTAMP(0) NULL,
    CONSTRAINT products_slug_unique UNIQUE (slug),
    CONSTRAINT products_category_id_foreign FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE CASCADE
);
CREATE INDEX products_category_id_foreign ON products (category_id);
CREATE INDEX products_active_category_id_featured_id_index ON products (active, category_id, featured, id);
CREATE INDEX products_active_category_id_price_id_index ON products (active, category_id, price, id);
CREATE INDEX products_active_category_id_name_id_index ON products (active, category_id, name, id);
CREATE INDEX products_active_slug_index ON products (active, slug);
-- @down
DROP TABLE IF EXISTS products;
DROP TABLE IF EXISTS categories;
