package org.actorrpc.journal;

/**
 * A journal cannot be read: a record inside it (not at its torn tail) fails its checksum or
 * cannot be decoded. The message names the segment file and the byte offset.
 */
public class JournalCorruptedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message what is wrong, where
	 * @param cause the underlying failure, or {@code null}
	 */
	public JournalCorruptedException(String message, Throwable cause) {
		super(message, cause);
	}

}
