-- Cohorts get a join code (unique), can close joining and be archived; participants' last activity
-- and plan downloads are kept for the trainer's dashboard.
alter table cohort add column join_code varchar(20);
alter table cohort add column joining_open boolean default true not null;
alter table cohort add column archived boolean default false not null;
update cohort set join_code = 'DEMO' || cast(id as varchar(12)) where join_code is null;
alter table cohort alter column join_code set not null;
alter table cohort add constraint uq_cohort_join_code unique (join_code);

alter table app_user add column last_activity timestamp;
alter table app_user add column plan_downloaded_at timestamp;
