-- Re-measuring: the numeric worksheets can be filled in again as a new measurement; earlier
-- measurements are kept. Worksheets that are not measurements always use measurement 1.
alter table worksheet_answers add column measurement integer default 1 not null;
alter table worksheet_answers drop constraint uq_worksheet_answers;
alter table worksheet_answers add constraint uq_worksheet_answers_measurement unique (owner_id, worksheet, measurement);
