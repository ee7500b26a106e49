-- Store catalog: categories and products (docs/domain/data-model.md).
-- Money columns are BIGINT centavos.
CREATE TABLE categories (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    active TINYINT(1) NOT NULL DEFAULT 1,
    description VARCHAR(255) NULL,
    icon VARCHAR(255) NULL,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY categories_slug_unique (slug),
    KEY categories_active_name_idx (active, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE products (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    category_id BIGINT UNSIGNED NOT NULL,
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
    featured TINYINT(1) NOT NULL DEFAULT 0,
    active TINYINT(1) NOT NULL DEFAULT 1,
    created_at DATETIME NULL,
    updated_at DATETIME NULL,
    UNIQUE KEY products_slug_unique (slug),
    KEY products_category_id_foreign (category_id),
    KEY products_active_category_id_featured_id_index (active, category_id, featured, id),
    KEY products_active_category_id_price_id_index (active, category_id, price, id),
    KEY products_active_category_id_name_id_index (active, category_id, name, id),
    KEY products_active_slug_index (active, slug),
    CONSTRAINT products_category_id_foreign FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- @down
DROP TABLE IF EXISTS products;
DROP TABLE IF EXISTS categories;
