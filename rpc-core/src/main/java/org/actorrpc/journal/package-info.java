/**
 * The opt-in message journal: everything non-deterministic that enters a journaled endpoint's main
 * thread, in main-thread order, in checksummed, size-bounded, rotating segment files
 * ({@link org.actorrpc.journal.JournalWriter}), and the reader that turns them back into
 * {@link org.actorrpc.journal.JournalRecord}s for printing and replay (the replay itself is in the
 * {@code rpc-test} module). Enabled per endpoint with {@link org.actorrpc.journal.JournalSettings}.
 */
package org.actorrpc.journal;
