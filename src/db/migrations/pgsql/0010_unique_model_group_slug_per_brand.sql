-- Model group slugs are unique per brand (the reference relied on application logic only; the device catalog
-- refuses duplicate names first, and this index keeps two concurrent creations from both succeeding).
CREATE UNIQUE INDEX device_model_groups_device_brand_id_slug_unique ON device_model_groups (device_brand_id, slug);
-- @down
DROP INDEX IF EXISTS device_model_groups_device_brand_id_slug_unique;
