ALTER TABLE "attempts" ADD COLUMN "choice_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
UPDATE "attempts" SET "choice_ids" = coalesce((SELECT array_agg("choice_id" ORDER BY "seq") FROM "decisions" WHERE "decisions"."attempt_id" = "attempts"."id"), '{}'::text[]);
