package org.actorrpc.ha.zookeeper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RpcService;

/**
 * The endpoint a leader serves during one leadership term: its fencing token is the term's session
 * id. Every accepted call is appended ({@code <token> <epoch micros>}) to an accept log before it
 * is answered; a plain write reaches the page cache, so the log survives a SIGKILL of the JVM.
 */
final class CounterEndpoint extends FencedRpcEndpoint<UUID> implements CounterGateway {

	private final FileChannel acceptLog;

	private long count;

	CounterEndpoint(RpcService rpcService, UUID sessionId, FileChannel acceptLog) {
		super(rpcService, "counter-" + sessionId, sessionId);
		this.acceptLog = acceptLog;
	}

	@Override
	public CompletableFuture<Long> increment(Duration timeout) {
		String line = getFencingToken() + " " + AcceptLog.nowMicros() + "\n";
		try {
			this.acceptLog.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return CompletableFuture.completedFuture(++this.count);
	}

}
