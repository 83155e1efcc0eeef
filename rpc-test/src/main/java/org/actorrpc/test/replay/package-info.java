/**
 * Deterministic replay of journaled endpoints: {@link org.actorrpc.test.replay.JournalReplay}
 * re-runs an endpoint class against its journal with no network and virtual time, rebuilds its state
 * at any message and reports the first divergence as a
 * {@link org.actorrpc.test.replay.NonDeterminismException};
 * {@link org.actorrpc.test.replay.ReplayCommand} does the same from the command line and prints
 * journals.
 */
package org.actorrpc.test.replay;
