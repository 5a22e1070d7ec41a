// Waits until freshly created indexes are online, so that the first search after start-up finds what was written.
CALL db.awaitIndexes($timeoutSeconds)
