-- A participant's last activity and plan download are facts the cohorts module keeps from the
-- workbook's and the action plan's events, per enrollment; they no longer live on the account.
alter table enrollment add column last_activity timestamp;
alter table enrollment add column plan_downloaded_at timestamp;
update enrollment set
    last_activity = (select u.last_activity from app_user u where u.id = enrollment.participant_id),
    plan_downloaded_at = (select u.plan_downloaded_at from app_user u where u.id = enrollment.participant_id);
alter table app_user drop column last_activity;
alter table app_user drop column plan_downloaded_at;
