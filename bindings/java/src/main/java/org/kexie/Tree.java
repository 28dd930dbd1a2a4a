// The lock of one tree of handles: a registry (or a snapshot) and every book,
// campaign and scoreboard over it share one readers-writer lock, because a write
// anywhere in the tree may race with a read anywhere in it (docs/reliability.md,
// "Thread safety (C++ and C)"). Read-only C calls hold it shared and run
// concurrently; writes and frees hold it exclusively. A call that spans several
// trees (a transition: the book's and the actor's) takes their locks in the
// order of their serial numbers, so two such calls cannot deadlock.
package org.kexie;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/** Package-private: {@code tree.read(() -> Native.C.kx_book_size(...))} */
final class Tree {
  private static final AtomicLong SERIALS = new AtomicLong();
  final long serial = SERIALS.incrementAndGet();
  final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /** Runs {@code body} holding the lock shared. */
  <T> T read(Supplier<T> body) {
    return with(body, lock.readLock());
  }

  /** Runs {@code body} holding the lock exclusively. */
  <T> T write(Supplier<T> body) {
    return with(body, lock.writeLock());
  }

  private static <T> T with(Supplier<T> body, Lock l) {
    l.lock();
    try {
      return body.get();
    } finally {
      l.unlock();
    }
  }

  /** Runs {@code body} holding {@code first} (exclusively when {@code write}) and
   *  {@code second} shared, locked in serial order. */
  static <T> T both(Tree first, boolean write, Tree second, Supplier<T> body) {
    if (first == second) {
      return write ? first.write(body) : first.read(body);
    }
    Lock a = write ? first.lock.writeLock() : first.lock.readLock();
    Lock b = second.lock.readLock();
    Lock x = first.serial < second.serial ? a : b;
    Lock y = first.serial < second.serial ? b : a;
    x.lock();
    try {
      y.lock();
      try {
        return body.get();
      } finally {
        y.unlock();
      }
    } finally {
      x.unlock();
    }
  }
}
