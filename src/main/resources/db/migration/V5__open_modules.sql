-- Which modules a cohort has opened (comma-separated lesson ids); empty means all modules.
alter table cohort add column open_modules varchar(1000);
