package io.earnorm.ra.postgres;

import java.util.Arrays;

/**
 * The JDBC objects opened through {@code jdbc()} connections on one session and not closed yet,
 * each with the {@link BorrowedConnection} it was opened through, by identity. Arrays kept with the
 * session from borrow to borrow: once they have grown to what a borrower keeps open at a time,
 * opening and closing a statement allocates nothing (a concurrent set per borrowed connection
 * allocated a table and a node per statement). Borrowers close statements mostly in the reverse
 * order of opening, so removal searches from the end.
 */
final class OpenResources {

    private static final AutoCloseable[] NONE = new AutoCloseable[0];

    private AutoCloseable[] items = new AutoCloseable[4];
    private Object[] owners = new Object[4];
    private int size;

    synchronized void add(AutoCloseable resource, Object owner) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            owners = Arrays.copyOf(owners, size * 2);
        }
        items[size] = resource;
        owners[size] = owner;
        size++;
    }

    synchronized void remove(AutoCloseable resource) {
        for (int i = size - 1; i >= 0; i--) {
            if (items[i] == resource) {
                removeAt(i);
                return;
            }
        }
    }

    /** Takes the resources opened through {@code owner} out of this set, oldest first, for the caller to close. */
    synchronized AutoCloseable[] drain(Object owner) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (owners[i] == owner) {
                n++;
            }
        }
        if (n == 0) {
            return NONE;
        }
        AutoCloseable[] taken = new AutoCloseable[n];
        int k = 0;
        for (int i = 0; i < size; ) {
            if (owners[i] == owner) {
                taken[k++] = items[i];
                removeAt(i);
            } else {
                i++;
            }
        }
        return taken;
    }

    /** Takes every resource still open out of this set, oldest first, for the caller to close. */
    synchronized AutoCloseable[] drainAll() {
        if (size == 0) {
            return NONE;
        }
        AutoCloseable[] taken = Arrays.copyOf(items, size);
        Arrays.fill(items, 0, size, null);
        Arrays.fill(owners, 0, size, null);
        size = 0;
        return taken;
    }

    private void removeAt(int i) {
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        System.arraycopy(owners, i + 1, owners, i, size - i - 1);
        size--;
        items[size] = null;
        owners[size] = null;
    }
}
