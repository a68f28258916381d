-- A decision's xAPI statement is 2–3 KB: over the default 2 KB threshold, every queued row was
-- compressed and moved to a TOAST table in the decision's own statement. Rows up to a page now
-- stay inline and uncompressed; they are short-lived, so the space matters less than the write.
ALTER TABLE "xapi_outbox" SET (toast_tuple_target = 8160);
