package dev.trawl.internal.store;

/** A frontier row's state, as the {@code requests.state} column stores it. */
enum RowState {
    PENDING(0), DONE(1), FAILED(2);

    /** The column's value. */
    final int code;

    RowState(int code) {
        this.code = code;
    }

    static RowState of(int code) {
        for (RowState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("no row state " + code);
    }
}
