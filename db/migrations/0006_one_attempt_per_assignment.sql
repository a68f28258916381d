-- Before one attempt per assignment is enforced, earlier extra attempts become practice: the
-- first completed attempt (or, with none completed, the first started) stays the result.
WITH ranked AS (
  SELECT id, row_number() OVER (
    PARTITION BY assignment_id
    ORDER BY (status = 'completed') DESC, finished_at ASC NULLS LAST, started_at ASC, id
  ) AS n
  FROM "attempts" WHERE assignment_id IS NOT NULL
)
UPDATE "attempts" SET assignment_id = NULL, mode = 'practice' FROM ranked WHERE "attempts".id = ranked.id AND ranked.n > 1;--> statement-breakpoint
DROP INDEX "attempts_assignment_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "attempts_one_per_assignment" ON "attempts" USING btree ("assignment_id") WHERE "attempts"."assignment_id" is not null;
