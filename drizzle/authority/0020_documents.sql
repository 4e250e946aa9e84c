CREATE TABLE "document_contents" (
	"document_id" text PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "document_contents_not_empty" CHECK (octet_length("document_contents"."content") > 0)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"learner_id" text NOT NULL,
	"section" text NOT NULL,
	"pep_id" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_subject" text NOT NULL,
	"uploaded_by_role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_section" CHECK (section in ('education', 'wellbeing', 'pep')),
	CONSTRAINT "documents_kind" CHECK (kind in ('report', 'assessment', 'plan', 'letter', 'minutes', 'work', 'other')),
	CONSTRAINT "documents_pep_section" CHECK (("documents"."pep_id" is null) = ("documents"."section" <> 'pep')),
	CONSTRAINT "documents_byte_size" CHECK ("documents"."byte_size" > 0),
	CONSTRAINT "documents_sha256" CHECK ("documents"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "document_contents" ADD CONSTRAINT "document_contents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_pep_id_peps_id_fk" FOREIGN KEY ("pep_id") REFERENCES "public"."peps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_learner" ON "documents" USING btree ("learner_id","section","created_at");--> statement-breakpoint
CREATE INDEX "documents_pep" ON "documents" USING btree ("pep_id");