CREATE TABLE "check_answers" (
	"user_id" uuid NOT NULL,
	"module_id" text NOT NULL,
	"check_id" text NOT NULL,
	"option_id" text NOT NULL,
	"correct" boolean NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_answers_user_id_module_id_check_id_pk" PRIMARY KEY("user_id","module_id","check_id")
);
--> statement-breakpoint
CREATE TABLE "reflections" (
	"user_id" uuid NOT NULL,
	"module_id" text NOT NULL,
	"reflection_id" text NOT NULL,
	"text" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflections_user_id_module_id_reflection_id_pk" PRIMARY KEY("user_id","module_id","reflection_id")
);
--> statement-breakpoint
ALTER TABLE "check_answers" ADD CONSTRAINT "check_answers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;