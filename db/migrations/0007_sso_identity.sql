ALTER TABLE "users" ADD COLUMN "sso_issuer" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sso_subject" text;--> statement-breakpoint
CREATE UNIQUE INDEX "users_sso_identity_unique" ON "users" USING btree ("sso_issuer","sso_subject");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_sso_identity_whole" CHECK (("users"."sso_issuer" is null) = ("users"."sso_subject" is null));