-- The quote a repair was created with (issue 5: "the saved repair keeps the figures it was quoted with"):
-- the pricing rule that matched, its label as shown at intake, and the suggested profit, shipping and total
-- (centavos). Later edits of the rule never change these.
ALTER TABLE repairs
    ADD COLUMN quoted_rule_id BIGINT NULL,
    ADD COLUMN quoted_rule_label VARCHAR(255) NULL,
    ADD COLUMN quoted_profit BIGINT NULL,
    ADD COLUMN quoted_shipping BIGINT NULL,
    ADD COLUMN quoted_total BIGINT NULL,
    ADD CONSTRAINT repairs_quoted_rule_id_foreign FOREIGN KEY (quoted_rule_id) REFERENCES pricing_rules (id) ON DELETE SET NULL;
-- @down
ALTER TABLE repairs DROP CONSTRAINT repairs_quoted_rule_id_foreign;
ALTER TABLE repairs DROP COLUMN quoted_total, DROP COLUMN quoted_shipping, DROP COLUMN quoted_profit, DROP COLUMN quoted_rule_label, DROP COLUMN quoted_rule_id;
