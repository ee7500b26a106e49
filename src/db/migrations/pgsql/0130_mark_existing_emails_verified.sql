-- E-mail verification (issue 19) starts with this release: users.email_verified_at existed since 0001 but nothing
-- ever wrote it, so NULL meant "never asked", not "unproven". Accounts that exist now are grandfathered as verified
-- (from their sign-up date): switching AUTH_EMAIL_VERIFICATION=required must not stop the shop's existing customers
-- at the checkout. Google sign-ins without a verified address (the google_…@example.local placeholder) stay NULL.
-- From now on the column is set by the mailed link, by Google (email_verified=true) and for operator-made admins.
UPDATE users SET email_verified_at = COALESCE(created_at, CURRENT_TIMESTAMP)
WHERE email_verified_at IS NULL AND email NOT LIKE '%@example.local';
-- @down
-- nothing to undo: later verifications cannot be told apart from these, and a verified mark is harmless.
