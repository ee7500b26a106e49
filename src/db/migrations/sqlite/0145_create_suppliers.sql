-- suppliers: who sold us a part or product, for the warranty registry (issue 21 item 5, docs/domain/warranty.md).
-- Small on purpose (name, contact, notes): the registry needs a name to group losses by, and the incident form can
-- add one inline. Names are unique (the app also refuses a name that differs only in letter case).
CREATE TABLE suppliers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(255) NOT NULL,
    contact VARCHAR(255) NULL,
    notes TEXT NULL,
    created_at TEXT NULL,
    updated_at TEXT NULL
);
CREATE UNIQUE INDEX suppliers_name_unique ON suppliers (name);
-- @down
DROP TABLE IF EXISTS suppliers;
