CREATE TABLE "checkup_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"scenario_count" integer DEFAULT 3 NOT NULL,
	"days_to_complete" integer DEFAULT 14 NOT NULL,
	"recur_days" integer,
	"next_run_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkup_plans_scenario_count" CHECK ("checkup_plans"."scenario_count" between 1 and 10),
	CONSTRAINT "checkup_plans_days" CHECK ("checkup_plans"."days_to_complete" between 1 and 365),
	CONSTRAINT "checkup_plans_recur" CHECK ("checkup_plans"."recur_days" is null or "checkup_plans"."recur_days" between 7 and 730)
);
--> statement-breakpoint
CREATE TABLE "checkup_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"run_no" integer NOT NULL,
	"seed" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "run_id" uuid;--> statement-breakpoint
ALTER TABLE "checkup_plans" ADD CONSTRAINT "checkup_plans_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_plans" ADD CONSTRAINT "checkup_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_runs" ADD CONSTRAINT "checkup_runs_plan_id_checkup_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."checkup_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkup_runs" ADD CONSTRAINT "checkup_runs_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkup_plans_team_idx" ON "checkup_plans" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "checkup_plans_due_idx" ON "checkup_plans" USING btree ("next_run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "checkup_runs_plan_no_unique" ON "checkup_runs" USING btree ("plan_id","run_no");--> statement-breakpoint
CREATE INDEX "checkup_runs_team_idx" ON "checkup_runs" USING btree ("team_id","starts_at");--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_run_id_checkup_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."checkup_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_run_user_item_unique" ON "assignments" USING btree ("run_id","user_id","item_id");--> statement-breakpoint
CREATE INDEX "attempts_assignment_idx" ON "attempts" USING btree ("assignment_id");