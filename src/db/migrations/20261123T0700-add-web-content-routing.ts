/**
 * TYPE-4 (000 §2.4, 附件二): which unit maintains each part of the agency's website, and whether it
 * has a back office to do it itself. Reference data an administrator edits; GovDesk ships the
 * table of 附件二 and loads it when the table is empty.
 */
export const up = [
  `create table web_content_routes (
    id integer generated always as identity primary key,
    sort_order integer not null,
    menu text not null,
    item text not null,
    responsible_unit text not null,
    data_provider text not null default '',
    note text not null default '',
    self_service boolean not null default false,
    unique (menu, item)
  )`,
];
