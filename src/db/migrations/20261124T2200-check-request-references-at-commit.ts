/**
 * Issue 7: a filing writes its request's row once, last, with its number
 * (`requestRepository.insertNumbered`). Its history, its clocks and whatever else its effects
 * write before that point at a row that does not exist yet, so every reference from another
 * table to a request is checked when the transaction commits instead of at each statement
 * (`deferrable initially deferred`). A reference to a missing request still fails its
 * transaction, at the commit. A request's reference to the one it applies again for stays
 * immediate: that request exists before.
 *
 * The constraints are found in the catalogue rather than named here, so that a database whose
 * foreign keys were re-created (the bench's loader) is changed the same way;
 * `test/db/request-references.test.ts` checks that every one is deferred.
 */
export const up = [
  `do $$
    declare c record;
    begin
      for c in
        select conrelid::regclass as tbl, conname
          from pg_constraint
          where contype = 'f' and confrelid = 'requests'::regclass and conrelid <> 'requests'::regclass
      loop
        execute format('alter table %s alter constraint %I deferrable initially deferred', c.tbl, c.conname);
      end loop;
    end
  $$`,
];
