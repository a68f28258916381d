CREATE TABLE "scenario_versions" (
	"content_hash" text PRIMARY KEY NOT NULL,
	"scenario_id" text NOT NULL,
	"definition" jsonb NOT NULL,
	"persona_mood" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attempts" ADD COLUMN "shuffle_seed" integer DEFAULT 0 NOT NULL;