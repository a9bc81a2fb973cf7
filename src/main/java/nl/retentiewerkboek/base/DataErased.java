package nl.retentiewerkboek.base;

/**
 * A shared event, published by any feature after personal data was deleted (an account, an upload): the embedded database then
 * rewrites its file so the deleted rows are gone from the disk too, not only from queries.
 *
 * @param what what was deleted, for the log
 */
public record DataErased(String what) {}
