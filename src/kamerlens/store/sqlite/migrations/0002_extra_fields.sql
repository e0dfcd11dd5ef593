-- Fields the record contract gains later (additive dataclass fields) are kept as JSON in
-- "extra", so a store never loses what the extractor found; a later migration may promote one
-- to a column of its own.
ALTER TABLE "references" ADD COLUMN extra TEXT;
ALTER TABLE "motions" ADD COLUMN extra TEXT;
ALTER TABLE "amounts" ADD COLUMN extra TEXT;
ALTER TABLE "percentages" ADD COLUMN extra TEXT;
ALTER TABLE "dates" ADD COLUMN extra TEXT;
ALTER TABLE "events" ADD COLUMN extra TEXT;
ALTER TABLE "commitments" ADD COLUMN extra TEXT;
ALTER TABLE "fulfilments" ADD COLUMN extra TEXT;
ALTER TABLE "positions" ADD COLUMN extra TEXT;
ALTER TABLE "entities" ADD COLUMN extra TEXT;
ALTER TABLE "findings" ADD COLUMN extra TEXT;
ALTER TABLE "footnotes" ADD COLUMN extra TEXT;
ALTER TABLE "sections" ADD COLUMN extra TEXT;

-- The recipient key an extractor may give (Amount.recipient_key) as a column: pledges group on it.
ALTER TABLE amounts ADD COLUMN recipient_key TEXT;
