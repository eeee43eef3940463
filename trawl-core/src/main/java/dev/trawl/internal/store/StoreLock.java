package dev.trawl.internal.store;

import dev.trawl.store.StoreException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A store file's owner: an OS lock on a file beside it ({@code crawl.db.lock}) holding the
 * owner's pid. The OS drops the lock when the process dies, even by kill -9, so a crash never
 * leaves a store locked; a second live process is refused with the owner's pid.
 */
final class StoreLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path store) {
        Path file = store.resolveSibling(store.getFileName() + ".lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String owner = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new StoreException(store + " is in use by another trawl process" + (owner.isEmpty() ? "" : " (pid " + owner + ")")
                        + ": wait for it to end, or use another store");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
            return new StoreLock(channel, lock);
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new StoreException(store + " is already open in this process");
        } catch (IOException e) {
            throw new StoreException("cannot lock " + store + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the channel, or with the process
        }
    }
}
