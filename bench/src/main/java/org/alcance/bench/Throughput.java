package org.alcance.bench;

/** So many operations in so many seconds. */
record Throughput(long count, double seconds) {

    double perSecond() {
        return count / seconds;
    }
}
