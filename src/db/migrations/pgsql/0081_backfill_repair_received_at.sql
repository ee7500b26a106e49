-- Every repair has received_at (intake sets it; the reference back-filled old rows from created_at). With no
-- NULLs left, the admin list orders open repairs by received_at alone and the (status, received_at) index
-- serves it instead of sorting every repair of the status.
UPDATE repairs SET received_at = created_at WHERE received_at IS NULL;
-- @down
-- nothing to undo: the filled-in dates are correct either way.
