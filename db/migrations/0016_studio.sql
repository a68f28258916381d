CREATE TYPE "public"."studio_kind" AS ENUM('scenario', 'persona');--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'author' BEFORE 'admin';--> statement-breakpoint
CREATE TABLE "studio_documents" (
	"kind" "studio_kind" NOT NULL,
	"id" text NOT NULL,
	"draft" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studio_documents_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
CREATE TABLE "studio_versions" (
	"seq" serial PRIMARY KEY NOT NULL,
	"kind" "studio_kind" NOT NULL,
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"yaml" text NOT NULL,
	"note" text,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "studio_documents" ADD CONSTRAINT "studio_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_documents" ADD CONSTRAINT "studio_documents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_versions" ADD CONSTRAINT "studio_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "studio_versions_doc_version_unique" ON "studio_versions" USING btree ("kind","id","version");