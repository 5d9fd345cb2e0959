-- Version 5: the rest of an ICB board cover sheet, and the paper's own date.
-- Every field is optional: '' is left out of the paper.
ALTER TABLE covers ADD COLUMN executive_lead          TEXT NOT NULL DEFAULT '';
ALTER TABLE covers ADD COLUMN executive_lead_title    TEXT NOT NULL DEFAULT '';
ALTER TABLE covers ADD COLUMN paper_date              TEXT NOT NULL DEFAULT '';
ALTER TABLE covers ADD COLUMN strategic_objectives    TEXT NOT NULL DEFAULT '';
ALTER TABLE covers ADD COLUMN risk_reference          TEXT NOT NULL DEFAULT '';
ALTER TABLE covers ADD COLUMN risks                   TEXT NOT NULL DEFAULT '';
ALTER TABLE covers ADD COLUMN financial_implications  TEXT NOT NULL DEFAULT '';
ALTER TABLE covers ADD COLUMN quality_equality_impact TEXT NOT NULL DEFAULT '';
ALTER TABLE covers ADD COLUMN health_inequalities     TEXT NOT NULL DEFAULT '';
ALTER TABLE covers ADD COLUMN legal_implications      TEXT NOT NULL DEFAULT '';
ALTER TABLE covers ADD COLUMN conflicts_of_interest   TEXT NOT NULL DEFAULT '';
