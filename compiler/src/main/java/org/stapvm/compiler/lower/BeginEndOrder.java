package org.stapvm.compiler.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The order stap 4.8 runs begin, end and error probes in: its translator puts them all in one
 * table (in the order the probes were derived: the script's, then one end probe per displayed
 * global) and sorts it by priority with GCC's {@code std::sort}, which is not stable. With more
 * than 16 probes in the table, probes of one priority come out in the order its introsort leaves
 * them (18 plain end probes run 9, 18, 17, ..., 10, 8, 7, ..., 1). This is libstdc++'s algorithm
 * step for step: introsort loop (median-of-three pivot, unguarded partition, heap sort past the
 * depth limit) then the final insertion sort.
 */
final class BeginEndOrder {
    /** libstdc++'s _S_threshold: ranges up to this size are left to the insertion sort. */
    private static final int THRESHOLD = 16;

    private BeginEndOrder() {}

    /** {@code items} (in derivation order) sorted as std::sort sorts them by {@code priority}. */
    static <T> List<T> sort(List<T> items, ToLongFunction<T> priority) {
        List<T> a = new ArrayList<>(items);
        new Sorter<>(a, priority).sort();
        return a;
    }

    private static final class Sorter<T> {
        private final List<T> a;
        private final ToLongFunction<T> key;

        Sorter(List<T> a, ToLongFunction<T> key) {
            this.a = a;
            this.key = key;
        }

        private boolean less(T x, T y) {
            return key.applyAsLong(x) < key.applyAsLong(y);
        }

        private boolean less(int i, int j) {
            return less(a.get(i), a.get(j));
        }

        private void swap(int i, int j) {
            T t = a.get(i);
            a.set(i, a.get(j));
            a.set(j, t);
        }

        void sort() {
            int n = a.size();
            if (n == 0) {
                return;
            }
            introsortLoop(0, n, 2 * (31 - Integer.numberOfLeadingZeros(n)));
            finalInsertionSort(0, n);
        }

        private void introsortLoop(int first, int last, int depthLimit) {
            while (last - first > THRESHOLD) {
                if (depthLimit == 0) {
                    makeHeap(first, last);
                    sortHeap(first, last);
                    return;
                }
                depthLimit--;
                int cut = partitionPivot(first, last);
                introsortLoop(cut, last, depthLimit);
                last = cut;
            }
        }

        private int partitionPivot(int first, int last) {
            int mid = first + (last - first) / 2;
            moveMedianToFirst(first, first + 1, mid, last - 1);
            return unguardedPartition(first + 1, last, first);
        }

        private void moveMedianToFirst(int result, int x, int y, int z) {
            if (less(x, y)) {
                if (less(y, z)) {
                    swap(result, y);
                } else if (less(x, z)) {
                    swap(result, z);
                } else {
                    swap(result, x);
                }
            } else if (less(x, z)) {
                swap(result, x);
            } else if (less(y, z)) {
                swap(result, z);
            } else {
                swap(result, y);
            }
        }

        private int unguardedPartition(int first, int last, int pivot) {
            while (true) {
                while (less(first, pivot)) {
                    first++;
                }
                last--;
                while (less(pivot, last)) {
                    last--;
                }
                if (first >= last) {
                    return first;
                }
                swap(first, last);
                first++;
            }
        }

        private void finalInsertionSort(int first, int last) {
            if (last - first > THRESHOLD) {
                insertionSort(first, first + THRESHOLD);
                for (int i = first + THRESHOLD; i < last; i++) {
                    linearInsert(i);
                }
            } else {
                insertionSort(first, last);
            }
        }

        private void insertionSort(int first, int last) {
            for (int i = first + 1; i < last; i++) {
                if (less(i, first)) {
                    T v = a.get(i);
                    for (int k = i; k > first; k--) {
                        a.set(k, a.get(k - 1));
                    }
                    a.set(first, v);
                } else {
                    linearInsert(i);
                }
            }
        }

        private void linearInsert(int last) {
            T v = a.get(last);
            int next = last - 1;
            while (less(v, a.get(next))) {
                a.set(last, a.get(next));
                last = next;
                next--;
            }
            a.set(last, v);
        }

        private void makeHeap(int first, int last) {
            int len = last - first;
            if (len < 2) {
                return;
            }
            for (int parent = (len - 2) / 2; ; parent--) {
                adjustHeap(first, parent, len, a.get(first + parent));
                if (parent == 0) {
                    return;
                }
            }
        }

        private void sortHeap(int first, int last) {
            while (last - first > 1) {
                last--;
                T v = a.get(last);
                a.set(last, a.get(first));
                adjustHeap(first, 0, last - first, v);
            }
        }

        private void adjustHeap(int first, int hole, int len, T value) {
            int top = hole;
            int child = hole;
            while (child < (len - 1) / 2) {
                child = 2 * (child + 1);
                if (less(first + child, first + child - 1)) {
                    child--;
                }
                a.set(first + hole, a.get(first + child));
                hole = child;
            }
            if ((len & 1) == 0 && child == (len - 2) / 2) {
                child = 2 * (child + 1);
                a.set(first + hole, a.get(first + child - 1));
                hole = child - 1;
            }
            int parent = (hole - 1) / 2;
            while (hole > top && less(a.get(first + parent), value)) {
                a.set(first + hole, a.get(first + parent));
                hole = parent;
                parent = (hole - 1) / 2;
            }
            a.set(first + hole, value);
        }
    }
}
