CREATE TABLE "authorities" (
	"code" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_cy" text NOT NULL,
	"org_code" text NOT NULL,
	"upn_la_number" text NOT NULL,
	CONSTRAINT "authorities_org_code_unique" UNIQUE("org_code")
);
--> statement-breakpoint
CREATE TABLE "region_memberships" (
	"authority_code" text NOT NULL,
	"region_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "region_memberships_authority_code_valid_from_pk" PRIMARY KEY("authority_code","valid_from"),
	CONSTRAINT "region_memberships_dates" CHECK ("region_memberships"."valid_to" is null or "region_memberships"."valid_to" > "region_memberships"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_cy" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"id" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_cy" text NOT NULL,
	"authority_code" text NOT NULL,
	"phase" text NOT NULL,
	"medium" text NOT NULL,
	"lowest_age" integer NOT NULL,
	"highest_age" integer NOT NULL,
	CONSTRAINT "schools_phase" CHECK (phase in ('nursery', 'primary', 'middle', 'secondary', 'special', 'pru')),
	CONSTRAINT "schools_medium" CHECK (medium in ('english', 'welsh', 'bilingual', 'dual-stream'))
);
--> statement-breakpoint
ALTER TABLE "region_memberships" ADD CONSTRAINT "region_memberships_authority_code_authorities_code_fk" FOREIGN KEY ("authority_code") REFERENCES "public"."authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_memberships" ADD CONSTRAINT "region_memberships_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_authority_code_authorities_code_fk" FOREIGN KEY ("authority_code") REFERENCES "public"."authorities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "schools_authority" ON "schools" USING btree ("authority_code");