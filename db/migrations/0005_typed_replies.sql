ALTER TABLE "attempts" ADD COLUMN "reply_scores" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "reply_text" text;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "coach" jsonb;--> statement-breakpoint
ALTER TABLE "scenario_versions" ADD COLUMN "persona_name" text;