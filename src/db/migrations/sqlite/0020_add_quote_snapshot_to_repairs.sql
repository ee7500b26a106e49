-- The quote a repair was created with (issue 5: "the saved repair keeps the figures it was quoted with"):
-- the pricing rule that matched, its label as shown at intake, and the suggested profit, shipping and total
-- (centavos). Later edits of the rule never change these.
ALTER TABLE repairs ADD COLUMN quoted_rule_id INTEGER NULL REFERENCES pricing_rules (id) ON DELETE SET NULL;
ALTER TABLE repairs ADD COLUMN quoted_rule_label VARCHAR(255) NULL;
-- centavos
ALTER TABLE repairs ADD COLUMN quoted_profit INTEGER NULL;
-- centavos
ALTER TABLE repairs ADD COLUMN quoted_shipping INTEGER NULL;
-- centavos
ALTER TABLE repairs ADD COLUMN quoted_total INTEGER NULL;
-- @down
ALTER TABLE repairs DROP COLUMN quoted_total;
ALTER TABLE repairs DROP COLUMN quoted_shipping;
ALTER TABLE repairs DROP COLUMN quoted_profit;
ALTER TABLE repairs DROP COLUMN quoted_rule_label;
ALTER TABLE repairs DROP COLUMN quoted_rule_id;
